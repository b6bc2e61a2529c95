namespace Resolute.Balance.Survival;

/// <summary>One right-censored duration: the time observed and whether the event (the ceasefire failing) was seen.</summary>
public readonly record struct SurvivalObservation(double Time, bool Event);

/// <summary>The Kaplan–Meier estimate at one distinct observed time.</summary>
/// <param name="Time">The time.</param>
/// <param name="AtRisk">Cases still under observation just before <paramref name="Time"/>.</param>
/// <param name="Events">Events at <paramref name="Time"/>.</param>
/// <param name="Censored">Cases censored at <paramref name="Time"/>.</param>
/// <param name="Survival">The product-limit estimate S(t).</param>
/// <param name="StdErr">Greenwood's standard error of S(t).</param>
/// <param name="Lower95">Lower 95 % limit (log transform, as R's <c>survfit</c> default).</param>
/// <param name="Upper95">Upper 95 % limit, capped at 1.</param>
public readonly record struct KaplanMeierStep(double Time, int AtRisk, int Events, int Censored, double Survival, double StdErr, double Lower95, double Upper95);

/// <summary>A Kaplan–Meier curve with its median and the median's 95 % limits (null where the curve never crosses 0.5).</summary>
public sealed record KaplanMeierCurve(IReadOnlyList<KaplanMeierStep> Steps, double? Median, double? MedianLower95, double? MedianUpper95)
{
    /// <summary>S(t): the estimate at the last step at or before <paramref name="t"/> (1 before the first).</summary>
    public double SurvivalAt(double t)
    {
        var s = 1.0;
        foreach (var step in Steps)
        {
            if (step.Time > t) break;
            s = step.Survival;
        }
        return s;
    }
}

/// <summary>
/// The product-limit estimator (Kaplan &amp; Meier 1958) with Greenwood's variance. Confidence limits use the log
/// transform, exp(log S ± z·√Σ d/(n(n−d))), the default of R's <c>survival::survfit</c>, so results can be checked
/// against its printed output; where S reaches 0 both limits are 0.
/// </summary>
public static class KaplanMeier
{
    /// <summary>z for a two-sided 95 % interval.</summary>
    public const double Z95 = 1.959963984540054;

    /// <summary>Estimates the curve; <paramref name="data"/> must hold finite positive times.</summary>
    public static KaplanMeierCurve Estimate(IReadOnlyList<SurvivalObservation> data)
    {
        ArgumentNullException.ThrowIfNull(data);
        foreach (var o in data) if (!(double.IsFinite(o.Time) && o.Time > 0)) throw new ArgumentOutOfRangeException(nameof(data), o.Time, "Times must be finite and positive.");
        var sorted = data.OrderBy(o => o.Time).ToArray();
        var steps = new List<KaplanMeierStep>();
        var atRisk = sorted.Length;
        double s = 1, greenwood = 0;
        for (var i = 0; i < sorted.Length;)
        {
            var t = sorted[i].Time;
            int d = 0, c = 0;
            for (; i < sorted.Length && sorted[i].Time == t; i++) { if (sorted[i].Event) d++; else c++; }
            if (d > 0)
            {
                s *= 1 - ((double)d / atRisk);
                greenwood = d < atRisk ? greenwood + (d / ((double)atRisk * (atRisk - d))) : double.PositiveInfinity;
            }
            double lower, upper, se;
            if (s > 0)
            {
                var half = Z95 * Math.Sqrt(greenwood);
                se = s * Math.Sqrt(greenwood);
                lower = s * Math.Exp(-half);
                upper = Math.Min(1, s * Math.Exp(half));
            }
            else { se = 0; lower = 0; upper = 0; }
            steps.Add(new KaplanMeierStep(t, atRisk, d, c, s, se, lower, upper));
            atRisk -= d + c;
        }
        return new KaplanMeierCurve(steps, Crossing(steps, x => x.Survival), Crossing(steps, x => x.Lower95), Crossing(steps, x => x.Upper95));
    }

    /// <summary>The first event time at which the given curve falls to 0.5 or below (R's median convention).</summary>
    private static double? Crossing(List<KaplanMeierStep> steps, Func<KaplanMeierStep, double> curve)
    {
        foreach (var step in steps) if (step.Events > 0 && curve(step) <= 0.5) return step.Time;
        return null;
    }
}
