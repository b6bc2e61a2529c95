using Resolute.Domain;

namespace Resolute.Balance;

/// <summary>
/// The coalition force as the campaign sees it: plain figures, so the force-generation stage (units actually filled) and
/// the geography stage (Ukrainian brigades freed per coalition brigade) can supply them.
/// </summary>
/// <param name="ManoeuvreBrigades">Coalition manoeuvre brigades deployed as rear-area defence.</param>
/// <param name="LongRangeStrikeUnits">Coalition long-range-strike units (each adds coalition_strike_cut_per_unit).</param>
/// <param name="FreedBrigadesPerBrigade">Ukrainian brigades freed for the front per coalition manoeuvre brigade.</param>
/// <param name="FighterSquadrons">Coalition fighter squadrons (each adds coalition_air_cut_per_squadron).</param>
public sealed record CoalitionInput(double ManoeuvreBrigades, double LongRangeStrikeUnits, double FreedBrigadesPerBrigade, double FighterSquadrons = 0)
{
    /// <summary>No coalition force.</summary>
    public static CoalitionInput None { get; } = new(0, 0, 0);

    /// <summary>
    /// The coalition as the scenario requires it (every manoeuvre-brigade, long-range-strike and fighter slot filled), with the
    /// scenario's freed-brigade ratio: the requirement met in full (<c>simulate --as-required</c>). By default every command
    /// runs the units force generation actually sourced and geography placed instead (Resolute.Planning's <c>Coalition</c>).
    /// </summary>
    public static CoalitionInput FromRequirement(Scenario scenario)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        var slots = Slots.Of(scenario);
        var brigades = slots.Count(s => s.Element.Kinds.Contains(UnitKind.ManoeuvreBrigade));
        var lrs = slots.Count(s => s.Element.Kinds.Contains(UnitKind.Lrs));
        var fighters = slots.Count(s => s.Element.Kinds.Contains(UnitKind.FighterSquadron));
        return new CoalitionInput(brigades, lrs, scenario.Geography.FreedBrigadesPerBrigade, fighters);
    }

    /// <summary>Ukrainian brigades freed for the front.</summary>
    public double FreedBrigades => ManoeuvreBrigades * FreedBrigadesPerBrigade;

    /// <summary>
    /// When each element arrives, in days from the campaign's start (the deployment flow's schedule): each freed brigade reaches
    /// the front, and each long-range-strike unit and squadron adds its cut, from the day it arrives. Null: every element on
    /// the sampled <c>coalition_deploy_day</c>.
    /// </summary>
    public CoalitionArrivals? Arrivals { get; init; }
}

/// <summary>Arrival days of the coalition's elements (days from the campaign's start), one entry per unit.</summary>
/// <param name="ManoeuvreBrigades">Each coalition manoeuvre brigade's arrival; its freed Ukrainian brigades reach the front that day.</param>
/// <param name="LongRangeStrikeUnits">Each long-range-strike unit's arrival.</param>
/// <param name="FighterSquadrons">Each fighter squadron's arrival.</param>
public sealed record CoalitionArrivals(IReadOnlyList<int> ManoeuvreBrigades, IReadOnlyList<int> LongRangeStrikeUnits, IReadOnlyList<int> FighterSquadrons)
{
    /// <summary>How many of <paramref name="arrivals"/> are in place on each day of a campaign of <paramref name="days"/> days.</summary>
    public static double[] InPlaceByDay(IReadOnlyList<int> arrivals, int days)
    {
        ArgumentNullException.ThrowIfNull(arrivals);
        var byDay = new double[days];
        foreach (var a in arrivals) if (a < days) byDay[Math.Max(0, a)]++;
        for (var d = 1; d < days; d++) byDay[d] += byDay[d - 1];
        return byDay;
    }
}

/// <summary>Structural settings of a campaign ensemble (everything uncertain is in <see cref="CampaignAssumptions"/>).</summary>
/// <param name="Days">Days simulated.</param>
/// <param name="Sectors">Front sectors (at least 1; the bundled scenarios use 12).</param>
/// <param name="Law">The attrition law; its coefficients are calibrated so that day-1 losses equal the square law's.</param>
/// <param name="Ceasefire">Whether a ceasefire pauses combat for ceasefire_pause_days before Russia resumes.</param>
/// <param name="Coalition">The coalition force.</param>
public sealed record CampaignSettings(int Days, int Sectors, LanchesterLaw Law, bool Ceasefire, CoalitionInput Coalition)
{
    /// <summary>Settings from a scenario's simulation section, with the coalition the scenario requires (callers that source the force replace it).</summary>
    public static CampaignSettings From(Scenario scenario, LanchesterLaw law = LanchesterLaw.Square)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        return new(scenario.Simulation.Days, scenario.Simulation.Sectors, law, scenario.Ceasefire, CoalitionInput.FromRequirement(scenario));
    }

    internal void Check()
    {
        if (Days < 1) throw new ArgumentOutOfRangeException(nameof(Days), Days, "At least one day.");
        if (Sectors < 1) throw new ArgumentOutOfRangeException(nameof(Sectors), Sectors, "At least one sector.");
        ArgumentNullException.ThrowIfNull(Coalition);
        Guard.NonNegative(Coalition.ManoeuvreBrigades, nameof(Coalition));
        Guard.NonNegative(Coalition.LongRangeStrikeUnits, nameof(Coalition));
        Guard.NonNegative(Coalition.FreedBrigadesPerBrigade, nameof(Coalition));
        Guard.NonNegative(Coalition.FighterSquadrons, nameof(Coalition));
    }
}
