using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using Resolute.Web.Pages;
using Resolute.Web.Store;

namespace Resolute.Web.Hosting;

/// <summary>
/// The outermost middleware: rejects oversized bodies before they are read, holds requests until the store is open,
/// and turns failures into a clear message — problem details under <c>/api</c>, a page elsewhere. A store that is
/// locked or unreachable answers 503 with what happened; nothing half-done is saved.
/// </summary>
public sealed partial class Errors(RequestDelegate next, StoreGate gate, IOptions<ResoluteOptions> options, IOptions<RunStoreOptions> store,
    IProblemDetailsService problems, ILogger<Errors> log)
{
    /// <summary>The header that carries the antiforgery token on API calls.</summary>
    public const string AntiforgeryHeader = "X-CSRF-TOKEN";

    public async Task InvokeAsync(HttpContext ctx)
    {
        var limit = options.Value.MaxUploadBytes;
        if (ctx.Request.ContentLength is { } length && length > limit)
        {
            await WriteAsync(ctx, StatusCodes.Status413PayloadTooLarge, "Upload too large", TooLarge(length, limit));
            return;
        }
        if (ctx.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } body) body.MaxRequestBodySize = limit;

        if (!gate.IsOpen && !ctx.Request.Path.StartsWithSegments("/health", StringComparison.OrdinalIgnoreCase))
        {
            string? unavailable;
            try
            {
                unavailable = await gate.WaitAsync(store.Value.OpenWait, ctx.RequestAborted);
            }
            catch (OperationCanceledException) when (ctx.RequestAborted.IsCancellationRequested)
            {
                return; // the client went away; the store goes on opening
            }
            if (unavailable is not null)
            {
                await WriteAsync(ctx, StatusCodes.Status503ServiceUnavailable, "Run store unavailable", unavailable);
                return;
            }
        }

        try
        {
            await next(ctx);
            if (!ctx.Response.HasStarted && ctx.Response.StatusCode >= 400)
            {
                var (title, detail) = EmptyAnswer(ctx);
                await WriteAsync(ctx, ctx.Response.StatusCode, title, detail);
            }
        }
        catch (Exception e) when (!ctx.Response.HasStarted && StoreErrors.Describe(e, "the database") is { } message)
        {
            LogStore(log, e);
            await WriteAsync(ctx, StatusCodes.Status503ServiceUnavailable, "Run store unavailable", message);
        }
        catch (BadHttpRequestException e) when (!ctx.Response.HasStarted)
        {
            var status = e.StatusCode;
            await WriteAsync(ctx, status, status == StatusCodes.Status413PayloadTooLarge ? "Upload too large" : "Bad request",
                status == StatusCodes.Status413PayloadTooLarge ? TooLarge(null, limit) : e.Message);
        }
        catch (OperationCanceledException) when (ctx.RequestAborted.IsCancellationRequested)
        {
            // The client went away; nothing to answer.
        }
        catch (Exception e) when (!ctx.Response.HasStarted)
        {
            LogUnexpected(log, e);
            await WriteAsync(ctx, StatusCodes.Status500InternalServerError, "Unexpected error",
                "The server failed unexpectedly; nothing was changed. The error is in the server log.");
        }
    }

    /// <summary>
    /// What to say when the framework answered an error with no body (a form without its antiforgery token, a form
    /// field missing, an unknown address): a person or a script should read why, not a blank page.
    /// </summary>
    private static (string Title, string Detail) EmptyAnswer(HttpContext ctx) => ctx.Response.StatusCode switch
    {
        StatusCodes.Status400BadRequest when ctx.Features.Get<IAntiforgeryValidationFeature>() is { IsValid: false } =>
            ("Form expired", IsApi(ctx)
                ? $"Missing or invalid antiforgery token: get one from GET /api/antiforgery and send it in the {AntiforgeryHeader} header. Nothing was changed."
                : "The form was missing its security token or it had expired (for example after signing in again elsewhere). Nothing was changed: reload the page and submit the form again."),
        StatusCodes.Status400BadRequest => ("Bad request", "The request was incomplete or malformed (a required field may be missing). Nothing was changed."),
        StatusCodes.Status404NotFound => ("Not found", $"There is nothing at {ctx.Request.Path}. Start from the scenario list."),
        StatusCodes.Status405MethodNotAllowed => ("Method not allowed", $"{ctx.Request.Method} is not accepted at {ctx.Request.Path}."),
        var status => ("Request failed", $"The server answered {status}. Nothing was changed."),
    };

    public static string TooLarge(long? length, long limit) => length is { } n
        ? $"The upload is {ResoluteOptions.Size(n)}; the limit is {ResoluteOptions.Size(limit)}. Nothing was saved: upload a smaller file (a scenario is usually under 20 KiB)."
        : $"The upload is larger than the limit of {ResoluteOptions.Size(limit)}. Nothing was saved: upload a smaller file (a scenario is usually under 20 KiB).";

    /// <summary>Tells a client when to try a 503 again (the store's retry interval).</summary>
    public static void SetRetryAfter(HttpContext ctx) =>
        ctx.Response.Headers.RetryAfter = ((int)StoreGate.RetryAfter.TotalSeconds).ToString(System.Globalization.CultureInfo.InvariantCulture);

    public static bool IsApi(HttpContext ctx) => ctx.Request.Path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase)
        || ctx.Request.Path.StartsWithSegments("/openapi", StringComparison.OrdinalIgnoreCase);

    private async Task WriteAsync(HttpContext ctx, int status, string title, string detail)
    {
        ctx.Response.Clear();
        ctx.Response.StatusCode = status;
        if (status == StatusCodes.Status413PayloadTooLarge) ctx.Response.Headers.Connection = "close";
        if (status == StatusCodes.Status503ServiceUnavailable) SetRetryAfter(ctx); // every 503 here is the store's: it is retried
        if (IsApi(ctx))
        {
            await problems.WriteAsync(new ProblemDetailsContext
            {
                HttpContext = ctx,
                ProblemDetails = new ProblemDetails { Status = status, Title = title, Detail = detail },
            });
            return;
        }
        await Html.WriteAsync(ctx, Html.ErrorPage(ctx, title, detail), status);
    }

    /// <summary>Not signed in: 401 problem details for the API, the login page for a person.</summary>
    public static Task ChallengeAsync(HttpContext ctx, string redirectUri)
    {
        if (IsApi(ctx))
        {
            ctx.Response.StatusCode = StatusCodes.Status401Unauthorized;
            return ctx.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
            {
                HttpContext = ctx,
                ProblemDetails = new ProblemDetails { Status = 401, Title = "Sign in required", Detail = "Sign in at /login first; the API uses the same cookie as the pages." },
            }).AsTask();
        }
        ctx.Response.Redirect(redirectUri);
        return Task.CompletedTask;
    }

    /// <summary>Signed in without the role: 403 with what the role cannot do.</summary>
    public static Task ForbidAsync(HttpContext ctx)
    {
        var roles = string.Join(", ", Roles.All.Where(ctx.User.IsInRole));
        var detail = $"Your role ({(roles.Length == 0 ? "none" : roles)}) does not allow this: viewers read, analysts edit and run, admins manage users.";
        ctx.Response.StatusCode = StatusCodes.Status403Forbidden;
        if (IsApi(ctx))
        {
            return ctx.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
            {
                HttpContext = ctx,
                ProblemDetails = new ProblemDetails { Status = 403, Title = "Not allowed", Detail = detail },
            }).AsTask();
        }
        return Html.WriteAsync(ctx, Html.ErrorPage(ctx, "Not allowed", detail), 403);
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "The run store failed")]
    private static partial void LogStore(ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Error, Message = "Unhandled error")]
    private static partial void LogUnexpected(ILogger logger, Exception exception);
}
