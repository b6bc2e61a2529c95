using Resolute.Geo;
using static Resolute.Reports.D;

namespace Resolute.Reports;

/// <summary>The geography section's placement blocks: units outside Ukraine, each division's area, long-range strike reach.</summary>
internal static partial class BriefingBuilder
{
    private static List<Block> GeographyPlacement(GeographyResult g)
    {
        var blocks = new List<Block>();
        var atBase = g.Units.Where(u => u.OutsideUkraine && u.Base is not null).ToArray();
        var unknown = g.Units.Where(u => u.OutsideUkraine && u.Base is null).ToArray();
        if (atBase.Length > 0)
            blocks.Add(P(atBase.Length.ToString(C), " units stand at their bases outside Ukraine, in no deployment area, and their air-defence coverage and strike reach count from there: ",
                string.Join("; ", atBase.Select(u => $"{u.UnitId} at {u.Base}")), "."));
        if (unknown.Length > 0)
            blocks.Add(P(unknown.Length.ToString(C), " units stand outside Ukraine but garrisons.csv has no base of their own, so they are not placed and cover nothing: ",
                string.Join(" ", unknown.Select(u => u.UnitId)), "."));
        if (g.Formations.Count > 0)
            blocks.Add(new Table($"Division areas (every unit within {g.Options.FormationRadiusKm.ToString(C)} km of its headquarters)",
                ["formation", "area", "headquarters", "centre lat", "centre lon", "km to front", "extent (km)", "farthest from HQ (km)", "units in the area", "not in the area"],
                g.Formations.Select((f, i) => Row(f.Formation, f.Name, f.Headquarters ?? "none",
                    N($"{Geo}.formations[{i}].centre.lat", f.Centre.Lat, NumFormat.D3), N($"{Geo}.formations[{i}].centre.lon", f.Centre.Lon, NumFormat.D3),
                    N($"{Geo}.formations[{i}].distance_to_front_km", f.DistanceToFrontKm), N($"{Geo}.formations[{i}].extent_km", f.ExtentKm),
                    N($"{Geo}.formations[{i}].max_from_centre_km", f.MaxFromCentreKm), string.Join(" ", f.Units),
                    f.NotInArea.Count == 0 ? "" : string.Join(" ", f.NotInArea))).ToArray()));
        if (g.StrikeReach.Count > 0)
            blocks.Add(new Table("Long-range strike reach (from where each unit stands)", ["unit", "system", "range (km)", "stands", "km to front", "reach past the front (km)"],
                g.StrikeReach.Select((x, i) => Row(x.UnitId, x.System ?? "none", N($"{Geo}.strike_reach[{i}].range_km", x.RangeKm),
                    x.OutsideUkraine ? "outside Ukraine" : "in Ukraine",
                    x.DistanceToFrontKm is null ? "not placed" : N($"{Geo}.strike_reach[{i}].distance_to_front_km", x.DistanceToFrontKm),
                    x.DepthBeyondFrontKm is not { } d ? "" : d > 0 ? N($"{Geo}.strike_reach[{i}].depth_beyond_front_km", d) : "falls short")).ToArray()));
        return blocks;
    }
}
