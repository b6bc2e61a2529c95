using Resolute.Domain;

namespace Resolute.Sourcing;

/// <summary>
/// Force generation: fills a scenario's requirement from the coalition's units with CP-SAT under the scenario's rules,
/// beside a greedy baseline, and explains every shortfall.
/// </summary>
/// <remarks>
/// <para>
/// Stages: when the scenario's weights make its objectives lexicographic in fact — one more unit of fill outweighs anything
/// the other terms can add up to, and one more nation outweighs any change in combat value, cost and fairness (checked
/// exactly on the model's integer coefficients, see <see cref="Staging"/>) — CP-SAT solves them in turn: maximum fill, then
/// maximum breadth with that fill fixed, then combat value, cost and fairness with both fixed (at ten times the weighted
/// objective's resolution; with several workers a short one-worker try comes first, which proves small instances faster), then
/// a tie-break with all three fixed. Each stage is small and its bound tight, so both seed
/// scenarios are proven optimal well inside the budget; the weighted optimum is unchanged, because a value is fixed only
/// once a stage has proved it optimal. When the weights do not dominate, or a stage runs out of budget, the rest is solved
/// as one weighted objective. The slots of one element in one formation are one cell in the model (their k! arrangements
/// are one), and interchangeable units are ordered, so the search does not revisit symmetric plans.
/// </para>
/// <para>
/// Reproducibility: CP-SAT runs with the scenario's seed, a deterministic-time budget (never wall time) and
/// <c>interleave_search</c>, so a given worker count gives the same plan on every run and machine, whether or not the
/// budget runs out. For any worker count to give the same plan, the answer must not depend on the search path: among plans
/// equal on every objective the tie-break stage (on one worker) picks the one preferring readier units, then catalog order,
/// and is solved to a zero gap, so its optimum is one set of units (up to interchangeable units, mapped to their lowest ids); that set is
/// then arranged into slots by a single-worker solve that sees only the set (never the search's own arrangement), and
/// formations of one template are put in a canonical order. So when every stage is proven optimal the plan is identical
/// for 1, 2 or 16 workers (tested on both seed scenarios). When the budget runs out first, or the weights do not allow
/// stages, plans for different worker counts can differ: CP-SAT's interleaved portfolio runs its subsolvers in batches
/// whose size and interleaving depend on the worker count. Explanation solves run on one worker. Cancellation stops the
/// search and returns the best plan found, marked <see cref="SolverReport.Stopped"/> and not proven optimal.
/// </para>
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
        var run = new Staging(inst, options, seed, progress, cancellationToken).Run(greedy);

        var plan = greedy;
        var source = "greedy";
        // A plan counts as CP-SAT's only when CP-SAT reported a solution (a search cancelled before it began hands back the greedy one).
        if (run.Plan is { } found && run.Solutions > 0)
        {
            var cp = Evaluation.Canonical(inst, Staging.Arrange(inst, found, seed, cancellationToken));
            // Rounding the objective to integers can, in a near tie, leave CP-SAT's plan a hair below the hinted greedy plan.
            if (Evaluation.Score(inst, cp) >= greedyScore - 1e-9) { plan = cp; source = "cp_sat"; }
        }
        var stopped = cancellationToken.IsCancellationRequested;
        var proven = run.Proven && !stopped && source == "cp_sat";
        var objective = Evaluation.Score(inst, plan);
        var bound = Math.Max(run.Bound ?? objective, objective) + 0.0;
        if (bound == 0) bound = 0; // no negative zero in reports
        var gap = Math.Max(0, bound - objective) / Math.Max(1e-9, Math.Abs(bound));
        var report = new SolverReport(
            run.Status, proven, stopped, objective, bound, gap, greedyScore, greedy.Count(u => u is not null),
            source, options.Workers, options.MaxDeterministicTime, seed, string.Join(" | ", run.Stages.Select(s => s.Parameters)),
            Math.Round(run.Stages.Sum(s => s.DeterministicTime), 3), run.Variables, Evaluation.Terms(inst, plan), run.Stages);

        var explanation = Explanation.None;
        if (options.Explain && !stopped && plan.Any(u => u is null))
        {
            progress?.Report(new SolveProgress(SolvePhase.Explaining, 0, null, null));
            explanation = Explanation.Of(inst, plan, new Explainer(inst, options, seed, cancellationToken), progress);
        }
        var deployment = Scheduler.Plan(inst, plan, source == "cp_sat" ? run.Foc : null, seed, cancellationToken);
        progress?.Report(new SolveProgress(SolvePhase.Done, run.Solutions, objective, bound));
        return PlanReport.Build(inst, plan, explanation, report) with { Deployment = deployment };
    }
}
