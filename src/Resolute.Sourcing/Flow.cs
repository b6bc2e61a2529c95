using Google.OrTools.Sat;
using Resolute.Domain;
using Resolute.Domain.Assumptions;
using Resolute.Domain.Diagnostics;

namespace Resolute.Sourcing;

/// <summary>One way for a unit through one border crossing, in whole days after the offer.</summary>
/// <param name="Crossing">Index into <see cref="Flow.Crossings"/>.</param>
/// <param name="Release">The first day the unit can reach the crossing: ready, prepared or loaded, and moved there.</param>
/// <param name="Days">Days the unit takes to pass the crossing at its throughput.</param>
/// <param name="PerDay">Personnel with their equipment the unit puts through the crossing each of those days.</param>
/// <param name="Onward">Days from leaving the crossing to arriving in the deployment area (with a gauge change, where there is one).</param>
/// <param name="ToCrossing">Days of travel from the garrison to the crossing.</param>
internal sealed record Route(int Crossing, int Release, int Days, int PerDay, int Onward, int ToCrossing);

/// <summary>How one unit deploys.</summary>
/// <param name="Mode">How it moves.</param>
/// <param name="Outside">True when it serves from outside Ukraine (the US backstop under its rule, long-range strike of a nation that stays outside).</param>
/// <param name="Ready">Its readiness in days after the offer.</param>
/// <param name="Setup">Days to load its trains or prepare its road move, once ready.</param>
/// <param name="Direct">The arrival day of a unit that needs no crossing (it flies, or stays at its base); null otherwise.</param>
/// <param name="Routes">Its ways through the crossings of its mode (none for a direct unit).</param>
/// <param name="Garrison">Where it leaves from.</param>
internal sealed record UnitFlow(MoveMode Mode, bool Outside, int Ready, int Setup, int? Direct, IReadOnlyList<Route> Routes, Garrison Garrison);

/// <summary>
/// The deployment flow of a scenario: each unit's routes from its garrison through the border crossings to the deployment
/// area (the most populous Kyiv-held city, which the force defends; placement picks its exact area later), and the CP-SAT
/// constraints that share each crossing's daily throughput among the units that pass it. Days count from the offer.
/// </summary>
internal sealed class Flow
{
    public IReadOnlyList<Crossing> Crossings { get; }
    /// <summary>Each unit's flow (by <see cref="UnitInfo.Index"/>); all null when the flow is unavailable.</summary>
    public IReadOnlyList<UnitFlow?> Units { get; }
    /// <summary>Why there is no flow (no crossings in the dataset, units without a garrison, no city to deploy to); null when there is.</summary>
    public string? Unavailable { get; }
    public City? Destination { get; }
    public IReadOnlyList<PlanAssumption> Assumptions { get; }
    public int HorizonDays { get; }
    /// <summary>An upper bound on any schedule's last arrival.</summary>
    public int MaxDay { get; }

    public bool Enabled => Unavailable is null;

    private Flow(IReadOnlyList<Crossing> crossings, IReadOnlyList<UnitFlow?> units, string? unavailable, City? destination, IReadOnlyList<PlanAssumption> assumptions, int horizon)
    {
        Crossings = crossings;
        Units = units;
        Unavailable = unavailable;
        Destination = destination;
        Assumptions = assumptions;
        HorizonDays = horizon;
        var flows = units.OfType<UnitFlow>().ToArray();
        MaxDay = flows.Select(f => f.Direct ?? f.Routes.Select(r => r.Release + r.Onward).DefaultIfEmpty(0).Max()).DefaultIfEmpty(0).Max()
            + flows.Sum(f => f.Routes.Select(r => r.Days).DefaultIfEmpty(0).Max()) + 1;
    }

    /// <summary>The scenario's deployment rates, or every problem with them.</summary>
    public static (IReadOnlyList<PlanAssumption>? Values, IReadOnlyList<Diagnostic> Diagnostics) Rates(Scenario s)
    {
        var (a, diagnostics) = AssumptionCatalogue.Resolve<DeploymentParameter>(s.Assumptions, s.AssumptionsAt);
        if (a is null) return (null, diagnostics);
        return (a.Select(x => new PlanAssumption(x.Id, x.Description, x.Value, x.Unit, x.Reference, s.Assumptions.Any(y => y.Id == x.Id))).ToArray(), diagnostics);
    }

    public static Flow Of(Dataset dataset, Scenario scenario, IReadOnlyList<UnitInfo> units, IReadOnlyList<PlanAssumption> rates, Func<UnitInfo, bool> outside)
    {
        double R(DeploymentParameter p) => rates[(int)p].Value;
        var horizon = (int)R(DeploymentParameter.HorizonDays);
        var crossings = dataset.Crossings.OrderBy(c => c.Id, StringComparer.Ordinal).ToArray();
        var destination = dataset.Cities.MaxBy(c => c.Population);
        var none = new UnitFlow?[units.Count];
        if (crossings.Length == 0) return new Flow(crossings, none, "the dataset has no border crossings (crossings.csv)", destination, rates, horizon);
        if (destination is null) return new Flow(crossings, none, "the dataset has no Ukrainian city to deploy to", destination, rates, horizon);
        var homeless = units.Where(u => dataset.GarrisonOf(u.Unit) is null).Select(u => u.Unit.Nation).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray();
        if (homeless.Length > 0)
            return new Flow(crossings, none, $"units of {string.Join(", ", homeless)} have no garrison in the dataset (garrisons.csv)", destination, rates, horizon);

        var factor = R(DeploymentParameter.RouteFactor);
        int Travel(LonLat a, LonLat b, double kmPerDay) => (int)Math.Ceiling(Km(a, b) * factor / kmPerDay - 1e-9);
        var flows = new UnitFlow?[units.Count];
        foreach (var u in units)
        {
            var garrison = dataset.GarrisonOf(u.Unit)!;
            var mode = MoveModes.Of(u.Unit);
            var ready = u.Unit.ReadinessDays;
            var isOutside = outside(u);
            if (mode == MoveMode.Air || isOutside)
            {
                var direct = ready + (mode == MoveMode.Air ? (int)R(DeploymentParameter.AirDeploymentDays) : 0);
                flows[u.Index] = new UnitFlow(mode, isOutside, ready, 0, direct, [], garrison);
                continue;
            }
            var rate = mode == MoveMode.Rail ? R(DeploymentParameter.RailKmPerDay) : R(DeploymentParameter.RoadKmPerDay);
            var setup = (int)R(mode == MoveMode.Rail ? DeploymentParameter.RailLoadingDays : DeploymentParameter.RoadPreparationDays);
            var routes = new List<Route>();
            for (var c = 0; c < crossings.Length; c++)
            {
                var x = crossings[c];
                if (x.Mode != mode || x.CapacityPerDay <= 0) continue;
                var days = Math.Max(1, (u.Personnel + x.CapacityPerDay - 1) / x.CapacityPerDay);
                var perDay = Math.Min(x.CapacityPerDay, Math.Max(1, (u.Personnel + days - 1) / days));
                var toCrossing = Travel(garrison.Location, x.Location, rate);
                var onward = Travel(x.Location, destination.Location, rate) + (x.GaugeChange ? (int)R(DeploymentParameter.GaugeChangeDays) : 0);
                routes.Add(new Route(c, ready + setup + toCrossing, days, perDay, onward, toCrossing));
            }
            // A unit of a mode no crossing serves cannot deploy: it has no route, and the model keeps it out of the plan.
            flows[u.Index] = new UnitFlow(mode, false, ready, setup, null, routes, garrison);
        }
        return new Flow(crossings, flows, null, destination, rates, horizon);
    }

    /// <summary>The great-circle distance in km.</summary>
    public static double Km(LonLat a, LonLat b)
    {
        const double EarthRadiusKm = 6371.0088;
        static double Rad(double d) => d * Math.PI / 180;
        var dLat = Rad(b.Lat - a.Lat);
        var dLon = Rad(b.Lon - a.Lon);
        var h = Math.Sin(dLat / 2) * Math.Sin(dLat / 2) + Math.Cos(Rad(a.Lat)) * Math.Cos(Rad(b.Lat)) * Math.Sin(dLon / 2) * Math.Sin(dLon / 2);
        return 2 * EarthRadiusKm * Math.Asin(Math.Min(1, Math.Sqrt(h)));
    }

    /// <summary>The variables of one unit's route in a model.</summary>
    internal sealed record RouteVars(int Unit, Route Route, BoolVar Present, IntVar Start);

    /// <summary>
    /// Adds the flow to <paramref name="model"/> for the units in <paramref name="used"/> (each with the literal that is true
    /// when the unit is in the plan): each used unit takes exactly one route through a crossing of its mode, no earlier than
    /// its release, as an optional interval; the intervals at each crossing share its daily throughput (a cumulative
    /// constraint); and the returned day of full operating capability is at least every used unit's arrival.
    /// </summary>
    public (IntVar Foc, IReadOnlyList<RouteVars> Routes) AddTo(CpModel model, IReadOnlyDictionary<int, BoolVar> used)
    {
        var foc = model.NewIntVar(0, MaxDay, "foc");
        var vars = new List<RouteVars>();
        var atCrossing = Crossings.Select(_ => new List<(IntervalVar, long)>()).ToArray();
        foreach (var (u, lit) in used.OrderBy(kv => kv.Key))
        {
            if (Units[u] is not { } f) continue;
            if (f.Direct is { } day)
            {
                model.Add(foc >= day).OnlyEnforceIf(lit);
                continue;
            }
            if (f.Routes.Count == 0)
            {
                model.Add(lit == 0);
                continue;
            }
            var presences = new List<BoolVar>();
            foreach (var r in f.Routes)
            {
                var p = model.NewBoolVar($"route {u} {r.Crossing}");
                var start = model.NewIntVar(r.Release, MaxDay, $"start {u} {r.Crossing}");
                var interval = model.NewOptionalFixedSizeIntervalVar(start, r.Days, p, $"cross {u} {r.Crossing}");
                atCrossing[r.Crossing].Add((interval, r.PerDay));
                model.Add(foc >= start + (r.Days + r.Onward)).OnlyEnforceIf(p);
                presences.Add(p);
                vars.Add(new RouteVars(u, r, p, start));
            }
            // Exactly one route when used, none otherwise.
            model.Add(LinearExpr.Sum(presences) == lit);
        }
        for (var c = 0; c < Crossings.Count; c++)
        {
            if (atCrossing[c].Count == 0) continue;
            var cumulative = model.AddCumulative(Crossings[c].CapacityPerDay);
            foreach (var (interval, demand) in atCrossing[c]) cumulative.AddDemand(interval, demand);
        }
        return (foc, vars);
    }

    /// <summary>A unit's arrival in a schedule: its direct day, or the end of its crossing plus onward travel.</summary>
    public int Arrival(int unit, (Route Route, int Start)? crossing) =>
        Units[unit]!.Direct ?? crossing!.Value.Start + crossing.Value.Route.Days + crossing.Value.Route.Onward;
}
