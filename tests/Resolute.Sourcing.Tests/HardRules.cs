using Resolute.Domain;

namespace Resolute.Sourcing.Tests;

/// <summary>
/// An independent reading of the scenario's hard rules, written from the rule descriptions rather than from the model, used
/// to check every plan the solver returns.
/// </summary>
internal static class HardRules
{
    private static readonly UnitKind[] Outside = [UnitKind.FighterSquadron, UnitKind.Lrs];

    public static List<string> Violations(Dataset d, Scenario s, ForcePlan plan)
    {
        var bad = new List<string>();
        var r = s.Rules;
        var slots = Slots.Of(s).ToDictionary(x => x.Id);
        var units = d.Units.ToDictionary(u => u.Id);
        var used = plan.Assignments.Select(a => units[a.Unit]).ToArray();
        if (used.Select(u => u.Id).Distinct().Count() != used.Length) bad.Add("a unit fills two slots");
        if (plan.Assignments.Select(a => a.Slot).Distinct().Count() != plan.Assignments.Count) bad.Add("a slot holds two units");
        var window = s.ReadinessDeadline is { } deadline ? deadline.DayNumber - s.Offer.DayNumber : int.MaxValue;
        foreach (var a in plan.Assignments)
        {
            var u = units[a.Unit];
            var n = d.NationsByCode[u.Nation];
            if (!slots[a.Slot].Element.Accepts(u)) bad.Add($"{u.Id} does not fit {a.Slot}");
            if (n.Group is NationGroup.Ukraine or NationGroup.Adversary) bad.Add($"{u.Id} is not a coalition unit");
            if (u.ReadinessDays > window) bad.Add($"{u.Id} not ready");
            if (r.HomeDefence.ExcludeHomeDefenceUnits && u.HomeDefence) bad.Add($"{u.Id} is home defence");
            if (r.EuropeanLead.Covers(u.Kind) && n.Group != NationGroup.EuropeCanada) bad.Add($"{u.Id}: a non-European unit in a lead post");
            var us = n.Group == NationGroup.Us && r.UsBackstop.Enabled;
            if (u.IsCommitted && (r.HomeDefence.ExcludeCommitted || (us && r.UsBackstop.NoNetIncrease))) bad.Add($"{u.Id} is committed");
            if (us)
            {
                if (!r.UsBackstop.AllowedKinds.Contains(u.Kind)) bad.Add($"{u.Id} kind not in the US backstop");
                continue;
            }
            var p = r.Stances[s.StanceOf(d, u.Nation)];
            if (!p.Contribute || (p.CeasefireOnly && !s.Ceasefire)) bad.Add($"{u.Id}: {u.Nation} may not contribute");
            if (!p.InsideUkraine && !Outside.Contains(u.Kind)) bad.Add($"{u.Id}: {u.Nation} only from outside Ukraine");
            if (p.EnablersOnly && u.Kind == UnitKind.ManoeuvreBrigade) bad.Add($"{u.Id}: {u.Nation} enablers only");
        }
        foreach (var g in used.GroupBy(u => u.Nation))
        {
            var n = d.NationsByCode[g.Key];
            var brigades = g.Count(u => u.Kind == UnitKind.ManoeuvreBrigade);
            var all = d.Units.Where(u => u.Nation == g.Key && u.Kind == UnitKind.ManoeuvreBrigade).ToArray();
            if (!(n.Group == NationGroup.Us && r.UsBackstop.Enabled) && r.Stances[s.StanceOf(d, g.Key)].MaxManoeuvreBrigades is { } max && brigades > max)
                bad.Add($"{g.Key} over its stance's brigade cap");
            var floor = r.HomeDefence.Floors.TryGetValue(g.Key, out var f) ? f : r.HomeDefence.DefaultFloor;
            var atHome = all.Length - brigades - all.Count(u => u.IsCommitted);
            // Brigades already committed abroad may leave a nation below its floor; the rule only forbids sending more.
            if (floor > 0 && brigades > 0 && atHome < floor * all.Length - 1e-9) bad.Add($"{g.Key} below its home-defence floor");
            if (r.Rotation.Enabled && !r.Rotation.AcceptSingleRotation)
                foreach (var k in g.GroupBy(u => u.Kind))
                    if (k.Count() * r.Rotation.Ratio > d.Units.Count(u => u.Nation == g.Key && u.Kind == k.Key && !u.HomeDefence && !u.IsCommitted))
                        bad.Add($"{g.Key} cannot rotate its {k.Key}");
        }
        if (r.Cohesion.Enabled)
            foreach (var f in plan.Assignments.Where(a => a.Formation is not null).GroupBy(a => a.Formation))
                if (f.Select(a => a.Nation).Distinct().Count() > r.Cohesion.MaxNationsPerDivision) bad.Add($"{f.Key} has too many nations");
        if (r.GroupShare.Enabled)
        {
            bool InGroup(Unit u) => d.NationsByCode[u.Nation].Group == r.GroupShare.Group;
            double Cv(Unit u) => d.HoldingsOf(u.Id).Sum(h => h.Count * d.EquipmentById[h.EquipmentId].CombatValue);
            void Check(string what, double threshold, Func<Unit, double> amount)
            {
                var total = used.Sum(amount);
                if (total > 0 && used.Where(InGroup).Sum(amount) / total < threshold - 1e-4) bad.Add($"{what} share below {threshold}");
            }
            Check("personnel", r.GroupShare.MinPersonnelShare, u => u.Personnel);
            if (r.GroupShare.EquipmentMeasures.Contains(EquipmentMeasure.Count)) Check("equipment", r.GroupShare.MinEquipmentShare, u => d.HoldingsOf(u.Id).Sum(h => h.Count));
            if (r.GroupShare.EquipmentMeasures.Contains(EquipmentMeasure.CombatValue)) Check("combat value", r.GroupShare.MinEquipmentShare, Cv);
        }
        return bad;
    }
}
