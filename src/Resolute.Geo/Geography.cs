using System.Globalization;
using NetTopologySuite.Geometries;
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
    /// <param name="formations">Unit id → the formation of the requirement it fills a slot of (force generation's
    /// assignments); units not listed are force-level. Null: every unit is force-level.</param>
    public static GeographyResult Plan(Dataset dataset, Scenario scenario, IReadOnlyList<Unit> deployed, GeographyOptions? options = null,
        IReadOnlyDictionary<string, string>? formations = null)
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

        // Units outside Ukraine (fighters among them) stand at their bases; a formation's units stand in one area; force-level
        // AMD units with a SAM system are sited by the covering model; the rest follow the axis rule.
        formations ??= NoFormations;
        var batteries = new List<Battery>();
        var fixedBatteries = new List<FixedBattery>();
        var ground = new List<Unit>();
        var grouped = new List<(Unit Unit, string Formation)>();
        var placements = new Dictionary<string, UnitPlacement>(StringComparer.Ordinal);
        var frontLine = dataset.Theatre.FrontLine;
        foreach (var u in deployed)
        {
            var formation = formations.GetValueOrDefault(u.Id);
            var system = u.Kind == UnitKind.Amd ? AirDefencePlanner.SystemOf(dataset, u) : null;
            if (Basing.OutsideReason(dataset, scenario, u) is { } reason)
            {
                if (Basing.BaseOf(dataset, u) is not { } garrison)
                {
                    placements[u.Id] = Placement(u, null, null, Basing.Unknown(dataset, u, reason)) with { Formation = formation, OutsideUkraine = true };
                    continue;
                }
                var at = projection.Project(garrison.Location);
                var distance = Math.Round(frontLine.Count == 0 ? 0 : frontLine.Min(f => Basing.GreatCircleKm(f, garrison.Location)), 1);
                placements[u.Id] = Placement(u, garrison.Location, distance, $"at its base outside Ukraine, {garrison.Name} ({garrison.Nation}): {reason}")
                    with { Formation = formation, OutsideUkraine = true, Base = garrison.Name };
                if (system is not null) fixedBatteries.Add(new FixedBattery(new Battery(u, system), garrison.Name, at, garrison.Location, OutsideUkraine: true));
                continue;
            }
            if (formation is not null)
                grouped.Add((u, formation));
            else if (system is not null)
                batteries.Add(new Battery(u, system));
            else
            {
                if (u.Kind == UnitKind.Amd) notes.Add($"{u.Id}: no SAM system with a range in its holdings; placed as a support unit, not in the coverage model");
                ground.Add(u);
            }
        }

        var placedFormations = FormationPlacer.Place(grouped, cities, theatre, inner, options);
        foreach (var (u, formation) in grouped)
        {
            var (at, assignment) = placedFormations.Positions[u.Id];
            var system = u.Kind == UnitKind.Amd ? AirDefencePlanner.SystemOf(dataset, u) : null;
            if (u.Kind == UnitKind.Amd && system is null) notes.Add($"{u.Id}: no SAM system with a range in its holdings; placed with its formation, not in the coverage model");
            if (at is not null && system is not null)
            {
                fixedBatteries.Add(new FixedBattery(new Battery(u, system), "with its formation", at, projection.Unproject(at), OutsideUkraine: false));
                assignment = string.Create(CultureInfo.InvariantCulture, $"air defence, {system.Id} ({system.RangeKm:0} km), {assignment}");
            }
            placements[u.Id] = Placement(u, at is null ? null : projection.Unproject(at), at is null ? null : Math.Round(theatre.DistanceToFrontKm(at), 1), assignment)
                with { Formation = formation };
        }

        var positions = UnitPlacer.Place(ground, cities, theatre, inner, options);
        for (var i = 0; i < ground.Count; i++)
        {
            var (at, assignment) = positions[i];
            placements[ground[i].Id] = Placement(ground[i], at is null ? null : projection.Unproject(at),
                at is null ? null : Math.Round(theatre.DistanceToFrontKm(at), 1), assignment);
        }
        var airDefence = AirDefencePlanner.Plan(dataset, batteries, cities, inner, theatre, projection, scenario.Seed, options, fixedBatteries);
        var fixedIds = fixedBatteries.Select(f => f.Battery.Unit.Id).ToHashSet(StringComparer.Ordinal);
        foreach (var b in airDefence.Batteries.Where(b => !fixedIds.Contains(b.UnitId)))
        {
            var unit = batteries.First(x => x.Unit.Id == b.UnitId).Unit;
            placements[b.UnitId] = Placement(unit, b.Position, b.DistanceToFrontKm, b.Position is null
                ? "not placed: no candidate site outside the stand-off zone"
                : string.Create(CultureInfo.InvariantCulture, $"air defence, {b.System} ({b.RadiusKm:0} km) at {(b.Site == "grid" ? "a grid site" : b.Site)}"));
        }
        if (airDefence.SolverStatus != "OPTIMAL")
            notes.Add($"air-defence siting: CP-SAT stopped at its deterministic time limit with status {airDefence.SolverStatus}; the coverage is feasible, not proven optimal");

        var areas = FormationAreas(placedFormations, deployed, formations, placements, theatre, projection, options);
        var strike = deployed.Where(u => u.Kind == UnitKind.Lrs).Select(u => Strike(dataset, placements[u.Id])).ToArray();
        var outside = placements.Values.Where(p => p.OutsideUkraine).ToArray();
        if (outside.Length > 0)
            notes.Add($"{outside.Length} units stand outside Ukraine, in no deployment area: {outside.Count(p => p.Base is not null)} at their bases in garrisons.csv, where their air-defence coverage and strike reach are counted from; {outside.Count(p => p.Base is null)} with no garrison row of their own, not placed and counted nowhere.");
        foreach (var a in placedFormations.Areas.Where(a => a.Overlaps))
            notes.Add($"{a.Formation}: no axis left whose area overlaps no other formation's; it stands on the axis farthest from the others.");

        var brigades = deployed.Count(u => u.Kind == UnitKind.ManoeuvreBrigade && placements[u.Id] is { Position: not null, OutsideUkraine: false });
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
            PlacementRule,
            deployed.Select(u => placements[u.Id]).ToArray(),
            airDefence,
            new FreedForces(brigades, perBrigade, brigades * perBrigade),
            options, notes)
        {
            Formations = areas,
            StrikeReach = strike,
            Map = new GeographyMap(projection, theatre.Front, zones, deployment,
                dataset.Cities.ToDictionary(c => c.Name, c => c.Location, StringComparer.Ordinal))
            {
                FormationShapes = placedFormations.Areas.Select(a => (a.Formation,
                    (Geometry)projection.Factory.CreatePoint(a.Centre).Buffer(options.FormationRadiusKm * 1000, 16).Intersection(deployment))).ToArray(),
            },
        };
    }

    /// <summary>The rule every unit was placed by, in words.</summary>
    public const string PlacementRule =
        "Units outside Ukraine (the US backstop when its rule keeps it on NATO territory, nations whose stance sends nothing inside Ukraine, fighter squadrons whatever the backstop rule) stand at their own rows in garrisons.csv; without one their base is unknown and they are not placed. " +
        FormationPlacer.Rule + " Force-level units: " + UnitPlacer.Rule;

    private static readonly IReadOnlyDictionary<string, string> NoFormations = new Dictionary<string, string>(StringComparer.Ordinal);

    private static FormationArea[] FormationAreas(FormationPlacer.Placed placed, IReadOnlyList<Unit> deployed, IReadOnlyDictionary<string, string> formations,
        Dictionary<string, UnitPlacement> placements, TheatreGeometry theatre, Projection projection, GeographyOptions options) =>
        placed.Areas.Select(a =>
        {
            var points = a.Units.Where(id => placements[id].Position is not null).Select(id => projection.Project(placements[id].Position!.Value)).ToArray();
            var centroid = points.Length == 0 ? (LonLat?)null : projection.Unproject(new Coordinate(points.Average(p => p.X), points.Average(p => p.Y)));
            var fromCentre = points.Select(p => p.Distance(a.Centre)).DefaultIfEmpty(0).Max() / 1000;
            var extent = points.SelectMany(p => points.Select(q => p.Distance(q))).DefaultIfEmpty(0).Max() / 1000;
            var inArea = a.Units.ToHashSet(StringComparer.Ordinal);
            var elsewhere = deployed.Where(u => formations.GetValueOrDefault(u.Id) == a.Formation && !inArea.Contains(u.Id)).Select(u => u.Id).ToArray();
            return new FormationArea(a.Formation, a.Name, a.Headquarters, projection.Unproject(a.Centre), centroid, options.FormationRadiusKm,
                Math.Round(fromCentre, 1), Math.Round(extent, 1), Math.Round(theatre.DistanceToFrontKm(a.Centre), 1), a.Units, elsewhere);
        }).ToArray();

    /// <summary>A long-range-strike unit's reach: its longest-range rocket or missile against its distance from the line of contact.</summary>
    private static StrikeReach Strike(Dataset dataset, UnitPlacement p)
    {
        var system = dataset.HoldingsOf(p.UnitId)
            .Select(h => dataset.EquipmentById.GetValueOrDefault(h.EquipmentId))
            .Where(e => e is { RangeKm: > 0, Category: EquipmentCategory.Mlrs or EquipmentCategory.LrsMissile })
            .OrderByDescending(e => e!.RangeKm).ThenBy(e => e!.Id, StringComparer.Ordinal).FirstOrDefault();
        var range = system?.RangeKm ?? 0;
        var depth = p.DistanceToFrontKm is { } d ? Math.Round(range - d, 1) : (double?)null;
        return new StrikeReach(p.UnitId, system?.Id, range, p.OutsideUkraine, p.DistanceToFrontKm, depth, depth > 0);
    }

    private static UnitPlacement Placement(Unit u, LonLat? at, double? distance, string assignment) =>
        new(u.Id, u.Nation, u.Name, u.Kind, u.Type, Sidc.For(u), at, distance, assignment);
}
