using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Resolute.Reports;

/// <summary>
/// The briefing's offline base map: Natural Earth 1:50m country borders (public domain) from the vendored npm package
/// <c>world-atlas</c> 2.0.2, converted from TopoJSON to a GeoJSON FeatureCollection and cut to the countries around
/// Ukraine, so the map needs no tile server.
/// </summary>
internal static class BaseMap
{
    /// <summary>Countries with any vertex inside this box (lon/lat) are kept.</summary>
    private const double West = 5, East = 60, South = 34, North = 66;

    private static readonly Lazy<string> Cached = new(() => Convert(Vendor.Text("countries-50m.json")));

    /// <summary>The base map as GeoJSON text (properties: <c>name</c>).</summary>
    public static string GeoJson => Cached.Value;

    /// <summary>Converts a world-atlas TopoJSON topology (quantised, delta-encoded arcs) to GeoJSON, keeping the countries near Ukraine.</summary>
    internal static string Convert(string topoJson)
    {
        using var doc = JsonDocument.Parse(topoJson);
        var root = doc.RootElement;
        var transform = root.GetProperty("transform");
        var scale = transform.GetProperty("scale");
        var translate = transform.GetProperty("translate");
        var (sx, sy, tx, ty) = (scale[0].GetDouble(), scale[1].GetDouble(), translate[0].GetDouble(), translate[1].GetDouble());
        var arcs = root.GetProperty("arcs").EnumerateArray().Select(arc =>
        {
            double x = 0, y = 0;
            return arc.EnumerateArray().Select(p =>
            {
                x += p[0].GetDouble();
                y += p[1].GetDouble();
                return (Lon: Math.Round((x * sx) + tx, 3), Lat: Math.Round((y * sy) + ty, 3));
            }).ToArray();
        }).ToArray();

        List<(double Lon, double Lat)> Ring(JsonElement indices)
        {
            var ring = new List<(double, double)>();
            foreach (var i in indices.EnumerateArray().Select(e => e.GetInt32()))
            {
                var arc = i >= 0 ? arcs[i] : arcs[~i].Reverse().ToArray();
                ring.AddRange(ring.Count == 0 ? arc : arc.Skip(1));
            }
            return ring;
        }

        var sb = new StringBuilder("{\"type\":\"FeatureCollection\",\"features\":[");
        var first = true;
        foreach (var g in root.GetProperty("objects").GetProperty("countries").GetProperty("geometries").EnumerateArray())
        {
            var type = g.GetProperty("type").GetString();
            if (type is not ("Polygon" or "MultiPolygon")) continue;
            var polygons = type == "Polygon"
                ? [g.GetProperty("arcs").EnumerateArray().Select(Ring).ToList()]
                : g.GetProperty("arcs").EnumerateArray().Select(p => p.EnumerateArray().Select(Ring).ToList()).ToList();
            if (!polygons.Any(p => p.Any(r => r.Any(c => c.Lon is >= West and <= East && c.Lat is >= South and <= North)))) continue;
            var name = g.TryGetProperty("properties", out var props) && props.TryGetProperty("name", out var n) ? n.GetString() ?? "" : "";
            if (!first) sb.Append(',');
            first = false;
            sb.Append("{\"type\":\"Feature\",\"properties\":{\"name\":").Append(JsonSerializer.Serialize(name)).Append("},\"geometry\":{\"type\":\"MultiPolygon\",\"coordinates\":[");
            sb.AppendJoin(',', polygons.Select(p => "[" + string.Join(',', p.Select(r => "[" + string.Join(',', r.Select(c => string.Create(CultureInfo.InvariantCulture, $"[{c.Lon},{c.Lat}]"))) + "]")) + "]"));
            sb.Append("]}}");
        }
        return sb.Append("]}").ToString();
    }
}

/// <summary>The vendored browser libraries and data embedded in this assembly (Vendor/README.md).</summary>
internal static class Vendor
{
    /// <summary>An embedded file's text, by its logical name (e.g. <c>leaflet.js</c>).</summary>
    public static string Text(string name)
    {
        using var stream = typeof(Vendor).Assembly.GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"Embedded resource '{name}' is missing from Resolute.Reports.");
        using var reader = new StreamReader(stream, Encoding.UTF8);
        return reader.ReadToEnd();
    }
}

/// <summary>HTML escaping for text and attribute values.</summary>
internal static class Html
{
    public static string Escape(string? s) => System.Net.WebUtility.HtmlEncode(s ?? "");

    /// <summary>
    /// Text placed inside a &lt;script&gt; element: "&lt;/script" would end the element early, so it is written
    /// "&lt;\/script", the same string in JS and JSON (it can only occur inside a string, regex or comment).
    /// </summary>
    public static string Script(string s) => s.Replace("</script", "<\\/script", StringComparison.OrdinalIgnoreCase);
}
