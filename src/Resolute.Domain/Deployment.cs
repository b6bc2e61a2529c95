namespace Resolute.Domain;

/// <summary>How a unit travels from its garrison to Ukraine.</summary>
public enum MoveMode
{
    /// <summary>By rail: tracked and heavy formations (tanks, infantry fighting vehicles, self-propelled guns).</summary>
    Rail,
    /// <summary>By road under its own power: wheeled and light units, headquarters, enablers, air-defence batteries.</summary>
    Road,
    /// <summary>Self-deployment by air: fighter squadrons and aviation fly to their bases, no border crossing.</summary>
    Air,
}

/// <summary>
/// Where forces leave from: one unit's home garrison (<see cref="Key"/> is the unit id) or a nation's default departure point
/// for units without a row of their own (<see cref="Key"/> is the nation's ISO3 code). For units that serve from outside
/// Ukraine (the US backstop under its rule, aircraft), the garrison is also where they stand.
/// </summary>
public sealed record Garrison(string Key, string Name, string Nation, LonLat Location, Citation Citation);

/// <summary>
/// A border crossing into Ukraine for one mode of travel, with its military throughput: personnel with their equipment per
/// day. <see cref="GaugeChange"/> is true for a rail crossing where standard-gauge wagons meet Ukraine's 1,520 mm gauge (loads
/// are transferred or bogies changed).
/// </summary>
public sealed record Crossing(string Id, string Name, string From, MoveMode Mode, LonLat Location, int CapacityPerDay, bool GaugeChange, Citation Citation);

/// <summary>Rules about how units move.</summary>
public static class MoveModes
{
    /// <summary>Unit types that travel by rail (tracked vehicles).</summary>
    private static readonly HashSet<string> Tracked = new(StringComparer.Ordinal) { "armoured", "mechanised", "tracked", "heavy" };

    /// <summary>
    /// The mode a unit moves by: aircraft fly; armoured and mechanised brigades and artillery go by rail; everything else by
    /// road (wheeled and light units, headquarters, enablers, air-defence batteries).
    /// </summary>
    public static MoveMode Of(Unit unit)
    {
        ArgumentNullException.ThrowIfNull(unit);
        return unit.Kind switch
        {
            UnitKind.FighterSquadron or UnitKind.Aviation => MoveMode.Air,
            UnitKind.ManoeuvreBrigade when Tracked.Contains(unit.Type) => MoveMode.Rail,
            UnitKind.Artillery => MoveMode.Rail,
            _ => MoveMode.Road,
        };
    }
}
