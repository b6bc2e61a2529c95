using Resolute.Domain;
using Resolute.Domain.Edits;
using static Resolute.Sourcing.Tests.Build;

namespace Resolute.Sourcing.Tests;

public sealed class HandMadeTests
{
    private static readonly Nation[] Nations = [Nation("FRA"), Nation("GBR"), Nation("DEU"), Nation("POL"), Nation("USA", NationGroup.Us)];
    private static readonly Stance[] Willing = [Stance("FRA", StanceLevel.TroopsDiscussed), Stance("GBR", StanceLevel.TroopsDiscussed), Stance("DEU", StanceLevel.TroopsDiscussed), Stance("POL", StanceLevel.TroopsDiscussed)];

    private static ForcePlan Solve(Dataset d, Scenario s) => ForceGenerator.Solve(d, s, new SolveOptions(Workers: 1, MaxDeterministicTime: 5));

    [Fact]
    public void Solve_EnoughUnits_FillsWithKnownOptimum()
    {
        var d = Dataset(Nations, [Unit("fra_1", "FRA", UnitKind.ManoeuvreBrigade, "armoured", 5000), Unit("gbr_1", "GBR", UnitKind.ManoeuvreBrigade, "armoured", 4000),
            Unit("fra_sam", "FRA", UnitKind.Amd, "long", 500)], Willing, [Holding("fra_1", "tank", 50), Holding("gbr_1", "tank", 40), Holding("fra_sam", "sam", 8)]);
        var s = Scenario(NoRules(), [], [], [Element("brigade", 2, UnitKind.ManoeuvreBrigade, 10), Element("sam", 1, UnitKind.Amd, 5, "long")]);

        var plan = Solve(d, s);

        Assert.True(plan.IsFilled);
        Assert.Equal(25_000, plan.Solver.Objective, 6);
        Assert.True(plan.Solver.ProvenOptimal);
        Assert.Empty(plan.Shortfalls);
        Assert.Empty(plan.BindingRules);
        Assert.Equal(["fra_1", "gbr_1", "fra_sam"], plan.Assignments.Select(a => a.Unit));
    }

    [Fact]
    public void Solve_BreadthWeighted_PrefersMoreNations()
    {
        var d = Dataset(Nations, [Unit("fra_1", "FRA", UnitKind.ManoeuvreBrigade), Unit("fra_2", "FRA", UnitKind.ManoeuvreBrigade), Unit("gbr_1", "GBR", UnitKind.ManoeuvreBrigade)], Willing);
        var s = Scenario(NoRules(), [], [], [Element("brigade", 2, UnitKind.ManoeuvreBrigade, 10)], [new(ObjectiveKind.Fill, 1000), new(ObjectiveKind.Breadth, 20)]);

        var plan = Solve(d, s);

        Assert.Equal(["FRA", "GBR"], plan.Breadth.Contributors);
        Assert.Equal(20_040, plan.Solver.Objective, 6);
    }

    [Fact]
    public void Solve_UsUnitWouldBreakPersonnelShare_ReportsShareBindingAndThreshold()
    {
        var rules = NoRules() with
        {
            GroupShare = ScenarioDefaults.GroupShare with { EquipmentMeasures = [] },
            UsBackstop = ScenarioDefaults.UsBackstop with { AllowedKinds = [UnitKind.ManoeuvreBrigade] },
        };
        var d = Dataset(Nations, [Unit("fra_1", "FRA", UnitKind.ManoeuvreBrigade, personnel: 3000), Unit("usa_1", "USA", UnitKind.ManoeuvreBrigade, personnel: 1000)], Willing);
        var s = Scenario(rules, [], [], [Element("brigade", 2, UnitKind.ManoeuvreBrigade, 10)]);

        var plan = Solve(d, s);

        Assert.Equal(1, plan.Fill.FilledSlots);
        Assert.Equal("fra_1", plan.Assignments.Single().Unit);
        Assert.Contains(plan.BindingRules, b => b.Rule == RuleKind.PersonnelShare);
        var best = plan.Suggestions[0];
        Assert.Equal(new SetShares(0.75, 0.75), best.Edit);
        Assert.True(best.FillsRequirement);
        Assert.Empty(HardRules.Violations(d, s, plan));
    }

    [Fact]
    public void Solve_PeacekeepingOnlyNation_ReportsStanceAndNearestWillingLevel()
    {
        var d = Dataset(Nations, [Unit("deu_1", "DEU", UnitKind.ManoeuvreBrigade)], [Stance("DEU", StanceLevel.PeacekeepingOnly)]);
        var s = Scenario(NoRules() with { Stances = ScenarioDefaults.Stances }, [], [], [Element("brigade", 1, UnitKind.ManoeuvreBrigade, 10)]);

        var plan = Solve(d, s);

        Assert.False(plan.IsFilled);
        Assert.Equal([new BindingRule(RuleKind.Stance, "DEU", "DEU stance peacekeeping_only on 2025-02-10: sends only in a ceasefire")], plan.BindingRules);
        Assert.Equal(new SetStance("DEU", StanceLevel.NotRuledOut), plan.Suggestions[0].Edit);
        Assert.Equal(RuleKind.Stance, plan.Shortfalls[0].Reasons[0].Rule);
    }

    [Fact]
    public void Solve_HomeDefenceFloor_CapsFrontLineBrigades()
    {
        var rules = NoRules() with { HomeDefence = new HomeDefenceRule(true, true, 0, new Dictionary<string, double> { ["POL"] = 0.5 }) };
        var d = Dataset(Nations, [Unit("pol_1", "POL", UnitKind.ManoeuvreBrigade), Unit("pol_2", "POL", UnitKind.ManoeuvreBrigade)], Willing);
        var s = Scenario(rules, [], [], [Element("brigade", 2, UnitKind.ManoeuvreBrigade, 10)]);

        var plan = Solve(d, s);

        Assert.Equal(1, plan.Fill.FilledSlots);
        Assert.Equal(RuleKind.HomeDefenceFloor, Assert.Single(plan.BindingRules).Rule);
        Assert.Equal(new SetHomeDefenceFloor("POL", 0), plan.Suggestions[0].Edit);
    }

    [Fact]
    public void Solve_CohesionOfOneNation_LeavesSecondNationOut()
    {
        var template = new ForceTemplate("division", "", [Element("brigade", 2, UnitKind.ManoeuvreBrigade, 10)]);
        var rules = NoRules() with { Cohesion = new CohesionRule(true, 1) };
        var d = Dataset(Nations, [Unit("fra_1", "FRA", UnitKind.ManoeuvreBrigade), Unit("gbr_1", "GBR", UnitKind.ManoeuvreBrigade)], Willing);
        var s = Scenario(rules, [template], [new FormationDemand("division", 1)], []);

        var plan = Solve(d, s);

        Assert.Equal(1, plan.Fill.FilledSlots);
        Assert.Equal(RuleKind.Cohesion, Assert.Single(plan.BindingRules).Rule);
        Assert.Equal(new SetCohesion(2), plan.Suggestions[0].Edit);
    }

    [Fact]
    public void Solve_ReadinessDeadline_ReportsLaterDeadline()
    {
        var d = Dataset(Nations, [Unit("fra_1", "FRA", UnitKind.ManoeuvreBrigade, readiness: 60)], Willing);
        var s = Scenario(NoRules(), [], [], [Element("brigade", 1, UnitKind.ManoeuvreBrigade, 10)], readinessDays: 30);

        var plan = Solve(d, s);

        Assert.Equal(RuleKind.Readiness, Assert.Single(plan.BindingRules).Rule);
        Assert.Equal("deadline=2025-04-11", plan.Suggestions[0].Edit.Text);
    }

    [Fact]
    public void Solve_NoUnitOfKind_ReportsCatalog()
    {
        var d = Dataset(Nations, [Unit("fra_1", "FRA", UnitKind.ManoeuvreBrigade)], Willing);
        var s = Scenario(NoRules(), [], [], [Element("lrs", 1, UnitKind.Lrs, 5)]);

        var plan = Solve(d, s);

        Assert.Equal(RuleKind.Catalog, Assert.Single(plan.BindingRules).Rule);
        Assert.Equal(0, plan.Shortfalls[0].Candidates);
        Assert.Empty(plan.Suggestions);
    }

    [Fact]
    public void Solve_UsBackstop_OnlyAllowedKindsAndNoNetIncrease()
    {
        var rules = NoRules() with { UsBackstop = ScenarioDefaults.UsBackstop, HomeDefence = new HomeDefenceRule(true, false, 0, new Dictionary<string, double>()) };
        var d = Dataset(Nations, [Unit("usa_bde", "USA", UnitKind.ManoeuvreBrigade), Unit("usa_sam", "USA", UnitKind.Amd, "long", 600, commitment: "nato_iamd"),
            Unit("usa_sam2", "USA", UnitKind.Amd, "long", 600)], Willing);
        var s = Scenario(rules, [], [], [Element("brigade", 1, UnitKind.ManoeuvreBrigade, 10), Element("sam", 2, UnitKind.Amd, 5, "long")]);

        var plan = Solve(d, s);

        Assert.Equal(["usa_sam2"], plan.Us.Units);
        Assert.Equal(0, plan.Us.NetChange);
        Assert.True(plan.Us.NoNetIncreaseHolds);
        Assert.Contains(plan.BindingRules, b => b.Rule == RuleKind.UsAllowedKinds);
        Assert.Contains(plan.BindingRules, b => b.Rule == RuleKind.UsNoNetIncrease);
        Assert.Contains(plan.Suggestions, x => x.Edit is AllowUsNetIncrease);
    }

    [Fact]
    public void Solve_Cancelled_ReturnsPlanMarkedStopped()
    {
        var d = Dataset(Nations, [Unit("fra_1", "FRA", UnitKind.ManoeuvreBrigade)], Willing);
        var s = Scenario(NoRules(), [], [], [Element("brigade", 1, UnitKind.ManoeuvreBrigade, 10)]);

        var plan = ForceGenerator.Solve(d, s, null, null, new CancellationToken(canceled: true));

        Assert.True(plan.Solver.Stopped);
        Assert.False(plan.Solver.ProvenOptimal);
        Assert.Equal(1, plan.Fill.FilledSlots);
    }

    [Fact]
    public void Validate_BadOptions_ListsEveryError()
    {
        var errors = new SolveOptions(Workers: 0, MaxDeterministicTime: -1).Validate();

        Assert.Equal(["workers: expected 1 to 16 workers, found 0", "max_deterministic_time: expected a positive, finite deterministic time, found -1"],
            errors.Select(e => e.ToString()));
    }

    [Fact]
    public void Apply_BadWhatIfs_ReportsEach()
    {
        var d = Dataset(Nations, [], Willing);
        var s = Scenario(NoRules(), [], [], []);

        var result = WhatIf.Apply(d, s, ["XXX=not_ruled_out", "share=1.5", "DEU=maybe", "nonsense"]);

        Assert.Null(result.Value);
        Assert.Equal(4, result.Errors.Count);
        Assert.StartsWith("--what-if 'XXX=not_ruled_out': unknown nation 'XXX'", result.Errors[0].ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Apply_StanceAndShare_ChangesVariant()
    {
        var d = Dataset(Nations, [], [Stance("DEU", StanceLevel.PeacekeepingOnly)]);
        var s = Scenario(NoRules(), [], [], []);

        var v = WhatIf.Apply(d, s, ["DEU=not_ruled_out", "share=0.75"]).Value!;

        Assert.Equal(StanceLevel.NotRuledOut, v.Scenario.StanceOf(v.Dataset, "DEU"));
        Assert.Equal(StanceLevel.PeacekeepingOnly, v.Dataset.StanceOn("DEU", s.StanceDate)); // the cited dataset is left as it is
        Assert.Equal(0.75, v.Scenario.Rules.GroupShare.MinPersonnelShare);
        Assert.Equal(["DEU stance not_ruled_out", "share thresholds 0.75"], v.Changes);
    }
}
