using Resolute.Balance.Survival;
using Resolute.Data;
using Resolute.Domain;
using Resolute.Domain.Assumptions;

namespace Resolute.Planning;

/// <summary>
/// The ceasefire-durability stage: a Weibull fit to the record of interstate ceasefires (<c>ceasefires.csv</c>), read for
/// the scenario's settlement with the coalition's force on the line and without it, and the historical cases most like it.
/// The covariates are those docs/ceasefires.md reports; the settlement's values are scenario assumptions
/// (<see cref="DurabilityParameter"/>).
/// </summary>
internal static class DurabilityStage
{
    /// <summary>The model's covariates, in the order of the fit (docs/ceasefires.md, "the five covariates the briefing configuration uses").</summary>
    private static readonly string[] Covariates = ["armed_force", "separation", "guarantee", "imposed", "decisive"];

    /// <summary>The features that make two wars' endings alike, for "the cases most like this one"; intensity is scaled to 0–1.</summary>
    private static readonly string[] Likeness = [.. Covariates, "nuclear", "territory", "intensity"];

    /// <summary>How many similar cases are reported.</summary>
    private const int SimilarCount = 5;

    /// <summary>The section, or why it could not be computed.</summary>
    public static (PlanResult.DurabilitySection? Section, StageStatus Status) Run(Dataset dataset, Scenario scenario, int draws)
    {
        if (dataset.Ceasefires.Count == 0) return (null, StageStatus.NotComputed("the dataset has no ceasefires.csv"));
        var (values, problems) = AssumptionCatalogue.Resolve<DurabilityParameter>(scenario.Assumptions, scenario.AssumptionsAt);
        if (values is null) return (null, StageStatus.NotComputed(string.Join("; ", problems)));
        double V(DurabilityParameter p) => values[(int)p].Value;

        var cases = dataset.Ceasefires;
        var data = new SurvivalData(
            cases.Select(c => new SurvivalObservation(c.Years, c.Resumed)).ToArray(), Covariates,
            cases.Select(c => (IReadOnlyList<double>)Covariates.Select(n => SurvivalCsv.Covariate(c, n)).ToArray()).ToArray());
        var fitted = Weibull.Fit(data);
        if (fitted.Fit is not { } fit) return (null, StageStatus.NotComputed($"the survival model cannot be fitted: {fitted.Failure}"));

        double[] Configuration(bool force) =>
        [
            force ? 1 : 0, V(DurabilityParameter.Separation),
            V(force ? DurabilityParameter.GuaranteeWithForce : DurabilityParameter.GuaranteeWithoutForce),
            V(DurabilityParameter.Imposed), V(DurabilityParameter.Decisive),
        ];
        var with = Configuration(true);
        var without = Configuration(false);
        var comparison = Durability.Compare(fit, with, without, V(DurabilityParameter.HorizonYears), draws, scenario.Seed);
        var covariates = fit.Coefficients.Select((c, i) => new PlanResult.DurabilityCovariate(c.Name, with[i], without[i], c.HazardRatio, c.Lower95, c.Upper95, c.PValue)).ToArray();

        double[] target = [.. with, V(DurabilityParameter.Nuclear), V(DurabilityParameter.Territory), V(DurabilityParameter.Intensity) / 2];
        var similar = cases.Select(c =>
            {
                var x = Likeness.Select(n => n == "intensity" ? SurvivalCsv.Covariate(c, n) / 2 : SurvivalCsv.Covariate(c, n)).ToArray();
                var differs = Likeness.Where((_, i) => Math.Abs(x[i] - target[i]) > 1e-9).ToArray();
                return new PlanResult.SimilarCase(c.Id, c.Name, c.Start.Year, c.ForeignForce.ToCode(), x.Select((v, i) => Math.Abs(v - target[i])).Sum(),
                    c.Years, c.Resumed, differs);
            })
            .OrderBy(s => s.Distance).ThenByDescending(s => s.Year).ThenBy(s => s.Id, StringComparer.Ordinal)
            .Take(SimilarCount).ToArray();
        return (new PlanResult.DurabilitySection("weibull", fit.N, fit.Events, fit.Shape?.Value ?? double.NaN, covariates, comparison, similar), StageStatus.Computed);
    }
}
