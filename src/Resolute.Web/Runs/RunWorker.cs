using System.Diagnostics;
using System.Threading.Channels;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Resolute.Planning;
using Resolute.Data;
using Resolute.Domain.Diagnostics;
using Resolute.Reports;
using Resolute.Web.Hosting;
using Resolute.Web.Store;

namespace Resolute.Web.Runs;

/// <summary>Runs waiting for the worker, in the order they were started.</summary>
public sealed class RunBacklog
{
    private readonly Channel<long> _channel = Channel.CreateUnbounded<long>(new UnboundedChannelOptions { SingleReader = false });

    public void Enqueue(long runId) => _channel.Writer.TryWrite(runId);

    public IAsyncEnumerable<long> ReadAllAsync(CancellationToken ct) => _channel.Reader.ReadAllAsync(ct);
}

/// <summary>
/// Works through the queue, <see cref="ResoluteOptions.ConcurrentRuns"/> runs at a time (one by default: planning is
/// CPU-bound and the machine is small; a claim on the store's <c>queued</c> row keeps two workers off one run): marks the run running,
/// plans it off the request threads with live progress, renders the briefing, and writes the result and the
/// <c>succeeded</c> status in one transaction — so a run is never shown finished without its result. A run stopped by
/// <see cref="RunMonitor.Cancel"/> ends <c>cancelled</c>; one stopped by shutdown ends <c>interrupted</c>.
/// </summary>
public sealed partial class RunWorker(RunBacklog queue, RunMonitor monitor, IServiceScopeFactory scopes, DatasetProvider datasets,
    IOptions<ResoluteOptions> options, TimeProvider time, ILogger<RunWorker> log) : BackgroundService
{
    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        Task.WhenAll(Enumerable.Range(0, options.Value.ConcurrentRuns).Select(_ => Task.Run(() => WorkAsync(stoppingToken), CancellationToken.None)));

    private async Task WorkAsync(CancellationToken stoppingToken)
    {
        try
        {
            await foreach (var id in queue.ReadAllAsync(stoppingToken))
            {
                try
                {
                    await RunOneAsync(id, stoppingToken);
                }
                catch (Exception e) when (e is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
                {
                    // The store itself failed (locked, unreachable): the run stays as the store last saw it and shows
                    // as interrupted on the next start; the worker goes on with the next run.
                    LogRunFailed(log, id, e);
                    monitor.Report(id, RunStatus.Failed, "the run store failed while saving this run", 0, e.Message);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    private async Task RunOneAsync(long id, CancellationToken stopping)
    {
        var cts = monitor.Track(id);
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<StoreDb>();
            var started = time.GetUtcNow();
            var claimed = await db.Runs.Where(r => r.Id == id && r.Status == RunStatus.Queued)
                .ExecuteUpdateAsync(s => s.SetProperty(r => r.Status, RunStatus.Running).SetProperty(r => r.StartedUtc, started).SetProperty(r => r.Stage, "loading the dataset"), stopping);
            if (claimed == 0) return; // cancelled while queued
            var run = await db.Runs.AsNoTracking().FirstAsync(r => r.Id == id, stopping);
            var clock = Stopwatch.StartNew();
            void Report(string stage, double done) => monitor.Report(id, RunStatus.Running, stage, clock.Elapsed.TotalSeconds, done: done);
            Report("loading the dataset", 0);

            // The run's wall-clock budget starts when the worker claims it; past it the plan is stopped like a cancel.
            using var budget = new CancellationTokenSource(options.Value.RunTimeLimit, time);
            using var linked = CancellationTokenSource.CreateLinkedTokenSource(cts.Token, stopping, budget.Token);
            var ct = linked.Token;
            try
            {
                var (dataset, error) = datasets.Get();
                if (dataset is null)
                {
                    var why = error?.Text ?? "the dataset does not load";
                    await FinishAsync(db, id, RunStatus.Failed, "failed: " + why, why, null, null, clock);
                    return;
                }
                Report("checking the scenario", 0.01);
                var (plan, diagnostics) = PlanJob.Check(dataset, await RequestAsync(db, run.ScenarioId, run.ScenarioYaml, options.Value, ct));
                if (plan is null)
                {
                    var errors = diagnostics.Where(d => d.Severity == Severity.Error).ToList();
                    var why = string.Join("; ", errors.Take(5)) + (errors.Count > 5 ? $"; and {errors.Count - 5} more" : "");
                    var stage = errors.TrueForAll(d => d.Code == ErrorCode.WorkTooLarge.Id())
                        ? "failed: the plan is larger than the server's work ceilings" : "failed: the scenario does not validate";
                    await FinishAsync(db, id, RunStatus.Failed, stage, why, null, null, clock);
                    return;
                }

                // The planner reports each stage and the campaigns done; the stream sends the latest.
                Report("planning: force generation", 0.02);
                var result = await Task.Run(() => plan.Run(started, new Relay(p => Report(p.Stage, 0.02 + (0.93 * p.Done))), ct), ct);

                Report("rendering the briefing", 0.96);
                var files = Briefing.Render(result);
                ct.ThrowIfCancellationRequested();
                Report("saving the result", 0.99);
                await FinishAsync(db, id, RunStatus.Succeeded, "succeeded", null, files.Json, files.Html, clock, ScenarioFile.Hash(plan.Scenario));
            }
            catch (OperationCanceledException) when (cts.IsCancellationRequested)
            {
                await FinishAsync(db, id, RunStatus.Cancelled, "cancelled by a user; nothing was saved", null, null, null, clock);
            }
            catch (OperationCanceledException) when (budget.IsCancellationRequested && !stopping.IsCancellationRequested)
            {
                var limit = options.Value.RunTimeLimitSeconds;
                await FinishAsync(db, id, RunStatus.Failed, $"failed: stopped after {limit:#,0} s, the server's time limit for a run; nothing was saved",
                    $"the run passed its time limit of {limit:#,0} s (setting {ResoluteOptions.Section}:{nameof(ResoluteOptions.RunTimeLimitSeconds)})", null, null, clock);
            }
            catch (OperationCanceledException) when (stopping.IsCancellationRequested)
            {
                await FinishAsync(db, id, RunStatus.Interrupted, "interrupted: the server stopped before the run finished; start it again", null, null, null, clock);
            }
            catch (Exception e) when (e is not OperationCanceledException && StoreErrors.Describe(e, "") is null)
            {
                await FinishAsync(db, id, RunStatus.Failed, "failed: the planner stopped with an error", e.Message, null, null, clock);
            }
        }
        finally
        {
            monitor.Untrack(id);
        }
    }

    /// <summary>
    /// The plan request of a run of <paramref name="yaml"/>: the balance across scenarios runs the sourced coalition under the
    /// US paths as the team keeps them now; a kept path that no longer validates fails the run with its diagnostics rather
    /// than dropping out silently.
    /// </summary>
    internal static async Task<PlanRequest> RequestAsync(StoreDb db, string scenarioId, string yaml, ResoluteOptions options, CancellationToken ct)
    {
        var ids = Planner.UsPaths.ToArray();
        var paths = await db.Scenarios.AsNoTracking().Where(x => ids.Contains(x.Id)).ToListAsync(ct);
        var compare = paths.OrderBy(x => Array.IndexOf(ids, x.Id)).Select(x => new ScenarioInput(x.Id + ".yaml", x.Yaml)).ToList();
        return new PlanRequest(new ScenarioInput(scenarioId + ".yaml", yaml), compare, options.PlanOptions);
    }

    private async Task FinishAsync(StoreDb db, long id, RunStatus status, string stage, string? error, string? json, string? html, Stopwatch clock, string? hash = null)
    {
        // One transaction: status, result and briefing land together or not at all.
        await using var tx = await db.Database.BeginTransactionAsync(CancellationToken.None);
        var run = await db.Runs.FirstAsync(r => r.Id == id, CancellationToken.None);
        run.Status = status;
        run.Stage = stage;
        run.Error = error;
        run.ResultJson = json;
        run.BriefingHtml = html;
        run.ScenarioHash = hash ?? run.ScenarioHash;
        run.FinishedUtc = time.GetUtcNow();
        await db.SaveChangesAsync(CancellationToken.None);
        await tx.CommitAsync(CancellationToken.None);
        monitor.Report(id, status, stage, clock.Elapsed.TotalSeconds, error);
    }

    /// <summary>Passes progress on synchronously, on the planner's threads (<see cref="Progress{T}"/> would post it out of order).</summary>
    private sealed class Relay(Action<PlanProgress> report) : IProgress<PlanProgress>
    {
        public void Report(PlanProgress value) => report(value);
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Run {RunId} could not be saved")]
    private static partial void LogRunFailed(ILogger logger, long runId, Exception exception);
}
