using Resolute.Domain;
using Resolute.Planning;
using Resolute.Sourcing;
using static Resolute.Reports.D;

namespace Resolute.Reports;

/// <summary>The briefing's sustainment section, its line in the bottom line, and the stance table.</summary>
internal static partial class BriefingBuilder
{
    private const string Sus = "sustainment";

    /// <summary>"Can it be held?": the one-off and the sustained force, what sustaining the requirement needs, who runs out first, the cost.</summary>
    private static IReadOnlyList<Inline>? SustainmentBullet(PlanResult r)
    {
        if (r.Sustainment is not { } s) return null;
        var (once, held) = (s.OneOff, s.Sustained);
        if (once.FilledSlots == 0) return L(new Strong("Can it be held? "), "there is nothing to hold: the plan fields no force (the sustainment section says what the requirement would need).");
        var parts = new List<object?>
        {
            new Strong("Can it be held? "), "Deployable once: ", N($"{Sus}.one_off.personnel", once.Personnel), " personnel from ", N($"{Sus}.one_off.nations", once.Nations),
            once.UsPersonnel > 0 ? " nations and the US backstop (" : " nations (", N($"{Sus}.one_off.filled_slots", once.FilledSlots), " of ", N($"{Sus}.one_off.slots", once.Slots),
            " slots); sustainable at ", N($"{Sus}.ratio", s.Ratio), ":1: ", N($"{Sus}.sustained.personnel", held.Personnel), " (", N($"{Sus}.sustained.filled_slots", held.FilledSlots), " of ",
            N($"{Sus}.sustained.slots", held.Slots), " slots, ", N($"{Sus}.sustained.nations", held.Nations), " nations)",
        };
        parts.Add(s.Gaps.Count == 0 ? "; the sustained force holds the whole requirement" : "; sustaining the requirement needs " + string.Join(", ", s.Gaps.Select(g => $"{g.Role} ×{g.Slots.ToString(C)}")));
        if (s.Suggestions.Count > 0) parts.AddRange([" (first: ", s.Suggestions[0].Text, ", ", N($"{Sus}.suggestions[0].slots_gained", s.Suggestions[0].SlotsGained), " more held)"]);
        if (s.RunsOut.Count > 0)
        {
            var first = s.RunsOut[0];
            parts.AddRange(["; first to run out: ", Name(r, first.Nation), $" ({first.Kind.ToCode()}, ", N($"{Sus}.runs_out[0].deployed", first.Deployed), " sent from a pool of ",
                N($"{Sus}.runs_out[0].pool", first.Pool), ") after ", N($"{Sus}.runs_out[0].months", first.Months, NumFormat.D1), " months"]);
        }
        parts.AddRange([". Holding the sustained force costs USD ", N($"{Sus}.annual_usd", s.AnnualUsd, NumFormat.Millions), " m a year, ", N($"{Sus}.cumulative_usd", s.CumulativeUsd, NumFormat.Millions),
            " m over ", N($"{Sus}.horizon_years", s.HorizonYears), " years."]);
        return L([.. parts]);
    }

    private static Section SustainmentSection(PlanResult r, bool charts)
    {
        if (r.Sustainment is not { } s) return new Section("sustainment", Title("sustainment"), [Missing(r, PlanResult.SustainmentStage)]);
        var blocks = new List<Block>
        {
            P("Under the scenario's rotation ratio of ", N($"{Sus}.ratio", s.Ratio), " every deployed unit needs ", N($"{Sus}.ratio", s.Ratio), " like units in its nation's pool (one deployed, the others recovering and training), so a nation keeps at most its pool ÷ the ratio deployed. ",
                "The one-off force is the scenario's plan; the sustained force is the same force generation with every nation held to what it can rotate. Tours last ",
                N($"{Sus}.tour_months", s.TourMonths, NumFormat.D1), " months; the horizon is ", N($"{Sus}.horizon_years", s.HorizonYears), " years."),
            new Table("One-off and sustained force", ["force", "slots filled", "of", "personnel", "coalition nations", "contributors", "US personnel"],
            [
                SizeRow("deployable once", "one_off", s.OneOff),
                SizeRow("sustainable indefinitely", "sustained", s.Sustained),
            ]),
        };
        if (s.Gaps.Count > 0)
        {
            blocks.Add(new Table("What sustaining the requirement needs: elements the sustained force leaves empty", ["element", "empty slots", "of them filled once", "nations that could send one once, not hold it (spare units; like units to add to hold one more)"],
                s.Gaps.Select((g, i) => Row(g.Role, N($"{Sus}.gaps[{i}].slots", g.Slots), N($"{Sus}.gaps[{i}].filled_once", g.FilledOnce),
                    g.Nations.Count == 0 ? "none: no nation has an eligible unit beyond what it rotates" : L(Join(g.Nations.Select((n, k) => L(n.Nation, " ", n.Kind.ToCode(), " ",
                        N($"{Sus}.gaps[{i}].nations[{k}].spare", n.Spare), " (+", N($"{Sus}.gaps[{i}].nations[{k}].pool_to_hold_one_more", n.PoolToHoldOneMore), ")")))))).ToArray()));
            if (s.Suggestions.Count > 0)
                blocks.Add(new Table("Single changes that let the sustained force hold more", ["change", "what-if", "more slots held", "fills the requirement"],
                    s.Suggestions.Select((x, i) => Row(x.Text, new Code(x.Edit.Text), N($"{Sus}.suggestions[{i}].slots_gained", x.SlotsGained), Yes(x.FillsRequirement))).ToArray()));
        }
        if (s.RunsOut.Count > 0)
            blocks.Add(new Table("Who runs out first: one-off contributions a nation cannot rotate", ["nation", "unit kind", "sent", "pool of like units", "can hold", "full tours", "rotation breaks after (months)", "year"],
                s.RunsOut.Select((x, i) => Row(x.Nation, x.Kind.ToCode(), N($"{Sus}.runs_out[{i}].deployed", x.Deployed), N($"{Sus}.runs_out[{i}].pool", x.Pool),
                    N($"{Sus}.runs_out[{i}].sustainable", x.Sustainable), N($"{Sus}.runs_out[{i}].tours", x.Tours), N($"{Sus}.runs_out[{i}].months", x.Months, NumFormat.D1),
                    x.Year is { } y ? N($"{Sus}.runs_out[{i}].year", y) : "beyond the horizon")).ToArray(), Collapsed: s.RunsOut.Count > 12));
        blocks.Add(new Table("Cost of holding the force, by nation (USD m)", ["nation", "units held", "personnel", "personnel cost a year", "equipment operation a year", "equipment wear a year", "total a year", "over the horizon", "% of defence budget a year", "one-off force a year", "one-off, % of defence budget"],
            s.Cost.Select((c, i) => Row(c.Nation, N($"{Sus}.cost[{i}].units", c.Units), N($"{Sus}.cost[{i}].personnel", c.Personnel), N($"{Sus}.cost[{i}].personnel_usd", c.PersonnelUsd, NumFormat.Millions),
                N($"{Sus}.cost[{i}].operating_usd", c.OperatingUsd, NumFormat.Millions), N($"{Sus}.cost[{i}].wear_usd", c.WearUsd, NumFormat.Millions), N($"{Sus}.cost[{i}].annual_usd", c.AnnualUsd, NumFormat.Millions),
                N($"{Sus}.cost[{i}].cumulative_usd", c.CumulativeUsd, NumFormat.Millions), N($"{Sus}.cost[{i}].share_of_defence", c.ShareOfDefence, NumFormat.Pct),
                N($"{Sus}.cost[{i}].one_off_annual_usd", c.OneOffAnnualUsd, NumFormat.Millions), N($"{Sus}.cost[{i}].one_off_share_of_defence", c.OneOffShareOfDefence, NumFormat.Pct))).ToArray()));
        if (charts && s.Cost.Count > 0)
            blocks.Add(new Chart("sustainment-cost", "Each nation's annual cost as a share of its defence budget: the one-off force (while it lasts) against the force it can hold.", Charts.SustainmentCost(s)));
        blocks.Add(P("Cost a year: personnel × the cost per person-year, plus the procurement value of the major equipment × (the operating share + the wear share); the same every year of the horizon (no escalation). ",
            "A rotation breaks when a nation sends d units from a pool of P like units: it supplies P ÷ d full tours (rounded down), then cannot relieve them all."));
        blocks.Add(new Table("Sustainment assumptions", ["id", "value", "unit", "reference"],
            s.Assumptions.Select((a, i) => Row(a.Id, N($"{Sus}.assumptions[{i}].value", a.Value, NumFormat.D2), a.Unit, a.Reference)).ToArray()));
        return new Section("sustainment", Title("sustainment"), blocks);
    }

    private static IReadOnlyList<IReadOnlyList<Inline>> SizeRow(string label, string key, ForceSize f) =>
        Row(label, N($"{Sus}.{key}.filled_slots", f.FilledSlots), N($"{Sus}.{key}.slots", f.Slots), N($"{Sus}.{key}.personnel", f.Personnel), N($"{Sus}.{key}.nations", f.Nations),
            f.Contributors.Count == 0 ? "none" : string.Join(" ", f.Contributors), N($"{Sus}.{key}.us_personnel", f.UsPersonnel));

    private static Inline[] Join(IEnumerable<IReadOnlyList<Inline>> runs) =>
        runs.SelectMany((x, i) => i == 0 ? x : L("; ", x)).ToArray();

    private static string Name(PlanResult r, string nation) =>
        r.Sustainment?.Cost.FirstOrDefault(c => c.Nation == nation)?.Name ?? nation;

    /// <summary>The scenario's stance policies as one table: what each level sends at war and under a ceasefire, inside and outside Ukraine.</summary>
    private static Section StancesSection(PlanResult r)
    {
        if (r.StancePolicies is not { } policies) return new Section("stances", Title("stances"), [new NotComputed("not in this result (written before stance policies were recorded)")]);
        var blocks = new List<Block>
        {
            P("What a nation at each stance may send under this scenario's policies", r.Scenario.Ceasefire ? " (the scenario is a ceasefire)" : " (the scenario is at war)",
                ": into Ukraine, or in support from outside it (fighter squadrons and long-range strike from their bases). The US under the backstop rule sends what the backstop allows, whatever its stance."),
            new Table("What each stance level may send", ["stance", "Europe & Canada nations", "at war: into Ukraine", "at war: from outside", "ceasefire: into Ukraine", "ceasefire: from outside"],
                policies.Select(p => Row(p.Level, p.Nations.Count == 0 ? "none" : string.Join(" ", p.Nations), p.WarInside, p.WarOutside, p.CeasefireInside, p.CeasefireOutside)).ToArray()),
        };
        return new Section("stances", Title("stances"), blocks);
    }
}
