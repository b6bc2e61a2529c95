using System.Text.Json.Serialization;
using Resolute.Domain;

namespace Resolute.Geo;

/// <summary>
/// The geography of a plan: territory, threat zones, deployment areas, unit positions, air-defence coverage and the
/// Ukrainian brigades freed. Serialises to the plan result's geography section; the geometries for maps are in
/// <see cref="Map"/>, which is not serialised (write it with <see cref="GeoJson.Write"/>).
/// </summary>
/// <param name="Crs">The metric CRS every area and distance was computed in.</param>
/// <param name="TheatreSource">Source id of the front line.</param>
/// <param name="TheatreAsOf">Date the front line describes.</param>
/// <param name="FrontLengthKm">Length of the line of contact as digitised.</param>
/// <param name="ControlledAreaKm2">Kyiv-controlled territory: Ukraine's border minus the occupied polygon.</param>
/// <param name="OccupiedAreaKm2">Area of the occupied polygon inside the border.</param>
/// <param name="StandoffKm">The stand-off distance: the longest range among the scenario's stand-off threat categories.</param>
/// <param name="ThreatZones">One zone per threat category in the dataset.</param>
/// <param name="DeploymentAreaKm2">Kyiv-controlled territory outside the stand-off zone.</param>
/// <param name="DeploymentAreaParts">Number of separate pieces of the deployment area.</param>
/// <param name="PlacementRule">The rule units were placed by, in words.</param>
/// <param name="Units">Every deployed unit with its position, or why it has none.</param>
/// <param name="AirDefence">Air and missile defence positions and the population they cover.</param>
/// <param name="FreedForces">Ukrainian brigades freed for the front.</param>
/// <param name="Options">The method settings used.</param>
/// <param name="Notes">Assumptions and limitations a reader must know.</param>
public sealed record GeographyResult(
    string Crs,
    string TheatreSource,
    DateOnly TheatreAsOf,
    double FrontLengthKm,
    double ControlledAreaKm2,
    double OccupiedAreaKm2,
    double StandoffKm,
    IReadOnlyList<ThreatZone> ThreatZones,
    double DeploymentAreaKm2,
    int DeploymentAreaParts,
    string PlacementRule,
    IReadOnlyList<UnitPlacement> Units,
    AirDefenceCoverage AirDefence,
    FreedForces FreedForces,
    GeographyOptions Options,
    IReadOnlyList<string> Notes)
{
    /// <summary>Each formation's area (a division's units around its headquarters); empty when the force has no formations.</summary>
    public IReadOnlyList<FormationArea> Formations { get; init; } = [];

    /// <summary>Each long-range-strike unit's reach from where it stands (in Ukraine or at its base).</summary>
    public IReadOnlyList<StrikeReach> StrikeReach { get; init; } = [];

    /// <summary>Projected geometries for map output; not part of the serialised result.</summary>
    [JsonIgnore]
    public GeographyMap Map { get; init; } = GeographyMap.Empty;
}

/// <summary>The reach of one threat category from the line of contact.</summary>
/// <param name="Category">The threat category.</param>
/// <param name="System">Id of the category's longest-range system in threats.csv, whose range sets the zone.</param>
/// <param name="RangeKm">That range.</param>
/// <param name="Standoff">True when the scenario keeps the force out of this zone.</param>
/// <param name="ControlledAreaKm2">Kyiv-controlled territory within reach.</param>
/// <param name="CityPopulationInReach">Population of the listed Kyiv-controlled cities within reach.</param>
public sealed record ThreatZone(ThreatCategory Category, string System, double RangeKm, bool Standoff, double ControlledAreaKm2, long CityPopulationInReach);

/// <summary>Where one deployed unit stands.</summary>
/// <param name="UnitId">Unit id.</param>
/// <param name="Nation">ISO 3166 alpha-3 code.</param>
/// <param name="Name">Unit name.</param>
/// <param name="Kind">Unit kind.</param>
/// <param name="Type">Unit type.</param>
/// <param name="Sidc">APP-6(D) / MIL-STD-2525D 20-digit symbol code.</param>
/// <param name="Position">WGS 84 position; null when the unit is not placed.</param>
/// <param name="DistanceToFrontKm">Distance from the line of contact; null when not placed.</param>
/// <param name="Assignment">What the position is for (e.g. "forward on the axis to Kyiv, echelon 1"), or why there is none.</param>
public sealed record UnitPlacement(
    string UnitId, string Nation, string Name, UnitKind Kind, string Type, string Sidc,
    LonLat? Position, double? DistanceToFrontKm, string Assignment)
{
    /// <summary>The formation of the requirement the unit fills a slot of (e.g. <c>plussed_up_division 2</c>); null for force-level elements.</summary>
    public string? Formation { get; init; }

    /// <summary>True when the unit stands outside Ukraine (at its base, or with its base unknown): it is in no deployment area.</summary>
    public bool OutsideUkraine { get; init; }

    /// <summary>Name of the base (garrisons.csv) it stands at outside Ukraine; null inside Ukraine or when the base is unknown.</summary>
    public string? Base { get; init; }
}

/// <summary>The air and missile defence plan.</summary>
/// <param name="Batteries">Each fire unit with its position.</param>
/// <param name="Cities">Each listed city: controlled or not, covered or not.</param>
/// <param name="PopulationCovered">Population of the covered Kyiv-controlled cities.</param>
/// <param name="ControlledPopulation">Population of all listed Kyiv-controlled cities.</param>
/// <param name="ShareCovered">PopulationCovered / ControlledPopulation.</param>
/// <param name="WeightedObjective">The model's objective: Σ population × exposure over covered cities.</param>
/// <param name="CandidateSites">Candidate sites (cities in the deployment areas + grid points).</param>
/// <param name="DistinctSites">Candidate sites after merging sites that cover the same cities, summed over SAM radii.</param>
/// <param name="SolverStatus">CP-SAT status of the main solve (OPTIMAL or FEASIBLE).</param>
/// <param name="SolverParameters">CP-SAT parameters used.</param>
/// <param name="MarginalGains">Population one more battery of each SAM system would add.</param>
public sealed record AirDefenceCoverage(
    IReadOnlyList<BatteryPlacement> Batteries,
    IReadOnlyList<CityCoverage> Cities,
    long PopulationCovered,
    long ControlledPopulation,
    double ShareCovered,
    long WeightedObjective,
    int CandidateSites,
    int DistinctSites,
    string SolverStatus,
    string SolverParameters,
    IReadOnlyList<MarginalGain> MarginalGains)
{
    /// <summary>
    /// The largest marginal gain, or null when one more battery of any known system would cover no one more (so that a
    /// system is never named as the best buy for nothing).
    /// </summary>
    public MarginalGain? BestMarginalGain => MarginalGains.Where(g => g.AdditionalPopulation > 0)
        .OrderByDescending(g => g.AdditionalPopulation).ThenBy(g => g.System, StringComparer.Ordinal).FirstOrDefault();
}

/// <summary>One air-defence fire unit.</summary>
/// <param name="UnitId">Unit id.</param>
/// <param name="Nation">ISO 3166 alpha-3 code.</param>
/// <param name="System">Equipment id of the SAM system whose range sets the radius.</param>
/// <param name="RadiusKm">Engagement radius (range_km in equipment_types.csv).</param>
/// <param name="Sidc">APP-6(D) symbol code.</param>
/// <param name="Position">WGS 84 position; null when the unit could not be placed.</param>
/// <param name="Site">The candidate site: a city's name, "grid", "none" when the battery could not be placed, the base's name
/// for a battery outside Ukraine, or "with its formation" for a formation's battery.</param>
/// <param name="DistanceToFrontKm">Distance from the line of contact.</param>
/// <param name="CitiesCovered">Cities within the radius.</param>
/// <param name="AddsCoverage">False when every city it covers is covered by another battery too (a second layer).</param>
public sealed record BatteryPlacement(
    string UnitId, string Nation, string System, double RadiusKm, string Sidc, LonLat? Position, string Site,
    double? DistanceToFrontKm, IReadOnlyList<string> CitiesCovered, bool AddsCoverage)
{
    /// <summary>True when it covers from its base outside Ukraine (its site is the base): only Kyiv-held cities within its radius count.</summary>
    public bool OutsideUkraine { get; init; }
}

/// <summary>One listed city and its air-defence cover.</summary>
/// <param name="Name">City name.</param>
/// <param name="Oblast">Oblast.</param>
/// <param name="Population">Population (cities.csv).</param>
/// <param name="Controlled">True when Kyiv holds it.</param>
/// <param name="DistanceToFrontKm">Distance from the line of contact.</param>
/// <param name="Exposure">Share of the catalogued threat systems whose range reaches it from the line of contact.</param>
/// <param name="Covered">True when a battery's radius reaches it.</param>
/// <param name="CoveredBy">Ids of the batteries that reach it.</param>
public sealed record CityCoverage(
    string Name, string Oblast, long Population, bool Controlled, double DistanceToFrontKm, double Exposure,
    bool Covered, IReadOnlyList<string> CoveredBy);

/// <summary>What one more battery of a SAM system would add, re-optimising every position.</summary>
/// <param name="System">Equipment id(s) of the SAM systems with this radius.</param>
/// <param name="RadiusKm">Engagement radius.</param>
/// <param name="AdditionalPopulation">Extra population covered.</param>
/// <param name="AdditionalShare">Extra share of the Kyiv-controlled population.</param>
public sealed record MarginalGain(string System, double RadiusKm, long AdditionalPopulation, double AdditionalShare);

/// <summary>Ukrainian brigades whose rear-area tasks the coalition takes over.</summary>
/// <param name="CoalitionBrigades">Coalition manoeuvre brigades placed in Ukraine (not those outside it).</param>
/// <param name="PerBrigade">The scenario's rule: Ukrainian brigades freed per coalition brigade.</param>
/// <param name="UkrainianBrigades">CoalitionBrigades × PerBrigade, passed to the balance stage.</param>
public sealed record FreedForces(int CoalitionBrigades, double PerBrigade, double UkrainianBrigades);
