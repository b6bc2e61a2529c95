using System.Globalization;
using Resolute.Domain;

namespace Resolute.Sourcing;

/// <summary>Turns a solved plan (slot → unit) into the public <see cref="ForcePlan"/>.</summary>
internal static class PlanReport
{
    public static ForcePlan Build(Instance inst, int?[] plan, Explanation explanation, SolverReport solver)
    {
        var s = inst.Scenario;
        var r = s.Rules;
        var used = plan.OfType<int>().Select(u => inst.Units[u]).ToArray();
        var usedSet = plan.OfType<int>().ToHashSet();

        var assignments = new List<Assignment>();
        var shortfalls = new List<Shortfall>();
        for (var i = 0; i < plan.Length; i++)
        {
            var slot = inst.Slots[i];
            if (plan[i] is { } ui)
            {
                var u = inst.Units[ui];
                assignments.Add(new Assignment(slot.Id, slot.Formation, slot.Element.Role, slot.Index, u.Unit.Id, u.Unit.Name, u.Unit.Nation, u.Unit.Kind, u.Unit.Type,
                    u.Personnel, u.Equipment, Math.Round(u.CombatValue, 3), Math.Round(u.AnnualCost)));
                continue;
            }
            var candidates = inst.PairsOfSlot[i].Select(p => inst.Units[inst.Pairs[p].Unit]).ToArray();
            shortfalls.Add(new Shortfall(slot.Id, slot.Formation, slot.Element.Role, slot.Index, slot.Element.Weight, slot.Element.Kinds, slot.Element.Types,
                candidates.Length, Reasons(inst, slot, candidates, usedSet), explanation.SlotBinding.GetValueOrDefault(i) ?? []));
        }

        var personnel = used.Sum(u => u.Personnel);
        var fill = new FillSummary(plan.Length, used.Length, inst.Slots.Sum(x => x.Element.Weight), plan.Select((u, i) => u is null ? 0 : inst.Slots[i].Element.Weight).Sum(),
            personnel, used.Sum(u => u.Equipment), Math.Round(used.Sum(u => u.CombatValue), 3));

        var contributors = used.Select(u => u.Nation).DistinctBy(n => n.Iso3).ToArray();
        var coalition = contributors.Where(n => !inst.Backstop.Contains(n.Iso3)).ToArray();
        var burden = Burden(inst, used, contributors);
        return new ForcePlan(
            s.Id, inst.Dataset.Version, s.Seed, fill, assignments, shortfalls, explanation.Binding, explanation.Suggestions,
            ShareChecks(r.GroupShare, used), Us(inst, used), new BreadthSummary(coalition.Length, coalition.Select(n => n.Iso3).Order(StringComparer.Ordinal).ToArray(), inst.GdpShare.Count),
            Formations(inst, plan), burden, Fairness(burden), Rotation(inst, used), Assumptions(inst), solver);
    }

    private static ShortfallReason[] Reasons(Instance inst, Slot slot, UnitInfo[] candidates, HashSet<int> used)
    {
        if (candidates.Length == 0)
        {
            var types = slot.Element.Types.Count == 0 ? "" : $" of type {string.Join("/", slot.Element.Types)}";
            return [new ShortfallReason(RuleKind.Catalog, null, 0, $"no unit in the catalog is a {string.Join("/", slot.Element.Kinds.Select(k => k.ToCode()))}{types}")];
        }
        var reasons = new List<ShortfallReason>();
        var kept = candidates.Where(u => u.Exclusions.Count > 0).GroupBy(u => u.Exclusions[0]).OrderBy(g => g.Key);
        foreach (var g in kept)
        {
            var text = g.Key.Kind switch
            {
                RuleKind.Readiness => $"not ready within {inst.ReadinessWindowDays} days",
                RuleKind.Route => "no border crossing serves its mode of travel",
                RuleKind.HomeDefenceUnits => "earmarked for home defence",
                RuleKind.Committed => "committed elsewhere",
                RuleKind.Stance => $"{g.Key.Nation} stance {g.First().Stance.ToCode()}: {Explanation.Policy(inst.Scenario.Rules.Stances.GetValueOrDefault(g.First().Stance), inst.Scenario.Ceasefire)}",
                RuleKind.UsAllowedKinds => "kind not in the US backstop",
                RuleKind.UsNoNetIncrease => "US unit with a standing commitment (would need a backfill)",
                RuleKind.EuropeanLead => $"not from {NationGroup.EuropeCanada.ToCode()} (European lead)",
                _ => g.Key.ToString(),
            };
            reasons.Add(new ShortfallReason(g.Key.Kind, g.Key.Nation, g.Count(), text));
        }
        var elsewhere = candidates.Count(u => u.Exclusions.Count == 0 && used.Contains(u.Index));
        if (elsewhere > 0) reasons.Add(new ShortfallReason(RuleKind.Catalog, null, elsewhere, "eligible but filling other slots"));
        var idle = candidates.Count(u => u.Exclusions.Count == 0 && !used.Contains(u.Index));
        if (idle > 0) reasons.Add(new ShortfallReason(RuleKind.ObjectiveTradeOff, null, idle, "eligible and unused: placing one would break a plan-wide rule (see binding rules)"));
        return [.. reasons];
    }

    private static ShareCheck[] ShareChecks(GroupShareRule g, UnitInfo[] used)
    {
        ShareCheck Check(ShareMeasure m, double threshold, bool enforced, Func<UnitInfo, double> amount)
        {
            var total = used.Sum(amount);
            var group = used.Where(u => u.InGroup).Sum(amount);
            // 0 of 0 is no share at all: reporting it as 100 % would claim a check that nothing was there to pass.
            if (!(total > 0)) return new ShareCheck(m, g.Group, threshold, Math.Round(group, 3), 0, null, null, enforced, null);
            var share = group / total;
            return new ShareCheck(m, g.Group, threshold, Math.Round(group, 3), Math.Round(total, 3), share, share - threshold, enforced, !enforced || share >= threshold - 1e-9);
        }
        return
        [
            Check(ShareMeasure.Personnel, g.MinPersonnelShare, g.Enabled, u => u.Personnel),
            Check(ShareMeasure.EquipmentCount, g.MinEquipmentShare, g.Enabled && g.EquipmentMeasures.Contains(EquipmentMeasure.Count), u => u.Equipment),
            Check(ShareMeasure.CombatValue, g.MinEquipmentShare, g.Enabled && g.EquipmentMeasures.Contains(EquipmentMeasure.CombatValue), u => u.CombatValue),
        ];
    }

    private static UsContribution Us(Instance inst, UnitInfo[] used)
    {
        var b = inst.Scenario.Rules.UsBackstop;
        var us = used.Where(u => u.Nation.Group == NationGroup.Us).ToArray();
        var before = inst.Units.Where(u => u.Nation.Group == NationGroup.Us).Sum(u => u.Personnel);
        var backfill = us.Where(u => u.Unit.IsCommitted).Sum(u => u.Personnel);
        var total = used.Sum(u => u.Personnel);
        return new UsContribution(b.Enabled, b.AllowedKinds, us.Select(u => u.Unit.Id).ToArray(), us.Sum(u => u.Personnel), us.Sum(u => u.Equipment),
            Math.Round(us.Sum(u => u.CombatValue), 3), total > 0 ? (double)us.Sum(u => u.Personnel) / total : 0, before, backfill, before + backfill, backfill,
            b.NoNetIncrease, backfill <= 0, !b.Enabled || us.All(u => b.AllowedKinds.Contains(u.Unit.Kind)));
    }

    private static FormationSummary[] Formations(Instance inst, int?[] plan)
    {
        var k = inst.Scenario.Rules.Cohesion;
        return inst.Formations.Select(f =>
        {
            var units = f.Slots.Where(s => plan[s] is not null).Select(s => inst.Units[plan[s]!.Value]).ToArray();
            var nations = units.GroupBy(u => u.Unit.Nation, StringComparer.Ordinal).OrderByDescending(g => g.Sum(u => u.Personnel)).ThenBy(g => g.Key, StringComparer.Ordinal)
                .Select(g => g.Key).ToArray();
            var hq = units.FirstOrDefault(u => u.Unit.Kind is UnitKind.DivisionHq or UnitKind.CorpsHq);
            return new FormationSummary(f.Name, f.Template, hq?.Unit.Nation ?? nations.FirstOrDefault(), nations, f.Slots.Count, units.Length, k.Enabled ? k.MaxNationsPerDivision : 0);
        }).ToArray();
    }

    private static NationBurden[] Burden(Instance inst, UnitInfo[] used, Nation[] contributors)
    {
        // Shares among the coalition: the backstop's personnel and GDP are left out of both sides (see NationBurden).
        var coalition = contributors.Where(n => !inst.Backstop.Contains(n.Iso3)).ToArray();
        var total = used.Where(inst.InCoalition).Sum(u => (double)u.Personnel);
        var gdp = coalition.Sum(n => (double)n.GdpUsd);
        var defence = coalition.Sum(n => (double)n.DefenceUsd);
        return used.GroupBy(u => u.Unit.Nation, StringComparer.Ordinal).Select(g =>
        {
            var n = g.First().Nation;
            var p = g.Sum(u => u.Personnel);
            var cost = g.Sum(u => u.AnnualCost);
            var backstop = inst.Backstop.Contains(n.Iso3);
            double? shareForce = backstop ? null : total > 0 ? p / total : 0;
            double? shareGdp = backstop ? null : gdp > 0 ? n.GdpUsd / gdp : 0;
            double? shareDefence = backstop ? null : defence > 0 ? n.DefenceUsd / defence : 0;
            return new NationBurden(n.Iso3, n.Name, n.Group, g.First().Stance, g.Count(), p, g.Sum(u => u.Equipment), Math.Round(g.Sum(u => u.CombatValue), 3), Math.Round(cost),
                shareForce, shareGdp, shareDefence, shareForce - shareGdp, n.DefenceUsd > 0 ? 100 * cost / n.DefenceUsd : 0);
        }).OrderByDescending(b => b.Personnel).ThenBy(b => b.Nation, StringComparer.Ordinal).ToArray();
    }

    /// <summary>Fairness over the coalition's rows (the US backstop is bounded by its own rules, not by GDP).</summary>
    private static FairnessSummary Fairness(NationBurden[] burden)
    {
        var rows = burden.Where(b => b.GapToGdp is not null).ToArray();
        var ratios = rows.Where(b => b.ShareOfGdp > 0).Select(b => b.ShareOfForce!.Value / b.ShareOfGdp!.Value).ToArray();
        var sumSq = ratios.Sum(x => x * x);
        var jain = ratios.Length == 0 || sumSq == 0 ? 1 : ratios.Sum() * ratios.Sum() / (ratios.Length * sumSq);
        var worst = rows.OrderByDescending(b => Math.Abs(b.GapToGdp!.Value)).ThenBy(b => b.Nation, StringComparer.Ordinal).FirstOrDefault();
        return new FairnessSummary(jain, worst is null ? 0 : Math.Abs(worst.GapToGdp!.Value), worst?.Nation);
    }

    private static RotationNote[] Rotation(Instance inst, UnitInfo[] used)
    {
        var rot = inst.Scenario.Rules.Rotation;
        if (!rot.Enabled) return [];
        return used.GroupBy(u => (u.Unit.Nation, u.Unit.Kind)).OrderBy(g => g.Key.Nation, StringComparer.Ordinal).ThenBy(g => g.Key.Kind)
            .Select(g => new RotationNote(g.Key.Nation, g.Key.Kind, g.Count(),
                RotationRule.Pool(inst.Units.Where(u => u.Unit.Nation == g.Key.Nation && u.Unit.Kind == g.Key.Kind).Select(u => u.Unit)), rot.Ratio))
            .Where(n => n.Deployed * n.Ratio > n.Pool).ToArray();
    }

    private static PlanAssumption[] Assumptions(Instance inst) =>
    [
        inst.Cost.PerPerson,
        inst.Cost.EquipmentShare,
        new PlanAssumption("readiness_window_days", "Days from the offer to the readiness deadline (or, without one, the deployment horizon); a unit qualifies when its notice to move is no longer.",
            inst.ReadinessWindowDays, "days", inst.Scenario.ReadinessDeadline is { } deadline
                ? string.Create(CultureInfo.InvariantCulture, $"scenario offer {inst.Scenario.Offer:yyyy-MM-dd} and readiness_deadline {deadline:yyyy-MM-dd}")
                : string.Create(CultureInfo.InvariantCulture, $"scenario offer {inst.Scenario.Offer:yyyy-MM-dd} and deployment_horizon_days"), true),
        new PlanAssumption("us_posture_in_europe", "US personnel in Europe before deployment: the dataset lists only US forces stationed or rotating in Europe, so all US units are posture.",
            inst.Units.Where(u => u.Nation.Group == NationGroup.Us).Sum(u => u.Personnel), "persons", "dataset units.csv (US rows)", false),
    ];
}
