using System.Globalization;
using Resolute.Data;
using Resolute.Domain;

namespace Resolute.Reports;

/// <summary>
/// The result of planning one scenario: what was asked, the outcome of each stage, and the provenance needed to
/// reproduce it. Serialised as <c>result.json</c>; the briefing and the web dashboard render from it.
/// </summary>
public sealed record PlanResult(
    PlanResult.ScenarioInfo Scenario,
    IReadOnlyList<string> Rules,
    IReadOnlyList<PlanResult.ElementInfo> Requirement,
    IReadOnlyDictionary<string, IReadOnlyList<string>> Stances,
    PlanResult.DatasetInfo Dataset,
    IReadOnlyList<PlanResult.AssumptionInfo> Assumptions,
    IReadOnlyDictionary<string, string> Stages,
    PlanResult.ProvenanceInfo Provenance)
{
    /// <summary>The version of the result.json schema; readers reject others.</summary>
    public const int SchemaVersion = 1;

    /// <summary>What the scenario is.</summary>
    public sealed record ScenarioInfo(string Id, string Name, string Description, DateOnly StanceDate, DateOnly ReadinessDeadline, bool Ceasefire);
    /// <summary>One element of the requirement and how many dataset units could fill it.</summary>
    public sealed record ElementInfo(string Role, int Slots, IReadOnlyList<string> Kinds, IReadOnlyList<string> Types, int CandidateUnits);
    /// <summary>Counts of the dataset's tables.</summary>
    public sealed record DatasetInfo(int Nations, int Units, int UnitNations, int EquipmentTypes, int Cities, int Threats, int Sources);
    /// <summary>An assumption as reported.</summary>
    public sealed record AssumptionInfo(string Id, double Value, string Unit, string Distribution, string Reference);
    /// <summary>What is needed to reproduce the result.</summary>
    public sealed record ProvenanceInfo(int SchemaVersion, string DatasetVersion, string ScenarioHash, ulong Seed, string ToolVersion, DateTimeOffset CreatedUtc);

    /// <summary>Summarises the scenario and dataset; stages not yet run are reported as "not computed".</summary>
    internal static PlanResult Of(Dataset d, Scenario s, string scenarioHash, DateTimeOffset now)
    {
        var slots = Slots.Of(s);
        var elements = slots.GroupBy(x => x.Element.Role, StringComparer.Ordinal).Select(g =>
        {
            var e = g.First().Element;
            return new ElementInfo(g.Key, g.Count(), e.Kinds.Select(k => k.ToCode()).ToArray(), e.Types, d.Units.Count(e.Accepts));
        }).ToArray();

        var stances = d.Nations.Where(n => n.Group == NationGroup.EuropeCanada)
            .GroupBy(n => d.StanceOn(n.Iso3, s.StanceDate)).OrderBy(g => g.Key)
            .ToDictionary(g => g.Key.ToCode(), g => (IReadOnlyList<string>)g.Select(n => n.Iso3).Order(StringComparer.Ordinal).ToArray());

        var r = s.Rules;
        var rules = new List<string>();
        if (r.GroupShare.Enabled)
            rules.Add(Invariant($"≥ {r.GroupShare.MinPersonnelShare:P0} of personnel and ≥ {r.GroupShare.MinEquipmentShare:P0} of equipment ({string.Join(", ", r.GroupShare.EquipmentMeasures.Select(m => m.ToCode()))}) from {r.GroupShare.Group.ToCode()}"));
        rules.Add(r.UsBackstop.Enabled
            ? $"US backstop: {string.Join(", ", r.UsBackstop.AllowedKinds.Select(k => k.ToCode()))}{(r.UsBackstop.PostureOnly ? ", from posture in Europe only" : "")}{(r.UsBackstop.NoNetIncrease ? ", no net increase" : "")}"
            : "no US contribution");
        if (r.Rotation.Enabled) rules.Add(Invariant($"rotation ratio {r.Rotation.Ratio}{(r.Rotation.AcceptSingleRotation ? " (a single rotation accepted, reported)" : "")}"));
        if (r.Cohesion.Enabled) rules.Add(Invariant($"one nation per brigade slot; at most {r.Cohesion.MaxNationsPerDivision} nations per division"));
        if (r.HomeDefence.Floors.Count > 0) rules.Add("home-defence floors: " + string.Join(", ", r.HomeDefence.Floors.Select(f => Invariant($"{f.Key} {f.Value:P0}"))));

        var stages = new Dictionary<string, string>
        {
            ["force generation"] = "not computed",
            ["geography"] = "not computed",
            ["balance"] = "not computed",
        };
        return new PlanResult(
            new ScenarioInfo(s.Id, s.Name, s.Description.Trim(), s.StanceDate, s.ReadinessDeadline, s.Ceasefire),
            rules, elements, stances,
            new DatasetInfo(d.Nations.Count, d.Units.Count, d.Units.Select(u => u.Nation).Distinct().Count(), d.EquipmentTypes.Count, d.Cities.Count, d.Threats.Count, d.Sources.Count),
            s.Assumptions.Select(a => new AssumptionInfo(a.Id, a.Value, a.Unit, Describe(a.Distribution), a.Reference)).ToArray(),
            stages,
            new ProvenanceInfo(SchemaVersion, d.Version, scenarioHash, s.Seed, typeof(PlanResult).Assembly.GetName().Version?.ToString(3) ?? "0.0.0", now));
    }

    private static string Invariant(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);

    private static string Describe(Distribution d) => d.Kind switch
    {
        DistributionKind.Fixed => "fixed",
        DistributionKind.Uniform => Invariant($"uniform({d.Min}, {d.Max})"),
        DistributionKind.Triangular => Invariant($"triangular({d.Min}, {d.Mode}, {d.Max})"),
        DistributionKind.Normal => Invariant($"normal({d.Mean}, {d.Sd})"),
        DistributionKind.Lognormal => Invariant($"lognormal({d.Mean}, {d.Sd})"),
        _ => Invariant($"beta({d.Alpha}, {d.Beta}) on [{d.Min}, {d.Max}]"),
    };
}
