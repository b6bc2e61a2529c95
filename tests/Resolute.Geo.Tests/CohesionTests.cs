using Resolute.Domain;

namespace Resolute.Geo.Tests;

public sealed class CohesionTests
{
    [Theory]
    [InlineData(30)]
    [InlineData(50)]
    [InlineData(80)]
    public void Plan_DefaultRequirement_EveryDivisionUnitWithinTheRadiusOfItsHeadquarters(double radiusKm)
    {
        var force = ProvisionalForce.BySlot(Fixture.Dataset, Fixture.Scenario);
        var formations = ProvisionalForce.Formations(force);

        var r = Geography.Plan(Fixture.Dataset, Fixture.Scenario, force.Select(x => x.Unit).ToArray(),
            new GeographyOptions(GridSpacingKm: 40, FormationRadiusKm: radiusKm), formations);

        var projection = new Projection();
        var byId = r.Units.ToDictionary(u => u.UnitId);
        Assert.Equal(formations.Values.Distinct().Order(StringComparer.Ordinal), r.Formations.Select(f => f.Formation).Order(StringComparer.Ordinal));
        Assert.All(r.Formations, area =>
        {
            var hq = byId[area.Headquarters!];
            Assert.Equal(UnitKind.DivisionHq, hq.Kind);
            var members = formations.Where(kv => kv.Value == area.Formation).Select(kv => byId[kv.Key]).Where(u => !u.OutsideUkraine).ToArray();
            Assert.Equal(members.Select(u => u.UnitId).Order(StringComparer.Ordinal), area.Units.Order(StringComparer.Ordinal));
            Assert.All(members, u => Assert.True(projection.DistanceKm(hq.Position!.Value, u.Position!.Value) <= radiusKm + 0.01,
                $"{u.UnitId} is {projection.DistanceKm(hq.Position!.Value, u.Position!.Value):0.0} km from {hq.UnitId}"));
            Assert.True(area.MaxFromCentreKm <= radiusKm && area.ExtentKm <= 2 * radiusKm, $"{area.Formation}: {area.MaxFromCentreKm} km, extent {area.ExtentKm} km");
        });
    }

    [Fact]
    public void Plan_DefaultRequirement_DivisionAreasDoNotOverlap()
    {
        var force = ProvisionalForce.BySlot(Fixture.Dataset, Fixture.Scenario);

        var r = Geography.Plan(Fixture.Dataset, Fixture.Scenario, force.Select(x => x.Unit).ToArray(), new GeographyOptions(GridSpacingKm: 40), ProvisionalForce.Formations(force));

        var projection = new Projection();
        var pairs = r.Formations.SelectMany((a, i) => r.Formations.Skip(i + 1).Select(b => projection.DistanceKm(a.Centre, b.Centre))).ToArray();
        Assert.NotEmpty(pairs);
        Assert.All(pairs, d => Assert.True(d >= 2 * r.Options.FormationRadiusKm, $"{d:0} km between two division headquarters"));
    }

    [Fact]
    public void Plan_WithoutFormations_ReportsNoFormationArea()
    {
        Assert.Empty(Fixture.Default.Formations);
    }
}
