using Resolute.Domain;

namespace Resolute.Sourcing;

/// <summary>
/// Scores, checks and canonicalises a plan given as slot → unit (an index into <see cref="Instance.Units"/>, null when empty).
/// The score is the same weighted objective CP-SAT maximises, computed in floating point, so the CP-SAT plan and the greedy
/// baseline are compared on one scale.
/// </summary>
internal static class Evaluation
{
    /// <summary>The objective terms of a plan, in points.</summary>
    public static IReadOnlyList<ObjectiveTerm> Terms(Instance inst, int?[] plan)
    {
        var w = inst.Weights;
        var used = plan.OfType<int>().Select(u => inst.Units[u]).ToArray();
        var fill = plan.Select((u, s) => u is null ? 0 : inst.Slots[s].Element.Weight).Sum();
        var coalition = used.Where(inst.InCoalition).ToArray();
        var nations = Breadth(inst, plan);
        var gap = MaxGapPermille(inst, coalition);
        var cv = used.Sum(u => u.CombatValue);
        var cost = used.Sum(u => u.AnnualCost);
        return
        [
            new(ObjectiveKind.Fill, w[ObjectiveKind.Fill], fill, w[ObjectiveKind.Fill] * fill),
            new(ObjectiveKind.Breadth, w[ObjectiveKind.Breadth], nations, w[ObjectiveKind.Breadth] * nations),
            new(ObjectiveKind.Fairness, w[ObjectiveKind.Fairness], gap, -w[ObjectiveKind.Fairness] * gap / 1000),
            new(ObjectiveKind.CombatValue, w[ObjectiveKind.CombatValue], cv, w[ObjectiveKind.CombatValue] * cv / inst.CombatValueRef),
            new(ObjectiveKind.Cost, w[ObjectiveKind.Cost], cost, -w[ObjectiveKind.Cost] * cost / inst.CostRef),
        ];
    }

    /// <summary>Coalition breadth: distinct contributing nations, not counting the US backstop.</summary>
    public static int Breadth(Instance inst, int?[] plan) =>
        plan.OfType<int>().Select(u => inst.Units[u]).Where(inst.InCoalition).Select(u => u.Unit.Nation).Distinct(StringComparer.Ordinal).Count();

    /// <summary>The weighted objective of a plan, in points.</summary>
    public static double Score(Instance inst, int?[] plan) => Terms(inst, plan).Sum(t => t.Points);

    /// <summary>
    /// The largest gap between a coalition nation's personnel and its GDP share of the coalition's personnel, in per mille of
    /// the reference force: over-contribution for every nation, under-contribution for contributors only (as in the model).
    /// <paramref name="used"/> holds the coalition's units only.
    /// </summary>
    private static double MaxGapPermille(Instance inst, UnitInfo[] used)
    {
        if (used.Length == 0) return 0;
        var total = used.Sum(u => (double)u.Personnel);
        var gap = 0.0;
        foreach (var g in used.GroupBy(u => u.Unit.Nation, StringComparer.Ordinal))
        {
            var own = g.Sum(u => (double)u.Personnel);
            var fair = inst.GdpShare.GetValueOrDefault(g.Key) * total;
            gap = Math.Max(gap, Math.Abs(own - fair));
        }
        return 1000 * gap / inst.PersonnelRef;
    }

    /// <summary>Weighted fill × 100 (the integer the model uses).</summary>
    public static long Fill100(Instance inst, int?[] plan) => plan.Select((u, s) => u is null ? 0 : inst.SlotWeight100[s]).Sum();

    /// <summary>Every hard rule the plan breaks (empty when it is valid). Rules in <paramref name="off"/> are not checked.</summary>
    public static IReadOnlyList<RuleKey> Violations(Instance inst, int?[] plan, Func<RuleKey, bool>? off = null)
    {
        bool On(RuleKey k) => inst.IsRule(k) && !(off?.Invoke(k) ?? false);
        var bad = new List<RuleKey>();
        var used = new HashSet<int>();
        for (var s = 0; s < plan.Length; s++)
        {
            if (plan[s] is not { } u) continue;
            if (!used.Add(u) || !inst.Slots[s].Element.Accepts(inst.Units[u].Unit)) bad.Add(new RuleKey(RuleKind.Catalog));
            bad.AddRange(inst.Units[u].Exclusions.Where(On));
        }
        foreach (var cap in inst.Caps)
            if (On(cap.Rule) && cap.Units.Count(used.Contains) > cap.Max) bad.Add(cap.Rule);
        var cohesion = new RuleKey(RuleKind.Cohesion);
        if (On(cohesion))
            foreach (var f in inst.Formations)
                if (f.Slots.Where(s => plan[s] is not null).Select(s => inst.Units[plan[s]!.Value].Unit.Nation).Distinct(StringComparer.Ordinal).Count()
                    > inst.Scenario.Rules.Cohesion.MaxNationsPerDivision) bad.Add(cohesion);
        var share = inst.Scenario.Rules.GroupShare;
        foreach (var (kind, threshold, amount) in ShareMeasures(share))
        {
            var key = new RuleKey(kind);
            if (!On(key)) continue;
            var t = (long)Math.Round(threshold * 10_000);
            var lhs = used.Sum(u => amount(inst.Units[u]) * ((inst.Units[u].InGroup ? 10_000 : 0) - t));
            if (lhs < 0) bad.Add(key);
        }
        return bad.Distinct().Order().ToArray();
    }

    internal static (RuleKind Kind, double Threshold, Func<UnitInfo, long> Amount)[] ShareMeasures(GroupShareRule share) =>
    [
        (RuleKind.PersonnelShare, share.MinPersonnelShare, u => u.Personnel),
        (RuleKind.EquipmentCountShare, share.MinEquipmentShare, u => u.Equipment),
        (RuleKind.EquipmentValueShare, share.MinEquipmentShare, u => (long)Math.Round(u.CombatValue * 100)),
    ];

    /// <summary>
    /// Picks one representative of the plan's symmetry class, so equal-scoring plans that differ only by symmetry come out
    /// identical whatever the worker count: interchangeable units (same nation, kind, type, figures and exclusions) are
    /// replaced by the lowest ids of their class; units in slots of one element of one formation are sorted; formations
    /// of one template are ordered by their contents.
    /// </summary>
    public static int?[] Canonical(Instance inst, int?[] plan)
    {
        var result = LowestOfClass(inst, plan);

        foreach (var group in Enumerable.Range(0, result.Length).GroupBy(s => (inst.Slots[s].Formation, inst.Slots[s].Element.Role)))
        {
            var slots = group.Order().ToArray();
            var units = slots.Select(s => result[s]).OfType<int>().Order().ToArray();
            for (var i = 0; i < slots.Length; i++) result[slots[i]] = i < units.Length ? units[i] : null;
        }

        foreach (var template in inst.Formations.GroupBy(f => f.Template, StringComparer.Ordinal))
        {
            var formations = template.ToArray();
            var contents = formations.Select(f => f.Slots.Select(s => result[s]).ToArray()).ToArray();
            var sorted = contents.OrderBy(c => c, Comparer<int?[]>.Create(CompareContents)).ToArray();
            for (var i = 0; i < formations.Length; i++)
                for (var j = 0; j < formations[i].Slots.Count; j++) result[formations[i].Slots[j]] = sorted[i][j];
        }
        return result;
    }

    /// <summary>The plan with each class of interchangeable units replaced by its lowest ids (slots keep their order).</summary>
    public static int?[] LowestOfClass(Instance inst, int?[] plan)
    {
        var result = (int?[])plan.Clone();
        foreach (var members in plan.OfType<int>().Select(u => inst.ClassIndex[u]).Distinct().Select(c => inst.Classes[c]))
        {
            var slots = Enumerable.Range(0, result.Length).Where(s => plan[s] is { } u && members.Contains(u)).ToArray();
            for (var i = 0; i < slots.Length; i++) result[slots[i]] = members[i];
        }
        return result;
    }

    private static int CompareContents(int?[] a, int?[] b)
    {
        for (var i = 0; i < Math.Min(a.Length, b.Length); i++)
        {
            var c = (a[i] ?? int.MaxValue).CompareTo(b[i] ?? int.MaxValue);
            if (c != 0) return c;
        }
        return a.Length.CompareTo(b.Length);
    }
}
