namespace Resolute.Domain;

/// <summary>
/// The values a scenario gets for keys it leaves out — in one place, and documented in docs/scenarios.md.
/// They encode the February 2025 offer's rules (Allard &amp; Brzezinski, Atlantic Council, 10 Feb 2025).
/// </summary>
public static class ScenarioDefaults
{
    /// <summary>More than 80 % of personnel and of equipment from Europe and Canada, equipment measured both ways.</summary>
    public static readonly GroupShareRule GroupShare = new(true, NationGroup.EuropeCanada, 0.8, 0.8, [EquipmentMeasure.Count, EquipmentMeasure.CombatValue]);

    /// <summary>The US backstop: command element, aircraft, air and missile defence, long-range strike, from posture in Europe, no net increase.</summary>
    public static readonly UsBackstopRule UsBackstop = new(true, true, true, [UnitKind.CommandElement, UnitKind.FighterSquadron, UnitKind.Amd, UnitKind.Lrs]);

    /// <summary>What each stance level may send when the scenario does not say.</summary>
    public static readonly IReadOnlyDictionary<StanceLevel, StancePolicy> Stances = new Dictionary<StanceLevel, StancePolicy>
    {
        [StanceLevel.TroopsDiscussed] = new(true, true, false, null, false),
        [StanceLevel.NotRuledOut] = new(true, true, false, 2, false),
        [StanceLevel.PeacekeepingOnly] = new(true, true, true, null, true),
        [StanceLevel.Cautious] = new(true, true, true, null, false),
        [StanceLevel.Sceptical] = new(true, false, true, null, false),
        [StanceLevel.Opposed] = new(false, false, true, 0, false),
        [StanceLevel.Unknown] = new(false, false, true, 0, false),
    };

    /// <summary>Three like units to keep one deployed (deploy, recover, prepare).</summary>
    public static readonly RotationRule Rotation = new(true, 3, false);

    /// <summary>Home-defence units and committed units stay; no per-nation floor unless set.</summary>
    public static readonly HomeDefenceRule HomeDefence = new(true, true, 0.0, new Dictionary<string, double>());

    /// <summary>At most three contributing nations per division.</summary>
    public static readonly CohesionRule Cohesion = new(true, 3);

    /// <summary>Fill first, then breadth, fairness, combat value and cost.</summary>
    public static readonly IReadOnlyList<Objective> Objectives =
        [new(ObjectiveKind.Fill, 1000), new(ObjectiveKind.Breadth, 20), new(ObjectiveKind.Fairness, 5), new(ObjectiveKind.CombatValue, 1), new(ObjectiveKind.Cost, 0)];

    /// <summary>Stand off from short-range fires; one Ukrainian brigade freed per coalition brigade.</summary>
    public static readonly GeographySettings Geography =
        new([ThreatCategory.TubeArtillery, ThreatCategory.RocketArtillery, ThreatCategory.GlideBomb, ThreatCategory.FpvDrone], 1.0);

    /// <summary>A 2,000-run, one-year, 12-sector ensemble.</summary>
    public static readonly SimulationSettings Simulation = new(2000, 365, 12);
}
