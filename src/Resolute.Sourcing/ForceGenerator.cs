using Google.OrTools.Sat;
using Resolute.Domain;

namespace Resolute.Sourcing;

/// <summary>
/// Force generation: fills a scenario's requirement from the coalition's units with CP-SAT under the scenario's rules,
/// beside a greedy baseline, and explains every shortfall.
/// </summary>
/// <remarks>
/// Reproducibility: CP-SAT runs with the scenario's seed, a deterministic-time budget (never wall time) and
/// <c>interleave_search</c>, so a given worker count gives the same plan on every run and machine, whether or not the
/// budget runs out. The solution is then mapped to one representative of its symmetry class (interchangeable units, slots
/// of one element, formations of one template), so when the search completes (proven optimal) the plan is also the same
/// for any worker count. When the budget runs out first, plans for different worker counts can differ: CP-SAT's
/// interleaved portfolio has one subsolver per worker. Explanation solves run on one worker. Cancellation stops the
/// search and returns the best plan found, marked <see cref="SolverReport.Stopped"/> and not proven optimal.
/// </remarks>
public static class ForceGenerator
{
    /// <summary>Plans the force. Never throws for an infeasible requirement: the plan carries the shortfalls instead.</summary>
    /// <exception cref="ArgumentException">When <paramref name="options"/> are invalid (see <see cref="SolveOptions.Validate"/>).</exception>
    public static ForcePlan Solve(Dataset dataset, Scenario scenario, SolveOptions? options = null, IProgress<SolveProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        ArgumentNullException.ThrowIfNull(scenario);
        options ??= SolveOptions.Default;
        var errors = options.Validate();
        if (errors.Count > 0) throw new ArgumentException(string.Join("; ", errors), nameof(options));

        var inst = new Instance(dataset, scenario);
        var seed = Cp.Seed(scenario.Seed);

        progress?.Report(new SolveProgress(SolvePhase.Greedy, 0, null, null));
        var greedy = Greedy.Plan(inst);
        var greedyScore = Evaluation.Score(inst, greedy);

        progress?.Report(new SolveProgress(SolvePhase.Solving, 0, greedyScore, null));
        var model = SourcingModel.Build(inst, _ => Enforce.Hard, Goal.Weighted);
        model.Hint(greedy);
        var parameters = Cp.Parameters(options.Workers, seed, options.MaxDeterministicTime);
        var callback = new ProgressCallback(progress);
        var (status, solver) = Cp.Solve(model.Model, parameters, cancellationToken, callback);

        var plan = greedy;
        var source = "greedy";
        if (Cp.HasSolution(status))
        {
            var cp = Evaluation.Canonical(inst, model.Assignment(x => solver.BooleanValue(x)));
            // Rounding the objective to integers can, in a near tie, leave CP-SAT's plan a hair below the hinted greedy plan.
            if (Evaluation.Score(inst, cp) >= greedyScore - 1e-9) { plan = cp; source = "cp_sat"; }
        }
        var stopped = cancellationToken.IsCancellationRequested;
        var proven = status == CpSolverStatus.Optimal && !stopped && source == "cp_sat";
        var objective = Evaluation.Score(inst, plan);
        var bound = Cp.HasSolution(status) ? solver.BestObjectiveBound / SourcingModel.Scale + 0.0 : objective;
        if (bound == 0) bound = 0; // no negative zero in reports
        var gap = Math.Max(0, bound - objective) / Math.Max(1e-9, Math.Abs(bound));
        var report = new SolverReport(
            status.ToString().ToLowerInvariant(), proven, stopped, objective, bound, gap, greedyScore, greedy.Count(u => u is not null),
            source, options.Workers, options.MaxDeterministicTime, seed, parameters, DeterministicTime(solver),
            model.X.Count, Evaluation.Terms(inst, plan));

        var explanation = Explanation.None;
        if (options.Explain && !stopped && plan.Any(u => u is null))
        {
            progress?.Report(new SolveProgress(SolvePhase.Explaining, 0, null, null));
            explanation = Explanation.Of(inst, plan, new Explainer(inst, options, seed, cancellationToken), progress);
        }
        progress?.Report(new SolveProgress(SolvePhase.Done, callback.Solutions, objective, bound));
        return PlanReport.Build(inst, plan, explanation, report);
    }

    private static double DeterministicTime(CpSolver solver) =>
        solver.Response is { } r ? Math.Round(r.DeterministicTime, 3) : 0;
}
