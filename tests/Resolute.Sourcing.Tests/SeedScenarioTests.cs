namespace Resolute.Sourcing.Tests;

/// <summary>The bundled default scenario on the bundled dataset.</summary>
public sealed class SeedScenarioTests
{
    [Fact]
    public void Solve_SeedScenario_KeepsEveryRuleAndExplainsShortfall()
    {
        var (d, s) = Build.Bundled();

        var plan = ForceGenerator.Solve(d, s, new SolveOptions(MaxDeterministicTime: 5));

        Assert.Empty(HardRules.Violations(d, s, plan));
        Assert.All(plan.ShareChecks, c => Assert.NotEqual(ShareStatus.Fails, c.Status));
        Assert.True(plan.Us.NoNetIncreaseHolds && plan.Us.KindsHold);
        Assert.True(plan.IsFilled || plan.BindingRules.Count > 0);
        Assert.True(plan.Solver.Objective >= plan.Solver.GreedyObjective - 1e-6);
    }

    [Fact]
    public void Solve_SeedScenarioWithSixtyDayReadiness_FillsAllButThreeSlotsWithinRulesAndWithoutGermany()
    {
        // The seed's deadline (the Munich Security Conference, four days after the stance date) leaves no unit ready; with
        // sixty days the 80 % checks, the US net-change check and the stance caps are the rules that shape the package.
        // Germany, open only to peacekeeping, sends nothing into a war.
        var (d, s) = Build.Bundled();
        var v = WhatIf.Apply(d, s, ["readiness=60"]).Value!;

        var plan = ForceGenerator.Solve(v.Dataset, v.Scenario, new SolveOptions(MaxDeterministicTime: 5, Explain: false));

        Assert.Empty(HardRules.Violations(v.Dataset, v.Scenario, plan));
        Assert.True(plan.Fill.FilledSlots >= plan.Fill.Slots - 3, $"{plan.Fill.FilledSlots} of {plan.Fill.Slots}");
        Assert.DoesNotContain(plan.Assignments, a => a.Nation == "DEU");
        Assert.All(plan.ShareChecks, c => Assert.True(c.Holds == true && c.Share >= 0.8 - 1e-9));
        Assert.Equal(0, plan.Us.NetChange);
        Assert.All(plan.Burden.Where(b => b.Stance == Domain.StanceLevel.NotRuledOut), b =>
            Assert.True(plan.Assignments.Count(a => a.Nation == b.Nation && a.Kind == Domain.UnitKind.ManoeuvreBrigade) <= 2));
        Assert.DoesNotContain(plan.Assignments, a => a.Nation == "DEU" && a.Kind == Domain.UnitKind.ManoeuvreBrigade);
    }

    [Fact]
    public void Solve_SeedNinetyDays_BreadthFairnessAndBurdenSharesCountTheCoalitionNotTheUsBackstop()
    {
        // The US backstop is bounded by its own rules (posture in Europe, no net increase, allowed kinds), not by GDP: it is
        // neither a coalition nation in breadth nor a row of the fairness index.
        var (d, s) = Build.Bundled("seed-offer-ready-90-days");

        var plan = ForceGenerator.Solve(d, s, new SolveOptions(Explain: false));

        Assert.Contains(plan.Assignments, a => a.Nation == "USA");
        Assert.Contains(plan.Burden, b => b.Nation == "USA");
        Assert.DoesNotContain("USA", plan.Breadth.Contributors);
        Assert.Equal(plan.Burden.Count - 1, plan.Breadth.Nations);
        Assert.NotEqual("USA", plan.Fairness.MaxGapNation);
        var us = Assert.Single(plan.Burden, b => b.Nation == "USA");
        Assert.Equal([null, null, null, null], new[] { us.ShareOfForce, us.ShareOfGdp, us.ShareOfDefence, us.GapToGdp });
        // Shares compare the coalition's nations with one another: each side sums to one without the backstop.
        var coalition = plan.Burden.Where(b => b.Nation != "USA").ToArray();
        var coalitionPersonnel = coalition.Sum(b => b.Personnel);
        Assert.All(coalition, b => Assert.Equal((double)b.Personnel / coalitionPersonnel, b.ShareOfForce!.Value, 12));
        Assert.Equal(1, coalition.Sum(b => b.ShareOfGdp!.Value), 9);
        Assert.Equal(1, coalition.Sum(b => b.ShareOfDefence!.Value), 9);
        Assert.Equal(coalition.Max(b => Math.Abs(b.GapToGdp!.Value)), plan.Fairness.MaxGapToGdp, 12);
        var ratios = coalition.Select(b => b.ShareOfForce!.Value / b.ShareOfGdp!.Value).ToArray();
        Assert.Equal(ratios.Sum() * ratios.Sum() / (ratios.Length * ratios.Sum(x => x * x)), plan.Fairness.JainIndex, 12);
    }

    [Fact]
    public void Solve_ScenarioStanceOverride_TakesThePlaceOfTheDatasetStanceAndAWhatIfTakesThePlaceOfIt()
    {
        var (d, s) = Build.Bundled("seed-offer-ready-90-days");
        var options = new SolveOptions(Explain: false);
        var willing = s with { StanceOverrides = new Dictionary<string, Domain.StanceLevel> { ["DEU"] = Domain.StanceLevel.NotRuledOut } };
        var opposed = s with { StanceOverrides = new Dictionary<string, Domain.StanceLevel> { ["DEU"] = Domain.StanceLevel.Opposed, ["FRA"] = Domain.StanceLevel.NotRuledOut } };

        var basePlan = ForceGenerator.Solve(d, s, options);
        var withGermany = ForceGenerator.Solve(d, willing, options);
        var withoutGermany = ForceGenerator.Solve(d, opposed, options);
        var back = WhatIf.Apply(d, opposed, ["DEU=peacekeeping_only"]).Value!;

        // At its dataset stance (peacekeeping only) Germany sends nothing into a war; not ruling out troops, it does.
        Assert.DoesNotContain(basePlan.Assignments, a => a.Nation == "DEU");
        Assert.Contains(withGermany.Assignments, a => a.Nation == "DEU");
        Assert.DoesNotContain(withoutGermany.Assignments, a => a.Nation == "DEU");
        var cap = s.Rules.Stances[Domain.StanceLevel.NotRuledOut].MaxManoeuvreBrigades!.Value;
        Assert.True(basePlan.Assignments.Count(a => a.Nation == "FRA" && a.Kind == Domain.UnitKind.ManoeuvreBrigade) > cap, "France sends more brigades at its dataset stance");
        Assert.InRange(withoutGermany.Assignments.Count(a => a.Nation == "FRA" && a.Kind == Domain.UnitKind.ManoeuvreBrigade), 1, cap);
        Assert.Empty(HardRules.Violations(d, opposed, withoutGermany));
        Assert.Equal(Domain.StanceLevel.PeacekeepingOnly, back.Scenario.StanceOf(d, "DEU"));
        Assert.Same(d, back.Dataset);
    }

    [Fact]
    public void Solve_SeedScenarioNothingReady_ShareChecksAreNotApplicable()
    {
        // The seed's four-day window leaves no unit ready, so the plan deploys nothing: 0 of 0 is no share, and the checks
        // must say so rather than report 100 % holding.
        var (d, s) = Build.Bundled();

        var plan = ForceGenerator.Solve(d, s, new SolveOptions(Explain: false));

        Assert.Equal(0, plan.Fill.FilledSlots);
        Assert.Equal(3, plan.ShareChecks.Count);
        Assert.All(plan.ShareChecks, c =>
        {
            Assert.Equal(ShareStatus.NotApplicable, c.Status);
            Assert.Null(c.Holds);
            Assert.Null(c.Share);
            Assert.Null(c.Margin);
            Assert.Equal(0, c.TotalAmount);
        });
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    public void Solve_SeedNinetyDays_ProvenOptimalWithinHalfADeterministicSecond(int workers)
    {
        // The speed target (issue 4: the seed scenario proven optimal in ≤ 2 s on two cores), pinned in deterministic time,
        // which unlike wall time does not depend on the machine: 0.23 for one worker and for two, because with two the rest
        // stage is first tried on one worker, which proves it (the interleaved portfolio needed 1.2 on its own).
        var (d, s) = Build.Bundled("seed-offer-ready-90-days");

        var plan = ForceGenerator.Solve(d, s, new SolveOptions(Workers: workers, Explain: false));

        Assert.True(plan.Solver.ProvenOptimal);
        Assert.Equal(0, plan.Solver.Gap);
        Assert.True(plan.Solver.DeterministicTime <= 0.5, $"deterministic time {plan.Solver.DeterministicTime}");
        Assert.Equal(["fill", "breadth", workers == 1 ? "rest" : "rest_one_worker", "tie_break"], plan.Solver.Stages!.Select(x => x.Name));
        Assert.Empty(HardRules.Violations(d, s, plan));
        Assert.True(plan.Solver.Objective >= plan.Solver.GreedyObjective);
    }

    [Fact]
    public void Solve_CancelledBeforeTheSearchStarts_StopsAtOnceWithTheGreedyPlan()
    {
        var (d, s) = Build.Bundled("seed-offer-ready-90-days");

        var plan = ForceGenerator.Solve(d, s, null, null, new CancellationToken(canceled: true));

        Assert.True(plan.Solver.Stopped);
        Assert.False(plan.Solver.ProvenOptimal);
        Assert.Equal("greedy", plan.Solver.Source);
        Assert.Equal(0, plan.Solver.DeterministicTime);
        Assert.Equal(plan.Solver.GreedyFilledSlots, plan.Fill.FilledSlots);
    }
}
