namespace Resolute.Balance.Survival;

/// <summary>
/// Weibull proportional-hazards regression with right censoring, by maximum likelihood. The cumulative hazard is
/// H(t | x) = exp(α + xβ)·t^k, so h(t | x) = k·t^(k−1)·exp(α + xβ) and β are log hazard ratios, as in a Cox model; the
/// baseline scale is σ = exp(−α/k). The log-likelihood Σ dᵢ(log k + (k−1) log tᵢ + ηᵢ) − Σ exp(ηᵢ) tᵢ^k is maximised over
/// (α, log k, β) by Newton–Raphson with analytic derivatives; standard errors come from the inverse observed information.
/// Times are divided by their mean while fitting (the likelihood is invariant up to a constant), which keeps the
/// Hessian well conditioned whatever the time unit.
/// </summary>
public static class Weibull
{
    private static readonly string[] BaselineParameters = ["log_rate", "log_shape"];

    /// <summary>Fits the model to <paramref name="data"/>; a plain reason instead when the fit cannot be made.</summary>
    public static SurvivalFitResult Fit(SurvivalData data)
    {
        ArgumentNullException.ThrowIfNull(data);
        var p = data.Covariates.Count;
        if (Newton.Precheck(data, p + 2) is { } reason) return SurvivalFitResult.Fail(reason);
        var n = data.Observations.Count;
        var mean = data.Observations.Average(o => o.Time);
        var z = data.Observations.Select(o => Math.Log(o.Time / mean)).ToArray();
        var d = data.Observations.Select(o => o.Event ? 1.0 : 0.0).ToArray();
        var x = data.Rows;
        var events = d.Sum();

        (double, double[], double[,]) Evaluate(double[] theta)
        {
            var k = Math.Exp(theta[1]);
            var ll = 0.0;
            var g = new double[p + 2];
            var h = new double[p + 2, p + 2];
            for (var i = 0; i < n; i++)
            {
                var eta = theta[0];
                for (var j = 0; j < p; j++) eta += theta[2 + j] * x[i][j];
                var w = Math.Exp(eta + (k * z[i]));
                var kz = k * z[i];
                ll += (d[i] * (theta[1] + ((k - 1) * z[i]) + eta)) - w;
                // Parameter order: α, u = log k, β₁…βp; "xa" is the design value of parameter a (1 for α, 0 for u).
                double Xa(int a) => a == 0 ? 1 : x[i][a - 2];
                var r = d[i] - w;
                g[0] += r;
                for (var j = 0; j < p; j++) g[2 + j] += r * x[i][j];
                g[1] += (d[i] * (1 + kz)) - (w * kz);
                for (var a = 0; a < p + 2; a++)
                {
                    if (a == 1) continue;
                    for (var b = 0; b < p + 2; b++)
                        if (b != 1) h[a, b] -= w * Xa(a) * Xa(b);
                    h[a, 1] -= w * kz * Xa(a);
                    h[1, a] = h[a, 1];
                }
                h[1, 1] += (d[i] * kz) - (w * (kz + (kz * kz)));
            }
            return (ll, g, h);
        }

        var start = new double[p + 2];
        start[0] = Math.Log(events / n); // exponential fit with every β = 0, in mean-scaled time
        var (theta, _, hessian, iterations, converged) = Newton.Maximise(start, Evaluate);
        if (Newton.Separation(data.Covariates, theta[2..]) is { } separated) return SurvivalFitResult.Fail(separated);
        if (!converged) return SurvivalFitResult.Fail($"the Weibull likelihood did not converge in {iterations} iterations.");
        if (Newton.Covariance(hessian) is not { } cov) return SurvivalFitResult.Fail("the observed information matrix is singular: the covariates are collinear.");

        // Back to the input's time unit: α = α' − k·log(mean); the covariance follows from the Jacobian of (α', u) → (α, u).
        var shape = Math.Exp(theta[1]);
        var logMean = Math.Log(mean);
        var jac = new double[p + 2, p + 2];
        for (var i = 0; i < p + 2; i++) jac[i, i] = 1;
        jac[0, 1] = -shape * logMean;
        var estimates = (double[])theta.Clone();
        estimates[0] = theta[0] - (shape * logMean);
        var covariance = Sandwich(jac, cov);
        var logLik = LogLikelihood(data, estimates);

        var coefficients = data.Covariates.Select((name, j) => new SurvivalCoefficient(name, estimates[2 + j], Math.Sqrt(covariance[2 + j, 2 + j]))).ToArray();
        // σ = exp(−α/k): d log σ/dα = −1/k, d log σ/du = α/k.
        var logScale = -estimates[0] / shape;
        var gA = -1 / shape;
        var gU = estimates[0] / shape;
        var varLogScale = (gA * gA * covariance[0, 0]) + (2 * gA * gU * covariance[0, 1]) + (gU * gU * covariance[1, 1]);
        var scale = Math.Exp(logScale);
        var names = BaselineParameters.Concat(data.Covariates).ToArray();
        return new SurvivalFitResult(new SurvivalFit(
            SurvivalModel.Weibull, n, (int)events, logLik, coefficients,
            new Estimate(shape, shape * Math.Sqrt(covariance[1, 1])), new Estimate(scale, scale * Math.Sqrt(varLogScale)),
            names, estimates, covariance, iterations), null);
    }

    /// <summary>The Weibull log-likelihood at (α, log k, β) in the data's own time unit.</summary>
    public static double LogLikelihood(SurvivalData data, IReadOnlyList<double> theta)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(theta);
        var k = Math.Exp(theta[1]);
        var ll = 0.0;
        for (var i = 0; i < data.Observations.Count; i++)
        {
            var o = data.Observations[i];
            var eta = theta[0];
            for (var j = 0; j < data.Covariates.Count; j++) eta += theta[2 + j] * data.Rows[i][j];
            var logT = Math.Log(o.Time);
            if (o.Event) ll += theta[1] + ((k - 1) * logT) + eta;
            ll -= Math.Exp(eta + (k * logT));
        }
        return ll;
    }

    private static double[,] Sandwich(double[,] j, double[,] c)
    {
        var n = c.GetLength(0);
        var t = new double[n, n];
        for (var a = 0; a < n; a++) for (var b = 0; b < n; b++) { var s = 0.0; for (var k = 0; k < n; k++) s += j[a, k] * c[k, b]; t[a, b] = s; }
        var r = new double[n, n];
        for (var a = 0; a < n; a++) for (var b = 0; b < n; b++) { var s = 0.0; for (var k = 0; k < n; k++) s += t[a, k] * j[b, k]; r[a, b] = s; }
        return r;
    }
}
