using System.Text;
using System.Text.Json;
using NetTopologySuite.Geometries;
using NetTopologySuite.Simplify;
using Resolute.Domain;
using Polygon = NetTopologySuite.Geometries.Polygon;

namespace Resolute.Geo;

/// <summary>
/// Writes a geography result as a GeoJSON FeatureCollection in WGS 84 (RFC 7946: lon, lat; 6 decimals ≈ 0.1 m).
/// Every feature has a <c>layer</c> property: <c>front_line</c>, <c>threat_zone</c>, <c>deployment_area</c>,
/// <c>formation_area</c>, <c>unit</c>, <c>amd_position</c>, <c>amd_coverage</c> or <c>city</c>. Units outside Ukraine stand at
/// their bases (<c>outside_ukraine</c> true, with the <c>base</c>).
/// </summary>
public static class GeoJson
{
    /// <summary>Area outlines are simplified to this tolerance (metres) before writing, which keeps files small.</summary>
    public const double SimplifyMetres = 100;

    /// <summary>The FeatureCollection as an indented JSON string.</summary>
    public static string Write(GeographyResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var map = result.Map;
        using var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = false }))
        {
            w.WriteStartObject();
            w.WriteString("type", "FeatureCollection");
            w.WriteStartArray("features");
            if (map.Projection is { } projection)
            {
                if (map.Front is { } front)
                    Feature(w, projection, front, p =>
                    {
                        p.WriteString("layer", "front_line");
                        p.WriteString("source", result.TheatreSource);
                        p.WriteString("as_of", result.TheatreAsOf.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
                        p.WriteNumber("length_km", result.FrontLengthKm);
                    });
                // Zones that reach all of Ukraine add nothing to a map; they stay in the result's table.
                var border = map.Zones.Count == 0 ? 0 : map.Zones.Max(z => z.Shape.Area);
                foreach (var (zone, shape) in map.Zones.OrderByDescending(z => z.Zone.RangeKm))
                {
                    if (shape.Area >= border * 0.999 && !zone.Standoff) continue;
                    Feature(w, projection, Simplify(shape), p =>
                    {
                        p.WriteString("layer", "threat_zone");
                        p.WriteString("category", zone.Category.ToCode());
                        p.WriteString("system", zone.System);
                        p.WriteNumber("range_km", zone.RangeKm);
                        p.WriteBoolean("standoff", zone.Standoff);
                    });
                }
                if (map.Deployment is { IsEmpty: false } deployment)
                    Feature(w, projection, Simplify(deployment), p =>
                    {
                        p.WriteString("layer", "deployment_area");
                        p.WriteNumber("area_km2", result.DeploymentAreaKm2);
                        p.WriteNumber("standoff_km", result.StandoffKm);
                    });
                var areas = result.Formations.ToDictionary(f => f.Formation, StringComparer.Ordinal);
                foreach (var (formation, shape) in map.FormationShapes.Where(f => !f.Shape.IsEmpty && areas.ContainsKey(f.Formation)))
                    Feature(w, projection, Simplify(shape), p =>
                    {
                        var area = areas[formation];
                        p.WriteString("layer", "formation_area");
                        p.WriteString("formation", formation);
                        p.WriteString("name", area.Name);
                        if (area.Headquarters is { } hq) p.WriteString("headquarters", hq);
                        p.WriteNumber("radius_km", area.RadiusKm);
                        p.WriteNumber("extent_km", area.ExtentKm);
                        p.WriteNumber("units", area.Units.Count);
                    });
                var batteries = result.AirDefence.Batteries.ToDictionary(b => b.UnitId, StringComparer.Ordinal);
                foreach (var u in result.Units.Where(u => u.Position is not null && !batteries.ContainsKey(u.UnitId)))
                    Feature(w, projection, projection.Point(u.Position!.Value), p =>
                    {
                        p.WriteString("layer", "unit");
                        UnitProperties(p, u);
                    });
                foreach (var b in result.AirDefence.Batteries.Where(b => b.Position is not null))
                {
                    var unit = result.Units.First(u => u.UnitId == b.UnitId);
                    Feature(w, projection, projection.Point(b.Position!.Value), p =>
                    {
                        p.WriteString("layer", "amd_position");
                        UnitProperties(p, unit);
                        p.WriteString("system", b.System);
                        p.WriteNumber("radius_km", b.RadiusKm);
                        p.WriteNumber("cities_covered", b.CitiesCovered.Count);
                        p.WriteBoolean("adds_coverage", b.AddsCoverage);
                    });
                    Feature(w, projection, projection.Point(b.Position.Value).Buffer(b.RadiusKm * 1000, 16), p =>
                    {
                        p.WriteString("layer", "amd_coverage");
                        p.WriteString("unit_id", b.UnitId);
                        p.WriteString("system", b.System);
                        p.WriteNumber("radius_km", b.RadiusKm);
                    });
                }
            }
            foreach (var c in result.AirDefence.Cities)
            {
                var city = c;
                w.WriteStartObject();
                w.WriteString("type", "Feature");
                w.WritePropertyName("geometry");
                w.WriteStartObject();
                w.WriteString("type", "Point");
                w.WritePropertyName("coordinates");
                var at = CityLocation(result, city.Name);
                Position(w, at);
                w.WriteEndObject();
                w.WritePropertyName("properties");
                w.WriteStartObject();
                w.WriteString("layer", "city");
                w.WriteString("name", city.Name);
                w.WriteNumber("population", city.Population);
                w.WriteBoolean("controlled", city.Controlled);
                w.WriteBoolean("covered", city.Covered);
                w.WriteNumber("distance_to_front_km", city.DistanceToFrontKm);
                w.WriteEndObject();
                w.WriteEndObject();
            }
            w.WriteEndArray();
            w.WriteEndObject();
        }
        return Encoding.UTF8.GetString(stream.ToArray());
    }

    private static LonLat CityLocation(GeographyResult result, string name) =>
        result.Map.Cities.TryGetValue(name, out var at) ? at : default;

    private static void UnitProperties(Utf8JsonWriter p, UnitPlacement u)
    {
        p.WriteString("unit_id", u.UnitId);
        p.WriteString("nation", u.Nation);
        p.WriteString("name", u.Name);
        p.WriteString("kind", u.Kind.ToCode());
        p.WriteString("type", u.Type);
        p.WriteString("sidc", u.Sidc);
        if (u.DistanceToFrontKm is { } d) p.WriteNumber("distance_to_front_km", d);
        if (u.Formation is { } f) p.WriteString("formation", f);
        p.WriteBoolean("outside_ukraine", u.OutsideUkraine);
        if (u.Base is { } b) p.WriteString("base", b);
        p.WriteString("assignment", u.Assignment);
    }

    private static Geometry Simplify(Geometry g) => TopologyPreservingSimplifier.Simplify(g, SimplifyMetres);

    private static void Feature(Utf8JsonWriter w, Projection projection, Geometry g, Action<Utf8JsonWriter> properties)
    {
        w.WriteStartObject();
        w.WriteString("type", "Feature");
        w.WritePropertyName("geometry");
        GeometryJson(w, projection, g);
        w.WritePropertyName("properties");
        w.WriteStartObject();
        properties(w);
        w.WriteEndObject();
        w.WriteEndObject();
    }

    private static void GeometryJson(Utf8JsonWriter w, Projection projection, Geometry g)
    {
        w.WriteStartObject();
        switch (g)
        {
            case Point p:
                w.WriteString("type", "Point");
                w.WritePropertyName("coordinates");
                Position(w, projection.Unproject(p.Coordinate));
                break;
            case LineString l:
                w.WriteString("type", "LineString");
                w.WritePropertyName("coordinates");
                Positions(w, projection, l.Coordinates);
                break;
            case Polygon poly:
                w.WriteString("type", "Polygon");
                w.WritePropertyName("coordinates");
                Rings(w, projection, poly);
                break;
            default:
                w.WriteString("type", "MultiPolygon");
                w.WritePropertyName("coordinates");
                w.WriteStartArray();
                for (var i = 0; i < g.NumGeometries; i++)
                    if (g.GetGeometryN(i) is Polygon part && !part.IsEmpty) Rings(w, projection, part);
                w.WriteEndArray();
                break;
        }
        w.WriteEndObject();
    }

    /// <summary>RFC 7946 §3.1.6: exterior rings counter-clockwise, holes clockwise.</summary>
    private static void Rings(Utf8JsonWriter w, Projection projection, Polygon poly)
    {
        w.WriteStartArray();
        Positions(w, projection, Oriented(poly.Shell, counterClockwise: true));
        foreach (var hole in poly.Holes) Positions(w, projection, Oriented(hole, counterClockwise: false));
        w.WriteEndArray();
    }

    private static Coordinate[] Oriented(LinearRing ring, bool counterClockwise) =>
        ring.IsCCW == counterClockwise ? ring.Coordinates : ring.Coordinates.Reverse().ToArray();

    private static void Positions(Utf8JsonWriter w, Projection projection, Coordinate[] coords)
    {
        w.WriteStartArray();
        foreach (var c in coords) Position(w, projection.Unproject(c));
        w.WriteEndArray();
    }

    private static void Position(Utf8JsonWriter w, LonLat p)
    {
        w.WriteStartArray();
        w.WriteNumberValue(Math.Round(p.Lon, 6));
        w.WriteNumberValue(Math.Round(p.Lat, 6));
        w.WriteEndArray();
    }
}
