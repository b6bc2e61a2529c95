namespace Resolute.Balance.Tests.Epstein;

/// <summary>Regression against the table in validation/README.md (defaults = its parameters).</summary>
public sealed class AdaptiveDynamicModelTests
{
    private static readonly IReadOnlyList<AdaptiveDynamicDay> Days = AdaptiveDynamicModel.Run(new AdaptiveDynamicParameters(), 20);

    [Theory]
    [InlineData(2, 315_047, 193_250, 0.04177, 0.0, 0.0)]
    [InlineData(3, 294_153, 182_244, 0.04562, 0.146, 0.15)]
    [InlineData(5, 254_218, 160_680, 0.04915, 0.604, 1.11)]
    [InlineData(10, 174_684, 116_650, 0.05348, 1.803, 7.79)]
    [InlineData(20, 82_225, 63_318, 0.05949, 3.503, 36.02)]
    public void Run_EpsteinWorkedExample_MatchesRegressionTable(int day, double attacker, double defender, double prosecution, double withdrawal, double cumulative)
    {
        var row = Days[day - 1];

        Assert.Equal(day, row.Day);
        // Each to the precision the table states: half a unit in its last printed digit.
        Assert.Equal(attacker, row.Attacker, 0.5);
        Assert.Equal(defender, row.Defender, 0.5);
        Assert.Equal(prosecution, row.ProsecutionRate, 0.000005);
        Assert.Equal(withdrawal, row.WithdrawalRate, 0.0005);
        Assert.Equal(cumulative, row.CumulativeWithdrawal, 0.005);
    }

    [Fact]
    public void Run_DayOne_CasKillsMatchRegression()
    {
        Assert.Equal(8_352.5, Days[0].DefenderCasKills, 0.05);
        Assert.Equal(2_349.8, Days[0].AttackerCasKills, 0.05);
    }

    [Fact]
    public void Run_DayOne_IsTheBase()
    {
        Assert.Equal(new AdaptiveDynamicDay(1, 330_000, 200_000, 0.02, 0.02, 0, 0, Days[0].DefenderCasKills, Days[0].AttackerCasKills), Days[0]);
    }

    [Fact]
    public void Run_NoAir_IsGroundOnlyVariant()
    {
        var noAir = new AdaptiveDynamicParameters { DefenderAir = new(0, 1.5, 0.5, 0.05), AttackerAir = new(0, 1, 0.25, 0.05) };

        var day2 = AdaptiveDynamicModel.Run(noAir, 2)[1];

        // A(2) = A(1)(1 − α_a), D(2) = D(1) − (α_a/ρ)·A(1).
        Assert.Equal(330_000 * 0.98, day2.Attacker, 1e-9);
        Assert.Equal(200_000 - (0.02 / 1.5 * 330_000), day2.Defender, 1e-9);
    }

    [Fact]
    public void Run_OverwhelmedDefender_StopsWhenDestroyed()
    {
        var run = AdaptiveDynamicModel.Run(new AdaptiveDynamicParameters { DefenderLethality = 10_000 }, 50);

        Assert.Equal(0, run[^1].Defender);
        Assert.True(run.Count < 50);
    }
}
