using System.Globalization;
using Resolute.Planning;
using Spectre.Console;

namespace Resolute.Cli;

/// <summary>Renders the ceasefire-durability stage as text: the chance that a ceasefire holds with and without the force, and the most similar cases.</summary>
internal static class DurabilityView
{

    public static void Render(IAnsiConsole console, PlanResult.DurabilitySection d)
    {
        var c = CultureInfo.InvariantCulture;
        var cmp = d.Comparison;
        console.Write(new Rule("[bold]Ceasefire durability[/]").LeftJustified());
        console.WriteLine(string.Create(c,
            $"Weibull fit to {d.Cases} interstate ceasefires ({d.Resumed} resumed), shape {d.Shape:0.00}; bands from {cmp.Draws:#,0} draws of its parameters. Associations, not causal effects."));

        var curves = new Table().Title("P(the ceasefire still holds)").Border(TableBorder.Simple).AddColumns("years", "with the force (95 % band)", "without (95 % band)");
        foreach (var k in d.ReadingPoints())
            curves.AddRow(cmp.With.Years[k].ToString("0.#", c),
                string.Create(c, $"{cmp.With.Holds[k]:P1} ({cmp.With.Lower[k]:P0}–{cmp.With.Upper[k]:P0})"),
                string.Create(c, $"{cmp.Without.Holds[k]:P1} ({cmp.Without.Lower[k]:P0}–{cmp.Without.Upper[k]:P0})"));
        console.Write(curves);
        console.WriteLine(string.Create(c,
            $"At {cmp.HorizonYears:0.#} years the force adds {100 * cmp.Difference:+0.0;-0.0} pp (95 % range {100 * cmp.DifferenceLower:+0.0;-0.0} to {100 * cmp.DifferenceUpper:+0.0;-0.0} pp); better in {cmp.ShareOfDrawsBetter:P0} of draws."));

        var model = new Table().Title("Covariates").Border(TableBorder.Simple).AddColumns("covariate", "with", "without", "hazard ratio (95 %)", "p");
        foreach (var x in d.Covariates)
            model.AddRow(Markup.Escape(x.Name), x.With.ToString("0.#", c), x.Without.ToString("0.#", c),
                string.Create(c, $"{x.HazardRatio:0.00} ({x.Lower95:0.00}–{x.Upper95:0.00})"), x.PValue.ToString("0.00", c));
        console.Write(model);

        var cases = new Table().Title("The cases most like this one").Border(TableBorder.Simple).AddColumns("ceasefire", "year", "foreign force", "what happened", "differs in");
        foreach (var x in d.SimilarCases)
            cases.AddRow(Markup.Escape(x.Name), x.Year.ToString(c), x.ForeignForce,
                string.Create(c, $"{(x.Resumed ? "resumed after" : "still holds after")} {x.Years:0.#} years"), Markup.Escape(x.Differs.Count == 0 ? "—" : string.Join(", ", x.Differs)));
        console.Write(cases);
    }
}
