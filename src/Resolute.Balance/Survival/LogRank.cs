namespace Resolute.Balance.Survival;

/// <summary>Observed and expected events of one group in a log-rank test.</summary>
public readonly record struct LogRankGroup(string Name, int N, int Observed, double Expected);

/// <summary>The log-rank test's statistic, degrees of freedom and p-value, with each group's observed and expected events.</summary>
public sealed record LogRankResult(IReadOnlyList<LogRankGroup> Groups, double ChiSquare, int DegreesOfFreedom, double PValue);

/// <summary>
/// The log-rank (Mantel–Haenszel) test that k groups share one survival curve: at each event time the hypergeometric
/// expectation and covariance of each group's events, summed; the statistic (O−E)ᵀV⁻¹(O−E) over the first k−1 groups is
/// χ² with k−1 degrees of freedom (the test of R's <c>survival::survdiff</c> with rho = 0).
/// </summary>
public static class LogRank
{
    /// <summary>Tests <paramref name="data"/> split by <paramref name="groups"/> (same length; at least two distinct groups).</summary>
    public static LogRankResult Test(IReadOnlyList<SurvivalObservation> data, IReadOnlyList<string> groups)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(groups);
        if (data.Count != groups.Count) throw new ArgumentException("One group per observation.", nameof(groups));
        var names = groups.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray();
        if (names.Length < 2) throw new ArgumentException("At least two groups.", nameof(groups));
        var k = names.Length;
        var index = names.Select((n, i) => (n, i)).ToDictionary(x => x.n, x => x.i, StringComparer.Ordinal);
        var g = groups.Select(x => index[x]).ToArray();
        var order = Enumerable.Range(0, data.Count).OrderBy(i => data[i].Time).ToArray();
        var atRisk = new int[k];
        foreach (var gi in g) atRisk[gi]++;
        var observed = new int[k];
        var expected = new double[k];
        var v = new double[k, k];
        for (var p = 0; p < order.Length;)
        {
            var t = data[order[p]].Time;
            var d = new int[k];
            var leaving = new int[k];
            for (; p < order.Length && data[order[p]].Time == t; p++)
            {
                var i = order[p];
                leaving[g[i]]++;
                if (data[i].Event) d[g[i]]++;
            }
            var dTotal = d.Sum();
            var n = atRisk.Sum();
            if (dTotal > 0)
            {
                for (var a = 0; a < k; a++)
                {
                    observed[a] += d[a];
                    expected[a] += (double)dTotal * atRisk[a] / n;
                    if (n < 2) continue;
                    var f = (double)dTotal * (n - dTotal) / ((double)n * n * (n - 1));
                    for (var b = 0; b < k; b++)
                        v[a, b] += f * atRisk[a] * ((a == b ? n : 0) - atRisk[b]);
                }
            }
            for (var a = 0; a < k; a++) atRisk[a] -= leaving[a];
        }
        var m = k - 1;
        var vm = new double[m, m];
        var diff = new double[m];
        for (var a = 0; a < m; a++)
        {
            diff[a] = observed[a] - expected[a];
            for (var b = 0; b < m; b++) vm[a, b] = v[a, b];
        }
        var chi = Linear.TrySolve(vm, diff) is { } x ? diff.Select((di, i) => di * x[i]).Sum() : 0;
        var result = names.Select((name, a) => new LogRankGroup(name, g.Count(x => x == a), observed[a], expected[a])).ToArray();
        return new LogRankResult(result, chi, m, SpecialFunctions.ChiSquareSurvival(chi, m));
    }
}
