using FsCheck.Xunit;

namespace Resolute.Balance.Tests.Lanchester;

public sealed class LanchesterTests
{
    private static double Scale(ushort u, double lo, double hi) => lo + ((hi - lo) * u / ushort.MaxValue);

    private static double RelativeGap(ForceStrengths x, ForceStrengths y, double scale) =>
        Math.Max(Math.Abs(x.Blue - y.Blue), Math.Abs(x.Red - y.Red)) / scale;

    [Property(MaxTest = 200)]
    public void Advance_SquareLawWithoutReinforcements_ConservesInvariantOrLeavesPredictedSurvivor(
        ushort a, ushort d, ushort blue, ushort red, byte days)
    {
        var model = new LanchesterModel(LanchesterLaw.Square, Scale(a, 0.001, 0.1), Scale(d, 0.001, 0.1));
        var start = new ForceStrengths(Scale(blue, 100, 100_000), Scale(red, 100, 100_000));
        var invariant = (model.BlueEffectiveness * start.Blue * start.Blue) - (model.RedEffectiveness * start.Red * start.Red);
        var size = (model.BlueEffectiveness * start.Blue * start.Blue) + (model.RedEffectiveness * start.Red * start.Red);

        var end = Balance.Lanchester.Advance(model, start, days / 4.0, default);

        if (end.Blue > 0 && end.Red > 0)
        {
            var value = (model.BlueEffectiveness * end.Blue * end.Blue) - (model.RedEffectiveness * end.Red * end.Red);
            Assert.True(Math.Abs(value - invariant) <= 1e-9 * size, $"{value} vs {invariant}");
        }
        else if (end.Red == 0)
        {
            Assert.Equal(Math.Sqrt(invariant / model.BlueEffectiveness), end.Blue, 1e-6 * start.Blue);
        }
        else
        {
            Assert.Equal(Math.Sqrt(-invariant / model.RedEffectiveness), end.Red, 1e-6 * start.Red);
        }
    }

    [Fact]
    public void Advance_SquareLawPastAnnihilation_StopsAtAtanhTimeWithSurvivorsFromInvariant()
    {
        double a = 0.02, d = 0.01, b0 = 10_000, r0 = 9_000;
        var model = new LanchesterModel(LanchesterLaw.Square, a, d);
        var tEnd = Math.Atanh(r0 * Math.Sqrt(d / a) / b0) / Math.Sqrt(a * d);

        var before = Balance.Lanchester.Advance(model, new(b0, r0), tEnd - 1e-3, default);
        var after = Balance.Lanchester.Advance(model, new(b0, r0), tEnd + 5, default);

        Assert.True(before.Red > 0);
        Assert.Equal(0, after.Red);
        Assert.Equal(Math.Sqrt((b0 * b0) - (d / a * r0 * r0)), after.Blue, 1e-6);
    }

    [Fact]
    public void Advance_RedAnnihilatedWhileReinforced_RedStaysZeroAndBlueGainsItsOwnReinforcements()
    {
        var model = new LanchesterModel(LanchesterLaw.Square, 0.05, 0.01);

        var end = Balance.Lanchester.Advance(model, new(10_000, 0), 3, new(100, 20));

        Assert.Equal(new ForceStrengths(10_300, 0), end);
    }

    [Theory]
    [InlineData(LanchesterLaw.Square)]
    [InlineData(LanchesterLaw.Logarithmic)]
    public void Advance_ClosedFormWithReinforcements_AgreesWithRungeKutta(LanchesterLaw law)
    {
        var model = law == LanchesterLaw.Square ? new LanchesterModel(law, 0.012, 0.05) : new LanchesterModel(law, 0.03, 0.02);
        var start = new ForceStrengths(20_000, 15_000);
        var rate = new ForceStrengths(1_500, 300);

        var exact = Balance.Lanchester.Advance(model, start, 20, rate);
        var numeric = Balance.Lanchester.RungeKutta(model, start, 20, rate);

        Assert.True(RelativeGap(exact, numeric, 20_000) < 1e-9, $"{exact} vs {numeric}");
    }

    [Property(MaxTest = 100)]
    public void Advance_ClosedForms_AgreeWithRungeKutta(ushort a, ushort d, ushort blue, ushort red, ushort p, ushort q, byte lawIndex)
    {
        var law = (LanchesterLaw)(lawIndex % 3);
        var (b0, r0) = (Scale(blue, 1_000, 50_000), Scale(red, 1_000, 50_000));
        // Effectiveness scaled so that each side loses 0.1 %–5 % a day at the start, whatever the law.
        var unit = new LanchesterModel(law, 1, 1);
        var model = new LanchesterModel(law,
            Scale(a, 0.001, 0.05) * r0 / unit.RedLossRate(b0, r0),
            Scale(d, 0.001, 0.05) * b0 / unit.BlueLossRate(b0, r0));
        var rate = law == LanchesterLaw.Linear ? default : new ForceStrengths(Scale(p, 0, 500), Scale(q, 0, 500));
        var start = new ForceStrengths(b0, r0);

        var exact = Balance.Lanchester.Advance(model, start, 10, rate);
        var numeric = Balance.Lanchester.RungeKutta(model, start, 10, rate);

        // RK4 is accurate to ~1e-10 on smooth paths; a clamp at annihilation costs it O(h²).
        Assert.True(RelativeGap(exact, numeric, Math.Max(b0, r0)) < 1e-5, $"{law}: {exact} vs {numeric}");
    }

    [Theory]
    [InlineData(1.0, LanchesterLaw.Square)]
    [InlineData(0.0, LanchesterLaw.Logarithmic)]
    public void Advance_HelmboldAtWeissLimits_MatchesSquareAndLogarithmicClosedForms(double weiss, LanchesterLaw limit)
    {
        var start = new ForceStrengths(30_000, 20_000);
        var rate = new ForceStrengths(400, 100);
        var (a, d) = limit == LanchesterLaw.Square ? (0.01, 0.03) : (0.02, 0.01);

        var helmbold = Balance.Lanchester.Advance(new LanchesterModel(LanchesterLaw.Helmbold, a, d, weiss), start, 15, rate);
        var closed = Balance.Lanchester.Advance(new LanchesterModel(limit, a, d), start, 15, rate);

        Assert.True(RelativeGap(helmbold, closed, 30_000) < 1e-9, $"{helmbold} vs {closed}");
    }

    [Theory]
    [InlineData(LanchesterLaw.Square, 0.01, 0.03, 1.0)]
    [InlineData(LanchesterLaw.Linear, 1e-6, 2e-6, 1.0)]
    [InlineData(LanchesterLaw.Logarithmic, 0.02, 0.01, 1.0)]
    [InlineData(LanchesterLaw.Helmbold, 0.015, 0.02, 0.6)]
    public void RunDiscrete_SmallSteps_ConvergesToContinuousAtFirstOrder(LanchesterLaw law, double a, double d, double weiss)
    {
        var start = new ForceStrengths(30_000, 20_000);
        var rate = law == LanchesterLaw.Linear ? default : new ForceStrengths(500, 200);
        var exact = Balance.Lanchester.Advance(new LanchesterModel(law, a, d, weiss), start, 10, rate);

        // The daily recursion is Euler's method with a one-day step; with every rate scaled by h
        // it is Euler's method with step h.
        double Gap(double h)
        {
            var steps = (int)Math.Round(10 / h);
            var scaled = new LanchesterModel(law, a * h, d * h, weiss);
            var inflow = new ForceStrengths(rate.Blue * h, rate.Red * h);
            var end = Balance.Lanchester.RunDiscrete(scaled, start, Enumerable.Repeat(inflow, steps).ToArray())[steps];
            return RelativeGap(end, exact, 30_000);
        }

        var coarse = Gap(1e-2);
        var fine = Gap(1e-3);
        Assert.True(fine < 1e-4, $"gap {fine}");
        Assert.InRange(coarse / fine, 8, 12);
    }

    [Theory]
    [InlineData(LanchesterLaw.Square)]
    [InlineData(LanchesterLaw.Linear)]
    [InlineData(LanchesterLaw.Logarithmic)]
    [InlineData(LanchesterLaw.Helmbold)]
    public void Step_OverwhelmingEnemy_ClampsAtZero(LanchesterLaw law)
    {
        var model = new LanchesterModel(law, 5, 5, 0.5);

        var next = Balance.Lanchester.Step(model, new(10, 10_000), default);

        Assert.Equal(0, next.Blue);
        Assert.True(next.Red >= 0);
    }

    [Fact]
    public void Step_LogarithmicLawAgainstDestroyedEnemy_NoLosses()
    {
        var model = new LanchesterModel(LanchesterLaw.Logarithmic, 0.1, 0.1);

        var next = Balance.Lanchester.Step(model, new(1_000, 0), new(5, 0));

        Assert.Equal(new ForceStrengths(1_005, 0), next);
    }

    [Fact]
    public void Advance_LinearLawWithoutReinforcements_ConservesLinearInvariant()
    {
        var model = new LanchesterModel(LanchesterLaw.Linear, 2e-6, 3e-6);
        var start = new ForceStrengths(40_000, 30_000);

        var end = Balance.Lanchester.Advance(model, start, 12, default);

        var before = (2e-6 * start.Blue) - (3e-6 * start.Red);
        var after = (2e-6 * end.Blue) - (3e-6 * end.Red);
        Assert.Equal(before, after, 1e-12);
        Assert.True(end.Blue < start.Blue && end.Red < start.Red);
    }

    [Fact]
    public void Constructor_WeissOutsideUnitInterval_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new LanchesterModel(LanchesterLaw.Helmbold, 0.1, 0.1, 1.5));
    }

    [Fact]
    public void Project_DiscreteWithFractionalTimes_Throws()
    {
        var rows = new LanchesterObservation[] { new(0, 10, 10), new(0.5, 9, 9) };

        Assert.Throws<ArgumentException>(() => Balance.Lanchester.Project(new LanchesterModel(LanchesterLaw.Square, 0.1, 0.1), LanchesterForm.Discrete, rows));
    }
}
