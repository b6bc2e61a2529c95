namespace Resolute.Balance;

/// <summary>
/// Solves Lanchester models: the discrete daily recursion and the continuous equations, both
/// with reinforcements and with strengths clamped at zero as in Helmbold's spreadsheet.
/// </summary>
/// <remarks>
/// Continuous solutions are closed forms where one exists: the square law (hyperbolic functions,
/// also with constant reinforcement rates), the logarithmic law (exponentials, also with
/// reinforcements) and the linear law without reinforcements (a logistic curve, from the invariant
/// A·B − D·R). The linear law with reinforcements and Helmbold's mixed law have no elementary
/// closed form in time, so they are integrated with classical fourth-order Runge–Kutta at a fixed
/// step of <see cref="RungeKuttaStep"/> days.
/// </remarks>
public static class Lanchester
{
    /// <summary>
    /// The largest Runge–Kutta step, in days. A power of two keeps step sizes exact in binary;
    /// at this step RK4's error is far below the 1e-6 tolerance the validation tests use.
    /// </summary>
    public const double RungeKuttaStep = 1.0 / 256;

    // Recursion guard for the square law's piecewise solution: each level is one annihilation
    // event, and two sides can each be annihilated at most once per interval in practice.
    private const int MaxAnnihilationEvents = 8;

    /// <summary>
    /// One day of the discrete recursion:
    /// blue' = max(0, blue + P − D·f(blue, red)), red' = max(0, red + Q − A·f(red, blue)).
    /// Reinforcements arriving during the day are not attrited that day (Helmbold's convention).
    /// </summary>
    /// <param name="model">The model.</param>
    /// <param name="state">Strengths at the end of the previous day.</param>
    /// <param name="reinforcements">Arrivals during the day (P for blue, Q for red), non-negative.</param>
    public static ForceStrengths Step(LanchesterModel model, ForceStrengths state, ForceStrengths reinforcements)
    {
        ArgumentNullException.ThrowIfNull(model);
        return new(
            Math.Max(0, state.Blue + reinforcements.Blue - model.BlueLossRate(state.Blue, state.Red)),
            Math.Max(0, state.Red + reinforcements.Red - model.RedLossRate(state.Blue, state.Red)));
    }

    /// <summary>Runs the discrete recursion for one day per entry of <paramref name="dailyReinforcements"/>.</summary>
    /// <returns>The strengths on day 0 (<paramref name="initial"/>) through day n.</returns>
    public static IReadOnlyList<ForceStrengths> RunDiscrete(
        LanchesterModel model, ForceStrengths initial, IReadOnlyList<ForceStrengths> dailyReinforcements)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(dailyReinforcements);
        CheckStrengths(initial, nameof(initial));
        var result = new ForceStrengths[dailyReinforcements.Count + 1];
        result[0] = initial;
        for (var day = 1; day <= dailyReinforcements.Count; day++)
        {
            var inflow = dailyReinforcements[day - 1];
            CheckStrengths(inflow, nameof(dailyReinforcements));
            result[day] = Step(model, result[day - 1], inflow);
        }
        return result;
    }

    /// <summary>
    /// Advances the continuous model by <paramref name="duration"/> days with constant
    /// reinforcement rates. A side that reaches zero stays there while the enemy kills its
    /// reinforcements as fast as they arrive.
    /// </summary>
    /// <param name="model">The model.</param>
    /// <param name="state">Strengths at the start.</param>
    /// <param name="duration">Days to advance, non-negative.</param>
    /// <param name="reinforcementRate">Arrivals per day (P for blue, Q for red), non-negative.</param>
    public static ForceStrengths Advance(LanchesterModel model, ForceStrengths state, double duration, ForceStrengths reinforcementRate)
    {
        ArgumentNullException.ThrowIfNull(model);
        CheckStrengths(state, nameof(state));
        CheckStrengths(reinforcementRate, nameof(reinforcementRate));
        Guard.NonNegative(duration, nameof(duration));
        if (duration == 0) return state;
        return model.Law switch
        {
            LanchesterLaw.Square => SquareAdvance(model, state, duration, reinforcementRate, 0),
            LanchesterLaw.Logarithmic => LogarithmicAdvance(model, state, duration, reinforcementRate),
            LanchesterLaw.Linear when reinforcementRate == default => LinearAdvance(model, state, duration),
            _ => RungeKutta(model, state, duration, reinforcementRate),
        };
    }

    /// <summary>
    /// The model's strengths at each observation's time, starting from the first observation's
    /// strengths. The reinforcements on row i arrive between rows i−1 and i: spread evenly in time
    /// (continuous form) or over the days (discrete form, which needs whole-day times).
    /// </summary>
    /// <param name="model">The model.</param>
    /// <param name="form">Continuous or discrete.</param>
    /// <param name="observations">At least one row, times strictly increasing, first row's strengths known.</param>
    public static IReadOnlyList<ForceStrengths> Project(LanchesterModel model, LanchesterForm form, IReadOnlyList<LanchesterObservation> observations)
    {
        ArgumentNullException.ThrowIfNull(model);
        LanchesterObservation.Check(observations, form);
        var result = new ForceStrengths[observations.Count];
        var state = new ForceStrengths(observations[0].Blue, observations[0].Red);
        result[0] = state;
        for (var i = 1; i < observations.Count; i++)
        {
            var row = observations[i];
            var span = row.Time - observations[i - 1].Time;
            var rate = new ForceStrengths(row.BlueReinforcements / span, row.RedReinforcements / span);
            if (form == LanchesterForm.Continuous)
            {
                state = Advance(model, state, span, rate);
            }
            else
            {
                for (var day = 0; day < (int)span; day++) state = Step(model, state, rate);
            }
            result[i] = state;
        }
        return result;
    }

    /// <summary>Square law, exact: z(t) = e^{Mt}·z0 + ∫e^{Ms}ds·(P, Q), then clamped at annihilation.</summary>
    private static ForceStrengths SquareAdvance(LanchesterModel m, ForceStrengths s, double t, ForceStrengths p, int depth)
    {
        double a = m.BlueEffectiveness, d = m.RedEffectiveness;

        // A side at zero whose enemy destroys its reinforcements as they arrive stays at zero,
        // and then the survivor only gains its own reinforcements (the dead side fires nothing).
        if (s.Red == 0 && p.Red <= a * s.Blue) return new(s.Blue + p.Blue * t, 0);
        if (s.Blue == 0 && p.Blue <= d * s.Red) return new(0, s.Red + p.Red * t);

        var end = SquareUnclamped(a, d, s, p, t);
        if (end.Blue >= 0 && end.Red >= 0) return end;

        // With non-negative reinforcements a side that goes negative in the unclamped solution
        // stays negative (its second derivative is then negative), so the first zero is found by
        // bisection on "some side is negative".
        double lo = 0, hi = t;
        for (var i = 0; i < 200 && hi - lo > 0; i++)
        {
            var mid = lo + ((hi - lo) / 2);
            if (mid <= lo || mid >= hi) break;
            var z = SquareUnclamped(a, d, s, p, mid);
            if (z.Blue >= 0 && z.Red >= 0) lo = mid; else hi = mid;
        }
        var atHi = SquareUnclamped(a, d, s, p, hi);
        var atLo = SquareUnclamped(a, d, s, p, lo);
        var crossing = new ForceStrengths(atHi.Blue >= 0 ? Math.Max(0, atLo.Blue) : 0, atHi.Red >= 0 ? Math.Max(0, atLo.Red) : 0);
        var remaining = t - lo;
        if (depth >= MaxAnnihilationEvents) return crossing;
        if (crossing.Red == 0 && crossing.Blue > 0) return new(crossing.Blue + p.Blue * remaining, 0);
        if (crossing.Blue == 0 && crossing.Red > 0) return new(0, crossing.Red + p.Red * remaining);
        return SquareAdvance(m, crossing, remaining, p, depth + 1);
    }

    internal static ForceStrengths SquareUnclamped(double a, double d, ForceStrengths s, ForceStrengths p, double t)
    {
        var lambda = Math.Sqrt(a * d);
        var x = lambda * t;
        double cosh, sinhOverLambda, coshMinusOneOverLambda2;
        if (x < 1e-8)
        {
            // Series limits; the next terms are below 1e-16 relative.
            cosh = 1 + (x * x / 2);
            sinhOverLambda = t;
            coshMinusOneOverLambda2 = t * t / 2;
        }
        else
        {
            cosh = Math.Cosh(x);
            sinhOverLambda = Math.Sinh(x) / lambda;
            // cosh − 1 = 2·sinh²(x/2) avoids cancellation for small x.
            var half = Math.Sinh(x / 2) / lambda;
            coshMinusOneOverLambda2 = 2 * half * half;
        }
        return new(
            (cosh * s.Blue) - (d * sinhOverLambda * s.Red) + (p.Blue * sinhOverLambda) - (d * p.Red * coshMinusOneOverLambda2),
            (cosh * s.Red) - (a * sinhOverLambda * s.Blue) + (p.Red * sinhOverLambda) - (a * p.Blue * coshMinusOneOverLambda2));
    }

    /// <summary>Logarithmic law, exact: each side decays exponentially towards P/D (or Q/A).</summary>
    private static ForceStrengths LogarithmicAdvance(LanchesterModel m, ForceStrengths s, double t, ForceStrengths p)
    {
        // With non-negative reinforcements a positive side stays positive, so only an absent
        // enemy (zero and not reinforced) switches its fire off.
        var d = s.Red > 0 || p.Red > 0 ? m.RedEffectiveness : 0;
        var a = s.Blue > 0 || p.Blue > 0 ? m.BlueEffectiveness : 0;
        return new(Relax(s.Blue, p.Blue, d, t), Relax(s.Red, p.Red, a, t));

        static double Relax(double x0, double inflow, double k, double t) =>
            (x0 * Math.Exp(-k * t)) + (inflow * OneMinusExpOverK(k, t));
    }

    /// <summary>Linear law without reinforcements, exact: with K = A·B0 − D·R0 conserved, each side is logistic.</summary>
    private static ForceStrengths LinearAdvance(LanchesterModel m, ForceStrengths s, double t)
    {
        double a = m.BlueEffectiveness, d = m.RedEffectiveness;
        var k = (a * s.Blue) - (d * s.Red);
        // B' = K·B − A·B² and R' = −K·R − D·R²; written so that large |K·t| gives 0, not ∞/∞.
        var blue = s.Blue / (Math.Exp(-k * t) + (a * s.Blue * ExpMinusOneOverK(-k, t)));
        var red = s.Red / (Math.Exp(k * t) + (d * s.Red * ExpMinusOneOverK(k, t)));
        return new(s.Blue == 0 ? 0 : blue, s.Red == 0 ? 0 : red);
    }

    /// <summary>Classical RK4 at a fixed step no larger than <see cref="RungeKuttaStep"/>, clamping at zero after each step.</summary>
    internal static ForceStrengths RungeKutta(LanchesterModel m, ForceStrengths s, double t, ForceStrengths p)
    {
        var steps = (int)Math.Ceiling(t / RungeKuttaStep);
        var h = t / steps;
        double b = s.Blue, r = s.Red;
        for (var i = 0; i < steps; i++)
        {
            var (k1b, k1r) = Rate(b, r);
            var (k2b, k2r) = Rate(b + (h / 2 * k1b), r + (h / 2 * k1r));
            var (k3b, k3r) = Rate(b + (h / 2 * k2b), r + (h / 2 * k2r));
            var (k4b, k4r) = Rate(b + (h * k3b), r + (h * k3r));
            b = Math.Max(0, b + (h / 6 * (k1b + (2 * k2b) + (2 * k3b) + k4b)));
            r = Math.Max(0, r + (h / 6 * (k1r + (2 * k2r) + (2 * k3r) + k4r)));
        }
        return new(b, r);

        (double Blue, double Red) Rate(double blue, double red)
        {
            blue = Math.Max(0, blue);
            red = Math.Max(0, red);
            return (p.Blue - m.BlueLossRate(blue, red), p.Red - m.RedLossRate(blue, red));
        }
    }

    // (1 − e^{−k·t})/k, with its limit t at k → 0.
    private static double OneMinusExpOverK(double k, double t)
    {
        var x = k * t;
        return Math.Abs(x) < 1e-5 ? t * (1 - (x / 2) + (x * x / 6)) : -(Math.Exp(-x) - 1) / k;
    }

    // (e^{k·t} − 1)/k, with its limit t at k → 0.
    private static double ExpMinusOneOverK(double k, double t)
    {
        var x = k * t;
        return Math.Abs(x) < 1e-5 ? t * (1 + (x / 2) + (x * x / 6)) : (Math.Exp(x) - 1) / k;
    }

    private static void CheckStrengths(ForceStrengths value, string name)
    {
        Guard.NonNegative(value.Blue, name);
        Guard.NonNegative(value.Red, name);
    }
}
