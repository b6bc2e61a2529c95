using System.Net.ServerSentEvents;
using System.Runtime.CompilerServices;
using System.Text;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using Resolute.Web.Hosting;
using Resolute.Web.Runs;
using Resolute.Web.Store;

namespace Resolute.Web.Api;

/// <summary>A scenario as listed.</summary>
public sealed record ScenarioSummary(string Id, string Name, int Revision, DateTimeOffset UpdatedUtc, string UpdatedBy)
{
    public static ScenarioSummary Of(ScenarioRecord s) => new(s.Id, s.Name, s.Revision, s.UpdatedUtc, s.UpdatedBy);
}

/// <summary>A scenario with its YAML.</summary>
public sealed record ScenarioDocument(string Id, string Name, int Revision, DateTimeOffset UpdatedUtc, string UpdatedBy, string Yaml)
{
    public static ScenarioDocument Of(ScenarioRecord s) => new(s.Id, s.Name, s.Revision, s.UpdatedUtc, s.UpdatedBy, s.Yaml);
}

/// <summary>YAML to validate; <c>Id</c>, when given, must be the YAML's id.</summary>
public sealed record ValidateRequest(string Yaml, string? Id = null);

/// <summary>The validation answer: every problem with its line and column.</summary>
public sealed record ValidateResponse(bool Valid, IReadOnlyList<ScenarioProblem> Problems);

/// <summary>New YAML for a scenario; <c>Revision</c> is the one the edit started from (a newer saved revision is a conflict).</summary>
public sealed record SaveRequest(string Yaml, int? Revision = null);

/// <summary>A new id for a copy.</summary>
public sealed record CopyRequest(string NewId);

/// <summary>The antiforgery token to send in the <c>X-CSRF-TOKEN</c> header.</summary>
public sealed record AntiforgeryToken(string Token, string HeaderName);

/// <summary>What a cancel request came to.</summary>
public sealed record CancelResponse(long Id, string Outcome);

/// <summary>The JSON API under <c>/api</c>: scenarios, runs, progress (server-sent events), results and comparisons.</summary>
public static class ApiEndpoints
{
    public static void MapApi(this WebApplication app)
    {
        var api = app.MapGroup("/api").AddAntiforgeryCheck().RequireRateLimiting(Throttle.Api);
        api.MapGet("/antiforgery", (HttpContext ctx, IAntiforgery af) =>
            {
                var t = af.GetAndStoreTokens(ctx);
                return TypedResults.Ok(new AntiforgeryToken(t.RequestToken ?? "", Errors.AntiforgeryHeader));
            })
            .RequireAuthorization(Roles.Read).WithTags("Session").WithSummary("An antiforgery token for POST, PUT and DELETE calls.");

        var scenarios = api.MapGroup("/scenarios").WithTags("Scenarios");
        scenarios.MapGet("/", async (ScenarioService s, CancellationToken ct) => TypedResults.Ok((await s.ListAsync(ct)).Select(ScenarioSummary.Of).ToList()))
            .RequireAuthorization(Roles.Read).WithSummary("Lists the scenarios.");
        scenarios.MapGet("/{id}", async Task<Results<Ok<ScenarioDocument>, ProblemHttpResult>> (string id, ScenarioService s, CancellationToken ct) =>
                await s.GetAsync(id, ct) is { } r ? TypedResults.Ok(ScenarioDocument.Of(r)) : NoScenario(id))
            .RequireAuthorization(Roles.Read).WithSummary("A scenario with its YAML.");
        scenarios.MapPost("/validate", Results<Ok<ValidateResponse>, ProblemHttpResult> (ValidateRequest body, ScenarioService s, IOptions<ResoluteOptions> o) =>
            {
                if (TooLarge(body.Yaml, o.Value) is { } big) return big;
                var (scenario, problems) = s.Validate(body.Yaml ?? "", body.Id);
                return TypedResults.Ok(new ValidateResponse(scenario is not null, problems));
            })
            .RequireAuthorization(Roles.Read).WithSummary("Validates scenario YAML; every problem has its line and column.");
        scenarios.MapPost("/", async (ValidateRequest body, HttpContext ctx, ScenarioService s, IOptions<ResoluteOptions> o, CancellationToken ct) =>
                TooLarge(body.Yaml, o.Value) ?? Saved(await s.CreateAsync(body.Yaml ?? "", User(ctx), ct)))
            .RequireAuthorization(Roles.Edit).WithSummary("Adds a scenario (its id is the YAML's id).");
        scenarios.MapPut("/{id}", async (string id, SaveRequest body, HttpContext ctx, ScenarioService s, IOptions<ResoluteOptions> o, CancellationToken ct) =>
                TooLarge(body.Yaml, o.Value) ?? Saved(await s.SaveAsync(id, body.Yaml ?? "", body.Revision, User(ctx), ct)))
            .RequireAuthorization(Roles.Edit).WithSummary("Saves a scenario's YAML; refused when invalid (422) or when someone saved a newer revision (409).");
        scenarios.MapPost("/{id}/copy", async (string id, CopyRequest body, HttpContext ctx, ScenarioService s, CancellationToken ct) =>
                Saved(await s.CopyAsync(id, body.NewId ?? "", User(ctx), ct)))
            .RequireAuthorization(Roles.Edit).WithSummary("Copies a scenario under a new id.");
        scenarios.MapPost("/{id}/runs", async Task<Results<Accepted<RunSummary>, ProblemHttpResult>> (string id, HttpContext ctx, RunService runs, CancellationToken ct) =>
                await runs.StartAsync(id, User(ctx), ct) switch
                {
                    { Run: { } run } => TypedResults.Accepted($"/api/runs/{run.Id}", run),
                    { IsRefused: true } refused => TooMuchWork(refused.Refused),
                    _ => NoScenario(id),
                })
            .RequireAuthorization(Roles.Edit).WithSummary("Starts a run of the scenario as saved now; watch /api/runs/{id}/events. Refused (422) when its work estimate is above the server's ceilings.");

        var runs = api.MapGroup("/runs").WithTags("Runs");
        runs.MapGet("/", async (RunService r, string? scenario, int? take, CancellationToken ct) => TypedResults.Ok(await r.ListAsync(scenario, take ?? 100, ct)))
            .RequireAuthorization(Roles.Read).WithSummary("Lists runs, newest first.");
        runs.MapGet("/{id:long}", async Task<Results<Ok<RunSummary>, ProblemHttpResult>> (long id, RunService r, CancellationToken ct) =>
                await r.GetSummaryAsync(id, ct) is { } run ? TypedResults.Ok(run) : NoRun(id))
            .RequireAuthorization(Roles.Read).WithSummary("A run's status.");
        runs.MapGet("/{id:long}/result", async Task<Results<ContentHttpResult, ProblemHttpResult>> (long id, RunService r, CancellationToken ct) =>
            {
                var run = await r.GetAsync(id, ct);
                if (run is null) return NoRun(id);
                return run.ResultJson is { } json
                    ? TypedResults.Text(json, "application/json", Encoding.UTF8)
                    : TypedResults.Problem($"Run {id} has no result: its status is {run.Status.ToCode()}.", statusCode: 409, title: "No result");
            })
            .RequireAuthorization(Roles.Read).WithSummary("The run's result.json.");
        // The items already carry their event name: passing one again would make T the SseItem itself, and each event's
        // data would be the wrapper ({"data":{…},"eventType":…}) instead of the progress.
        runs.MapGet("/{id:long}/events", async Task<Results<ServerSentEventsResult<RunProgress>, ProblemHttpResult>> (long id, RunService r, TimeProvider time, CancellationToken ct) =>
                await r.ProgressAsync(id, ct) is null ? NoRun(id) : TypedResults.ServerSentEvents(Progress(id, r, time, ct)))
            .RequireAuthorization(Roles.Read).WithSummary("Live progress as server-sent events (event 'progress'); the stream ends when the run finishes.");
        runs.MapPost("/{id:long}/cancel", async Task<Results<Accepted<CancelResponse>, ProblemHttpResult>> (long id, RunService r, CancellationToken ct) =>
                await r.CancelAsync(id, ct) switch
                {
                    CancelOutcome.NotFound => NoRun(id),
                    CancelOutcome.AlreadyFinished => TypedResults.Problem($"Run {id} has already finished.", statusCode: 409, title: "Already finished"),
                    var o => TypedResults.Accepted($"/api/runs/{id}", new CancelResponse(id, o == CancelOutcome.Cancelled ? "cancelled" : "cancelling")),
                })
            .RequireAuthorization(Roles.Edit).WithSummary("Cancels a queued or running run.");

        api.MapGet("/compare", async Task<Results<Ok<RunComparison>, ProblemHttpResult>> (long a, long b, RunService r, CancellationToken ct) =>
            {
                var (comparison, status, error) = await CompareAsync(a, b, r, ct);
                return comparison is not null ? TypedResults.Ok(comparison) : TypedResults.Problem(error, statusCode: status, title: status == 404 ? "Run not found" : "Cannot compare");
            })
            .RequireAuthorization(Roles.Read).WithTags("Runs").WithSummary("Two runs side by side: force package differences, outcome bands, sensitivity.");
    }

    /// <summary>Compares two runs, or says why not (404 for an unknown run, 409 for one without a result).</summary>
    public static async Task<(RunComparison? Comparison, int Status, string Error)> CompareAsync(long a, long b, RunService r, CancellationToken ct)
    {
        var (runA, ra, ea) = await r.GetResultAsync(a, ct);
        var (runB, rb, eb) = await r.GetResultAsync(b, ct);
        if (runA is null) return (null, 404, $"No run {a}.");
        if (runB is null) return (null, 404, $"No run {b}.");
        if (ra is null) return (null, 409, $"Run {a}: {ea}.");
        if (rb is null) return (null, 409, $"Run {b}: {eb}.");
        return (Comparer.Compare(RunSummary.Of(runA), ra, RunSummary.Of(runB), rb), 200, "");
    }

    private static async IAsyncEnumerable<SseItem<RunProgress>> Progress(long id, RunService runs, TimeProvider time, [EnumeratorCancellation] CancellationToken ct)
    {
        long sent = -1;
        var lastStatus = "";
        while (!ct.IsCancellationRequested)
        {
            var p = await runs.ProgressAsync(id, ct);
            if (p is null) yield break;
            if (p.Version != sent || p.Status != lastStatus)
            {
                sent = p.Version;
                lastStatus = p.Status;
                yield return new SseItem<RunProgress>(p, "progress");
            }
            if (p.Finished) yield break;
            try
            {
                await Task.Delay(TimeSpan.FromMilliseconds(250), time, ct);
            }
            catch (OperationCanceledException)
            {
                yield break;
            }
        }
    }

    internal static string User(HttpContext ctx) => ctx.User.Identity?.Name ?? "";

    internal static ProblemHttpResult NoRun(long id) => TypedResults.Problem($"No run {id}.", statusCode: 404, title: "Run not found");

    /// <summary>A run refused before it started: 422 with each estimate and ceiling, nothing queued.</summary>
    internal static ProblemHttpResult TooMuchWork(IReadOnlyList<Domain.Diagnostics.Diagnostic> refused) => TypedResults.Problem(new Microsoft.AspNetCore.Mvc.ProblemDetails
    {
        Status = 422,
        Title = "The run is larger than the server allows",
        Detail = string.Join("; ", refused.Select(d => d.Message)) + ". Nothing was queued.",
        Extensions = { ["problems"] = refused.Select(ScenarioProblem.Of).ToList() },
    });

    internal static ProblemHttpResult NoScenario(string id) => TypedResults.Problem($"No scenario '{id}'.", statusCode: 404, title: "Scenario not found");

    private static ProblemHttpResult? TooLarge(string? yaml, ResoluteOptions o) =>
        yaml is not null && Encoding.UTF8.GetByteCount(yaml) > o.MaxUploadBytes
            ? TypedResults.Problem(Errors.TooLarge(Encoding.UTF8.GetByteCount(yaml), o.MaxUploadBytes), statusCode: 413, title: "Upload too large")
            : null;

    private static IResult Saved(SaveResult r) => r.Outcome switch
    {
        SaveOutcome.Saved => TypedResults.Ok(ScenarioDocument.Of(r.Scenario!)),
        SaveOutcome.Created => TypedResults.Created($"/api/scenarios/{r.Scenario!.Id}", ScenarioDocument.Of(r.Scenario)),
        SaveOutcome.NotFound => TypedResults.Problem(r.Message, statusCode: 404, title: "Scenario not found"),
        SaveOutcome.Conflict or SaveOutcome.Exists => TypedResults.Problem(r.Message, statusCode: 409, title: "Conflict"),
        _ => TypedResults.Problem(new Microsoft.AspNetCore.Mvc.ProblemDetails
        {
            Status = 422,
            Title = "The scenario does not validate",
            Detail = string.Join("; ", r.Problems.Where(p => p.Severity == "error").Take(3).Select(p => $"line {p.Line}, column {p.Column}: {p.Message}")),
            Extensions = { ["problems"] = r.Problems },
        }),
    };

    /// <summary>
    /// Unsafe methods (POST, PUT, DELETE) must carry the antiforgery token, in the form or the <c>X-CSRF-TOKEN</c>
    /// header: the API shares the pages' cookie, so without it another site could make a signed-in browser call it.
    /// </summary>
    public static TBuilder AddAntiforgeryCheck<TBuilder>(this TBuilder builder) where TBuilder : IEndpointConventionBuilder
    {
        builder.WithMetadata(new RequireAntiforgeryTokenAttribute());
        builder.AddEndpointFilter(async (ctx, next) =>
        {
            var http = ctx.HttpContext;
            if (HttpMethods.IsGet(http.Request.Method) || HttpMethods.IsHead(http.Request.Method) || HttpMethods.IsOptions(http.Request.Method)) return await next(ctx);
            // The antiforgery middleware has already checked the request (the endpoint carries the metadata) and
            // recorded the outcome; asking IAntiforgery again after a failure throws when the token is missing
            // (it touches the form, which an invalid validation feature forbids), which answered 500 instead of 400.
            var valid = http.Features.Get<IAntiforgeryValidationFeature>() is { } checkedAlready
                ? checkedAlready.IsValid
                : await http.RequestServices.GetRequiredService<IAntiforgery>().IsRequestValidAsync(http);
            if (valid) return await next(ctx);
            return TypedResults.Problem($"Missing or invalid antiforgery token: get one from GET /api/antiforgery and send it in the {Errors.AntiforgeryHeader} header.",
                statusCode: 400, title: "Antiforgery token required");
        });
        return builder;
    }
}
