using Resolute.Domain;
using Resolute.Domain.Edits;
using Resolute.Planning;

namespace Resolute.Reports.Tests;

/// <summary>The ceasefire-durability stage: fitted to the bundled record, read for the scenario's settlement.</summary>
[Collection(PlannedDefault.Name)]
public sealed class DurabilityStageTests(PlanFixture fixture)
{
    private Scenario Scenario => PlanFixture.LoadScenario(fixture.Dataset, PlanFixture.Scenario);

    private (PlanResult.DurabilitySection Section, StageStatus Status) Run(params ScenarioEdit[] edits)
    {
        var scenario = edits.Aggregate(Scenario, (s, e) => e.ApplyTo(s));
        var (section, status) = DurabilityStage.Run(fixture.Dataset, scenario, 500);
        Assert.NotNull(section);
        return (section, status);
    }

    [Fact]
    public void Plan_BundledDataset_ComputesTheStageAndCitesEveryCeasefire()
    {
        var r = fixture.Result;

        Assert.Equal(StageStatus.Computed, r.Stages[PlanResult.DurabilityStage]);
        Assert.NotNull(r.Durability);
        Assert.Equal(fixture.Dataset.Ceasefires.Count, r.Durability.Cases);
        var cited = r.Sources.SelectMany(s => s.Rows).Where(x => x.Table == "ceasefires").Select(x => x.Row).Order(StringComparer.Ordinal);
        Assert.Equal(fixture.Dataset.Ceasefires.Select(c => c.Id).Order(StringComparer.Ordinal), cited);
    }

    [Fact]
    public void Run_Configurations_DifferOnlyInTheForceAndItsGuarantee()
    {
        var (d, _) = Run();

        var differing = d.Covariates.Where(c => c.With != c.Without).Select(c => c.Name);
        Assert.Equal(["armed_force", "guarantee"], differing);
        Assert.Equal(1, d.Covariates.Single(c => c.Name == "armed_force").With);
    }

    [Fact]
    public void Run_ImposedSettlement_LowersTheChanceItHoldsBothWays()
    {
        var (accepted, _) = Run();
        var (imposed, _) = Run(new SetAssumption("settlement_imposed", 1));

        // The record's imposed ceasefires failed more often (hazard ratio above 1), so imposing lowers both curves.
        Assert.True(imposed.Covariates.Single(c => c.Name == "imposed").HazardRatio > 1);
        Assert.True(imposed.Comparison.With.Holds[^1] < accepted.Comparison.With.Holds[^1]);
        Assert.True(imposed.Comparison.Without.Holds[^1] < accepted.Comparison.Without.Holds[^1]);
    }

    [Fact]
    public void Run_GuaranteeWithoutTheForceToo_NarrowsTheDifferenceToTheForceAlone()
    {
        var (d, _) = Run();
        var (both, _) = Run(new SetAssumption("settlement_guarantee_without_force", 1));

        Assert.True(both.Comparison.Difference < d.Comparison.Difference);
        Assert.Equal(["armed_force"], both.Covariates.Where(c => c.With != c.Without).Select(c => c.Name));
    }

    [Fact]
    public void Run_Horizon_SetsTheCurvesEnd()
    {
        var (d, _) = Run(new SetAssumption("durability_horizon_years", 4));

        Assert.Equal(4, d.Comparison.HorizonYears);
        Assert.Equal(4, d.Comparison.With.Years[^1], 12);
    }

    [Fact]
    public void Run_SimilarCases_NearestFirstAndTheirDistanceCountsTheirDifferences()
    {
        var (d, _) = Run();

        Assert.Equal(5, d.SimilarCases.Count);
        Assert.Equal(d.SimilarCases.OrderBy(c => c.Distance).Select(c => c.Id), d.SimilarCases.Select(c => c.Id));
        var ids = fixture.Dataset.Ceasefires.Select(c => c.Id).ToHashSet(StringComparer.Ordinal);
        foreach (var c in d.SimilarCases)
        {
            Assert.Contains(c.Id, ids);
            // Each differing binary feature counts 1, intensity half a point per band.
            Assert.True(c.Distance <= c.Differs.Count + 1e-9 && c.Distance >= c.Differs.Count(f => f != "intensity"), $"{c.Id}: {c.Distance} for {string.Join(",", c.Differs)}");
        }
    }

    [Fact]
    public void Run_DatasetWithoutCeasefires_SaysSoInsteadOfFitting()
    {
        var (section, status) = DurabilityStage.Run(fixture.Dataset with { Ceasefires = [] }, Scenario, 100);

        Assert.Null(section);
        Assert.Equal("not computed: the dataset has no ceasefires.csv", status.ToString());
    }
}
