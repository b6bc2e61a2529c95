using System.Globalization;
using Resolute.Domain;
using Resolute.Planning;
using Resolute.Sourcing;
using Spectre.Console;

namespace Resolute.Cli;

/// <summary>Renders the sustainment stage as text, and the scenario's stance table.</summary>
internal static class SustainmentView
{
    private static readonly CultureInfo C = CultureInfo.InvariantCulture;

    public static void Render(IAnsiConsole console, SustainmentResult s)
    {
        console.Write(new Rule("[bold]Sustainment: the force that can be held[/]").LeftJustified());
        console.WriteLine(string.Create(C, $"Rotation ratio {s.Ratio}: each deployed unit needs {s.Ratio} like units in its nation's pool; tours of {s.TourMonths:0.#} months; horizon {s.HorizonYears} years."));
        var size = new Table().Title("One-off and sustained force").Border(TableBorder.Simple).AddColumns("force", "slots", "personnel", "coalition nations", "US personnel");
        foreach (var (label, f) in new[] { ("deployable once", s.OneOff), ("sustainable indefinitely", s.Sustained) })
            size.AddRow(label, string.Create(C, $"{f.FilledSlots} of {f.Slots}"), f.Personnel.ToString("#,0", C),
                Markup.Escape(f.Nations.ToString(C) + (f.Contributors.Count > 0 ? " (" + string.Join(" ", f.Contributors) + ")" : "")), f.UsPersonnel.ToString("#,0", C));
        console.Write(size);

        if (s.Gaps.Count > 0)
        {
            var gaps = new Table().Title("What sustaining the requirement needs").Border(TableBorder.Simple)
                .AddColumns("element", "empty slots", "filled once", "could send once, not hold (spare; +like units to hold one more)");
            foreach (var g in s.Gaps)
                gaps.AddRow(Markup.Escape(g.Role), g.Slots.ToString(C), g.FilledOnce.ToString(C),
                    Markup.Escape(g.Nations.Count == 0 ? "none" : string.Join("; ", g.Nations.Select(n => string.Create(C, $"{n.Nation} {n.Kind.ToCode()} {n.Spare} (+{n.PoolToHoldOneMore})")))));
            console.Write(gaps);
        }
        foreach (var x in s.Suggestions) console.WriteLine(string.Create(C, $"Would hold more: {x.Text} (--what-if {x.Edit.Text}): +{x.SlotsGained} slots"));

        if (s.RunsOut.Count > 0)
        {
            var runs = new Table().Title("Who runs out first").Border(TableBorder.Simple).AddColumns("nation", "kind", "sent", "pool", "can hold", "tours", "breaks after (months)", "year");
            foreach (var x in s.RunsOut)
                runs.AddRow(x.Nation, x.Kind.ToCode(), x.Deployed.ToString(C), x.Pool.ToString(C), x.Sustainable.ToString(C), x.Tours.ToString(C), x.Months.ToString("0.#", C),
                    x.Year?.ToString(C) ?? "beyond the horizon");
            console.Write(runs);
        }

        var cost = new Table().Title("Cost of holding the force (USD m)").Border(TableBorder.Simple)
            .AddColumns("nation", "units held", "personnel", "a year", "over the horizon", "% of defence budget", "one-off a year", "one-off % of defence");
        foreach (var c in s.Cost)
            cost.AddRow(c.Nation, c.Units.ToString(C), c.Personnel.ToString("#,0", C), (c.AnnualUsd / 1e6).ToString("#,0", C), (c.CumulativeUsd / 1e6).ToString("#,0", C),
                c.ShareOfDefence.ToString("P1", C), (c.OneOffAnnualUsd / 1e6).ToString("#,0", C), c.OneOffShareOfDefence.ToString("P1", C));
        console.Write(cost);
        console.WriteLine(string.Create(C, $"Holding the sustained force: USD {s.AnnualUsd / 1e6:#,0} m a year, {s.CumulativeUsd / 1e6:#,0} m over {s.HorizonYears} years."));
    }

    public static void RenderStances(IAnsiConsole console, IReadOnlyList<PlanResult.StancePolicyInfo> policies, DateOnly stanceDate)
    {
        var t = new Table().Title(string.Create(C, $"What each stance level may send (stances on {stanceDate:yyyy-MM-dd})")).Border(TableBorder.Simple)
            .AddColumns("stance", "nations", "at war: into Ukraine", "at war: from outside", "ceasefire: into Ukraine", "ceasefire: from outside");
        foreach (var p in policies)
            t.AddRow(Markup.Escape(p.Level), Markup.Escape(p.Nations.Count == 0 ? "none" : string.Join(" ", p.Nations)), Markup.Escape(p.WarInside), Markup.Escape(p.WarOutside),
                Markup.Escape(p.CeasefireInside), Markup.Escape(p.CeasefireOutside));
        console.Write(t);
    }
}
