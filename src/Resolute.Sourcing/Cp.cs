using System.Globalization;
using Google.OrTools.Sat;

namespace Resolute.Sourcing;

/// <summary>Runs CP-SAT with reproducible settings.</summary>
internal static class Cp
{
    /// <summary>
    /// The weighted fallback (see <see cref="ForceGenerator"/>) stops as optimal once the bound is within this many objective
    /// units (1/1000 of a point, so 0.01 points) of the best plan: far below any difference that matters (a slot is worth
    /// thousands of points, a nation twenty). Staged solves use a zero gap.
    /// </summary>
    public const int AbsoluteGap = 10;

    /// <summary>
    /// Reproducible parameters: a fixed seed, a deterministic-time budget (never wall time, whose cut-off depends on the
    /// machine) and <c>interleave_search</c>, which runs the subsolvers in batches in a fixed order so the result does not
    /// depend on thread timing. One task per worker in each batch: CP-SAT's default (three per worker) proved slower here,
    /// 2.6 against 4.8 deterministic seconds for the 90-day seed scenario's stages with two workers.
    /// </summary>
    public static string Parameters(int workers, int seed, double deterministicTime, long absoluteGap) =>
        string.Create(CultureInfo.InvariantCulture,
            $"num_workers:{workers} interleave_search:true interleave_batch_size:{workers} random_seed:{seed} max_deterministic_time:{Math.Round(deterministicTime, 3):R} absolute_gap_limit:{absoluteGap} log_search_progress:false");

    /// <summary>One worker, sequential search: deterministic for a given model whatever the caller's worker count.</summary>
    public static string SingleWorker(int seed, double deterministicTime) =>
        string.Create(CultureInfo.InvariantCulture, $"num_workers:1 random_seed:{seed} max_deterministic_time:{deterministicTime:R} log_search_progress:false");

    /// <summary>The scenario seed folded into CP-SAT's 31-bit seed.</summary>
    public static int Seed(ulong seed) => (int)(seed % int.MaxValue);

    public static (CpSolverStatus Status, CpSolver Solver) Solve(CpModel model, string parameters, CancellationToken ct, CpSolverSolutionCallback? callback = null)
    {
        var solver = new CpSolver { StringParameters = parameters };
        // StopSearch only stops a search under way: a cancel that came before Solve starts would be lost, so don't start.
        if (ct.IsCancellationRequested) return (CpSolverStatus.Unknown, solver);
        using var registration = ct.Register(solver.StopSearch);
        var status = callback is null ? solver.Solve(model) : solver.Solve(model, callback);
        return (status, solver);
    }

    public static bool HasSolution(CpSolverStatus s) => s is CpSolverStatus.Optimal or CpSolverStatus.Feasible;
}

/// <summary>
/// Reports each improving solution of a main-solve stage, scored on the weighted objective in points; the bound only for a
/// stage whose objective is the weighted one (other stages bound their own term).
/// </summary>
internal sealed class ProgressCallback(IProgress<SolveProgress>? progress, Instance inst, SourcingModel model, bool reportBound) : CpSolverSolutionCallback
{
    public int Solutions { get; private set; }

    public override void OnSolutionCallback()
    {
        Solutions++;
        if (progress is null) return;
        var score = Evaluation.Score(inst, model.Assignment(BooleanValue));
        progress.Report(new SolveProgress(SolvePhase.Solving, Solutions, score, reportBound ? BestObjectiveBound() / SourcingModel.Scale : null));
    }
}
