using Resolute.Domain.Diagnostics;
using Resolute.Data.Text;
using Resolute.Domain;
using YamlDotNet.RepresentationModel;

namespace Resolute.Data;

/// <summary>
/// Reads the theatre GeoJSON (front line, border, occupied territory). JSON is read through the YAML node tree so every
/// coordinate keeps its line and column for error messages.
/// </summary>
internal static class GeoJsonFile
{
    private static readonly string[] Roles = ["frontline", "border", "occupied"];

    public static Theatre? Parse(string text, string file, DiagnosticBag bag, Func<string, Position, bool> checkSource)
    {
        var root = YamlMap.Of(YamlTree.Load(text, file, bag, InputLimits.GeoJsonNodes), file, bag, ["type", "name", "crs", "features", "bbox"], "a GeoJSON FeatureCollection");
        if (root is null) return null;
        if (root.Str("type", required: true) is var t && t != "FeatureCollection" && root.Has("type"))
            bag.Add(root.At("type"), Messages.InvalidValue("'FeatureCollection'", t));

        IReadOnlyList<LonLat>? line = null;
        List<Polygon>? border = null, occupied = null;
        string source = "";
        DateOnly asOf = default;
        foreach (var f in root.List("features", required: true))
        {
            var feature = YamlMap.Of(f, file, bag, ["type", "id", "properties", "geometry", "bbox"], "a Feature");
            if (feature is null) continue;
            var props = feature.Map("properties", ["role", "name", "source", "as_of", "note"], required: true);
            if (props is null) continue;
            var role = props.Str("role", required: true);
            var src = props.Str("source", required: true);
            if (src.Length > 0) checkSource(src, props.At("source"));
            var date = props.Date("as_of", default, required: true);
            var geometry = feature.Map("geometry", ["type", "coordinates", "bbox"], required: true);
            if (geometry is null) continue;
            var gtype = geometry.Str("type", required: true);
            var coords = geometry.Node("coordinates", required: true);
            if (coords is null) continue;
            switch (role)
            {
                case "frontline":
                    if (gtype != "LineString") { bag.Add(geometry.At("type"), Messages.InvalidValue("'LineString' for the front line", gtype)); break; }
                    line = Points(coords, file, bag, minimum: 2);
                    if (line is not null) Geometry.CheckSimpleLine(line, coords, file, bag);
                    source = src; asOf = date;
                    break;
                case "border" or "occupied":
                    var polys = gtype switch
                    {
                        "Polygon" => PolygonOf(coords, file, bag) is { } p ? [p] : null,
                        "MultiPolygon" => Many(coords, file, bag),
                        _ => Fail(geometry.At("type"), gtype),
                    };
                    if (role == "border") border = polys; else occupied = polys;
                    break;
                default:
                    bag.Add(props.At("role"), Messages.UnknownCode("feature role", role, Roles));
                    break;
            }
        }
        List<Polygon>? Fail(Position at, string found) { bag.Add(at, Messages.InvalidValue("'Polygon' or 'MultiPolygon'", found)); return null; }

        foreach (var (missing, name) in new[] { (line is null, "frontline"), (border is null, "border"), (occupied is null, "occupied") })
            if (missing && !bag.HasErrors) bag.Add(root.At("features"), Messages.MissingKey($"feature with role '{name}'"));
        return line is null || border is null || occupied is null ? null : new Theatre(line, border, occupied, source, asOf);
    }

    private static List<Polygon>? Many(YamlNode coords, string file, DiagnosticBag bag)
    {
        if (coords is not YamlSequenceNode s) { bag.Add(coords.At(file), Messages.WrongShape("a list of polygons", YamlTree.Describe(coords))); return null; }
        var list = s.Children.Select(c => PolygonOf(c, file, bag)).ToList();
        return list.Contains(null) ? null : list.OfType<Polygon>().ToList();
    }

    private static Polygon? PolygonOf(YamlNode coords, string file, DiagnosticBag bag)
    {
        if (coords is not YamlSequenceNode s || s.Children.Count == 0) { bag.Add(coords.At(file), Messages.WrongShape("a list of linear rings", YamlTree.Describe(coords))); return null; }
        var rings = new List<IReadOnlyList<LonLat>>();
        foreach (var r in s.Children)
        {
            var ring = Points(r, file, bag, minimum: 4);
            if (ring is null) return null;
            if (ring[0] != ring[^1]) { bag.Add(r.At(file), Messages.InvalidGeometry("a closed ring (last point equal to the first)", $"first {Fmt(ring[0])}, last {Fmt(ring[^1])}")); return null; }
            Geometry.CheckSimpleRing(ring, r, file, bag);
            rings.Add(ring);
        }
        return new Polygon(rings);
    }

    private static string Fmt(LonLat p) => FormattableString.Invariant($"[{p.Lon}, {p.Lat}]");

    private static List<LonLat>? Points(YamlNode node, string file, DiagnosticBag bag, int minimum)
    {
        if (node is not YamlSequenceNode s) { bag.Add(node.At(file), Messages.WrongShape("a list of positions", YamlTree.Describe(node))); return null; }
        var points = new List<LonLat>(s.Children.Count);
        var errors = bag.ErrorCount;
        foreach (var p in s.Children)
        {
            if (p is not YamlSequenceNode xy || xy.Children.Count < 2) { bag.Add(p.At(file), Messages.WrongShape("a position [lon, lat]", YamlTree.Describe(p))); continue; }
            var lon = Scalar.Double(xy.Children[0], file, bag, -180, 180);
            var lat = Scalar.Double(xy.Children[1], file, bag, -90, 90);
            if (lon is { } x && lat is { } y) points.Add(new LonLat(x, y));
        }
        if (bag.ErrorCount > errors) return null;
        if (points.Count < minimum) { bag.Add(node.At(file), Messages.InvalidGeometry($"at least {minimum} positions", $"{points.Count}")); return null; }
        return points;
    }
}
