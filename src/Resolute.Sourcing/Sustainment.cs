using Resolute.Domain;
using Resolute.Domain.Assumptions;

namespace Resolute.Sourcing;

/// <summary>
/// The force that can be held, beside the force that can be sent once. Under a rotation ratio r every deployed unit needs
/// r − 1 like units at home (recovering, training), so a nation with a pool of P like units keeps at most ⌊P ÷ r⌋ of them
/// deployed indefinitely. The sustained force is a second force generation of the same scenario with that cap on (a single
/// rotation not accepted); the comparison says which slots of the requirement cannot be held and who could fill them,
/// when each nation that sends more than it can rotate runs out, and what holding the force costs over the years.
/// </summary>
/// <remarks>
/// Running out: a nation that sends d units of a kind from a pool of P like units relieves them every tour with d units
/// that have rested r − 1 tours. Tour k needs d units not used in the k − 1 tours before it, so it can supply
/// ⌊P ÷ d⌋ tours; when that is below r the rotation breaks at the start of tour ⌊P ÷ d⌋ + 1. Cost per year of a deployed
/// unit: personnel × the cost per person-year, plus the procurement value of its major equipment × (operating share +
/// wear share); the force is costed as deployed, constant over the horizon (no escalation).
/// </remarks>
public static class Sustainment
{
    /// <summary>
    /// The sustained force of <paramref name="scenario"/> and its comparison with <paramref name="oneOff"/> (the scenario's own
    /// plan); null when the scenario's rotation rule is off, since then nothing says how many like units a deployed one needs.
    /// </summary>
    /// <exception cref="ArgumentException">A sustainment or cost assumption is out of bounds (a loaded scenario was checked).</exception>
    public static SustainmentResult? Assess(Dataset dataset, Scenario scenario, ForcePlan oneOff, SolveOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        ArgumentNullException.ThrowIfNull(scenario);
        ArgumentNullException.ThrowIfNull(oneOff);
        var rotation = scenario.Rules.Rotation;
        if (!rotation.Enabled) return null;
        var (a, problems) = AssumptionCatalogue.Resolve<SustainmentParameter>(scenario.Assumptions, scenario.AssumptionsAt);
        if (a is null) throw new ArgumentException(string.Join("; ", problems), nameof(scenario));
        var horizon = (int)Math.Round(a[(int)SustainmentParameter.HorizonYears].Value);
        var tour = a[(int)SustainmentParameter.TourMonths].Value;
        var wear = a[(int)SustainmentParameter.EquipmentWearShare].Value;

        // The same scenario with the rotation cap on; when the scenario already refuses a single rotation, its plan is the sustained one.
        var held = scenario with { Rules = scenario.Rules with { Rotation = rotation with { AcceptSingleRotation = false } } };
        var plan = rotation.AcceptSingleRotation ? ForceGenerator.Solve(dataset, held, options, null, cancellationToken) : oneOff;
        var inst = new Instance(dataset, held);
        var byId = inst.Units.ToDictionary(u => u.Unit.Id, StringComparer.Ordinal);
        int Pool(string nation, UnitKind kind) => RotationRule.Pool(inst.Units.Where(u => u.Unit.Nation == nation && u.Unit.Kind == kind).Select(u => u.Unit));

        var spec = (SustainmentParameter p) => Plan(scenario, AssumptionCatalogue.Of(p), a[(int)p]);
        return new SustainmentResult(
            rotation.Ratio, tour, horizon, Size(oneOff), Size(plan),
            Gaps(inst, oneOff, plan, rotation, Pool),
            plan.Suggestions.Where(s => s.Rule != RuleKind.Rotation).ToArray(),
            RunsOut(oneOff, rotation, tour, horizon, Pool),
            Costs(inst, oneOff, plan, byId, wear, horizon),
            [spec(SustainmentParameter.HorizonYears), spec(SustainmentParameter.TourMonths), spec(SustainmentParameter.EquipmentWearShare), inst.Cost.PerPerson, inst.Cost.EquipmentShare],
            plan);
    }

    private static PlanAssumption Plan(Scenario s, AssumptionSpec spec, Assumption x) =>
        new(x.Id, spec.Description, x.Value, x.Unit, x.Reference, s.Assumptions.Any(y => y.Id == x.Id));

    private static ForceSize Size(ForcePlan p) =>
        new(p.Fill.Slots, p.Fill.FilledSlots, p.Fill.WeightedFill, p.Fill.Personnel, p.Breadth.Nations, p.Breadth.Contributors, p.Us.Personnel);

    private static SustainmentGap[] Gaps(Instance inst, ForcePlan oneOff, ForcePlan held, RotationRule rotation, Func<string, UnitKind, int> pool)
    {
        var filledOnce = oneOff.Assignments.Select(x => x.Slot).ToHashSet(StringComparer.Ordinal);
        var deployed = held.Assignments.GroupBy(x => (x.Nation, x.Kind)).ToDictionary(g => g.Key, g => g.Count());
        return held.Shortfalls.GroupBy(s => (s.Role, Accepts: string.Join(',', s.Kinds) + "|" + string.Join(',', s.Types)))
            .Select(g =>
            {
                var first = g.First();
                var element = inst.Slots.First(x => x.Id == first.Slot).Element;
                // Nations whose eligible units of this element exceed what they can rotate: they could send one once, not hold it.
                var nations = inst.Units.Where(u => u.Exclusions.Count == 0 && element.Accepts(u.Unit))
                    .GroupBy(u => (u.Unit.Nation, u.Unit.Kind))
                    .Select(n =>
                    {
                        var p = pool(n.Key.Nation, n.Key.Kind);
                        var sustainable = rotation.Sustainable(p);
                        return new RotationCapacity(n.Key.Nation, n.Key.Kind, n.Count(), p, sustainable, deployed.GetValueOrDefault(n.Key),
                            Math.Max(0, n.Count() - sustainable), (rotation.Ratio * (sustainable + 1)) - p);
                    })
                    .Where(c => c.Spare > 0).OrderByDescending(c => c.Spare).ThenBy(c => c.Nation, StringComparer.Ordinal).ThenBy(c => c.Kind).ToArray();
                return new SustainmentGap(first.Role, first.Kinds, first.Types, g.Count(), g.Count(s => filledOnce.Contains(s.Slot)), nations);
            }).ToArray();
    }

    private static RunOut[] RunsOut(ForcePlan oneOff, RotationRule rotation, double tour, int horizon, Func<string, UnitKind, int> pool) =>
        oneOff.Assignments.GroupBy(x => (x.Nation, x.Kind)).Select(g =>
        {
            var d = g.Count();
            var p = pool(g.Key.Nation, g.Key.Kind);
            var tours = p / d;
            var months = tours * tour;
            return (Row: new RunOut(g.Key.Nation, g.Key.Kind, d, p, rotation.Sustainable(p), tours, months, months < horizon * 12 ? (int)Math.Floor(months / 12) + 1 : null), Breaks: d * rotation.Ratio > p);
        })
        .Where(x => x.Breaks).Select(x => x.Row)
        .OrderBy(r => r.Months).ThenBy(r => r.Nation, StringComparer.Ordinal).ThenBy(r => r.Kind).ToArray();

    private static SustainmentCost[] Costs(Instance inst, ForcePlan oneOff, ForcePlan held, Dictionary<string, UnitInfo> byId, double wear, int horizon)
    {
        double Annual(IEnumerable<Assignment> xs) => xs.Sum(x => byId[x.Unit].AnnualCost + (byId[x.Unit].ProcurementValue * wear));
        var once = oneOff.Assignments.ToLookup(x => x.Nation, StringComparer.Ordinal);
        var kept = held.Assignments.ToLookup(x => x.Nation, StringComparer.Ordinal);
        return once.Select(g => g.Key).Union(kept.Select(g => g.Key), StringComparer.Ordinal).Select(code =>
        {
            var nation = inst.Dataset.NationsByCode[code];
            var units = kept[code].Select(x => byId[x.Unit]).ToArray();
            var personnel = units.Sum(u => u.Personnel);
            var people = personnel * inst.Cost.PerPerson.Value;
            var operating = units.Sum(u => u.ProcurementValue) * inst.Cost.EquipmentShare.Value;
            var worn = units.Sum(u => u.ProcurementValue) * wear;
            var annual = people + operating + worn;
            return new SustainmentCost(code, nation.Name, nation.Group, units.Length, personnel, Math.Round(people), Math.Round(operating), Math.Round(worn), Math.Round(annual),
                Math.Round(annual * horizon), nation.DefenceUsd, nation.DefenceUsd > 0 ? annual / nation.DefenceUsd : 0, Math.Round(Annual(once[code])),
                nation.DefenceUsd > 0 ? Annual(once[code]) / nation.DefenceUsd : 0);
        }).OrderByDescending(c => c.AnnualUsd).ThenByDescending(c => c.OneOffAnnualUsd).ThenBy(c => c.Nation, StringComparer.Ordinal).ToArray();
    }
}

/// <summary>The force deployable once and the force that can be held, their gaps, who runs out first, and what holding it costs.</summary>
/// <param name="Ratio">The scenario's rotation ratio r: like units needed to keep one deployed.</param>
/// <param name="TourMonths">Months of one tour before a like unit relieves it.</param>
/// <param name="HorizonYears">Years over which the force is held and costed.</param>
/// <param name="OneOff">The scenario's own plan (a single rotation when the scenario accepts it).</param>
/// <param name="Sustained">The plan with every nation held to what it can rotate.</param>
/// <param name="Gaps">The requirement's elements the sustained force leaves empty, and who could fill them once.</param>
/// <param name="Suggestions">Single changes that would let the sustained force fill more (stances, floors, shares…), best first; accepting a single rotation is not one.</param>
/// <param name="RunsOut">Each nation and unit kind of the one-off force that cannot be rotated, the first to run out first.</param>
/// <param name="Cost">Per nation: annual and cumulative cost of the sustained force, and the one-off force's annual cost, against its defence budget; largest first.</param>
/// <param name="Assumptions">The sustainment and cost assumptions used, with values and references.</param>
/// <param name="Plan">The sustained force's plan, with its shortfalls and binding rules.</param>
public sealed record SustainmentResult(
    int Ratio, double TourMonths, int HorizonYears, ForceSize OneOff, ForceSize Sustained, IReadOnlyList<SustainmentGap> Gaps, IReadOnlyList<Suggestion> Suggestions,
    IReadOnlyList<RunOut> RunsOut, IReadOnlyList<SustainmentCost> Cost, IReadOnlyList<PlanAssumption> Assumptions, ForcePlan Plan)
{
    /// <summary>Annual cost of the sustained force, all nations (USD).</summary>
    public double AnnualUsd => Cost.Sum(c => c.AnnualUsd);

    /// <summary>Cost of the sustained force over the horizon, all nations (USD).</summary>
    public double CumulativeUsd => Cost.Sum(c => c.CumulativeUsd);
}

/// <summary>The size of a force.</summary>
/// <param name="Slots">Slots of the requirement.</param>
/// <param name="FilledSlots">Slots filled.</param>
/// <param name="WeightedFill">Slot weight filled.</param>
/// <param name="Personnel">Personnel deployed.</param>
/// <param name="Nations">Contributing coalition nations (the US backstop not counted).</param>
/// <param name="Contributors">Those nations' codes.</param>
/// <param name="UsPersonnel">Personnel of the US backstop.</param>
public sealed record ForceSize(int Slots, int FilledSlots, double WeightedFill, int Personnel, int Nations, IReadOnlyList<string> Contributors, int UsPersonnel);

/// <summary>An element of the requirement whose slots the sustained force leaves empty.</summary>
/// <param name="Role">The element's role.</param>
/// <param name="Kinds">Unit kinds it accepts.</param>
/// <param name="Types">Unit types it accepts (empty: any).</param>
/// <param name="Slots">Its slots the sustained force leaves empty.</param>
/// <param name="FilledOnce">Of those, the slots the one-off force fills.</param>
/// <param name="Nations">Nations with eligible units of this element beyond what they can rotate, most spare first.</param>
public sealed record SustainmentGap(string Role, IReadOnlyList<UnitKind> Kinds, IReadOnlyList<string> Types, int Slots, int FilledOnce, IReadOnlyList<RotationCapacity> Nations);

/// <summary>What a nation could add to an element it cannot hold.</summary>
/// <param name="Nation">The nation.</param>
/// <param name="Kind">The unit kind.</param>
/// <param name="Eligible">Its units the element accepts that no rule keeps out.</param>
/// <param name="Pool">Its like units that can take turns (not home defence, not committed).</param>
/// <param name="Sustainable">How many of them it can keep deployed: pool ÷ ratio, rounded down.</param>
/// <param name="Deployed">Units of the kind it has in the sustained force.</param>
/// <param name="Spare">Eligible units beyond what it can rotate: units it could send once, not hold.</param>
/// <param name="PoolToHoldOneMore">Like units its pool would need to add to keep one more deployed.</param>
public sealed record RotationCapacity(string Nation, UnitKind Kind, int Eligible, int Pool, int Sustainable, int Deployed, int Spare, int PoolToHoldOneMore);

/// <summary>A nation that sends more units of a kind than it can rotate: when its rotation breaks.</summary>
/// <param name="Nation">The nation.</param>
/// <param name="Kind">The unit kind.</param>
/// <param name="Deployed">Units of the kind in the one-off force.</param>
/// <param name="Pool">Its like units that can take turns.</param>
/// <param name="Sustainable">How many it could keep deployed.</param>
/// <param name="Tours">Tours it can supply in full: pool ÷ deployed, rounded down.</param>
/// <param name="Months">Months from deployment until the first tour it cannot supply.</param>
/// <param name="Year">The year of the horizon (1 = the first) in which that happens; null when beyond the horizon.</param>
public sealed record RunOut(string Nation, UnitKind Kind, int Deployed, int Pool, int Sustainable, int Tours, double Months, int? Year);

/// <summary>A nation's cost of holding the sustained force, and of the one-off force for comparison.</summary>
/// <param name="Nation">The nation.</param>
/// <param name="Name">Its name.</param>
/// <param name="Group">Its burden-sharing group.</param>
/// <param name="Units">Its units in the sustained force.</param>
/// <param name="Personnel">Their personnel.</param>
/// <param name="PersonnelUsd">Annual personnel cost (personnel × cost per person-year).</param>
/// <param name="OperatingUsd">Annual operating cost of their major equipment.</param>
/// <param name="WearUsd">Annual wear of their major equipment.</param>
/// <param name="AnnualUsd">Annual cost of its sustained contribution.</param>
/// <param name="CumulativeUsd">Annual cost × the horizon in years.</param>
/// <param name="DefenceUsd">Its defence budget (nations.csv).</param>
/// <param name="ShareOfDefence">Annual cost ÷ defence budget.</param>
/// <param name="OneOffAnnualUsd">Annual cost of its one-off contribution, by the same model.</param>
/// <param name="OneOffShareOfDefence">That ÷ defence budget.</param>
public sealed record SustainmentCost(
    string Nation, string Name, NationGroup Group, int Units, int Personnel, double PersonnelUsd, double OperatingUsd, double WearUsd, double AnnualUsd,
    double CumulativeUsd, long DefenceUsd, double ShareOfDefence, double OneOffAnnualUsd, double OneOffShareOfDefence);
