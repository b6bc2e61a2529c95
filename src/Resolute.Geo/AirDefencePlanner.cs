using System.Globalization;
using NetTopologySuite.Geometries;
using NetTopologySuite.Geometries.Prepared;
using Resolute.Domain;

namespace Resolute.Geo;

/// <summary>One air-defence fire unit to site: the unit and the SAM system whose range sets its radius.</summary>
internal sealed record Battery(Unit Unit, EquipmentType System)
{
    public double RadiusKm => System.RangeKm ?? 0;
}

/// <summary>
/// A battery whose position is set before the covering model runs: at its base outside Ukraine (distances on the great
/// circle, since a base far west of UTM 36N's central meridian reads long in the plane) or with its formation.
/// </summary>
internal sealed record FixedBattery(Battery Battery, string Site, Coordinate At, LonLat Position, bool OutsideUkraine)
{
    /// <summary>True when <paramref name="city"/> lies within the battery's engagement radius.</summary>
    public bool Covers(CityPoint city) => OutsideUkraine
        ? Basing.GreatCircleKm(Position, city.City.Location) <= Battery.RadiusKm
        : At.Distance(city.At) <= Battery.RadiusKm * 1000;
}

/// <summary>A candidate site: a city inside the deployment area, or a grid point.</summary>
internal sealed record CandidateSite(string Name, Coordinate At);

/// <summary>
/// Sites the force's air-defence batteries to cover the most exposed population, with a maximal covering model over
/// candidate sites, and prices one more battery of each SAM system.
/// </summary>
internal static class AirDefencePlanner
{
    public static readonly EquipmentCategory[] SamCategories = [EquipmentCategory.SamLong, EquipmentCategory.SamMedium];

    /// <summary>The SAM system of an AMD unit: its longest-range SAM holding, or null when it holds none with a range.</summary>
    public static EquipmentType? SystemOf(Dataset dataset, Unit unit) =>
        dataset.HoldingsOf(unit.Id)
            .Select(h => dataset.EquipmentById.GetValueOrDefault(h.EquipmentId))
            .Where(e => e is { RangeKm: > 0 } && SamCategories.Contains(e.Category))
            .OrderByDescending(e => e!.RangeKm).ThenBy(e => e!.Id, StringComparer.Ordinal)
            .FirstOrDefault();

    /// <summary>Cities inside the area first (a battery at a named city is easier to read), then a square grid, north to south, west to east.</summary>
    public static IReadOnlyList<CandidateSite> Candidates(IReadOnlyList<CityPoint> cities, Geometry area, double spacingKm)
    {
        var sites = new List<CandidateSite>();
        if (area.IsEmpty) return sites;
        var prepared = PreparedGeometryFactory.Prepare(area);
        var factory = area.Factory;
        foreach (var c in cities.Where(c => c.Controlled).OrderByDescending(c => c.City.Population).ThenBy(c => c.City.Name, StringComparer.Ordinal))
            if (prepared.Contains(factory.CreatePoint(c.At))) sites.Add(new CandidateSite(c.City.Name, c.At));
        var step = spacingKm * 1000;
        var env = area.EnvelopeInternal;
        // The grid is anchored at multiples of the spacing, so it does not move when the area changes shape.
        for (var y = Math.Floor(env.MaxY / step) * step; y >= env.MinY; y -= step)
            for (var x = Math.Ceiling(env.MinX / step) * step; x <= env.MaxX; x += step)
            {
                var p = new Coordinate(x, y);
                if (prepared.Contains(factory.CreatePoint(p))) sites.Add(new CandidateSite("grid", p));
            }
        return sites;
    }

    /// <summary>Per radius: the distinct cover sets (city indices) and a representative site for each, first site wins.</summary>
    internal sealed record RadiusClass(double RadiusKm, IReadOnlyList<int[]> Covers, IReadOnlyList<int> Site);

    public static RadiusClass Classify(double radiusKm, IReadOnlyList<CandidateSite> sites, IReadOnlyList<CityPoint> demand)
    {
        var r = radiusKm * 1000;
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var covers = new List<int[]>();
        var rep = new List<int>();
        for (var s = 0; s < sites.Count; s++)
        {
            var cover = new List<int>();
            for (var i = 0; i < demand.Count; i++)
                if (sites[s].At.Distance(demand[i].At) <= r) cover.Add(i);
            if (cover.Count == 0) continue;
            if (!seen.Add(string.Join(',', cover))) continue;
            covers.Add(cover.ToArray());
            rep.Add(s);
        }
        return new RadiusClass(radiusKm, covers, rep);
    }

    /// <summary>
    /// Sites <paramref name="batteries"/> by the covering model around the cover <paramref name="fixedBatteries"/> already give:
    /// a city a fixed battery reaches weighs nothing in the model, so the sited batteries cover the rest. Only Kyiv-held cities
    /// count, so a battery at a base outside Ukraine covers only the Ukrainian cities within its radius.
    /// </summary>
    public static AirDefenceCoverage Plan(
        Dataset dataset, IReadOnlyList<Battery> batteries, IReadOnlyList<CityPoint> cities, Geometry inner, TheatreGeometry theatre,
        Projection projection, ulong seed, GeographyOptions options, IReadOnlyList<FixedBattery>? fixedBatteries = null)
    {
        fixedBatteries ??= [];
        var demand = cities.Where(c => c.Controlled).ToArray();
        var fixedCovers = fixedBatteries.Select(f => Enumerable.Range(0, demand.Length).Where(i => f.Covers(demand[i])).ToArray()).ToArray();
        var fixedCovered = new bool[demand.Length];
        foreach (var i in fixedCovers.SelectMany(c => c)) fixedCovered[i] = true;
        var weights = demand.Select((c, i) => fixedCovered[i] ? 0 : c.Weight).ToArray();
        var sites = Candidates(cities, inner, options.GridSpacingKm);
        var parameters = MaximumCovering.Parameters(seed, options.SolverWorkers, options.SolverDeterministicTime);

        // Every SAM radius in the force or the dataset: the force's to site it, the dataset's to price one more battery.
        var systemsByRadius = batteries.Select(b => b.System)
            .Concat(dataset.EquipmentTypes.Where(e => SamCategories.Contains(e.Category) && e.RangeKm > 0))
            .GroupBy(e => e.RangeKm!.Value).OrderByDescending(g => g.Key)
            .ToDictionary(g => g.Key, g => g.Select(e => e.Id).Distinct().Order(StringComparer.Ordinal).ToArray());
        var radii = systemsByRadius.Keys.ToArray();
        var classes = radii.Select(r => Classify(r, sites, demand)).ToArray();
        var counts = radii.Select(r => batteries.Count(b => b.RadiusKm == r)).ToArray();

        FacilityClass[] Instance(int[] n) => classes.Select((c, k) => new FacilityClass(n[k], c.Covers)).ToArray();
        var solution = MaximumCovering.Solve(weights, Instance(counts), parameters);
        long Population(bool[] covered) => demand.Where((_, i) => covered[i] || fixedCovered[i]).Sum(c => c.City.Population);
        var controlledPopulation = demand.Sum(c => c.City.Population);

        // Batteries take the chosen sites of their radius class, the site covering most weight first; any left over
        // (more batteries than sites that add coverage) take the best remaining sites as a second layer.
        var positions = new Dictionary<Battery, CandidateSite?>();
        for (var k = 0; k < radii.Length; k++)
        {
            var c = classes[k];
            long SiteWeight(int s) => c.Covers[s].Sum(i => weights[i]);
            var order = solution.Chosen[k].OrderByDescending(SiteWeight).ThenBy(s => s)
                .Concat(Enumerable.Range(0, c.Covers.Count).Except(solution.Chosen[k]).OrderByDescending(SiteWeight).ThenBy(s => s)).ToArray();
            var mine = batteries.Where(b => b.RadiusKm == radii[k]).ToArray();
            for (var b = 0; b < mine.Length; b++)
                positions[mine[b]] = b < order.Length ? sites[c.Site[order[b]]] : sites.Count > 0 ? sites[0] : null;
        }

        var coveredBy = demand.Select(_ => new List<string>()).ToArray();
        var placements = new List<(Battery Battery, CandidateSite? Site, int[] Covers)>();
        foreach (var b in batteries)
        {
            var site = positions[b];
            var covers = site is null ? [] : Enumerable.Range(0, demand.Length).Where(i => site.At.Distance(demand[i].At) <= b.RadiusKm * 1000).ToArray();
            foreach (var i in covers) coveredBy[i].Add(b.Unit.Id);
            placements.Add((b, site, covers));
        }
        for (var f = 0; f < fixedBatteries.Count; f++)
            foreach (var i in fixedCovers[f]) coveredBy[i].Add(fixedBatteries[f].Battery.Unit.Id);
        var batteryResults = placements.Select(p => new BatteryPlacement(
            p.Battery.Unit.Id, p.Battery.Unit.Nation, p.Battery.System.Id, p.Battery.RadiusKm, Sidc.For(p.Battery.Unit),
            p.Site is null ? null : projection.Unproject(p.Site.At), p.Site?.Name ?? "none",
            p.Site is null ? null : Math.Round(theatre.DistanceToFrontKm(p.Site.At), 1),
            p.Covers.Select(i => demand[i].City.Name).ToArray(),
            p.Covers.Any(i => coveredBy[i].Count == 1)))
            .Concat(fixedBatteries.Select((f, k) => new BatteryPlacement(
                f.Battery.Unit.Id, f.Battery.Unit.Nation, f.Battery.System.Id, f.Battery.RadiusKm, Sidc.For(f.Battery.Unit),
                f.Position, f.Site, Math.Round(theatre.DistanceToFrontKm(f.At), 1),
                fixedCovers[k].Select(i => demand[i].City.Name).ToArray(),
                fixedCovers[k].Any(i => coveredBy[i].Count == 1)) { OutsideUkraine = f.OutsideUkraine })).ToArray();

        var demandIndex = demand.Select((c, i) => (c, i)).ToDictionary(x => x.c.City.Name, x => x.i, StringComparer.Ordinal);
        var cityResults = cities.Select(c =>
        {
            var by = demandIndex.TryGetValue(c.City.Name, out var i) && c.Controlled ? coveredBy[i] : [];
            return new CityCoverage(c.City.Name, c.City.Oblast, c.City.Population, c.Controlled, Math.Round(c.DistanceToFrontKm, 1),
                Math.Round(c.Exposure, 3), by.Count > 0, by.ToArray());
        }).ToArray();
        var covered = demand.Where((_, i) => coveredBy[i].Count > 0).Sum(c => c.City.Population);
        var baseline = Population(solution.Covered);

        var gains = new List<MarginalGain>();
        for (var k = 0; k < radii.Length; k++)
        {
            var more = (int[])counts.Clone();
            more[k]++;
            var next = MaximumCovering.Solve(weights, Instance(more), parameters, solution);
            var extra = Population(next.Covered) - baseline;
            gains.Add(new MarginalGain(string.Join("/", systemsByRadius[radii[k]]), radii[k], extra,
                controlledPopulation == 0 ? 0 : Math.Round((double)extra / controlledPopulation, 4)));
        }

        return new AirDefenceCoverage(
            batteryResults, cityResults, covered, controlledPopulation,
            controlledPopulation == 0 ? 0 : Math.Round((double)covered / controlledPopulation, 4),
            solution.Objective + demand.Where((_, i) => fixedCovered[i]).Sum(c => c.Weight), sites.Count, classes.Sum(c => c.Covers.Count), solution.Status, parameters, gains);
    }

    internal static string Km(double v) => v.ToString("0.#", CultureInfo.InvariantCulture);
}
