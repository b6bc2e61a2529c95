using Resolute.Balance.Survival;

namespace Resolute.Balance.Tests.Survival;

/// <summary>The durability comparison against the closed form of a Weibull fit whose parameters are given.</summary>
public sealed class DurabilityTests
{
    // S(t | x) = exp(−exp(α + βx)·t^k) with α = −2, k = 0.5, β = −1 (a covariate that halves-and-more the hazard).
    private static SurvivalFit Fit(double variance) => new(
        SurvivalModel.Weibull, 40, 20, -50, [new SurvivalCoefficient("force", -1, Math.Sqrt(variance))],
        null, null, ["log_rate", "log_shape", "force"], [-2, Math.Log(0.5), -1],
        new double[,] { { variance, 0, 0 }, { 0, variance, 0 }, { 0, 0, variance } }, 10);

    private static double Closed(double t, double x) => Math.Exp(-Math.Exp(-2 - x) * Math.Sqrt(t));

    [Fact]
    public void Compare_KnownFit_CurvesAreTheClosedFormAndStartAtOne()
    {
        var c = Durability.Compare(Fit(0.01), [1], [0], 10, 200, 7);

        Assert.Equal(41, c.With.Years.Count);
        Assert.Equal(1.0, c.With.Holds[0]);
        Assert.Equal(1.0, c.Without.Holds[0]);
        for (var k = 0; k < c.With.Years.Count; k++)
        {
            Assert.Equal(Closed(c.With.Years[k], 1), c.With.Holds[k], 12);
            Assert.Equal(Closed(c.Without.Years[k], 0), c.Without.Holds[k], 12);
        }
        Assert.Equal(Closed(10, 1) - Closed(10, 0), c.Difference, 12);
    }

    [Fact]
    public void Compare_KnownFit_BandsBracketTheCurvesAndNeverRise()
    {
        var c = Durability.Compare(Fit(0.04), [1], [0], 10, 500, 7);

        foreach (var curve in new[] { c.With, c.Without })
            for (var k = 1; k < curve.Years.Count; k++)
            {
                Assert.True(curve.Lower[k] <= curve.Holds[k] && curve.Holds[k] <= curve.Upper[k], $"band at {curve.Years[k]} years does not bracket the curve");
                Assert.True(curve.Holds[k] <= curve.Holds[k - 1] && curve.Lower[k] <= curve.Lower[k - 1] + 1e-12 && curve.Upper[k] <= curve.Upper[k - 1] + 1e-12);
            }
        Assert.True(c.DifferenceLower < c.Difference && c.Difference < c.DifferenceUpper);
    }

    [Fact]
    public void Compare_ProtectiveCovariateKnownPrecisely_TheForceIsBetterInEveryDraw()
    {
        var c = Durability.Compare(Fit(1e-4), [1], [0], 10, 300, 3);

        Assert.Equal(1.0, c.ShareOfDrawsBetter);
        Assert.True(c.DifferenceLower > 0);
    }

    [Fact]
    public void Compare_SameConfigurationBothWays_NoDifferenceInAnyDraw()
    {
        var c = Durability.Compare(Fit(0.04), [1], [1], 5, 200, 3);

        Assert.Equal(0, c.Difference);
        Assert.Equal(0, c.DifferenceLower);
        Assert.Equal(0, c.DifferenceUpper);
        Assert.Equal(0, c.ShareOfDrawsBetter);
        Assert.Equal(c.With.Lower, c.Without.Lower);
    }

    [Fact]
    public void Compare_SameSeed_SameBands_OtherSeed_OtherBands()
    {
        var a = Durability.Compare(Fit(0.04), [1], [0], 10, 200, 11);
        var b = Durability.Compare(Fit(0.04), [1], [0], 10, 200, 11);
        var other = Durability.Compare(Fit(0.04), [1], [0], 10, 200, 12);

        Assert.Equal(a.With.Lower, b.With.Lower);
        Assert.Equal(a.DifferenceUpper, b.DifferenceUpper);
        Assert.NotEqual(a.With.Lower, other.With.Lower);
    }

    [Fact]
    public void Compare_CoxFit_IsRefused()
    {
        var cox = Fit(0.01) with { Model = SurvivalModel.Cox };

        Assert.Throws<ArgumentException>(() => Durability.Compare(cox, [1], [0], 10, 100, 1));
    }
}
