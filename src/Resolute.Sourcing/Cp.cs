using System.Globalization;
using Google.OrTools.Sat;

namespace Resolute.Sourcing;

/// <summary>Runs CP-SAT with reproducible settings.</summary>
internal static class Cp
{
    /// <summary>
    /// The search stops as optimal once the bound is within this many objective units (1/1000 of a point, so 0.01 points) of
    /// the best plan: far below any difference that matters (a slot is worth thousands of points, a nation twenty), and it
    /// spares seconds spent proving the last thousandths of the combat-value and fairness terms.
    /// </summary>
    public const int AbsoluteGap = 10;

    /// <summary>
    /// Reproducible parameters: a fixed seed, a deterministic-time budget (never wall time, whose cut-off depends on the
    /// machine) and, with more than one worker, <c>interleave_search</c>, which runs the workers' subsolvers in a fixed
    /// interleaved order so the result does not depend on thread timing.
    /// </summary>
    public static string Parameters(int workers, int seed, double deterministicTime) =>
        string.Create(CultureInfo.InvariantCulture,
            $"num_workers:{workers} interleave_search:true random_seed:{seed} max_deterministic_time:{deterministicTime:R} absolute_gap_limit:{AbsoluteGap} log_search_progress:false");

    /// <summary>The scenario seed folded into CP-SAT's 31-bit seed.</summary>
    public static int Seed(ulong seed) => (int)(seed % int.MaxValue);

    public static (CpSolverStatus Status, CpSolver Solver) Solve(CpModel model, string parameters, CancellationToken ct, CpSolverSolutionCallback? callback = null)
    {
        var solver = new CpSolver { StringParameters = parameters };
        using var registration = ct.Register(solver.StopSearch);
        var status = callback is null ? solver.Solve(model) : solver.Solve(model, callback);
        return (status, solver);
    }

    public static bool HasSolution(CpSolverStatus s) => s is CpSolverStatus.Optimal or CpSolverStatus.Feasible;
}

/// <summary>Reports each improving solution of the main solve, with the bound, in points.</summary>
internal sealed class ProgressCallback(IProgress<SolveProgress>? progress) : CpSolverSolutionCallback
{
    public int Solutions { get; private set; }

    public override void OnSolutionCallback()
    {
        Solutions++;
        progress?.Report(new SolveProgress(SolvePhase.Solving, Solutions, ObjectiveValue() / SourcingModel.Scale, BestObjectiveBound() / SourcingModel.Scale));
    }
}
