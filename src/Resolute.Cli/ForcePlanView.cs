using System.Globalization;
using Resolute.Domain;
using Resolute.Sourcing;
using Spectre.Console;

namespace Resolute.Cli;

/// <summary>
/// Renders a <see cref="ForcePlan"/> as text: the force package by nation and by formation, the share checks with their
/// margins, the US contribution and net-change check, breadth, the burden table, shortfalls, binding rules and suggestions.
/// Used by <c>source</c>, and by <c>plan</c> for its force-generation stage.
/// </summary>
internal static class ForcePlanView
{
    public static void Render(IAnsiConsole console, ForcePlan plan)
    {
        var f = plan.Fill;
        console.Write(new Rule($"[bold]Force generation: {Markup.Escape(plan.ScenarioId)}[/]").LeftJustified());
        console.MarkupLine(Markup.Escape(Invariant($"Filled {f.FilledSlots} of {f.Slots} slots ({f.WeightedFill:0.#} of {f.WeightedDemand:0.#} weighted); {f.Personnel:N0} personnel, {f.MajorEquipment:N0} major end items, combat value {f.CombatValue:0.#}.")));
        console.MarkupLine(Markup.Escape(Solver(plan.Solver)));

        if (plan.Assignments.Count > 0)
        {
            var byNation = new Table().Title("Force package by nation").Border(TableBorder.Simple).AddColumns("nation", "stance", "units", "personnel", "equipment", "combat value", "slots");
            foreach (var b in plan.Burden)
                byNation.AddRow(b.Nation, b.Stance.ToCode(), N(b.Units), N(b.Personnel), N(b.MajorEquipment), D(b.CombatValue),
                    Markup.Escape(string.Join(", ", plan.Assignments.Where(a => a.Nation == b.Nation).GroupBy(a => a.Role).Select(g => $"{g.Key} ×{g.Count()}"))));
            console.Write(byNation);

            var byFormation = new Table().Title("Force package by formation").Border(TableBorder.Simple).AddColumns("slot", "unit", "nation", "personnel", "equipment");
            foreach (var a in plan.Assignments)
                byFormation.AddRow(Markup.Escape(a.Slot), Markup.Escape($"{a.UnitName} ({a.Unit})"), a.Nation, N(a.Personnel), N(a.MajorEquipment));
            console.Write(byFormation);
            foreach (var x in plan.Formations)
                console.MarkupLine(Markup.Escape(Invariant($"{x.Formation}: framework {x.FrameworkNation ?? "none"}, nations {string.Join(" ", x.Nations)}{(x.MaxNations > 0 ? $" (max {x.MaxNations})" : "")}, {x.FilledSlots}/{x.Slots} slots")));
        }

        var shares = new Table().Title("Share checks").Border(TableBorder.Simple).AddColumns("measure", "group", "share", "threshold", "margin", "required", "holds");
        foreach (var c in plan.ShareChecks)
            shares.AddRow(c.Measure.ToString(), c.Group.ToCode(), c.Share is { } v ? P(v) : "n/a", P(c.Threshold), c.Margin is { } m ? Invariant($"{m * 100:+0.0;-0.0} pp") : "n/a",
                c.Enforced ? "yes" : "no", Markup.Escape(Outcome(c, "yes", "NO")));
        console.Write(shares);

        var us = plan.Us;
        console.MarkupLine(Markup.Escape(us.Enabled
            ? Invariant($"US backstop ({string.Join(", ", us.AllowedKinds.Select(k => k.ToCode()))}): {us.Units.Count} units, {us.Personnel:N0} personnel ({P(us.ShareOfPersonnel)} of the force){(us.Units.Count > 0 ? ": " + string.Join(" ", us.Units) : "")}.")
            : Invariant($"No US backstop in this scenario; US units in the plan: {us.Units.Count}.")));
        console.MarkupLine(Markup.Escape(Invariant($"US personnel in Europe: {us.PostureInEuropeBefore:N0} before, {us.PostureInEuropeAfter:N0} after (backfill {us.Backfill:N0}); net change {us.NetChange:+0;-0;0}: {(us.NoNetIncreaseHolds ? "no net increase" : "NET INCREASE")}{(us.NoNetIncrease ? " (required)" : "")}.")));
        console.MarkupLine(Markup.Escape(Invariant($"Coalition breadth: {plan.Breadth.Nations} of {plan.Breadth.EligibleNations} eligible coalition nations ({string.Join(" ", plan.Breadth.Contributors)}){(plan.Us.Units.Count > 0 ? "; the US backstop is not counted" : "")}.")));

        if (plan.Burden.Count > 0)
        {
            var burden = new Table().Title("Burden").Border(TableBorder.Simple)
                .AddColumns("nation", "stance", "personnel", "equipment", "annual cost (USD m)", "% of defence budget", "share of coalition", "share of GDP", "share of defence", "gap to GDP");
            foreach (var b in plan.Burden)
                burden.AddRow(b.Nation, b.Stance.ToCode(), N(b.Personnel), N(b.MajorEquipment), N(b.AnnualCostUsd / 1e6), Invariant($"{b.CostPctOfDefence:0.0}"),
                    Share(b.ShareOfForce), Share(b.ShareOfGdp), Share(b.ShareOfDefence), b.GapToGdp is { } gap ? Invariant($"{gap * 100:+0.0;-0.0} pp") : "backstop");
            console.Write(burden);
            if (plan.Burden.Any(b => b.GapToGdp is null))
                console.MarkupLine(Markup.Escape("Shares are among the coalition's nations: the US backstop's personnel and GDP are left out of both sides."));
            console.MarkupLine(Markup.Escape(Invariant($"Fairness among the coalition (not the US backstop): Jain index {plan.Fairness.JainIndex:0.00} (1 = in proportion to GDP); largest gap {P(plan.Fairness.MaxGapToGdp)} ({plan.Fairness.MaxGapNation}).")));
            foreach (var a in plan.Assumptions.Where(a => a.Id.Contains("cost", StringComparison.Ordinal)))
                console.MarkupLine(Markup.Escape(Invariant($"Cost assumption {a.Id} = {a.Value:#,0.##} {a.Unit}{(a.FromScenario ? " (scenario)" : "")}: {a.Reference}")));
        }
        if (plan.SingleRotation.Count > 0)
            console.MarkupLine(Markup.Escape("Single rotation only (accepted by the scenario): " + string.Join(", ", plan.SingleRotation.Select(r => Invariant($"{r.Nation} {r.Kind.ToCode()} {r.Deployed} of {r.Pool}")))));

        if (plan.Shortfalls.Count > 0)
        {
            // Slots of one role that are empty for the same reasons read as one row, e.g. "manoeuvre_brigade × 9".
            var sf = new Table().Title("Shortfalls").Border(TableBorder.Simple).AddColumns("element", "empty slots", "weight each", "candidates", "why", "binding rules");
            foreach (var g in plan.Shortfalls.GroupBy(s => (s.Role, s.Weight, s.Candidates,
                         Why: string.Join("; ", s.Reasons.Select(r => $"{r.Units}: {r.Text}")), Binding: string.Join("; ", s.BindingRules.Select(b => b.Text)))))
                sf.AddRow(Markup.Escape(g.Key.Role), g.Count() == 1 ? Markup.Escape(g.First().Slot) : N(g.Count()), D(g.Key.Weight), N(g.Key.Candidates),
                    Markup.Escape(g.Key.Why), Markup.Escape(g.Key.Binding));
            console.Write(sf);
        }
        if (plan.BindingRules.Count > 0)
        {
            console.MarkupLine("[bold]Binding rules[/] (together they stop a fuller plan):");
            foreach (var b in plan.BindingRules) console.MarkupLine(Markup.Escape($"  - {b.Text}"));
        }
        if (plan.Suggestions.Count > 0)
        {
            var sg = new Table().Title("What would close the gap").Border(TableBorder.Simple).AddColumns("--what-if", "change", "slots gained", "fills all");
            foreach (var s in plan.Suggestions) sg.AddRow(Markup.Escape(s.Edit.Text), Markup.Escape(s.Text), Invariant($"+{s.SlotsGained}"), s.FillsRequirement ? "yes" : "no");
            console.Write(sg);
        }
    }

    /// <summary>A share check's outcome; when nothing is deployed it neither holds nor fails.</summary>
    internal static string Outcome(ShareCheck c, string holds, string fails) => c.Status switch
    {
        ShareStatus.NotApplicable => NothingDeployed,
        ShareStatus.Holds => holds,
        _ => fails,
    };

    /// <summary>What a share check shows when the plan deploys nothing by its measure (0 of 0).</summary>
    internal const string NothingDeployed = "n/a — nothing deployed";

    private static string ShareText(ShareCheck c) => c.Share is { } v ? $"{P(v)} {Outcome(c, "ok", "FAILS")}" : NothingDeployed;

    /// <summary>A base plan and a variant side by side: the headline figures, each nation's burden, and the slots that change.</summary>
    public static void RenderComparison(IAnsiConsole console, ForcePlan baseline, ForcePlan variant, IReadOnlyList<string> changes)
    {
        console.Write(new Rule($"[bold]Base vs variant: {Markup.Escape(string.Join(", ", changes))}[/]").LeftJustified());
        var t = new Table().Border(TableBorder.Simple).AddColumns("", "base", "variant");
        void Row(string label, string a, string b) => t.AddRow(Markup.Escape(label), Markup.Escape(a), Markup.Escape(b));
        Row("slots filled", $"{baseline.Fill.FilledSlots}/{baseline.Fill.Slots}", $"{variant.Fill.FilledSlots}/{variant.Fill.Slots}");
        Row("weighted fill", D(baseline.Fill.WeightedFill), D(variant.Fill.WeightedFill));
        Row("personnel", N(baseline.Fill.Personnel), N(variant.Fill.Personnel));
        Row("combat value", D(baseline.Fill.CombatValue), D(variant.Fill.CombatValue));
        foreach (var (a, b) in baseline.ShareChecks.Zip(variant.ShareChecks))
            Row($"{a.Measure} share (≥ {P(a.Threshold)} / {P(b.Threshold)})", ShareText(a), ShareText(b));
        Row("US personnel", N(baseline.Us.Personnel), N(variant.Us.Personnel));
        Row("US net change", baseline.Us.NetChange.ToString(CultureInfo.InvariantCulture), variant.Us.NetChange.ToString(CultureInfo.InvariantCulture));
        Row("coalition nations", $"{baseline.Breadth.Nations}: {string.Join(" ", baseline.Breadth.Contributors)}", $"{variant.Breadth.Nations}: {string.Join(" ", variant.Breadth.Contributors)}");
        Row("fairness (Jain)", Invariant($"{baseline.Fairness.JainIndex:0.00}"), Invariant($"{variant.Fairness.JainIndex:0.00}"));
        Row("objective", Invariant($"{baseline.Solver.Objective:0.###}"), Invariant($"{variant.Solver.Objective:0.###}"));
        Row("solver", Solver(baseline.Solver), Solver(variant.Solver));
        Row("binding rules", string.Join("; ", baseline.BindingRules.Select(b => b.Text)), string.Join("; ", variant.BindingRules.Select(b => b.Text)));
        console.Write(t);

        var nations = baseline.Burden.Select(b => b.Nation).Union(variant.Burden.Select(b => b.Nation)).Order(StringComparer.Ordinal).ToArray();
        var burden = new Table().Title("Personnel by nation").Border(TableBorder.Simple).AddColumns("nation", "base", "variant", "change");
        foreach (var n in nations)
        {
            var a = baseline.Burden.FirstOrDefault(b => b.Nation == n)?.Personnel ?? 0;
            var b = variant.Burden.FirstOrDefault(x => x.Nation == n)?.Personnel ?? 0;
            burden.AddRow(n, N(a), N(b), Invariant($"{b - a:+#,0;-#,0;0}"));
        }
        console.Write(burden);

        var before = baseline.Assignments.ToDictionary(a => a.Slot, a => a.Unit);
        var after = variant.Assignments.ToDictionary(a => a.Slot, a => a.Unit);
        var slots = baseline.Assignments.Select(a => a.Slot).Concat(baseline.Shortfalls.Select(s => s.Slot)).Distinct()
            .Where(s => before.GetValueOrDefault(s) != after.GetValueOrDefault(s)).ToArray();
        if (slots.Length == 0) { console.MarkupLine("No slot changes."); return; }
        var diff = new Table().Title("Slots that change").Border(TableBorder.Simple).AddColumns("slot", "base", "variant");
        foreach (var s in slots) diff.AddRow(Markup.Escape(s), Markup.Escape(before.GetValueOrDefault(s) ?? "—"), Markup.Escape(after.GetValueOrDefault(s) ?? "—"));
        console.Write(diff);
    }

    private static string Solver(SolverReport s) =>
        Invariant($"CP-SAT {s.Status}{(s.ProvenOptimal ? " (proven optimal within 0.01 points)" : " (not proven optimal)")}{(s.Stopped ? ", stopped by the user" : "")}: objective {s.Objective:0.###}, bound {s.Bound:0.###}, gap {s.Gap:0.####%}; greedy {s.GreedyObjective:0.###} ({s.GreedyFilledSlots} slots); plan from {s.Source}; {s.Workers} workers, seed {s.RandomSeed}, deterministic time {s.DeterministicTime:0.##}/{s.MaxDeterministicTime:0.##}.");

    private static string N(double v) => v.ToString("#,0", CultureInfo.InvariantCulture);
    private static string D(double v) => v.ToString("0.#", CultureInfo.InvariantCulture);
    private static string P(double v) => v.ToString("0.0%", CultureInfo.InvariantCulture);

    private static string Share(double? v) => v is { } x ? P(x) : "backstop";
    private static string Invariant(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);
}
