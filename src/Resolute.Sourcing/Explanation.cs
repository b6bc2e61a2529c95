using System.Globalization;
using Resolute.Domain;

namespace Resolute.Sourcing;

/// <summary>Why a plan falls short: the rules that bind overall and per unfilled slot, and ranked suggestions.</summary>
internal sealed record Explanation(IReadOnlyList<BindingRule> Binding, IReadOnlyDictionary<int, IReadOnlyList<BindingRule>> SlotBinding, IReadOnlyList<Suggestion> Suggestions)
{
    public static Explanation None { get; } = new([], new Dictionary<int, IReadOnlyList<BindingRule>>(), []);

    public static Explanation Of(Instance inst, int?[] plan, Explainer ex, IProgress<SolveProgress>? progress)
    {
        var planFill = Evaluation.Fill100(inst, plan);
        var demand = inst.SlotWeight100.Sum();
        var ruled = ex.MaxFill(inst, rulesOn: true);
        var free = ex.MaxFill(inst, rulesOn: false);
        var binding = new List<BindingRule>();
        var keys = new List<RuleKey>();

        if (ruled.Fill100 > planFill)
            binding.Add(new BindingRule(RuleKind.ObjectiveTradeOff, null, string.Create(CultureInfo.InvariantCulture,
                $"a plan filling {(ruled.Fill100 - planFill) / 100.0:0.##} more slot weight exists under the rules, but scores lower on the scenario's other weighted objectives (or was not reached in the search budget)")));
        if (free.Fill100 > ruled.Fill100 && ex.Core(ruled.Fill100 + 1, null) is { } core)
        {
            keys.AddRange(core);
            binding.AddRange(core.Select(k => Describe(inst, k)));
        }
        if (free.Fill100 < demand)
            binding.Add(new BindingRule(RuleKind.Catalog, null, string.Create(CultureInfo.InvariantCulture,
                $"even with every rule relaxed, only {free.Slots} of {inst.Slots.Count} slots can be filled: the catalog has too few units of some kinds")));

        var slotBinding = new Dictionary<int, IReadOnlyList<BindingRule>>();
        foreach (var group in Enumerable.Range(0, plan.Length).Where(s => plan[s] is null).GroupBy(s => inst.Slots[s].Element.Role, StringComparer.Ordinal))
        {
            progress?.Report(new SolveProgress(SolvePhase.Explaining, 0, null, null));
            var slotCore = ex.Core(ruled.Fill100, group.First());
            IReadOnlyList<BindingRule> rules = slotCore switch
            {
                null => [new BindingRule(RuleKind.ObjectiveTradeOff, null, "it can be filled instead of another slot of equal weight")],
                [] => [new BindingRule(RuleKind.Catalog, null, "every unit that could fill it is missing from the catalog or fills a heavier slot")],
                _ => slotCore.Select(k => Describe(inst, k)).ToArray(),
            };
            if (slotCore is { Count: > 0 }) keys.AddRange(slotCore);
            foreach (var s in group) slotBinding[s] = rules;
        }

        var suggestions = ex.Suggest(keys, plan, ruled, progress);
        return new Explanation(binding, slotBinding, suggestions);
    }

    /// <summary>A rule instance in words.</summary>
    public static BindingRule Describe(Instance inst, RuleKey key)
    {
        var s = inst.Scenario;
        var r = s.Rules;
        string text;
        switch (key.Kind)
        {
            case RuleKind.Readiness:
                text = s.ReadinessDeadline is { } deadline
                    ? $"readiness: only units ready within {inst.ReadinessWindowDays} days of {D(s.Offer)} (deadline {D(deadline)})"
                    : $"readiness: only units ready within the deployment horizon, {inst.ReadinessWindowDays} days after the offer on {D(s.Offer)}";
                break;
            case RuleKind.Route:
                text = "deployment: only units of a mode of travel (rail, road) some border crossing in the dataset serves";
                break;
            case RuleKind.HomeDefenceUnits:
                text = "units earmarked for home defence stay at home";
                break;
            case RuleKind.Committed:
                text = "units already committed elsewhere (NATO forward land forces, NRF, air policing) stay committed";
                break;
            case RuleKind.Stance:
                var level = s.StanceOf(inst.Dataset, key.Nation!);
                var p = r.Stances.GetValueOrDefault(level);
                text = $"{key.Nation} stance {level.ToCode()} on {D(s.StanceDate)}: {Policy(p, s.Ceasefire)}";
                break;
            case RuleKind.HomeDefenceFloor or RuleKind.Rotation:
                text = string.Join("; ", inst.Caps.Where(c => c.Rule == key).Select(c => c.Text));
                break;
            case RuleKind.Cohesion:
                text = string.Create(CultureInfo.InvariantCulture, $"cohesion: at most {r.Cohesion.MaxNationsPerDivision} nations per division");
                break;
            case RuleKind.PersonnelShare:
                text = string.Create(CultureInfo.InvariantCulture, $"at least {r.GroupShare.MinPersonnelShare:0.##} of personnel from {r.GroupShare.Group.ToCode()}");
                break;
            case RuleKind.EquipmentCountShare:
                text = string.Create(CultureInfo.InvariantCulture, $"at least {r.GroupShare.MinEquipmentShare:0.##} of major equipment (count) from {r.GroupShare.Group.ToCode()}");
                break;
            case RuleKind.EquipmentValueShare:
                text = string.Create(CultureInfo.InvariantCulture, $"at least {r.GroupShare.MinEquipmentShare:0.##} of major equipment (combat value) from {r.GroupShare.Group.ToCode()}");
                break;
            case RuleKind.UsAllowedKinds:
                text = $"the US backstop sends only {string.Join(", ", r.UsBackstop.AllowedKinds.Select(k => k.ToCode()))}";
                break;
            case RuleKind.EuropeanLead:
                var lead = r.EuropeanLead;
                text = $"European lead: the {(lead.Command && lead.DivisionHqs ? "command element and the division HQs come" : lead.Command ? "command element comes" : "division HQs come")} from {NationGroup.EuropeCanada.ToCode()} nations";
                break;
            case RuleKind.UsNoNetIncrease:
                text = "no net increase of US personnel in Europe: a committed US unit cannot be pulled without a backfill from the US";
                break;
            default:
                text = key.Kind.ToString();
                break;
        }
        return new BindingRule(key.Kind, key.Nation, text);
    }

    internal static string Policy(StancePolicy? p, bool ceasefire) => p switch
    {
        null or { Contribute: false } => "sends nothing",
        { CeasefireOnly: true } when !ceasefire => "sends only in a ceasefire",
        { InsideUkraine: false } => "supports only from outside Ukraine (aircraft, long-range strike)",
        { EnablersOnly: true } => "enablers only, no manoeuvre brigades",
        { MaxManoeuvreBrigades: { } max } => string.Create(CultureInfo.InvariantCulture, $"at most {max} manoeuvre brigade{(max == 1 ? "" : "s")}"),
        _ => "anything",
    };

    private static string D(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
