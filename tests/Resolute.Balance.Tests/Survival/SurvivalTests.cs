using FsCheck;
using FsCheck.Fluent;
using Resolute.Balance.Survival;

namespace Resolute.Balance.Tests.Survival;

/// <summary>
/// Kaplan–Meier, log-rank, Cox and Weibull against published worked examples and against their own invariants. The
/// 6-MP leukemia remission data of Freireich et al. (1963), as analysed by Gehan, are the textbook example for the first
/// two; the Cox fit is checked against the closed form in the R survival package's validation vignette.
/// </summary>
public sealed class SurvivalTests
{
    // Weeks of remission; a negative value is censored (Freireich et al. 1963, as listed by grodri-gehan).
    private static readonly int[] SixMp = [6, 6, 6, -6, 7, -9, 10, -10, -11, 13, 16, -17, -19, -20, 22, 23, -25, -32, -32, -34, -35];
    private static readonly int[] Placebo = [1, 1, 2, 2, 3, 4, 4, 5, 5, 8, 8, 8, 8, 11, 11, 12, 12, 15, 17, 22, 23];

    private static SurvivalObservation[] Obs(IEnumerable<int> weeks) => weeks.Select(w => new SurvivalObservation(Math.Abs(w), w > 0)).ToArray();

    // grodri-gehan: Stata's sts list for the treated group, survivor function and Greenwood standard error to 4 decimals.
    [Theory]
    [InlineData(6, 0.8571, 0.0764)]
    [InlineData(7, 0.8067, 0.0869)]
    [InlineData(10, 0.7529, 0.0963)]
    [InlineData(13, 0.6902, 0.1068)]
    [InlineData(16, 0.6275, 0.1141)]
    [InlineData(22, 0.5378, 0.1282)]
    [InlineData(23, 0.4482, 0.1346)]
    public void KaplanMeier_Gehan6Mp_ReproducesThePrintedCurve(double week, double survival, double stdErr)
    {
        var step = KaplanMeier.Estimate(Obs(SixMp)).Steps.Single(s => s.Time == week);

        Assert.Equal(survival, step.Survival, 4);
        Assert.Equal(stdErr, step.StdErr, 4);
    }

    [Theory]
    [InlineData(1, 0.9048, 0.0641)]
    [InlineData(8, 0.3810, 0.1060)]
    [InlineData(22, 0.0476, 0.0465)]
    public void KaplanMeier_GehanPlacebo_ReproducesThePrintedCurve(double week, double survival, double stdErr)
    {
        var step = KaplanMeier.Estimate(Obs(Placebo)).Steps.Single(s => s.Time == week);

        Assert.Equal(survival, step.Survival, 4);
        Assert.Equal(stdErr, step.StdErr, 4);
    }

    [Fact]
    public void KaplanMeier_Gehan_MediansAreTheFirstTimesAtOrBelowOneHalf()
    {
        Assert.Equal(23, KaplanMeier.Estimate(Obs(SixMp)).Median);
        Assert.Equal(8, KaplanMeier.Estimate(Obs(Placebo)).Median);
    }

    [Fact]
    public void KaplanMeier_Limits_AreTheLogTransformOfGreenwood()
    {
        foreach (var s in KaplanMeier.Estimate(Obs(SixMp)).Steps.Where(s => s.Survival > 0))
        {
            var half = KaplanMeier.Z95 * s.StdErr / s.Survival;
            Assert.Equal(s.Survival * Math.Exp(-half), s.Lower95, 12);
            Assert.Equal(Math.Min(1, s.Survival * Math.Exp(half)), s.Upper95, 12);
        }
    }

    // rpubs-gehan-logrank: survdiff prints O = 21, E = 10.7 (placebo), O = 9, E = 19.3 (6-MP), Chisq = 16.8, p = 4.17e-05.
    [Fact]
    public void LogRank_Gehan_ReproducesSurvdiff()
    {
        var data = Obs(Placebo).Concat(Obs(SixMp)).ToArray();
        var groups = Placebo.Select(_ => "placebo").Concat(SixMp.Select(_ => "6-mp")).ToArray();

        var r = LogRank.Test(data, groups);

        var placebo = r.Groups.Single(g => g.Name == "placebo");
        var treated = r.Groups.Single(g => g.Name == "6-mp");
        Assert.Equal(21, placebo.Observed);
        Assert.Equal(10.7, placebo.Expected, 1);
        Assert.Equal(9, treated.Observed);
        Assert.Equal(19.3, treated.Expected, 1);
        Assert.Equal(16.8, r.ChiSquare, 1);
        Assert.Equal(1, r.DegreesOfFreedom);
        Assert.Equal(4.17e-05, r.PValue, 7);
    }

    private static Arbitrary<SurvivalObservation[]> Samples() =>
        (from n in Gen.Choose(1, 40)
         from rows in Gen.ArrayOf(from t in Gen.Choose(1, 15) from e in Gen.Elements(true, false) select new SurvivalObservation(t, e), n)
         select rows).ToArbitrary();

    [FsCheck.Xunit.Property(MaxTest = 200)]
    public Property KaplanMeier_Curve_IsNonIncreasingWithinItsLimitsInUnitInterval() => Prop.ForAll(Samples(), data =>
    {
        var steps = KaplanMeier.Estimate(data).Steps;
        var ok = steps.All(s => s.Survival is >= 0 and <= 1 && s.Lower95 <= s.Survival + 1e-12 && s.Survival <= s.Upper95 + 1e-12 && s.Upper95 <= 1);
        for (var i = 1; i < steps.Count; i++)
            ok &= steps[i].Survival <= steps[i - 1].Survival && steps[i].AtRisk < steps[i - 1].AtRisk && steps[i].Time > steps[i - 1].Time;
        return ok && steps.Sum(s => s.Events) == data.Count(o => o.Event) && steps.Sum(s => s.Events + s.Censored) == data.Length;
    });

    [FsCheck.Xunit.Property(MaxTest = 100)]
    public Property KaplanMeier_WithoutCensoring_IsTheEmpiricalSurvivalFunction() => Prop.ForAll(Samples(), data =>
    {
        var events = data.Select(o => o with { Event = true }).ToArray();
        var curve = KaplanMeier.Estimate(events);
        return curve.Steps.All(s => Math.Abs(s.Survival - ((double)events.Count(o => o.Time > s.Time) / events.Length)) < 1e-12);
    });

    [FsCheck.Xunit.Property(MaxTest = 100)]
    public Property LogRank_ObservedAndExpected_BothSumToTheEvents_AndTheStatisticIgnoresLabels() => Prop.ForAll(Samples(), Samples(), (a, b) =>
    {
        var data = a.Concat(b).ToArray();
        var groups = a.Select(_ => "a").Concat(b.Select(_ => "b")).ToArray();
        var swapped = a.Select(_ => "z").Concat(b.Select(_ => "y")).ToArray();
        var r = LogRank.Test(data, groups);
        var events = data.Count(o => o.Event);
        return r.Groups.Sum(g => g.Observed) == events && Math.Abs(r.Groups.Sum(g => g.Expected) - events) < 1e-9
            && r.ChiSquare >= 0 && r.PValue is >= 0 and <= 1 && Math.Abs(LogRank.Test(data, swapped).ChiSquare - r.ChiSquare) < 1e-9;
    });

    // cran-survival-validate, test data 1: the Breslow estimate is log((3 + √33)/2), the log partial likelihood
    // 2β − log(3r + 3) − 2 log(r + 3) and the information r/(r + 1)² + 6r/(r + 3)², with r = exp(β).
    [Fact]
    public void Cox_TherneauTestData1_ReproducesTheClosedForm()
    {
        var data = new SurvivalData(
            [new(1, true), new(1, false), new(6, true), new(6, true), new(8, false), new(9, true)], ["x"],
            [[1.0], [1.0], [1.0], [0.0], [0.0], [0.0]]);

        var fit = Cox.Fit(data).Fit!;

        var beta = Math.Log((3 + Math.Sqrt(33)) / 2);
        var r = Math.Exp(beta);
        Assert.Equal(beta, fit.Coefficients[0].Estimate, 6);
        Assert.Equal((2 * beta) - (Math.Log((3 * r) + 3) + (2 * Math.Log(r + 3))), fit.LogLikelihood, 9);
        Assert.Equal(1 / Math.Sqrt((r / ((r + 1) * (r + 1))) + (6 * r / ((r + 3) * (r + 3)))), fit.Coefficients[0].StdError, 6);
        Assert.Equal(-(Math.Log(6) + (2 * Math.Log(4))), Cox.LogPartialLikelihood(data, [0.0]), 12);
    }

    [Fact]
    public void Cox_FewerEventsThanParameters_SaysWhy()
    {
        var data = new SurvivalData([new(1, true), new(2, false), new(3, false)], ["a", "b"], [[0.0, 1.0], [1.0, 0.0], [1.0, 1.0]]);

        Assert.Equal("1 event cannot identify 2 parameters: the fit needs at least as many events as parameters.", Cox.Fit(data).Failure);
        Assert.Equal("1 event cannot identify 4 parameters: the fit needs at least as many events as parameters.", Weibull.Fit(data).Failure);
    }

    [Fact]
    public void Fits_PerfectSeparation_SayWhyInsteadOfReturningInfinity()
    {
        // Every case with x = 1 fails before any case with x = 0 is at risk of failing, and none with x = 0 fails.
        var obs = Enumerable.Range(1, 10).Select(i => new SurvivalObservation(i, i <= 5)).ToArray();
        var data = new SurvivalData(obs, ["x"], obs.Select((_, i) => (IReadOnlyList<double>)[i < 5 ? 1.0 : 0.0]).ToArray());

        Assert.StartsWith("covariate 'x' separates the data", Cox.Fit(data).Failure, StringComparison.Ordinal);
        Assert.StartsWith("covariate 'x' separates the data", Weibull.Fit(data).Failure, StringComparison.Ordinal);
    }

    [Fact]
    public void Fits_ConstantCovariate_SayWhy()
    {
        var obs = Enumerable.Range(1, 6).Select(i => new SurvivalObservation(i, i % 2 == 0)).ToArray();
        var data = new SurvivalData(obs, ["x"], obs.Select(_ => (IReadOnlyList<double>)[1.0]).ToArray());

        Assert.Equal("covariate 'x' takes the same value (1) in every row, so its effect cannot be estimated.", Weibull.Fit(data).Failure);
    }

    /// <summary>Weibull PH samples: T = σ·(E / exp(xβ))^(1/k), E ~ Exp(1); censored by an independent uniform time.</summary>
    private static SurvivalData Synthetic(int n, ulong seed, double shape, double scale, double[] beta, double censorMax)
    {
        var key = CounterRng.RunKey(seed, 0);
        var obs = new SurvivalObservation[n];
        var rows = new IReadOnlyList<double>[n];
        for (var i = 0; i < n; i++)
        {
            var u = (ulong)i * 4;
            var x = new[] { CounterRng.Uniform(key, 0, u) < 0.5 ? 1.0 : 0.0, Sampling.NormalQuantile(CounterRng.Uniform(key, 0, u + 1)) };
            var eta = (beta[0] * x[0]) + (beta[1] * x[1]);
            var t = scale * Math.Pow(-Math.Log(CounterRng.Uniform(key, 0, u + 2)) / Math.Exp(eta), 1 / shape);
            var c = censorMax * CounterRng.Uniform(key, 0, u + 3);
            obs[i] = new SurvivalObservation(Math.Min(t, c), t <= c);
            rows[i] = x;
        }
        return new SurvivalData(obs, ["group", "z"], rows);
    }

    [Fact]
    public void Weibull_LargeCensoredSample_RecoversShapeScaleAndCoefficientsWithinThreeStandardErrors()
    {
        double[] beta = [0.7, -0.5];
        var data = Synthetic(5000, 17, 1.5, 2.0, beta, 6);

        var fit = Weibull.Fit(data).Fit!;

        Assert.InRange(data.Events, 2500, 4500);
        Assert.InRange(fit.Shape!.Value.Value, 1.5 - (3 * fit.Shape.Value.StdError), 1.5 + (3 * fit.Shape.Value.StdError));
        Assert.InRange(fit.Scale!.Value.Value, 2.0 - (3 * fit.Scale.Value.StdError), 2.0 + (3 * fit.Scale.Value.StdError));
        for (var j = 0; j < 2; j++)
            Assert.InRange(fit.Coefficients[j].Estimate, beta[j] - (3 * fit.Coefficients[j].StdError), beta[j] + (3 * fit.Coefficients[j].StdError));
        // Cox, knowing nothing of the Weibull form, finds the same effects.
        var cox = Cox.Fit(data).Fit!;
        for (var j = 0; j < 2; j++) Assert.InRange(cox.Coefficients[j].Estimate, beta[j] - (3 * cox.Coefficients[j].StdError), beta[j] + (3 * cox.Coefficients[j].StdError));
    }

    [Fact]
    public void Weibull_StandardErrors_MatchTheSpreadOverRepeatedSamples()
    {
        double[] beta = [0.7, -0.5];
        var fits = Enumerable.Range(0, 200).Select(s => Weibull.Fit(Synthetic(300, 1000 + (ulong)s, 1.5, 2.0, beta, 6)).Fit!).ToArray();

        for (var j = 0; j < 2; j++)
        {
            var est = fits.Select(f => f.Coefficients[j].Estimate).ToArray();
            var mean = est.Average();
            var sd = Math.Sqrt(est.Sum(e => (e - mean) * (e - mean)) / (est.Length - 1));
            var se = fits.Average(f => f.Coefficients[j].StdError);
            // With 200 replications the sample SD itself is uncertain by about 5 %.
            Assert.InRange(se / sd, 0.85, 1.15);
        }
        var shapes = fits.Select(f => f.Shape!.Value.Value).ToArray();
        var shapeSd = Math.Sqrt(shapes.Sum(v => (v - shapes.Average()) * (v - shapes.Average())) / (shapes.Length - 1));
        Assert.InRange(fits.Average(f => f.Shape!.Value.StdError) / shapeSd, 0.85, 1.15);
    }

    [Fact]
    public void Weibull_AtTheMaximum_TheLikelihoodIsFlatAndTheMedianInvertsTheSurvival()
    {
        var data = Synthetic(400, 5, 0.8, 3.0, [0.4, 0.2], 10);
        var fit = Weibull.Fit(data).Fit!;

        Assert.Equal(Weibull.LogLikelihood(data, fit.Estimates), fit.LogLikelihood, 9);
        for (var a = 0; a < fit.Estimates.Count; a++)
        {
            var up = fit.Estimates.ToArray();
            var down = fit.Estimates.ToArray();
            up[a] += 1e-5;
            down[a] -= 1e-5;
            Assert.True(Math.Abs((Weibull.LogLikelihood(data, up) - Weibull.LogLikelihood(data, down)) / 2e-5) < 1e-3, $"gradient in parameter {a}");
        }
        double[] x = [1, -0.3];
        Assert.Equal(0.5, fit.Survival(fit.Median(x), x), 12);
    }

    [Fact]
    public void Sample_SameKeyAndDraw_GivesTheSameVector_AndDrawsFollowTheCovariance()
    {
        var fit = Weibull.Fit(Synthetic(500, 9, 1.2, 1.0, [0.5, 0.0], 4)).Fit!;
        var key = CounterRng.RunKey(42, 0);

        Assert.Equal(fit.Sample(key, 3, 7), fit.Sample(key, 3, 7));
        var draws = Enumerable.Range(0, 20000).Select(d => fit.Sample(key, 3, (ulong)d)).ToArray();
        for (var a = 0; a < fit.Estimates.Count; a++)
        {
            var mean = draws.Average(v => v[a]);
            var sd = Math.Sqrt(draws.Average(v => (v[a] - mean) * (v[a] - mean)));
            var se = Math.Sqrt(fit.Covariance[a, a]);
            Assert.InRange(mean, fit.Estimates[a] - (0.05 * se), fit.Estimates[a] + (0.05 * se));
            Assert.InRange(sd / se, 0.97, 1.03);
        }
    }
}
