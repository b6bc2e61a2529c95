using NetTopologySuite.Geometries;
using NetTopologySuite.Geometries.Prepared;
using NetTopologySuite.Operation.Distance;
using Resolute.Domain;

namespace Resolute.Geo;

/// <summary>
/// Places ground units by one rule: units stand on the axes of advance toward the largest Kyiv-held cities, the
/// biggest city first. The axis to a city runs from its nearest point on the line of contact; combat units
/// (manoeuvre brigades, artillery, engineers, short-range air defence) stand at the most forward point of the
/// deployment area on that axis, and support units (headquarters, logistics, medical, aviation, long-range strike,
/// ISR, signals) at the city itself, or as near to it as the stand-off rule allows. Every position is
/// <see cref="GeographyOptions.PositionMarginKm"/> inside the deployment area. When there are more units than axes,
/// the next round of units stands one echelon (<see cref="GeographyOptions.EchelonDepthKm"/>) farther back.
/// </summary>
internal static class UnitPlacer
{
    public const string Rule =
        "Units stand on the axes of advance toward the largest Kyiv-held cities, biggest first (the axis to a city runs from its nearest point on the line of contact). " +
        "Combat units (manoeuvre brigades, artillery, engineers, short-range air defence) take the most forward point of the deployment area on the axis; " +
        "support units (headquarters, logistics, medical, aviation, long-range strike, ISR, signals) stand at the city, or as near as the stand-off rule allows. " +
        "Manoeuvre brigades and headquarters choose first. Positions are a margin inside the deployment area and at least the axis separation apart; with more units than axes, each further round stands one echelon farther back.";

    public static bool IsCombat(UnitKind kind) => kind is UnitKind.ManoeuvreBrigade or UnitKind.Artillery or UnitKind.Engineer or UnitKind.Shorad;

    /// <summary>Positions for <paramref name="units"/> in order; null for a unit that cannot be placed (no room).</summary>
    public static IReadOnlyList<(Coordinate? At, string Assignment)> Place(
        IReadOnlyList<Unit> units, IReadOnlyList<CityPoint> cities, TheatreGeometry theatre, Geometry inner, GeographyOptions options)
    {
        if (inner.IsEmpty || units.Count == 0)
            return units.Select(_ => ((Coordinate?)null, "not placed: no deployment area is left outside the stand-off zone")).ToArray();

        var prepared = PreparedGeometryFactory.Prepare(inner);
        var ranked = Ranked(cities);
        var forward = Axes(ranked, theatre, inner, prepared, options, combat: true, []);
        // Support positions keep clear of the combat units' forward positions, so a city inside the stand-off zone
        // does not pull its support units onto the forward line; they go to the next city instead.
        var rear = Axes(ranked, theatre, inner, prepared, options, combat: false, forward);

        var result = new (Coordinate?, string)[units.Count];
        int nextForward = 0, nextRear = 0;
        // Manoeuvre brigades and headquarters choose first; otherwise the force package's order stands.
        foreach (var u in Enumerable.Range(0, units.Count).OrderBy(i => Priority(units[i].Kind)).ThenBy(i => i))
        {
            var combat = IsCombat(units[u].Kind);
            var axes = combat ? forward : rear;
            if (axes.Count == 0) { result[u] = (null, "not placed: no Kyiv-held city to anchor an axis"); continue; }
            var n = combat ? nextForward++ : nextRear++;
            var axis = axes[n % axes.Count];
            var echelon = n / axes.Count;
            var at = axis.At;
            if (echelon > 0)
            {
                var back = new Coordinate(at.X + axis.Back.X * echelon * options.EchelonDepthKm * 1000, at.Y + axis.Back.Y * echelon * options.EchelonDepthKm * 1000);
                at = Snap(back, inner, prepared);
            }
            var what = combat ? $"forward on the axis to {axis.City}" : axis.InCity ? $"rear, at {axis.City}" : $"rear, nearest to {axis.City} outside the stand-off zone";
            result[u] = (at, echelon > 0 ? $"{what}, echelon {echelon + 1}" : what);
        }
        return result;
    }

    private static int Priority(UnitKind kind) => kind switch
    {
        UnitKind.ManoeuvreBrigade or UnitKind.CorpsHq or UnitKind.CommandElement => 0,
        UnitKind.DivisionHq => 1,
        _ => 2,
    };

    internal sealed record Axis(string City, Coordinate At, Coordinate Back, bool InCity);

    /// <summary>The combat axes: the most forward point of the area toward each Kyiv-held city, biggest city first, at least the axis separation apart.</summary>
    public static IReadOnlyList<Axis> ForwardAxes(IReadOnlyList<CityPoint> cities, TheatreGeometry theatre, Geometry inner, IPreparedGeometry prepared, GeographyOptions options) =>
        Axes(Ranked(cities), theatre, inner, prepared, options, combat: true, []);

    private static CityPoint[] Ranked(IReadOnlyList<CityPoint> cities) =>
        cities.Where(c => c.Controlled).OrderByDescending(c => c.City.Population).ThenBy(c => c.City.Name, StringComparer.Ordinal).ToArray();

    private static List<Axis> Axes(CityPoint[] ranked, TheatreGeometry theatre, Geometry inner, IPreparedGeometry prepared, GeographyOptions options, bool combat, IReadOnlyList<Axis> taken)
    {
        var axes = new List<Axis>();
        var factory = inner.Factory;
        foreach (var c in ranked)
        {
            var onFront = DistanceOp.NearestPoints(theatre.Front, factory.CreatePoint(c.At))[0];
            var inCity = !combat && prepared.Contains(factory.CreatePoint(c.At));
            var at = combat ? Snap(onFront, inner, prepared) : inCity ? c.At.Copy() : Snap(c.At, inner, prepared);
            if (axes.Concat(taken).Any(a => a.At.Distance(at) < options.MinAxisSeparationKm * 1000)) continue;
            var dx = at.X - onFront.X;
            var dy = at.Y - onFront.Y;
            var len = Math.Sqrt(dx * dx + dy * dy);
            var back = len > 0 ? new Coordinate(dx / len, dy / len) : new Coordinate(0, 0);
            axes.Add(new Axis(c.City.Name, at, back, inCity));
        }
        return axes;
    }

    /// <summary>The point itself when inside the area, else the area's nearest point.</summary>
    public static Coordinate Snap(Coordinate p, Geometry area, IPreparedGeometry prepared)
    {
        var point = area.Factory.CreatePoint(p);
        return prepared.Contains(point) ? p.Copy() : DistanceOp.NearestPoints(area, point)[0];
    }
}
