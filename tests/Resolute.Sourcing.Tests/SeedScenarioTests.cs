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
        Assert.All(plan.ShareChecks, c => Assert.True(c.Holds));
        Assert.True(plan.Us.NoNetIncreaseHolds && plan.Us.KindsHold);
        Assert.True(plan.IsFilled || plan.BindingRules.Count > 0);
        Assert.True(plan.Solver.Objective >= plan.Solver.GreedyObjective - 1e-6);
    }

    [Fact]
    public void Solve_SeedScenarioWithSixtyDayReadiness_FillsAllButOneSlotWithinRules()
    {
        // The seed's deadline (the Munich Security Conference, four days after the stance date) leaves no unit ready; with
        // sixty days the 80 % checks, the US net-change check and the stance caps are the rules that shape the package.
        var (d, s) = Build.Bundled();
        var v = WhatIf.Apply(d, s, ["readiness=60"]).Value!;

        var plan = ForceGenerator.Solve(v.Dataset, v.Scenario, new SolveOptions(MaxDeterministicTime: 5, Explain: false));

        Assert.Empty(HardRules.Violations(v.Dataset, v.Scenario, plan));
        Assert.True(plan.Fill.FilledSlots >= plan.Fill.Slots - 1);
        Assert.All(plan.ShareChecks, c => Assert.True(c.Holds && c.Share >= 0.8 - 1e-9));
        Assert.Equal(0, plan.Us.NetChange);
        Assert.All(plan.Burden.Where(b => b.Stance == Domain.StanceLevel.NotRuledOut), b =>
            Assert.True(plan.Assignments.Count(a => a.Nation == b.Nation && a.Kind == Domain.UnitKind.ManoeuvreBrigade) <= 2));
        Assert.DoesNotContain(plan.Assignments, a => a.Nation == "DEU" && a.Kind == Domain.UnitKind.ManoeuvreBrigade);
    }
}
