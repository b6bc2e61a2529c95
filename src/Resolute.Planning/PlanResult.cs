using System.Globalization;
using System.Text.Json;
using Resolute.Balance;
using Resolute.Balance.Survival;
using Resolute.Domain;
using Resolute.Geo;
using Resolute.Sourcing;

namespace Resolute.Planning;

/// <summary>
/// The result of planning one scenario: what was asked, the outcome of each stage, and the provenance needed to
/// reproduce it. Serialised as <c>result.json</c> (<see cref="ResultJson"/>); the briefing and the web dashboard render
/// from it. A stage that did not run has a null section and its <see cref="Stages"/> entry says why.
/// </summary>
/// <param name="SchemaVersion">The result.json schema this record was written with (<see cref="CurrentSchemaVersion"/>).</param>
/// <param name="Scenario">What the scenario is.</param>
/// <param name="Rules">The scenario's burden-sharing and force-generation rules, in words.</param>
/// <param name="Requirement">The requirement's elements.</param>
/// <param name="Stances">Europe-and-Canada nations by stance on the scenario's stance date.</param>
/// <param name="Dataset">Counts of the dataset's tables.</param>
/// <param name="Assumptions">The scenario's assumptions: value, distribution (range) and reference.</param>
/// <param name="Stages">Each stage's status (written "computed", or "not computed: why").</param>
/// <param name="Provenance">What is needed to reproduce the result.</param>
/// <param name="ForceGeneration">The force-generation stage's plan, or null when not computed.</param>
/// <param name="Geography">The geography stage's result and map, or null when not computed.</param>
/// <param name="Balance">The balance stage's ensembles and sensitivity, or null when not computed.</param>
/// <param name="Sources">Every source the plan's dataset rows cite, with the rows.</param>
public sealed record PlanResult(
    int SchemaVersion,
    PlanResult.ScenarioInfo Scenario,
    IReadOnlyList<string> Rules,
    IReadOnlyList<PlanResult.ElementInfo> Requirement,
    IReadOnlyDictionary<string, IReadOnlyList<string>> Stances,
    PlanResult.DatasetInfo Dataset,
    IReadOnlyList<PlanResult.AssumptionInfo> Assumptions,
    IReadOnlyDictionary<string, StageStatus> Stages,
    PlanResult.ProvenanceInfo Provenance,
    ForcePlan? ForceGeneration,
    PlanResult.GeographySection? Geography,
    PlanResult.BalanceSection? Balance,
    IReadOnlyList<PlanResult.SourceUse> Sources)
{
    /// <summary>The version of the result.json schema this build writes and reads; readers reject others.</summary>
    /// <remarks>1: scenario summary only. 2: stage sections (force generation, geography, balance) and sources.</remarks>
    public const int CurrentSchemaVersion = 2;

    /// <summary>Stage names, in the order they run; keys of <see cref="Stages"/>.</summary>
    public const string ForceGenerationStage = "force generation", GeographyStage = "geography", BalanceStage = "balance",
        DurabilityStage = "ceasefire durability", SustainmentStage = "sustainment";

    /// <summary>The ceasefire-durability stage, or null when not computed (results written before it existed also read as null).</summary>
    public DurabilitySection? Durability { get; init; }

    /// <summary>The sustainment stage: the force that can be held under rotation beside the one-off plan, or null when not computed (results written before it existed also read as null).</summary>
    public SustainmentResult? Sustainment { get; init; }

    /// <summary>What each stance level may send under the scenario's policies, at war and under a ceasefire (results written before it existed read as null).</summary>
    public IReadOnlyList<StancePolicyInfo>? StancePolicies { get; init; }

    /// <summary>One stance level's policy in words (<see cref="StancePolicy.Sends"/>) and the Europe-and-Canada nations at it.</summary>
    /// <param name="Level">The stance level.</param>
    /// <param name="Nations">Europe-and-Canada nations at that level on the stance date.</param>
    /// <param name="WarInside">What it sends into Ukraine in a war.</param>
    /// <param name="WarOutside">What it sends in support from outside Ukraine in a war.</param>
    /// <param name="CeasefireInside">What it sends into Ukraine under a ceasefire.</param>
    /// <param name="CeasefireOutside">What it sends from outside Ukraine under a ceasefire.</param>
    public sealed record StancePolicyInfo(string Level, IReadOnlyList<string> Nations, string WarInside, string WarOutside, string CeasefireInside, string CeasefireOutside);

    /// <summary>What the scenario is.</summary>
    /// <remarks><c>OfferDate</c>: the day deployment starts (the stance date when the scenario names none); <c>ReadinessDeadline</c>: null when the scenario sets none.</remarks>
    public sealed record ScenarioInfo(string Id, string Name, string Description, DateOnly StanceDate, DateOnly? ReadinessDeadline, bool Ceasefire, DateOnly? OfferDate = null);
    /// <summary>One element of the requirement and how many dataset units could fill it.</summary>
    public sealed record ElementInfo(string Role, int Slots, IReadOnlyList<string> Kinds, IReadOnlyList<string> Types, int CandidateUnits);
    /// <summary>Counts of the dataset's tables.</summary>
    public sealed record DatasetInfo(int Nations, int Units, int UnitNations, int EquipmentTypes, int Cities, int Threats, int Sources);
    /// <summary>An assumption as reported.</summary>
    public sealed record AssumptionInfo(string Id, double Value, string Unit, string Distribution, string Reference);
    /// <summary>What is needed to reproduce the result.</summary>
    public sealed record ProvenanceInfo(string DatasetVersion, string ScenarioHash, ulong Seed, string ToolVersion, DateTimeOffset CreatedUtc);

    /// <summary>The geography stage: its result, the map layers as a GeoJSON FeatureCollection (WGS 84), and where its force came from.</summary>
    /// <param name="Result">The geography result.</param>
    /// <param name="Map">The GeoJSON FeatureCollection written by <see cref="GeoJson.Write"/>.</param>
    /// <param name="Force">Where the deployed units came from: "force generation", or "none (no requirement)".</param>
    public sealed record GeographySection(GeographyResult Result, JsonElement Map, string Force);

    /// <summary>The balance stage: ensembles with and without the coalition, and the sensitivity of the headline outputs.</summary>
    /// <param name="Result">Ensembles, deterrence and the sector correlation of forces.</param>
    /// <param name="Tornado">One-at-a-time sensitivity per output (P10/P90 of each assumption).</param>
    /// <param name="Sobol">Sobol first-order and total indices per output.</param>
    /// <param name="Coalition">Where the coalition's figures came from, in words.</param>
    /// <param name="AcrossScenarios">The same sourced coalition under other scenarios' assumptions (e.g. the US paths), with and
    /// without it; null when none were asked for (results written before this field existed also read as null).</param>
    public sealed record BalanceSection(BalanceResult Result, IReadOnlyList<TornadoResult> Tornado, IReadOnlyList<SobolResult> Sobol, string Coalition,
        IReadOnlyList<ScenarioBalance>? AcrossScenarios = null);

    /// <summary>The balance of one other scenario, run with this plan's coalition (no daily bands: the briefing shows end states).</summary>
    /// <param name="Scenario">The scenario's id.</param>
    /// <param name="Name">Its name.</param>
    /// <param name="ScenarioHash">Its hash, for provenance.</param>
    /// <param name="Result">Ensembles with and without the coalition, deterrence and sectors.</param>
    public sealed record ScenarioBalance(string Scenario, string Name, string ScenarioHash, BalanceResult Result);

    /// <summary>
    /// The ceasefire-durability stage: a survival model fitted to the historical record, read for the scenario's settlement
    /// with the coalition's force and without it. Associations in a small sample, not causal effects.
    /// </summary>
    /// <param name="Model">The survival model ("weibull").</param>
    /// <param name="Cases">Ceasefires in the fit.</param>
    /// <param name="Resumed">Of those, the ones after which fighting resumed (the events).</param>
    /// <param name="Shape">The Weibull shape: below 1, the hazard of resumption falls with time.</param>
    /// <param name="Covariates">Each covariate: its value in the two configurations and its hazard ratio.</param>
    /// <param name="Comparison">P(the ceasefire holds) over the years with and without the force, with bands.</param>
    /// <param name="SimilarCases">The historical cases most like the settlement with the force, nearest first.</param>
    public sealed record DurabilitySection(string Model, int Cases, int Resumed, double Shape, IReadOnlyList<DurabilityCovariate> Covariates,
        DurabilityComparison Comparison, IReadOnlyList<SimilarCase> SimilarCases)
    {
        /// <summary>The points of the curves a table reads: those nearest 1, 2 and 5 years and the horizon (within it, each once).</summary>
        public IReadOnlyList<int> ReadingPoints()
        {
            var years = Comparison.With.Years;
            return new[] { 1.0, 2, 5, Comparison.HorizonYears }.Where(y => y <= Comparison.HorizonYears)
                .Select(y => Enumerable.Range(0, years.Count).MinBy(i => Math.Abs(years[i] - y))).Distinct().ToArray();
        }
    }

    /// <summary>One covariate of the durability model.</summary>
    /// <param name="Name">The covariate (a column of the survival command, e.g. <c>armed_force</c>).</param>
    /// <param name="With">Its value with the force.</param>
    /// <param name="Without">Its value without it.</param>
    /// <param name="HazardRatio">exp(β): below 1, the covariate is associated with longer-lasting ceasefires.</param>
    /// <param name="Lower95">Lower 95 % limit of the hazard ratio.</param>
    /// <param name="Upper95">Upper 95 % limit.</param>
    /// <param name="PValue">Two-sided p-value of β = 0.</param>
    public sealed record DurabilityCovariate(string Name, double With, double Without, double HazardRatio, double Lower95, double Upper95, double PValue);

    /// <summary>A historical ceasefire like the scenario's settlement.</summary>
    /// <param name="Id">The row's id in ceasefires.csv.</param>
    /// <param name="Name">Its name.</param>
    /// <param name="Year">The year the ceasefire began.</param>
    /// <param name="ForeignForce">The foreign force on the line (none, observers, peacekeepers, deterrent).</param>
    /// <param name="Distance">How many features differ from the settlement (intensity counts half per band).</param>
    /// <param name="Years">Years it held: to resumption, or to its as_of date while it holds.</param>
    /// <param name="Resumed">Whether fighting resumed.</param>
    /// <param name="Differs">The features in which it differs from the settlement.</param>
    public sealed record SimilarCase(string Id, string Name, int Year, string ForeignForce, double Distance, double Years, bool Resumed, IReadOnlyList<string> Differs);

    /// <summary>A source and the dataset rows of this plan that cite it.</summary>
    public sealed record SourceUse(string Id, string Title, string Publisher, string Address, DateOnly? Accessed, IReadOnlyList<CitedRow> Rows);

    /// <summary>One dataset row the plan used: its table, its key, the date it describes and the citation's note.</summary>
    public sealed record CitedRow(string Table, string Row, DateOnly AsOf, string Note);

    /// <summary>Summarises the scenario and dataset; stages not yet run are reported as "not computed".</summary>
    internal static PlanResult Of(Dataset d, Scenario s, string scenarioHash, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(d);
        ArgumentNullException.ThrowIfNull(s);
        var slots = Slots.Of(s);
        // One row per role and what it accepts: two templates may use a role name with different kinds or types.
        var elements = slots.GroupBy(x => (x.Element.Role, Accepts: string.Join(",", x.Element.Kinds) + "|" + string.Join(",", x.Element.Types))).Select(g =>
        {
            var e = g.First().Element;
            return new ElementInfo(g.Key.Role, g.Count(), e.Kinds.Select(k => k.ToCode()).ToArray(), e.Types, d.Units.Count(e.Accepts));
        }).ToArray();

        var stances = d.Nations.Where(n => n.Group == NationGroup.EuropeCanada)
            .GroupBy(n => s.StanceOf(d, n.Iso3)).OrderBy(g => g.Key)
            .ToDictionary(g => g.Key.ToCode(), g => (IReadOnlyList<string>)g.Select(n => n.Iso3).Order(StringComparer.Ordinal).ToArray());

        var r = s.Rules;
        var rules = new List<string>();
        if (r.GroupShare.Enabled)
            rules.Add(Invariant($"≥ {r.GroupShare.MinPersonnelShare:P0} of personnel and ≥ {r.GroupShare.MinEquipmentShare:P0} of equipment ({string.Join(", ", r.GroupShare.EquipmentMeasures.Select(m => m.ToCode()))}) from {r.GroupShare.Group.ToCode()}"));
        rules.Add(r.UsBackstop.Enabled
            ? $"US backstop: {string.Join(", ", r.UsBackstop.AllowedKinds.Select(k => k.ToCode()))}{(r.UsBackstop.PostureOnly ? ", from posture in Europe only" : "")}{(r.UsBackstop.NoNetIncrease ? ", no net increase" : "")}"
            : "no US contribution");
        if (r.Rotation.Enabled) rules.Add(Invariant($"rotation ratio {r.Rotation.Ratio}{(r.Rotation.AcceptSingleRotation ? " (a single rotation accepted, reported)" : "")}"));
        if (r.EuropeanLead.Enabled)
            rules.Add($"European lead: {(r.EuropeanLead.Command ? r.EuropeanLead.DivisionHqs ? "command element and division HQs" : "command element" : "division HQs")} from {NationGroup.EuropeCanada.ToCode()}");
        if (r.Cohesion.Enabled) rules.Add(Invariant($"one nation per brigade slot; at most {r.Cohesion.MaxNationsPerDivision} nations per division"));
        if (s.StanceOverrides.Count > 0)
            rules.Add("stances set by the scenario (in place of the dataset's): " + string.Join(", ", s.StanceOverrides.OrderBy(o => o.Key, StringComparer.Ordinal).Select(o => $"{o.Key} {o.Value.ToCode()}")));
        if (r.HomeDefence.Floors.Count > 0) rules.Add("home-defence floors: " + string.Join(", ", r.HomeDefence.Floors.Select(f => Invariant($"{f.Key} {f.Value:P0}"))));

        var stages = new Dictionary<string, StageStatus>
        {
            [ForceGenerationStage] = StageStatus.Pending,
            [SustainmentStage] = StageStatus.Pending,
            [GeographyStage] = StageStatus.Pending,
            [BalanceStage] = StageStatus.Pending,
            [DurabilityStage] = StageStatus.Pending,
        };
        return new PlanResult(
            CurrentSchemaVersion,
            new ScenarioInfo(s.Id, s.Name, s.Description.Trim(), s.StanceDate, s.ReadinessDeadline, s.Ceasefire, s.Offer),
            rules, elements, stances,
            new DatasetInfo(d.Nations.Count, d.Units.Count, d.Units.Select(u => u.Nation).Distinct().Count(), d.EquipmentTypes.Count, d.Cities.Count, d.Threats.Count, d.Sources.Count),
            s.Assumptions.Select(a => new AssumptionInfo(a.Id, a.Value, a.Unit, Describe(a.Distribution), a.Reference)).ToArray(),
            stages,
            new ProvenanceInfo(d.Version, scenarioHash, s.Seed, typeof(PlanResult).Assembly.GetName().Version?.ToString(3) ?? "0.0.0", now),
            null, null, null, [])
        {
            StancePolicies = Enum.GetValues<StanceLevel>().Select(l => (Level: l, Policy: r.Stances.GetValueOrDefault(l) ?? new StancePolicy(false, false, true, 0, false)))
                .Select(x => new StancePolicyInfo(x.Level.ToCode(), stances.GetValueOrDefault(x.Level.ToCode()) ?? [],
                    x.Policy.Sends(false, true), x.Policy.Sends(false, false), x.Policy.Sends(true, true), x.Policy.Sends(true, false))).ToArray(),
        };
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
