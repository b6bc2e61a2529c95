using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Resolute.Domain.Diagnostics;
using Resolute.Web.Api;
using Resolute.Web.Pages;
using Resolute.Web.Runs;
using Resolute.Web.Store;

namespace Resolute.Web.Hosting;

/// <summary>Composes the dashboard: services, the request pipeline and the endpoint groups.</summary>
public static class WebApp
{
    /// <summary>Registers every service; settings are validated here, once, with every problem listed.</summary>
    public static void AddResolute(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        var config = builder.Configuration;
        // Settings are read lazily (through IOptions) so that test hosts and environment variables can set them, and
        // validated on start with every problem in one message.
        services.AddOptions<ResoluteOptions>().Bind(config.GetSection(ResoluteOptions.Section)).ValidateOnStart();
        services.AddOptions<RunStoreOptions>().Bind(config.GetSection(RunStoreOptions.Section))
            .PostConfigure(o => o.ConnectionString ??= config.GetConnectionString("Resolute")).ValidateOnStart();
        services.AddSingleton<IValidateOptions<ResoluteOptions>>(new ListValidator<ResoluteOptions>(o => o.Validate()));
        services.AddSingleton<IValidateOptions<RunStoreOptions>>(new ListValidator<RunStoreOptions>(o => o.Validate()));

        services.AddSingleton(TimeProvider.System);
        services.AddDbContext<SqliteStoreDb>((sp, o) =>
            o.UseSqlite(sp.GetRequiredService<IOptions<RunStoreOptions>>().Value.SqliteConnectionString(sp.GetRequiredService<IHostEnvironment>().ContentRootPath)));
        services.AddDbContext<PostgresStoreDb>((sp, o) => o.UseNpgsql(sp.GetRequiredService<IOptions<RunStoreOptions>>().Value.PostgresConnectionString()));
        services.AddScoped<StoreDb>(sp => sp.GetRequiredService<IOptions<RunStoreOptions>>().Value.IsPostgres
            ? sp.GetRequiredService<PostgresStoreDb>()
            : sp.GetRequiredService<SqliteStoreDb>());

        services.AddIdentity<IdentityUser, IdentityRole>(o =>
            {
                o.User.RequireUniqueEmail = false;
                o.Password.RequiredLength = 8;
            })
            .AddEntityFrameworkStores<StoreDb>()
            .AddDefaultTokenProviders();
        services.AddOptions<IdentityOptions>().Configure<IOptions<ResoluteOptions>>((o, r) =>
        {
            o.Lockout.MaxFailedAccessAttempts = r.Value.SignIn.MaxFailedAttempts;
            o.Lockout.DefaultLockoutTimeSpan = r.Value.SignIn.Lockout;
            o.Lockout.AllowedForNewUsers = true;
        });
        services.AddThrottles();
        services.ConfigureApplicationCookie(o =>
        {
            o.LoginPath = "/login";
            o.LogoutPath = "/logout";
            o.Cookie.Name = "resolute.auth";
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Lax;
            o.SlidingExpiration = true;
            o.ExpireTimeSpan = TimeSpan.FromHours(8);
            o.Events.OnRedirectToLogin = ctx => Errors.ChallengeAsync(ctx.HttpContext, ctx.RedirectUri);
            o.Events.OnRedirectToAccessDenied = ctx => Errors.ForbidAsync(ctx.HttpContext);
        });
        services.AddAuthorizationBuilder()
            .AddPolicy(Roles.Read, p => p.RequireRole(Roles.Viewer, Roles.Analyst, Roles.Admin))
            .AddPolicy(Roles.Edit, p => p.RequireRole(Roles.Analyst, Roles.Admin))
            .AddPolicy(Roles.ManageUsers, p => p.RequireRole(Roles.Admin))
            // An endpoint that forgets to say who may call it is closed to all but readers, never open.
            .SetFallbackPolicy(new AuthorizationPolicyBuilder().RequireRole(Roles.Viewer, Roles.Analyst, Roles.Admin).Build());
        services.AddAntiforgery(o =>
        {
            o.HeaderName = Errors.AntiforgeryHeader;
            o.Cookie.Name = "resolute.csrf";
        });
        services.AddProblemDetails();
        services.AddOpenApi(o => o.AddDocumentTransformer((doc, _, _) =>
        {
            doc.Info.Title = "Resolute dashboard API";
            doc.Info.Description = "Scenarios, runs and comparisons of the Resolute planning toolkit. Sign in at /login (cookie); send the token from GET /api/antiforgery in the "
                + Errors.AntiforgeryHeader + " header on POST, PUT and DELETE.";
            return Task.CompletedTask;
        }));

        services.AddSingleton<DatasetProvider>();
        services.AddSingleton<StoreGate>();
        // Registered before the run worker and the web server, so the store starts opening before either.
        services.AddHostedService<StoreOpener>();
        services.AddSingleton<RunBacklog>();
        services.AddSingleton<RunMonitor>();
        services.AddScoped<ScenarioService>();
        services.AddScoped<RunService>();
        services.AddHostedService<RunWorker>();
        services.AddOptions<Microsoft.AspNetCore.Server.Kestrel.Core.KestrelServerOptions>()
            .Configure<IOptions<ResoluteOptions>>((k, r) => k.Limits.MaxRequestBodySize = r.Value.MaxUploadBytes);
        services.AddOptions<Microsoft.AspNetCore.Http.Features.FormOptions>().Configure<IOptions<ResoluteOptions>>((f, r) =>
        {
            f.MultipartBodyLengthLimit = r.Value.MaxUploadBytes;
            f.ValueLengthLimit = (int)r.Value.MaxUploadBytes;
        });
    }

    /// <summary>The pipeline and every endpoint.</summary>
    public static void UseResolute(this WebApplication app)
    {
        // First, so every answer carries the policy, error pages too.
        app.UseMiddleware<ContentSecurity>();
        app.UseMiddleware<Errors>();
        app.UseRouting();
        app.UseAuthentication();
        // After authentication, so the API limit can count per signed-in user.
        app.UseRateLimiter();
        app.UseAuthorization();
        app.UseAntiforgery();

        app.MapGet("/health", async (HttpContext ctx, StoreGate gate, IOptions<RunStoreOptions> store, CancellationToken ct) =>
            {
                if (await gate.WaitAsync(store.Value.OpenWait, ct) is not { } why) return Results.Ok(new { status = "ok" });
                Errors.SetRetryAfter(ctx);
                return Results.Json(new { status = "store unavailable", detail = why }, statusCode: StatusCodes.Status503ServiceUnavailable);
            })
            .AllowAnonymous().ExcludeFromDescription();
        app.MapOpenApi().RequireAuthorization(Roles.Read);
        app.MapAccounts();
        app.MapApi();
        app.MapPages();
    }
}

/// <summary>Reports every invalid setting of <typeparamref name="T"/> at once.</summary>
internal sealed class ListValidator<T>(Func<T, IReadOnlyList<Diagnostic>> validate) : IValidateOptions<T> where T : class
{
    public ValidateOptionsResult Validate(string? name, T options) =>
        validate(options) is { Count: > 0 } errors ? ValidateOptionsResult.Fail(errors.Select(e => e.ToString())) : ValidateOptionsResult.Success;
}
