using System.Globalization;
using Resolute.Balance;
using Resolute.Domain;
using Resolute.Geo;
using Resolute.Sourcing;

namespace Resolute.Planning;

/// <summary>
/// The coalition a scenario fields, as the campaign sees it: the units force generation sourced (null plan when the
/// scenario has no requirement), where geography placed them, and the campaign's figures counted from those units.
/// </summary>
/// <param name="Plan">Force generation's plan; null when the scenario has no requirement.</param>
/// <param name="Deployed">The units the plan assigned.</param>
/// <param name="Geography">Geography's result for those units (it says how many Ukrainian brigades they free).</param>
/// <param name="Input">The campaign's coalition: manoeuvre brigades placed, long-range-strike units, fighter squadrons.</param>
public sealed record SourcedCoalition(ForcePlan? Plan, IReadOnlyList<Unit> Deployed, GeographyResult Geography, CoalitionInput Input)
{
    /// <summary>Where the campaign's coalition came from, in words.</summary>
    public string Description => Plan is null
        ? "no coalition force (the scenario has no requirement)"
        : string.Create(CultureInfo.InvariantCulture,
            $"force generation's plan: {Input.ManoeuvreBrigades:0} manoeuvre brigades placed by geography (freeing {Input.FreedBrigades:0.#} Ukrainian brigades at {Input.FreedBrigadesPerBrigade:0.##} per brigade), {Input.LongRangeStrikeUnits} long-range-strike units and {Input.FighterSquadrons} fighter squadrons{Timing}");

    private string Timing => Input.Arrivals is { } a && a.ManoeuvreBrigades.Concat(a.LongRangeStrikeUnits).Concat(a.FighterSquadrons).ToArray() is { Length: > 0 } all
        ? string.Create(CultureInfo.InvariantCulture, $", each from the day it arrives (days {all.Min()}–{all.Max()} after the offer)")
        : ", all from coalition_deploy_day";
}

/// <summary>The coalition a campaign runs with, and where it came from.</summary>
/// <param name="Input">The campaign's coalition.</param>
/// <param name="AsRequired">True when it is the requirement as if every slot were filled; false when it is force generation's plan.</param>
/// <param name="Description">Where it came from, in words, for the output.</param>
public sealed record CampaignCoalition(CoalitionInput Input, bool AsRequired, string Description)
{
    /// <summary><c>"sourced"</c> or <c>"as_required"</c>, as the JSON outputs write it.</summary>
    public string Basis => AsRequired ? "as_required" : "sourced";
}

/// <summary>The one place the coalition is composed, for <c>plan</c>, <c>simulate</c> and <c>sensitivity</c> alike.</summary>
public static class Coalition
{
    /// <summary>
    /// The coalition a campaign of the scenario runs with: by default what force generation sources and geography places
    /// (as <c>plan</c> runs it); with <paramref name="asRequired"/>, the requirement as if every slot were filled.
    /// </summary>
    public static CampaignCoalition ForCampaign(Dataset dataset, Scenario scenario, bool asRequired, SolveOptions? solve = null,
        GeographyOptions? geography = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        if (asRequired)
        {
            var input = CoalitionInput.FromRequirement(scenario);
            return new CampaignCoalition(input, true, string.Create(CultureInfo.InvariantCulture,
                $"the requirement as if filled: {input.ManoeuvreBrigades:0} manoeuvre brigades (freeing {input.FreedBrigades:0.#} Ukrainian brigades at {input.FreedBrigadesPerBrigade:0.##} per brigade), {input.LongRangeStrikeUnits} long-range-strike units and {input.FighterSquadrons} fighter squadrons"));
        }
        var sourced = Source(dataset, scenario, solve, geography, cancellationToken);
        return new CampaignCoalition(sourced.Input, false, sourced.Description);
    }

    /// <summary>Sources the scenario's force (CP-SAT) and places it (geography); the campaign's coalition is what they give.</summary>
    public static SourcedCoalition Source(Dataset dataset, Scenario scenario, SolveOptions? solve = null, GeographyOptions? geography = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        ArgumentNullException.ThrowIfNull(scenario);
        var plan = Slots.Of(scenario).Count == 0 ? null : ForceGenerator.Solve(dataset, scenario, solve ?? SolveOptions.Default, null, cancellationToken);
        return Place(dataset, scenario, plan, geography);
    }

    /// <summary>Places force generation's units (geography) and counts the campaign's coalition from them.</summary>
    public static SourcedCoalition Place(Dataset dataset, Scenario scenario, ForcePlan? plan, GeographyOptions? geography = null)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        ArgumentNullException.ThrowIfNull(scenario);
        var units = dataset.Units.ToDictionary(u => u.Id, StringComparer.Ordinal);
        var deployed = plan?.Assignments.Select(a => units[a.Unit]).ToArray() ?? [];
        var formations = plan?.Assignments.Where(a => a.Formation is not null).DistinctBy(a => a.Unit)
            .ToDictionary(a => a.Unit, a => a.Formation!, StringComparer.Ordinal);
        var geo = Geography.Plan(dataset, scenario, deployed, geography, formations);
        var input = new CoalitionInput(geo.FreedForces.CoalitionBrigades, deployed.Count(u => u.Kind == UnitKind.Lrs), geo.FreedForces.PerBrigade,
            deployed.Count(u => u.Kind == UnitKind.FighterSquadron)) { Arrivals = Arrivals(plan?.Deployment) };
        return new SourcedCoalition(plan, deployed, geo, input);
    }

    /// <summary>The flow's arrival days by element, so each element's effect starts when it arrives; null without a flow.</summary>
    private static CoalitionArrivals? Arrivals(DeploymentPlan? d)
    {
        if (d is not { Available: true }) return null;
        int[] Of(UnitKind kind) => [.. d.Moves.Where(m => m.Kind == kind).Select(m => m.ArrivalDay).Order()];
        return new CoalitionArrivals(Of(UnitKind.ManoeuvreBrigade), Of(UnitKind.Lrs), Of(UnitKind.FighterSquadron));
    }
}
