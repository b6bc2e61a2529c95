using System.Globalization;
using Resolute.Sourcing;
using Spectre.Console;

namespace Resolute.Cli;

/// <summary>Renders the deployment flow as text: milestones, what sets the date, the crossings used and each formation's arrival.</summary>
internal static class DeploymentView
{
    public static void Render(IAnsiConsole console, DeploymentPlan d)
    {
        var c = CultureInfo.InvariantCulture;
        console.Write(new Rule("[bold]Deployment[/]").LeftJustified());
        if (!d.Available)
        {
            console.WriteLine($"No deployment flow: {d.Unavailable}.");
            return;
        }
        console.WriteLine(string.Create(c, $"Offer tabled {d.OfferDate:yyyy-MM-dd}; units move from their garrisons through the border crossings to the area around {d.Destination}; days after the offer."));
        var milestones = new Table().Border(TableBorder.Simple).AddColumns("milestone", "day", "date", "what");
        if (d.Ioc is { } ioc) milestones.AddRow("IOC", ioc.Day.ToString(c), ioc.Date.ToString("yyyy-MM-dd", c), Markup.Escape(ioc.Text));
        if (d.Foc is { } foc)
        {
            var proof = d.FocProven ? "; proven earliest for this fill" : d.FocBound is { } b ? string.Create(c, $"; lower bound day {b}") : "";
            milestones.AddRow(d.Complete ? "FOC" : "in place", foc.Day.ToString(c), foc.Date.ToString("yyyy-MM-dd", c),
                Markup.Escape(foc.Text + proof + (d.WithinHorizon ? "" : string.Create(c, $"; NOT within the {d.HorizonDays}-day horizon"))));
        }
        console.Write(milestones);
        if (d.Critical is { } cp) console.WriteLine($"What sets the date ({cp.Cause}): {cp.Text}.");

        var formations = new Table().Title("Arrival by formation").Border(TableBorder.Simple).AddColumns("formation / element", "units", "first ready", "last in place");
        foreach (var g in d.Moves.GroupBy(m => m.Formation ?? m.Role, StringComparer.Ordinal).OrderBy(g => g.Max(m => m.ArrivalDay)).ThenBy(g => g.Key, StringComparer.Ordinal))
            formations.AddRow(Markup.Escape(g.Key), g.Count().ToString(c), g.Min(m => m.ReadyDay).ToString(c), g.Max(m => m.ArrivalDay).ToString(c));
        console.Write(formations);

        var crossings = new Table().Title("Border crossings used").Border(TableBorder.Simple).AddColumns("crossing", "capacity/day", "units", "personnel", "days", "busiest day");
        foreach (var x in d.Crossings)
            crossings.AddRow(Markup.Escape(x.Name), x.CapacityPerDay.ToString("#,0", c), x.Units.ToString(c), x.Personnel.ToString("#,0", c), string.Create(c, $"{x.FirstDay}–{x.LastDay}"), x.PeakPerDay.ToString("#,0", c));
        console.Write(crossings);
    }
}
