using System.Globalization;
using Google.OrTools.Sat;
using Resolute.Domain;

namespace Resolute.Sourcing;

/// <summary>
/// When the planned force arrives: each unit's timeline from the offer (ready, leaves, crosses the border, arrives), the
/// build-up in place by day, initial and full operating capability, what sets the date, and the load on each crossing.
/// Days count from the offer date.
/// </summary>
/// <remarks>
/// <para><c>Available</c>: False when the dataset has no crossings or garrisons; <c>Unavailable</c> then says why and the lists are empty.</para>
/// <para><c>Ioc</c>: The first day a formation of the requirement is complete in place with air and missile defence in place; null when none is.</para>
/// <para><c>Foc</c>: The day the last planned unit is in place; when the requirement is not filled, the planned force only (<c>Complete</c> says which).</para>
/// <para><c>FocBound</c>: CP-SAT's lower bound on the day of full operating capability over every plan of the same fill; equal to the day when proven.</para>
/// <para><c>WithinHorizon</c>: False when the force is complete only after the deployment horizon.</para>
/// </remarks>
public sealed record DeploymentPlan(
    bool Available, string? Unavailable, DateOnly OfferDate, int HorizonDays, string? Destination,
    IReadOnlyList<UnitMove> Moves, IReadOnlyList<BuildUpStep> BuildUp, Milestone? Ioc, Milestone? Foc, bool Complete,
    int? FocBound, bool FocProven, bool WithinHorizon, CriticalPath? Critical, IReadOnlyList<CrossingLoad> Crossings, IReadOnlyList<PlanAssumption> Assumptions);

/// <summary>One unit's move, in days after the offer.</summary>
/// <remarks>
/// <para><c>ReadyDay</c>: Offer + the unit's readiness (notice to move).</para>
/// <para><c>DepartDay</c>: Ready + loading (rail) or preparation (road).</para>
/// <para><c>Crossing</c>: The border crossing it uses; null for aircraft and units that serve from outside Ukraine.</para>
/// <para><c>WaitDays</c>: Days it waits at the crossing for throughput.</para>
/// <para><c>OutsideUkraine</c>: True when it serves from its base outside Ukraine.</para>
/// </remarks>
public sealed record UnitMove(
    string Unit, string UnitName, string Nation, UnitKind Kind, string? Formation, string Role, MoveMode Mode, bool OutsideUkraine, string Garrison,
    string? Crossing, int Personnel, int ReadyDay, int DepartDay, int? CrossStartDay, int? CrossEndDay, int WaitDays, int ArrivalDay);

/// <summary>What is in place from <c>Day</c> on: a step of the build-up.</summary>
public sealed record BuildUpStep(int Day, int Units, int Personnel, int ManoeuvreBrigades, int AirDefenceUnits, int FighterSquadrons);

/// <summary>A day after the offer, its date, and what it means.</summary>
public sealed record Milestone(int Day, DateOnly Date, string Text);

/// <summary>What sets the day of full operating capability: the last unit in place and why it is last.</summary>
/// <remarks><para><c>Cause</c>: <c>readiness</c>, <c>crossing</c> (it waited for throughput) or <c>travel</c>.</para></remarks>
public sealed record CriticalPath(string Unit, string UnitName, string Nation, string Cause, string? Crossing, string Text);

/// <summary>The load on one crossing: units and personnel through it, the days it is in use, and its busiest day.</summary>
public sealed record CrossingLoad(string Crossing, string Name, string From, MoveMode Mode, int CapacityPerDay, int Units, int Personnel, int FirstDay, int LastDay, int PeakPerDay);

/// <summary>Schedules a plan's units through the crossings and reports it (see <see cref="DeploymentPlan"/>).</summary>
internal static class Scheduler
{
    /// <summary>Deterministic-time budget of a schedule's feasibility and least-FOC solves.</summary>
    private const double Budget = 5;

    /// <summary>
    /// Budget of the last solve, which only spreads arrivals earlier without moving FOC: the best found within it is kept, so
    /// a plan does not spend seconds polishing days that change no milestone.
    /// </summary>
    private const double PolishBudget = 0.5;

    public static DeploymentPlan Plan(Instance inst, int?[] plan, Staging.FocStage? stage, int seed, CancellationToken ct)
    {
        var flow = inst.Flow;
        var s = inst.Scenario;
        var offer = s.Offer;
        if (!flow.Enabled)
            return new DeploymentPlan(false, flow.Unavailable, offer, flow.HorizonDays, null, [], [], null, null, false, null, false, true, null, [], flow.Assumptions);

        var slotOf = new Dictionary<int, int>();
        for (var i = 0; i < plan.Length; i++) if (plan[i] is { } u) slotOf[u] = i;
        var units = slotOf.Keys.Order().ToArray();
        var chosen = Solve(inst, units, stage?.Day, seed, ct);

        var moves = units.Select(u => Move(inst, u, inst.Slots[slotOf[u]], chosen.GetValueOrDefault(u))).ToArray();
        var complete = plan.All(u => u is not null);
        var buildUp = BuildUp(inst, moves);
        var last = moves.Length == 0 ? null : moves.MaxBy(m => (m.ArrivalDay, -Array.IndexOf(moves, m)));
        var critical = last is null ? null : Critical(inst, last, moves);
        var what = complete ? "full operating capability: every unit of the requirement in place" : "the planned force in place (the requirement is not filled)";
        // A feasible but too slow flow: say so, and what holds it back.
        if (last is not null && last.ArrivalDay > flow.HorizonDays) what = $"{(complete ? "full operating capability" : "the planned force")} not reached within the {flow.HorizonDays}-day horizon: {critical!.Text}";
        Milestone? foc = last is null ? null : new Milestone(last.ArrivalDay, offer.AddDays(last.ArrivalDay), what);
        return new DeploymentPlan(true, null, offer, flow.HorizonDays, flow.Destination?.Name, moves, buildUp, Ioc(inst, plan, moves, offer), foc, complete,
            stage?.Bound, stage?.Proven ?? false, last is null || last.ArrivalDay <= flow.HorizonDays, critical, Loads(inst, moves), flow.Assumptions);
    }

    /// <summary>Whether the plan's units can all be in place by <paramref name="day"/> (one worker, so the answer is the same for any worker count).</summary>
    public static bool CanFinishBy(Instance inst, int?[] plan, int day, int seed, CancellationToken ct)
    {
        var model = new CpModel();
        var used = plan.OfType<int>().Distinct().Order().ToDictionary(u => u, u =>
        {
            var b = model.NewBoolVar($"used {u}");
            model.Add(b == 1);
            return b;
        });
        var (foc, _) = inst.Flow.AddTo(model, used);
        model.Add(foc <= day);
        return Cp.HasSolution(Cp.Solve(model, Cp.SingleWorker(seed, Budget), ct).Status);
    }

    /// <summary>
    /// The schedule of a fixed set of units: complete by <paramref name="cap"/> (the flow stage's day, which these units
    /// allow) or, without it, by the least day found; then, with that fixed, the least sum of arrivals found in a short
    /// search, so units do not wait needlessly. One worker, so the schedule is the same for any worker count.
    /// </summary>
    private static Dictionary<int, (Route Route, int Start)> Solve(Instance inst, int[] units, int? cap, int seed, CancellationToken ct)
    {
        var result = new Dictionary<int, (Route, int)>();
        if (units.All(u => inst.Flow.Units[u]!.Direct is not null)) return result;
        CpModel Build(out IntVar foc, out IReadOnlyList<Flow.RouteVars> routes, out LinearExpr arrivals)
        {
            var model = new CpModel();
            var used = units.ToDictionary(u => u, u =>
            {
                var b = model.NewBoolVar($"used {u}");
                model.Add(b == 1);
                return b;
            });
            (foc, routes) = inst.Flow.AddTo(model, used);
            var sum = LinearExpr.NewBuilder();
            foreach (var g in routes.GroupBy(r => r.Unit))
            {
                var arrival = model.NewIntVar(0, inst.Flow.MaxDay, $"arrival {g.Key}");
                foreach (var r in g) model.Add(arrival >= r.Start + (r.Route.Days + r.Route.Onward)).OnlyEnforceIf(r.Present);
                sum.Add(arrival);
            }
            arrivals = sum;
            return model;
        }

        // The flow stage's day is already the least these units allow (its plans were chosen to meet it), so only without it
        // is the least FOC searched first.
        var day = cap;
        if (day is null)
        {
            var first = Build(out var foc1, out _, out _);
            first.Minimize(foc1);
            var (status1, solver1) = Cp.Solve(first, Cp.SingleWorker(seed, Budget), ct);
            if (Cp.HasSolution(status1)) day = (int)Math.Round(solver1.ObjectiveValue);
        }
        var second = Build(out var foc2, out var routes, out var arrivals);
        if (day is { } d) second.Add(foc2 <= d);
        second.Minimize(arrivals);
        var (status2, solver2) = Cp.Solve(second, Cp.SingleWorker(seed, PolishBudget), ct);
        // A short search that found no schedule at all gets the full budget.
        if (!Cp.HasSolution(status2)) (status2, solver2) = Cp.Solve(second, Cp.SingleWorker(seed, Budget), ct);
        if (!Cp.HasSolution(status2)) return result;
        foreach (var r in routes)
            if (solver2.BooleanValue(r.Present)) result[r.Unit] = (r.Route, (int)solver2.Value(r.Start));
        return result;
    }

    private static UnitMove Move(Instance inst, int u, Slot slot, (Route Route, int Start) crossing)
    {
        var info = inst.Units[u];
        var f = inst.Flow.Units[u]!;
        var unit = info.Unit;
        var routed = f.Direct is null && crossing.Route is not null;
        var arrival = f.Direct ?? (routed ? inst.Flow.Arrival(u, crossing) : inst.Flow.MaxDay);
        return new UnitMove(unit.Id, unit.Name, unit.Nation, unit.Kind, slot.Formation, slot.Element.Role, f.Mode, f.Outside, f.Garrison.Name,
            routed ? inst.Flow.Crossings[crossing.Route!.Crossing].Id : null, unit.Personnel, f.Ready, f.Ready + f.Setup,
            routed ? crossing.Start : null, routed ? crossing.Start + crossing.Route!.Days : null,
            routed ? crossing.Start - crossing.Route!.Release : 0, arrival);
    }

    private static BuildUpStep[] BuildUp(Instance inst, UnitMove[] moves)
    {
        var steps = new List<BuildUpStep>();
        foreach (var day in moves.Select(m => m.ArrivalDay).Distinct().Order())
        {
            var inPlace = moves.Where(m => m.ArrivalDay <= day).ToArray();
            steps.Add(new BuildUpStep(day, inPlace.Length, inPlace.Sum(m => m.Personnel), inPlace.Count(m => m.Kind == UnitKind.ManoeuvreBrigade),
                inPlace.Count(m => m.Kind is UnitKind.Amd or UnitKind.Shorad), inPlace.Count(m => m.Kind == UnitKind.FighterSquadron)));
        }
        return [.. steps];
    }

    /// <summary>
    /// Initial operating capability: the first formation of the requirement complete in place, with air and missile defence
    /// (a unit of kind <c>amd</c>) in place over the deployment area.
    /// </summary>
    private static Milestone? Ioc(Instance inst, int?[] plan, UnitMove[] moves, DateOnly offer)
    {
        var byUnit = moves.ToDictionary(m => m.Unit, StringComparer.Ordinal);
        int? Day(int u) => byUnit.TryGetValue(inst.Units[u].Unit.Id, out var m) ? m.ArrivalDay : null;
        var formations = inst.Formations.Where(f => f.Slots.All(sl => plan[sl] is not null))
            .Select(f => (f.Name, Day: f.Slots.Max(sl => Day(plan[sl]!.Value) ?? int.MaxValue))).OrderBy(x => x.Day).ThenBy(x => x.Name, StringComparer.Ordinal).ToArray();
        var amd = moves.Where(m => m.Kind == UnitKind.Amd).OrderBy(m => m.ArrivalDay).FirstOrDefault();
        if (formations.Length == 0 || amd is null) return null;
        var day = Math.Max(formations[0].Day, amd.ArrivalDay);
        return new Milestone(day, offer.AddDays(day), $"initial operating capability: {formations[0].Name} complete (day {formations[0].Day}) with air and missile defence in place ({amd.UnitName}, day {amd.ArrivalDay})");
    }

    private static CriticalPath Critical(Instance inst, UnitMove last, UnitMove[] moves)
    {
        string text, cause;
        if (last.Crossing is null)
        {
            cause = "readiness";
            text = last.Mode == MoveMode.Air
                ? $"{last.UnitName} ({last.Nation}) is ready on day {last.ReadyDay} and flies in by day {last.ArrivalDay}"
                : $"{last.UnitName} ({last.Nation}) is ready at its base on day {last.ReadyDay}";
        }
        else if (last.WaitDays > 0)
        {
            cause = "crossing";
            var crossing = inst.Flow.Crossings.First(c => c.Id == last.Crossing);
            var busyFrom = BusyFrom(crossing, moves, last.CrossStartDay!.Value);
            text = $"{last.UnitName} ({last.Nation}) waits {last.WaitDays} day{(last.WaitDays == 1 ? "" : "s")} at {crossing.Name}, at capacity ({crossing.CapacityPerDay:N0} a day) from day {busyFrom}";
        }
        else
        {
            var travel = last.ArrivalDay - last.DepartDay - (last.CrossEndDay - last.CrossStartDay ?? 0);
            cause = last.ReadyDay >= travel ? "readiness" : "travel";
            text = cause == "readiness"
                ? $"{last.UnitName} ({last.Nation}) is ready only on day {last.ReadyDay}, then needs {last.ArrivalDay - last.ReadyDay} days to arrive"
                : $"{last.UnitName} ({last.Nation}) is ready on day {last.ReadyDay} but needs {last.ArrivalDay - last.ReadyDay} days to travel from {last.Garrison}";
        }
        return new CriticalPath(last.Unit, last.UnitName, last.Nation, cause, last.Crossing, text.ToString(CultureInfo.InvariantCulture));
    }

    /// <summary>The first day of the unbroken run of full days at a crossing that ends when <paramref name="until"/> begins.</summary>
    private static int BusyFrom(Crossing crossing, UnitMove[] moves, int until)
    {
        var load = DailyLoad(crossing, moves);
        var day = until - 1;
        while (day >= 0 && load.GetValueOrDefault(day) * 10 >= crossing.CapacityPerDay * 9) day--;
        return day + 1;
    }

    private static Dictionary<int, int> DailyLoad(Crossing crossing, IEnumerable<UnitMove> moves)
    {
        var load = new Dictionary<int, int>();
        foreach (var m in moves.Where(m => m.Crossing == crossing.Id))
        {
            var days = m.CrossEndDay!.Value - m.CrossStartDay!.Value;
            var perDay = (m.Personnel + days - 1) / days;
            for (var d = m.CrossStartDay.Value; d < m.CrossEndDay; d++) load[d] = load.GetValueOrDefault(d) + Math.Min(crossing.CapacityPerDay, perDay);
        }
        return load;
    }

    private static CrossingLoad[] Loads(Instance inst, UnitMove[] moves) =>
        inst.Flow.Crossings.Select(c => (c, Through: moves.Where(m => m.Crossing == c.Id).ToArray())).Where(x => x.Through.Length > 0)
            .Select(x => new CrossingLoad(x.c.Id, x.c.Name, x.c.From, x.c.Mode, x.c.CapacityPerDay, x.Through.Length, x.Through.Sum(m => m.Personnel),
                x.Through.Min(m => m.CrossStartDay!.Value), x.Through.Max(m => m.CrossEndDay!.Value) - 1, DailyLoad(x.c, x.Through).Values.Max()))
            .ToArray();
}
