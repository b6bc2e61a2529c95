using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using Resolute.Web.Pages;

namespace Resolute.Web.Hosting;

/// <summary>
/// Per-client rate limits (ASP.NET Core's rate-limiting middleware), set in <see cref="SignInOptions"/>: sign-in
/// attempts per IP address in a sliding window, API requests per signed-in user (else per address) per minute. A
/// rejected request gets 429 with <c>Retry-After</c>, as a page or as problem details.
/// </summary>
public static class Throttle
{
    /// <summary>The policy on POST /login and POST /setup.</summary>
    public const string SignIn = "sign-in";

    /// <summary>The policy on every /api endpoint.</summary>
    public const string Api = "api";

    public static void AddThrottles(this IServiceCollection services) => services.AddRateLimiter(o =>
    {
        o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
        o.AddPolicy(SignIn, ctx =>
        {
            var s = Settings(ctx);
            return RateLimitPartition.GetSlidingWindowLimiter("ip:" + Address(ctx), _ => new SlidingWindowRateLimiterOptions
            {
                PermitLimit = s.AttemptsPerClient,
                Window = s.AttemptWindow,
                SegmentsPerWindow = Math.Clamp(s.AttemptWindowSeconds / 10, 1, 30),
                QueueLimit = 0,
                AutoReplenishment = true,
            });
        });
        o.AddPolicy(Api, ctx =>
        {
            var s = Settings(ctx);
            var who = ctx.User.Identity is { IsAuthenticated: true, Name: { } name } ? "user:" + name : "ip:" + Address(ctx);
            return RateLimitPartition.GetFixedWindowLimiter(who, _ => new FixedWindowRateLimiterOptions
            {
                PermitLimit = s.ApiRequestsPerMinute,
                Window = TimeSpan.FromMinutes(1),
                QueueLimit = 0,
                AutoReplenishment = true,
            });
        });
        o.OnRejected = (context, _) => RejectAsync(context.HttpContext, context.Lease);
    });

    private static SignInOptions Settings(HttpContext ctx) => ctx.RequestServices.GetRequiredService<IOptions<ResoluteOptions>>().Value.SignIn;

    /// <summary>The client's address as the server sees it (behind a reverse proxy, configure forwarded headers first).</summary>
    private static string Address(HttpContext ctx) => ctx.Connection.RemoteIpAddress?.ToString() ?? "unknown";

    private static async ValueTask RejectAsync(HttpContext ctx, RateLimitLease lease)
    {
        var wait = lease.TryGetMetadata(MetadataName.RetryAfter, out var retry) ? retry : TimeSpan.FromSeconds(60);
        var seconds = Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds));
        ctx.Response.StatusCode = StatusCodes.Status429TooManyRequests;
        ctx.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        var detail = !Errors.IsApi(ctx)
            ? $"Too many sign-in attempts from your address. Try again in {Wait(seconds)}."
            : $"Too many API requests; try again in {Wait(seconds)}.";
        if (Errors.IsApi(ctx))
        {
            await ctx.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
            {
                HttpContext = ctx,
                ProblemDetails = new ProblemDetails { Status = 429, Title = "Too many requests", Detail = detail },
            });
            return;
        }
        await Html.WriteAsync(ctx, Html.ErrorPage(ctx, "Too many attempts", detail), StatusCodes.Status429TooManyRequests);
    }

    private static string Wait(int seconds) => seconds < 120
        ? string.Create(CultureInfo.InvariantCulture, $"{seconds} seconds")
        : string.Create(CultureInfo.InvariantCulture, $"{(seconds + 59) / 60} minutes");
}
