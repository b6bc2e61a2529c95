namespace Resolute.Balance;

/// <summary>The result of fitting a Lanchester model to observations.</summary>
/// <param name="Model">The law fitted.</param>
/// <param name="Form">Continuous or discrete.</param>
/// <param name="BlueEffectiveness">Helmbold's A: blue's effectiveness against red.</param>
/// <param name="RedEffectiveness">Helmbold's D: red's effectiveness against blue.</param>
/// <param name="Ratio">D/A.</param>
/// <param name="Lambda">√(A·D).</param>
/// <param name="Rmse">Root-mean-square error over every observed strength after the first row, in strength units.</param>
/// <param name="Weiss">Helmbold's Weiss parameter (fitted or given); null for the other laws.</param>
public sealed record LanchesterFitResult(
    LanchesterLaw Model,
    LanchesterForm Form,
    double BlueEffectiveness,
    double RedEffectiveness,
    double Ratio,
    double Lambda,
    double Rmse,
    double? Weiss);

/// <summary>
/// Least-squares fits of Lanchester models. The first row is the initial condition; every later
/// observed strength is a residual. The start point is Engel's through-origin estimator on the
/// difference equations (losses over attrition kernel); Levenberg–Marquardt then refines it on
/// log-parameters, which keeps A and D positive. Deterministic: no randomness, fixed iteration
/// order.
/// </summary>
public static class LanchesterFit
{
    private const int MaxIterations = 500;

    // Weiss-parameter profile: W = 0, 0.1, …, 1.
    private const int WeissGrid = 10;

    /// <summary>Fits <paramref name="law"/> in <paramref name="form"/> to <paramref name="observations"/>.</summary>
    /// <param name="observations">At least two rows; see <see cref="Lanchester.Project"/> for their meaning.</param>
    /// <param name="law">The law to fit.</param>
    /// <param name="form">Continuous or discrete.</param>
    /// <param name="weiss">For <see cref="LanchesterLaw.Helmbold"/>: a fixed Weiss parameter, or null to fit it too.</param>
    public static LanchesterFitResult Fit(
        IReadOnlyList<LanchesterObservation> observations, LanchesterLaw law, LanchesterForm form, double? weiss = null)
    {
        LanchesterObservation.Check(observations, form);
        if (observations.Count < 2) throw new ArgumentException("At least two observations are needed.", nameof(observations));
        if (weiss is { } given && !(given >= 0 && given <= 1)) throw new ArgumentOutOfRangeException(nameof(weiss), given, "Must lie in [0, 1].");

        var observed = ObservedCount(observations);
        LevenbergMarquardt.Solution Solve(Func<double[], LanchesterModel> modelOf, double[] start) =>
            LevenbergMarquardt.Minimise(theta => Residuals(modelOf(theta), form, observations, observed), start, MaxIterations);

        LanchesterModel model;
        LevenbergMarquardt.Solution best;
        if (law == LanchesterLaw.Helmbold && weiss is null)
        {
            // W is poorly conditioned and often sits on a bound (W = 1 is the square law), so it is
            // profiled on a grid first, then refined jointly with W = (1 − cos φ)/2, which reaches
            // both bounds exactly.
            var bestWeiss = 0.0;
            best = new([], double.PositiveInfinity, 0);
            for (var step = 0; step <= WeissGrid; step++)
            {
                var w = (double)step / WeissGrid;
                var candidate = Solve(theta => Model(law, theta, w), Start(observations, law, w));
                if (candidate.SumOfSquares < best.SumOfSquares) (best, bestWeiss) = (candidate, w);
            }
            var grid = best;
            best = Solve(theta => Model(law, theta, (1 - Math.Cos(theta[2])) / 2), [grid.Parameters[0], grid.Parameters[1], Math.Acos(1 - (2 * bestWeiss))]);
            model = best.SumOfSquares <= grid.SumOfSquares
                ? Model(law, best.Parameters, (1 - Math.Cos(best.Parameters[2])) / 2)
                : Model(law, grid.Parameters, bestWeiss);
            best = best.SumOfSquares <= grid.SumOfSquares ? best : grid;
        }
        else
        {
            var w = law == LanchesterLaw.Helmbold ? weiss!.Value : 1.0;
            best = Solve(theta => Model(law, theta, w), Start(observations, law, w));
            model = Model(law, best.Parameters, w);
        }
        var rmse = Math.Sqrt(best.SumOfSquares / Math.Max(1, observed));
        return new(law, form, model.BlueEffectiveness, model.RedEffectiveness, model.Ratio, model.Lambda, rmse,
            law == LanchesterLaw.Helmbold ? model.Weiss : null);
    }

    // θ = (ln A, ln D, …): the log keeps both coefficients positive and makes steps relative.
    private static LanchesterModel Model(LanchesterLaw law, double[] theta, double weiss) =>
        new(law, Math.Exp(Math.Clamp(theta[0], -700, 700)), Math.Exp(Math.Clamp(theta[1], -700, 700)), Math.Clamp(weiss, 0, 1));

    private static double[] Start(IReadOnlyList<LanchesterObservation> rows, LanchesterLaw law, double weiss)
    {
        var (a, d) = EngelStart(rows, law, weiss);
        return [Math.Log(a), Math.Log(d)];
    }

    private static int ObservedCount(IReadOnlyList<LanchesterObservation> rows)
    {
        var n = 0;
        for (var i = 1; i < rows.Count; i++)
        {
            if (!double.IsNaN(rows[i].Blue)) n++;
            if (!double.IsNaN(rows[i].Red)) n++;
        }
        return n;
    }

    private static double[] Residuals(LanchesterModel model, LanchesterForm form, IReadOnlyList<LanchesterObservation> rows, int count)
    {
        var projected = Lanchester.Project(model, form, rows);
        var residuals = new double[count];
        var k = 0;
        for (var i = 1; i < rows.Count; i++)
        {
            if (!double.IsNaN(rows[i].Blue)) residuals[k++] = projected[i].Blue - rows[i].Blue;
            if (!double.IsNaN(rows[i].Red)) residuals[k++] = projected[i].Red - rows[i].Red;
        }
        return residuals;
    }

    /// <summary>
    /// Engel's (1954) through-origin estimator generalised to each law: over consecutive rows where
    /// both sides are observed, D ≈ Σ blue losses / Σ (kernel·Δt) and likewise A. Exact for the
    /// discrete form away from annihilation, a good start for the continuous form.
    /// </summary>
    private static (double A, double D) EngelStart(IReadOnlyList<LanchesterObservation> rows, LanchesterLaw law, double weiss)
    {
        var unit = new LanchesterModel(law, 1, 1, weiss);
        double blueLoss = 0, blueExposure = 0, redLoss = 0, redExposure = 0, scale = 0;
        for (var i = 1; i < rows.Count; i++)
        {
            var (prev, row) = (rows[i - 1], rows[i]);
            scale = Math.Max(scale, Math.Max(Finite(row.Blue), Finite(row.Red)));
            if (double.IsNaN(prev.Blue) || double.IsNaN(prev.Red)) continue;
            var span = row.Time - prev.Time;
            if (!double.IsNaN(row.Blue))
            {
                blueLoss += prev.Blue + row.BlueReinforcements - row.Blue;
                blueExposure += unit.BlueLossRate(prev.Blue, prev.Red) * span;
            }
            if (!double.IsNaN(row.Red))
            {
                redLoss += prev.Red + row.RedReinforcements - row.Red;
                redExposure += unit.RedLossRate(prev.Blue, prev.Red) * span;
            }
        }
        // Where the estimator is undefined (no exposure, net gains), fall back to a rate that
        // kills about 1 % of a typical strength per day; LM moves on from there.
        var fallback = 0.01 * Math.Max(1, scale) / Math.Max(1e-300, unit.BlueLossRate(Math.Max(1, scale), Math.Max(1, scale)));
        return (Estimate(redLoss, redExposure, fallback), Estimate(blueLoss, blueExposure, fallback));

        static double Estimate(double loss, double exposure, double fallback) =>
            loss > 0 && exposure > 0 && double.IsFinite(loss / exposure) && loss / exposure > 0 ? loss / exposure : fallback;

        static double Finite(double x) => double.IsNaN(x) ? 0 : x;
    }
}
