using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Resolute.Domain.Diagnostics;
using Resolute.Web.Hosting;
using Resolute.Planning;
using Resolute.Web.Store;

namespace Resolute.Web.Runs;

/// <summary>A run as the API and the pages list it (no result body).</summary>
public sealed record RunSummary(long Id, string ScenarioId, string ScenarioName, int ScenarioRevision, string Status, string Stage, string? Error,
    DateTimeOffset CreatedUtc, DateTimeOffset? StartedUtc, DateTimeOffset? FinishedUtc, string CreatedBy, bool HasResult)
{
    public static RunSummary Of(RunRecord r) => new(r.Id, r.ScenarioId, r.ScenarioName, r.ScenarioRevision, r.Status.ToCode(), r.Stage, r.Error,
        r.CreatedUtc, r.StartedUtc, r.FinishedUtc, r.CreatedBy, r.ResultJson is not null);
}

/// <summary>What cancelling came to.</summary>
public enum CancelOutcome { Cancelled, Requested, AlreadyFinished, NotFound }

/// <summary>What starting a run came to: the run when queued; else no scenario (both null), or why it was refused.</summary>
public sealed record StartResult(RunSummary? Run, IReadOnlyList<Diagnostic> Refused)
{
    public bool IsRefused => Refused.Count > 0;
}

/// <summary>Starts, lists, cancels and reads runs.</summary>
public sealed class RunService(StoreDb db, RunBacklog queue, RunMonitor monitor, TimeProvider time, DatasetProvider datasets, IOptions<ResoluteOptions> options)
{
    public async Task<List<RunSummary>> ListAsync(string? scenarioId, int take, CancellationToken ct)
    {
        var q = db.Runs.AsNoTracking();
        if (scenarioId is not null) q = q.Where(r => r.ScenarioId == scenarioId);
        var rows = await q.OrderByDescending(r => r.Id).Take(Math.Clamp(take, 1, 500))
            .Select(r => new { Run = new RunRecord
            {
                Id = r.Id, ScenarioId = r.ScenarioId, ScenarioName = r.ScenarioName, ScenarioYaml = "", ScenarioRevision = r.ScenarioRevision,
                Status = r.Status, Stage = r.Stage, Error = r.Error, CreatedUtc = r.CreatedUtc, StartedUtc = r.StartedUtc, FinishedUtc = r.FinishedUtc, CreatedBy = r.CreatedBy,
            }, HasResult = r.ResultJson != null }).ToListAsync(ct);
        return rows.Select(x => RunSummary.Of(x.Run) with { HasResult = x.HasResult }).Select(WithLive).ToList();
    }

    public async Task<RunSummary?> GetSummaryAsync(long id, CancellationToken ct)
    {
        var list = await db.Runs.AsNoTracking().Where(r => r.Id == id)
            .Select(r => new { Run = new RunRecord
            {
                Id = r.Id, ScenarioId = r.ScenarioId, ScenarioName = r.ScenarioName, ScenarioYaml = "", ScenarioRevision = r.ScenarioRevision,
                Status = r.Status, Stage = r.Stage, Error = r.Error, CreatedUtc = r.CreatedUtc, StartedUtc = r.StartedUtc, FinishedUtc = r.FinishedUtc, CreatedBy = r.CreatedBy,
            }, HasResult = r.ResultJson != null }).ToListAsync(ct);
        return list.Count == 0 ? null : WithLive(RunSummary.Of(list[0].Run) with { HasResult = list[0].HasResult });
    }

    public Task<RunRecord?> GetAsync(long id, CancellationToken ct) => db.Runs.AsNoTracking().FirstOrDefaultAsync(r => r.Id == id, ct);

    /// <summary>The stored result of a succeeded run, read back through the result.json reader.</summary>
    public async Task<(RunRecord? Run, PlanResult? Result, string? Error)> GetResultAsync(long id, CancellationToken ct)
    {
        var run = await GetAsync(id, ct);
        if (run is null) return (null, null, null);
        if (run.ResultJson is null) return (run, null, $"run {id} has no result (status: {run.Status.ToCode()})");
        var read = ResultJson.Read(run.ResultJson);
        return (run, read.Value, read.Error);
    }

    /// <summary>
    /// Queues a run of the scenario as it is saved now, unless the work it calls for is above the server's ceilings
    /// (<see cref="ResoluteOptions.Limits"/>): then nothing is queued and the refusal gives the estimate and the ceiling.
    /// </summary>
    public async Task<StartResult> StartAsync(string scenarioId, string user, CancellationToken ct)
    {
        var s = await db.Scenarios.AsNoTracking().FirstOrDefaultAsync(x => x.Id == scenarioId, ct);
        if (s is null) return new StartResult(null, []);
        if (await TooLargeAsync(s, ct) is { Count: > 0 } refused) return new StartResult(null, refused);
        var run = new RunRecord
        {
            ScenarioId = s.Id, ScenarioName = s.Name, ScenarioYaml = s.Yaml, ScenarioRevision = s.Revision,
            Status = RunStatus.Queued, Stage = "queued", CreatedUtc = time.GetUtcNow(), CreatedBy = user,
        };
        db.Runs.Add(run);
        await db.SaveChangesAsync(ct);
        monitor.Report(run.Id, RunStatus.Queued, "queued", 0);
        queue.Enqueue(run.Id);
        return new StartResult(RunSummary.Of(run), []);
    }

    /// <summary>
    /// The work-ceiling refusals of a run of <paramref name="s"/>, checked as the worker will plan it (with the US paths as
    /// kept now). Other problems are left to the worker, which fails the run with them as it always has.
    /// </summary>
    private async Task<IReadOnlyList<Diagnostic>> TooLargeAsync(ScenarioRecord s, CancellationToken ct)
    {
        var (dataset, _) = datasets.Get();
        if (dataset is null) return [];
        var (plan, diagnostics) = PlanJob.Check(dataset, await RunWorker.RequestAsync(db, s.Id, s.Yaml, options.Value, ct));
        return plan is not null ? [] : diagnostics.Where(d => d.Code == ErrorCode.WorkTooLarge.Id()).ToList();
    }

    /// <summary>Cancels a queued run at once, or asks a running one to stop (it ends <c>cancelled</c> within moments).</summary>
    public async Task<CancelOutcome> CancelAsync(long id, CancellationToken ct)
    {
        if (monitor.Cancel(id)) return CancelOutcome.Requested;
        var now = time.GetUtcNow();
        var n = await db.Runs.Where(r => r.Id == id && r.Status == RunStatus.Queued).ExecuteUpdateAsync(s => s
            .SetProperty(r => r.Status, RunStatus.Cancelled).SetProperty(r => r.Stage, "cancelled by a user before it started").SetProperty(r => r.FinishedUtc, now), ct);
        if (n > 0)
        {
            monitor.Report(id, RunStatus.Cancelled, "cancelled by a user before it started", 0);
            return CancelOutcome.Cancelled;
        }
        if (monitor.Cancel(id)) return CancelOutcome.Requested; // the worker claimed it in between
        return await db.Runs.AnyAsync(r => r.Id == id, ct) ? CancelOutcome.AlreadyFinished : CancelOutcome.NotFound;
    }

    /// <summary>The live progress of a run: the worker's when it has one, else the stored status.</summary>
    public async Task<RunProgress?> ProgressAsync(long id, CancellationToken ct)
    {
        if (monitor.Get(id) is { } live) return live;
        var s = await GetSummaryAsync(id, ct);
        return s is null ? null : new RunProgress(id, s.Status, s.Stage, Elapsed(s), 0, s.Error);
    }

    private static double Elapsed(RunSummary s) => s.StartedUtc is { } a && s.FinishedUtc is { } b ? (b - a).TotalSeconds : 0;

    private RunSummary WithLive(RunSummary s) =>
        monitor.Get(s.Id) is { } live && !RunStatusCodes.Parse(s.Status).IsFinished() ? s with { Status = live.Status, Stage = live.Stage } : s;
}
