using System.Text.Json.Serialization;
using Resolute.Domain.Diagnostics;
using static System.FormattableString;

namespace Resolute.Domain;

/// <summary>
/// A planning question: what force is required, under which rules, with which assumptions.
/// Scenarios are data (YAML files), so a new variant is an edit, not code.
/// </summary>
public sealed record Scenario(
    string Id,
    string Name,
    string Description,
    IReadOnlyList<string> References,
    DateOnly StanceDate,
    DateOnly? ReadinessDeadline,
    bool Ceasefire,
    ulong Seed,
    IReadOnlyList<ForceTemplate> Templates,
    Requirement Requirement,
    Rules Rules,
    IReadOnlyList<Objective> Objectives,
    GeographySettings Geography,
    SimulationSettings Simulation,
    IReadOnlyList<Assumption> Assumptions)
{
    private static readonly IReadOnlyDictionary<string, StanceLevel> NoOverrides = new Dictionary<string, StanceLevel>(StringComparer.Ordinal);

    /// <summary>
    /// Stances the scenario sets for some nations (ISO3 → level), in place of the dataset's on <see cref="StanceDate"/>: the
    /// variants a team asks about ("Germany not ruling out troops") without editing the cited dataset.
    /// </summary>
    public IReadOnlyDictionary<string, StanceLevel> StanceOverrides { get; init; } = NoOverrides;

    /// <summary>
    /// The day the offer is tabled and deployment starts (each unit is ready its readiness days after it); null for the stance
    /// date. A scenario with a <see cref="ReadinessDeadline"/> sends only units ready by then.
    /// </summary>
    public DateOnly? OfferDate { get; init; }

    /// <summary>The day deployment starts: <see cref="OfferDate"/>, else the stance date.</summary>
    public DateOnly Offer => OfferDate ?? StanceDate;

    /// <summary>Where the scenario's <c>assumptions:</c> list was read: a missing assumption is reported here. Not part of the scenario's value.</summary>
    [JsonIgnore]
    public Position AssumptionsAt { get; init; } = new(Id + ".yaml", 1, 1);

    /// <summary>A nation's stance in this scenario: the scenario's override, else its latest dataset position on <see cref="StanceDate"/>.</summary>
    public StanceLevel StanceOf(Dataset dataset, string nation)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        return StanceOverrides.TryGetValue(nation, out var level) ? level : dataset.StanceOn(nation, StanceDate);
    }
}

/// <summary>A named formation pattern, e.g. a plussed-up division, made of elements.</summary>
public sealed record ForceTemplate(string Id, string Description, IReadOnlyList<ElementSpec> Elements);

/// <summary>
/// One element of a requirement: <paramref name="Count"/> units of one of <paramref name="Kinds"/>,
/// restricted to <paramref name="Types"/> when that list is not empty. <paramref name="Weight"/> scales the
/// penalty for leaving one slot unfilled.
/// </summary>
public sealed record ElementSpec(string Role, int Count, IReadOnlyList<UnitKind> Kinds, IReadOnlyList<string> Types, double Weight);

/// <summary>How many instances of a template the force needs.</summary>
public sealed record FormationDemand(string Template, int Count);

/// <summary>The force required: formations built from templates plus force-level elements.</summary>
public sealed record Requirement(IReadOnlyList<FormationDemand> Formations, IReadOnlyList<ElementSpec> Elements);

/// <summary>The rules a plan must respect.</summary>
public sealed record Rules(
    GroupShareRule GroupShare,
    UsBackstopRule UsBackstop,
    IReadOnlyDictionary<StanceLevel, StancePolicy> Stances,
    RotationRule Rotation,
    HomeDefenceRule HomeDefence,
    CohesionRule Cohesion)
{
    /// <summary>Whether the command element and the division HQs must be European (off unless the scenario sets it).</summary>
    public EuropeanLeadRule EuropeanLead { get; init; } = EuropeanLeadRule.Off;
}

/// <summary>
/// The force is led by Europe: the command element (<see cref="Command"/>: corps HQs and command elements) and the division
/// HQs (<see cref="DivisionHqs"/>) come from nations of the <see cref="NationGroup.EuropeCanada"/> group.
/// </summary>
public sealed record EuropeanLeadRule(bool Command, bool DivisionHqs)
{
    /// <summary>No lead rule.</summary>
    public static EuropeanLeadRule Off { get; } = new(false, false);

    /// <summary>Whether any part of the rule is on.</summary>
    public bool Enabled => Command || DivisionHqs;

    /// <summary>Whether a unit of <paramref name="kind"/> must come from a European nation under this rule.</summary>
    public bool Covers(UnitKind kind) => kind switch
    {
        UnitKind.CommandElement or UnitKind.CorpsHq => Command,
        UnitKind.DivisionHq => DivisionHqs,
        _ => false,
    };
}

/// <summary>At least a share of personnel and of equipment comes from one nation group.</summary>
public sealed record GroupShareRule(
    bool Enabled, NationGroup Group, double MinPersonnelShare, double MinEquipmentShare,
    IReadOnlyList<EquipmentMeasure> EquipmentMeasures);

/// <summary>The US contributes only from its posture in Europe, only some element kinds, with no net increase.</summary>
public sealed record UsBackstopRule(bool Enabled, bool PostureOnly, bool NoNetIncrease, IReadOnlyList<UnitKind> AllowedKinds)
{
    /// <summary>Where the backstop's units stand: at their posture bases on NATO territory (the default), or inside Ukraine.</summary>
    public BackstopLocation Location { get; init; } = BackstopLocation.OutsideUkraine;
}

/// <summary>Where US backstop units stand.</summary>
public enum BackstopLocation
{
    /// <summary>At their posture bases in Europe (Poland, Romania, Germany, …), supporting from NATO territory.</summary>
    OutsideUkraine,
    /// <summary>Inside Ukraine, in the deployment areas with the coalition's units.</summary>
    InsideUkraine,
}

/// <summary>What a nation at a stance level may send.</summary>
/// <param name="Contribute">False: nothing at all.</param>
/// <param name="InsideUkraine">False: only support from outside Ukraine (aircraft, long-range strike from home bases).</param>
/// <param name="EnablersOnly">True: no manoeuvre brigades.</param>
/// <param name="MaxManoeuvreBrigades">A cap on manoeuvre brigades; null for none.</param>
/// <param name="CeasefireOnly">True: contributes only when the scenario is a ceasefire.</param>
public sealed record StancePolicy(bool Contribute, bool InsideUkraine, bool EnablersOnly, int? MaxManoeuvreBrigades, bool CeasefireOnly)
{
    /// <summary>
    /// Whether a nation at this stance may send a unit of <paramref name="kind"/>: it contributes (in a ceasefire only, when
    /// so limited), inside Ukraine or with a kind that serves from outside it, and no manoeuvre brigade when it sends
    /// enablers only or none at all.
    /// </summary>
    public bool Allows(UnitKind kind, bool ceasefire) =>
        Contribute && (!CeasefireOnly || ceasefire) && (InsideUkraine || kind.ServesFromOutsideUkraine())
        && !(kind == UnitKind.ManoeuvreBrigade && (EnablersOnly || MaxManoeuvreBrigades == 0));

    /// <summary>The manoeuvre brigades a nation at this stance may send (<see cref="int.MaxValue"/> for no cap).</summary>
    public int ManoeuvreBrigadeCap => !Contribute || EnablersOnly ? 0 : MaxManoeuvreBrigades ?? int.MaxValue;

    /// <summary>
    /// What a nation at this stance may send, in words: into Ukraine (<paramref name="insideUkraine"/>) or in support from
    /// outside it (aircraft and long-range strike from their bases), in a war or under a ceasefire. The one wording of the
    /// stance table in docs/scenarios.md and the briefing.
    /// </summary>
    public string Sends(bool ceasefire, bool insideUkraine)
    {
        if (!Contribute || (CeasefireOnly && !ceasefire)) return "nothing";
        if (!insideUkraine) return "fighter squadrons, long-range strike";
        if (!InsideUkraine) return "nothing";
        if (ManoeuvreBrigadeCap == 0) return "enablers only (no manoeuvre brigades)";
        return MaxManoeuvreBrigades is { } max
            ? string.Create(System.Globalization.CultureInfo.InvariantCulture, $"any unit, at most {max} manoeuvre brigade{(max == 1 ? "" : "s")}")
            : "any unit";
    }
}

/// <summary>To keep a unit deployed a nation needs <see cref="Ratio"/> like units (at least 1).</summary>
public sealed record RotationRule
{
    /// <summary>A rotation rule; a ratio below 1 is refused here rather than divided by later.</summary>
    public RotationRule(bool Enabled, int Ratio, bool AcceptSingleRotation) => (this.Enabled, this.Ratio, this.AcceptSingleRotation) = (Enabled, Ratio, AcceptSingleRotation);

    /// <summary>Whether the rule applies.</summary>
    public bool Enabled { get; init; }

    /// <summary>The highest ratio a scenario may ask for.</summary>
    public const int MaxRatio = 10;

    /// <summary>Like units needed per unit kept deployed.</summary>
    public int Ratio { get; init => field = value >= 1 ? value : throw new ArgumentOutOfRangeException(nameof(Ratio), value, "At least 1."); }

    /// <summary>True: a nation may send more than it can rotate (a single rotation), and the plan reports it.</summary>
    public bool AcceptSingleRotation { get; init; }

    /// <summary>The like units that can take turns: those not earmarked for home defence and not committed elsewhere.</summary>
    public static int Pool(IEnumerable<Unit> like) => like.Count(u => !u.HomeDefence && !u.IsCommitted);

    /// <summary>How many units a pool of <paramref name="pool"/> like units can keep deployed under rotation.</summary>
    public int Sustainable(int pool) => pool / Ratio;

    /// <summary>Deconstructs into the positional form.</summary>
    public void Deconstruct(out bool enabled, out int ratio, out bool acceptSingleRotation) => (enabled, ratio, acceptSingleRotation) = (Enabled, Ratio, AcceptSingleRotation);
}

/// <summary>
/// What stays at home: units flagged for home defence, units already committed, and a per-nation floor on the share of
/// manoeuvre brigades kept at home (<paramref name="DefaultFloor"/> for nations not listed).
/// </summary>
public sealed record HomeDefenceRule(
    bool ExcludeHomeDefenceUnits, bool ExcludeCommitted, double DefaultFloor, IReadOnlyDictionary<string, double> Floors);

/// <summary>A brigade slot is one nation's unit; a division has a framework nation and at most this many contributors.</summary>
public sealed record CohesionRule(bool Enabled, int MaxNationsPerDivision)
{
    /// <summary>The most nations a division may be asked to hold together.</summary>
    public const int MaxNations = 50;
}

/// <summary>An objective of force generation and its weight.</summary>
public sealed record Objective(ObjectiveKind Kind, double Weight);

/// <summary>Inputs of the geography stage.</summary>
/// <param name="StandoffThreats">Threat categories whose reach from the front line the force stays out of.</param>
/// <param name="FreedBrigadesPerBrigade">Ukrainian brigades freed for the front per coalition manoeuvre brigade.</param>
public sealed record GeographySettings(IReadOnlyList<ThreatCategory> StandoffThreats, double FreedBrigadesPerBrigade);

/// <summary>Size of the Monte Carlo ensemble.</summary>
public sealed record SimulationSettings(int Runs, int Days, int Sectors);

/// <summary>An uncertain model input: a default, a distribution to sample and a reference (or "assumption").</summary>
public sealed record Assumption(string Id, string Description, string Unit, double Value, Distribution Distribution, string Reference)
{
    /// <summary>Where the assumption was read (its entry in a scenario file), so a problem found later points at it; null when built in code.</summary>
    [JsonIgnore]
    public Position? At { get; init; }

    /// <summary>Where its <c>value</c> was read.</summary>
    [JsonIgnore]
    public Position? ValueAt { get; init; }

    /// <summary>Where its <c>distribution</c> was read.</summary>
    [JsonIgnore]
    public Position? DistributionAt { get; init; }
}

/// <summary>A probability distribution; which parameters apply depends on <paramref name="Kind"/>.</summary>
public sealed record Distribution(
    DistributionKind Kind, double? Min = null, double? Mode = null, double? Max = null,
    double? Mean = null, double? Sd = null, double? Alpha = null, double? Beta = null)
{
    /// <summary>A degenerate distribution at one value.</summary>
    public static Distribution FixedAt(double value) => new(DistributionKind.Fixed, Min: value, Max: value);

    /// <summary>Why this distribution cannot be sampled around <paramref name="value"/>, or null when it can.</summary>
    public string? Problem(double value)
    {
        static bool Bad(double? x) => x is { } v && !double.IsFinite(v);
        if (Bad(Min) || Bad(Mode) || Bad(Max) || Bad(Mean) || Bad(Sd) || Bad(Alpha) || Bad(Beta) || !double.IsFinite(value))
            return "parameters must be finite numbers";
        if (Min is { } lo && Max is { } hi && lo > hi) return Invariant($"min {lo} > max {hi}");
        switch (Kind)
        {
            case DistributionKind.Fixed:
                return null;
            case DistributionKind.Uniform:
                return Min is null || Max is null ? "uniform needs min and max" : null;
            case DistributionKind.Triangular:
                if (Min is null || Mode is null || Max is null) return "triangular needs min, mode and max";
                return Mode < Min || Mode > Max ? Invariant($"mode {Mode} outside [{Min}, {Max}]") : null;
            case DistributionKind.Normal:
                if (Mean is null || Sd is null) return "normal needs mean and sd";
                return Sd < 0 ? Invariant($"negative standard deviation {Sd}") : null;
            case DistributionKind.Lognormal:
                if (Mean is null || Sd is null) return "lognormal needs mean and sd";
                if (Sd < 0) return Invariant($"negative standard deviation {Sd}");
                return Mean <= 0 ? Invariant($"lognormal mean {Mean} must be positive") : null;
            case DistributionKind.Beta:
                if (Alpha is null || Beta is null || Min is null || Max is null) return "beta needs alpha, beta, min and max";
                return Alpha <= 0 || Beta <= 0 ? Invariant($"beta shape parameters must be positive, found alpha {Alpha}, beta {Beta}") : null;
            default:
                return "unknown distribution kind";
        }
    }
}
