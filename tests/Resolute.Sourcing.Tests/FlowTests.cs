using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Resolute.Domain;
using static Resolute.Sourcing.Tests.Build;

namespace Resolute.Sourcing.Tests;

/// <summary>The deployment flow: closed-form schedules on hand-made instances, and the flow's invariants on random ones.</summary>
public sealed class FlowTests
{
    private static readonly Nation[] Nations = [Nation("FRA"), Nation("GBR"), Nation("POL"), Nation("USA", NationGroup.Us)];
    private static readonly Stance[] Willing = [Stance("FRA", StanceLevel.TroopsDiscussed), Stance("GBR", StanceLevel.TroopsDiscussed), Stance("POL", StanceLevel.TroopsDiscussed)];
    private static readonly SolveOptions Options = new(Workers: 1, MaxDeterministicTime: 5, Explain: false);
    private static readonly LonLat Border = new(23.0, 50.0);

    /// <summary>Route factor 1, so distances are great-circle; other rates at their defaults (road 300 km/day, 1 day to prepare).</summary>
    private static readonly Assumption[] StraightRoutes = [Fixed("route_factor", 1)];

    private static Assumption Fixed(string id, double value) => new(id, id, "", value, Distribution.FixedAt(value), "test");

    private static Crossing Crossing(string id, int capacity, MoveMode mode = MoveMode.Road, LonLat? at = null, bool gauge = false) =>
        new(id, id, "POL", mode, at ?? Border, capacity, gauge, new Citation("test", Day, ""));

    private static Garrison Garrison(string key, string nation, LonLat at) => new(key, key, nation, at, new Citation("test", Day, ""));

    private static City City(LonLat at) => new("Kyiv", "Kyiv", 3_000_000, at, new Citation("test", Day, ""));

    /// <summary>A dataset whose garrisons and deployment city all stand at the border crossing: travel takes no time.</summary>
    private static Dataset WithFlow(Dataset d, params Crossing[] crossings) => d with
    {
        Cities = [City(Border)],
        Crossings = crossings,
        Garrisons = [.. d.Nations.Select(n => Garrison(n.Iso3, n.Iso3, Border))],
    };

    private static Scenario Brigades(int count, Assumption[]? assumptions = null) =>
        Scenario(NoRules(), [], [], [Element("brigade", count, UnitKind.ManoeuvreBrigade, 10, "motorised")], readinessDays: 400) with
        {
            ReadinessDeadline = null,
            Assumptions = assumptions ?? StraightRoutes,
        };

    [Fact]
    public void Plan_TwoUnitsOneCrossing_QueueAtItsThroughput()
    {
        // Two road brigades of 2,000, ready on day 0, at a crossing that passes 1,000 a day: one day to prepare, then two days
        // each through the crossing, one after the other. FOC = 1 + 2 + 2 = 5.
        var d = WithFlow(Dataset(Nations, [Unit("fra_1", "FRA", UnitKind.ManoeuvreBrigade, "motorised", 2000, 0), Unit("gbr_1", "GBR", UnitKind.ManoeuvreBrigade, "motorised", 2000, 0)], Willing),
            Crossing("x1", 1000));

        var plan = ForceGenerator.Solve(d, Brigades(2), Options);

        var flow = plan.Deployment!;
        Assert.True(flow.Available);
        Assert.Equal(5, flow.Foc!.Day);
        Assert.Equal(5, flow.FocBound);
        Assert.True(flow.FocProven);
        Assert.Equal([3, 5], flow.Moves.Select(m => m.ArrivalDay).Order());
        Assert.Equal("crossing", flow.Critical!.Cause);
        Assert.Equal(1000, flow.Crossings.Single().PeakPerDay);
        Assert.Equal(Day.AddDays(5), flow.Foc.Date);
    }

    [Fact]
    public void Plan_SecondCrossing_UnitsPassInParallel()
    {
        var d = WithFlow(Dataset(Nations, [Unit("fra_1", "FRA", UnitKind.ManoeuvreBrigade, "motorised", 2000, 0), Unit("gbr_1", "GBR", UnitKind.ManoeuvreBrigade, "motorised", 2000, 0)], Willing),
            Crossing("x1", 1000), Crossing("x2", 1000));

        var plan = ForceGenerator.Solve(d, Brigades(2), Options);

        Assert.Equal(3, plan.Deployment!.Foc!.Day);
        Assert.Equal(["x1", "x2"], plan.Deployment.Moves.Select(m => m.Crossing!).Order());
    }

    [Fact]
    public void Plan_TravelAndGaugeChange_AddKnownDays()
    {
        // Garrison 600 km (great-circle) west of a rail crossing with a gauge change, the city at the crossing: 2 days to load,
        // ceil(600 / 400) = 2 days by rail, 1 day through the crossing (capacity above the unit), 1 day to change gauge.
        var garrison = new LonLat(Border.Lon - 600 / (111.195 * Math.Cos(50 * Math.PI / 180)), 50.0);
        var d = Dataset(Nations, [Unit("fra_1", "FRA", UnitKind.ManoeuvreBrigade, "armoured", 2000, 10)], Willing) with
        {
            Cities = [City(Border)],
            Crossings = [Crossing("rail", 5000, MoveMode.Rail, gauge: true)],
            Garrisons = [Garrison("FRA", "FRA", garrison)],
        };
        var s = Scenario(NoRules(), [], [], [Element("brigade", 1, UnitKind.ManoeuvreBrigade, 10, "armoured")]) with { ReadinessDeadline = null, Assumptions = StraightRoutes };

        var move = ForceGenerator.Solve(d, s, Options).Deployment!.Moves.Single();

        Assert.Equal(MoveMode.Rail, move.Mode);
        Assert.Equal(10, move.ReadyDay);
        Assert.Equal(12, move.DepartDay);
        Assert.Equal(14, move.CrossStartDay);
        Assert.Equal(10 + 2 + 2 + 1 + 1, move.ArrivalDay);
    }

    [Fact]
    public void Plan_FighterSquadron_FliesInWithoutACrossing()
    {
        var d = WithFlow(Dataset(Nations, [Unit("fra_f", "FRA", UnitKind.FighterSquadron, "multirole", 300, 5)], Willing), Crossing("x1", 1000));
        var s = Scenario(NoRules(), [], [], [Element("fighters", 1, UnitKind.FighterSquadron, 5)]) with { ReadinessDeadline = null, Assumptions = [Fixed("air_deployment_days", 2)] };

        var move = ForceGenerator.Solve(d, s, Options).Deployment!.Moves.Single();

        Assert.Equal(MoveMode.Air, move.Mode);
        Assert.Null(move.Crossing);
        Assert.Equal(7, move.ArrivalDay);
    }

    [Fact]
    public void Plan_UsBackstop_ServesFromItsBaseWithoutCrossing()
    {
        var rules = NoRules() with { UsBackstop = ScenarioDefaults.UsBackstop with { AllowedKinds = [UnitKind.Amd] } };
        var d = WithFlow(Dataset(Nations, [Unit("usa_pat", "USA", UnitKind.Amd, "long", 600, 4)], Willing), Crossing("x1", 1000));
        var s = Scenario(rules, [], [], [Element("amd", 1, UnitKind.Amd, 5, "long")]) with { ReadinessDeadline = null, Assumptions = StraightRoutes };

        var move = ForceGenerator.Solve(d, s, Options).Deployment!.Moves.Single();

        Assert.True(move.OutsideUkraine);
        Assert.Null(move.Crossing);
        Assert.Equal(4, move.ArrivalDay);
    }

    [Fact]
    public void Solve_FullOperatingCapability_PrefersTheReadierUnitOverMoreCombatValue()
    {
        // One slot: a slow brigade with tanks against a quick one without. FOC comes before combat value.
        var d = WithFlow(Dataset(Nations, [Unit("fra_slow", "FRA", UnitKind.ManoeuvreBrigade, "motorised", 2000, 90), Unit("gbr_quick", "GBR", UnitKind.ManoeuvreBrigade, "motorised", 2000, 5)], Willing,
            [Holding("fra_slow", "tank", 80)]), Crossing("x1", 1000));
        var s = Brigades(1) with { Objectives = [new(ObjectiveKind.Fill, 1000), new(ObjectiveKind.CombatValue, 1)] };

        var plan = ForceGenerator.Solve(d, s, Options);

        Assert.Equal("gbr_quick", plan.Assignments.Single().Unit);
        Assert.Equal(5 + 1 + 2, plan.Deployment!.Foc!.Day);
        Assert.Contains(plan.Solver.Stages!, st => st.Name == "foc" && st.Status == "optimal");
    }

    [Fact]
    public void Plan_NoCrossingsInDataset_SaysTheFlowIsUnavailable()
    {
        var d = Dataset(Nations, [Unit("fra_1", "FRA", UnitKind.ManoeuvreBrigade, "motorised", 2000, 0)], Willing);

        var plan = ForceGenerator.Solve(d, Brigades(1), Options);

        Assert.True(plan.IsFilled);
        Assert.False(plan.Deployment!.Available);
        Assert.Contains("crossings", plan.Deployment.Unavailable, StringComparison.Ordinal);
    }

    [Fact]
    public void Plan_BeyondTheHorizon_SaysSo()
    {
        var d = WithFlow(Dataset(Nations, [Unit("fra_1", "FRA", UnitKind.ManoeuvreBrigade, "motorised", 20_000, 0)], Willing), Crossing("x1", 100));

        var plan = ForceGenerator.Solve(d, Brigades(1, [Fixed("route_factor", 1), Fixed("deployment_horizon_days", 100)]), Options);

        Assert.Equal(1 + 200, plan.Deployment!.Foc!.Day);
        Assert.False(plan.Deployment.WithinHorizon);
        Assert.StartsWith("full operating capability not reached within the 100-day horizon: ", plan.Deployment.Foc.Text, StringComparison.Ordinal);
    }

    private static readonly string[] Codes = ["FRA", "GBR", "POL"];

    private static Gen<(Dataset Dataset, Scenario Scenario)> FlowInstances() =>
        from count in Gen.Choose(1, 10)
        from specs in Gen.ArrayOf(
            from nation in Gen.Elements(Codes)
            from heavy in Gen.Elements(false, true)
            from personnel in Gen.Choose(1, 40)
            from readiness in Gen.Choose(0, 60)
            from lon in Gen.Choose(0, 15)
            select (nation, heavy, personnel * 100, readiness, lon), count)
        from crossings in Gen.ArrayOf(
            from rail in Gen.Elements(false, true)
            from capacity in Gen.Choose(3, 30)
            from gauge in Gen.Elements(false, true)
            from lat in Gen.Choose(45, 52)
            select (rail, capacity * 100, gauge, lat), Gen.Choose(1, 4).Sample(1).First())
        from slots in Gen.Choose(1, 8)
        select MakeFlow(specs, crossings, slots);

    private static (Dataset, Scenario) MakeFlow((string Nation, bool Heavy, int Personnel, int Readiness, int Lon)[] specs, (bool Rail, int Capacity, bool Gauge, int Lat)[] crossings, int slots)
    {
        var units = specs.Select((x, i) => Unit($"u{i:00}", x.Nation, UnitKind.ManoeuvreBrigade, x.Heavy ? "armoured" : "motorised", x.Personnel, x.Readiness)).ToArray();
        var d = Dataset(Nations, units, Willing) with
        {
            Cities = [City(new LonLat(30.5, 50.45))],
            Crossings = [.. crossings.Select((c, i) => Crossing($"x{i}", c.Capacity, c.Rail ? MoveMode.Rail : MoveMode.Road, new LonLat(23.5, c.Lat), c.Gauge))],
            Garrisons = [.. specs.Select((x, i) => Garrison($"u{i:00}", x.Nation, new LonLat(5 + x.Lon, 50)))],
        };
        var s = Scenario(NoRules(), [], [], [Element("brigade", slots, UnitKind.ManoeuvreBrigade, 10)]) with { ReadinessDeadline = null };
        return (d, s);
    }

    [Property(MaxTest = 30)]
    public Property Plan_RandomFlow_ArrivesNoEarlierThanReadyPlusTravelAndNeverOverfillsACrossing() =>
        Prop.ForAll(FlowInstances().ToArbitrary(), x =>
        {
            var plan = ForceGenerator.Solve(x.Dataset, x.Scenario, Options);
            var flow = plan.Deployment!;
            var units = x.Dataset.Units.ToDictionary(u => u.Id);
            foreach (var m in flow.Moves)
            {
                var u = units[m.Unit];
                Assert.True(m.ArrivalDay >= u.ReadinessDays + (m.DepartDay - m.ReadyDay), $"{m.Unit} arrives on day {m.ArrivalDay} before it can leave");
                Assert.NotNull(m.Crossing);
                var crossing = x.Dataset.Crossings.Single(c => c.Id == m.Crossing);
                Assert.Equal(MoveModes.Of(u), crossing.Mode);
                Assert.True(m.CrossStartDay >= m.DepartDay, $"{m.Unit} crosses before it leaves");
                Assert.True(m.ArrivalDay >= m.CrossEndDay, $"{m.Unit} arrives before it has crossed");
            }
            foreach (var c in x.Dataset.Crossings)
            {
                var daily = new Dictionary<int, int>();
                foreach (var m in flow.Moves.Where(m => m.Crossing == c.Id))
                {
                    var days = m.CrossEndDay!.Value - m.CrossStartDay!.Value;
                    for (var day = m.CrossStartDay.Value; day < m.CrossEndDay; day++) daily[day] = daily.GetValueOrDefault(day) + (m.Personnel + days - 1) / days;
                }
                Assert.True(daily.Values.All(v => v <= c.CapacityPerDay), $"{c.Id} over its capacity of {c.CapacityPerDay}");
            }
            // Only units of a mode some crossing serves can deploy; every other slot is left empty.
            Assert.All(plan.Assignments, a => Assert.Contains(x.Dataset.Crossings, c => c.Mode == MoveModes.Of(units[a.Unit])));
        });
}
