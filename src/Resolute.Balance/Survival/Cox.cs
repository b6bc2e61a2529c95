namespace Resolute.Balance.Survival;

/// <summary>
/// Cox proportional-hazards regression by maximum partial likelihood with Breslow's treatment of tied event times:
/// ℓ(β) = Σ over event times t of [Σ_{events at t} xβ − d_t·log Σ_{at risk at t} exp(xβ)]. Newton–Raphson on analytic
/// derivatives (covariates centred, which leaves β unchanged); standard errors from the inverse observed information.
/// Used beside the Weibull model as a check on its parametric form.
/// </summary>
public static class Cox
{
    /// <summary>Fits the model to <paramref name="data"/>; a plain reason instead when the fit cannot be made.</summary>
    public static SurvivalFitResult Fit(SurvivalData data)
    {
        ArgumentNullException.ThrowIfNull(data);
        var p = data.Covariates.Count;
        if (p == 0) return SurvivalFitResult.Fail("a Cox model needs at least one covariate.");
        if (Newton.Precheck(data, p) is { } reason) return SurvivalFitResult.Fail(reason);
        var n = data.Observations.Count;
        var means = Enumerable.Range(0, p).Select(j => data.Rows.Average(r => r[j])).ToArray();
        var order = Enumerable.Range(0, n).OrderByDescending(i => data.Observations[i].Time).ToArray();
        var x = data.Rows.Select(r => r.Select((v, j) => v - means[j]).ToArray()).ToArray();

        (double, double[], double[,]) Evaluate(double[] beta) => PartialLikelihood(data, x, order, beta);

        var (theta, logLik, hessian, iterations, converged) = Newton.Maximise(new double[p], Evaluate);
        if (Newton.Separation(data.Covariates, theta) is { } separated) return SurvivalFitResult.Fail(separated);
        if (!converged) return SurvivalFitResult.Fail($"the Cox partial likelihood did not converge in {iterations} iterations.");
        if (Newton.Covariance(hessian) is not { } cov) return SurvivalFitResult.Fail("the observed information matrix is singular: the covariates are collinear.");
        var coefficients = data.Covariates.Select((name, j) => new SurvivalCoefficient(name, theta[j], Math.Sqrt(cov[j, j]))).ToArray();
        return new SurvivalFitResult(new SurvivalFit(
            SurvivalModel.Cox, n, data.Events, logLik, coefficients, null, null, data.Covariates, theta, cov, iterations), null);
    }

    /// <summary>The Breslow log partial likelihood of <paramref name="data"/> at <paramref name="beta"/>.</summary>
    public static double LogPartialLikelihood(SurvivalData data, IReadOnlyList<double> beta)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(beta);
        var x = data.Rows.Select(r => r.ToArray()).ToArray();
        var order = Enumerable.Range(0, data.Observations.Count).OrderByDescending(i => data.Observations[i].Time).ToArray();
        return PartialLikelihood(data, x, order, beta.ToArray()).LogLik;
    }

    private static (double LogLik, double[] Gradient, double[,] Hessian) PartialLikelihood(SurvivalData data, double[][] x, int[] order, double[] beta)
    {
        var p = beta.Length;
        var ll = 0.0;
        var g = new double[p];
        var h = new double[p, p];
        double s0 = 0;
        var s1 = new double[p];
        var s2 = new double[p, p];
        // Walk from the latest time back: each observation joins the risk set before the event times at or before its time.
        for (var q = 0; q < order.Length;)
        {
            var t = data.Observations[order[q]].Time;
            var deaths = 0;
            var sumX = new double[p];
            for (; q < order.Length && data.Observations[order[q]].Time == t; q++)
            {
                var i = order[q];
                var eta = 0.0;
                for (var j = 0; j < p; j++) eta += beta[j] * x[i][j];
                var w = Math.Exp(eta);
                s0 += w;
                for (var a = 0; a < p; a++)
                {
                    s1[a] += w * x[i][a];
                    for (var b = 0; b < p; b++) s2[a, b] += w * x[i][a] * x[i][b];
                }
                if (data.Observations[i].Event)
                {
                    deaths++;
                    ll += eta;
                    for (var a = 0; a < p; a++) sumX[a] += x[i][a];
                }
            }
            if (deaths == 0) continue;
            ll -= deaths * Math.Log(s0);
            for (var a = 0; a < p; a++)
            {
                g[a] += sumX[a] - (deaths * s1[a] / s0);
                for (var b = 0; b < p; b++) h[a, b] -= deaths * ((s2[a, b] / s0) - (s1[a] * s1[b] / (s0 * s0)));
            }
        }
        return (ll, g, h);
    }
}
