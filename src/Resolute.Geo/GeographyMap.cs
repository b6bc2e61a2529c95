using NetTopologySuite.Geometries;
using Resolute.Domain;

namespace Resolute.Geo;

/// <summary>The geometries behind a <see cref="GeographyResult"/>, in the metric plane, for <see cref="GeoJson.Write"/>.</summary>
public sealed class GeographyMap
{
    internal GeographyMap(Projection? projection, Geometry? front, IReadOnlyList<(ThreatZone Zone, Geometry Shape)> zones, Geometry? deployment,
        IReadOnlyDictionary<string, LonLat> cities)
    {
        Cities = cities;
        Projection = projection;
        Front = front;
        Zones = zones;
        Deployment = deployment;
    }

    /// <summary>A map with nothing on it.</summary>
    public static GeographyMap Empty { get; } = new(null, null, [], null, new Dictionary<string, LonLat>());

    internal Projection? Projection { get; }
    internal Geometry? Front { get; }
    internal IReadOnlyList<(ThreatZone Zone, Geometry Shape)> Zones { get; }
    internal Geometry? Deployment { get; }
    internal IReadOnlyDictionary<string, LonLat> Cities { get; }

    /// <summary>Each formation's area: the disc of the formation radius around its centre, clipped to the deployment area.</summary>
    internal IReadOnlyList<(string Formation, Geometry Shape)> FormationShapes { get; init; } = [];
}
