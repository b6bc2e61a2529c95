using Resolute.Data;
using Resolute.Domain;
using Resolute.Domain.Diagnostics;

namespace Resolute.Planning;

/// <summary>A scenario to plan: the name diagnostics give it (a path, or <c>&lt;id&gt;.yaml</c>), and its text (null: read the file).</summary>
public sealed record ScenarioInput(string File, string? Text = null);

/// <summary>Everything a plan is asked for: the scenario, the scenarios its coalition is also run under, and the options.</summary>
public sealed record PlanRequest(ScenarioInput Scenario, IReadOnlyList<ScenarioInput> Compare, PlanOptions Options);

/// <summary>A plan job's outcome: the result (null when the inputs had errors) and every problem found in the inputs.</summary>
public sealed record PlanOutcome(PlanResult? Result, Scenario? Scenario, IReadOnlyList<Diagnostic> Diagnostics);

/// <summary>
/// The one plan job the CLI and the web worker both run: every input is checked first (the options, the scenario and each
/// compared scenario against the dataset), every problem reported at once, and only then does the planner run.
/// </summary>
public static class PlanJob
{
    /// <summary>Checks the request; when it is valid, plans it.</summary>
    public static PlanOutcome Run(Dataset dataset, PlanRequest request, DateTimeOffset now, IProgress<PlanProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        var (scenario, options, diagnostics) = Check(dataset, request);
        if (scenario is null || options is null) return new PlanOutcome(null, scenario, diagnostics);
        return new PlanOutcome(Planner.Run(dataset, scenario, now, options, progress, cancellationToken), scenario, diagnostics);
    }

    /// <summary>The scenario and the options with the compared scenarios, or every problem with them.</summary>
    public static (Scenario? Scenario, PlanOptions? Options, IReadOnlyList<Diagnostic> Diagnostics) Check(Dataset dataset, PlanRequest request)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        ArgumentNullException.ThrowIfNull(request);
        var diagnostics = new List<Diagnostic>(request.Options.Validate());
        Scenario? Load(ScenarioInput input)
        {
            var loaded = input.Text is null ? ScenarioFile.Load(input.File, dataset) : ScenarioFile.Parse(input.Text, input.File, dataset);
            diagnostics.AddRange(loaded.Diagnostics);
            return loaded.Value;
        }
        var scenario = Load(request.Scenario);
        var compare = request.Compare.Select(Load).ToArray();
        if (diagnostics.Exists(d => d.Severity == Severity.Error) || scenario is null || compare.Any(c => c is null)) return (null, null, diagnostics);
        return (scenario, request.Options with { Compare = compare! }, diagnostics);
    }
}
