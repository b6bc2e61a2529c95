using Google.OrTools.Sat;
using Resolute.Domain;

namespace Resolute.Sourcing;

/// <summary>How a rule instance enters a model.</summary>
internal enum Enforce
{
    /// <summary>Always holds; units it keeps out get no variable at all.</summary>
    Hard,
    /// <summary>Not in the model.</summary>
    Off,
    /// <summary>Holds when its assumption literal is true; the literal is passed to CP-SAT as an assumption.</summary>
    Assume,
}

/// <summary>What a model asks.</summary>
internal enum Goal
{
    /// <summary>Maximise the scenario's weighted objective.</summary>
    Weighted,
    /// <summary>Maximise weighted fill only (what-if evaluations).</summary>
    MaxFill,
    /// <summary>Is there a plan with at least a given weighted fill (and a given slot filled)? Used for cores.</summary>
    Feasible,
}

/// <summary>
/// The CP-SAT model of force generation. Variables: x[unit, slot] for each pair where the slot accepts the unit and no hard
/// rule keeps the unit out. Constraints: one unit per slot, one slot per unit, per-nation caps (stance brigade cap,
/// home-defence floor, rotation), at most K nations per division (cohesion), and the group shares as linear
/// inequalities with integer coefficients (share thresholds in basis points). Every rule instance is a
/// <see cref="RuleKey"/> and can be hard, off, or guarded by an assumption literal.
/// </summary>
internal sealed class SourcingModel
{
    /// <summary>Objective units per point: coefficients are rounded at 1/1000 of a point.</summary>
    public const double Scale = 1000;

    public CpModel Model { get; } = new();
    public Instance Instance { get; }
    public IReadOnlyDictionary<int, BoolVar> X => _x;
    public IReadOnlyDictionary<RuleKey, BoolVar> Assumptions => _assumptions;

    private readonly Dictionary<int, BoolVar> _x = [];
    private readonly Dictionary<RuleKey, BoolVar> _assumptions = [];
    private readonly Func<RuleKey, Enforce> _mode;

    private SourcingModel(Instance instance, Func<RuleKey, Enforce> mode)
    {
        Instance = instance;
        _mode = key => instance.IsRule(key) ? mode(key) : Enforce.Off;
    }

    /// <summary>Builds the model.</summary>
    /// <remarks>
    /// <para><c>minFill100</c>: For <see cref="Goal.Feasible"/>: the least weighted fill (slot weights × 100).</para>
    /// <para><c>requiredSlot</c>: For <see cref="Goal.Feasible"/>: a slot that must be filled.</para>
    /// </remarks>
    public static SourcingModel Build(Instance inst, Func<RuleKey, Enforce> mode, Goal goal, long minFill100 = 0, int? requiredSlot = null)
    {
        var m = new SourcingModel(inst, mode);
        m.Populate(goal, minFill100, requiredSlot);
        return m;
    }

    /// <summary>The literal guarding a rule instance: null when the rule is off, the true literal when hard.</summary>
    private ILiteral? Guard(RuleKey key)
    {
        switch (_mode(key))
        {
            case Enforce.Off: return null;
            case Enforce.Hard: return Model.TrueLiteral();
            default:
                if (!_assumptions.TryGetValue(key, out var lit)) _assumptions[key] = lit = Model.NewBoolVar($"rule {key}");
                return lit;
        }
    }

    private void Populate(Goal goal, long minFill100, int? requiredSlot)
    {
        var inst = Instance;
        var ofUnit = new Dictionary<int, List<BoolVar>>();
        var ofSlot = new List<BoolVar>[inst.Slots.Count];
        for (var s = 0; s < inst.Slots.Count; s++) ofSlot[s] = [];
        for (var p = 0; p < inst.Pairs.Count; p++)
        {
            var (u, s) = inst.Pairs[p];
            var unit = inst.Units[u];
            if (unit.Exclusions.Any(k => _mode(k) == Enforce.Hard)) continue;
            var x = Model.NewBoolVar($"x{p}");
            _x[p] = x;
            ofSlot[s].Add(x);
            if (!ofUnit.TryGetValue(u, out var list)) ofUnit[u] = list = [];
            list.Add(x);
            foreach (var k in unit.Exclusions)
                if (Guard(k) is { } g) Model.Add(x == 0).OnlyEnforceIf(g);
        }
        foreach (var list in ofSlot) if (list.Count > 1) Model.AddAtMostOne(list);
        foreach (var list in ofUnit.Values) if (list.Count > 1) Model.AddAtMostOne(list);

        LinearExpr Used(int u) => ofUnit.TryGetValue(u, out var l) ? LinearExpr.Sum(l) : LinearExpr.Constant(0);
        var used = ofUnit.Keys.Order().ToArray();

        foreach (var cap in inst.Caps)
        {
            var members = cap.Units.Where(ofUnit.ContainsKey).ToArray();
            if (members.Length <= cap.Max) continue;
            if (Guard(cap.Rule) is { } g) Model.Add(LinearExpr.Sum(members.Select(Used)) <= cap.Max).OnlyEnforceIf(g);
        }

        if (Guard(new RuleKey(RuleKind.Cohesion)) is { } cohesion)
        {
            var max = inst.Scenario.Rules.Cohesion.MaxNationsPerDivision;
            foreach (var f in inst.Formations)
            {
                var byNation = f.Slots.SelectMany(s => inst.PairsOfSlot[s]).Where(_x.ContainsKey)
                    .GroupBy(p => inst.Units[inst.Pairs[p].Unit].Unit.Nation, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal).ToArray();
                if (byNation.Length <= max) continue;
                var ys = new List<BoolVar>();
                foreach (var g in byNation)
                {
                    var y = Model.NewBoolVar($"in {f.Name} {g.Key}");
                    foreach (var p in g) Model.AddImplication(_x[p], y);
                    ys.Add(y);
                }
                Model.Add(LinearExpr.Sum(ys) <= max).OnlyEnforceIf(cohesion);
            }
        }

        var share = inst.Scenario.Rules.GroupShare;
        AddShare(RuleKind.PersonnelShare, share.MinPersonnelShare, u => u.Personnel);
        AddShare(RuleKind.EquipmentCountShare, share.MinEquipmentShare, u => u.Equipment);
        AddShare(RuleKind.EquipmentValueShare, share.MinEquipmentShare, u => (long)Math.Round(u.CombatValue * 100));

        void AddShare(RuleKind kind, double threshold, Func<UnitInfo, long> amount)
        {
            if (Guard(new RuleKey(kind)) is not { } g) return;
            // group·10000 − T·total ≥ 0, i.e. group/total ≥ T/10000; an empty plan meets it.
            var t = (long)Math.Round(threshold * 10_000);
            var expr = LinearExpr.NewBuilder();
            foreach (var u in used)
            {
                var a = amount(inst.Units[u]);
                if (a != 0) expr.AddTerm(Used(u), a * ((inst.Units[u].InGroup ? 10_000 : 0) - t));
            }
            Model.Add(expr >= 0).OnlyEnforceIf(g);
        }

        var fill = LinearExpr.NewBuilder();
        for (var s = 0; s < ofSlot.Length; s++) foreach (var x in ofSlot[s]) fill.AddTerm(x, inst.SlotWeight100[s]);

        switch (goal)
        {
            case Goal.MaxFill:
                Model.Maximize(fill);
                break;
            case Goal.Feasible:
                Model.Add(fill >= minFill100);
                if (requiredSlot is { } rs) Model.Add(LinearExpr.Sum(ofSlot[rs]) == 1);
                break;
            default:
                Model.Maximize(WeightedObjective(ofSlot, ofUnit, used, Used));
                break;
        }
        Model.AddAssumptions(_assumptions.OrderBy(kv => kv.Key).Select(kv => (ILiteral)kv.Value));
    }

    private LinearExprBuilder WeightedObjective(List<BoolVar>[] ofSlot, Dictionary<int, List<BoolVar>> ofUnit, int[] used, Func<int, LinearExpr> usedExpr)
    {
        var inst = Instance;
        var w = inst.Weights;
        var obj = LinearExpr.NewBuilder();
        static long C(double points) => (long)Math.Round(points * Scale);

        for (var s = 0; s < ofSlot.Length; s++)
            foreach (var x in ofSlot[s]) obj.AddTerm(x, C(w[ObjectiveKind.Fill] * inst.Slots[s].Element.Weight));
        foreach (var u in used)
        {
            var unit = inst.Units[u];
            var c = C(w[ObjectiveKind.CombatValue] * unit.CombatValue / inst.CombatValueRef) - C(w[ObjectiveKind.Cost] * unit.AnnualCost / inst.CostRef);
            if (c != 0) obj.AddTerm(usedExpr(u), c);
        }

        if (w[ObjectiveKind.Breadth] <= 0 && w[ObjectiveKind.Fairness] <= 0) return obj;
        var nations = used.GroupBy(u => inst.Units[u].Unit.Nation, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal).ToArray();
        var contributes = new Dictionary<string, BoolVar>(StringComparer.Ordinal);
        foreach (var g in nations)
        {
            var b = Model.NewBoolVar($"contributes {g.Key}");
            foreach (var u in g) foreach (var x in ofUnit[u]) Model.AddImplication(x, b);
            Model.Add(b <= LinearExpr.Sum(g.SelectMany(u => ofUnit[u])));
            contributes[g.Key] = b;
            if (w[ObjectiveKind.Breadth] > 0) obj.AddTerm(b, C(w[ObjectiveKind.Breadth]));
        }

        if (w[ObjectiveKind.Fairness] > 0)
        {
            // M ≥ the largest |P_n − s_n·P| in per mille of the reference force personnel: over-contribution counts for every
            // nation, under-contribution only for contributors. Shares s_n in basis points, so
            // 10·Pref·M ≥ 10000·P_n − S_n·P (and the reverse, relaxed by big-M when n does not contribute).
            var pRef = (long)Math.Ceiling(inst.PersonnelRef);
            var total = used.Sum(u => (long)inst.Units[u].Personnel);
            var gap = Model.NewIntVar(0, Math.Max(1000, 10_000 * total / Math.Max(1, pRef)), "max gap permille");
            var all = LinearExpr.NewBuilder();
            foreach (var u in used) all.AddTerm(usedExpr(u), inst.Units[u].Personnel);
            foreach (var g in nations)
            {
                var sBp = (long)Math.Round(inst.GdpShare.GetValueOrDefault(g.Key) * 10_000);
                var over = LinearExpr.NewBuilder();
                var under = LinearExpr.NewBuilder();
                foreach (var u in used)
                {
                    var own = inst.Units[u].Unit.Nation == g.Key ? 10_000L : 0;
                    var coef = (own - sBp) * inst.Units[u].Personnel;
                    if (coef == 0) continue;
                    over.AddTerm(usedExpr(u), coef);
                    under.AddTerm(usedExpr(u), -coef);
                }
                Model.Add(10 * pRef * gap >= over);
                if (sBp > 0)
                {
                    var bigM = sBp * total;
                    Model.Add(10 * pRef * gap >= under - bigM + bigM * contributes[g.Key]);
                }
            }
            obj.AddTerm(gap, -C(w[ObjectiveKind.Fairness] / 1000));
        }
        return obj;
    }

    /// <summary>The slot → unit assignment of the solver's current solution.</summary>
    public int?[] Assignment(Func<BoolVar, bool> value)
    {
        var slots = new int?[Instance.Slots.Count];
        foreach (var (p, x) in _x)
            if (value(x)) slots[Instance.Pairs[p].Slot] = Instance.Pairs[p].Unit;
        return slots;
    }

    /// <summary>Hints a known plan (the greedy baseline), so CP-SAT starts from it.</summary>
    public void Hint(int?[] assignment)
    {
        foreach (var (p, x) in _x.OrderBy(kv => kv.Key))
            Model.AddHint(x, assignment[Instance.Pairs[p].Slot] == Instance.Pairs[p].Unit);
    }
}
