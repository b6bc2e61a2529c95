using Xunit.Abstractions;
using Resolute.Balance.Tests.Fixtures;

namespace Resolute.Balance.Tests.Lanchester;

/// <summary>Helmbold's discrete square law with reinforcements against his Iwo Jima spreadsheet.</summary>
public sealed class IwoJimaTests(ITestOutputHelper output)
{
    // Helmbold's fitted coefficients and initial state (validation/README.md).
    private const double A = 0.01518;
    private const double D = 0.06179;
    private static readonly ForceStrengths Initial = new(0, 21_449);

    private static readonly IReadOnlyList<IwoJimaDay> Days = IwoJimaCsv.Read();

    private static IReadOnlyList<ForceStrengths> Run() => Balance.Lanchester.RunDiscrete(
        new LanchesterModel(LanchesterLaw.Square, A, D),
        Initial,
        Days.Select(d => new ForceStrengths(d.Landed, 0)).ToArray());

    /// <summary>The largest relative error of the recursion over every computed spreadsheet cell.</summary>
    internal static double MaxRelativeError()
    {
        var run = Run();
        var worst = 0.0;
        foreach (var day in Days.Where(d => d.UsEnd is not null))
        {
            worst = Math.Max(worst, Relative(run[day.Day].Blue, day.UsEnd!.Value));
            worst = Math.Max(worst, Relative(run[day.Day].Red, day.JapEnd!.Value));
        }
        return worst;
    }

    private static double Relative(double actual, double expected) =>
        expected == 0 ? Math.Abs(actual) : Math.Abs(actual - expected) / Math.Abs(expected);

    [Fact]
    public void Read_Fixture_HasThirtySixComputedDaysAndHelmboldsParameters()
    {
        Assert.Equal(37, Days.Count);
        Assert.Equal(36, Days.Count(d => d.UsEnd is not null && d.JapEnd is not null));
        Assert.Equal(71_245, Days.Sum(d => d.Landed));
        Assert.Equal(A, IwoJimaCsv.HeaderValue("A ="));
        Assert.Equal(D, IwoJimaCsv.HeaderValue("D ="));
    }

    [Fact]
    public void RunDiscrete_HelmboldSquareLaw_MatchesEveryComputedDayTo1e6()
    {
        var error = MaxRelativeError();
        output.WriteLine($"Iwo Jima max relative error: {error:E3}");

        Assert.True(error < 1e-6, $"max relative error {error:E3}");
    }

    [Theory]
    [InlineData(1, 28_674.66629, 21_449)]
    [InlineData(2, 28_549.33258, 21_013.7185657)]
    [InlineData(6, 52_279.7591202, 18_901.6656971)]
    [InlineData(10, 58_956.6535776, 15_541.2789662)]
    [InlineData(20, 52_005.3232929, 7_114.8484302)]
    [InlineData(29, 49_775.8304633, 188.6301317)]
    [InlineData(30, 49_764.1750075, 0)]
    public void RunDiscrete_HelmboldSquareLaw_MatchesReadmeCheckpoints(int day, double us, double japanese)
    {
        var state = Run()[day];

        Assert.Equal(us, state.Blue, 1e-6 * us);
        Assert.Equal(japanese, state.Red, Math.Max(1e-6 * japanese, 1e-9));
    }

    [Fact]
    public void RunDiscrete_AfterAnnihilation_JapaneseStayAtZeroAndUsConstant()
    {
        var run = Run();

        Assert.All(Enumerable.Range(30, 7), day => Assert.Equal(0, run[day].Red));
        Assert.All(Enumerable.Range(31, 6), day => Assert.Equal(run[30].Blue, run[day].Blue));
    }

    [Fact]
    public void Fit_DiscreteSquareOnSpreadsheet_RecoversHelmboldsAAndD()
    {
        var rows = new List<LanchesterObservation> { new(0, Initial.Blue, Initial.Red) };
        rows.AddRange(Days.Where(d => d.UsEnd is not null).Select(d => new LanchesterObservation(d.Day, d.UsEnd!.Value, d.JapEnd!.Value, d.Landed)));

        var fit = LanchesterFit.Fit(rows, LanchesterLaw.Square, LanchesterForm.Discrete);
        output.WriteLine($"fitted A = {fit.BlueEffectiveness:R}, D = {fit.RedEffectiveness:R}, rmse = {fit.Rmse:E3}");

        Assert.Equal(A, fit.BlueEffectiveness, 0.02 * A);
        Assert.Equal(D, fit.RedEffectiveness, 0.02 * D);
        // Helmbold's header: lam = √(A·D), nu = √(D/A).
        Assert.Equal(IwoJimaCsv.HeaderValue("lam ="), fit.Lambda, 1e-6);
        Assert.Equal(Math.Pow(IwoJimaCsv.HeaderValue("nu ="), 2), fit.Ratio, 1e-5);
        Assert.True(fit.Rmse < 1e-3, $"rmse {fit.Rmse}");
    }

    [Fact]
    public void Fit_DiscreteHelmboldOnSpreadsheet_FindsSquareLawAtWeissOne()
    {
        var rows = new List<LanchesterObservation> { new(0, Initial.Blue, Initial.Red) };
        rows.AddRange(Days.Where(d => d.UsEnd is not null).Select(d => new LanchesterObservation(d.Day, d.UsEnd!.Value, d.JapEnd!.Value, d.Landed)));

        var fit = LanchesterFit.Fit(rows, LanchesterLaw.Helmbold, LanchesterForm.Discrete);

        Assert.Equal(1, fit.Weiss!.Value, 1e-6);
        Assert.Equal(A, fit.BlueEffectiveness, 1e-6 * A);
        Assert.Equal(D, fit.RedEffectiveness, 1e-6 * D);
    }

    [Fact]
    public void Fit_DiscreteSquareOnRecordedStrengths_LandsNearHelmboldsValues()
    {
        // The recorded series, not the model's: US survivors rebuilt as landings − daily losses,
        // Japanese strength only where recorded (days 1 and 26). Helmbold's per-phase average
        // losses are not exactly his model's, so this lands near, not on, his A and D
        // (A ≈ 0.01363, D ≈ 0.05921 at the time of writing).
        var rows = new List<LanchesterObservation> { new(0, Initial.Blue, Initial.Red) };
        double survivors = 0;
        foreach (var day in Days.Where(d => d.UsEnd is not null))
        {
            survivors += day.Landed - day.Lost;
            rows.Add(new LanchesterObservation(day.Day, survivors, day.JapAshore ?? double.NaN, day.Landed));
        }

        var fit = LanchesterFit.Fit(rows, LanchesterLaw.Square, LanchesterForm.Discrete);
        output.WriteLine($"recorded-data fit: A = {fit.BlueEffectiveness:R}, D = {fit.RedEffectiveness:R}, rmse = {fit.Rmse:F1}");

        Assert.Equal(A, fit.BlueEffectiveness, 0.12 * A);
        Assert.Equal(D, fit.RedEffectiveness, 0.05 * D);
    }
}
