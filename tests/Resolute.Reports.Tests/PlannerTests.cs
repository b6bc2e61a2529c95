using Resolute.Balance;
using Resolute.Domain;
using Resolute.Planning;
using Resolute.Sourcing;

namespace Resolute.Reports.Tests;

[Collection(PlannedDefault.Name)]
public sealed class PlannerTests(PlanFixture fixture)
{
    [Fact]
    public void Of_TwoTemplatesShareARoleWithDifferentTypes_ListsEachAsItsOwnRow()
    {
        var path = Path.Combine(AppContext.BaseDirectory, "scenarios", "seed-offer-2025-02.yaml");
        var yaml = File.ReadAllText(path)
            .Replace("templates:\n", """
                templates:
                  - id: light_division
                    description: A division HQ with three light brigades.
                    elements:
                      - {role: division_hq, count: 1, kinds: [division_hq], weight: 8}
                      - {role: manoeuvre_brigade, count: 3, kinds: [manoeuvre_brigade], types: [light, airborne], weight: 10}

                """, StringComparison.Ordinal)
            .Replace("    - {template: plussed_up_division, count: 3}\n", "    - {template: plussed_up_division, count: 3}\n    - {template: light_division, count: 1}\n", StringComparison.Ordinal);
        var scenario = Data.ScenarioFile.Parse(yaml, path, fixture.Dataset).Value;
        Assert.NotNull(scenario);

        var rows = PlanResult.Of(fixture.Dataset, scenario, "sha256:test", PlanFixture.Now).Requirement.Where(e => e.Role == "manoeuvre_brigade").ToArray();

        Assert.Equal([(9, "armoured,mechanised,motorised"), (3, "light,airborne")], rows.Select(e => (e.Slots, string.Join(",", e.Types))));
        Assert.True(rows[1].CandidateUnits > 0);
        Assert.Equal(4, PlanResult.Of(fixture.Dataset, scenario, "sha256:test", PlanFixture.Now).Requirement.Single(e => e.Role == "division_hq").Slots);
    }

    [Fact]
    public void Of_ScenarioStanceOverrides_ListedAmongTheRulesAndInTheStanceTable()
    {
        var scenario = PlanFixture.LoadScenario(fixture.Dataset, PlanFixture.Scenario);
        var overridden = scenario with { StanceOverrides = new Dictionary<string, StanceLevel> { ["DEU"] = StanceLevel.NotRuledOut } };

        var plain = PlanResult.Of(fixture.Dataset, scenario, "sha256:test", PlanFixture.Now);
        var result = PlanResult.Of(fixture.Dataset, overridden, "sha256:test", PlanFixture.Now);

        Assert.DoesNotContain(plain.Rules, r => r.StartsWith("stances set by the scenario", StringComparison.Ordinal));
        Assert.Contains("stances set by the scenario (in place of the dataset's): DEU not_ruled_out", result.Rules);
        Assert.Contains("DEU", plain.Stances["peacekeeping_only"]);
        Assert.Contains("DEU", result.Stances["not_ruled_out"]);
    }

    [Fact]
    public void Run_SeedNinetyDays_SustainedForceIsSmallerThanTheOneOffAndItsCostIsCounted()
    {
        var s = fixture.Result.Sustainment!;
        var plan = fixture.Result.ForceGeneration!;

        Assert.Equal((plan.Fill.FilledSlots, plan.Fill.Personnel), (s.OneOff.FilledSlots, s.OneOff.Personnel));
        Assert.True(s.Sustained.WeightedFill <= s.OneOff.WeightedFill && s.Sustained.Personnel < s.OneOff.Personnel, $"{s.Sustained.Personnel} vs {s.OneOff.Personnel}");
        Assert.Equal(s.Plan.Fill.Slots - s.Plan.Fill.FilledSlots, s.Gaps.Sum(g => g.Slots));
        Assert.Equal(s.RunsOut.OrderBy(x => x.Months).Select(x => x.Months), s.RunsOut.Select(x => x.Months));
        Assert.All(s.Cost, c => Assert.Equal(c.AnnualUsd * s.HorizonYears, c.CumulativeUsd, 0));
        Assert.DoesNotContain(s.Plan.Assignments, a => a.Nation == "DEU");
        Assert.DoesNotContain(s.Suggestions, x => x.Rule == RuleKind.Rotation);
    }

    [Fact]
    public void Run_DefaultScenario_ComputesEveryStage()
    {
        var r = fixture.Result;

        Assert.All(r.Stages.Values, s => Assert.Equal(StageStatus.Computed, s));
        Assert.NotNull(r.ForceGeneration);
        Assert.NotNull(r.Geography);
        Assert.NotNull(r.Balance);
        Assert.Equal(PlanResult.CurrentSchemaVersion, r.SchemaVersion);
    }

    [Fact]
    public void Run_DefaultScenario_GeographyPlacesTheSourcedForce()
    {
        var r = fixture.Result;

        Assert.Equal(r.ForceGeneration!.Assignments.Select(a => a.Unit).Order(StringComparer.Ordinal), r.Geography!.Result.Units.Select(u => u.UnitId).Order(StringComparer.Ordinal));
        Assert.Equal(PlanResult.ForceGenerationStage, r.Geography.Force);
    }

    [Fact]
    public void Run_DefaultScenario_BalanceUsesPlacedBrigadesAndSourcedStrike()
    {
        var r = fixture.Result;
        var coalition = r.Balance!.Result.WithCoalition.Coalition;

        Assert.Equal(r.Geography!.Result.FreedForces.CoalitionBrigades, coalition.ManoeuvreBrigades);
        Assert.Equal(r.Geography.Result.FreedForces.PerBrigade, coalition.FreedBrigadesPerBrigade);
        Assert.Equal(r.ForceGeneration!.Assignments.Count(a => a.Kind == UnitKind.Lrs), coalition.LongRangeStrikeUnits);
        Assert.Equal(0, r.Balance.Result.WithoutCoalition.Coalition.ManoeuvreBrigades);
        Assert.Equal(3, r.Balance.Tornado.Count);
        Assert.Equal(3, r.Balance.Sobol.Count);
    }

    [Fact]
    public void Run_WithComparedScenarios_RunsTheSourcedCoalitionUnderEachOnesAssumptions()
    {
        var r = fixture.Result;
        var across = r.Balance!.AcrossScenarios!;
        var coalition = r.Balance.Result.WithCoalition.Coalition;

        Assert.Equal(Planner.UsPaths, across.Select(a => a.Scenario));
        Assert.All(across, a =>
        {
            Assert.Equal(coalition, a.Result.WithCoalition.Coalition);
            Assert.Equal(0, a.Result.WithoutCoalition.Coalition.ManoeuvreBrigades);
            Assert.Equal(PlanFixture.Options.Runs, a.Result.WithCoalition.Completed);
            Assert.Empty(a.Result.WithCoalition.Bands);
            Assert.StartsWith("sha256:", a.ScenarioHash, StringComparison.Ordinal);
        });
        // Different assumptions give different outcomes: walk-away (aid falls, sanctions ease) costs more ground than decisive action.
        double Territory(string id) => across.Single(a => a.Scenario == id).Result.WithCoalition.Get(Metrics.Territory.Id).P50;
        Assert.True(Territory("us-walk-away") > Territory("us-decisive-action"));
    }

    [Fact]
    public void Run_ComparedWithItself_SkipsTheDuplicate()
    {
        var scenario = PlanFixture.LoadScenario(fixture.Dataset, "us-walk-away");
        var options = PlanFixture.Options with { Runs = 20, TornadoRunsPerPoint = 0, SobolSamples = 0, Compare = [scenario] };

        var r = Planner.Run(fixture.Dataset, scenario, PlanFixture.Now, options);

        Assert.Null(r.Balance!.AcrossScenarios);
    }

    [Fact]
    public void Run_StanceOverride_CitesNoDatasetStanceRowForThatNation()
    {
        var scenario = PlanFixture.LoadScenario(fixture.Dataset, PlanFixture.Scenario);
        var overridden = scenario with { StanceOverrides = new Dictionary<string, StanceLevel> { ["DEU"] = StanceLevel.NotRuledOut } };
        var options = PlanFixture.Options with { Runs = 20, TornadoRunsPerPoint = 0, SobolSamples = 0, Compare = [] };

        var r = Planner.Run(fixture.Dataset, overridden, PlanFixture.Now, options);

        var stanceRows = r.Sources.SelectMany(s => s.Rows).Where(x => x.Table == "stances").Select(x => x.Row).ToArray();
        Assert.Contains(r.ForceGeneration!.Assignments, a => a.Nation == "DEU");
        Assert.DoesNotContain(stanceRows, row => row.StartsWith("DEU ", StringComparison.Ordinal));
        Assert.Contains(stanceRows, row => row.StartsWith("FRA ", StringComparison.Ordinal));
    }

    [Fact]
    public void Run_DefaultScenario_ListsTheSourcesOfEveryDeployedUnit()
    {
        var r = fixture.Result;
        var cited = r.Sources.SelectMany(s => s.Rows).Where(x => x.Table == "units").Select(x => x.Row).ToHashSet(StringComparer.Ordinal);

        Assert.All(r.ForceGeneration!.Assignments, a => Assert.Contains(a.Unit, cited));
        Assert.Contains(r.Sources, s => s.Rows.Any(x => x.Table == "front_line"));
        Assert.All(r.Sources.Where(s => s.Id != "assumption"), s => Assert.NotNull(s.Accessed));
    }

    [Fact]
    public void Run_WithProgress_ReportsEveryStageInOrderAndTheSameResult()
    {
        var reports = new System.Collections.Concurrent.ConcurrentQueue<PlanProgress>();
        var options = PlanFixture.Options with { Runs = 100, TornadoRunsPerPoint = 5, SobolSamples = 8 };
        var scenario = PlanFixture.LoadScenario(fixture.Dataset, PlanFixture.Scenario);

        var withProgress = Planner.Run(fixture.Dataset, scenario, PlanFixture.Now, options, new Collect(reports), default);
        var without = Planner.Run(fixture.Dataset, scenario, PlanFixture.Now, options);

        var stages = reports.Select(r => r.Stage.Split(':')[0]).Distinct().ToList();
        Assert.Equal(["force generation", "sustainment", "geography", "balance", "sensitivity, tornado", "sensitivity, Sobol indices", "ceasefire durability", "done"], stages);
        Assert.All(reports, r => Assert.InRange(r.Done, 0, 1));
        Assert.Equal(1, reports.Last().Done);
        Assert.Contains(reports, r => r.Stage == "balance: 200 of 200 campaigns (with and without the coalition)");
        Assert.Equal(ResultJson.Write(without), ResultJson.Write(withProgress));
    }

    private sealed class Collect(System.Collections.Concurrent.ConcurrentQueue<PlanProgress> into) : IProgress<PlanProgress>
    {
        public void Report(PlanProgress value) => into.Enqueue(value);
    }

    [Fact]
    public void Run_ScenarioWithoutRequirement_ReportsForceGenerationNotComputed()
    {
        var scenario = PlanFixture.LoadScenario(fixture.Dataset, "calibration-2025");

        var r = Planner.Run(fixture.Dataset, scenario, PlanFixture.Now, PlanFixture.Options with { TornadoRunsPerPoint = 0, SobolSamples = 0, Runs = 50 });

        Assert.Null(r.ForceGeneration);
        Assert.Equal("not computed: the scenario has no requirement", r.Stages[PlanResult.ForceGenerationStage].ToString());
        Assert.NotNull(r.Balance);
        Assert.Equal(0, r.Balance.Result.WithCoalition.Coalition.ManoeuvreBrigades);
    }

    [Fact]
    public void Run_SameInputs_GiveIdenticalJsonOnOneAndTwoThreads()
    {
        var scenario = PlanFixture.LoadScenario(fixture.Dataset, "seed-offer-2025-02");
        var options = PlanFixture.Options with { Runs = 64, TornadoRunsPerPoint = 4, SobolSamples = 8 };

        var one = ResultJson.Write(Planner.Run(fixture.Dataset, scenario, PlanFixture.Now, options with { Threads = 1 }));
        var two = ResultJson.Write(Planner.Run(fixture.Dataset, scenario, PlanFixture.Now, options with { Threads = 2 }));

        Assert.Equal(one, two);
    }

    [Fact]
    public void Briefing_PlanThatDeploysNothing_ShowsShareChecksAsNotApplicable()
    {
        var scenario = PlanFixture.LoadScenario(fixture.Dataset, "seed-offer-ready-by-munich");
        var result = Planner.Run(fixture.Dataset, scenario, PlanFixture.Now, PlanFixture.Options with { Runs = 20, TornadoRunsPerPoint = 0, SobolSamples = 0 });
        Assert.Equal(0, result.ForceGeneration!.Fill.Personnel);

        var md = Briefing.Render(result).Markdown;

        // The group-share table: one row per measure, each naming the group.
        var checkRows = md.Split('\n').Where(l => l.Contains(@"| europe\_canada |", StringComparison.Ordinal)).ToList();
        Assert.Equal(3, checkRows.Count);
        Assert.All(checkRows, row => Assert.EndsWith("| n/a — nothing deployed |", row.TrimEnd(), StringComparison.Ordinal));
    }

    [Fact]
    public void Validate_BadOptions_ListsEveryProblem()
    {
        var errors = new PlanOptions(Threads: 0, Runs: 0, TornadoRunsPerPoint: -1, SobolSamples: 1).Validate();

        Assert.Equal(4, errors.Count);
    }
}
