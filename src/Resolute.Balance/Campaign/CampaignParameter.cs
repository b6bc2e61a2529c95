using Resolute.Domain;

namespace Resolute.Balance;

/// <summary>
/// Every input of the sector campaign model. Each is a scenario assumption (id = <see cref="CampaignParameters.Id"/>)
/// with a default, a distribution and a reference: nothing uncertain is a constant in code.
/// </summary>
public enum CampaignParameter
{
    /// <summary>Russian personnel committed in the sectors at the start.</summary>
    RussianForce,
    /// <summary>Russian reserve outside the sectors at the start.</summary>
    RussianReserve,
    /// <summary>Russian recruits per month (before sanctions).</summary>
    RussianRecruitment,
    /// <summary>Share of the Russian reserve pool committed to the sectors per day.</summary>
    RussianReserveCommitRate,
    /// <summary>Ukrainian personnel in the sectors at the start.</summary>
    UkrainianFrontForce,
    /// <summary>Ukrainian operational reserve at the start.</summary>
    UkrainianReserve,
    /// <summary>Ukrainian net mobilisation per month.</summary>
    UkrainianMobilisation,
    /// <summary>Front length, km.</summary>
    FrontLength,
    /// <summary>Western military aid relative to 2025 (1 = unchanged).</summary>
    AidLevel,
    /// <summary>Elasticity of Ukrainian firepower to aid: multiplier = aid^elasticity.</summary>
    AidElasticity,
    /// <summary>Share by which economic pressure cuts Russian recruitment.</summary>
    SanctionsCut,
    /// <summary>Share by which long-range strike (beyond 2025's level) cuts Russian sustainment.</summary>
    LongRangeStrikeCut,
    /// <summary>Additional sustainment cut per coalition long-range-strike unit.</summary>
    CoalitionStrikeCutPerUnit,
    /// <summary>Helmbold's A: Russian casualties per Ukrainian front soldier per day (square-law form).</summary>
    UkrainianEffectiveness,
    /// <summary>Helmbold's D: Ukrainian casualties per Russian front soldier per day (square-law form).</summary>
    RussianEffectiveness,
    /// <summary>Helmbold's Weiss parameter (used by the Helmbold law only).</summary>
    Weiss,
    /// <summary>Ukrainian defence posture index: 0 hasty, 1 prepared, 2 fortified (QJM rows, interpolated).</summary>
    DefencePosture,
    /// <summary>QJM terrain mobility factor r_m.</summary>
    TerrainMobility,
    /// <summary>QJM terrain defence factor r_u.</summary>
    TerrainDefence,
    /// <summary>Multiplier on QJM advance rates for today's drone- and fires-saturated battlefield (calibrated).</summary>
    AdvanceScale,
    /// <summary>Power ratio below which the attacker does not advance; rates taper linearly up to 1:1.</summary>
    AdvanceMinRatio,
    /// <summary>Number of sectors on the Russian main effort.</summary>
    MainEffortSectors,
    /// <summary>Share of Russian strength and reinforcements on the main effort.</summary>
    MainEffortShare,
    /// <summary>How far Ukraine matches the Russian allocation (0 even, 1 proportional).</summary>
    BlueAllocationMatch,
    /// <summary>Power ratio above which Ukraine commits reserves to a sector.</summary>
    BlueReserveCommitRatio,
    /// <summary>Share of casualties who return to duty (through the reserve pool).</summary>
    WoundedReturnShare,
    /// <summary>Ukrainian troops per km below which a sector is broken through.</summary>
    BreakthroughDensity,
    /// <summary>Advance-rate multiplier in a broken sector.</summary>
    BreakthroughAdvanceMultiplier,
    /// <summary>Depth from the line of contact to the defended city behind each sector, km.</summary>
    DefendedCityDistance,
    /// <summary>Standard deviation of the daily multiplicative noise on intensity (uniform, mean 1).</summary>
    DailyNoise,
    /// <summary>Russian casualties per km² above which an offensive is judged not worth its cost.</summary>
    DeterrenceThreshold,
    /// <summary>Russian major equipment items lost per casualty.</summary>
    RedEquipmentPerCasualty,
    /// <summary>Effective personnel of one Ukrainian brigade freed for the front.</summary>
    UkrainianBrigadeStrength,
    /// <summary>Day on which the coalition force has deployed and freed Ukrainian brigades arrive.</summary>
    CoalitionDeployDay,
    /// <summary>Ceasefire scenarios: days before Russia resumes the offensive.</summary>
    CeasefirePauseDays,
    /// <summary>Ceasefire scenarios: posture index Ukraine gains by fortifying during the pause.</summary>
    CeasefirePostureGain,
    /// <summary>
    /// Cut in Russian combat power and fire per coalition fighter squadron once deployed (air denial over the rear pushes
    /// Russian aviation and its glide-bomb release points back). Optional in a scenario: absent, it is fixed at 0.
    /// </summary>
    CoalitionAirCutPerSquadron,
}

/// <summary>The catalogue of campaign parameters: scenario ids and descriptions.</summary>
public static class CampaignParameters
{
    /// <summary>The number of parameters.</summary>
    public static readonly int Count = Enum.GetValues<CampaignParameter>().Length;

    /// <summary>All parameters in declaration order.</summary>
    public static readonly IReadOnlyList<CampaignParameter> All = Enum.GetValues<CampaignParameter>();

    private static readonly string[] Ids =
    [
        "russian_force_in_ukraine", "russian_reserve", "russian_recruitment_per_month", "russian_reserve_commit_rate",
        "ukrainian_front_force", "ukrainian_reserve", "ukrainian_mobilisation_per_month", "front_length_km",
        "aid_level", "aid_elasticity", "sanctions_recruitment_cut", "long_range_strike_cut", "coalition_strike_cut_per_unit",
        "ukrainian_effectiveness", "russian_effectiveness", "weiss_parameter", "defence_posture", "terrain_mobility",
        "terrain_defence", "advance_scale", "advance_min_ratio", "main_effort_sectors", "main_effort_share",
        "blue_allocation_match", "blue_reserve_commit_ratio", "wounded_return_share", "breakthrough_density_per_km",
        "breakthrough_advance_multiplier", "defended_city_distance_km", "daily_noise_sd", "deterrence_cost_threshold",
        "red_equipment_per_casualty", "ukrainian_brigade_strength", "coalition_deploy_day", "ceasefire_pause_days",
        "ceasefire_posture_gain", "coalition_air_cut_per_squadron",
    ];

    /// <summary>
    /// Parameters added after scenarios were first written: a scenario without one gets it fixed at the value that
    /// leaves the model as it was, so saved scenarios keep running unchanged.
    /// </summary>
    internal static readonly IReadOnlyDictionary<CampaignParameter, (double Value, string Description, string Unit, string Reference)> Optional =
        new Dictionary<CampaignParameter, (double, string, string, string)>
        {
            [CampaignParameter.CoalitionAirCutPerSquadron] = (0, "Cut in Russian combat power and fire per coalition fighter squadron once deployed.",
                "share/squadron", "not in the scenario: the coalition's air component is not credited in the campaign"),
        };

    /// <summary>The scenario assumption id of a parameter.</summary>
    public static string Id(CampaignParameter p) => Ids[(int)p];

    /// <summary>The parameter with a scenario id, or null.</summary>
    public static CampaignParameter? FromId(string id)
    {
        var i = Array.IndexOf(Ids, id);
        return i < 0 ? null : (CampaignParameter)i;
    }

    /// <summary>Hard bounds a sampled value is clamped to (the model's domain), whatever the distribution says.</summary>
    internal static (double Min, double Max) Domain(CampaignParameter p) => p switch
    {
        CampaignParameter.AidElasticity or CampaignParameter.Weiss or CampaignParameter.SanctionsCut or CampaignParameter.LongRangeStrikeCut
            or CampaignParameter.CoalitionStrikeCutPerUnit or CampaignParameter.CoalitionAirCutPerSquadron
            or CampaignParameter.MainEffortShare or CampaignParameter.BlueAllocationMatch or CampaignParameter.WoundedReturnShare
            or CampaignParameter.RussianReserveCommitRate => (0, 1),
        CampaignParameter.DefencePosture => (0, 2),
        CampaignParameter.AdvanceMinRatio => (0, 0.999),
        CampaignParameter.DailyNoise => (0, 0.577), // mean-1 uniform noise stays non-negative up to sd 1/√3
        CampaignParameter.MainEffortSectors => (0, 64),
        _ => (0, double.MaxValue),
    };
}

/// <summary>
/// The scenario's assumptions resolved to the campaign parameters, in <see cref="CampaignParameter"/> order.
/// Built once at the boundary (<see cref="From(Scenario)"/>), which reports every missing or impossible assumption.
/// </summary>
public sealed class CampaignAssumptions
{
    /// <summary>Stream of parameter p's draw is ParameterStream + p (the daily noise uses stream 1).</summary>
    internal const ulong ParameterStream = 0x100;

    private readonly Assumption[] _items;

    private CampaignAssumptions(Assumption[] items) => _items = items;

    /// <summary>The assumption behind a parameter.</summary>
    public Assumption this[CampaignParameter p] => _items[(int)p];

    /// <summary>Resolves a scenario's assumptions; on failure, every problem in one list.</summary>
    public static (CampaignAssumptions? Value, IReadOnlyList<string> Errors) From(Scenario scenario)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        return From(scenario.Assumptions);
    }

    /// <summary>Resolves a list of assumptions (ids as in <see cref="CampaignParameters.Id"/>).</summary>
    public static (CampaignAssumptions? Value, IReadOnlyList<string> Errors) From(IReadOnlyList<Assumption> assumptions)
    {
        ArgumentNullException.ThrowIfNull(assumptions);
        var errors = new List<string>();
        var items = new Assumption[CampaignParameters.Count];
        foreach (var p in CampaignParameters.All)
        {
            var id = CampaignParameters.Id(p);
            var a = assumptions.FirstOrDefault(x => x.Id == id);
            if (a is null && CampaignParameters.Optional.TryGetValue(p, out var absent))
                a = new Assumption(id, absent.Description, absent.Unit, absent.Value, Distribution.FixedAt(absent.Value), absent.Reference);
            if (a is null)
            {
                errors.Add($"assumption '{id}': expected in the scenario's assumptions, found none");
                continue;
            }
            if (Sampling.Problem(a.Distribution, a.Value) is { } problem) errors.Add($"assumption '{id}': impossible distribution: {problem}");
            items[(int)p] = a;
        }
        return errors.Count == 0 ? (new CampaignAssumptions(items), errors) : (null, errors);
    }

    /// <summary>A copy with one assumption replaced (used by what-if analyses and tests).</summary>
    public CampaignAssumptions With(CampaignParameter p, Assumption a)
    {
        ArgumentNullException.ThrowIfNull(a);
        var copy = (Assumption[])_items.Clone();
        copy[(int)p] = a;
        return new CampaignAssumptions(copy);
    }

    /// <summary>A copy with one parameter fixed at a value.</summary>
    public CampaignAssumptions WithFixed(CampaignParameter p, double value) =>
        With(p, this[p] with { Value = value, Distribution = Distribution.FixedAt(value) });

    /// <summary>The default (base-case) value of a parameter, clamped to the model's domain.</summary>
    public double Base(CampaignParameter p) => Clamp(p, _items[(int)p].Value);

    /// <summary>The <paramref name="q"/>-quantile of a parameter's distribution, clamped to the model's domain.</summary>
    public double Quantile(CampaignParameter p, double q)
    {
        var a = _items[(int)p];
        return Clamp(p, a.Distribution.Kind == DistributionKind.Fixed ? a.Value : Sampling.Quantile(a.Distribution, a.Value, q));
    }

    /// <summary>The base values of all parameters.</summary>
    public double[] BaseVector()
    {
        var v = new double[CampaignParameters.Count];
        foreach (var p in CampaignParameters.All) v[(int)p] = Base(p);
        return v;
    }

    /// <summary>Fills <paramref name="values"/> with one Monte Carlo draw of every parameter for a run key.</summary>
    public void Sample(ulong runKey, Span<double> values)
    {
        foreach (var p in CampaignParameters.All)
        {
            var a = _items[(int)p];
            values[(int)p] = a.Distribution.Kind == DistributionKind.Fixed
                ? Clamp(p, a.Value)
                : Quantile(p, CounterRng.Uniform(runKey, ParameterStream + (ulong)p, 0));
        }
    }

    private static double Clamp(CampaignParameter p, double x)
    {
        var (lo, hi) = CampaignParameters.Domain(p);
        return Math.Clamp(x, lo, hi);
    }
}
