using Resolute.Domain;

namespace Resolute.Geo;

/// <summary>Where one formation of the requirement (e.g. <c>plussed_up_division 2</c>) stands: one area around its headquarters.</summary>
/// <param name="Formation">The formation, as force generation names it.</param>
/// <param name="Name">The area's name: the axis it stands on (e.g. "on the axis to Kharkiv").</param>
/// <param name="Headquarters">Id of the formation's headquarters unit; null when its HQ slot is empty (the area is then centred on its anchor).</param>
/// <param name="Centre">WGS 84 position of the area's centre: the headquarters' position, or the anchor without one.</param>
/// <param name="Centroid">WGS 84 centroid of the placed units' positions; null when none is placed.</param>
/// <param name="RadiusKm">The stated radius every unit stands within (<see cref="GeographyOptions.FormationRadiusKm"/>).</param>
/// <param name="MaxFromCentreKm">The farthest placed unit's distance from the centre (at most <paramref name="RadiusKm"/>).</param>
/// <param name="ExtentKm">The largest distance between two placed units of the formation.</param>
/// <param name="DistanceToFrontKm">The centre's distance from the line of contact.</param>
/// <param name="Units">Ids of the formation's units placed in the area.</param>
/// <param name="NotInArea">Ids of the formation's units that do not stand in it (outside Ukraine, air units, or not placed), with why in their placements.</param>
public sealed record FormationArea(
    string Formation, string Name, string? Headquarters, LonLat Centre, LonLat? Centroid, double RadiusKm, double MaxFromCentreKm, double ExtentKm,
    double DistanceToFrontKm, IReadOnlyList<string> Units, IReadOnlyList<string> NotInArea);

/// <summary>How far a long-range-strike unit reaches from where it stands.</summary>
/// <param name="UnitId">Unit id.</param>
/// <param name="System">Equipment id of its longest-range strike system (rocket or missile); null when it holds none with a range.</param>
/// <param name="RangeKm">That system's range; 0 without one.</param>
/// <param name="OutsideUkraine">True when it strikes from its base outside Ukraine.</param>
/// <param name="DistanceToFrontKm">Its position's distance from the line of contact; null when it is not placed.</param>
/// <param name="DepthBeyondFrontKm">How far past the line of contact it reaches (range − distance); null when not placed, negative when it falls short.</param>
/// <param name="ReachesFront">True when its range reaches the line of contact from where it stands.</param>
public sealed record StrikeReach(string UnitId, string? System, double RangeKm, bool OutsideUkraine, double? DistanceToFrontKm, double? DepthBeyondFrontKm, bool ReachesFront);
