using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Resolute.Domain;
using static Resolute.Sourcing.Tests.Build;

namespace Resolute.Sourcing.Tests;

/// <summary>Properties over random catalogs, requirements and rule settings.</summary>
public sealed class PropertyTests
{
    private static readonly string[] Codes = ["FRA", "GBR", "DEU", "POL", "USA"];
    private static readonly UnitKind[] Kinds = [UnitKind.ManoeuvreBrigade, UnitKind.Amd, UnitKind.FighterSquadron, UnitKind.DivisionHq];
    private static readonly SolveOptions Fast = new(Workers: 1, MaxDeterministicTime: 2, ExplainDeterministicTime: 0.5, MaxSuggestions: 3);

    /// <summary>A random instance: catalog, stances, a division template and force-level elements, and rule settings.</summary>
    internal static Gen<(Dataset Dataset, Scenario Scenario)> Instances() =>
        from unitCount in Gen.Choose(0, 14)
        from specs in Gen.ArrayOf(
            from nation in Gen.Elements(Codes)
            from kind in Gen.Elements(Kinds)
            from personnel in Gen.Choose(1, 50)
            from readiness in Gen.Elements(5, 10, 30, 60)
            from committed in Gen.Frequency((5, Gen.Constant(false)), (1, Gen.Constant(true)))
            from homeDefence in Gen.Frequency((5, Gen.Constant(false)), (1, Gen.Constant(true)))
            from tanks in Gen.Choose(0, 30)
            select (nation, kind, personnel * 100, readiness, committed, homeDefence, tanks), unitCount)
        from levels in Gen.ArrayOf(Gen.Elements(Enum.GetValues<StanceLevel>()), 4)
        from brigadesPerDivision in Gen.Choose(0, 3)
        from divisions in Gen.Choose(0, 2)
        from amd in Gen.Choose(0, 2)
        from fighters in Gen.Choose(0, 2)
        from share in Gen.Elements(0.0, 0.5, 0.8, 0.95)
        from cohesion in Gen.Choose(0, 3)
        from floor in Gen.Elements(0.0, 0.5)
        from rotation in Gen.Elements(false, true)
        from us in Gen.Elements(false, true)
        from seed in Gen.Choose(1, 1000)
        select Make(specs, levels, brigadesPerDivision, divisions, amd, fighters, share, cohesion, floor, rotation, us, (ulong)seed);

    private static (Dataset, Scenario) Make((string Nation, UnitKind Kind, int Personnel, int Readiness, bool Committed, bool HomeDefence, int Tanks)[] specs,
        StanceLevel[] levels, int brigades, int divisions, int amd, int fighters, double share, int cohesion, double floor, bool rotation, bool us, ulong seed)
    {
        var units = specs.Select((x, i) => Unit($"u{i:00}", x.Nation, x.Kind, x.Kind == UnitKind.Amd ? "long" : "armoured", x.Personnel, x.Readiness,
            x.Committed ? "nato" : "", x.HomeDefence)).ToArray();
        var holdings = specs.Select((x, i) => (x, i)).Where(t => t.x.Tanks > 0).Select(t => Holding($"u{t.i:00}", "tank", t.x.Tanks)).ToArray();
        var stances = Codes.Take(4).Select((c, i) => Stance(c, levels[i])).ToArray();
        var nations = Codes.Select(c => Nation(c, c == "USA" ? NationGroup.Us : NationGroup.EuropeCanada, 1_000_000_000L * (c.Length + c[0]))).ToArray();
        var rules = new Rules(
            ScenarioDefaults.GroupShare with { Enabled = share > 0, MinPersonnelShare = share, MinEquipmentShare = share },
            ScenarioDefaults.UsBackstop with { Enabled = us, AllowedKinds = [UnitKind.Amd, UnitKind.FighterSquadron] },
            ScenarioDefaults.Stances,
            new RotationRule(rotation, 2, false),
            new HomeDefenceRule(true, true, floor, new Dictionary<string, double>()),
            new CohesionRule(cohesion > 0, Math.Max(1, cohesion)));
        var template = new ForceTemplate("division", "", [Element("hq", 1, UnitKind.DivisionHq, 8), Element("brigade", brigades, UnitKind.ManoeuvreBrigade, 10)]);
        var scenario = Scenario(rules, [template], [new FormationDemand("division", divisions)],
            [Element("amd", amd, UnitKind.Amd, 6, "long"), Element("fighter", fighters, UnitKind.FighterSquadron, 5)],
            [new(ObjectiveKind.Fill, 1000), new(ObjectiveKind.Breadth, 20), new(ObjectiveKind.Fairness, 5), new(ObjectiveKind.CombatValue, 1)], 30, seed);
        return (Dataset(nations, units, stances, holdings), scenario);
    }

    [Property(MaxTest = 40)]
    public Property Solve_RandomInstance_SatisfiesEveryHardRule() =>
        Prop.ForAll(Instances().ToArbitrary(), x =>
        {
            var plan = ForceGenerator.Solve(x.Dataset, x.Scenario, Fast with { Explain = false });
            var violations = HardRules.Violations(x.Dataset, x.Scenario, plan);
            Assert.True(violations.Count == 0, string.Join("; ", violations));
        });

    [Property(MaxTest = 40)]
    public Property Solve_RandomInstance_NeverWorseThanGreedy() =>
        Prop.ForAll(Instances().ToArbitrary(), x =>
        {
            var plan = ForceGenerator.Solve(x.Dataset, x.Scenario, Fast with { Explain = false });
            Assert.True(plan.Solver.Objective >= plan.Solver.GreedyObjective - 1e-6, $"{plan.Solver.Objective} < {plan.Solver.GreedyObjective}");
        });

    [Property(MaxTest = 25)]
    public Property Solve_UnfilledInstance_HasBindingRule() =>
        Prop.ForAll(Instances().ToArbitrary(), x =>
        {
            var plan = ForceGenerator.Solve(x.Dataset, x.Scenario, Fast);
            Assert.True(plan.IsFilled ? plan.BindingRules.Count == 0 : plan.BindingRules.Count >= 1 && plan.Shortfalls.All(s => s.BindingRules.Count >= 1),
                $"filled {plan.Fill.FilledSlots}/{plan.Fill.Slots}, binding [{string.Join("; ", plan.BindingRules.Select(b => b.Text))}]");
        });
}
