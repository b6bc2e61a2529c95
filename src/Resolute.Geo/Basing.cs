using Resolute.Domain;

namespace Resolute.Geo;

/// <summary>
/// Which units stand outside Ukraine, and where: the US backstop when its rule keeps it on NATO territory, a nation whose
/// stance sends nothing inside Ukraine, and fighter squadrons (they fly from their bases, whatever the backstop rule). Such a unit stands at its own row
/// in <c>garrisons.csv</c>; without one its base is unknown and it is not placed (a nation's departure point is where
/// its units leave from, not where one of them is based).
/// </summary>
internal static class Basing
{
    /// <summary>Why <paramref name="unit"/> stands outside Ukraine, or null when it stands inside.</summary>
    public static string? OutsideReason(Dataset dataset, Scenario scenario, Unit unit)
    {
        // Aircraft fly from their home bases whatever the backstop rule says: the dataset lists no air base in Ukraine.
        if (unit.Kind == UnitKind.FighterSquadron) return "air unit flying from its home base";
        var us = scenario.Rules.UsBackstop;
        if (us.Enabled && dataset.NationsByCode.TryGetValue(unit.Nation, out var nation) && nation.Group == NationGroup.Us)
            return us.Location == BackstopLocation.OutsideUkraine ? "US backstop supporting from NATO territory (rules.us_backstop.location: outside_ukraine)" : null;
        var stance = scenario.StanceOf(dataset, unit.Nation);
        if (scenario.Rules.Stances.TryGetValue(stance, out var policy) && !policy.InsideUkraine)
            return $"its nation's stance ({stance.ToCode()}) sends nothing inside Ukraine";
        return null;
    }

    /// <summary>The unit's own garrison row, or null (a nation's departure point does not count).</summary>
    public static Garrison? BaseOf(Dataset dataset, Unit unit) =>
        dataset.GarrisonOf(unit) is { } g && g.Key == unit.Id ? g : null;

    /// <summary>Why a unit outside Ukraine is not placed: no garrison row of its own.</summary>
    public static string Unknown(Dataset dataset, Unit unit, string reason)
    {
        var departure = dataset.GarrisonOf(unit);
        return $"base unknown, not placed: stands outside Ukraine ({reason}) but garrisons.csv has no row for {unit.Id}" +
            (departure is null ? "" : $" (only {unit.Nation}'s departure point, {departure.Name}, which is not a base)");
    }

    /// <summary>Great-circle distance in km (haversine, mean Earth radius 6,371 km): distances from bases far west of UTM 36N's central meridian.</summary>
    public static double GreatCircleKm(LonLat a, LonLat b)
    {
        static double Rad(double deg) => deg * Math.PI / 180;
        var dLat = Rad(b.Lat - a.Lat);
        var dLon = Rad(b.Lon - a.Lon);
        var h = Math.Sin(dLat / 2) * Math.Sin(dLat / 2) + Math.Cos(Rad(a.Lat)) * Math.Cos(Rad(b.Lat)) * Math.Sin(dLon / 2) * Math.Sin(dLon / 2);
        return 2 * 6371.0 * Math.Asin(Math.Min(1, Math.Sqrt(h)));
    }
}
