using Resolute.Data;
using Resolute.Domain;

namespace Resolute.Sourcing.Tests;

/// <summary>Builds small datasets and scenarios in memory for hand-made cases and properties.</summary>
internal static class Build
{
    public static readonly DateOnly Day = new(2025, 2, 10);
    private static readonly Citation Cite = new("test", Day, "");

    public static Nation Nation(string iso, NationGroup group = NationGroup.EuropeCanada, long gdp = 1_000_000_000_000) =>
        new(iso, iso, group, 1_000_000, gdp, gdp / 50, 2, 50_000, true, true, Cite);

    public static Unit Unit(string id, string nation, UnitKind kind, string type = "general", int personnel = 1000, int readiness = 10, string commitment = "", bool homeDefence = false) =>
        new(id, nation, id, kind, type, Echelon.Brigade, personnel, readiness, commitment, homeDefence, Cite);

    public static Holding Holding(string unit, string equipment, int count) => new(unit, equipment, count, Cite);

    public static Stance Stance(string nation, StanceLevel level) => new(nation, Day, level, "", Cite);

    public static readonly EquipmentType[] Equipment =
    [
        new("tank", "Tank", EquipmentCategory.Mbt, 1.0, "test", null, 10_000_000, Cite),
        new("ifv", "IFV", EquipmentCategory.Ifv, 0.5, "test", null, 5_000_000, Cite),
        new("sam", "SAM", EquipmentCategory.SamLong, 2.0, "test", 100, 50_000_000, Cite),
    ];

    public static Dataset Dataset(IEnumerable<Nation> nations, IEnumerable<Unit> units, IEnumerable<Stance> stances, IEnumerable<Holding>? holdings = null) =>
        new("test", [], [.. nations], [.. stances], Equipment, [.. units], [.. holdings ?? []], [], [], new Theatre([], [], [], "test", Day));

    public static ElementSpec Element(string role, int count, UnitKind kind, double weight = 1, params string[] types) => new(role, count, [kind], types, weight);

    /// <summary>Rules with everything off except what the case switches on.</summary>
    public static Rules NoRules() => new(
        ScenarioDefaults.GroupShare with { Enabled = false },
        ScenarioDefaults.UsBackstop with { Enabled = false },
        Enum.GetValues<StanceLevel>().ToDictionary(l => l, _ => new StancePolicy(true, true, false, null, false)),
        ScenarioDefaults.Rotation with { Enabled = false },
        new HomeDefenceRule(false, false, 0, new Dictionary<string, double>()),
        ScenarioDefaults.Cohesion with { Enabled = false });

    public static Scenario Scenario(Rules rules, IReadOnlyList<ForceTemplate> templates, IReadOnlyList<FormationDemand> formations, IReadOnlyList<ElementSpec> elements,
        IReadOnlyList<Objective>? objectives = null, int readinessDays = 30, ulong seed = 7) =>
        new("test", "Test", "", [], Day, Day.AddDays(readinessDays), false, seed, templates, new Requirement(formations, elements), rules,
            objectives ?? [new(ObjectiveKind.Fill, 1000)], ScenarioDefaults.Geography, ScenarioDefaults.Simulation, []);

    /// <summary>The bundled dataset and a bundled scenario (the repository's data/ and scenarios/).</summary>
    public static (Dataset Dataset, Scenario Scenario) Bundled(string scenario = "seed-offer-2025-02")
    {
        var root = AppContext.BaseDirectory;
        while (!File.Exists(Path.Combine(root, "Resolute.slnx"))) root = Path.GetDirectoryName(root) ?? throw new InvalidOperationException("repository root not found");
        var d = DatasetLoader.Load(Path.Combine(root, "data"));
        Assert.True(d.Value is not null, string.Join("\n", d.Diagnostics));
        var s = ScenarioFile.Load(Path.Combine(root, "scenarios", scenario + ".yaml"), d.Value);
        Assert.True(s.Value is not null, string.Join("\n", s.Diagnostics));
        return (d.Value!, s.Value!);
    }
}
