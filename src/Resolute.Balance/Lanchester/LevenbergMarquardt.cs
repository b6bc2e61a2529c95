namespace Resolute.Balance;

/// <summary>
/// A small, deterministic Levenberg–Marquardt least-squares minimiser with a central-difference
/// Jacobian and Marquardt's diagonal scaling; sized for the two or three parameters of a
/// Lanchester fit (normal equations solved by Gaussian elimination).
/// </summary>
internal static class LevenbergMarquardt
{
    internal sealed record Solution(double[] Parameters, double SumOfSquares, int Iterations);

    public static Solution Minimise(Func<double[], double[]> residuals, double[] start, int maxIterations)
    {
        var n = start.Length;
        var x = (double[])start.Clone();
        var r = residuals(x);
        var cost = SumOfSquares(r);
        var mu = 1e-3;
        var iteration = 0;
        for (; iteration < maxIterations && cost > 0; iteration++)
        {
            var jacobian = Jacobian(residuals, x, r.Length);
            var (jtj, jtr) = NormalEquations(jacobian, r, n);
            var improved = false;
            while (mu < 1e16)
            {
                var system = new double[n, n];
                for (var i = 0; i < n; i++)
                {
                    for (var j = 0; j < n; j++) system[i, j] = jtj[i, j];
                    // Marquardt's scaling, with a floor so that a parameter the data cannot see
                    // (a zero column) still gets a well-posed, small step.
                    system[i, i] += mu * Math.Max(jtj[i, i], 1e-12);
                }
                var step = Solve(system, jtr.Select(v => -v).ToArray());
                if (step is null) { mu *= 10; continue; }
                var candidate = new double[n];
                for (var i = 0; i < n; i++) candidate[i] = x[i] + step[i];
                var candidateResiduals = residuals(candidate);
                var candidateCost = SumOfSquares(candidateResiduals);
                if (candidateCost < cost)
                {
                    var converged = cost - candidateCost <= 1e-15 * cost || step.Max(Math.Abs) < 1e-12;
                    (x, r, cost) = (candidate, candidateResiduals, candidateCost);
                    mu = Math.Max(mu / 10, 1e-12);
                    improved = !converged;
                    break;
                }
                mu *= 10;
            }
            if (!improved) break;
        }
        return new(x, cost, iteration);
    }

    private static double[][] Jacobian(Func<double[], double[]> residuals, double[] x, int m)
    {
        var columns = new double[x.Length][];
        for (var j = 0; j < x.Length; j++)
        {
            // Parameters live on a log/logit scale, so an absolute step is a relative one.
            const double h = 1e-6;
            var plus = (double[])x.Clone();
            var minus = (double[])x.Clone();
            plus[j] += h;
            minus[j] -= h;
            var rp = residuals(plus);
            var rm = residuals(minus);
            columns[j] = new double[m];
            for (var i = 0; i < m; i++) columns[j][i] = (rp[i] - rm[i]) / (2 * h);
        }
        return columns;
    }

    private static (double[,] JtJ, double[] Jtr) NormalEquations(double[][] columns, double[] r, int n)
    {
        var jtj = new double[n, n];
        var jtr = new double[n];
        for (var a = 0; a < n; a++)
        {
            for (var b = 0; b < n; b++)
            {
                double sum = 0;
                for (var i = 0; i < r.Length; i++) sum += columns[a][i] * columns[b][i];
                jtj[a, b] = sum;
            }
            double s = 0;
            for (var i = 0; i < r.Length; i++) s += columns[a][i] * r[i];
            jtr[a] = s;
        }
        return (jtj, jtr);
    }

    /// <summary>Gaussian elimination with partial pivoting; null when singular or not finite.</summary>
    private static double[]? Solve(double[,] m, double[] rhs)
    {
        var n = rhs.Length;
        for (var c = 0; c < n; c++)
        {
            var pivot = c;
            for (var i = c + 1; i < n; i++) if (Math.Abs(m[i, c]) > Math.Abs(m[pivot, c])) pivot = i;
            if (!(Math.Abs(m[pivot, c]) > 0)) return null;
            if (pivot != c)
            {
                for (var j = 0; j < n; j++) (m[c, j], m[pivot, j]) = (m[pivot, j], m[c, j]);
                (rhs[c], rhs[pivot]) = (rhs[pivot], rhs[c]);
            }
            for (var i = c + 1; i < n; i++)
            {
                var f = m[i, c] / m[c, c];
                for (var j = c; j < n; j++) m[i, j] -= f * m[c, j];
                rhs[i] -= f * rhs[c];
            }
        }
        var x = new double[n];
        for (var i = n - 1; i >= 0; i--)
        {
            var s = rhs[i];
            for (var j = i + 1; j < n; j++) s -= m[i, j] * x[j];
            x[i] = s / m[i, i];
        }
        return x.All(double.IsFinite) ? x : null;
    }

    private static double SumOfSquares(double[] r)
    {
        double s = 0;
        foreach (var v in r) s += v * v;
        return double.IsFinite(s) ? s : double.PositiveInfinity;
    }
}
