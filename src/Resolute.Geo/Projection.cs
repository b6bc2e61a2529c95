using NetTopologySuite.Geometries;
using NetTopologySuite.Geometries.Utilities;
using ProjNet.CoordinateSystems;
using ProjNet.CoordinateSystems.Transformations;
using Resolute.Domain;
using DomainPolygon = Resolute.Domain.Polygon;

namespace Resolute.Geo;

/// <summary>
/// WGS 84 ↔ UTM zone 36N (EPSG:32636), the metric plane every buffer, area and distance is computed in.
/// </summary>
/// <remarks>
/// Why UTM 36N: its central meridian (33°E) runs through the middle of the line of contact (32–39°E), so where the
/// stand-off buffers are drawn the scale error is under 0.2 %; it is a standard EPSG code any GIS reproduces, and
/// ProjNET builds it without external data. Its cost is at Ukraine's western edge (22–24°E, 9–11° off the central
/// meridian): distances there read up to about 0.8 % long and areas up to 1.6 % large, well inside the dataset's own
/// uncertainty (a generalised front line ±5–10 km, a 1:50m border). An azimuthal equidistant projection centred on
/// Ukraine would halve the worst case, but ProjNET 2.0 does not implement it.
/// </remarks>
internal sealed class Projection
{
    /// <summary>The projected CRS, as recorded in results.</summary>
    public const string Crs = "EPSG:32636 (WGS 84 / UTM zone 36N)";

    private readonly MathTransform _toMetric;
    private readonly MathTransform _toLonLat;

    public Projection()
    {
        var factory = new CoordinateTransformationFactory();
        var utm = ProjectedCoordinateSystem.WGS84_UTM(36, true);
        _toMetric = factory.CreateFromCoordinateSystems(GeographicCoordinateSystem.WGS84, utm).MathTransform;
        _toLonLat = factory.CreateFromCoordinateSystems(utm, GeographicCoordinateSystem.WGS84).MathTransform;
    }

    /// <summary>Geometries in metres, SRID 32636.</summary>
    public GeometryFactory Factory { get; } = new(new PrecisionModel(), 32636);

    /// <summary>Projects a WGS 84 position (ProjNET takes x = lon, y = lat).</summary>
    public Coordinate Project(LonLat p)
    {
        var (x, y) = _toMetric.Transform(p.Lon, p.Lat);
        return new Coordinate(x, y);
    }

    /// <summary>The WGS 84 position of a projected coordinate.</summary>
    public LonLat Unproject(Coordinate c)
    {
        var (lon, lat) = _toLonLat.Transform(c.X, c.Y);
        return new LonLat(lon, lat);
    }

    public Point Point(LonLat p) => Factory.CreatePoint(Project(p));

    public LineString Line(IReadOnlyList<LonLat> points) => Factory.CreateLineString(points.Select(Project).ToArray());

    /// <summary>A multipolygon from domain polygons (first ring the shell, the rest holes), repaired if projection made it invalid.</summary>
    public Geometry Polygons(IReadOnlyList<DomainPolygon> polygons)
    {
        var parts = polygons.Select(p => Factory.CreatePolygon(
            Ring(p.Rings[0]), p.Rings.Skip(1).Select(Ring).ToArray())).ToArray();
        Geometry g = Factory.CreateMultiPolygon(parts);
        return g.IsValid ? g : GeometryFixer.Fix(g);
    }

    private LinearRing Ring(IReadOnlyList<LonLat> ring)
    {
        var coords = ring.Select(Project).ToList();
        if (!coords[0].Equals2D(coords[^1])) coords.Add(coords[0].Copy());
        return Factory.CreateLinearRing(coords.ToArray());
    }

    /// <summary>Planar distance in kilometres between two WGS 84 positions.</summary>
    public double DistanceKm(LonLat a, LonLat b) => Project(a).Distance(Project(b)) / 1000.0;

    /// <summary>Area in km² of a projected geometry.</summary>
    public static double AreaKm2(Geometry g) => g.Area / 1e6;
}
