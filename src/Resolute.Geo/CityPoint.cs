using NetTopologySuite.Geometries;
using Resolute.Domain;

namespace Resolute.Geo;

/// <summary>A listed city in the metric plane with what the geography stage derives for it.</summary>
internal sealed record CityPoint(City City, Coordinate At, bool Controlled, double DistanceToFrontKm, double Exposure)
{
    /// <summary>The covering model's weight: population × exposure, rounded to whole people.</summary>
    public long Weight => Controlled ? (long)Math.Round(City.Population * Exposure) : 0;
}
