using System.Globalization;
using Resolute.Domain;

namespace Resolute.Geo;

/// <summary>
/// The geography stage: where the force stands and whom its air defence covers. Pure: takes the dataset, the scenario
/// and the deployed units, returns a <see cref="GeographyResult"/>; no files, clock or console.
/// </summary>
public static class Geography
{
    /// <summary>
    /// Computes Kyiv-controlled territory, the threat zones, the deployment areas, a position for every deployed unit,
    /// the air-defence plan and the Ukrainian brigades freed.
    /// </summary>
    /// <param name="dataset">The loaded, validated dataset (theatre, cities, threats, equipment, holdings).</param>
    /// <param name="scenario">Supplies the stand-off threat categories, the freed-brigade rule and the seed.</param>
    /// <param name="deployed">The force package's units.</param>
    /// <param name="options">Method settings; <see cref="GeographyOptions.Default"/> when null.</param>
    /// <exception cref="ArgumentException">The options are invalid (a programmer error: options are validated at the boundary).</exception>
    public static GeographyResult Plan(Dataset dataset, Scenario scenario, IReadOnlyList<Unit> deployed, GeographyOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        ArgumentNullException.ThrowIfNull(scenario);
        ArgumentNullException.ThrowIfNull(deployed);
        options ??= GeographyOptions.Default;
        if (options.Validate() is { Count: > 0 } errors) throw new ArgumentException(string.Join("; ", errors), nameof(options));

        var notes = new List<string>();
        var projection = new Projection();
        var theatre = TheatreGeometry.Build(dataset.Theatre, projection);

        var cities = dataset.Cities.Select(c =>
        {
            var at = projection.Project(c.Location);
            var point = projection.Factory.CreatePoint(at);
            var distance = theatre.DistanceToFrontKm(at);
            var exposure = dataset.Threats.Count == 0 ? 1.0 : (double)dataset.Threats.Count(t => t.RangeKm >= distance) / dataset.Threats.Count;
            return new CityPoint(c, at, theatre.Controlled.Intersects(point), distance, exposure);
        }).ToArray();

        // Threat zones: each category reaches as far as its longest-range system.
        var standoffCategories = scenario.Geography.StandoffThreats.ToHashSet();
        var zones = new List<(ThreatZone Zone, NetTopologySuite.Geometries.Geometry Shape)>();
        foreach (var longest in dataset.Threats.GroupBy(t => t.Category).OrderBy(g => g.Key)
                     .Select(g => g.OrderByDescending(t => t.RangeKm).ThenBy(t => t.Id, StringComparer.Ordinal).First()))
        {
            // A zone reaching past every border vertex's distance from the front's first point covers the whole
            // country (distance to a point is convex, so its maximum over the border polygon is at a vertex).
            var everywhere = longest.RangeKm * 1000 >= theatre.Border.Coordinates.Max(c => c.Distance(theatre.Front.StartPoint.Coordinate));
            var reach = everywhere ? theatre.Border : theatre.Reach(longest.RangeKm);
            var area = Projection.AreaKm2(everywhere ? theatre.Controlled : reach.Intersection(theatre.Controlled));
            var population = cities.Where(c => c.Controlled && c.DistanceToFrontKm <= longest.RangeKm).Sum(c => c.City.Population);
            var zone = new ThreatZone(longest.Category, longest.Id, longest.RangeKm, standoffCategories.Contains(longest.Category), Math.Round(area), population);
            zones.Add((zone, everywhere ? theatre.Border : reach.Intersection(theatre.Border)));
        }
        foreach (var missing in scenario.Geography.StandoffThreats.Where(c => dataset.Threats.All(t => t.Category != c)))
            notes.Add($"stand-off category {missing.ToCode()} has no system in threats.csv and sets no distance");
        var standoffKm = zones.Where(z => z.Zone.Standoff).Select(z => z.Zone.RangeKm).DefaultIfEmpty(0).Max();

        var deployment = standoffKm > 0
            ? TheatreGeometry.DropSlivers(theatre.Controlled.Difference(theatre.Reach(standoffKm)), projection.Factory)
            : theatre.Controlled;
        var inner = options.PositionMarginKm > 0
            ? TheatreGeometry.DropSlivers(deployment.Buffer(-options.PositionMarginKm * 1000, 8), projection.Factory)
            : deployment;

        // Air defence: AMD units with a SAM system are sited by the covering model; fighters are not positioned.
        var batteries = new List<Battery>();
        var ground = new List<Unit>();
        var placements = new Dictionary<string, UnitPlacement>(StringComparer.Ordinal);
        foreach (var u in deployed)
        {
            if (u.Kind == UnitKind.FighterSquadron)
                placements[u.Id] = Placement(u, null, null, "not positioned: air unit operating from bases outside the deployment areas");
            else if (u.Kind == UnitKind.Amd && AirDefencePlanner.SystemOf(dataset, u) is { } system)
                batteries.Add(new Battery(u, system));
            else
            {
                if (u.Kind == UnitKind.Amd) notes.Add($"{u.Id}: no SAM system with a range in its holdings; placed as a support unit, not in the coverage model");
                ground.Add(u);
            }
        }
        var positions = UnitPlacer.Place(ground, cities, theatre, inner, options);
        for (var i = 0; i < ground.Count; i++)
        {
            var (at, assignment) = positions[i];
            placements[ground[i].Id] = Placement(ground[i], at is null ? null : projection.Unproject(at),
                at is null ? null : Math.Round(theatre.DistanceToFrontKm(at), 1), assignment);
        }
        var airDefence = AirDefencePlanner.Plan(dataset, batteries, cities, inner, theatre, projection, scenario.Seed, options);
        foreach (var b in airDefence.Batteries)
        {
            var unit = batteries.First(x => x.Unit.Id == b.UnitId).Unit;
            placements[b.UnitId] = Placement(unit, b.Position, b.DistanceToFrontKm, b.Position is null
                ? "not placed: no candidate site outside the stand-off zone"
                : string.Create(CultureInfo.InvariantCulture, $"air defence, {b.System} ({b.RadiusKm:0} km) at {(b.Site == "grid" ? "a grid site" : b.Site)}"));
        }
        if (airDefence.SolverStatus != "OPTIMAL")
            notes.Add($"air-defence siting: CP-SAT stopped at its deterministic time limit with status {airDefence.SolverStatus}; the coverage is feasible, not proven optimal");

        var brigades = deployed.Count(u => u.Kind == UnitKind.ManoeuvreBrigade && placements[u.Id].Position is not null);
        var perBrigade = scenario.Geography.FreedBrigadesPerBrigade;

        notes.Add("Kyiv-controlled territory is the border polygon minus the occupied polygon of the dataset's front-line file.");
        notes.Add("Threat zones are drawn from the line of contact only; fire from across the international border with Russia and Belarus is not modelled.");
        notes.Add("Population means the listed cities (cities.csv), not the whole population; a city is covered when it lies within a battery's engagement radius.");
        notes.Add("Exposure of a city is the share of the catalogued threat systems (threats.csv) whose range reaches it from the line of contact; the coverage model weighs population by it.");
        notes.Add("Each AMD unit is sited as one fire unit with its longest-range SAM system's range as its radius; range_km is the system's maximum (often against aircraft), so coverage against ballistic missiles is smaller.");

        return new GeographyResult(
            Projection.Crs, dataset.Theatre.Source, dataset.Theatre.AsOf,
            Math.Round(theatre.Front.Length / 1000, 1),
            Math.Round(Projection.AreaKm2(theatre.Controlled)), Math.Round(Projection.AreaKm2(theatre.Occupied)),
            standoffKm, zones.Select(z => z.Zone).ToArray(),
            Math.Round(Projection.AreaKm2(deployment)), deployment.NumGeometries,
            UnitPlacer.Rule,
            deployed.Select(u => placements[u.Id]).ToArray(),
            airDefence,
            new FreedForces(brigades, perBrigade, brigades * perBrigade),
            options, notes)
        {
            Map = new GeographyMap(projection, theatre.Front, zones, deployment,
                dataset.Cities.ToDictionary(c => c.Name, c => c.Location, StringComparer.Ordinal)),
        };
    }

    private static UnitPlacement Placement(Unit u, LonLat? at, double? distance, string assignment) =>
        new(u.Id, u.Nation, u.Name, u.Kind, u.Type, Sidc.For(u), at, distance, assignment);
}
