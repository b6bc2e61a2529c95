using Resolute.Domain;
using Resolute.Domain.Assumptions;
using Resolute.Domain.Diagnostics;

namespace Resolute.Sourcing;

/// <summary>One instance of a rule: a rule kind, and the nation for rules that apply per nation.</summary>
internal readonly record struct RuleKey(RuleKind Kind, string? Nation = null) : IComparable<RuleKey>
{
    public int CompareTo(RuleKey other)
    {
        var k = Kind.CompareTo(other.Kind);
        return k != 0 ? k : string.CompareOrdinal(Nation, other.Nation);
    }

    public override string ToString() => Nation is null ? Kind.ToString() : $"{Kind}({Nation})";
}

/// <summary>A unit of the catalog with the figures the model needs and the rules that keep it out.</summary>
internal sealed record UnitInfo(
    int Index, Unit Unit, Nation Nation, StanceLevel Stance, bool InGroup, int Personnel, int Equipment, double CombatValue,
    double ProcurementValue, double AnnualCost, IReadOnlyList<RuleKey> Exclusions);

/// <summary>A formation of the requirement and its slots.</summary>
internal sealed record FormationInfo(string Name, string Template, IReadOnlyList<int> Slots);

/// <summary>A per-nation cap on how many units of a set may deploy, tied to the rule that imposes it.</summary>
internal sealed record Cap(RuleKey Rule, IReadOnlyList<int> Units, int Max, string Text);

/// <summary>
/// A scenario and dataset compiled into what the model, the greedy baseline and the report share: the coalition's units
/// (Ukraine's and the adversary's are never candidates), the slots, which unit may fill which slot, which rule keeps
/// each unit out, the per-nation caps, and the normalisers of the objective terms.
/// </summary>
internal sealed class Instance
{
    /// <summary>Kinds that can support from outside Ukraine (aircraft and long-range strike from home bases).</summary>

    public Dataset Dataset { get; }
    public Scenario Scenario { get; }
    public IReadOnlyList<Slot> Slots { get; }
    public IReadOnlyList<UnitInfo> Units { get; }
    /// <summary>(unit, slot) pairs where the slot accepts the unit's kind and type, in slot-then-unit order.</summary>
    public IReadOnlyList<(int Unit, int Slot)> Pairs { get; }
    public IReadOnlyList<IReadOnlyList<int>> PairsOfSlot { get; }
    public IReadOnlyList<FormationInfo> Formations { get; }
    public IReadOnlyList<Cap> Caps { get; }
    /// <summary>Every rule instance the scenario switches on, sorted.</summary>
    public IReadOnlyList<RuleKey> Rules { get; }
    /// <summary>Days after the offer by which a unit must be ready: to the readiness deadline, else the deployment horizon.</summary>
    public int ReadinessWindowDays { get; }
    /// <summary>The deployment flow: routes through the border crossings and the shared throughput.</summary>
    public Flow Flow { get; }
    public IReadOnlyList<long> SlotWeight100 { get; }
    /// <summary>
    /// Coalition nations (not the US backstop) with at least one usable candidate, and their share of those nations' GDP:
    /// breadth and fairness are about the coalition; the backstop is bounded by its own rules.
    /// </summary>
    public IReadOnlyDictionary<string, double> GdpShare { get; }
    /// <summary>Nations whose units are the US backstop (the US when the scenario's backstop rule is on).</summary>
    public IReadOnlySet<string> Backstop { get; }
    public double PersonnelRef { get; }
    /// <summary>An upper bound on a plan's personnel: each slot's largest candidate, summed.</summary>
    public double MaxPlanPersonnel { get; }
    public double CombatValueRef { get; }
    public double CostRef { get; }
    public CostModel Cost { get; }
    public IReadOnlyDictionary<ObjectiveKind, double> Weights { get; }
    /// <summary>Classes of interchangeable units (members in index order), ordered by their first member.</summary>
    public IReadOnlyList<int[]> Classes { get; }
    /// <summary>Each unit's class in <see cref="Classes"/>.</summary>
    public IReadOnlyList<int> ClassIndex { get; }
    /// <summary>Each unit's weight in the tie-break between otherwise equal plans (higher is preferred): readier classes first.</summary>
    public IReadOnlyList<long> TieBreak { get; }

    public Instance(Dataset dataset, Scenario scenario)
    {
        Dataset = dataset;
        Scenario = scenario;
        Slots = Domain.Slots.Of(scenario);
        // A loaded scenario was checked against the assumption catalogue; one built in code may still be out of bounds.
        var (cost, problems) = CostModel.Of(scenario);
        Cost = cost ?? throw new ArgumentException(string.Join("; ", problems), nameof(scenario));
        var rules = scenario.Rules;
        var (rates, rateProblems) = Flow.Rates(scenario);
        if (rates is null) throw new ArgumentException(string.Join("; ", rateProblems), nameof(scenario));
        ReadinessWindowDays = scenario.ReadinessDeadline is { } deadline
            ? Math.Max(0, deadline.DayNumber - scenario.Offer.DayNumber)
            : (int)rates[(int)DeploymentParameter.HorizonDays].Value;
        Weights = Enum.GetValues<ObjectiveKind>().ToDictionary(k => k, k => scenario.Objectives.Where(o => o.Kind == k).Sum(o => o.Weight));

        var units = new List<UnitInfo>();
        foreach (var u in dataset.Units.OrderBy(u => u.Id, StringComparer.Ordinal))
        {
            if (!dataset.NationsByCode.TryGetValue(u.Nation, out var nation)) continue;
            if (nation.Group is NationGroup.Ukraine or NationGroup.Adversary) continue;
            var holdings = dataset.HoldingsOf(u.Id).ToArray();
            var equipment = holdings.Sum(h => h.Count);
            var cv = holdings.Sum(h => h.Count * (dataset.EquipmentById.TryGetValue(h.EquipmentId, out var e) ? e.CombatValue : 0));
            var value = holdings.Sum(h => h.Count * (double)(dataset.EquipmentById.TryGetValue(h.EquipmentId, out var e) ? e.UnitCostUsd ?? 0 : 0));
            var stance = scenario.StanceOf(dataset, u.Nation);
            units.Add(new UnitInfo(units.Count, u, nation, stance, nation.Group == rules.GroupShare.Group, u.Personnel, equipment, cv, value,
                Cost.Annual(u.Personnel, value), Exclusions(u, nation, stance, scenario, ReadinessWindowDays)));
        }
        Units = units;
        Backstop = units.Where(u => u.Nation.Group == NationGroup.Us && rules.UsBackstop.Enabled).Select(u => u.Nation.Iso3).ToHashSet(StringComparer.Ordinal);
        Flow = Flow.Of(dataset, scenario, units, rates, StandsOutside);
        // A unit the flow has no way for (no crossing serves its mode) cannot deploy.
        for (var i = 0; i < units.Count; i++)
            if (Flow.Units[i] is { Direct: null, Routes.Count: 0 })
                units[i] = units[i] with { Exclusions = [.. units[i].Exclusions, new RuleKey(RuleKind.Route)] };

        var pairs = new List<(int, int)>();
        var ofSlot = new List<IReadOnlyList<int>>();
        for (var s = 0; s < Slots.Count; s++)
        {
            var list = new List<int>();
            foreach (var u in units.Where(u => Slots[s].Element.Accepts(u.Unit)))
            {
                list.Add(pairs.Count);
                pairs.Add((u.Index, s));
            }
            ofSlot.Add(list);
        }
        Pairs = pairs;
        PairsOfSlot = ofSlot;
        SlotWeight100 = Slots.Select(s => (long)Math.Round(s.Element.Weight * 100)).ToArray();

        Formations = Slots.Select((s, i) => (s, i)).Where(x => x.s.Formation is not null)
            .GroupBy(x => x.s.Formation!, StringComparer.Ordinal)
            .Select(g => new FormationInfo(g.Key, g.Key[..g.Key.LastIndexOf(' ')], g.Select(x => x.i).ToArray())).ToArray();

        Caps = BuildCaps(units, scenario);
        var keys = new SortedSet<RuleKey>(units.SelectMany(u => u.Exclusions));
        foreach (var c in Caps) keys.Add(c.Rule);
        if (rules.Cohesion.Enabled && Formations.Count > 0) keys.Add(new RuleKey(RuleKind.Cohesion));
        if (rules.GroupShare.Enabled)
        {
            if (rules.GroupShare.MinPersonnelShare > 0) keys.Add(new RuleKey(RuleKind.PersonnelShare));
            if (rules.GroupShare.MinEquipmentShare > 0 && rules.GroupShare.EquipmentMeasures.Contains(EquipmentMeasure.Count)) keys.Add(new RuleKey(RuleKind.EquipmentCountShare));
            if (rules.GroupShare.MinEquipmentShare > 0 && rules.GroupShare.EquipmentMeasures.Contains(EquipmentMeasure.CombatValue)) keys.Add(new RuleKey(RuleKind.EquipmentValueShare));
        }
        Rules = keys.ToArray();

        var usable = new HashSet<int>(pairs.Select(p => p.Item1).Where(u => units[u].Exclusions.Count == 0));
        var eligible = units.Where(u => usable.Contains(u.Index) && !Backstop.Contains(u.Nation.Iso3)).Select(u => u.Nation).DistinctBy(n => n.Iso3).ToArray();
        var gdp = eligible.Sum(n => (double)n.GdpUsd);
        GdpShare = eligible.ToDictionary(n => n.Iso3, n => gdp > 0 ? n.GdpUsd / gdp : 0, StringComparer.Ordinal);

        // Interchangeable units: the same nation, kind, type, figures, exclusions and garrison (so the same routes). The model orders each class (a member is
        // used only if the one before it is) and plans map each class to its lowest ids, so symmetric plans are one plan.
        var classes = units.GroupBy(u => (u.Unit.Nation, u.Unit.Kind, u.Unit.Type, u.Personnel, u.Equipment, u.CombatValue, u.AnnualCost,
                u.Unit.HomeDefence, u.Unit.IsCommitted, string.Join(',', u.Exclusions), dataset.GarrisonOf(u.Unit)?.Key))
            .Select(g => g.Select(u => u.Index).Order().ToArray()).OrderBy(c => c[0]).ToArray();
        Classes = classes;
        var classIndex = new int[units.Count];
        for (var c = 0; c < classes.Length; c++) foreach (var u in classes[c]) classIndex[u] = c;
        ClassIndex = classIndex;
        // The tie-break among plans equal on every objective: readier units first, then catalog order; equal within a class.
        var rank = classes.Select((c, i) => (Ready: c.Min(u => units[u].Unit.ReadinessDays), First: c[0], Class: i))
            .OrderBy(x => x.Ready).ThenBy(x => x.First).Select(x => x.Class).ToArray();
        var tieBreak = new long[units.Count];
        for (var r = 0; r < rank.Length; r++) foreach (var u in classes[rank[r]]) tieBreak[u] = rank.Length - r;
        TieBreak = tieBreak;

        MaxPlanPersonnel = Enumerable.Range(0, Slots.Count).Sum(s => PairsOfSlot[s].Select(p => (double)units[pairs[p].Item1].Personnel).DefaultIfEmpty(0).Max());

        double Ref(Func<UnitInfo, double> f) => Math.Max(1, Enumerable.Range(0, Slots.Count)
            .Sum(s => PairsOfSlot[s].Count == 0 ? 0 : PairsOfSlot[s].Average(p => f(units[pairs[p].Item1]))));
        PersonnelRef = Ref(u => u.Personnel);
        CombatValueRef = Ref(u => u.CombatValue);
        CostRef = Ref(u => u.AnnualCost);
    }

    /// <summary>True when the key is a rule the model enforces (the scenario switches it on).</summary>
    public bool IsRule(RuleKey key) => Rules.Contains(key);

    /// <summary>
    /// Whether a unit serves from outside Ukraine: the US backstop when its rule keeps it at its posture bases, and a unit of a
    /// kind that can serve from outside whose nation's stance keeps it out of Ukraine.
    /// </summary>
    public bool StandsOutside(UnitInfo u) => Backstop.Contains(u.Unit.Nation)
        ? Scenario.Rules.UsBackstop.Location == BackstopLocation.OutsideUkraine
        : u.Unit.Kind.ServesFromOutsideUkraine() && Scenario.Rules.Stances.GetValueOrDefault(u.Stance) is { InsideUkraine: false };

    /// <summary>Whether a unit belongs to the coalition (counted in breadth and fairness), not the US backstop.</summary>
    public bool InCoalition(UnitInfo u) => !Backstop.Contains(u.Unit.Nation);

    private static RuleKey[] Exclusions(Unit u, Nation nation, StanceLevel stance, Scenario scenario, int window)
    {
        var r = scenario.Rules;
        var keys = new List<RuleKey>();
        if (u.ReadinessDays > window) keys.Add(new RuleKey(RuleKind.Readiness));
        if (r.HomeDefence.ExcludeHomeDefenceUnits && u.HomeDefence) keys.Add(new RuleKey(RuleKind.HomeDefenceUnits));
        var usBackstop = nation.Group == NationGroup.Us && r.UsBackstop.Enabled;
        if (u.IsCommitted)
        {
            // A committed US unit pulled into Ukraine must be backfilled from outside Europe: a net increase.
            if (usBackstop && r.UsBackstop.NoNetIncrease) keys.Add(new RuleKey(RuleKind.UsNoNetIncrease));
            else if (r.HomeDefence.ExcludeCommitted) keys.Add(new RuleKey(RuleKind.Committed));
        }
        if (usBackstop)
        {
            // The backstop is the scenario's premise, so it replaces the US stance; the dataset lists only US forces in
            // Europe, so every US unit is from the posture (posture_only holds by construction).
            if (!r.UsBackstop.AllowedKinds.Contains(u.Kind)) keys.Add(new RuleKey(RuleKind.UsAllowedKinds));
        }
        else if (r.Stances.GetValueOrDefault(stance) is not { } policy || !policy.Allows(u.Kind, scenario.Ceasefire))
        {
            keys.Add(new RuleKey(RuleKind.Stance, u.Nation));
        }
        if (r.EuropeanLead.Covers(u.Kind) && nation.Group != NationGroup.EuropeCanada) keys.Add(new RuleKey(RuleKind.EuropeanLead));
        return [.. keys];
    }

    private static Cap[] BuildCaps(List<UnitInfo> units, Scenario scenario)
    {
        var r = scenario.Rules;
        var caps = new List<Cap>();
        foreach (var g in units.GroupBy(u => u.Unit.Nation, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            var nation = g.Key;
            var first = g.First();
            var brigades = g.Where(u => u.Unit.Kind == UnitKind.ManoeuvreBrigade).ToArray();
            var usBackstop = first.Nation.Group == NationGroup.Us && r.UsBackstop.Enabled;
            if (!usBackstop && r.Stances.GetValueOrDefault(first.Stance) is { MaxManoeuvreBrigades: { } stanceMax } && brigades.Length > stanceMax)
                caps.Add(new Cap(new RuleKey(RuleKind.Stance, nation), brigades.Select(u => u.Index).ToArray(), stanceMax,
                    $"{nation} ({first.Stance.ToCode()}) may send at most {stanceMax} manoeuvre brigade{(stanceMax == 1 ? "" : "s")}"));

            var floor = r.HomeDefence.Floors.TryGetValue(nation, out var f) ? f : r.HomeDefence.DefaultFloor;
            if (floor > 0 && brigades.Length > 0)
            {
                var committed = brigades.Count(u => u.Unit.IsCommitted);
                var keep = (int)Math.Ceiling(floor * brigades.Length - 1e-9);
                var floorMax = Math.Max(0, brigades.Length - committed - keep);
                caps.Add(new Cap(new RuleKey(RuleKind.HomeDefenceFloor, nation), brigades.Select(u => u.Index).ToArray(), floorMax,
                    FormattableString.Invariant($"{nation} keeps {floor:P0} of its {brigades.Length} manoeuvre brigades at home ({committed} committed elsewhere): at most {floorMax} may deploy")));
            }

            if (r.Rotation.Enabled && !r.Rotation.AcceptSingleRotation)
                foreach (var kind in g.GroupBy(u => u.Unit.Kind).OrderBy(k => k.Key))
                {
                    var pool = RotationRule.Pool(kind.Select(u => u.Unit));
                    var rotMax = r.Rotation.Sustainable(pool);
                    if (rotMax < kind.Count())
                        caps.Add(new Cap(new RuleKey(RuleKind.Rotation, nation), kind.Select(u => u.Index).ToArray(), rotMax,
                            $"{nation} can rotate {rotMax} {kind.Key.ToCode()} unit{(rotMax == 1 ? "" : "s")} ({pool} like units, ratio {r.Rotation.Ratio})"));
                }
        }
        return [.. caps];
    }
}

/// <summary>
/// The annual cost of a deployed unit: personnel × a cost per person-year plus the procurement value of its equipment × an
/// operating share. Both rates are scenario assumptions (<see cref="CostParameter"/>) with labelled defaults in the catalogue.
/// </summary>
internal sealed record CostModel(PlanAssumption PerPerson, PlanAssumption EquipmentShare)
{
    public double Annual(int personnel, double procurementValue) => personnel * PerPerson.Value + procurementValue * EquipmentShare.Value;

    /// <summary>The scenario's cost rates, or every problem with them.</summary>
    public static (CostModel? Value, IReadOnlyList<Diagnostic> Diagnostics) Of(Scenario s)
    {
        var (a, diagnostics) = AssumptionCatalogue.Resolve<CostParameter>(s.Assumptions, s.AssumptionsAt);
        if (a is null) return (null, diagnostics);
        PlanAssumption Plan(CostParameter p)
        {
            var x = a[(int)p];
            return new PlanAssumption(x.Id, x.Description, x.Value, x.Unit, x.Reference, s.Assumptions.Any(y => y.Id == x.Id));
        }
        return (new CostModel(Plan(CostParameter.PerPerson), Plan(CostParameter.EquipmentShare)), diagnostics);
    }
}
