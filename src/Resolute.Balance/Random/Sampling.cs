using System.Globalization;
using Resolute.Balance.Survival;
using Resolute.Domain;

namespace Resolute.Balance;

/// <summary>
/// Inverse cumulative distribution functions for the scenario's assumption distributions, so every draw is one
/// uniform in (0, 1) pushed through a quantile function: the same code serves Monte Carlo (uniforms from
/// <see cref="CounterRng"/>), tornado low/high values (P10/P90) and Saltelli matrices.
/// </summary>
/// <remarks>
/// Parameterisation: uniform and triangular by min/mode/max; normal by mean/sd, clamped to [min, max] when given;
/// lognormal by the mean and standard deviation of the variable itself (not of its logarithm); beta by α, β on
/// [min, max]. Normal quantiles: Acklam's rational approximation (relative error below 1.2e-9). Beta quantiles:
/// bisection on the regularised incomplete beta function (continued fraction, Numerical Recipes §6.4).
/// </remarks>
public static class Sampling
{
    /// <summary>The <paramref name="p"/>-quantile of <paramref name="d"/>; <paramref name="value"/> is the fixed value.</summary>
    public static double Quantile(Distribution d, double value, double p)
    {
        ArgumentNullException.ThrowIfNull(d);
        if (!(p > 0 && p < 1)) throw new ArgumentOutOfRangeException(nameof(p), p, "Must lie in (0, 1).");
        switch (d.Kind)
        {
            case DistributionKind.Uniform:
                return d.Min!.Value + (p * (d.Max!.Value - d.Min.Value));
            case DistributionKind.Triangular:
            {
                double a = d.Min!.Value, c = d.Mode!.Value, b = d.Max!.Value;
                if (b == a) return a;
                var f = (c - a) / (b - a);
                return p < f ? a + Math.Sqrt(p * (b - a) * (c - a)) : b - Math.Sqrt((1 - p) * (b - a) * (b - c));
            }
            case DistributionKind.Normal:
            {
                var x = d.Mean!.Value + (d.Sd!.Value * NormalQuantile(p));
                return Math.Clamp(x, d.Min ?? double.NegativeInfinity, d.Max ?? double.PositiveInfinity);
            }
            case DistributionKind.Lognormal:
            {
                double m = d.Mean!.Value, s = d.Sd!.Value;
                var sigma2 = Math.Log(1 + (s * s / (m * m)));
                var x = Math.Exp(Math.Log(m) - (sigma2 / 2) + (Math.Sqrt(sigma2) * NormalQuantile(p)));
                return Math.Clamp(x, d.Min ?? 0, d.Max ?? double.PositiveInfinity);
            }
            case DistributionKind.Beta:
                return d.Min!.Value + ((d.Max!.Value - d.Min.Value) * BetaQuantile(d.Alpha!.Value, d.Beta!.Value, p));
            default:
                return value;
        }
    }

    /// <summary>Acklam's approximation to the standard normal quantile.</summary>
    public static double NormalQuantile(double p)
    {
        ReadOnlySpan<double> a = [-3.969683028665376e+01, 2.209460984245205e+02, -2.759285104469687e+02, 1.383577518672690e+02, -3.066479806614716e+01, 2.506628277459239e+00];
        ReadOnlySpan<double> b = [-5.447609879822406e+01, 1.615858368580409e+02, -1.556989798598866e+02, 6.680131188771972e+01, -1.328068155288572e+01];
        ReadOnlySpan<double> c = [-7.784894002430293e-03, -3.223964580411365e-01, -2.400758277161838e+00, -2.549732539343734e+00, 4.374664141464968e+00, 2.938163982698783e+00];
        ReadOnlySpan<double> e = [7.784695709041462e-03, 3.224671290700398e-01, 2.445134137142996e+00, 3.754408661907416e+00];
        const double low = 0.02425;
        if (p < low)
        {
            var q = Math.Sqrt(-2 * Math.Log(p));
            return (((((((((c[0] * q) + c[1]) * q) + c[2]) * q) + c[3]) * q) + c[4]) * q + c[5]) / ((((((((e[0] * q) + e[1]) * q) + e[2]) * q) + e[3]) * q) + 1);
        }
        if (p > 1 - low) return -NormalQuantile(1 - p);
        {
            var q = p - 0.5;
            var r = q * q;
            return (((((((((a[0] * r) + a[1]) * r) + a[2]) * r) + a[3]) * r) + a[4]) * r + a[5]) * q
                / (((((((((b[0] * r) + b[1]) * r) + b[2]) * r) + b[3]) * r) + b[4]) * r + 1);
        }
    }

    /// <summary>The regularised incomplete beta function I_x(a, b).</summary>
    public static double IncompleteBeta(double a, double b, double x)
    {
        if (x <= 0) return 0;
        if (x >= 1) return 1;
        var front = Math.Exp((a * Math.Log(x)) + (b * Math.Log(1 - x)) - LogBeta(a, b));
        return x < (a + 1) / (a + b + 2) ? front * BetaFraction(a, b, x) / a : 1 - (front * BetaFraction(b, a, 1 - x) / b);
    }

    private static double BetaQuantile(double a, double b, double p)
    {
        double lo = 0, hi = 1;
        for (var i = 0; i < 100; i++)
        {
            var mid = (lo + hi) / 2;
            if (IncompleteBeta(a, b, mid) < p) lo = mid; else hi = mid;
            if (hi - lo < 1e-14) break;
        }
        return (lo + hi) / 2;
    }

    // Lentz's method for the continued fraction of I_x(a, b).
    private static double BetaFraction(double a, double b, double x)
    {
        const double tiny = 1e-300;
        double qab = a + b, qap = a + 1, qam = a - 1, c = 1, d = 1 - (qab * x / qap);
        if (Math.Abs(d) < tiny) d = tiny;
        d = 1 / d;
        var h = d;
        for (var m = 1; m <= 300; m++)
        {
            var m2 = 2 * m;
            var aa = m * (b - m) * x / ((qam + m2) * (a + m2));
            d = 1 + (aa * d); if (Math.Abs(d) < tiny) d = tiny;
            c = 1 + (aa / c); if (Math.Abs(c) < tiny) c = tiny;
            d = 1 / d; h *= d * c;
            aa = -(a + m) * (qab + m) * x / ((a + m2) * (qap + m2));
            d = 1 + (aa * d); if (Math.Abs(d) < tiny) d = tiny;
            c = 1 + (aa / c); if (Math.Abs(c) < tiny) c = tiny;
            d = 1 / d;
            var del = d * c;
            h *= del;
            if (Math.Abs(del - 1) < 1e-15) break;
        }
        return h;
    }

    private static double LogBeta(double a, double b) => SpecialFunctions.LogGamma(a) + SpecialFunctions.LogGamma(b) - SpecialFunctions.LogGamma(a + b);

    private static string Invariant(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);
}
