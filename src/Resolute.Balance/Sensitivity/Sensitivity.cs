using Resolute.Domain;

namespace Resolute.Balance;

/// <summary>The headline outputs a sensitivity analysis explains.</summary>
public enum SensitivityOutput
{
    /// <summary>Territory gained by Russia over the horizon, km².</summary>
    TerritoryKm2,
    /// <summary>Russian casualties per km² gained (per run: casualties / max(km², 1)).</summary>
    RussianCostPerKm2,
    /// <summary>Russian casualties per combat day.</summary>
    RussianCasualtiesPerDay,
}

/// <summary>One tornado bar: the output at the parameter's P10 and P90, all else at base.</summary>
public sealed record TornadoBar(string Parameter, double Low, double High, double OutputLow, double OutputHigh)
{
    /// <summary>|output at high − output at low|.</summary>
    public double Swing => Math.Abs(OutputHigh - OutputLow);
}

/// <summary>A tornado chart for one output: bars sorted by swing, widest first.</summary>
public sealed record TornadoResult(SensitivityOutput Output, double Base, int RunsPerPoint, IReadOnlyList<TornadoBar> Bars);

/// <summary>Sobol indices of one parameter with 95 % bootstrap half-widths.</summary>
public sealed record SobolIndex(string Parameter, double S1, double S1Conf, double ST, double STConf);

/// <summary>Sobol indices for one output, sorted by total index.</summary>
public sealed record SobolResult(SensitivityOutput Output, int BaseSamples, int Runs, double Variance, IReadOnlyList<SobolIndex> Indices);

/// <summary>
/// Sensitivity of the campaign's headline outputs to its assumptions (conventions.md §4): a one-at-a-time tornado
/// (each parameter at its P10 and P90, all others at their defaults) and Sobol first-order and total indices from a
/// Saltelli design (N·(D+2) runs), with the Saltelli (2010) estimator for S1, Jansen's for ST and 95 % bootstrap
/// half-widths (1.96 × the bootstrap standard deviation, as SALib's <c>_conf</c>). Daily noise uses common random
/// numbers: every design row j shares noise key RunKey(seed, j).
/// </summary>
public static class Sensitivity
{
    private static readonly SensitivityOutput[] Outputs = Enum.GetValues<SensitivityOutput>();

    /// <summary>Tornado charts for every output; <paramref name="runsPerPoint"/> campaigns per point (means).</summary>
    public static IReadOnlyList<TornadoResult> Tornado(CampaignAssumptions assumptions, CampaignSettings settings, int runsPerPoint, ulong seed, EnsembleOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(assumptions);
        ArgumentOutOfRangeException.ThrowIfLessThan(runsPerPoint, 1);
        options ??= new EnsembleOptions();
        var baseVector = assumptions.BaseVector();
        var parameters = CampaignAssumptions.Parameters;
        var points = 1 + (2 * parameters.Count);
        var low = parameters.Select(p => assumptions.Quantile(p, 0.1)).ToArray();
        var high = parameters.Select(p => assumptions.Quantile(p, 0.9)).ToArray();
        var raw = MonteCarlo.Execute(settings, points * runsPerPoint, (run, row) =>
        {
            baseVector.CopyTo(row);
            var point = run / runsPerPoint;
            if (point == 0) return;
            var p = (point - 1) / 2;
            row[p] = (point - 1) % 2 == 0 ? low[p] : high[p];
        }, run => CounterRng.RunKey(seed, run % runsPerPoint), options with { Bands = false }, 0);

        var results = new List<TornadoResult>();
        foreach (var output in Outputs)
        {
            double Mean(int point) => Aggregate(raw.Outcomes, output, point * runsPerPoint, runsPerPoint);
            var bars = parameters.Select(p => new TornadoBar(CampaignAssumptions.Id(p), low[(int)p], high[(int)p], Mean(1 + (2 * (int)p)), Mean(2 + (2 * (int)p))))
                .OrderByDescending(b => b.Swing).ThenBy(b => b.Parameter, StringComparer.Ordinal).ToArray();
            results.Add(new TornadoResult(output, Mean(0), runsPerPoint, bars));
        }
        return results;
    }

    /// <summary>
    /// Sobol indices for every output over the parameters that are uncertain (not fixed) in the scenario.
    /// <paramref name="baseSamples"/> is N (a power of two is conventional); runs = N·(D+2).
    /// </summary>
    public static IReadOnlyList<SobolResult> Sobol(CampaignAssumptions assumptions, CampaignSettings settings, int baseSamples, ulong seed,
        EnsembleOptions? options = null, int bootstrap = 200)
    {
        ArgumentNullException.ThrowIfNull(assumptions);
        ArgumentOutOfRangeException.ThrowIfLessThan(baseSamples, 2);
        options ??= new EnsembleOptions();
        var uncertain = CampaignAssumptions.Parameters.Where(p => assumptions[p].Distribution.Kind != DistributionKind.Fixed).ToArray();
        var d = uncertain.Length;
        var n = baseSamples;
        var baseVector = assumptions.BaseVector();
        var designKey = CounterRng.Mix(seed ^ 0x5A17E11100000000UL);
        double UA(int j, int i) => CounterRng.Uniform(designKey, 0x200 + (ulong)i, (ulong)j);
        double UB(int j, int i) => CounterRng.Uniform(designKey, 0x400 + (ulong)i, (ulong)j);
        // Row layout: block 0 = A, block 1 = B, block 2 + i = AB_i (A with column i from B).
        var raw = MonteCarlo.Execute(settings, n * (d + 2), (run, row) =>
        {
            baseVector.CopyTo(row);
            var block = run / n;
            var j = run % n;
            for (var i = 0; i < d; i++)
            {
                var fromB = block == 1 || block == 2 + i;
                row[(int)uncertain[i]] = assumptions.Quantile(uncertain[i], fromB ? UB(j, i) : UA(j, i));
            }
        }, run => CounterRng.RunKey(seed, run % n), options with { Bands = false }, 0);

        var results = new List<SobolResult>();
        foreach (var output in Outputs)
        {
            var y = Enumerable.Range(0, n * (d + 2)).Select(r => Value(raw.Outcomes, output, r)).ToArray();
            var all = Enumerable.Range(0, n);
            var (variance, indices) = Estimate(y, n, d, [.. all]);
            var boot = new double[bootstrap][];
            var bootKey = CounterRng.Mix(designKey + 1);
            for (var b = 0; b < bootstrap; b++)
            {
                var sample = new int[n];
                for (var j = 0; j < n; j++) sample[j] = (int)(CounterRng.Bits(bootKey, (ulong)b, (ulong)j) % (ulong)n);
                boot[b] = Estimate(y, n, d, sample).Indices;
            }
            var list = new List<SobolIndex>();
            for (var i = 0; i < d; i++)
            {
                list.Add(new SobolIndex(CampaignAssumptions.Id(uncertain[i]), indices[i], 1.96 * Sd(boot.Select(x => x[i])),
                    indices[d + i], 1.96 * Sd(boot.Select(x => x[d + i]))));
            }
            results.Add(new SobolResult(output, n, n * (d + 2), variance,
                [.. list.OrderByDescending(x => x.ST).ThenBy(x => x.Parameter, StringComparer.Ordinal)]));
        }
        return results;
    }

    /// <summary>Saltelli 2010 S1 and Jansen ST over the rows in <paramref name="rows"/>; returns [S1…, ST…].</summary>
    internal static (double Variance, double[] Indices) Estimate(double[] y, int n, int d, int[] rows)
    {
        var m = rows.Length;
        double mean = 0;
        foreach (var j in rows) mean += y[j] + y[n + j];
        mean /= 2 * m;
        double variance = 0;
        foreach (var j in rows) variance += ((y[j] - mean) * (y[j] - mean)) + ((y[n + j] - mean) * (y[n + j] - mean));
        variance /= (2 * m) - 1;
        var result = new double[2 * d];
        if (!(variance > 0)) return (0, result);
        for (var i = 0; i < d; i++)
        {
            double s1 = 0, st = 0;
            foreach (var j in rows)
            {
                // Centred on the pooled mean (as SALib does by standardising): same estimator, much smaller sampling variance.
                double fa = y[j] - mean, fb = y[n + j] - mean, fab = y[((2 + i) * n) + j] - mean;
                s1 += fb * (fab - fa);
                st += (fa - fab) * (fa - fab);
            }
            result[i] = s1 / m / variance;
            result[d + i] = st / (2.0 * m) / variance;
        }
        return (variance, result);
    }

    private static double Sd(IEnumerable<double> xs)
    {
        var a = xs.ToArray();
        var mean = Statistics.Mean(a);
        var s = 0.0;
        foreach (var x in a) s += (x - mean) * (x - mean);
        return a.Length > 1 ? Math.Sqrt(s / (a.Length - 1)) : 0;
    }

    private static double Value(RunOutcomes o, SensitivityOutput output, int run) => output switch
    {
        SensitivityOutput.TerritoryKm2 => o.Territory[run],
        SensitivityOutput.RussianCostPerKm2 => o.RedCasualties[run] / Math.Max(1, o.Territory[run]),
        _ => o.CombatDays[run] > 0 ? o.RedCasualties[run] / o.CombatDays[run] : 0,
    };

    private static double Aggregate(RunOutcomes o, SensitivityOutput output, int first, int count)
    {
        double sum = 0, cas = 0, terr = 0;
        for (var r = first; r < first + count; r++)
        {
            sum += Value(o, output, r);
            cas += o.RedCasualties[r];
            terr += o.Territory[r];
        }
        // Cost per km² as a ratio of means (as in the ensemble's expected cost), the others as plain means.
        return output == SensitivityOutput.RussianCostPerKm2 ? cas / Math.Max(1, terr) : sum / count;
    }
}
