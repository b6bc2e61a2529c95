namespace Resolute.Balance.Survival;

/// <summary>The regularised incomplete gamma function and the χ² and normal tail probabilities built on it.</summary>
internal static class SpecialFunctions
{
    /// <summary>P(χ²_df &gt; x).</summary>
    public static double ChiSquareSurvival(double x, int df) => x <= 0 ? 1 : GammaQ(df / 2.0, x / 2);

    /// <summary>Two-sided normal p-value of a z statistic.</summary>
    public static double NormalTwoSided(double z) => ChiSquareSurvival(z * z, 1);

    /// <summary>Q(a, x) = Γ(a, x)/Γ(a): series for x &lt; a + 1, Lentz continued fraction otherwise (Numerical Recipes §6.2).</summary>
    public static double GammaQ(double a, double x)
    {
        if (x <= 0) return 1;
        var lnPrefix = (a * Math.Log(x)) - x - LogGamma(a);
        if (x < a + 1)
        {
            double sum = 1 / a, term = sum, ap = a;
            for (var n = 0; n < 1000 && Math.Abs(term) > Math.Abs(sum) * 1e-16; n++) { ap++; term *= x / ap; sum += term; }
            return Math.Max(0, 1 - (sum * Math.Exp(lnPrefix)));
        }
        double b = x + 1 - a, c = 1 / 1e-300, d = 1 / b, h = d;
        for (var i = 1; i < 1000; i++)
        {
            var an = -i * (i - a);
            b += 2;
            d = (an * d) + b; if (Math.Abs(d) < 1e-300) d = 1e-300;
            c = b + (an / c); if (Math.Abs(c) < 1e-300) c = 1e-300;
            d = 1 / d;
            var delta = d * c;
            h *= delta;
            if (Math.Abs(delta - 1) < 1e-16) break;
        }
        return Math.Exp(lnPrefix) * h;
    }

    /// <summary>log Γ(x) for x &gt; 0 (Lanczos, g = 7, n = 9; relative error below 1e-15).</summary>
    public static double LogGamma(double x)
    {
        ReadOnlySpan<double> c = [0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059,
            12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7];
        if (x < 0.5) return Math.Log(Math.PI / Math.Abs(Math.Sin(Math.PI * x))) - LogGamma(1 - x);
        x -= 1;
        var a = c[0];
        var t = x + 7.5;
        for (var i = 1; i < 9; i++) a += c[i] / (x + i);
        return (0.5 * Math.Log(2 * Math.PI)) + ((x + 0.5) * Math.Log(t)) - t + Math.Log(a);
    }
}

/// <summary>Small dense linear algebra for the Newton steps: Cholesky solve and inverse of a symmetric positive-definite matrix.</summary>
internal static class Linear
{
    /// <summary>The Cholesky factor L (A = LLᵀ), or null when A is not numerically positive definite.</summary>
    public static double[,]? Cholesky(double[,] a)
    {
        var n = a.GetLength(0);
        var l = new double[n, n];
        var scale = 0.0;
        for (var i = 0; i < n; i++) scale = Math.Max(scale, Math.Abs(a[i, i]));
        for (var i = 0; i < n; i++)
        {
            for (var j = 0; j <= i; j++)
            {
                var sum = a[i, j];
                for (var k = 0; k < j; k++) sum -= l[i, k] * l[j, k];
                if (i == j)
                {
                    if (!(sum > 1e-12 * Math.Max(scale, 1e-300))) return null;
                    l[i, i] = Math.Sqrt(sum);
                }
                else l[i, j] = sum / l[j, j];
            }
        }
        return l;
    }

    /// <summary>Solves Ax = b for symmetric positive-definite A; null when A is singular.</summary>
    public static double[]? TrySolve(double[,] a, double[] b)
    {
        if (Cholesky(a) is not { } l) return null;
        var n = b.Length;
        var y = new double[n];
        for (var i = 0; i < n; i++)
        {
            var s = b[i];
            for (var k = 0; k < i; k++) s -= l[i, k] * y[k];
            y[i] = s / l[i, i];
        }
        var x = new double[n];
        for (var i = n - 1; i >= 0; i--)
        {
            var s = y[i];
            for (var k = i + 1; k < n; k++) s -= l[k, i] * x[k];
            x[i] = s / l[i, i];
        }
        return x;
    }

    /// <summary>The inverse of a symmetric positive-definite matrix; null when singular.</summary>
    public static double[,]? TryInverse(double[,] a)
    {
        var n = a.GetLength(0);
        var inv = new double[n, n];
        for (var j = 0; j < n; j++)
        {
            var e = new double[n];
            e[j] = 1;
            if (TrySolve(a, e) is not { } col) return null;
            for (var i = 0; i < n; i++) inv[i, j] = col[i];
        }
        return inv;
    }
}
