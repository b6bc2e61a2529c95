using Resolute.Planning;
using static Resolute.Reports.D;

namespace Resolute.Reports;

/// <summary>The briefing's deployment section (when the force arrives) and its line in the bottom line.</summary>
internal static partial class BriefingBuilder
{
    private const string Dep = "force_generation.deployment";

    private static IReadOnlyList<Inline>? DeploymentBullet(PlanResult r)
    {
        if (r.ForceGeneration?.Deployment is not { Available: true, Foc: { } foc } d) return null;
        var bound = d.FocProven ? " (the earliest any plan of this fill allows, proven)" : d.FocBound is { } b ? $" (no plan of this fill is complete before day {b})" : "";
        return L(new Strong("When is it in place? "), d.Complete ? "Complete on day " : "The planned force is in place on day ", N($"{Dep}.foc.day", foc.Day),
            $" after the offer, {Long(foc.Date)}", bound, d.WithinHorizon ? "" : $", after the deployment horizon of {d.HorizonDays} days",
            d.Ioc is { } ioc ? L("; initial operating capability on day ", N($"{Dep}.ioc.day", ioc.Day), $" ({Long(ioc.Date)})") : L("; no formation is complete with air defence in place"),
            d.Critical is { } c ? $". Set by {c.Cause}: {c.Text}." : ".");
    }

    private static string Long(DateOnly d) => d.ToString("d MMMM yyyy", C);

    private static string Iso(DateOnly d) => d.ToString("yyyy-MM-dd", C);

    private static Section DeploymentSection(PlanResult r, bool charts)
    {
        if (r.ForceGeneration is not { } f) return new Section("deployment", Title("deployment"), [Missing(r, PlanResult.ForceGenerationStage)]);
        if (f.Deployment is not { } d) return new Section("deployment", Title("deployment"), [P("This plan was made without the deployment flow.")]);
        if (!d.Available) return new Section("deployment", Title("deployment"), [P("No deployment flow: ", d.Unavailable, ".")]);
        var blocks = new List<Block>
        {
            P($"The offer is tabled on {Long(d.OfferDate)}. Each unit is ready after its notice to move, loads its trains (tracked formations and artillery) or prepares its road move, ",
                "travels from its garrison to a border crossing, passes it at the crossing's daily throughput (shared with every other unit that uses it), and moves on to the deployment area around ",
                d.Destination, ". Aircraft fly in; units that serve from outside Ukraine (the US backstop at its bases, long-range strike of nations that stay outside) are in place when ready. ",
                "Force generation fills the requirement first, then chooses units and crossings so that the force is complete as early as possible, and only then weighs breadth and fairness."),
        };
        var milestones = new List<IReadOnlyList<IReadOnlyList<Inline>>>();
        if (d.Ioc is { } ioc) milestones.Add(Row("initial operating capability", N($"{Dep}.ioc.day", ioc.Day), Iso(ioc.Date), ioc.Text));
        if (d.Foc is { } foc) milestones.Add(Row(d.Complete ? "full operating capability" : "planned force in place", N($"{Dep}.foc.day", foc.Day), Iso(foc.Date),
            L(foc.Text, d.FocProven ? "; proven the earliest for this fill" : d.FocBound is { } b ? L("; lower bound day ", N($"{Dep}.foc_bound", b)) : "",
                d.WithinHorizon ? "" : $"; NOT within the deployment horizon of {d.HorizonDays} days")));
        blocks.Add(new Table("Milestones (days after the offer)", ["milestone", "day", "date", "what"], milestones));
        if (d.Critical is { } c) blocks.Add(P(new Strong("What sets the date: "), $"{c.Cause} — {c.Text}."));
        if (charts && d.Moves.Count > 0)
        {
            blocks.Add(new Chart("gantt", "When each formation and element moves and is in place.", Charts.Gantt(d)));
            blocks.Add(new Chart("build-up", "The force in place by day after the offer.", Charts.BuildUp(d)));
        }
        blocks.Add(new Table("Border crossings used", ["crossing", "from", "mode", "capacity / day", "units", "personnel", "days in use", "busiest day"],
            d.Crossings.Select((x, i) => Row(x.Name, x.From, x.Mode.ToString().ToLowerInvariant(), N($"{Dep}.crossings[{i}].capacity_per_day", x.CapacityPerDay),
                N($"{Dep}.crossings[{i}].units", x.Units), N($"{Dep}.crossings[{i}].personnel", x.Personnel),
                L(N($"{Dep}.crossings[{i}].first_day", x.FirstDay), "–", N($"{Dep}.crossings[{i}].last_day", x.LastDay)), N($"{Dep}.crossings[{i}].peak_per_day", x.PeakPerDay))).ToArray()));
        blocks.Add(new Table("Each unit's move (days after the offer)", ["unit", "nation", "formation / role", "mode", "from", "crossing", "ready", "crosses", "waits", "in place"],
            d.Moves.Select((m, i) => Row(m.UnitName, m.Nation, m.Formation ?? m.Role, m.OutsideUkraine ? "stays at its base" : m.Mode.ToString().ToLowerInvariant(), m.Garrison,
                m.Crossing is { } id ? d.Crossings.FirstOrDefault(x => x.Crossing == id)?.Name ?? id : "—", N($"{Dep}.moves[{i}].ready_day", m.ReadyDay),
                m.CrossStartDay is { } s ? L(N($"{Dep}.moves[{i}].cross_start_day", s), "–", N($"{Dep}.moves[{i}].cross_end_day", m.CrossEndDay)) : L("—"),
                N($"{Dep}.moves[{i}].wait_days", m.WaitDays), N($"{Dep}.moves[{i}].arrival_day", m.ArrivalDay))).ToArray(), Collapsed: true));
        blocks.Add(P("Movement rates, loading times and the deployment horizon are assumptions (listed with the plan's assumptions); crossing throughputs are in the dataset's crossings.csv with their derivation."));
        return new Section("deployment", Title("deployment"), blocks);
    }
}
