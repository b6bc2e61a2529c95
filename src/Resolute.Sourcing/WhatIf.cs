using Resolute.Domain;
using Resolute.Domain.Diagnostics;
using Resolute.Domain.Edits;

namespace Resolute.Sourcing;

/// <summary>A dataset and scenario after what-if changes, and the changes in words.</summary>
public sealed record Variant(Dataset Dataset, Scenario Scenario, IReadOnlyList<string> Changes);

/// <summary>The result of applying what-ifs: the variant, or every error found.</summary>
public sealed record WhatIfResult(Variant? Value, IReadOnlyList<Diagnostic> Errors);

/// <summary>What-ifs (<c>--what-if KEY=VALUE</c>, see <see cref="WhatIfText"/>) read into edits and made on a scenario.</summary>
public static class WhatIf
{
    /// <summary>Reads and checks every change; each malformed or unknown one is a diagnostic named after the option.</summary>
    public static (IReadOnlyList<ScenarioEdit>? Edits, IReadOnlyList<Diagnostic> Errors) Parse(Dataset dataset, IEnumerable<string> changes)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        ArgumentNullException.ThrowIfNull(changes);
        var edits = new List<ScenarioEdit>();
        var errors = new List<Diagnostic>();
        foreach (var text in changes)
        {
            var (edit, problem) = WhatIfText.Parse(text);
            if (edit?.Check(dataset) is { } unknown) problem = unknown;
            if (problem is { } p) errors.Add(Diagnostic.Setting($"--what-if '{text}'", p));
            else edits.Add(edit!);
        }
        return errors.Count > 0 ? (null, errors) : (edits, errors);
    }

    /// <summary>Reads the changes and makes them in order; every malformed or unknown change is reported.</summary>
    public static WhatIfResult Apply(Dataset dataset, Scenario scenario, IEnumerable<string> changes)
    {
        var (edits, errors) = Parse(dataset, changes);
        return edits is null ? new WhatIfResult(null, errors) : new WhatIfResult(Apply(dataset, scenario, edits), []);
    }

    /// <summary>The scenario with the edits made in order (the cited dataset stays as it is).</summary>
    public static Variant Apply(Dataset dataset, Scenario scenario, IEnumerable<ScenarioEdit> edits)
    {
        ArgumentNullException.ThrowIfNull(edits);
        var list = edits.ToArray();
        return new Variant(dataset, list.Aggregate(scenario, (s, e) => e.ApplyTo(s)), [.. list.Select(e => e.Description)]);
    }
}
