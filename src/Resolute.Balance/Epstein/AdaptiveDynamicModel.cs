namespace Resolute.Balance;

/// <summary>A side's close air support in Epstein's model (equations A-10 … A-13).</summary>
/// <param name="Aircraft">N(1): CAS aircraft on day 1.</param>
/// <param name="SortiesPerDay">S: sorties per aircraft per day (may be fractional).</param>
/// <param name="KillsPerSortie">K: enemy armoured vehicles killed per sortie.</param>
/// <param name="AttritionPerSortie">α: fraction of aircraft lost per sortie.</param>
public sealed record CloseAirSupport(double Aircraft, double SortiesPerDay, double KillsPerSortie, double AttritionPerSortie);

/// <summary>
/// Inputs of Epstein's Adaptive Dynamic Model. Defaults are the worked-example values in
/// combat-models.md §2 (from the mdunhem/warfare-calculus-prolog transcription of Epstein 1985,
/// appendix; not checked against the book itself).
/// </summary>
public sealed record AdaptiveDynamicParameters
{
    /// <summary>A(1): attacker ground lethality on day 1.</summary>
    public double AttackerLethality { get; init; } = 330_000;

    /// <summary>D(1): defender ground lethality on day 1.</summary>
    public double DefenderLethality { get; init; } = 200_000;

    /// <summary>ρ: attacker lethality lost per unit of defender lethality killed.</summary>
    public double ExchangeRatio { get; init; } = 1.5;

    /// <summary>W_max: the defender's maximum withdrawal rate, km/day.</summary>
    public double MaxWithdrawalRate { get; init; } = 20;

    /// <summary>α_dt: the defender's threshold attrition rate, above which it trades space for time.</summary>
    public double DefenderThreshold { get; init; } = 0.05;

    /// <summary>α_at: the attacker's threshold attrition rate, towards which it adapts its prosecution rate.</summary>
    public double AttackerThreshold { get; init; } = 0.075;

    /// <summary>α̂_a(1): the attacker's prosecution rate on day 1.</summary>
    public double InitialProsecutionRate { get; init; } = 0.02;

    /// <summary>L: lethality points per armoured division equivalent.</summary>
    public double LethalityPerAde { get; init; } = 47_490;

    /// <summary>V: armoured vehicles per armoured division equivalent.</summary>
    public double VehiclesPerAde { get; init; } = 1_200;

    /// <summary>The defender's close air support (it kills attacker lethality).</summary>
    public CloseAirSupport DefenderAir { get; init; } = new(300, 1.5, 0.5, 0.05);

    /// <summary>The attacker's close air support (it kills defender lethality).</summary>
    public CloseAirSupport AttackerAir { get; init; } = new(250, 1.0, 0.25, 0.05);
}

/// <summary>One day of an Adaptive Dynamic Model run.</summary>
/// <param name="Day">Day number; day 1 is the initial state.</param>
/// <param name="Attacker">A(t): attacker ground lethality.</param>
/// <param name="Defender">D(t): defender ground lethality.</param>
/// <param name="ProsecutionRate">α̂_a(t): the attacker's prosecution rate.</param>
/// <param name="AttackerAttrition">α_a(t): the attacker's ground-to-ground attrition rate.</param>
/// <param name="WithdrawalRate">W(t): the defender's withdrawal rate, km/day.</param>
/// <param name="CumulativeWithdrawal">Σ W up to and including day t, km.</param>
/// <param name="DefenderCasKills">CAS_d(t): attacker lethality the defender's CAS kills on day t.</param>
/// <param name="AttackerCasKills">CAS_a(t): defender lethality the attacker's CAS kills on day t.</param>
public readonly record struct AdaptiveDynamicDay(
    int Day,
    double Attacker,
    double Defender,
    double ProsecutionRate,
    double AttackerAttrition,
    double WithdrawalRate,
    double CumulativeWithdrawal,
    double DefenderCasKills,
    double AttackerCasKills);

/// <summary>
/// Epstein's Adaptive Dynamic Model with close air support: equations A-1 … … A-13
/// of <i>The Calculus of Conventional War</i> (Brookings, 1985), appendix, transcribed day by day
/// with day 1 as the base. are the no-air variants and follow by setting both air
/// forces to zero aircraft.
/// </summary>
public static class AdaptiveDynamicModel
{
    /// <summary>Runs the model for <paramref name="days"/> days (day 1 included).</summary>
    /// <remarks>
    /// Lethalities are clamped at zero and the run stops on the day a side is destroyed, because
    /// the attrition rates divide by the day's lethality.
    /// </remarks>
    public static IReadOnlyList<AdaptiveDynamicDay> Run(AdaptiveDynamicParameters parameters, int days)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        ArgumentOutOfRangeException.ThrowIfLessThan(days, 1);
        var p = parameters;
        Guard.NonNegative(p.AttackerLethality, nameof(parameters));
        Guard.NonNegative(p.DefenderLethality, nameof(parameters));
        if (!(p.ExchangeRatio > 0) || !(p.MaxWithdrawalRate > 0) || !(p.AttackerThreshold > 0)
            || !(p.DefenderThreshold >= 0 && p.DefenderThreshold < 1) || !(p.VehiclesPerAde > 0))
        {
            throw new ArgumentOutOfRangeException(nameof(parameters), "ρ, W_max, α_at and V must be positive and α_dt in [0, 1).");
        }

        var result = new List<AdaptiveDynamicDay>(days);
        var today = new AdaptiveDynamicDay(
            1, p.AttackerLethality, p.DefenderLethality, p.InitialProsecutionRate, p.InitialProsecutionRate,
            0, 0, CasKills(p, p.DefenderAir, 1), CasKills(p, p.AttackerAir, 1));
        result.Add(today);
        for (var t = 2; t <= days && today.Attacker > 0 && today.Defender > 0; t++)
        {
            var y = today;
            // yesterday's ground attrition and yesterday's air strikes.
            var attacker = Math.Max(0, (y.Attacker * (1 - y.AttackerAttrition)) - y.DefenderCasKills);
            var defender = Math.Max(0, y.Defender - (y.AttackerAttrition / p.ExchangeRatio * y.Attacker) - y.AttackerCasKills);
            // yesterday's total (ground + air) attrition rates.
            var attackerTotal = (y.Attacker - attacker) / y.Attacker;
            var defenderTotal = (y.Defender - defender) / y.Defender;
            // the attacker presses harder while its losses are under its threshold, and eases off above it.
            var prosecution = y.ProsecutionRate
                - ((p.AttackerThreshold - y.ProsecutionRate) / p.AttackerThreshold * (attackerTotal - p.AttackerThreshold));
            // the defender falls back only while its losses exceed its threshold.
            var withdrawal = defenderTotal > p.DefenderThreshold
                ? y.WithdrawalRate + ((p.MaxWithdrawalRate - y.WithdrawalRate) / (1 - p.DefenderThreshold) * (defenderTotal - p.DefenderThreshold))
                : 0;
            // withdrawing denies the attacker contact, so its attrition rate falls.
            var attrition = prosecution * (1 - (withdrawal / p.MaxWithdrawalRate));
            today = new AdaptiveDynamicDay(
                t, attacker, defender, prosecution, attrition, withdrawal, y.CumulativeWithdrawal + withdrawal,
                CasKills(p, p.DefenderAir, t), CasKills(p, p.AttackerAir, t));
            result.Add(today);
        }
        return result;
    }

    /// <summary>
    /// A-10 … A-13: lethality killed on day t by the aircraft surviving to that day,
    /// (L/V)·N(t)·K·{[1 − (1 − α)^(S+1)]/α − 1} with N(t) = N(1)·(1 − α)^(S·(t−1)).
    /// The brace is Σ_{i=1..S} (1 − α)^i (each sortie flown by the survivors of the previous
    /// ones) in closed form, which also serves for fractional S.
    /// </summary>
    internal static double CasKills(AdaptiveDynamicParameters p, CloseAirSupport air, int day)
    {
        var survive = 1 - air.AttritionPerSortie;
        var aircraft = air.Aircraft * Math.Pow(survive, air.SortiesPerDay * (day - 1));
        var sorties = air.AttritionPerSortie == 0
            ? air.SortiesPerDay
            : ((1 - Math.Pow(survive, air.SortiesPerDay + 1)) / air.AttritionPerSortie) - 1;
        return p.LethalityPerAde / p.VehiclesPerAde * aircraft * air.KillsPerSortie * sorties;
    }
}
