using Google.OrTools.Sat;
using Resolute.Domain;

namespace Resolute.Sourcing;

/// <summary>
/// The main solve in stages (see <see cref="ForceGenerator"/>): fill, then breadth, then the remaining terms with a
/// tie-break, each stage fixing only a value the previous one proved optimal and only when the weights make that exact.
/// </summary>
internal sealed class Staging(Instance inst, SolveOptions options, int seed, IProgress<SolveProgress>? progress, CancellationToken ct)
{
    /// <summary>An intermediate stage may use at most this share of the budget left, so the last stage always has time.</summary>
    private const double IntermediateShare = 0.5;

    /// <summary>The outcome: the best plan found (null when CP-SAT found none), its status, and an upper bound in points.</summary>
    public sealed record Result(int?[]? Plan, string Status, bool Proven, double? Bound, IReadOnlyList<SolveStage> Stages, int Variables, int Solutions)
    {
        /// <summary>The flow stage's outcome, when it ran: the day of full operating capability every later stage keeps.</summary>
        public FocStage? Foc { get; init; }
    }

    /// <summary>The flow stage: the earliest full operating capability found, CP-SAT's lower bound on it, and whether it is proven.</summary>
    public sealed record FocStage(int Day, int Bound, bool Proven);

    private FocStage? _foc;

    private readonly List<SolveStage> _stages = [];
    private double _spent;
    private int _solutions;

    public Result Run(int?[] greedy)
    {
        var best = greedy;
        long? fill = null;
        int? breadth = null;
        var w = inst.Weights;

        if (w[ObjectiveKind.Fill] > 0 && FillDominates(inst))
        {
            var (status, solver, m) = Solve("fill", new Stage(StageObjective.Fill), best, IntermediateShare);
            if (status == CpSolverStatus.Optimal && !ct.IsCancellationRequested)
            {
                fill = (long)Math.Round(solver.ObjectiveValue);
                best = Better(best, m.Assignment(solver.BooleanValue), fill, null);
            }
            else if (ct.IsCancellationRequested) return Stop(status, solver, m, best);
        }
        if (fill is not null && inst.Flow.Enabled)
        {
            // With the fill fixed, the earliest day the force is complete; every later stage keeps it (FOC before breadth).
            var (status, solver, m) = Solve("foc", new Stage(StageObjective.Foc, fill), best, IntermediateShare);
            if (Cp.HasSolution(status) && !ct.IsCancellationRequested)
            {
                var day = (int)Math.Round(solver.ObjectiveValue);
                _foc = new FocStage(day, (int)Math.Ceiling(solver.BestObjectiveBound - 1e-9), status == CpSolverStatus.Optimal);
                best = m.Assignment(solver.BooleanValue);
            }
            else if (ct.IsCancellationRequested) return Stop(status, solver, m, best);
        }
        var foc = _foc?.Day;
        if ((fill is not null || w[ObjectiveKind.Fill] <= 0) && w[ObjectiveKind.Breadth] > 0 && BreadthDominates(inst))
        {
            var (status, solver, m) = Solve("breadth", new Stage(StageObjective.Breadth, fill, Foc: foc), best, IntermediateShare);
            if (status == CpSolverStatus.Optimal && !ct.IsCancellationRequested)
            {
                breadth = (int)Math.Round(solver.ObjectiveValue);
                best = Better(best, m.Assignment(solver.BooleanValue), fill, breadth);
            }
            else if (ct.IsCancellationRequested) return Stop(status, solver, m, best);
        }

        if (!(fill is not null || w[ObjectiveKind.Fill] <= 0) || !(breadth is not null || w[ObjectiveKind.Breadth] <= 0))
        {
            // The weights do not dominate (or a stage ran out of budget): the whole weighted objective, with whatever earlier
            // stages fixed.
            var (status, solver, m) = Solve("weighted", new Stage(StageObjective.Weighted, fill, breadth, Foc: foc), best, 1);
            var found = Cp.HasSolution(status) ? m.Assignment(solver.BooleanValue) : Feasible(best, fill, breadth) ? best : null;
            double? weightedBound = Cp.HasSolution(status) ? solver.BestObjectiveBound / SourcingModel.Scale : null;
            return new Result(found, Name(status), status == CpSolverStatus.Optimal && AllOptimal(), weightedBound, _stages, m.X.Count, _solutions) { Foc = _foc };
        }

        // Fill and breadth fixed (or weightless): the rest, then among plans equal on it the tie-break.
        double Points(double rest) => ((fill ?? 0) + (breadth ?? 0) * SourcingModel.BreadthCoefficient(inst) + rest / Stage.RestResolution) / SourcingModel.Scale;
        var restStage = new Stage(StageObjective.Rest, fill, breadth, Foc: foc);
        if (options.Workers > 1 && _spent < RestTryBudget)
        {
            // A short try on one worker first: on small instances one worker proves the rest optimal several times faster than the
            // interleaved portfolio (90-day seed scenario: 0.17 deterministic seconds against 1.2 on two workers, so 0.5 s of wall
            // time against 2.5 s); when it does not, its best plan becomes the portfolio's hint. Only when the earlier stages were
            // quick: on a large catalog one worker's presolve alone outruns the try's budget (10x catalog: 1.1 deterministic
            // seconds for nothing). Both tests are on deterministic time, so the outcome is the same on every run and machine.
            var (tryStatus, trySolver, tryModel) = Solve(RestOneWorker, restStage, best, RestTryShare, workers: 1, cap: RestTryBudget);
            if (Cp.HasSolution(tryStatus)) best = Better(best, tryModel.Assignment(trySolver.BooleanValue), fill, breadth);
            if (ct.IsCancellationRequested)
                return new Result(Feasible(best, fill, breadth) ? best : null, Name(tryStatus), false, null, _stages, tryModel.X.Count, _solutions) { Foc = _foc };
            if (tryStatus == CpSolverStatus.Optimal) return Finish(trySolver, tryModel, tryStatus);
        }
        var (restStatus, restSolver, restModel) = Solve("rest", restStage, best, RestShare);
        return Finish(restSolver, restModel, restStatus);

        Result Finish(CpSolver restSolver, SourcingModel restModel, CpSolverStatus restStatus)
        {
            if (!Cp.HasSolution(restStatus))
                return new Result(Feasible(best, fill, breadth) ? best : null, Name(restStatus), false, null, _stages, restModel.X.Count, _solutions) { Foc = _foc };
            var plan = restModel.Assignment(restSolver.BooleanValue);
            var bound = Points(restSolver.BestObjectiveBound);
            if (restStatus != CpSolverStatus.Optimal || ct.IsCancellationRequested)
                return new Result(plan, Name(restStatus), false, bound, _stages, restModel.X.Count, _solutions) { Foc = _foc };

            var rest = (long)Math.Round(restSolver.ObjectiveValue);
            // One worker: the search is short and parallelises badly (on the 90-day seed scenario 0.3 deterministic seconds on one
            // worker against 1.1 on two), and its optimum is the same either way.
            // With the flow, first without it: the small model closes, so its optimum is one set of units whatever the rest stage's
            // plan was; it is taken when that set can still be complete by the flow stage's day (a schedule check on one worker).
            var (tieStatus, tieSolver, tieModel) = Solve("tie_break", new Stage(StageObjective.TieBreak, fill, breadth, rest), plan, TieBreakShare, workers: 1);
            var tied = Cp.HasSolution(tieStatus) ? tieModel.Assignment(tieSolver.BooleanValue) : null;
            if (tied is not null && (foc is not { } day || SameUnits(tied, plan) || Scheduler.CanFinishBy(inst, tied, day, seed, ct))) plan = tied;
            else if (foc is not null)
            {
                (tieStatus, tieSolver, tieModel) = Solve("tie_break_flow", new Stage(StageObjective.TieBreak, fill, breadth, rest, foc), plan, TieBreakShare, workers: 1);
                if (Cp.HasSolution(tieStatus)) plan = tieModel.Assignment(tieSolver.BooleanValue);
            }
            // Every plan the tie-break stage may return has the proven optimal rest, so the weighted optimum is proven either way.
            return new Result(plan, Name(restStatus), _stages.Where(s => !s.Name.StartsWith("tie_break", StringComparison.Ordinal)).All(s => s.Status == "optimal" || s.Name == RestOneWorker), Points(rest), _stages, restModel.X.Count, _solutions) { Foc = _foc };
        }
    }

    /// <summary>The stage name of the one-worker try at the rest (see <see cref="RestTryBudget"/>).</summary>
    private const string RestOneWorker = "rest_one_worker";

    /// <summary>The rest stage may use at most this share of the budget left, so the tie-break always has time.</summary>
    private const double RestShare = 0.8;

    /// <summary>With several workers, the one-worker try at the rest takes at most this share of the budget left, and at most <see cref="RestTryBudget"/>.</summary>
    private const double RestTryShare = 0.1;

    /// <summary>The one-worker try's cap in deterministic seconds: three times what the 90-day seed scenario needs, little against a large catalog's budget (where presolve alone takes longer, so the try finds nothing).</summary>
    private const double RestTryBudget = 0.5;

    /// <summary>
    /// The tie-break only picks among plans already proven optimal, so it may use at most this share of the budget left: on a
    /// large catalog it cannot close anyway, and the plan is then as good, only not the same for every worker count.
    /// </summary>
    private const double TieBreakShare = 0.1;

    /// <summary>Whether two plans use the same units (in whatever slots): the same set meets the same day of full operating capability.</summary>
    private static bool SameUnits(int?[] a, int?[] b) => a.OfType<int>().Order().SequenceEqual(b.OfType<int>().Order());

    private bool AllOptimal() => _stages.All(s => s.Status == "optimal");

    private static string Name(CpSolverStatus status) => status.ToString().ToLowerInvariant();

    private Result Stop(CpSolverStatus status, CpSolver solver, SourcingModel m, int?[] best)
    {
        var plan = Cp.HasSolution(status) ? Better(best, m.Assignment(solver.BooleanValue), null, null) : best;
        return new Result(plan, status.ToString().ToLowerInvariant(), false, null, _stages, m.X.Count, _solutions) { Foc = _foc };
    }

    private (CpSolverStatus, CpSolver, SourcingModel) Solve(string name, Stage stage, int?[] hint, double share, int? workers = null, double cap = double.PositiveInfinity)
    {
        var model = SourcingModel.Build(inst, _ => Enforce.Hard, Goal.Weighted, stage: stage);
        model.Hint(hint);
        var budget = Math.Max(0.01, Math.Min(cap, (options.MaxDeterministicTime - _spent) * share));
        // Staged solves use a zero gap: a value is fixed only when exact, and the tie-break must be exact for the plan to be
        // the same for every worker count. The weighted fallback stops within 0.01 points.
        var parameters = Cp.Parameters(workers ?? options.Workers, seed, budget, stage.Objective == StageObjective.Weighted ? Cp.AbsoluteGap : 0);
        var callback = new ProgressCallback(progress, inst, model, stage.Objective is StageObjective.Weighted);
        var (status, solver) = Cp.Solve(model.Model, parameters, ct, callback);
        var time = solver.Response is { } r ? r.DeterministicTime : 0;
        _spent += time;
        _solutions += callback.Solutions;
        _stages.Add(new SolveStage(name, status.ToString().ToLowerInvariant(), Math.Round(time, 3), parameters));
        return (status, solver, model);
    }

    /// <summary>The better of two plans by score, among those that keep the values fixed so far (the first always does).</summary>
    private int?[] Better(int?[] current, int?[] candidate, long? fill, int? breadth) =>
        Feasible(candidate, fill, breadth) && (!Feasible(current, fill, breadth) || Evaluation.Score(inst, candidate) > Evaluation.Score(inst, current) + 1e-9)
            ? candidate : Feasible(current, fill, breadth) ? current : candidate;

    private bool Feasible(int?[] plan, long? fill, int? breadth) =>
        (fill is null || FillValue(inst, plan) == fill) && (breadth is null || Evaluation.Breadth(inst, plan) == breadth);

    private static long FillValue(Instance inst, int?[] plan) => Enumerable.Range(0, plan.Length).Where(s => plan[s] is not null).Sum(s => SourcingModel.FillCoefficient(inst, s));

    /// <summary>Slots some usable unit can fill, and each one's usable candidates.</summary>
    private static IEnumerable<(int Slot, UnitInfo[] Units)> Candidates(Instance inst) =>
        Enumerable.Range(0, inst.Slots.Count)
            .Select(s => (s, inst.PairsOfSlot[s].Select(p => inst.Units[inst.Pairs[p].Unit]).Where(u => u.Exclusions.Count == 0).ToArray()))
            .Where(x => x.Item2.Length > 0);

    /// <summary>
    /// How far the terms below breadth (combat value, cost, fairness) can move between any two plans, in model units: each
    /// slot holds one unit, so the unit terms lie between the sums over slots of the most negative and most positive
    /// candidate; the fairness term between zero and its coefficient times the largest possible gap.
    /// </summary>
    internal static long RestSwing(Instance inst)
    {
        long hi = 0, lo = 0;
        foreach (var (_, units) in Candidates(inst))
        {
            var c = units.Select(u => SourcingModel.UnitCoefficient(inst, u.Index)).ToArray();
            hi += Math.Max(0, c.Max());
            lo += Math.Min(0, c.Min());
        }
        var fairness = inst.Weights[ObjectiveKind.Fairness] > 0 ? -SourcingModel.FairnessCoefficient(inst) * SourcingModel.MaxGapPermille(inst) : 0;
        return hi - lo + fairness;
    }

    /// <summary>How far the breadth term can move: its coefficient times the nations with a usable unit.</summary>
    internal static long BreadthSwing(Instance inst) =>
        inst.Weights[ObjectiveKind.Breadth] > 0 ? SourcingModel.BreadthCoefficient(inst) * inst.GdpShare.Count : 0;

    /// <summary>
    /// True when any two plans of different fill differ in the fill term by more than everything else can move: fill values are
    /// sums of slot coefficients, so two different ones differ by at least the coefficients' greatest common divisor.
    /// </summary>
    internal static bool FillDominates(Instance inst)
    {
        var g = Candidates(inst).Select(x => SourcingModel.FillCoefficient(inst, x.Slot)).Aggregate(0L, Gcd);
        return g > 0 && g > BreadthSwing(inst) + RestSwing(inst);
    }

    /// <summary>True when one more nation is worth more than anything combat value, cost and fairness can move.</summary>
    internal static bool BreadthDominates(Instance inst) => SourcingModel.BreadthCoefficient(inst) > RestSwing(inst);

    private static long Gcd(long a, long b) => b == 0 ? Math.Abs(a) : Gcd(b, a % b);

    /// <summary>
    /// Puts a plan's units into slots by a rule that sees only the set of units and the fill (never how the search arranged
    /// them): a single-worker CP-SAT solve with the scenario seed, which is deterministic for a given model, asks for every unit
    /// placed, the same weighted fill, and cohesion. Two searches that end with the same units therefore give the same
    /// arrangement. Falls back to the plan as given if the solve finds nothing (it cannot fail, the plan itself is a solution).
    /// </summary>
    public static int?[] Arrange(Instance inst, int?[] plan, int seed, CancellationToken ct)
    {
        var units = Evaluation.LowestOfClass(inst, plan).OfType<int>().Order().ToArray();
        if (units.Length == 0) return plan;
        var set = units.ToHashSet();
        var model = new CpModel();
        var x = new Dictionary<int, BoolVar>();
        for (var p = 0; p < inst.Pairs.Count; p++)
            if (set.Contains(inst.Pairs[p].Unit)) x[p] = model.NewBoolVar($"x{p}");
        foreach (var g in x.Keys.GroupBy(p => inst.Pairs[p].Unit)) model.AddExactlyOne(g.Select(p => x[p]));
        foreach (var g in x.Keys.GroupBy(p => inst.Pairs[p].Slot)) model.AddAtMostOne(g.Select(p => x[p]));
        var fill = LinearExpr.NewBuilder();
        foreach (var (p, v) in x) fill.AddTerm(v, SourcingModel.FillCoefficient(inst, inst.Pairs[p].Slot));
        model.Add(fill == FillValue(inst, plan));
        if (inst.IsRule(new RuleKey(RuleKind.Cohesion)))
            foreach (var f in inst.Formations)
            {
                var slots = f.Slots.ToHashSet();
                var ys = new List<BoolVar>();
                foreach (var g in x.Keys.Where(p => slots.Contains(inst.Pairs[p].Slot)).GroupBy(p => inst.Units[inst.Pairs[p].Unit].Unit.Nation, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal))
                {
                    var y = model.NewBoolVar($"in {f.Name} {g.Key}");
                    foreach (var p in g) model.AddImplication(x[p], y);
                    ys.Add(y);
                }
                if (ys.Count > inst.Scenario.Rules.Cohesion.MaxNationsPerDivision) model.Add(LinearExpr.Sum(ys) <= inst.Scenario.Rules.Cohesion.MaxNationsPerDivision);
            }
        var (status, solver) = Cp.Solve(model, Cp.SingleWorker(seed, 5), ct);
        if (!Cp.HasSolution(status)) return plan;
        var result = new int?[plan.Length];
        foreach (var (p, v) in x) if (solver.BooleanValue(v)) result[inst.Pairs[p].Slot] = inst.Pairs[p].Unit;
        return result;
    }
}
