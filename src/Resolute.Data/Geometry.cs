using Resolute.Domain.Diagnostics;
using Resolute.Data.Text;
using Resolute.Domain;
using YamlDotNet.RepresentationModel;

namespace Resolute.Data;

/// <summary>Planar checks on lon/lat geometry that validation needs before the geography stage projects it.</summary>
public static class Geometry
{
    /// <summary>True when <paramref name="p"/> lies inside any of the polygons (even-odd rule over all rings).</summary>
    public static bool Contains(IReadOnlyList<Polygon> polygons, LonLat p) => polygons.Any(poly => Contains(poly, p));

    private static bool Contains(Polygon polygon, LonLat p)
    {
        var inside = false;
        foreach (var ring in polygon.Rings)
            for (int i = 0, j = ring.Count - 1; i < ring.Count; j = i++)
            {
                var (a, b) = (ring[i], ring[j]);
                if ((a.Lat > p.Lat) != (b.Lat > p.Lat) && p.Lon < (b.Lon - a.Lon) * (p.Lat - a.Lat) / (b.Lat - a.Lat) + a.Lon)
                    inside = !inside;
            }
        return inside;
    }

    internal static void CheckSimpleRing(IReadOnlyList<LonLat> ring, YamlNode node, string file, DiagnosticBag bag) =>
        CheckSimple(ring, closed: true, node, file, bag);

    internal static void CheckSimpleLine(IReadOnlyList<LonLat> line, YamlNode node, string file, DiagnosticBag bag) =>
        CheckSimple(line, closed: false, node, file, bag);

    /// <summary>Reports the first pair of non-adjacent segments that cross, at the position of the later segment's start.</summary>
    private static void CheckSimple(IReadOnlyList<LonLat> pts, bool closed, YamlNode node, string file, DiagnosticBag bag)
    {
        var n = pts.Count - 1; // segments
        for (var i = 0; i < n; i++)
            for (var j = i + 2; j < n; j++)
            {
                if (closed && i == 0 && j == n - 1) continue; // first and last segments share the closing point
                if (!Intersects(pts[i], pts[i + 1], pts[j], pts[j + 1])) continue;
                var at = node is YamlSequenceNode s ? s.Children[j].At(file) : node.At(file);
                bag.Add(at, Messages.InvalidGeometry("a simple line or ring",
                    $"segment {j + 1} crossing segment {i + 1}"));
                return;
            }
    }

    private static bool Intersects(LonLat p1, LonLat p2, LonLat p3, LonLat p4)
    {
        double d1 = Cross(p3, p4, p1), d2 = Cross(p3, p4, p2), d3 = Cross(p1, p2, p3), d4 = Cross(p1, p2, p4);
        return ((d1 > 0 && d2 < 0) || (d1 < 0 && d2 > 0)) && ((d3 > 0 && d4 < 0) || (d3 < 0 && d4 > 0));
    }

    private static double Cross(LonLat a, LonLat b, LonLat c) => (b.Lon - a.Lon) * (c.Lat - a.Lat) - (b.Lat - a.Lat) * (c.Lon - a.Lon);
}
