using Resolute.Domain;

namespace Resolute.Geo.Tests;

public sealed class BackstopTests
{
    private static readonly GeographyOptions Coarse = new(GridSpacingKm: 40);
    private static readonly Citation Cite = new("assumption", new DateOnly(2026, 1, 1), "test fixture");
    private static readonly LonLat Rzeszow = new(22.02, 50.11);
    private static readonly LonLat Grafenwoehr = new(11.94, 49.70);
    private static readonly LonLat Lakenheath = new(0.56, 52.41);

    private static Unit U(string id) => Fixture.Dataset.Units.Single(u => u.Id == id);

    /// <summary>The bundled dataset with unit rows for the Patriot battalion and one rocket battalion, and a US departure point.</summary>
    private static Dataset WithBases(Dataset dataset) => dataset with
    {
        Garrisons =
        [
            new Garrison("usa_5_7_ada", "Rzeszów-Jasionka", "POL", Rzeszow, Cite),
            new Garrison("usa_41_fab_1_6", "Grafenwöhr", "DEU", Grafenwoehr, Cite),
            new Garrison("usa_48fw_492fs", "RAF Lakenheath", "GBR", Lakenheath, Cite),
            new Garrison("USA", "Ramstein", "DEU", new LonLat(7.60, 49.44), Cite),
        ],
    };

    private static Scenario Located(BackstopLocation location) =>
        Fixture.Scenario with { Rules = Fixture.Scenario.Rules with { UsBackstop = Fixture.Scenario.Rules.UsBackstop with { Location = location } } };

    private static IReadOnlyList<Unit> Force() =>
        [U("usa_5_7_ada"), U("usa_41_fab_1_6"), U("usa_41_fab_1_77"), Fixture.Dataset.Units.First(u => u.Kind == UnitKind.ManoeuvreBrigade && u.Nation != "USA" && !u.HomeDefence)];

    [Fact]
    public void Plan_BackstopOutsideUkraine_UsUnitsStandAtTheirBasesAndInNoDeploymentArea()
    {
        var r = Geography.Plan(WithBases(Fixture.Dataset), Located(BackstopLocation.OutsideUkraine), Force(), Coarse);

        var us = r.Units.Where(u => u.Nation == "USA").ToDictionary(u => u.UnitId);
        Assert.All(us.Values, u => Assert.True(u.OutsideUkraine));
        Assert.Equal((Rzeszow, "Rzeszów-Jasionka"), (us["usa_5_7_ada"].Position!.Value, us["usa_5_7_ada"].Base!));
        Assert.Equal((Grafenwoehr, "Grafenwöhr"), (us["usa_41_fab_1_6"].Position!.Value, us["usa_41_fab_1_6"].Base!));
        var battery = r.AirDefence.Batteries.Single(b => b.UnitId == "usa_5_7_ada");
        Assert.Equal(("Rzeszów-Jasionka", true), (battery.Site, battery.OutsideUkraine));
        Assert.Equal(1, r.FreedForces.CoalitionBrigades);
        Assert.False(r.Units.Single(u => u.Nation != "USA").OutsideUkraine);
    }

    [Fact]
    public void Plan_BackstopUnitWithoutItsOwnGarrisonRow_IsBaseUnknownAndNotPlaced()
    {
        var r = Geography.Plan(WithBases(Fixture.Dataset), Located(BackstopLocation.OutsideUkraine), Force(), Coarse);

        var u = r.Units.Single(x => x.UnitId == "usa_41_fab_1_77");

        Assert.Equal((null, true, null), (u.Position, u.OutsideUkraine, u.Base));
        Assert.StartsWith("base unknown, not placed", u.Assignment, StringComparison.Ordinal);
        Assert.Contains("only USA's departure point, Ramstein", u.Assignment, StringComparison.Ordinal);
    }

    [Fact]
    public void Plan_BackstopInsideUkraine_UsUnitsStandInTheDeploymentArea()
    {
        var r = Geography.Plan(WithBases(Fixture.Dataset), Located(BackstopLocation.InsideUkraine), Force(), Coarse);

        var projection = new Projection();
        var deployment = r.Map.Deployment!;
        var us = r.Units.Where(u => u.Nation == "USA").ToArray();
        Assert.Equal(3, us.Length);
        Assert.All(us, u =>
        {
            Assert.Equal((false, null), (u.OutsideUkraine, u.Base));
            Assert.True(deployment.Buffer(1).Contains(projection.Point(u.Position!.Value)), $"{u.UnitId} at {u.Position} is outside the deployment area");
        });
        Assert.False(r.AirDefence.Batteries.Single(b => b.UnitId == "usa_5_7_ada").OutsideUkraine);
    }

    [Theory]
    [InlineData(BackstopLocation.OutsideUkraine)]
    [InlineData(BackstopLocation.InsideUkraine)]
    public void Plan_FighterSquadron_FliesFromItsHomeBaseWhateverTheBackstopRule(BackstopLocation location)
    {
        var r = Geography.Plan(WithBases(Fixture.Dataset), Located(location), [U("usa_48fw_492fs"), U("usa_48fw_494fs")], Coarse);

        var atBase = r.Units.Single(u => u.UnitId == "usa_48fw_492fs");
        var unknown = r.Units.Single(u => u.UnitId == "usa_48fw_494fs");
        Assert.Equal((Lakenheath, "RAF Lakenheath", true), (atBase.Position!.Value, atBase.Base!, atBase.OutsideUkraine));
        Assert.Equal((null, true), (unknown.Position, unknown.OutsideUkraine));
    }

    [Fact]
    public void GeoJson_UnitsAtTheirBases_AreOnTheMapWithTheirBase()
    {
        var r = Geography.Plan(WithBases(Fixture.Dataset), Located(BackstopLocation.OutsideUkraine), Force(), Coarse);

        using var doc = System.Text.Json.JsonDocument.Parse(GeoJson.Write(r));

        var features = doc.RootElement.GetProperty("features").EnumerateArray()
            .Where(f => f.GetProperty("properties").GetProperty("layer").GetString() is "unit" or "amd_position")
            .ToDictionary(f => f.GetProperty("properties").GetProperty("unit_id").GetString()!);
        var patriot = features["usa_5_7_ada"];
        var coordinates = patriot.GetProperty("geometry").GetProperty("coordinates");
        Assert.Equal(("amd_position", "Rzeszów-Jasionka", true), (patriot.GetProperty("properties").GetProperty("layer").GetString(),
            patriot.GetProperty("properties").GetProperty("base").GetString(), patriot.GetProperty("properties").GetProperty("outside_ukraine").GetBoolean()));
        // Within about a metre: the map writes every point through the UTM projection and back.
        Assert.Equal((Rzeszow.Lon, Rzeszow.Lat), (Math.Round(coordinates[0].GetDouble(), 5), Math.Round(coordinates[1].GetDouble(), 5)));
        Assert.True(features.ContainsKey("usa_41_fab_1_6"));
        Assert.False(features.ContainsKey("usa_41_fab_1_77"));
    }

    [Fact]
    public void Plan_StrikeFromABaseOutOfRange_DoesNotReachTheFront()
    {
        var r = Geography.Plan(WithBases(Fixture.Dataset), Located(BackstopLocation.OutsideUkraine), Force(), Coarse);

        var reach = r.StrikeReach.Single(x => x.UnitId == "usa_41_fab_1_6");

        Assert.Equal(("m270", 84.0, true, false), (reach.System, reach.RangeKm, reach.OutsideUkraine, reach.ReachesFront));
        Assert.True(reach.DepthBeyondFrontKm < -1000, $"depth {reach.DepthBeyondFrontKm}");
    }

    [Theory]
    // 121 km from Alpha (31°E 50°N) on the great circle, 248 km from Bravo; Foxtrot is beside the base but outside the country.
    [InlineData(29.5, 49.5, new[] { "Alpha" }, 2_000_000)]
    // 290 km and more from every city: a Patriot there covers no one.
    [InlineData(27.0, 49.5, new string[0], 0)]
    public void Plan_PatriotAtABaseOutsideUkraine_CoversOnlyKyivHeldCitiesWithinItsRadius(double lon, double lat, string[] covered, long population)
    {
        var synthetic = Fixture.Synthetic(standoffKm: 30);
        var dataset = synthetic with
        {
            Cities = [.. synthetic.Cities, new City("Foxtrot", "Abroad", 900_000, new LonLat(29.6, 49.6), Cite)],
            Garrisons = [new Garrison("usa_5_7_ada", "Test base", "POL", new LonLat(lon, lat), Cite)],
        };

        var r = Geography.Plan(dataset, Fixture.StandoffOn(ThreatCategory.TubeArtillery), [U("usa_5_7_ada")], Coarse);

        var battery = r.AirDefence.Batteries.Single();
        Assert.Equal((string.Join(",", covered), population, true), (string.Join(",", battery.CitiesCovered), r.AirDefence.PopulationCovered, battery.OutsideUkraine));
        Assert.False(r.AirDefence.Cities.Single(c => c.Name == "Foxtrot").Covered);
    }
}
