using System.Globalization;
using Resolute.Balance;
using Resolute.Domain;
using Resolute.Domain.Diagnostics;

namespace Resolute.Planning;

/// <summary>
/// Ceilings on the work one plan (or one <c>simulate</c>, <c>sensitivity</c> or <c>source</c> command) may do, checked
/// from the inputs before any work starts, so a requirement of a hundred divisions or ten million campaigns is refused at
/// once with its estimate instead of holding the cores for hours.
/// </summary>
/// <param name="MaxAssignments">Slot × candidate-unit pairs force generation may weigh (each is a CP-SAT variable).</param>
/// <param name="MaxSectorDays">Campaign sector-days the balance and sensitivity stages may simulate, all ensembles together.</param>
public sealed record WorkLimits(long MaxAssignments, long MaxSectorDays)
{
    /// <summary>
    /// The command line's ceilings, generous: 1,000,000 assignments is about 600 times the default scenario's (1,617), and
    /// 20 billion sector-days about 140 times a default plan's (147 million: two ensembles of 2,000 campaigns under four
    /// scenarios, the tornado and the Sobol design, 365 days × 12 sectors each), some minutes on two cores.
    /// </summary>
    public static WorkLimits Default { get; } = new(1_000_000, 20_000_000_000);

    /// <summary>How a user raises the ceilings (the CLI's options; the web app names its settings).</summary>
    public string RaiseAssignments { get; init; } = "--max-assignments";

    /// <summary>How a user raises the sector-day ceiling.</summary>
    public string RaiseSectorDays { get; init; } = "--max-sector-days";

    /// <summary>Every invalid ceiling (empty when valid), named by <see cref="RaiseAssignments"/> and <see cref="RaiseSectorDays"/>.</summary>
    public IReadOnlyList<Diagnostic> Validate()
    {
        var errors = new List<Diagnostic>();
        if (MaxAssignments < 1) errors.Add(Diagnostic.Setting(RaiseAssignments, Messages.OutOfRange("at least 1", MaxAssignments)));
        if (MaxSectorDays < 1) errors.Add(Diagnostic.Setting(RaiseSectorDays, Messages.OutOfRange("at least 1", MaxSectorDays)));
        return errors;
    }
}

/// <summary>
/// The work a plan would do, from its inputs alone (nothing is built): slot × candidate-unit pairs for force generation,
/// and campaigns with their sector-days for the balance across scenarios and the sensitivity analysis.
/// </summary>
/// <param name="Slots">Slots of the requirement.</param>
/// <param name="Assignments">Slot × candidate-unit pairs (a unit is a candidate for a slot when it is of a kind and type the slot accepts).</param>
/// <param name="Campaigns">Campaigns simulated in all ensembles.</param>
/// <param name="SectorDays">Their days × sectors, summed.</param>
public sealed record WorkEstimate(long Slots, long Assignments, long Campaigns, long SectorDays)
{
    /// <summary>No work.</summary>
    public static WorkEstimate None { get; } = new(0, 0, 0, 0);

    /// <summary>Force generation's share of the work for <paramref name="scenario"/>, counted arithmetically (slots are not listed).</summary>
    public static WorkEstimate Sourcing(Dataset dataset, Scenario scenario)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        ArgumentNullException.ThrowIfNull(scenario);
        var templates = scenario.Templates.GroupBy(t => t.Id, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        var demand = new List<(ElementSpec Element, long Slots)>();
        foreach (var f in scenario.Requirement.Formations)
            if (templates.TryGetValue(f.Template, out var t))
                demand.AddRange(t.Elements.Select(e => (e, (long)f.Count * e.Count)));
        demand.AddRange(scenario.Requirement.Elements.Select(e => (e, (long)e.Count)));
        long slots = 0, pairs = 0;
        foreach (var (element, n) in demand)
        {
            slots += n;
            pairs += n * dataset.Units.Count(element.Accepts);
        }
        return new WorkEstimate(slots, pairs, 0, 0);
    }

    /// <summary><paramref name="runs"/> campaigns of <paramref name="scenario"/>'s days and sectors, as an estimate to add to another.</summary>
    public static WorkEstimate Campaign(long runs, Scenario scenario)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        return new WorkEstimate(0, 0, runs, runs * scenario.Simulation.Days * scenario.Simulation.Sectors);
    }

    /// <summary>The whole plan <see cref="Planner.Run(Dataset, Scenario, DateTimeOffset, PlanOptions, CancellationToken)"/> would do.</summary>
    public static WorkEstimate Plan(Dataset dataset, Scenario scenario, PlanOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var estimate = Sourcing(dataset, scenario);
        var (assumptions, _) = CampaignAssumptions.From(scenario);
        if (assumptions is null) return estimate; // the balance stage is not computed
        long runs = options.Runs ?? scenario.Simulation.Runs;
        estimate += Campaign(2 * runs, scenario); // with and without the coalition
        foreach (var other in (options.Compare ?? []).Where(c => c.Id != scenario.Id))
            estimate += Campaign(2 * runs, other);
        var parameters = CampaignAssumptions.Parameters.Count;
        var uncertain = CampaignAssumptions.Parameters.Count(p => assumptions[p].Distribution.Kind != DistributionKind.Fixed);
        estimate += Campaign((long)(1 + (2 * parameters)) * options.TornadoRunsPerPoint, scenario);
        estimate += Campaign(options.SobolSamples > 0 ? (long)options.SobolSamples * (uncertain + 2) : 0, scenario);
        return estimate;
    }

    /// <summary>Two estimates together.</summary>
    public static WorkEstimate operator +(WorkEstimate a, WorkEstimate b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        return new(a.Slots + b.Slots, a.Assignments + b.Assignments, a.Campaigns + b.Campaigns, a.SectorDays + b.SectorDays);
    }

    /// <summary>Two estimates together.</summary>
    public static WorkEstimate Add(WorkEstimate a, WorkEstimate b) => a + b;

    /// <summary>
    /// Each ceiling the estimate is above, with the estimate, the ceiling and what to change; <paramref name="name"/> is the
    /// input it is reported against (the scenario file).
    /// </summary>
    public IReadOnlyList<Diagnostic> Check(WorkLimits limits, string name)
    {
        ArgumentNullException.ThrowIfNull(limits);
        var errors = new List<Diagnostic>();
        if (Assignments > limits.MaxAssignments)
            errors.Add(Diagnostic.Setting(name, Messages.WorkTooLarge("slot × candidate-unit pairs for force generation", Assignments, limits.MaxAssignments,
                string.Create(CultureInfo.InvariantCulture, $"{Slots:#,0} slots; lower the requirement's counts, or raise the ceiling with {limits.RaiseAssignments}"))));
        if (SectorDays > limits.MaxSectorDays)
            errors.Add(Diagnostic.Setting(name, Messages.WorkTooLarge("campaign sector-days", SectorDays, limits.MaxSectorDays,
                string.Create(CultureInfo.InvariantCulture, $"{Campaigns:#,0} campaigns; lower simulation.runs, days or sectors (or the runs asked for), or raise the ceiling with {limits.RaiseSectorDays}"))));
        return errors;
    }
}
