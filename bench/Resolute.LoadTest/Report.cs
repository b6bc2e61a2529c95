using System.Globalization;
using System.Text;

namespace Resolute.LoadTest;

/// <summary>The result table: requests, throughput, p50/p90/p99 and max latency and errors, per operation and in total.</summary>
internal static class Report
{
    public static string Render(IReadOnlyDictionary<string, Samples> byOperation, TimeSpan elapsed)
    {
        var total = new Samples();
        foreach (var s in byOperation.Values) total.Add(s);
        var seconds = elapsed.TotalSeconds;
        var b = new StringBuilder();
        b.AppendLine("| Endpoint | Requests | Requests/s | p50 ms | p90 ms | p99 ms | max ms | Errors |");
        b.AppendLine("|---|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var (name, s) in byOperation.Where(x => x.Value.Latencies.Count > 0)) Row(b, name, s, seconds);
        Row(b, "**total**", total, seconds);
        if (total.Errors > 0)
        {
            b.AppendLine().Append("Errors by kind: ")
                .AppendLine(string.Join(", ", total.ErrorKinds.OrderByDescending(k => k.Value).Select(k => string.Create(CultureInfo.InvariantCulture, $"{k.Key} × {k.Value}"))));
        }
        return b.ToString();
    }

    /// <summary>The nearest-rank percentile (the smallest sample with at least <paramref name="p"/> of them at or below it).</summary>
    public static double Percentile(IReadOnlyList<double> sorted, double p) =>
        sorted.Count == 0 ? double.NaN : sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Count) - 1, 0, sorted.Count - 1)];

    private static void Row(StringBuilder b, string name, Samples s, double seconds)
    {
        var sorted = s.Latencies.Order().ToList();
        b.Append(CultureInfo.InvariantCulture,
            $"| {name} | {sorted.Count:#,0} | {sorted.Count / seconds:#,0.0} | {Percentile(sorted, 0.50):0.0} | {Percentile(sorted, 0.90):0.0} | {Percentile(sorted, 0.99):0.0} | {sorted[^1]:0.0} | {s.Errors:#,0} |")
            .AppendLine();
    }
}
