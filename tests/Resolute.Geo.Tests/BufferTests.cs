using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using NetTopologySuite.Geometries;

namespace Resolute.Geo.Tests;

public sealed class BufferTests
{
    private static readonly GeometryFactory Factory = new(new PrecisionModel(), 32636);

    [Property(MaxTest = 50)]
    public Property ReachOf_StraightLine_MatchesStadiumArea()
    {
        var cases = from lengthKm in Gen.Choose(1, 800)
                    from rangeKm in Gen.Choose(1, 200)
                    from angle in Gen.Choose(0, 359)
                    select (lengthKm, rangeKm, angle);
        return Prop.ForAll(cases.ToArbitrary(), c =>
        {
            var (l, r, a) = (c.lengthKm * 1000.0, c.rangeKm * 1000.0, c.angle * Math.PI / 180);
            var line = Factory.CreateLineString([new Coordinate(400_000, 5_400_000), new Coordinate(400_000 + l * Math.Cos(a), 5_400_000 + l * Math.Sin(a))]);

            var area = TheatreGeometry.ReachOf(line, c.rangeKm).Area;

            // The end caps are 128-gons inscribed in the circle, so the area is a little short of the stadium's,
            // by at most 1 − sin θ / θ ≈ θ²/6 = 0.04 % with θ = 2π/128 (reached when the caps dominate, r ≫ L).
            var analytic = 2 * r * l + Math.PI * r * r;
            return area <= analytic && area / analytic > 1 - 4.1e-4;
        });
    }

    [Fact]
    public void ReachOf_RightAngleLine_MatchesAnalyticArea()
    {
        // Two 100 km legs at a right angle, buffered by 20 km: the outer corner adds a quarter disc,
        // the inner corner loses the r×r square both legs' bands share: 2rL + πr² + r²π/4 − r².
        const double r = 20_000, leg = 100_000;
        var line = Factory.CreateLineString([new Coordinate(0, 0), new Coordinate(leg, 0), new Coordinate(leg, leg)]);

        var area = TheatreGeometry.ReachOf(line, r / 1000).Area;

        var analytic = 2 * r * 2 * leg + Math.PI * r * r + Math.PI * r * r / 4 - r * r;
        Assert.Equal(1, area / analytic, 3);
    }

    [Fact]
    public void Plan_DefaultScenario_DeploymentAreaIsControlledMinusStandoffZone()
    {
        var r = Fixture.Default;
        var standoff = r.ThreatZones.Single(z => z.Standoff && z.RangeKm == r.StandoffKm);

        var sum = r.DeploymentAreaKm2 + standoff.ControlledAreaKm2;

        Assert.Equal(r.ControlledAreaKm2, sum, 0.001 * r.ControlledAreaKm2);
    }
}
