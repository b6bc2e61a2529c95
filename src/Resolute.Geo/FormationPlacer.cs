using System.Globalization;
using NetTopologySuite.Geometries;
using NetTopologySuite.Geometries.Prepared;
using Resolute.Domain;

namespace Resolute.Geo;

/// <summary>
/// Places each formation of the requirement (a division's headquarters, brigades and enablers) in one area: a disc of
/// <see cref="GeographyOptions.FormationRadiusKm"/> around its headquarters, inside the deployment area. Formations take
/// the combat axes toward the largest Kyiv-held cities in order, skipping an axis whose area would overlap an earlier
/// formation's; the headquarters stands half the radius behind the axis's most forward point, manoeuvre brigades take the
/// most forward points of the area, every other unit the points nearest the headquarters, each at least
/// <see cref="GeographyOptions.FormationSpacingKm"/> (brigades) or half of it (the rest) from the others where the area
/// allows. Candidate points are a grid of a tenth of the radius, so every unit is within the radius by construction.
/// </summary>
internal static class FormationPlacer
{
    public const string Rule =
        "Each formation of the requirement (a division: headquarters, brigades and enablers) stands in one area within the formation radius of its headquarters, inside the deployment area. " +
        "Formations take the combat axes toward the largest Kyiv-held cities in turn, skipping an axis whose area would overlap an earlier formation's; the headquarters stands half the radius behind the axis's most forward point, " +
        "manoeuvre brigades take the most forward points of the area and the other units the points nearest the headquarters, spaced apart where the area allows.";

    /// <summary>A formation's area as placed, in the metric plane.</summary>
    internal sealed record Area(string Formation, string Name, string? Headquarters, Coordinate Centre, IReadOnlyList<string> Units, bool Overlaps);

    /// <summary>Positions (unit id → position, assignment; null position when not placed) and the areas.</summary>
    internal sealed record Placed(IReadOnlyDictionary<string, (Coordinate? At, string Assignment)> Positions, IReadOnlyList<Area> Areas);

    private static bool IsHeadquarters(UnitKind kind) => kind is UnitKind.DivisionHq or UnitKind.CorpsHq or UnitKind.CommandElement;

    public static Placed Place(
        IReadOnlyList<(Unit Unit, string Formation)> units, IReadOnlyList<CityPoint> cities, TheatreGeometry theatre, Geometry inner, GeographyOptions options)
    {
        var positions = new Dictionary<string, (Coordinate?, string)>(StringComparer.Ordinal);
        var areas = new List<Area>();
        if (units.Count == 0) return new Placed(positions, areas);
        if (inner.IsEmpty)
        {
            foreach (var (u, _) in units) positions[u.Id] = (null, "not placed: no deployment area is left outside the stand-off zone");
            return new Placed(positions, areas);
        }
        var prepared = PreparedGeometryFactory.Prepare(inner);
        var axes = UnitPlacer.ForwardAxes(cities, theatre, inner, prepared, options);
        if (axes.Count == 0)
        {
            foreach (var (u, _) in units) positions[u.Id] = (null, "not placed: no Kyiv-held city to anchor an axis");
            return new Placed(positions, areas);
        }

        var radius = options.FormationRadiusKm * 1000;
        var centres = new List<Coordinate>();
        var taken = new List<Coordinate>();
        // Formations in the force package's order (slot order: "plussed_up_division 1" first).
        foreach (var group in units.GroupBy(x => x.Formation, StringComparer.Ordinal))
        {
            var candidates = axes.Select(a => (Axis: a, Centre: UnitPlacer.Snap(
                new Coordinate(a.At.X + a.Back.X * radius / 2, a.At.Y + a.Back.Y * radius / 2), inner, prepared))).ToArray();
            double Clearance(Coordinate c) => centres.Count == 0 ? double.PositiveInfinity : centres.Min(o => o.Distance(c));
            // The first axis whose area overlaps no earlier formation's; else the one farthest from them (reported).
            var separate = Array.FindIndex(candidates, c => Clearance(c.Centre) >= 2 * radius);
            var overlaps = separate < 0;
            var (axis, centre) = overlaps ? candidates.OrderByDescending(c => Clearance(c.Centre)).First() : candidates[separate];
            centres.Add(centre);
            var name = $"on the axis to {axis.City}";

            var cells = Cells(centre, radius, prepared, inner.Factory)
                .Select(c => (At: c, Front: theatre.DistanceToFrontKm(c), FromCentre: c.Distance(centre))).ToArray();
            var members = group.Select(x => x.Unit).ToArray();
            var hq = members.FirstOrDefault(u => IsHeadquarters(u.Kind));
            var placedHere = new List<Coordinate>();
            var ids = new List<string>();
            string Where(Coordinate at) => string.Create(CultureInfo.InvariantCulture, $"{at.Distance(centre) / 1000:0} km from its {(hq is null ? "centre" : "headquarters")}");
            if (hq is not null)
            {
                positions[hq.Id] = (centre.Copy(), $"{group.Key} headquarters, centre of its area {name}");
                placedHere.Add(centre);
                ids.Add(hq.Id);
            }
            // Manoeuvre brigades first (forward), then the rest (nearest the headquarters), each in the package's order.
            foreach (var u in members.Where(u => u != hq).OrderBy(u => u.Kind == UnitKind.ManoeuvreBrigade ? 0 : 1))
            {
                var forward = u.Kind == UnitKind.ManoeuvreBrigade;
                var spacing = (forward ? options.FormationSpacingKm : options.FormationSpacingKm / 2) * 1000;
                var order = forward
                    ? cells.OrderBy(c => c.Front).ThenBy(c => c.FromCentre)
                    : cells.OrderBy(c => c.FromCentre).ThenByDescending(c => c.Front);
                var others = placedHere.Concat(taken).ToArray();
                var at = order.Where(c => others.All(o => o.Distance(c.At) >= spacing)).Select(c => c.At).FirstOrDefault()
                    ?? order.Where(c => others.All(o => !o.Equals2D(c.At))).Select(c => c.At).FirstOrDefault()
                    ?? centre;
                positions[u.Id] = (at.Copy(), $"{group.Key}, {(forward ? "forward in" : "in")} its area {name}, {Where(at)}");
                placedHere.Add(at);
                ids.Add(u.Id);
            }
            taken.AddRange(placedHere);
            areas.Add(new Area(group.Key, name, hq?.Id, centre, ids, overlaps));
        }
        return new Placed(positions, areas);
    }

    /// <summary>Grid points a tenth of the radius apart, centred on <paramref name="centre"/>, within the radius and inside the area.</summary>
    private static List<Coordinate> Cells(Coordinate centre, double radius, IPreparedGeometry area, GeometryFactory factory)
    {
        var step = radius / 10;
        var cells = new List<Coordinate>();
        for (var j = -10; j <= 10; j++)
            for (var i = -10; i <= 10; i++)
            {
                var c = new Coordinate(centre.X + i * step, centre.Y + j * step);
                if (c.Distance(centre) <= radius && area.Contains(factory.CreatePoint(c))) cells.Add(c);
            }
        return cells;
    }
}
