using System.Diagnostics;
using System.Globalization;

namespace Resolute.LoadTest;

/// <summary>The latencies (milliseconds) and failures of one operation, from one client or merged.</summary>
internal sealed class Samples
{
    public List<double> Latencies { get; } = [];
    public int Errors { get; set; }
    public Dictionary<string, int> ErrorKinds { get; } = new(StringComparer.Ordinal);

    public void Fail(string kind)
    {
        Errors++;
        ErrorKinds[kind] = ErrorKinds.GetValueOrDefault(kind) + 1;
    }

    public void Add(Samples other)
    {
        Latencies.AddRange(other.Latencies);
        Errors += other.Errors;
        foreach (var (k, n) in other.ErrorKinds) ErrorKinds[k] = ErrorKinds.GetValueOrDefault(k) + n;
    }
}

/// <summary>
/// Closed-loop load: every client sends its next request as soon as the last one is answered (no think time), so the
/// figures are what the server sustains with that many users all busy at once. A warm-up phase runs first and is not
/// measured; in the measured phase every request started before the deadline is counted.
/// </summary>
internal static class LoadRun
{
    public static async Task<(Dictionary<string, Samples> ByOperation, TimeSpan Elapsed)> RunAsync(
        IReadOnlyList<Session> sessions, Targets targets, LoadOptions options, CancellationToken ct)
    {
        if (options.WarmupSeconds > 0)
            await Task.WhenAll(sessions.Select((s, i) => ClientAsync(s, targets, new Random(options.Seed + 5_000 + i), TimeSpan.FromSeconds(options.WarmupSeconds), ct)));

        var clock = Stopwatch.StartNew();
        var results = await Task.WhenAll(sessions.Select((s, i) => ClientAsync(s, targets, new Random(options.Seed + i), TimeSpan.FromSeconds(options.Seconds), ct)));
        var elapsed = clock.Elapsed;

        var merged = Mix.Operations.ToDictionary(o => o.Name, _ => new Samples(), StringComparer.Ordinal);
        foreach (var client in results)
            foreach (var (name, samples) in client)
                merged[name].Add(samples);
        return (merged, elapsed);
    }

    private static async Task<Dictionary<string, Samples>> ClientAsync(Session session, Targets targets, Random random, TimeSpan duration, CancellationToken ct)
    {
        // Yield first, so that every client is started before any of them runs its loop on this thread.
        await Task.Yield();
        var mine = new Dictionary<string, Samples>(StringComparer.Ordinal);
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < duration && !ct.IsCancellationRequested)
        {
            var op = Mix.Pick(random, targets);
            if (!mine.TryGetValue(op.Name, out var samples)) mine[op.Name] = samples = new Samples();
            using var request = op.Build(session, targets, random);
            var started = Stopwatch.GetTimestamp();
            try
            {
                using var response = await session.Http.SendAsync(request, HttpCompletionOption.ResponseContentRead, ct);
                var ok = await Mix.ReadAsync(response, ct);
                samples.Latencies.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
                if (!ok) samples.Fail(((int)response.StatusCode).ToString(CultureInfo.InvariantCulture));
            }
            catch (HttpRequestException e)
            {
                samples.Latencies.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
                samples.Fail(e.HttpRequestError.ToString());
            }
            catch (TaskCanceledException) when (!ct.IsCancellationRequested)
            {
                samples.Latencies.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
                samples.Fail("timeout");
            }
        }
        return mine;
    }
}
