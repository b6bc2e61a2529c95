using Resolute.Data;
using Resolute.Domain;
using Resolute.Domain.Diagnostics;

namespace Resolute.Planning;

/// <summary>A scenario to plan: the name diagnostics give it (a path, or <c>&lt;id&gt;.yaml</c>), and its text (null: read the file).</summary>
public sealed record ScenarioInput(string File, string? Text = null);

/// <summary>Everything a plan is asked for: the scenario, the scenarios its coalition is also run under, and the options.</summary>
public sealed record PlanRequest(ScenarioInput Scenario, IReadOnlyList<ScenarioInput> Compare, PlanOptions Options);

/// <summary>A request whose inputs all loaded: the scenario, and the options with the compared scenarios in them.</summary>
public sealed record CheckedPlan(Dataset Dataset, Scenario Scenario, PlanOptions Options)
{
    /// <summary>Plans it.</summary>
    public PlanResult Run(DateTimeOffset now, IProgress<PlanProgress>? progress = null, CancellationToken cancellationToken = default) =>
        Planner.Run(Dataset, Scenario, now, Options, progress, cancellationToken);
}

/// <summary>
/// The one plan job the CLI and the web worker both run: every input is checked first (the options, the scenario and each
/// compared scenario against the dataset, then the work they call for against <see cref="PlanOptions.Limits"/>), every
/// problem reported at once, and only a checked plan can be run.
/// </summary>
public static class PlanJob
{
    /// <summary>The checked plan, or null with every problem in the request's inputs (warnings come either way).</summary>
    public static (CheckedPlan? Plan, IReadOnlyList<Diagnostic> Diagnostics) Check(Dataset dataset, PlanRequest request)
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
        if (diagnostics.Exists(d => d.Severity == Severity.Error) || scenario is null || compare.Any(c => c is null)) return (null, diagnostics);
        var options = request.Options with { Compare = compare! };
        // The work is estimated from the inputs and refused above the ceilings before any of it is done.
        var tooLarge = WorkEstimate.Plan(dataset, scenario, options).Check(options.Limits, request.Scenario.File);
        if (tooLarge.Count > 0) return (null, [.. diagnostics, .. tooLarge]);
        return (new CheckedPlan(dataset, scenario, options), diagnostics);
    }
}
