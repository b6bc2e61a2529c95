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
    /// <summary>Maximise the scenario's weighted objective (or one stage of it, see <see cref="Stage"/>).</summary>
    Weighted,
    /// <summary>Maximise weighted fill only (what-if evaluations).</summary>
    MaxFill,
    /// <summary>Is there a plan with at least a given weighted fill (and a given slot filled)? Used for cores.</summary>
    Feasible,
}

/// <summary>What one stage of a staged weighted solve maximises.</summary>
internal enum StageObjective
{
    /// <summary>The weighted fill term alone.</summary>
    Fill,
    /// <summary>With fill fixed: the earliest day of full operating capability, minimised (the deployment flow).</summary>
    Foc,
    /// <summary>The number of contributing nations alone.</summary>
    Breadth,
    /// <summary>The whole weighted objective.</summary>
    Weighted,
    /// <summary>The terms left once fill and breadth are fixed: combat value, cost and fairness, at a finer resolution.</summary>
    Rest,
    /// <summary>With the rest fixed too: the tie-break, Σ <see cref="Instance.TieBreak"/> over used units.</summary>
    TieBreak,
}

/// <summary>One stage of the weighted solve: what it maximises, and the values earlier stages proved optimal.</summary>
/// <param name="Objective">What the stage maximises.</param>
/// <param name="Fill">When set, the weighted fill term (model units) is fixed to this proven maximum.</param>
/// <param name="Breadth">When set, the number of contributing nations is fixed to this proven maximum.</param>
/// <param name="Rest">When set, the rest (at <see cref="RestResolution"/>) is fixed to this proven maximum.</param>
/// <param name="Foc">When set, every plan must be complete (full operating capability) by this day after the offer.</param>
internal sealed record Stage(StageObjective Objective, long? Fill = null, int? Breadth = null, long? Rest = null, int? Foc = null)
{
    /// <summary>Whether the stage's model carries the deployment flow.</summary>
    public bool HasFlow => Objective == StageObjective.Foc || Foc is not null;

    /// <summary>
    /// For the rest and tie-break stages the rest is measured this many times finer than the weighted objective (1/10000 of a
    /// point, the gap in 1/10 per mille), so plans it calls equal differ by no more than rounding.
    /// </summary>
    public int Resolution => Objective is StageObjective.Rest or StageObjective.TieBreak ? RestResolution : 1;

    /// <summary>See <see cref="Resolution"/>.</summary>
    public const int RestResolution = 10;

    public static Stage Whole { get; } = new(StageObjective.Weighted);
}

/// <summary>
/// The CP-SAT model of force generation. Variables: x[unit, cell] for each pair where the cell accepts the unit and no hard
/// rule keeps the unit out; a cell is one slot, or for the weighted goal all the interchangeable slots of one element in one
/// formation. Constraints: a cell holds at most its slots, one cell per unit, per-nation caps (stance brigade cap,
/// home-defence floor, rotation), at most K nations per division (cohesion), and the group shares as linear
/// inequalities with integer coefficients (share thresholds in basis points). Every rule instance is a
/// <see cref="RuleKey"/> and can be hard, off, or guarded by an assumption literal. Interchangeable units are ordered (a
/// member of a class is used only when the one before it is), which removes their symmetry without losing any plan.
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
    // Auxiliary variables, kept so a hint can give each its value.
    private readonly List<(BoolVar Y, string Nation, IReadOnlyList<int> Slots)> _inFormation = [];
    private readonly Dictionary<string, BoolVar> _contributes = new(StringComparer.Ordinal);
    // Variable i places unit _vars[i].Unit in cell _vars[i].Cell: a set of interchangeable slots (one element of one
    // formation) for the weighted goal, a single slot otherwise.
    private readonly List<(int Unit, int Cell)> _vars = [];
    private int[][] _cells = [];
    private IntVar? _gap;
    private int _resolution = 1;
    // The deployment flow, when the stage carries it: a literal per unit that is true when the unit is in the plan.
    private readonly Dictionary<int, BoolVar> _used = [];
    private IntVar? _foc;

    private SourcingModel(Instance instance, Func<RuleKey, Enforce> mode)
    {
        Instance = instance;
        _mode = key => instance.IsRule(key) ? mode(key) : Enforce.Off;
    }

    /// <summary>Builds the model.</summary>
    /// <remarks>
    /// <para><c>minFill100</c>: For <see cref="Goal.Feasible"/>: the least weighted fill (slot weights × 100).</para>
    /// <para><c>requiredSlot</c>: For <see cref="Goal.Feasible"/>: a slot that must be filled.</para>
    /// <para><c>stage</c>: For <see cref="Goal.Weighted"/>: what to maximise and what earlier stages fixed (default: the whole objective).</para>
    /// </remarks>
    public static SourcingModel Build(Instance inst, Func<RuleKey, Enforce> mode, Goal goal, long minFill100 = 0, int? requiredSlot = null, Stage? stage = null)
    {
        var m = new SourcingModel(inst, mode);
        m.Populate(goal, minFill100, requiredSlot, stage ?? Stage.Whole);
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

    private void Populate(Goal goal, long minFill100, int? requiredSlot, Stage stage)
    {
        var inst = Instance;
        // For the weighted goal, the slots of one element in one formation are one cell holding up to that many units: the
        // slots are interchangeable, so a cell removes their symmetry (k! arrangements of k fighter squadrons) from the
        // search. Units are put into a cell's slots in index order when the plan is read. A feasibility question about one
        // particular slot needs that slot on its own, so the other goals keep one cell per slot.
        _cells = goal == Goal.Weighted
            ? Enumerable.Range(0, inst.Slots.Count).GroupBy(s => (inst.Slots[s].Formation, inst.Slots[s].Element.Role)).Select(g => g.Order().ToArray()).OrderBy(c => c[0]).ToArray()
            : Enumerable.Range(0, inst.Slots.Count).Select(s => new[] { s }).ToArray();
        var cellOfSlot = new int[inst.Slots.Count];
        for (var c = 0; c < _cells.Length; c++) foreach (var s in _cells[c]) cellOfSlot[s] = c;
        var ofUnit = new Dictionary<int, List<BoolVar>>();
        var ofCell = new List<BoolVar>[_cells.Length];
        for (var c = 0; c < _cells.Length; c++)
        {
            ofCell[c] = [];
            foreach (var p in inst.PairsOfSlot[_cells[c][0]])
            {
                var u = inst.Pairs[p].Unit;
                var unit = inst.Units[u];
                if (unit.Exclusions.Any(k => _mode(k) == Enforce.Hard)) continue;
                var x = Model.NewBoolVar($"x{u}_{c}");
                _x[_vars.Count] = x;
                _vars.Add((u, c));
                ofCell[c].Add(x);
                if (!ofUnit.TryGetValue(u, out var list)) ofUnit[u] = list = [];
                list.Add(x);
                foreach (var k in unit.Exclusions)
                    if (Guard(k) is { } g) Model.Add(x == 0).OnlyEnforceIf(g);
            }
        }
        for (var c = 0; c < _cells.Length; c++)
        {
            if (ofCell[c].Count <= _cells[c].Length) continue;
            if (_cells[c].Length == 1) Model.AddAtMostOne(ofCell[c]);
            else Model.Add(LinearExpr.Sum(ofCell[c]) <= _cells[c].Length);
        }
        foreach (var list in ofUnit.Values) if (list.Count > 1) Model.AddAtMostOne(list);

        LinearExpr Used(int u) => ofUnit.TryGetValue(u, out var l) ? LinearExpr.Sum(l) : LinearExpr.Constant(0);
        var used = ofUnit.Keys.Order().ToArray();

        // Interchangeable units (same nation, kind, type, figures and exclusions, so the same slots, caps and rules): use them
        // in index order. Any plan maps to one that does, with the same score, so no plan is lost.
        foreach (var members in inst.Classes)
        {
            var present = members.Where(ofUnit.ContainsKey).ToArray();
            for (var i = 1; i < present.Length; i++) Model.Add(Used(present[i - 1]) >= Used(present[i]));
        }

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
                var cells = f.Slots.Select(s => cellOfSlot[s]).ToHashSet();
                var byNation = Enumerable.Range(0, _vars.Count).Where(i => cells.Contains(_vars[i].Cell))
                    .GroupBy(i => inst.Units[_vars[i].Unit].Unit.Nation, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal).ToArray();
                if (byNation.Length <= max) continue;
                var ys = new List<BoolVar>();
                foreach (var g in byNation)
                {
                    var y = Model.NewBoolVar($"in {f.Name} {g.Key}");
                    foreach (var p in g) Model.AddImplication(_x[p], y);
                    // y only when the nation is there: it costs nothing and lets a hint give y its value.
                    Model.AddBoolOr(g.Select(p => (ILiteral)_x[p]).Append(y.Not()));
                    ys.Add(y);
                    _inFormation.Add((y, g.Key, f.Slots));
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
        for (var c = 0; c < ofCell.Length; c++) foreach (var x in ofCell[c]) fill.AddTerm(x, inst.SlotWeight100[_cells[c][0]]);

        switch (goal)
        {
            case Goal.MaxFill:
                Model.Maximize(fill);
                break;
            case Goal.Feasible:
                Model.Add(fill >= minFill100);
                if (requiredSlot is { } rs) Model.Add(LinearExpr.Sum(ofCell[cellOfSlot[rs]]) == 1);
                break;
            default:
                Weighted(ofCell, ofUnit, used, Used, stage);
                break;
        }
        Model.AddAssumptions(_assumptions.OrderBy(kv => kv.Key).Select(kv => (ILiteral)kv.Value));
    }

    /// <summary>The weighted objective's coefficient of filling slot <paramref name="s"/> (model units).</summary>
    public static long FillCoefficient(Instance inst, int s) => C(inst.Weights[ObjectiveKind.Fill] * inst.Slots[s].Element.Weight);

    /// <summary>The weighted objective's coefficient of using unit <paramref name="u"/> (combat value less cost, model units).</summary>
    public static long UnitCoefficient(Instance inst, int u, int resolution = 1)
    {
        var w = inst.Weights;
        var unit = inst.Units[u];
        return C(resolution * w[ObjectiveKind.CombatValue] * unit.CombatValue / inst.CombatValueRef) - C(resolution * w[ObjectiveKind.Cost] * unit.AnnualCost / inst.CostRef);
    }

    /// <summary>The coefficient of one contributing nation.</summary>
    public static long BreadthCoefficient(Instance inst) => C(inst.Weights[ObjectiveKind.Breadth]);

    /// <summary>The coefficient of one per mille of the largest GDP gap (negative: the gap is minimised).</summary>
    public static long FairnessCoefficient(Instance inst) => -C(inst.Weights[ObjectiveKind.Fairness] / 1000);

    /// <summary>An upper bound on the largest GDP gap in per mille: no nation's gap exceeds the plan's personnel.</summary>
    public static long MaxGapPermille(Instance inst) => Math.Max(1, (long)Math.Ceiling(1000 * inst.MaxPlanPersonnel / Math.Ceiling(inst.PersonnelRef)));

    private static long C(double points) => (long)Math.Round(points * Scale);

    private void Weighted(List<BoolVar>[] ofCell, Dictionary<int, List<BoolVar>> ofUnit, int[] used, Func<int, LinearExpr> usedExpr, Stage stage)
    {
        var inst = Instance;
        var w = inst.Weights;

        var fill = LinearExpr.NewBuilder();
        for (var c = 0; c < ofCell.Length; c++)
            foreach (var x in ofCell[c]) fill.AddTerm(x, FillCoefficient(inst, _cells[c][0]));
        var rest = LinearExpr.NewBuilder();
        foreach (var u in used)
            if (UnitCoefficient(inst, u, stage.Resolution) is var c && c != 0) rest.AddTerm(usedExpr(u), c);

        var breadth = LinearExpr.NewBuilder();
        var needNations = w[ObjectiveKind.Breadth] > 0 || w[ObjectiveKind.Fairness] > 0 || stage.Breadth is not null || stage.Objective == StageObjective.Breadth;
        // Breadth and fairness count the coalition only: the US backstop is bounded by its own rules.
        var nations = used.Where(u => inst.InCoalition(inst.Units[u])).GroupBy(u => inst.Units[u].Unit.Nation, StringComparer.Ordinal)
            .OrderBy(g => g.Key, StringComparer.Ordinal).ToArray();
        if (needNations)
            foreach (var g in nations)
            {
                var b = Model.NewBoolVar($"contributes {g.Key}");
                var xs = g.SelectMany(u => ofUnit[u]).ToArray();
                foreach (var x in xs) Model.AddImplication(x, b);
                Model.AddBoolOr(xs.Select(x => (ILiteral)x).Append(b.Not()));
                _contributes[g.Key] = b;
                breadth.Add(b);
            }

        if (w[ObjectiveKind.Fairness] > 0)
        {
            // G ≥ the largest |P_n − s_n·P| in per mille of the reference force personnel: over-contribution counts for every
            // nation, under-contribution only for contributors. Shares s_n in basis points, so
            // 10·Pref·G ≥ 10000·P_n − S_n·P, and, when n contributes, 10·Pref·G ≥ S_n·P − 10000·P_n.
            var pRef = (long)Math.Ceiling(inst.PersonnelRef);
            // The gap variable counts 1/resolution per mille; each unit of it costs the fairness weight in rest units.
            _resolution = stage.Resolution;
            _gap = Model.NewIntVar(0, MaxGapPermille(inst) * _resolution, "max gap");
            foreach (var g in nations)
            {
                var sBp = (long)Math.Round(inst.GdpShare.GetValueOrDefault(g.Key) * 10_000);
                var over = LinearExpr.NewBuilder();
                var under = LinearExpr.NewBuilder();
                foreach (var u in used)
                {
                    if (!inst.InCoalition(inst.Units[u])) continue; // P is the coalition's personnel
                    var own = inst.Units[u].Unit.Nation == g.Key ? 10_000L : 0;
                    var coef = (own - sBp) * inst.Units[u].Personnel;
                    if (coef == 0) continue;
                    over.AddTerm(usedExpr(u), coef * _resolution);
                    under.AddTerm(usedExpr(u), -coef * _resolution);
                }
                Model.Add(10 * pRef * _gap >= over);
                if (sBp > 0) Model.Add(10 * pRef * _gap >= under).OnlyEnforceIf(_contributes[g.Key]);
            }
            rest.AddTerm(_gap, FairnessCoefficient(inst));
        }

        if (stage.HasFlow && inst.Flow.Enabled)
        {
            foreach (var u in used)
            {
                var b = Model.NewBoolVar($"used {u}");
                Model.Add(b == usedExpr(u));
                _used[u] = b;
            }
            (_foc, _) = inst.Flow.AddTo(Model, _used);
            if (stage.Foc is { } day) Model.Add(_foc <= day);
        }

        if (stage.Fill is { } f) Model.Add(fill == f);
        if (stage.Breadth is { } n) Model.Add(breadth == n);
        if (stage.Rest is { } r) Model.Add(rest == r);
        switch (stage.Objective)
        {
            case StageObjective.Fill:
                Model.Maximize(fill);
                break;
            case StageObjective.Breadth:
                Model.Maximize(breadth);
                break;
            case StageObjective.Foc:
                Model.Minimize(_foc ?? LinearExpr.Constant(0));
                break;
            case StageObjective.Rest:
                Model.Maximize(rest);
                break;
            case StageObjective.TieBreak:
                var tie = LinearExpr.NewBuilder();
                foreach (var u in used) tie.AddTerm(usedExpr(u), inst.TieBreak[u]);
                Model.Maximize(tie);
                break;
            default:
                var all = LinearExpr.NewBuilder();
                all.Add(fill).Add(rest);
                if (w[ObjectiveKind.Breadth] > 0) all.AddTerm(breadth, BreadthCoefficient(inst));
                Model.Maximize(all);
                break;
        }
    }

    /// <summary>The slot → unit assignment of the solver's current solution.</summary>
    public int?[] Assignment(Func<BoolVar, bool> value)
    {
        var slots = new int?[Instance.Slots.Count];
        foreach (var cell in Enumerable.Range(0, _vars.Count).Where(i => value(_x[i])).GroupBy(i => _vars[i].Cell))
        {
            var units = cell.Select(i => _vars[i].Unit).Order().ToArray();
            for (var k = 0; k < units.Length && k < _cells[cell.Key].Length; k++) slots[_cells[cell.Key][k]] = units[k];
        }
        return slots;
    }

    /// <summary>
    /// Hints a known plan (the greedy baseline, or an earlier stage's plan), with every auxiliary variable set to its value, so
    /// CP-SAT can take the hint as a complete solution. Interchangeable units are first mapped to their lowest ids, as the
    /// model's ordering requires.
    /// </summary>
    public void Hint(int?[] assignment)
    {
        var plan = Evaluation.LowestOfClass(Instance, assignment);
        for (var i = 0; i < _vars.Count; i++)
        {
            var (u, c) = _vars[i];
            Model.AddHint(_x[i], _cells[c].Any(s => plan[s] == u));
        }
        var nations = plan.OfType<int>().Select(u => Instance.Units[u].Unit.Nation).ToHashSet(StringComparer.Ordinal);
        foreach (var (n, b) in _contributes.OrderBy(kv => kv.Key, StringComparer.Ordinal)) Model.AddHint(b, nations.Contains(n));
        foreach (var (y, n, slots) in _inFormation) Model.AddHint(y, slots.Any(s => plan[s] is { } u && Instance.Units[u].Unit.Nation == n));
        if (_gap is not null) Model.AddHint(_gap, GapPermille(plan));
        var units = plan.OfType<int>().ToHashSet();
        foreach (var (u, b) in _used.OrderBy(kv => kv.Key)) Model.AddHint(b, units.Contains(u));
    }

    /// <summary>The least value of the gap variable the plan allows (as the model computes it, in integers).</summary>
    private long GapPermille(int?[] plan)
    {
        var inst = Instance;
        var pRef = (long)Math.Ceiling(inst.PersonnelRef);
        var used = plan.OfType<int>().Select(u => inst.Units[u]).Where(inst.InCoalition).ToArray();
        var total = used.Sum(u => (long)u.Personnel);
        var contributors = used.Select(u => u.Unit.Nation).ToHashSet(StringComparer.Ordinal);
        var gap = 0L;
        foreach (var n in _contributes.Keys)
        {
            var sBp = (long)Math.Round(inst.GdpShare.GetValueOrDefault(n) * 10_000);
            var own = used.Where(u => u.Unit.Nation == n).Sum(u => (long)u.Personnel);
            var over = 10_000 * own - sBp * total;
            var need = contributors.Contains(n) ? Math.Abs(over) : Math.Max(0, over);
            gap = Math.Max(gap, (need * _resolution + 10 * pRef - 1) / (10 * pRef));
        }
        return Math.Min(gap, MaxGapPermille(inst) * _resolution);
    }
}
