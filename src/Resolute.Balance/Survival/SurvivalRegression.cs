namespace Resolute.Balance.Survival;

/// <summary>Right-censored durations with a row of numeric covariates each, the input of the regression models.</summary>
public sealed class SurvivalData
{
    /// <summary>Wraps <paramref name="observations"/> and their covariate rows (one value per name in <paramref name="covariates"/>).</summary>
    public SurvivalData(IReadOnlyList<SurvivalObservation> observations, IReadOnlyList<string> covariates, IReadOnlyList<IReadOnlyList<double>> rows)
    {
        ArgumentNullException.ThrowIfNull(observations);
        ArgumentNullException.ThrowIfNull(covariates);
        ArgumentNullException.ThrowIfNull(rows);
        if (rows.Count != observations.Count) throw new ArgumentException("One covariate row per observation.", nameof(rows));
        foreach (var r in rows) if (r.Count != covariates.Count) throw new ArgumentException("Each row holds one value per covariate.", nameof(rows));
        foreach (var o in observations) if (!(double.IsFinite(o.Time) && o.Time > 0)) throw new ArgumentOutOfRangeException(nameof(observations), o.Time, "Times must be finite and positive.");
        foreach (var r in rows) foreach (var v in r) if (!double.IsFinite(v)) throw new ArgumentOutOfRangeException(nameof(rows), v, "Covariates must be finite.");
        Observations = observations;
        Covariates = covariates;
        Rows = rows;
    }

    /// <summary>The durations and event flags.</summary>
    public IReadOnlyList<SurvivalObservation> Observations { get; }

    /// <summary>The covariate names, in the order of each row.</summary>
    public IReadOnlyList<string> Covariates { get; }

    /// <summary>The covariate values, one row per observation.</summary>
    public IReadOnlyList<IReadOnlyList<double>> Rows { get; }

    /// <summary>Number of events (rows whose event was seen).</summary>
    public int Events => Observations.Count(o => o.Event);

    /// <summary>The data without row <paramref name="index"/> (for leave-one-out checks).</summary>
    public SurvivalData Without(int index) =>
        new(Observations.Where((_, i) => i != index).ToArray(), Covariates, Rows.Where((_, i) => i != index).ToArray());
}

/// <summary>Which proportional-hazards model a fit used.</summary>
public enum SurvivalModel { Weibull, Cox }

/// <summary>A fitted covariate effect: the log hazard ratio, its standard error and the hazard ratio with 95 % limits.</summary>
public readonly record struct SurvivalCoefficient(string Name, double Estimate, double StdError)
{
    /// <summary>exp(β): the factor on the hazard of resumption per unit of the covariate.</summary>
    public double HazardRatio => Math.Exp(Estimate);

    /// <summary>Lower 95 % limit of the hazard ratio (Wald).</summary>
    public double Lower95 => Math.Exp(Estimate - (KaplanMeier.Z95 * StdError));

    /// <summary>Upper 95 % limit of the hazard ratio (Wald).</summary>
    public double Upper95 => Math.Exp(Estimate + (KaplanMeier.Z95 * StdError));

    /// <summary>Two-sided Wald p-value of β = 0.</summary>
    public double PValue => SpecialFunctions.NormalTwoSided(Estimate / StdError);
}

/// <summary>An estimate with its standard error (delta method where the parameter is a transform of the fitted ones).</summary>
public readonly record struct Estimate(double Value, double StdError);

/// <summary>
/// A fitted proportional-hazards model. <see cref="Parameters"/> names the fitted vector whose covariance
/// (the inverse observed information at the maximum) is <see cref="Covariance"/>: for the Weibull model
/// <c>log_rate, log_shape</c> and then the coefficients; for Cox the coefficients only.
/// </summary>
public sealed record SurvivalFit(
    SurvivalModel Model, int N, int Events, double LogLikelihood, IReadOnlyList<SurvivalCoefficient> Coefficients,
    Estimate? Shape, Estimate? Scale, IReadOnlyList<string> Parameters, IReadOnlyList<double> Estimates, double[,] Covariance, int Iterations)
{
    /// <summary>
    /// Weibull only: S(t | x) = exp(−(t/scale)^shape · exp(xβ)), with the scale in the input's time unit.
    /// </summary>
    public double Survival(double t, IReadOnlyList<double> x) => Model == SurvivalModel.Weibull
        ? Math.Exp(-Math.Exp(Estimates[0] + Dot(x, 2) + (Math.Exp(Estimates[1]) * Math.Log(t))))
        : throw new InvalidOperationException("A Cox fit has no parametric baseline; use the Breslow baseline.");

    /// <summary>Weibull only: the median duration for covariates <paramref name="x"/>.</summary>
    public double Median(IReadOnlyList<double> x) => Model == SurvivalModel.Weibull
        ? Math.Exp((Math.Log(Math.Log(2)) - Estimates[0] - Dot(x, 2)) / Math.Exp(Estimates[1]))
        : throw new InvalidOperationException("A Cox fit has no parametric baseline.");

    /// <summary>
    /// One draw of the fitted parameter vector from its estimated sampling distribution N(θ̂, Σ), with standard normals from
    /// the project's counter-based generator: the same key, stream and draw index always give the same vector.
    /// </summary>
    public double[] Sample(ulong key, ulong stream, ulong draw)
    {
        var l = Linear.Cholesky(Covariance) ?? throw new InvalidOperationException("The covariance is not positive definite.");
        var k = Estimates.Count;
        var z = new double[k];
        for (var i = 0; i < k; i++) z[i] = Sampling.NormalQuantile(CounterRng.Uniform(key, stream, (draw * (ulong)k) + (ulong)i));
        var theta = new double[k];
        for (var i = 0; i < k; i++)
        {
            var s = Estimates[i];
            for (var j = 0; j <= i; j++) s += l[i, j] * z[j];
            theta[i] = s;
        }
        return theta;
    }

    private double Dot(IReadOnlyList<double> x, int offset)
    {
        if (x.Count != Coefficients.Count) throw new ArgumentException("One value per covariate.", nameof(x));
        var s = 0.0;
        for (var j = 0; j < x.Count; j++) s += Estimates[offset + j] * x[j];
        return s;
    }
}

/// <summary>A fit, or the plain reason it cannot be made (too few events, a constant covariate, separation, no convergence).</summary>
public sealed record SurvivalFitResult(SurvivalFit? Fit, string? Failure)
{
    /// <summary>True when the model was fitted.</summary>
    public bool Ok => Fit is not null;

    internal static SurvivalFitResult Fail(string reason) => new(null, reason);
}

/// <summary>The checks and the damped Newton–Raphson maximiser the Weibull and Cox fits share.</summary>
internal static class Newton
{
    /// <summary>|β| beyond this (a hazard ratio of e^15 ≈ 3·10^6) means the likelihood has no finite maximum.</summary>
    public const double SeparationBound = 15;

    /// <summary>The reason a model with <paramref name="parameters"/> parameters cannot be fitted to <paramref name="data"/>, or null.</summary>
    public static string? Precheck(SurvivalData data, int parameters)
    {
        var events = data.Events;
        if (events < parameters)
            return $"{events} event{(events == 1 ? "" : "s")} cannot identify {parameters} parameters: the fit needs at least as many events as parameters.";
        for (var j = 0; j < data.Covariates.Count; j++)
        {
            var first = data.Rows[0][j];
            if (data.Rows.All(r => r[j] == first))
                return $"covariate '{data.Covariates[j]}' takes the same value ({Messages(first)}) in every row, so its effect cannot be estimated.";
        }
        return null;
    }

    /// <summary>
    /// Maximises <paramref name="evaluate"/> (log-likelihood, gradient, Hessian) from <paramref name="start"/>: Newton steps,
    /// damped towards gradient ascent when the Hessian is not negative definite, halved until the likelihood rises.
    /// </summary>
    public static (double[] Theta, double LogLik, double[,] Hessian, int Iterations, bool Converged) Maximise(
        double[] start, Func<double[], (double LogLik, double[] Gradient, double[,] Hessian)> evaluate, int maxIterations = 200)
    {
        var theta = (double[])start.Clone();
        var (ll, g, h) = evaluate(theta);
        var n = theta.Length;
        for (var iter = 1; iter <= maxIterations; iter++)
        {
            double[]? step = null;
            var scale = 0.0;
            for (var i = 0; i < n; i++) scale = Math.Max(scale, Math.Abs(h[i, i]));
            for (var lambda = 0.0; step is null && lambda < 1e12 * Math.Max(scale, 1); lambda = lambda == 0 ? 1e-8 * Math.Max(scale, 1) : lambda * 10)
            {
                var a = new double[n, n];
                for (var i = 0; i < n; i++) for (var j = 0; j < n; j++) a[i, j] = -h[i, j] + (i == j ? lambda : 0);
                step = Linear.TrySolve(a, g);
            }
            if (step is null) return (theta, ll, h, iter, false);
            var next = new double[n];
            var nextLl = double.NegativeInfinity;
            var nextG = g;
            var nextH = h;
            for (var halving = 0; halving < 40; halving++)
            {
                for (var i = 0; i < n; i++) next[i] = theta[i] + step[i];
                (nextLl, nextG, nextH) = evaluate(next);
                if (double.IsFinite(nextLl) && nextLl >= ll - (1e-12 * Math.Abs(ll))) break;
                for (var i = 0; i < n; i++) step[i] /= 2;
            }
            if (!double.IsFinite(nextLl)) return (theta, ll, h, iter, false);
            var change = step.Max(Math.Abs);
            var gain = nextLl - ll;
            theta = (double[])next.Clone();
            (ll, g, h) = (nextLl, nextG, nextH);
            if (change < 1e-9 || (gain >= 0 && gain < 1e-13 * Math.Max(1, Math.Abs(ll)) && g.Max(Math.Abs) < 1e-6))
                return (theta, ll, h, iter, true);
            // A coefficient running off to infinity: stop, and let the caller report separation.
            if (theta.Any(t => Math.Abs(t) > 4 * SeparationBound)) return (theta, ll, h, iter, false);
        }
        return (theta, ll, h, maxIterations, false);
    }

    /// <summary>The covariance −H⁻¹ at the maximum, or null when the observed information is singular.</summary>
    public static double[,]? Covariance(double[,] hessian)
    {
        var n = hessian.GetLength(0);
        var info = new double[n, n];
        for (var i = 0; i < n; i++) for (var j = 0; j < n; j++) info[i, j] = -hessian[i, j];
        return Linear.TryInverse(info);
    }

    /// <summary>The reason the fitted coefficients show separation, or null.</summary>
    public static string? Separation(IReadOnlyList<string> names, IReadOnlyList<double> beta)
    {
        for (var j = 0; j < names.Count; j++)
            if (Math.Abs(beta[j]) > SeparationBound)
                return $"covariate '{names[j]}' separates the data (its coefficient grows without bound): the likelihood has no finite maximum, so no hazard ratio can be estimated.";
        return null;
    }

    private static string Messages(double v) => v.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
