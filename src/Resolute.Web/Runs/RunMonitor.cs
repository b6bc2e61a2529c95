using System.Collections.Concurrent;
using Resolute.Web.Store;

namespace Resolute.Web.Runs;

/// <summary>A run's live state as the progress stream shows it.</summary>
/// <param name="RunId">The run.</param>
/// <param name="Status">Its status code (queued, running, succeeded, failed, cancelled, interrupted).</param>
/// <param name="Stage">What it is doing, or why it stopped.</param>
/// <param name="ElapsedSeconds">Seconds since it started.</param>
/// <param name="Version">Increases with every change (the stream sends only changes).</param>
/// <param name="Error">Why it failed, when it did.</param>
/// <param name="Done">The share of the run's work done (0 to 1); 1 once finished.</param>
public sealed record RunProgress(long RunId, string Status, string Stage, double ElapsedSeconds, long Version, string? Error = null, double Done = 0)
{
    public bool Finished => RunStatusCodes.Parse(Status).IsFinished();
}

/// <summary>
/// In-memory state of the runs this process is working on: their latest progress and their cancellation. The store is
/// the truth for finished runs; this only carries what changes every second.
/// </summary>
public sealed class RunMonitor
{
    private readonly ConcurrentDictionary<long, RunProgress> _progress = new();
    private readonly ConcurrentDictionary<long, CancellationTokenSource> _cancel = new();
    private long _version;

    public RunProgress? Get(long runId) => _progress.TryGetValue(runId, out var p) ? p : null;

    public void Report(long runId, RunStatus status, string stage, double elapsedSeconds, string? error = null, double done = 0) =>
        _progress[runId] = new RunProgress(runId, status.ToCode(), stage, elapsedSeconds, Interlocked.Increment(ref _version), error,
            status.IsFinished() ? 1 : Math.Clamp(done, 0, 1));

    /// <summary>Registers a run about to start; the token fires on <see cref="Cancel"/>.</summary>
    public CancellationTokenSource Track(long runId) => _cancel.GetOrAdd(runId, _ => new CancellationTokenSource());

    /// <summary>Asks a run to stop; false when this process is not working on it.</summary>
    public bool Cancel(long runId)
    {
        if (!_cancel.TryGetValue(runId, out var cts)) return false;
        cts.Cancel();
        return true;
    }

    public void Untrack(long runId)
    {
        if (_cancel.TryRemove(runId, out var cts)) cts.Dispose();
    }

    /// <summary>Forgets the live state of a finished run after the stream has had time to send it.</summary>
    public void Forget(long runId) => _progress.TryRemove(runId, out _);
}
