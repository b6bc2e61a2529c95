using Resolute.Domain.Diagnostics;

namespace Resolute.Sourcing;

/// <summary>
/// How hard to search. The search budget is CP-SAT's <em>deterministic</em> time, never wall time, so the same inputs give
/// the same plan on any machine (see <see cref="ForceGenerator"/> for worker counts).
/// </summary>
/// <param name="Workers">CP-SAT workers for the main solve (1–16). Explanation solves always use one.</param>
/// <param name="MaxDeterministicTime">Deterministic-time budget of the main solve (CP-SAT units, roughly seconds).</param>
/// <param name="Explain">When true and the requirement is not filled, find binding rules and ranked suggestions.</param>
/// <param name="ExplainDeterministicTime">Deterministic-time budget of each explanation solve.</param>
/// <param name="MaxSuggestions">At most this many suggestions are evaluated and returned.</param>
public sealed record SolveOptions(
    int Workers = 2, double MaxDeterministicTime = 10, bool Explain = true, double ExplainDeterministicTime = 1, int MaxSuggestions = 8)
{
    /// <summary>The defaults.</summary>
    public static SolveOptions Default { get; } = new();

    /// <summary>Every invalid option, in one list (empty when the options are valid).</summary>
    public IReadOnlyList<Diagnostic> Validate()
    {
        var errors = new List<Diagnostic>();
        if (Workers is < 1 or > 16) errors.Add(Diagnostic.Setting("workers", Messages.OutOfRange("1 to 16 workers", Workers)));
        if (!(MaxDeterministicTime > 0) || double.IsInfinity(MaxDeterministicTime))
            errors.Add(Diagnostic.Setting("max_deterministic_time", Messages.OutOfRange("a positive, finite deterministic time", MaxDeterministicTime)));
        if (!(ExplainDeterministicTime > 0) || double.IsInfinity(ExplainDeterministicTime))
            errors.Add(Diagnostic.Setting("explain_deterministic_time", Messages.OutOfRange("a positive, finite deterministic time", ExplainDeterministicTime)));
        if (MaxSuggestions < 0) errors.Add(Diagnostic.Setting("max_suggestions", Messages.OutOfRange("0 or more suggestions", MaxSuggestions)));
        return errors;
    }
}

/// <summary>What the solver is doing.</summary>
public enum SolvePhase { Greedy, Solving, Explaining, Done }

/// <summary>A progress report: the phase, and during the main solve the best objective so far and the bound (points).</summary>
public sealed record SolveProgress(SolvePhase Phase, int Solutions, double? Objective, double? Bound);
