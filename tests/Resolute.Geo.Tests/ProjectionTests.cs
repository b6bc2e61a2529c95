using Resolute.Domain;

namespace Resolute.Geo.Tests;

public sealed class ProjectionTests
{
    [Fact]
    public void DistanceKm_KyivToLviv_IsGreatCircleWithinOnePercent()
    {
        var kyiv = new LonLat(30.5238, 50.4547);
        var lviv = new LonLat(24.0297, 49.8397);

        var km = new Projection().DistanceKm(kyiv, lviv);

        Assert.InRange(km, 468 * 0.99, 468 * 1.01);
    }

    [Fact]
    public void Project_CentralMeridianOnEquator_IsFalseEasting()
    {
        var c = new Projection().Project(new LonLat(33, 0));

        Assert.Equal(500_000, c.X, 3);
        Assert.Equal(0, c.Y, 3);
    }

    [Fact]
    public void Unproject_Projected_ReturnsTheSamePosition()
    {
        var p = new Projection();
        var kharkiv = new LonLat(36.2527, 49.9808);

        var back = p.Unproject(p.Project(kharkiv));

        Assert.Equal(kharkiv.Lon, back.Lon, 7);
        Assert.Equal(kharkiv.Lat, back.Lat, 7);
    }
}
