using Resolute.Balance.Survival;
using Resolute.Planning;
using static Resolute.Reports.D;

namespace Resolute.Reports;

/// <summary>The briefing's ceasefire-durability section and its line in the bottom line.</summary>
internal static partial class BriefingBuilder
{
    private const string Dur = "durability";

    /// <summary>What the record says, in words every section of the briefing repeats: the limits of the evidence.</summary>
    private const string Associations =
        "These are associations in a small sample, not causal effects: peacekeepers and guarantees were not assigned at random (they go where peace is already likelier, or harder), and few cases involve a nuclear-armed party.";

    private static IReadOnlyList<Inline>? DurabilityBullet(PlanResult r)
    {
        if (r.Durability is not { } d) return null;
        var c = d.Comparison;
        var last = c.With.Years.Count - 1;
        return L(new Strong("Would a ceasefire hold? "), "In the record of ", N($"{Dur}.cases", d.Cases), " interstate ceasefires, one like this settlement holds ",
            N($"{Dur}.comparison.horizon_years", c.HorizonYears, NumFormat.D1), " years with ", N($"{Dur}.comparison.with.holds[{last}]", c.With.Holds[last], NumFormat.Pct),
            r.ForceGeneration is { Fill.FilledSlots: 0 } ? " chance with a force on the line (this plan fields none) against " : " chance with the force on the line against ", N($"{Dur}.comparison.without.holds[{last}]", c.Without.Holds[last], NumFormat.Pct), " without (",
            N($"{Dur}.comparison.difference", c.Difference, NumFormat.Pp), "; 95 % range ", N($"{Dur}.comparison.difference_lower", c.DifferenceLower, NumFormat.Pp), " to ",
            N($"{Dur}.comparison.difference_upper", c.DifferenceUpper, NumFormat.Pp), "): an association, not a proven effect.");
    }

    private static Section DurabilitySection(PlanResult r, bool charts)
    {
        if (r.Durability is not { } d) return new Section("durability", Title("durability"), [Missing(r, PlanResult.DurabilityStage)]);
        var c = d.Comparison;
        var blocks = new List<Block>
        {
            P("A Weibull survival model fitted to ", N($"{Dur}.cases", d.Cases), " interstate ceasefires and armistices in the dataset (", N($"{Dur}.resumed", d.Resumed),
                " ended in renewed fighting; the others are counted to their last observed date), read for this scenario's settlement with the coalition's force on the line and without it. ",
                "Shape ", N($"{Dur}.shape", d.Shape, NumFormat.D2), d.Shape < 1 ? ": the risk of renewed war is highest in the first years and falls after." : ".",
                " The bands carry the uncertainty of the fit (", N($"{Dur}.comparison.draws", c.Draws), " draws of its parameters); they do not carry the doubt whether this war is like the past ones."),
            P(new Strong("The limits: "), Associations, " The coding of the cases, the fit and its checks are in docs/ceasefires.md."),
        };
        if (charts) blocks.Add(new Chart("durability", "P(the ceasefire still holds) by year, with and without the force: the fit and its 95 % band.", Charts.Durability(c)));
        var rows = d.ReadingPoints().Select(k => Row(N($"{Dur}.comparison.with.years[{k}]", c.With.Years[k], NumFormat.D1),
            Band($"{Dur}.comparison.with", c.With, k), Band($"{Dur}.comparison.without", c.Without, k))).ToArray();
        blocks.Add(new Table("P(the ceasefire still holds)", ["years after the ceasefire", "with the force (95 % band)", "without (95 % band)"], rows));
        blocks.Add(P("At ", N($"{Dur}.comparison.horizon_years", c.HorizonYears, NumFormat.D1), " years the force adds ", N($"{Dur}.comparison.difference", c.Difference, NumFormat.Pp),
            " (95 % range ", N($"{Dur}.comparison.difference_lower", c.DifferenceLower, NumFormat.Pp), " to ", N($"{Dur}.comparison.difference_upper", c.DifferenceUpper, NumFormat.Pp),
            "); it lengthens the peace in ", N($"{Dur}.comparison.share_of_draws_better", c.ShareOfDrawsBetter, NumFormat.Pct), " of the draws."));
        blocks.Add(new Table("The settlement in the model's terms", ["covariate", "with the force", "without", "hazard ratio (95 %)", "p"],
            d.Covariates.Select((x, i) => Row(CovariateName(x.Name), N($"{Dur}.covariates[{i}].with", x.With, NumFormat.D1), N($"{Dur}.covariates[{i}].without", x.Without, NumFormat.D1),
                L(N($"{Dur}.covariates[{i}].hazard_ratio", x.HazardRatio, NumFormat.D2), " (", N($"{Dur}.covariates[{i}].lower95", x.Lower95, NumFormat.D2), "–",
                    N($"{Dur}.covariates[{i}].upper95", x.Upper95, NumFormat.D2), ")"),
                N($"{Dur}.covariates[{i}].p_value", x.PValue, NumFormat.D2))).ToArray()));
        blocks.Add(P("A hazard ratio below 1 goes with ceasefires that last longer; a range that includes 1 is not distinguishable from no effect in this sample."));
        blocks.Add(new Table("The cases most like this one (nearest first)", ["ceasefire", "year", "foreign force", "what happened", "differs in"],
            d.SimilarCases.Select((x, i) => Row(x.Name, N($"{Dur}.similar_cases[{i}].year", x.Year, NumFormat.Plain), x.ForeignForce,
                L(x.Resumed ? "fighting resumed after " : "still holds after ", N($"{Dur}.similar_cases[{i}].years", x.Years, NumFormat.D1), " years"),
                x.Differs.Count == 0 ? "nothing the model codes" : string.Join(", ", x.Differs.Select(CovariateName)))).ToArray()));
        return new Section("durability", Title("durability"), blocks);
    }

    private static IReadOnlyList<Inline> Band(string path, SurvivalCurve curve, int k) =>
        L(N($"{path}.holds[{k}]", curve.Holds[k], NumFormat.Pct), " (", N($"{path}.lower[{k}]", curve.Lower[k], NumFormat.Pct), "–", N($"{path}.upper[{k}]", curve.Upper[k], NumFormat.Pct), ")");

    private static string CovariateName(string name) => name switch
    {
        "armed_force" => "an armed foreign force on the line",
        "separation" => "separation of forces",
        "guarantee" => "explicit third-party guarantee",
        "imposed" => "imposed by outside pressure",
        "decisive" => "decisive outcome",
        "nuclear" => "a nuclear-armed party",
        "territory" => "territory at stake",
        "intensity" => "war intensity",
        _ => name,
    };
}
