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
        if (weiss is { } w && !(w >= 0 && w <= 1)) throw new ArgumentOutOfRangeException(nameof(weiss), w, "Must lie in [0, 1].");

        var fitWeiss = law == LanchesterLaw.Helmbold && weiss is null;
        var fixedWeiss = law == LanchesterLaw.Helmbold ? weiss ?? 0.5 : 1.0;
        var (a0, d0) = EngelStart(observations, law, fixedWeiss);

        // θ = (ln A, ln D[, logit W]).
        var start = fitWeiss ? new[] { Math.Log(a0), Math.Log(d0), 0.0 } : new[] { Math.Log(a0), Math.Log(d0) };
        var observed = ObservedCount(observations);
        var best = LevenbergMarquardt.Minimise(theta => Residuals(ModelOf(theta), form, observations, observed), start, MaxIterations);
        var model = ModelOf(best.Parameters);
        var rmse = Math.Sqrt(best.SumOfSquares / Math.Max(1, observed));
        return new(law, form, model.BlueEffectiveness, model.RedEffectiveness, model.Ratio, model.Lambda, rmse,
            law == LanchesterLaw.Helmbold ? model.Weiss : null);

        LanchesterModel ModelOf(double[] theta) => new(
            law,
            Math.Exp(Math.Clamp(theta[0], -700, 700)),
            Math.Exp(Math.Clamp(theta[1], -700, 700)),
            fitWeiss ? 1 / (1 + Math.Exp(-theta[2])) : fixedWeiss);
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
