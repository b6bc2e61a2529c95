using System.Text.Json.Serialization;
using Resolute.Domain;
using Resolute.Domain.Edits;

namespace Resolute.Sourcing;

/// <summary>
/// The answer of force generation: who sends what into which slot, what is missing and why, the burden-sharing checks,
/// and how the solver got there. A plan is returned whether or not the requirement can be filled.
/// </summary>
/// <param name="ScenarioId">The scenario solved.</param>
/// <param name="DatasetVersion">The dataset's content hash.</param>
/// <param name="Seed">The scenario seed given to the solver.</param>
/// <param name="Fill">How much of the requirement is filled.</param>
/// <param name="Assignments">One row per filled slot, in slot order.</param>
/// <param name="Shortfalls">One row per unfilled slot, in slot order, with the reasons.</param>
/// <param name="BindingRules">The rules that together stop a better fill (empty when the requirement is filled).</param>
/// <param name="Suggestions">Single changes that would fill more, best first; each is a valid <c>--what-if</c>.</param>
/// <param name="ShareChecks">The group-share checks with their margins.</param>
/// <param name="Us">The US contribution and the no-net-increase check.</param>
/// <param name="Breadth">How many nations contribute.</param>
/// <param name="Formations">Each formation's framework nation and contributors.</param>
/// <param name="Burden">Per contributing nation: personnel, equipment, cost, shares; largest personnel first.</param>
/// <param name="Fairness">The fairness of the package against GDP.</param>
/// <param name="SingleRotation">Contributions that the nation cannot rotate at the scenario's ratio (allowed only when the scenario accepts a single rotation).</param>
/// <param name="Assumptions">Model assumptions used in this plan (cost rates and how rules are read), each with its value and reference.</param>
/// <param name="Solver">Solver status, objectives and the settings that make the plan reproducible.</param>
public sealed record ForcePlan(
    string ScenarioId,
    string DatasetVersion,
    ulong Seed,
    FillSummary Fill,
    IReadOnlyList<Assignment> Assignments,
    IReadOnlyList<Shortfall> Shortfalls,
    IReadOnlyList<BindingRule> BindingRules,
    IReadOnlyList<Suggestion> Suggestions,
    IReadOnlyList<ShareCheck> ShareChecks,
    UsContribution Us,
    BreadthSummary Breadth,
    IReadOnlyList<FormationSummary> Formations,
    IReadOnlyList<NationBurden> Burden,
    FairnessSummary Fairness,
    IReadOnlyList<RotationNote> SingleRotation,
    IReadOnlyList<PlanAssumption> Assumptions,
    SolverReport Solver)
{
    /// <summary>True when every slot is filled.</summary>
    public bool IsFilled => Fill.FilledSlots == Fill.Slots;

    /// <summary>When the planned force arrives (the deployment flow); null for a plan built without it.</summary>
    public DeploymentPlan? Deployment { get; init; }
}

/// <summary>How much of the requirement is filled, by count and by slot weight.</summary>
public sealed record FillSummary(int Slots, int FilledSlots, double WeightedDemand, double WeightedFill, int Personnel, int MajorEquipment, double CombatValue);

/// <summary>One unit in one slot.</summary>
/// <remarks>
/// <para><c>Formation</c>: The formation (e.g. "plussed_up_division 2"), or null for a force-level element.</para>
/// <para><c>Role</c>: The element's role in the requirement.</para>
/// <para><c>MajorEquipment</c>: Major end items the unit holds.</para>
/// <para><c>CombatValue</c>: Sum over holdings of count × combat value.</para>
/// <para><c>AnnualCostUsd</c>: Estimated annual cost of keeping the unit deployed (see the plan's assumptions).</para>
/// </remarks>
public sealed record Assignment(
    string Slot, string? Formation, string Role, int Index, string Unit, string UnitName, string Nation, UnitKind Kind, string Type,
    int Personnel, int MajorEquipment, double CombatValue, double AnnualCostUsd);

/// <summary>A slot left empty, with why.</summary>
/// <remarks>
/// <para><c>Candidates</c>: Units in the catalog of a kind and type the slot accepts.</para>
/// <para><c>Reasons</c>: Why each candidate could not be used, grouped by rule.</para>
/// <para><c>BindingRules</c>: The rules that stop this slot being filled without emptying another (CP-SAT's sufficient assumptions, minimised).</para>
/// </remarks>
public sealed record Shortfall(
    string Slot, string? Formation, string Role, int Index, double Weight, IReadOnlyList<UnitKind> Kinds, IReadOnlyList<string> Types,
    int Candidates, IReadOnlyList<ShortfallReason> Reasons, IReadOnlyList<BindingRule> BindingRules);

/// <summary>How many of a slot's candidates one rule keeps out (or, for <see cref="RuleKind.Catalog"/>, that used elsewhere or none exist).</summary>
public sealed record ShortfallReason(RuleKind Rule, string? Nation, int Units, string Text);

/// <summary>The rules of force generation, as named in binding-rule explanations.</summary>
public enum RuleKind
{
    /// <summary>Not enough units of the kind exist (or they fill other slots): no rule to relax.</summary>
    Catalog,
    /// <summary>Only units ready by the readiness deadline (or, without one, within the deployment horizon).</summary>
    Readiness,
    /// <summary>The deployment flow has a way for the unit: a border crossing serves its mode of travel.</summary>
    Route,
    /// <summary>Units earmarked for home defence stay at home.</summary>
    HomeDefenceUnits,
    /// <summary>Units already committed elsewhere stay there.</summary>
    Committed,
    /// <summary>What a nation's stance lets it send (including its brigade cap).</summary>
    Stance,
    /// <summary>A nation keeps a share of its manoeuvre brigades at home.</summary>
    HomeDefenceFloor,
    /// <summary>A nation needs <c>ratio</c> like units to keep one deployed.</summary>
    Rotation,
    /// <summary>At most K nations per division.</summary>
    Cohesion,
    /// <summary>The group's share of personnel.</summary>
    PersonnelShare,
    /// <summary>The group's share of major end items, by count.</summary>
    EquipmentCountShare,
    /// <summary>The group's share of major end items, by combat value.</summary>
    EquipmentValueShare,
    /// <summary>The US sends only the element kinds the scenario allows.</summary>
    UsAllowedKinds,
    /// <summary>No net increase of US personnel in Europe.</summary>
    UsNoNetIncrease,
    /// <summary>The command element (and division HQs) come from European nations.</summary>
    EuropeanLead,
    /// <summary>A fuller plan exists but scores lower on the scenario's weighted objectives.</summary>
    ObjectiveTradeOff,
}

/// <summary>A rule that binds: relaxing it (alone or with the others listed) would allow a better fill.</summary>
/// <remarks>
/// <para><c>Nation</c>: The nation the rule instance is about, where it is per nation.</para>
/// <para><c>Text</c>: A sentence for the report.</para>
/// </remarks>
public sealed record BindingRule(RuleKind Rule, string? Nation, string Text);

/// <summary>A single change to the scenario or stances, and what it would gain.</summary>
/// <remarks>
/// <para><c>WhatIf</c>: The change in <c>--what-if</c> syntax, e.g. <c>DEU=not_ruled_out</c>.</para>
/// <para><c>Text</c>: What the change means, in words.</para>
/// <para><c>SlotsGained</c>: Slots filled beyond the base plan (maximum fill, other objectives ignored).</para>
/// <para><c>WeightedFillGained</c>: The same in slot weight.</para>
/// <para><c>FillsRequirement</c>: True when the change alone fills every slot.</para>
/// </remarks>
public sealed record Suggestion([property: JsonPropertyName("what_if")] ScenarioEdit Edit, string Text, RuleKind Rule, int SlotsGained, double WeightedFillGained, bool FillsRequirement);

/// <summary>A group-share check: the group's share of the deployed force by one measure.</summary>
/// <remarks>
/// <para><c>Share</c>: The group's amount over the total; null when nothing is deployed by this measure (0 of 0), where a
/// share has no meaning.</para>
/// <para><c>Margin</c>: Share minus threshold; negative means the check fails; null when nothing is deployed.</para>
/// <para><c>Enforced</c>: False when the scenario does not require this measure (it is still reported).</para>
/// <para><c>Holds</c>: True when the share reaches the threshold (or the measure is not enforced), false when it fails, and null
/// when nothing is deployed: the check is then neither met nor broken.</para>
/// </remarks>
public sealed record ShareCheck(
    ShareMeasure Measure, NationGroup Group, double Threshold, double GroupAmount, double TotalAmount, double? Share, double? Margin, bool Enforced, bool? Holds)
{
    /// <summary><see cref="ShareStatus.NotApplicable"/> when nothing is deployed, else whether the check holds.</summary>
    public ShareStatus Status => Holds switch { null => ShareStatus.NotApplicable, true => ShareStatus.Holds, false => ShareStatus.Fails };
}

/// <summary>The outcome of a share check.</summary>
public enum ShareStatus
{
    /// <summary>The group's share reaches the threshold (or the measure is not enforced).</summary>
    Holds,
    /// <summary>The group's share is below an enforced threshold.</summary>
    Fails,
    /// <summary>Nothing is deployed by this measure (0 of 0), so there is no share to check: counted neither as holding nor failing.</summary>
    NotApplicable,
}

/// <summary>What a share check measures.</summary>
public enum ShareMeasure { Personnel, EquipmentCount, CombatValue }

/// <summary>The US backstop: what the US sends and the no-net-increase check.</summary>
/// <remarks>
/// <para><c>Enabled</c>: The scenario's US backstop rule is on.</para>
/// <para><c>PostureInEuropeBefore</c>: US personnel in Europe before deployment: every US unit in the dataset (the dataset lists only US forces in Europe).</para>
/// <para><c>Backfill</c>: US personnel that would have to come from outside Europe to replace deployed units with standing commitments or to rotate them.</para>
/// <para><c>PostureInEuropeAfter</c>: Before plus backfill: units moved into Ukraine stay in the European theatre.</para>
/// <para><c>NetChange</c>: After minus before.</para>
/// <para><c>NoNetIncreaseHolds</c>: True when the net change is not above zero.</para>
/// </remarks>
public sealed record UsContribution(
    bool Enabled, IReadOnlyList<UnitKind> AllowedKinds, IReadOnlyList<string> Units, int Personnel, int MajorEquipment, double CombatValue,
    double ShareOfPersonnel, int PostureInEuropeBefore, int Backfill, int PostureInEuropeAfter, int NetChange, bool NoNetIncrease, bool NoNetIncreaseHolds, bool KindsHold);

/// <summary>Coalition breadth: distinct contributing nations, not counting the US backstop (<c>EligibleNations</c> likewise).</summary>
public sealed record BreadthSummary(int Nations, IReadOnlyList<string> Contributors, int EligibleNations);

/// <summary>A formation of the requirement: its framework nation (the nation of its HQ, else its largest contributor) and contributors.</summary>
public sealed record FormationSummary(string Formation, string Template, string? FrameworkNation, IReadOnlyList<string> Nations, int Slots, int FilledSlots, int MaxNations);

/// <summary>A nation's burden in the plan.</summary>
/// <remarks>
/// The shares compare the coalition's nations with one another: the US backstop is bounded by its own rules (posture in
/// Europe, no net increase, allowed kinds), not by GDP, and counting its personnel and its GDP (over two thirds of the
/// contributors' GDP) would show every European nation far above its economic weight. A backstop row has no shares.
/// <para><c>ShareOfForce</c>: Share of the coalition's personnel (the force less the US backstop); null for the backstop.</para>
/// <para><c>ShareOfGdp</c>: Share of the coalition's contributing nations' GDP; null for the backstop.</para>
/// <para><c>ShareOfDefence</c>: Share of the coalition's contributing nations' defence spending; null for the backstop.</para>
/// <para><c>GapToGdp</c>: Share of force minus share of GDP; null for the backstop.</para>
/// <para><c>CostPctOfDefence</c>: Annual cost as a percentage of the nation's defence budget.</para>
/// </remarks>
public sealed record NationBurden(
    string Nation, string Name, NationGroup Group, StanceLevel Stance, int Units, int Personnel, int MajorEquipment, double CombatValue,
    double AnnualCostUsd, double? ShareOfForce, double? ShareOfGdp, double? ShareOfDefence, double? GapToGdp, double CostPctOfDefence);

/// <summary>How fair the package is against GDP.</summary>
/// <remarks>
/// <para><c>JainIndex</c>: Jain's fairness index of (share of force ÷ share of GDP) over the coalition's contributors (the US backstop excluded): 1 = every nation in proportion to GDP, 1/n = one nation carries it all.</para>
/// <para><c>MaxGapToGdp</c>: The largest |share of force − share of GDP| over the coalition's contributors.</para>
/// <para><c>MaxGapNation</c>: The nation with that gap.</para>
/// </remarks>
public sealed record FairnessSummary(double JainIndex, double MaxGapToGdp, string? MaxGapNation);

/// <summary>A nation deploys more units of one kind than it can rotate at the scenario's ratio.</summary>
public sealed record RotationNote(string Nation, UnitKind Kind, int Deployed, int Pool, int Ratio);

/// <summary>A model assumption: an input that is not in the dataset.</summary>
public sealed record PlanAssumption(string Id, string Description, double Value, string Unit, string Reference, bool FromScenario);

/// <summary>How the plan was solved, and how to reproduce it.</summary>
/// <remarks>
/// <para><c>Status</c>: CP-SAT's status for the main solve.</para>
/// <para><c>ProvenOptimal</c>: True when CP-SAT proved the plan optimal for the weighted objective.</para>
/// <para><c>Stopped</c>: True when the solve was cancelled; the plan is the best found so far.</para>
/// <para><c>Objective</c>: The plan's weighted objective, in points (higher is better).</para>
/// <para><c>Bound</c>: CP-SAT's upper bound on the objective, in points.</para>
/// <para><c>Gap</c>: (bound − objective) ÷ |bound|; 0 when proven optimal.</para>
/// <para><c>GreedyObjective</c>: The greedy baseline's objective, in points, on the same scale.</para>
/// <para><c>GreedyFilledSlots</c>: Slots the greedy baseline fills.</para>
/// <para><c>Source</c>: Which solver produced the plan: <c>cp_sat</c>, or <c>greedy</c> when CP-SAT found nothing better.</para>
/// <para><c>Parameters</c>: The CP-SAT parameters used, verbatim.</para>
/// <para><c>Objectives</c>: The objective terms of the plan, in points.</para>
/// <para><c>Stages</c>: The CP-SAT solves of the main search in order (see <see cref="ForceGenerator"/>).</para>
/// </remarks>
public sealed record SolverReport(
    string Status, bool ProvenOptimal, bool Stopped, double Objective, double Bound, double Gap, double GreedyObjective, int GreedyFilledSlots,
    string Source, int Workers, double MaxDeterministicTime, int RandomSeed, string Parameters, double DeterministicTime,
    int Variables, IReadOnlyList<ObjectiveTerm> Objectives, IReadOnlyList<SolveStage>? Stages = null);

/// <summary>One CP-SAT solve of the main search.</summary>
/// <param name="Name"><c>fill</c> (maximum weighted fill), <c>breadth</c> (most nations at that fill), <c>rest</c> (combat value,
/// cost and fairness with both fixed, then the tie-break) or <c>weighted</c> (the whole weighted objective).</param>
/// <param name="Status">CP-SAT's status for the stage.</param>
/// <param name="DeterministicTime">Deterministic time the stage used.</param>
/// <param name="Parameters">The stage's CP-SAT parameters, verbatim.</param>
public sealed record SolveStage(string Name, string Status, double DeterministicTime, string Parameters);

/// <summary>One term of the weighted objective.</summary>
/// <remarks>
/// <para><c>Value</c>: The raw value (e.g. weighted slots filled, nations, largest GDP gap in per mille of force personnel).</para>
/// <para><c>Points</c>: Weight × normalised value, as it enters the objective (negative for terms minimised).</para>
/// </remarks>
public sealed record ObjectiveTerm(ObjectiveKind Kind, double Weight, double Value, double Points);
