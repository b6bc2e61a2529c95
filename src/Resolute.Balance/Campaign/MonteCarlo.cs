using System.Globalization;

namespace Resolute.Balance;

/// <summary>P10/P50/P90 of one metric over the ensemble, at each recorded day.</summary>
/// <param name="Metric">Metric id, e.g. <c>territory_km2</c> (cumulative), <c>russian_front</c>, <c>russian_casualties</c> (cumulative).</param>
/// <param name="Days">Recorded days (every <c>stride</c> days and the last).</param>
/// <param name="P10">10th percentile at each recorded day.</param>
/// <param name="P50">Median at each recorded day.</param>
/// <param name="P90">90th percentile at each recorded day.</param>
public sealed record Band(string Metric, IReadOnlyList<int> Days, IReadOnlyList<double> P10, IReadOnlyList<double> P50, IReadOnlyList<double> P90);

/// <summary>Mean and P10/P50/P90 of one end-of-campaign metric over the ensemble.</summary>
public sealed record Summary(string Metric, string Unit, double Mean, double P10, double P50, double P90);

/// <summary>Probabilities of the headline outcomes (share of runs).</summary>
/// <param name="DeterrenceHolds">Russia's casualties per km² gained reach the run's deterrence_cost_threshold (or it gains nothing).</param>
/// <param name="CityReached">A defended city behind some sector is reached.</param>
/// <param name="Breakthrough">Some sector's Ukrainian density falls below breakthrough_density_per_km while fighting.</param>
/// <param name="RussianForceShrinks">Russia ends with fewer troops (sectors and reserve) than it started with.</param>
public sealed record OutcomeProbabilities(double DeterrenceHolds, double CityReached, double Breakthrough, double RussianForceShrinks);

/// <summary>A Monte Carlo ensemble's result. <see cref="Partial"/> marks an ensemble stopped early (statistics over <see cref="Completed"/> runs).</summary>
public sealed record EnsembleResult(
    int Runs,
    int Completed,
    bool Partial,
    ulong Seed,
    string Rng,
    LanchesterLaw Law,
    int Days,
    int Sectors,
    CoalitionInput Coalition,
    double ExpectedCostPerKm2,
    OutcomeProbabilities Probabilities,
    IReadOnlyList<Summary> Summaries,
    IReadOnlyList<Band> Bands)
{
    /// <summary>The summary of a metric.</summary>
    public Summary Get(string metric) => Summaries.First(s => s.Metric == metric);

    /// <summary>
    /// Per run: 1 when deterrence held, 0 when not, −1 when the run did not complete. Kept in memory only (not part of the
    /// result's JSON), so that two ensembles on the same seeds can be compared run by run.
    /// </summary>
    internal sbyte[]? DeterrenceByRun { get; init; }
}

/// <summary>Options of an ensemble run.</summary>
/// <param name="Threads">Worker threads (results are identical for any value).</param>
/// <param name="Bands">Whether to record daily bands.</param>
/// <param name="MaxBandValues">Memory cap: the band stride grows so that runs × points ≤ this, per metric.</param>
public sealed record EnsembleOptions(int Threads = 1, bool Bands = true, long MaxBandValues = 4_000_000)
{
    /// <summary>Called with the number of campaigns completed so far (from worker threads).</summary>
    public Action<int>? Progress { get; init; }

    /// <summary>Stops the ensemble between chunks; the result is then marked partial.</summary>
    public CancellationToken Cancellation { get; init; }
}

/// <summary>
/// Monte Carlo ensembles of the sector campaign. Run i draws every assumption from its distribution with key
/// <see cref="CounterRng.RunKey"/>(seed, i) and uses the same key for its daily noise, so run i is the same campaign
/// however the ensemble is split across threads or machines.
/// </summary>
public static class MonteCarlo
{
    /// <summary>Runs an ensemble of <paramref name="runs"/> campaigns.</summary>
    public static EnsembleResult Run(CampaignAssumptions assumptions, CampaignSettings settings, int runs, ulong seed, EnsembleOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(assumptions);
        ArgumentNullException.ThrowIfNull(settings);
        options ??= new EnsembleOptions();
        var raw = Execute(settings, runs, (run, row) => assumptions.Sample(CounterRng.RunKey(seed, run), row), run => CounterRng.RunKey(seed, run), options,
            options.Bands ? BandStride(settings.Days, runs, options.MaxBandValues) : 0);
        return Summarise(raw, settings, runs, seed);
    }

    internal static int BandStride(int days, int runs, long maxValues) =>
        (int)Math.Max(1, Math.Ceiling((double)days * runs / Math.Max(1, maxValues)));

    internal sealed record Raw(RunOutcomes Outcomes, bool[] Done, BandRecorder? Bands, int Completed);

    /// <summary>Runs campaigns 0 … runs−1 in chunks; row i's parameters come from <paramref name="fill"/>, its noise key from <paramref name="keyOf"/>.</summary>
    internal static Raw Execute(CampaignSettings settings, int runs, Action<int, Span<double>> fill, Func<int, ulong> keyOf, EnsembleOptions options, int bandStride)
    {
        settings.Check();
        ArgumentOutOfRangeException.ThrowIfLessThan(runs, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(options.Threads, 1);
        var outcomes = new RunOutcomes(runs);
        var bands = bandStride > 0 ? new BandRecorder(runs, settings.Days, bandStride) : null;
        var chunk = CampaignKernel.ChunkSize;
        var chunks = (runs + chunk - 1) / chunk;
        var done = new bool[runs];
        var completed = 0;
        var np = CampaignAssumptions.Count;
        Parallel.For(0, chunks, new ParallelOptions { MaxDegreeOfParallelism = options.Threads }, c =>
        {
            if (options.Cancellation.IsCancellationRequested) return;
            var first = c * chunk;
            var count = Math.Min(chunk, runs - first);
            var rows = new double[count * np];
            var keys = new ulong[count];
            for (var i = 0; i < count; i++)
            {
                fill(first + i, rows.AsSpan(i * np, np));
                keys[i] = keyOf(first + i);
            }
            CampaignKernel.Run(settings, rows, keys, first, count, outcomes, bands);
            for (var i = 0; i < count; i++) done[first + i] = true;
            var total = Interlocked.Add(ref completed, count);
            options.Progress?.Invoke(total);
        });
        return new Raw(outcomes, done, bands, completed);
    }

    internal static EnsembleResult Summarise(Raw raw, CampaignSettings settings, int runs, ulong seed)
    {
        var o = raw.Outcomes;
        var idx = Enumerable.Range(0, runs).Where(i => raw.Done[i]).ToArray();
        double[] Pick(Func<int, double> f) => [.. idx.Select(f)];
        var territory = Pick(i => o.Territory[i]);
        var casRed = Pick(i => o.RedCasualties[i]);
        var cost = Pick(i => o.Territory[i] > 0 ? o.RedCasualties[i] / o.Territory[i] : double.PositiveInfinity);
        var summaries = new List<Summary>
        {
            Make(Metrics.Territory, territory),
            Make(Metrics.RussianCasualtiesPerDay, Pick(i => o.CombatDays[i] > 0 ? o.RedCasualties[i] / o.CombatDays[i] : 0)),
            Make(Metrics.UkrainianCasualtiesPerDay, Pick(i => o.CombatDays[i] > 0 ? o.BlueCasualties[i] / o.CombatDays[i] : 0)),
            Make(Metrics.RussianCasualties, casRed),
            Make(Metrics.UkrainianCasualties, Pick(i => o.BlueCasualties[i])),
            Make(Metrics.RussianCostPerKm2, cost),
            Make(Metrics.RussianEquipmentPerKm2, Pick(i => o.Territory[i] > 0 ? o.RedEquipment[i] / o.Territory[i] : double.PositiveInfinity)),
            Make(Metrics.CombatDaysPer100Km2, Pick(i => o.Territory[i] > 0 ? o.CombatDays[i] * 100 / o.Territory[i] : double.PositiveInfinity)),
            Make(Metrics.RussianFrontEnd, Pick(i => o.RedFront[i])),
            Make(Metrics.RussianTotalEnd, Pick(i => o.RedTotal[i])),
            Make(Metrics.UkrainianFrontEnd, Pick(i => o.BlueFront[i])),
            Make(Metrics.CitiesReached, Pick(i => o.CitiesReached[i])),
        };
        var n = Math.Max(1, idx.Length);
        var holds = new sbyte[runs];
        Array.Fill(holds, (sbyte)-1);
        foreach (var i in idx) holds[i] = o.RedCasualties[i] >= o.Threshold[i] * o.Territory[i] ? (sbyte)1 : (sbyte)0;
        var probabilities = new OutcomeProbabilities(
            idx.Count(i => holds[i] == 1) / (double)n,
            idx.Count(i => o.CitiesReached[i] > 0) / (double)n,
            idx.Count(i => o.Breakthrough[i] > 0) / (double)n,
            idx.Count(i => o.RedTotal[i] < o.RedStart[i]) / (double)n);
        var meanTerritory = territory.Length == 0 ? 0 : territory.Average();
        var expectedCost = meanTerritory > 0 ? casRed.Average() / meanTerritory : double.PositiveInfinity;

        var bands = new List<Band>();
        if (raw.Bands is { } b)
        {
            for (var m = 0; m < BandRecorder.Series; m++)
            {
                var p10 = new double[b.Points]; var p50 = new double[b.Points]; var p90 = new double[b.Points];
                var metric = m;
                Parallel.For(0, b.Points, k =>
                {
                    var column = new double[idx.Length];
                    for (var j = 0; j < idx.Length; j++) column[j] = b.Values[metric][((long)k * b.Runs) + idx[j]];
                    p10[k] = Statistics.Quantile(column, 0.1);
                    p50[k] = Statistics.Quantile(column, 0.5);
                    p90[k] = Statistics.Quantile(column, 0.9);
                });
                bands.Add(new Band(BandRecorder.Names[m], b.Days, p10, p50, p90));
            }
        }
        return new EnsembleResult(runs, idx.Length, idx.Length < runs, seed, CounterRng.Algorithm, settings.Law, settings.Days, settings.Sectors,
            settings.Coalition, expectedCost, probabilities, summaries, bands) { DeterrenceByRun = holds };
    }

    private static Summary Make(Metric m, double[] values)
    {
        var (metric, unit) = (m.Id, m.Unit);
        if (values.Length == 0) return new Summary(metric, unit, double.NaN, double.NaN, double.NaN, double.NaN);
        var sorted = (double[])values.Clone();
        Array.Sort(sorted);
        var finite = sorted.Where(double.IsFinite).ToArray();
        var mean = finite.Length == sorted.Length ? Statistics.Mean(sorted) : double.PositiveInfinity;
        return new Summary(metric, unit, mean, Statistics.SortedQuantile(sorted, 0.1), Statistics.SortedQuantile(sorted, 0.5), Statistics.SortedQuantile(sorted, 0.9));
    }
}

/// <summary>Small deterministic statistics helpers (fixed summation order).</summary>
public static class Statistics
{
    /// <summary>The mean, summed in index order.</summary>
    public static double Mean(IReadOnlyList<double> x)
    {
        ArgumentNullException.ThrowIfNull(x);
        var sum = 0.0;
        for (var i = 0; i < x.Count; i++) sum += x[i];
        return x.Count == 0 ? double.NaN : sum / x.Count;
    }

    /// <summary>The q-quantile of sorted data, linear interpolation between order statistics (Hyndman &amp; Fan type 7, R's default).</summary>
    public static double SortedQuantile(IReadOnlyList<double> sorted, double q)
    {
        ArgumentNullException.ThrowIfNull(sorted);
        if (sorted.Count == 0) return double.NaN;
        var h = (sorted.Count - 1) * q;
        var lo = (int)Math.Floor(h);
        var hi = Math.Min(lo + 1, sorted.Count - 1);
        var a = sorted[lo]; var b = sorted[hi];
        if (double.IsPositiveInfinity(b) || a == b) return h - lo == 0 ? a : b;
        return a + ((h - lo) * (b - a));
    }

    /// <summary>
    /// The type-7 q-quantile of unsorted data by selection (Hoare's algorithm, expected linear time); reorders
    /// <paramref name="data"/>. Gives exactly <see cref="SortedQuantile"/> of the sorted data.
    /// </summary>
    public static double Quantile(double[] data, double q)
    {
        ArgumentNullException.ThrowIfNull(data);
        if (data.Length == 0) return double.NaN;
        var h = (data.Length - 1) * q;
        var lo = (int)Math.Floor(h);
        var a = Select(data, lo);
        if (lo + 1 >= data.Length || h == lo) return a;
        var b = double.PositiveInfinity;
        for (var i = lo + 1; i < data.Length; i++) b = Math.Min(b, data[i]);
        return a == b || double.IsPositiveInfinity(b) ? b : a + ((h - lo) * (b - a));
    }

    // Places the k-th smallest element at index k, smaller ones before it, larger or equal after it.
    private static double Select(double[] a, int k)
    {
        int left = 0, right = a.Length - 1;
        while (right > left)
        {
            var mid = left + ((right - left) / 2);
            // Median of three as the pivot.
            if (a[mid] < a[left]) (a[mid], a[left]) = (a[left], a[mid]);
            if (a[right] < a[left]) (a[right], a[left]) = (a[left], a[right]);
            if (a[right] < a[mid]) (a[right], a[mid]) = (a[mid], a[right]);
            var pivot = a[mid];
            int i = left, j = right;
            while (i <= j)
            {
                while (a[i] < pivot) i++;
                while (a[j] > pivot) j--;
                if (i <= j) { (a[i], a[j]) = (a[j], a[i]); i++; j--; }
            }
            if (k <= j) right = j;
            else if (k >= i) left = i;
            else return a[k];
        }
        return a[k];
    }

    internal static string F(double x) => x.ToString("0.###", CultureInfo.InvariantCulture);
}
