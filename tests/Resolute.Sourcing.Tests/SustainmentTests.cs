using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Resolute.Domain;
using static Resolute.Sourcing.Tests.Build;

namespace Resolute.Sourcing.Tests;

/// <summary>The sustained force against the one-off force, who runs out first, the cost model, and the stance and lead rules.</summary>
public sealed class SustainmentTests
{
    private static readonly Nation[] Nations = [Nation("FRA"), Nation("GBR"), Nation("DEU"), Nation("USA", NationGroup.Us)];
    private static readonly SolveOptions Fast = new(Workers: 1, MaxDeterministicTime: 5, ExplainDeterministicTime: 0.5, MaxSuggestions: 3);

    private static Rules Rotating(int ratio) => NoRules() with { Rotation = new RotationRule(true, ratio, AcceptSingleRotation: true) };

    [Property(MaxTest = 30)]
    public Property Assess_RandomInstance_SustainedForceNeverExceedsOneOffAndEveryNationRotatesWhatItHolds() =>
        Prop.ForAll(PropertyTests.Instances().ToArbitrary(), x =>
        {
            var scenario = x.Scenario with { Rules = x.Scenario.Rules with { Rotation = new RotationRule(true, 2, AcceptSingleRotation: true) } };
            var oneOff = ForceGenerator.Solve(x.Dataset, scenario, Fast with { Explain = false });

            var s = Sustainment.Assess(x.Dataset, scenario, oneOff, Fast with { Explain = false })!;

            Assert.True(s.Sustained.WeightedFill <= s.OneOff.WeightedFill + 1e-9, $"sustained {s.Sustained.WeightedFill} > one-off {s.OneOff.WeightedFill}");
            var held = scenario with { Rules = scenario.Rules with { Rotation = new RotationRule(true, 2, AcceptSingleRotation: false) } };
            Assert.Empty(HardRules.Violations(x.Dataset, held, s.Plan));
            Assert.All(s.RunsOut, r => Assert.True(r.Deployed * 2 > r.Pool && r.Tours == r.Pool / r.Deployed, $"{r}"));
        });

    [Fact]
    public void Assess_ThreeBrigadesAtThreeToOne_HoldsOneAndRunsOutAfterTheFirstTour()
    {
        var d = Dataset(Nations, [.. Enumerable.Range(1, 3).Select(i => Unit($"fra_{i}", "FRA", UnitKind.ManoeuvreBrigade, "armoured", 5000))],
            [Stance("FRA", StanceLevel.TroopsDiscussed)], [.. Enumerable.Range(1, 3).Select(i => Holding($"fra_{i}", "tank", 10))]);
        var s = Scenario(Rotating(3), [], [], [Element("brigade", 3, UnitKind.ManoeuvreBrigade, 10)]);
        var oneOff = ForceGenerator.Solve(d, s, Fast);

        var r = Sustainment.Assess(d, s, oneOff, Fast)!;

        Assert.Equal((3, 15_000), (r.OneOff.FilledSlots, r.OneOff.Personnel));
        Assert.Equal((1, 5_000), (r.Sustained.FilledSlots, r.Sustained.Personnel));
        var gap = Assert.Single(r.Gaps);
        Assert.Equal(("brigade", 2, 2), (gap.Role, gap.Slots, gap.FilledOnce));
        // Three eligible, one can be held: two spare; holding a second needs a pool of six, three more than it has.
        Assert.Equal(new RotationCapacity("FRA", UnitKind.ManoeuvreBrigade, 3, 3, 1, 1, 2, 3), Assert.Single(gap.Nations));
        // Three sent from a pool of three: one full tour, so the rotation breaks after six months, in year 1.
        Assert.Equal(new RunOut("FRA", UnitKind.ManoeuvreBrigade, 3, 3, 1, 1, 6, 1), Assert.Single(r.RunsOut));
        Assert.DoesNotContain(r.Suggestions, x => x.Rule == RuleKind.Rotation);
    }

    [Fact]
    public void Assess_CostModel_IsPersonnelPlusEquipmentOperationAndWearOverTheHorizon()
    {
        var d = Dataset(Nations, [.. Enumerable.Range(1, 6).Select(i => Unit($"fra_{i}", "FRA", UnitKind.ManoeuvreBrigade, "armoured", 1000))],
            [Stance("FRA", StanceLevel.TroopsDiscussed)], [Holding("fra_1", "tank", 10), Holding("fra_2", "tank", 10)]);
        var s = Scenario(Rotating(3), [], [], [Element("brigade", 2, UnitKind.ManoeuvreBrigade, 10)]);
        var oneOff = ForceGenerator.Solve(d, s, Fast);

        var r = Sustainment.Assess(d, s, oneOff, Fast)!;

        // Two held (a pool of six at 3:1), each 1,000 persons at USD 300,000 a year; the ten tanks of USD 10 m of each of
        // the two catalog-first units (the plan takes the lowest ids) at 10 % operation and 5 % wear a year.
        var c = Assert.Single(r.Cost);
        Assert.Equal(2, r.Sustained.FilledSlots);
        Assert.Equal(600_000_000, c.PersonnelUsd);
        Assert.Equal(20_000_000, c.OperatingUsd);
        Assert.Equal(10_000_000, c.WearUsd);
        Assert.Equal(630_000_000, c.AnnualUsd);
        Assert.Equal(5 * 630_000_000.0, c.CumulativeUsd);
        Assert.Equal(630_000_000.0 / d.NationsByCode["FRA"].DefenceUsd, c.ShareOfDefence, 12);
        Assert.Empty(r.RunsOut);
        Assert.Empty(r.Gaps);
    }

    [Fact]
    public void Assess_HorizonAndTourFromTheScenario_MoveTheRunOutYear()
    {
        var d = Dataset(Nations, [.. Enumerable.Range(1, 5).Select(i => Unit($"fra_{i}", "FRA", UnitKind.Amd, "long", 500))], [Stance("FRA", StanceLevel.TroopsDiscussed)]);
        var s = Scenario(Rotating(3), [], [], [Element("sam", 2, UnitKind.Amd, 5, "long")]) with
        {
            Assumptions = [new("rotation_tour_months", "", "months", 9, Distribution.FixedAt(9), "test"), new("sustainment_horizon_years", "", "years", 1, Distribution.FixedAt(1), "test")],
        };
        var oneOff = ForceGenerator.Solve(d, s, Fast);

        var r = Sustainment.Assess(d, s, oneOff, Fast)!;

        // Two sent from five: two full tours of nine months, so it breaks at month 18, beyond a one-year horizon.
        Assert.Equal(new RunOut("FRA", UnitKind.Amd, 2, 5, 1, 2, 18, null), Assert.Single(r.RunsOut));
        Assert.Equal((9.0, 1), (r.TourMonths, r.HorizonYears));
    }

    [Fact]
    public void Assess_RotationRuleOff_IsNotComputed()
    {
        var d = Dataset(Nations, [Unit("fra_1", "FRA", UnitKind.ManoeuvreBrigade)], [Stance("FRA", StanceLevel.TroopsDiscussed)]);
        var s = Scenario(NoRules(), [], [], [Element("brigade", 1, UnitKind.ManoeuvreBrigade, 10)]);

        Assert.Null(Sustainment.Assess(d, s, ForceGenerator.Solve(d, s, Fast), Fast));
    }

    [Fact]
    public void Solve_PeacekeepingOnlyNationAtWar_SendsNothingButEnablersUnderACeasefire()
    {
        var d = Dataset(Nations, [Unit("deu_hq", "DEU", UnitKind.DivisionHq), Unit("deu_log", "DEU", UnitKind.Logistics), Unit("deu_fs", "DEU", UnitKind.FighterSquadron)],
            [Stance("DEU", StanceLevel.PeacekeepingOnly)]);
        var war = Scenario(NoRules() with { Stances = ScenarioDefaults.Stances }, [], [], [Element("hq", 1, UnitKind.DivisionHq, 8), Element("log", 1, UnitKind.Logistics, 4), Element("fs", 1, UnitKind.FighterSquadron, 5)]);

        var atWar = ForceGenerator.Solve(d, war, Fast);
        var ceasefire = ForceGenerator.Solve(d, war with { Ceasefire = true }, Fast);

        Assert.Empty(atWar.Assignments);
        Assert.All(atWar.Shortfalls, x => Assert.Equal(new ShortfallReason(RuleKind.Stance, "DEU", 1, "DEU stance peacekeeping_only: sends only in a ceasefire"), x.Reasons.Single()));
        Assert.Equal(3, ceasefire.Fill.FilledSlots);
    }

    [Fact]
    public void Solve_EuropeanLead_KeepsAUsCommandElementOutAndTakesAEuropeanOne()
    {
        var rules = NoRules() with { UsBackstop = ScenarioDefaults.UsBackstop with { AllowedKinds = [UnitKind.CommandElement, UnitKind.DivisionHq] }, EuropeanLead = new EuropeanLeadRule(true, true) };
        var us = Dataset(Nations, [Unit("usa_ce", "USA", UnitKind.CommandElement), Unit("usa_hq", "USA", UnitKind.DivisionHq)], [Stance("FRA", StanceLevel.TroopsDiscussed)]);
        var both = us with { Units = [.. us.Units, Unit("fra_ce", "FRA", UnitKind.CommandElement)] };
        var s = Scenario(rules, [], [], [Element("command", 1, UnitKind.CommandElement, 10), Element("hq", 1, UnitKind.DivisionHq, 8)]);

        var usOnly = ForceGenerator.Solve(us, s, Fast);
        var withEurope = ForceGenerator.Solve(both, s, Fast);
        var ruleOff = ForceGenerator.Solve(us, s with { Rules = rules with { EuropeanLead = EuropeanLeadRule.Off } }, Fast);

        Assert.Empty(usOnly.Assignments);
        Assert.Contains(usOnly.BindingRules, b => b.Rule == RuleKind.EuropeanLead && b.Text == "European lead: the command element and the division HQs come from europe_canada nations");
        Assert.Equal(RuleKind.EuropeanLead, usOnly.Shortfalls[0].Reasons.Single().Rule);
        Assert.Equal("fra_ce", Assert.Single(withEurope.Assignments).Unit);
        Assert.Empty(HardRules.Violations(both, s, withEurope));
        Assert.Equal(2, ruleOff.Fill.FilledSlots);
    }
}
