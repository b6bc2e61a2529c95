using System.Globalization;
using Google.OrTools.Sat;
using Resolute.Domain;
using Resolute.Domain.Edits;

namespace Resolute.Sourcing;

/// <summary>
/// Explains a shortfall. Method: every rule instance (readiness, a nation's stance, a floor, a share…) is guarded by an
/// assumption literal, and CP-SAT is asked for a plan that fills <em>more</em> than the plan did. When that is infeasible,
/// <c>SufficientAssumptionsForInfeasibility</c> names a set of rules that together forbid it; the set is then shrunk by
/// deletion (drop a rule, re-ask) to a minimal one. We prefer assumption cores to penalised relaxations because a core is
/// an exact statement — "these rules, together, make a fuller plan impossible" — with no penalty weights to tune, and the
/// rest of the model stays hard. Suggestions are then single changes to those rules (as what-ifs), each re-solved for
/// maximum fill and ranked by what it gains.
/// </summary>
internal sealed class Explainer(Instance inst, SolveOptions options, int seed, CancellationToken ct)
{
    private readonly string _parameters = string.Create(CultureInfo.InvariantCulture,
        $"num_workers:1 random_seed:{seed} max_deterministic_time:{options.ExplainDeterministicTime:R} log_search_progress:false");

    /// <summary>Maximum weighted fill (× 100) and slots filled under the scenario's rules, or with every rule off.</summary>
    public (long Fill100, int Slots) MaxFill(Instance instance, bool rulesOn)
    {
        var m = SourcingModel.Build(instance, _ => rulesOn ? Enforce.Hard : Enforce.Off, Goal.MaxFill);
        var (status, solver) = Cp.Solve(m.Model, _parameters, ct);
        if (!Cp.HasSolution(status)) return (0, 0);
        var plan = m.Assignment(x => solver.BooleanValue(x));
        return (Evaluation.Fill100(instance, plan), plan.Count(u => u is not null));
    }

    /// <summary>
    /// A minimal set of rules that forbids weighted fill ≥ <paramref name="target"/> (with <paramref name="slot"/> filled):
    /// null when such a plan exists (or the search ran out of budget), empty when it is impossible even with every rule off.
    /// </summary>
    public IReadOnlyList<RuleKey>? Core(long target, int? slot)
    {
        var all = inst.Rules.ToHashSet();
        var core = Infeasible(all, target, slot);
        if (core is null) return null;
        var current = core.Order().ToList();
        foreach (var key in current.ToArray())
        {
            if (ct.IsCancellationRequested) break;
            if (!current.Contains(key)) continue;
            var trial = current.Where(k => k != key).ToHashSet();
            if (Infeasible(trial, target, slot) is { } smaller) current = [.. smaller.Order()];
        }
        return current;
    }

    /// <summary>Null when feasible or unknown; else the rules (among <paramref name="on"/>) CP-SAT found sufficient for infeasibility.</summary>
    private RuleKey[]? Infeasible(HashSet<RuleKey> on, long target, int? slot)
    {
        var m = SourcingModel.Build(inst, k => on.Contains(k) ? Enforce.Assume : Enforce.Off, Goal.Feasible, target, slot);
        var (status, solver) = Cp.Solve(m.Model, _parameters, ct);
        if (status != CpSolverStatus.Infeasible) return null;
        var byIndex = m.Assumptions.ToDictionary(kv => kv.Value.GetIndex(), kv => kv.Key);
        return solver.SufficientAssumptionsForInfeasibility().Where(byIndex.ContainsKey).Select(i => byIndex[i]).Distinct().ToArray();
    }

    /// <summary>Single changes that touch the given rules, evaluated and ranked.</summary>
    public IReadOnlyList<Suggestion> Suggest(IEnumerable<RuleKey> rules, int?[] plan, (long Fill100, int Slots) baseline, IProgress<SolveProgress>? progress)
    {
        var s = inst.Scenario;
        var d = inst.Dataset;
        var demand = inst.SlotWeight100.Sum();
        var unfilled = Enumerable.Range(0, plan.Length).Where(i => plan[i] is null).ToArray();
        // Units that could fill an unfilled slot but that a rule keeps out.
        var blocked = unfilled.SelectMany(i => inst.PairsOfSlot[i]).Select(p => inst.Units[inst.Pairs[p].Unit]).Distinct().ToArray();
        var results = new List<(Suggestion S, int Order)>();
        var tried = new HashSet<string>(StringComparer.Ordinal);

        bool Try(ScenarioEdit change, RuleKind rule, string text, double mustBeat = 0)
        {
            if (results.Count >= options.MaxSuggestions || ct.IsCancellationRequested || !tried.Add(change.Text)) return false;
            progress?.Report(new SolveProgress(SolvePhase.Explaining, 0, null, null));
            var (fill, slots) = MaxFill(new Instance(d, change.ApplyTo(s)), rulesOn: true);
            if (fill <= baseline.Fill100 + (long)Math.Round(mustBeat * 100)) return false;
            results.Add((new Suggestion(change, text, rule, slots - baseline.Slots, (fill - baseline.Fill100) / 100.0, fill >= demand), results.Count));
            return true;
        }

        foreach (var key in rules.Distinct().Order())
        {
            switch (key.Kind)
            {
                case RuleKind.Stance:
                    var current = s.StanceOf(d, key.Nation!);
                    var levels = Enum.GetValues<StanceLevel>().Where(l => l < current).OrderByDescending(l => l).ToArray();
                    var blockedHere = blocked.Where(u => u.Unit.Nation == key.Nation).ToArray();
                    // The nearest stance that lets in a blocked unit (or raises the brigade cap), then the most willing.
                    var nearest = levels.FirstOrDefault(l => Opens(s.Rules.Stances.GetValueOrDefault(l), s.Rules.Stances.GetValueOrDefault(current), blockedHere, s.Ceasefire), levels.LastOrDefault());
                    foreach (var level in new[] { nearest, levels.LastOrDefault() }.Distinct())
                        if (levels.Length > 0 && Try(new SetStance(key.Nation!, level), key.Kind, $"{Name(key.Nation!)} from {current.ToCode()} to {level.ToCode()}")) break;
                    break;
                case RuleKind.Readiness when s.ReadinessDeadline is not null:
                    // Each later deadline at which more units become ready, as long as it gains more than the one before.
                    var best = 0.0;
                    foreach (var days in blocked.Where(u => u.Unit.ReadinessDays > inst.ReadinessWindowDays).Select(u => u.Unit.ReadinessDays).Distinct().Order().Take(4))
                    {
                        var date = s.Offer.AddDays(days).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
                        if (Try(new SetDeadline(s.Offer.AddDays(days)), key.Kind, $"readiness deadline {date} ({days} days after the offer instead of {inst.ReadinessWindowDays})", best))
                            best = results[^1].S.WeightedFillGained;
                    }
                    break;
                case RuleKind.HomeDefenceFloor:
                    var cap = inst.Caps.First(c => c.Rule == key);
                    var total = cap.Units.Count;
                    var committed = cap.Units.Count(u => inst.Units[u].Unit.IsCommitted);
                    var keep = total - committed - cap.Max;
                    if (keep > 0)
                    {
                        var floor = Math.Floor(100.0 * (keep - 1) / total) / 100;
                        Try(new SetHomeDefenceFloor(key.Nation!, floor), key.Kind, FormattableString.Invariant($"{Name(key.Nation!)} keeps {floor:P0} of its manoeuvre brigades at home, freeing one more"));
                    }
                    break;
                case RuleKind.Rotation:
                    Try(new SetRotation(RotationChange.SingleRotation), key.Kind, "accept a single rotation (the plan is not sustainable beyond one tour)");
                    break;
                case RuleKind.Cohesion:
                    var k = s.Rules.Cohesion.MaxNationsPerDivision + 1;
                    Try(new SetCohesion(k), key.Kind, FormattableString.Invariant($"allow {k} nations per division"));
                    break;
                case RuleKind.PersonnelShare or RuleKind.EquipmentCountShare or RuleKind.EquipmentValueShare:
                    SuggestShare((c, k, t) => Try(c, k, t));
                    break;
                case RuleKind.Committed:
                    Try(new ReleaseUnits(ReleasedUnits.Committed), key.Kind, "release units committed elsewhere (e.g. NATO forward land forces)");
                    break;
                case RuleKind.HomeDefenceUnits:
                    Try(new ReleaseUnits(ReleasedUnits.HomeDefence), key.Kind, "send units earmarked for home defence");
                    break;
                case RuleKind.UsAllowedKinds:
                    foreach (var kind in blocked.Where(u => u.Nation.Group == NationGroup.Us && !s.Rules.UsBackstop.AllowedKinds.Contains(u.Unit.Kind)).Select(u => u.Unit.Kind).Distinct().Order())
                        Try(new AllowUsKind(kind), key.Kind, $"let the US backstop include {kind.ToCode()} units");
                    break;
                case RuleKind.UsNoNetIncrease:
                    Try(new AllowUsNetIncrease(), key.Kind, "allow a net increase of US personnel in Europe (committed US units backfilled from the US)");
                    break;
            }
        }
        return results.OrderByDescending(r => r.S.SlotsGained).ThenByDescending(r => r.S.WeightedFillGained).ThenBy(r => r.Order).Select(r => r.S).ToArray();

        void SuggestShare(Func<ScenarioEdit, RuleKind, string, bool> attempt)
        {
            var g = s.Rules.GroupShare;
            var target = MaxFill(new Instance(d, new DisableGroupShare().ApplyTo(s)), rulesOn: true).Fill100;
            if (target <= baseline.Fill100) return;
            // The highest threshold (in steps of 0.01) that still reaches the fill of the plan without the share rule.
            int lo = 0, hi = (int)Math.Round(Math.Max(g.MinPersonnelShare, g.MinEquipmentShare) * 100);
            while (lo < hi && !ct.IsCancellationRequested)
            {
                var mid = (lo + hi + 1) / 2;
                var v = new SetShares(mid / 100.0, mid / 100.0).ApplyTo(s);
                if (MaxFill(new Instance(d, v), rulesOn: true).Fill100 >= target) lo = mid; else hi = mid - 1;
            }
            var t = lo / 100.0;
            attempt(new SetShares(t, t), RuleKind.PersonnelShare, FormattableString.Invariant($"lower the {g.Group.ToCode()} share thresholds to {t:0.00}"));
        }
    }

    /// <summary>True when <paramref name="to"/> lets in a unit that <paramref name="from"/> keeps out, or raises the brigade cap.</summary>
    private static bool Opens(StancePolicy? to, StancePolicy? from, UnitInfo[] blocked, bool ceasefire) =>
        blocked.Any(u => Allows(to, u.Unit.Kind, ceasefire) && !Allows(from, u.Unit.Kind, ceasefire))
        || ((to?.ManoeuvreBrigadeCap ?? 0) > (from?.ManoeuvreBrigadeCap ?? 0) && blocked.Any(u => u.Unit.Kind == UnitKind.ManoeuvreBrigade));

    private static bool Allows(StancePolicy? p, UnitKind kind, bool ceasefire) => p is not null && p.Allows(kind, ceasefire);

    private string Name(string iso3) => inst.Dataset.NationsByCode.TryGetValue(iso3, out var n) ? n.Name : iso3;
}
