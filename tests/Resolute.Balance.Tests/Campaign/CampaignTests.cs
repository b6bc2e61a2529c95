using System.Text.Json;
using FsCheck;
using FsCheck.Fluent;
using Resolute.Balance.Tests.Fixtures;
using P = Resolute.Domain.Assumptions.CampaignParameter;

namespace Resolute.Balance.Tests.Campaign;

public sealed class CampaignTests
{
    private static readonly Lazy<(Domain.Scenario Scenario, CampaignAssumptions Assumptions)> Seed = new(() =>
    {
        var s = Scenarios.Load("seed-offer-2025-02");
        return (s, Scenarios.Assumptions(s));
    });

    [Fact]
    public void Run_OneAndTwoThreads_IdenticalResults()
    {
        var (s, a) = Seed.Value;
        var settings = CampaignSettings.From(s);

        var one = MonteCarlo.Run(a, settings, 600, 99, new EnsembleOptions(Threads: 1));
        var two = MonteCarlo.Run(a, settings, 600, 99, new EnsembleOptions(Threads: 2));

        var options = new JsonSerializerOptions { NumberHandling = System.Text.Json.Serialization.JsonNumberHandling.AllowNamedFloatingPointLiterals };
        Assert.Equal(JsonSerializer.Serialize(one, options), JsonSerializer.Serialize(two, options));
        Assert.False(one.Partial);
    }

    [Fact]
    public void Run_RunIndexDeterminesCampaign_ShardsAgreeWithTheWhole()
    {
        var (s, a) = Seed.Value;
        var settings = CampaignSettings.From(s);
        var values = new double[CampaignAssumptions.Count];
        a.Sample(CounterRng.RunKey(5, 37), values);

        // Run 37 of an ensemble with seed 5 is the same campaign when traced alone.
        var alone = CampaignModel.Trace(settings, values, CounterRng.RunKey(5, 37))[^1];
        var raw = MonteCarlo.Execute(settings, 40, (run, row) => a.Sample(CounterRng.RunKey(5, run), row), run => CounterRng.RunKey(5, run), new EnsembleOptions(), 0);

        Assert.Equal(alone.TerritoryKm2, raw.Outcomes.Territory[37]);
        Assert.Equal(alone.RussianCasualties, raw.Outcomes.RedCasualties[37]);
    }

    [Fact]
    public void Calibration2025_Reproduces2025FiguresInsideP10P90()
    {
        var s = Scenarios.Load("calibration-2025");
        var a = Scenarios.Assumptions(s);
        var r = MonteCarlo.Run(a, CampaignSettings.From(s), 2000, s.Seed, new EnsembleOptions(Threads: 2, Bands: false));

        // validation/README.md: 4,300-5,600 km² gained (DeepState 4,336; AFP/ISW 5,600).
        var territory = r.Get(Metrics.Territory.Id);
        Assert.InRange(4_336, territory.P10, territory.P90);
        Assert.InRange(5_600, territory.P10, territory.P90);
        Assert.InRange(territory.P50, 4_300, 5_600);
        // 1,000-1,300 Russian casualties a day.
        var casualties = r.Get(Metrics.RussianCasualtiesPerDay.Id);
        Assert.InRange(1_150, casualties.P10, casualties.P90);
        Assert.InRange(casualties.P50, 1_000, 1_300);
        // Out of sample: the grouping of about 710,000 plus the >121,000 strategic reserve by December 2025 (Syrskyi).
        var force = r.Get(Metrics.RussianTotalEnd.Id);
        Assert.InRange(831_000, force.P10, force.P90);
        Assert.Empty(s.Requirement.Formations);
    }

    [Fact]
    public void Trace_NoNoiseAllLaws_DayOneLossesMatchTheSquareLaw()
    {
        var (s, a) = Seed.Value;
        var values = a.BaseVector();
        values[(int)P.DailyNoise] = 0;
        // No reinforcement on day 1, so both sides fight at their initial strengths, where the laws are matched.
        values[(int)P.RussianReserveCommitRate] = 0;
        values[(int)P.BlueReserveCommitRatio] = 100;
        double DayOne(LanchesterLaw law) => CampaignModel.Trace(CampaignSettings.From(s, law), values)[0].RussianCasualties;

        var square = DayOne(LanchesterLaw.Square);

        Assert.True(square > 0);
        Assert.Equal(square, DayOne(LanchesterLaw.Linear), 6);
        Assert.Equal(square, DayOne(LanchesterLaw.Logarithmic), 6);
        Assert.Equal(square, DayOne(LanchesterLaw.Helmbold), 6);
    }

    [Fact]
    public void Trace_Ceasefire_NoCombatDuringThePause()
    {
        var s = Scenarios.Load("us-imposed-ceasefire");
        var values = Scenarios.Assumptions(s).BaseVector();
        values[(int)P.DailyNoise] = 0;

        var trace = CampaignModel.Trace(CampaignSettings.From(s), values);

        var pause = (int)values[(int)P.CeasefirePauseDays];
        Assert.Equal(0, trace[pause - 1].RussianCasualties);
        Assert.Equal(0, trace[pause - 1].TerritoryKm2);
        Assert.True(trace[pause].RussianCasualties > 0);
    }

    [Fact]
    public void AdvanceRate_AtTableRatios_ReturnsTableValues()
    {
        var prepared = QjmTables.AdvanceRow(1);
        for (var k = 0; k < QjmTables.Ratios.Count; k++)
            Assert.Equal(QjmTables.InfantryAdvance[1][k], QjmTables.AdvanceRate(prepared, QjmTables.Ratios[k], 0.7), 12);
        Assert.Equal(12, QjmTables.AdvanceRate(prepared, 50, 0.7), 12);
        Assert.Equal(0, QjmTables.AdvanceRate(prepared, 0.5, 0.7), 12);
        Assert.Equal(1, QjmTables.AdvanceRate(prepared, 0.85, 0.7), 12);
    }

    // Property: in the deterministic model (no daily noise), more Ukrainian strength — at the front, in reserve or from
    // mobilisation — never lets Russia gain more ground, reach more cities or lose fewer men.
    [FsCheck.Xunit.Property(MaxTest = 40)]
    public Property MoreBlueStrength_NeverWorsensBlueOutcome()
    {
        var gen =
            from which in Gen.Elements(P.UkrainianFrontForce, P.UkrainianReserve, P.UkrainianMobilisation, P.UkrainianBrigadeStrength)
            from extra in Gen.Choose(1, 200).Select(x => x * 1000.0)
            from posture in Gen.Choose(0, 20).Select(x => x / 10.0)
            from share in Gen.Choose(20, 80).Select(x => x / 100.0)
            from ratio in Gen.Choose(70, 200).Select(x => x / 100.0)
            select (which, extra, posture, share, ratio);
        return Prop.ForAll(gen.ToArbitrary(), t =>
        {
            var (s, a) = Seed.Value;
            var settings = CampaignSettings.From(s) with { Days = 180 };
            var values = a.BaseVector();
            values[(int)P.DailyNoise] = 0;
            values[(int)P.DefencePosture] = t.posture;
            values[(int)P.MainEffortShare] = t.share;
            values[(int)P.RussianForce] *= t.ratio;
            var before = CampaignModel.Trace(settings, values)[^1];
            values[(int)t.which] += t.which == P.UkrainianBrigadeStrength ? t.extra / 100 : t.extra;
            var after = CampaignModel.Trace(settings, values)[^1];
            return after.TerritoryKm2 <= before.TerritoryKm2 + 1e-9
                && after.CitiesReached <= before.CitiesReached
                && after.RussianCasualties >= before.RussianCasualties - 1e-6;
        });
    }

    // Property: in the deterministic model, more coalition fighter squadrons or strike units (each cutting Russian
    // combat power once deployed) never let Russia gain more ground or reach more cities.
    [FsCheck.Xunit.Property(MaxTest = 40)]
    public Property MoreCoalitionAirOrStrike_NeverWorsensBlueOutcome()
    {
        var gen =
            from fighters in Gen.Choose(0, 12)
            from extraFighters in Gen.Choose(0, 8)
            from strike in Gen.Choose(0, 4)
            from extraStrike in Gen.Choose(0, 4)
            from cut in Gen.Choose(1, 20).Select(x => x / 1000.0)
            from deployDay in Gen.Choose(0, 120)
            from ratio in Gen.Choose(70, 200).Select(x => x / 100.0)
            select (fighters, extraFighters, strike, extraStrike, cut, deployDay, ratio);
        return Prop.ForAll(gen.ToArbitrary(), t =>
        {
            var (s, a) = Seed.Value;
            var values = a.BaseVector();
            values[(int)P.DailyNoise] = 0;
            values[(int)P.CoalitionAirCutPerSquadron] = t.cut;
            values[(int)P.CoalitionDeployDay] = t.deployDay;
            values[(int)P.RussianForce] *= t.ratio;
            CampaignSettings With(int fighters, int strike) =>
                CampaignSettings.From(s) with { Days = 180, Coalition = new CoalitionInput(9, strike, 1.0, fighters) };
            var before = CampaignModel.Trace(With(t.fighters, t.strike), values)[^1];
            var after = CampaignModel.Trace(With(t.fighters + t.extraFighters, t.strike + t.extraStrike), values)[^1];
            return after.TerritoryKm2 <= before.TerritoryKm2 + 1e-9 && after.CitiesReached <= before.CitiesReached;
        });
    }

    [Fact]
    public void Arrivals_AllOnOneDay_MatchTheSingleDeployDay()
    {
        var (s, a) = Seed.Value;
        var values = a.BaseVector();
        values[(int)P.DailyNoise] = 0;
        values[(int)P.CoalitionDeployDay] = 40;
        var coalition = new CoalitionInput(9, 3, 1.0, 8);
        var single = CampaignModel.Trace(CampaignSettings.From(s) with { Days = 180, Coalition = coalition }, values)[^1];
        var arrivals = new CoalitionArrivals([.. Enumerable.Repeat(40, 9)], [40, 40, 40], [.. Enumerable.Repeat(40, 8)]);

        var scheduled = CampaignModel.Trace(CampaignSettings.From(s) with { Days = 180, Coalition = coalition with { Arrivals = arrivals } }, values)[^1];

        Assert.Equal(single.TerritoryKm2, scheduled.TerritoryKm2, 9);
        Assert.Equal(single.RussianCasualties, scheduled.RussianCasualties, 6);
    }

    [Fact]
    public void Arrivals_Earlier_TakeGroundFromRussia()
    {
        var (s, a) = Seed.Value;
        var values = a.BaseVector();
        values[(int)P.DailyNoise] = 0;
        values[(int)P.CoalitionAirCutPerSquadron] = 0.01;
        values[(int)P.CoalitionStrikeCutPerUnit] = 0.01;
        var coalition = new CoalitionInput(9, 3, 1.0, 8);
        CampaignDay Run(int day) => CampaignModel.Trace(CampaignSettings.From(s) with
        {
            Days = 180,
            Coalition = coalition with { Arrivals = new([.. Enumerable.Repeat(day, 9)], [day, day, day], [.. Enumerable.Repeat(day, 8)]) },
        }, values)[^1];

        Assert.True(Run(10).TerritoryKm2 < Run(120).TerritoryKm2, "a force in place from day 10 takes more ground from Russia than one from day 120");
        Assert.Equal(CoalitionArrivals.InPlaceByDay([3, 1, 1, 200], 5), new double[] { 0, 2, 2, 3, 3 });
    }

    [Fact]
    public void Assumptions_WithoutTheAirCut_FixItAtZeroAndLeaveTheModelUnchanged()
    {
        var (s, a) = Seed.Value;
        var older = s.Assumptions.Where(x => x.Id != CampaignAssumptions.Id(P.CoalitionAirCutPerSquadron)).ToArray();

        var (resolved, errors) = CampaignAssumptions.From(s with { Assumptions = older });

        Assert.Empty(errors);
        Assert.NotNull(resolved);
        var air = resolved[P.CoalitionAirCutPerSquadron];
        Assert.Equal((0.0, Domain.DistributionKind.Fixed), (air.Value, air.Distribution.Kind));
        Assert.Contains("not credited", air.Reference, StringComparison.Ordinal);
        var settings = CampaignSettings.From(s) with { Days = 200 };
        var values = a.BaseVector();
        values[(int)P.DailyNoise] = 0;
        var credited = CampaignModel.Trace(settings, values)[^1];
        values[(int)P.CoalitionAirCutPerSquadron] = 0;
        var uncredited = CampaignModel.Trace(settings, values)[^1];
        Assert.Equal(uncredited.TerritoryKm2, CampaignModel.Trace(settings, resolved.BaseVector().Select((v, i) => i == (int)P.DailyNoise ? 0 : v).ToArray())[^1].TerritoryKm2);
        Assert.True(credited.TerritoryKm2 < uncredited.TerritoryKm2, "eight squadrons at the scenario's cut take ground from Russia");
    }

    [Fact]
    public void Analysis_SeedOffer_CoalitionDoesNotWorsenDeterrence()
    {
        var (s, a) = Seed.Value;

        var r = BalanceAnalysis.Run(s.Id, a, CampaignSettings.From(s), 800, s.Seed, new EnsembleOptions(2, Bands: false));

        Assert.Equal(12, r.Sectors.Count);
        Assert.Equal(9, r.WithCoalition.Coalition.ManoeuvreBrigades);
        Assert.Equal(0, r.WithoutCoalition.Coalition.ManoeuvreBrigades);
        Assert.True(r.Deterrence.HoldsWith >= r.Deterrence.HoldsWithout);
        Assert.True(r.WithCoalition.Get(Metrics.Territory.Id).Mean <= r.WithoutCoalition.Get(Metrics.Territory.Id).Mean);
    }

    [Fact]
    public void Analysis_SameSeeds_DifferenceIsPairedRunByRunWithANarrowerMarginThanIndependentSamples()
    {
        var (s, a) = Seed.Value;
        const int runs = 800;

        var r = BalanceAnalysis.Run(s.Id, a, CampaignSettings.From(s), runs, s.Seed, new EnsembleOptions(2, Bands: false));

        // Every run completed in both, so the paired mean is exactly the difference of the two probabilities.
        var d = r.Deterrence;
        Assert.Equal(d.HoldsWith - d.HoldsWithout, d.HoldsDifference!.Value, 12);
        var margin = d.HoldsDifferenceMargin95!.Value;
        Assert.True(margin > 0, "the coalition changes the outcome of some runs, so the paired difference varies");
        // Common random numbers: a run's outcome with and without the coalition is strongly correlated.
        var independent = 1.96 * Math.Sqrt((d.HoldsWith * (1 - d.HoldsWith) + (d.HoldsWithout * (1 - d.HoldsWithout))) / runs);
        Assert.True(margin < independent / 2, $"paired margin {margin} against {independent} for independent samples");
    }

    [Fact]
    public void Analysis_EnsemblesOnDifferentSeeds_HaveNoPairedDifference()
    {
        var (s, a) = Seed.Value;
        var settings = CampaignSettings.From(s);
        var with = MonteCarlo.Run(a, settings, 64, 1, new EnsembleOptions(Bands: false));
        var without = MonteCarlo.Run(a, settings with { Coalition = CoalitionInput.None }, 64, 2, new EnsembleOptions(Bands: false));

        var r = BalanceAnalysis.Assemble(s.Id, a, settings, with, without);

        Assert.Null(r.Deterrence.HoldsDifference);
        Assert.Null(r.Deterrence.HoldsDifferenceMargin95);
    }

    [Fact]
    public void Run_Cancelled_ResultMarkedPartial()
    {
        var (s, a) = Seed.Value;
        using var cancel = new CancellationTokenSource();
        cancel.Cancel();

        var r = MonteCarlo.Run(a, CampaignSettings.From(s), 100, 1, new EnsembleOptions { Cancellation = cancel.Token });

        Assert.True(r.Partial);
        Assert.Equal(0, r.Completed);
    }
}
