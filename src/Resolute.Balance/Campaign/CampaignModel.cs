using Resolute.Domain.Assumptions;
using P = Resolute.Domain.Assumptions.CampaignParameter;

namespace Resolute.Balance;

/// <summary>One day of a single campaign.</summary>
/// <param name="Day">Day number, 1 = end of the first day.</param>
/// <param name="Ukrainian">Ukrainian personnel in each sector.</param>
/// <param name="Russian">Russian personnel in each sector.</param>
/// <param name="DepthKm">Cumulative Russian advance in each sector, km.</param>
/// <param name="UkrainianReserve">Ukrainian reserve pool.</param>
/// <param name="RussianReserve">Russian reserve pool.</param>
/// <param name="UkrainianCasualties">Cumulative Ukrainian casualties.</param>
/// <param name="RussianCasualties">Cumulative Russian casualties.</param>
/// <param name="TerritoryKm2">Cumulative territory gained by Russia, km².</param>
/// <param name="CitiesReached">Sectors whose defended city has been reached.</param>
public sealed record CampaignDay(
    int Day, IReadOnlyList<double> Ukrainian, IReadOnlyList<double> Russian, IReadOnlyList<double> DepthKm,
    double UkrainianReserve, double RussianReserve, double UkrainianCasualties, double RussianCasualties, double TerritoryKm2, int CitiesReached);

/// <summary>The correlation of forces in one sector: Russian over Ukrainian combat power (QJM posture, terrain, aid and strike factors applied).</summary>
public sealed record SectorBalance(int Sector, double RussianStart, double UkrainianStart, double PowerRatioStart, double PowerRatioEnd, double DepthKm);

/// <summary>Single campaigns: the same kernel as the ensembles, one run, with its daily record.</summary>
public static class CampaignModel
{
    /// <summary>
    /// Runs one campaign with explicit parameter values (in <see cref="CampaignParameter"/> order) and noise key, and returns
    /// every day. With daily_noise_sd = 0 the campaign is deterministic.
    /// </summary>
    public static IReadOnlyList<CampaignDay> Trace(CampaignSettings settings, IReadOnlyList<double> values, ulong key = 0)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(values);
        settings.Check();
        if (values.Count != CampaignAssumptions.Count) throw new ArgumentException($"Expected {CampaignAssumptions.Count} values.", nameof(values));
        var days = new List<CampaignDay>(settings.Days);
        var outcomes = new RunOutcomes(1);
        CampaignKernel.Run(settings, [.. values], [key], 0, 1, outcomes, null,
            (day, blue, red, depth, bp, rp, cb, cr, terr, cities) => days.Add(new CampaignDay(day, blue.ToArray(), red.ToArray(), depth.ToArray(), bp, rp, cb, cr, terr, cities)));
        return days;
    }

    /// <summary>The base-case (default values, no daily noise) campaign of a scenario.</summary>
    public static IReadOnlyList<CampaignDay> BaseCase(CampaignAssumptions assumptions, CampaignSettings settings)
    {
        ArgumentNullException.ThrowIfNull(assumptions);
        var v = assumptions.BaseVector();
        v[(int)P.DailyNoise] = 0;
        return Trace(settings, v);
    }

    /// <summary>Russian over Ukrainian combat power per soldier: u_s(posture)·r_u·aid^e for Ukraine, 1 − strike cut for Russia.</summary>
    public static double PowerRatioPerSoldier(CampaignSettings settings, IReadOnlyList<double> v, bool coalitionDeployed)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(v);
        var posture = Math.Min(2, v[(int)P.DefencePosture] + (settings.Ceasefire ? v[(int)P.CeasefirePostureGain] : 0));
        var blue = QjmTables.Blend(QjmTables.PostureStrength, posture) * v[(int)P.TerrainDefence] * Math.Pow(v[(int)P.AidLevel], v[(int)P.AidElasticity]);
        var cut = Math.Min(1, v[(int)P.LongRangeStrikeCut] + (coalitionDeployed ? CampaignKernel.CoalitionCut(settings.Coalition, 0, (_, p) => v[(int)p]) : 0));
        return (1 - cut) / blue;
    }

    /// <summary>The correlation of forces per sector at the start and end of a traced campaign.</summary>
    public static IReadOnlyList<SectorBalance> Sectors(CampaignSettings settings, IReadOnlyList<double> values, IReadOnlyList<CampaignDay> trace)
    {
        ArgumentNullException.ThrowIfNull(trace);
        ArgumentNullException.ThrowIfNull(values);
        if (trace.Count == 0) return [];
        var q0 = PowerRatioPerSoldier(settings, values, false);
        // With an arrival schedule the coalition's cut is counted in full at the end (the flow's FOC is well inside a campaign).
        var q1 = PowerRatioPerSoldier(settings, values, settings.Coalition.Arrivals is not null || trace[^1].Day > values[(int)P.CoalitionDeployDay]);
        var first = trace[0];
        var last = trace[^1];
        return [.. Enumerable.Range(0, first.Russian.Count).Select(s => new SectorBalance(
            s + 1, first.Russian[s], first.Ukrainian[s], first.Russian[s] * q0 / Math.Max(1, first.Ukrainian[s]),
            last.Russian[s] * q1 / Math.Max(1, last.Ukrainian[s]), last.DepthKm[s]))];
    }
}

/// <summary>Deterrence with and without the coalition: expected Russian cost per km² gained and the probability that it exceeds the threshold.</summary>
/// <param name="CostPerKm2With">E[Russian casualties] / E[km² gained], coalition deployed.</param>
/// <param name="CostPerKm2Without">The same without the coalition (same seeds: common random numbers).</param>
/// <param name="EquipmentPerKm2With">Median Russian equipment items lost per km², coalition deployed.</param>
/// <param name="EquipmentPerKm2Without">The same without the coalition.</param>
/// <param name="DaysPer100Km2With">Median combat days per 100 km² gained, coalition deployed.</param>
/// <param name="DaysPer100Km2Without">The same without the coalition.</param>
/// <param name="HoldsWith">P(deterrence holds), coalition deployed.</param>
/// <param name="HoldsWithout">P(deterrence holds) without the coalition.</param>
/// <param name="HoldsDifference">What the coalition changes, run by run: the mean over runs completed in both ensembles of
/// (holds with − holds without); null when the two ensembles were not run on the same seeds in this process.</param>
/// <param name="HoldsDifferenceMargin95">Half-width of the 95 % confidence interval of <paramref name="HoldsDifference"/>
/// (1.96 standard errors of the paired mean). Pairing removes the variation both runs share, so the margin is far
/// smaller than two independent proportions would give.</param>
public sealed record DeterrenceResult(
    double CostPerKm2With, double CostPerKm2Without, double EquipmentPerKm2With, double EquipmentPerKm2Without,
    double DaysPer100Km2With, double DaysPer100Km2Without, double HoldsWith, double HoldsWithout,
    double? HoldsDifference = null, double? HoldsDifferenceMargin95 = null);

/// <summary>The balance stage's answer for one scenario.</summary>
public sealed record BalanceResult(
    string ScenarioId, EnsembleResult WithCoalition, EnsembleResult WithoutCoalition, DeterrenceResult Deterrence,
    IReadOnlyList<SectorBalance> Sectors, ForceScore? CoalitionScore);

/// <summary>Composes the balance stage: ensembles with and without the coalition, deterrence, and the sector correlation of forces.</summary>
public static class BalanceAnalysis
{
    /// <summary>
    /// Runs the scenario's ensemble with the coalition in <paramref name="settings"/> and again without it (same seeds), and
    /// the base case for the sector table. <paramref name="coalitionScore"/> (from <see cref="ForceScoring"/> over the units the
    /// sourcing stage picked) is carried into the result for display.
    /// </summary>
    public static BalanceResult Run(string scenarioId, CampaignAssumptions assumptions, CampaignSettings settings, int runs, ulong seed,
        EnsembleOptions? options = null, ForceScore? coalitionScore = null)
    {
        ArgumentNullException.ThrowIfNull(assumptions);
        ArgumentNullException.ThrowIfNull(settings);
        var with = MonteCarlo.Run(assumptions, settings, runs, seed, options);
        var without = MonteCarlo.Run(assumptions, settings with { Coalition = CoalitionInput.None }, runs, seed, options);
        return Assemble(scenarioId, assumptions, settings, with, without, coalitionScore);
    }

    /// <summary>
    /// The balance result from two ensembles already run with and without the coalition (for callers that run them
    /// piecewise, e.g. with progress and cancellation): deterrence and the base case's sector table.
    /// </summary>
    public static BalanceResult Assemble(string scenarioId, CampaignAssumptions assumptions, CampaignSettings settings,
        EnsembleResult with, EnsembleResult without, ForceScore? coalitionScore = null)
    {
        ArgumentNullException.ThrowIfNull(assumptions);
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(with);
        ArgumentNullException.ThrowIfNull(without);
        var values = assumptions.BaseVector();
        values[(int)CampaignParameter.DailyNoise] = 0;
        var trace = CampaignModel.Trace(settings, values);
        var deterrence = new DeterrenceResult(
            with.ExpectedCostPerKm2, without.ExpectedCostPerKm2,
            with.Get(Metrics.RussianEquipmentPerKm2.Id).P50, without.Get(Metrics.RussianEquipmentPerKm2.Id).P50,
            with.Get(Metrics.CombatDaysPer100Km2.Id).P50, without.Get(Metrics.CombatDaysPer100Km2.Id).P50,
            with.Probabilities.DeterrenceHolds, without.Probabilities.DeterrenceHolds);
        if (PairedDifference(with, without) is { } paired)
            deterrence = deterrence with { HoldsDifference = paired.Mean, HoldsDifferenceMargin95 = paired.Margin95 };
        return new BalanceResult(scenarioId, with, without, deterrence, CampaignModel.Sectors(settings, values, trace), coalitionScore);
    }

    /// <summary>
    /// The mean of (holds with − holds without) over the runs both ensembles completed, and 1.96 standard errors of it; null
    /// unless both ensembles carry their runs' outcomes on the same seed and run count (common random numbers: run i is the
    /// same campaign in both but for the coalition).
    /// </summary>
    internal static (double Mean, double Margin95)? PairedDifference(EnsembleResult with, EnsembleResult without)
    {
        if (with.DeterrenceByRun is not { } a || without.DeterrenceByRun is not { } b || a.Length != b.Length || with.Seed != without.Seed) return null;
        long n = 0, sum = 0, sumSq = 0;
        for (var i = 0; i < a.Length; i++)
        {
            if (a[i] < 0 || b[i] < 0) continue;
            var d = a[i] - b[i];
            n++;
            sum += d;
            sumSq += d * d;
        }
        if (n < 2) return null;
        var mean = (double)sum / n;
        var variance = Math.Max(0, ((double)sumSq / n) - (mean * mean)) * n / (n - 1);
        return (mean, 1.96 * Math.Sqrt(variance / n));
    }
}
