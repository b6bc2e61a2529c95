namespace Resolute.Sourcing;

/// <summary>
/// The baseline planners reach for by hand: take the slots by weight (heaviest first, then in requirement order) and give each
/// the largest, readiest eligible unit that keeps every hard rule (checked on the partial plan). It never backtracks, so a
/// share or cohesion rule can shut it out of slots the optimiser fills.
/// </summary>
internal static class Greedy
{
    public static int?[] Plan(Instance inst)
    {
        var plan = new int?[inst.Slots.Count];
        var used = new HashSet<int>();
        var order = Enumerable.Range(0, inst.Slots.Count).OrderByDescending(s => inst.Slots[s].Element.Weight).ThenBy(s => s).ToArray();
        foreach (var s in order)
        {
            var candidates = inst.PairsOfSlot[s].Select(p => inst.Units[inst.Pairs[p].Unit])
                .Where(u => u.Exclusions.Count == 0 && !used.Contains(u.Index))
                .OrderByDescending(u => u.Personnel).ThenBy(u => u.Unit.ReadinessDays).ThenBy(u => u.Index);
            foreach (var u in candidates)
            {
                plan[s] = u.Index;
                if (Evaluation.Violations(inst, plan).Count == 0) { used.Add(u.Index); break; }
                plan[s] = null;
            }
        }
        return plan;
    }
}
