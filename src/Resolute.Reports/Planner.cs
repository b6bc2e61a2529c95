using Resolute.Data;
using Resolute.Domain;

namespace Resolute.Reports;

/// <summary>Composes the planning stages for one scenario into a <see cref="PlanResult"/>. The CLI and the web app both call this.</summary>
public static class Planner
{
    /// <summary>Plans <paramref name="scenario"/> on <paramref name="dataset"/>; <paramref name="now"/> stamps the provenance.</summary>
    public static PlanResult Run(Dataset dataset, Scenario scenario, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return PlanResult.Of(dataset, scenario, ScenarioFile.Hash(scenario), now);
    }
}
