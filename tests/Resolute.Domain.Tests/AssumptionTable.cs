using System.Text;
using Resolute.Domain.Assumptions;
using Resolute.Domain.Diagnostics;

namespace Resolute.Domain.Tests;

/// <summary>docs/assumptions.md, generated from the catalogue (a test keeps the file equal to it).</summary>
internal static class AssumptionTable
{
    public static string Markdown()
    {
        var b = new StringBuilder();
        b.Append("# Assumptions\n\n")
         .Append("Every assumption a stage of the model reads, generated from the catalogue in\n")
         .Append("`src/Resolute.Domain/Assumptions/Parameters.cs` (a test fails when this file and the catalogue differ; run the\n")
         .Append("Domain tests with `RESOLUTE_WRITE_DOCS=1` to rewrite it). A scenario gives each under `assumptions:` with a value,\n")
         .Append("an optional distribution and a reference (docs/scenarios.md). The loader rejects an id that is not here (naming the\n")
         .Append("nearest one), a required assumption left out (at the `assumptions:` key), and a value or distribution parameter\n")
         .Append("outside the bounds (at its node). An optional assumption left out takes the default, for the reason given.\n");
        foreach (var stage in AssumptionCatalogue.All.GroupBy(a => a.Stage))
        {
            b.Append("\n## ").Append(stage.Key).Append("\n\n")
             .Append("| id | unit | bounds | when absent | meaning |\n|---|---|---|---|---|\n");
            foreach (var a in stage)
                b.Append("| `").Append(a.Id).Append("` | ").Append(Cell(a.Unit)).Append(" | ").Append(a.Interval).Append(" | ")
                 .Append(a.Default is { } d ? $"{Messages.Number(d.Value)}: {Cell(d.Reason)}" : "required").Append(" | ").Append(Cell(a.Description)).Append(" |\n");
        }
        return b.ToString();
    }

    private static string Cell(string text) => text.Replace("|", "\\|", StringComparison.Ordinal);
}
