using Resolute.Domain;
using Resolute.Domain.Assumptions;

namespace Resolute.Balance.Tests.Random;

public sealed class SamplingTests
{
    [Fact]
    public void Uniform_SameKeyAndCounter_SameValue()
    {
        Assert.Equal(CounterRng.Uniform(42, 3, 7), CounterRng.Uniform(42, 3, 7));
        Assert.NotEqual(CounterRng.Uniform(42, 3, 7), CounterRng.Uniform(42, 3, 8));
        Assert.NotEqual(CounterRng.RunKey(1, 0), CounterRng.RunKey(1, 1));
    }

    [Fact]
    public void Uniform_ManyDraws_MeanAndVarianceOfUniform()
    {
        const int n = 200_000;
        double sum = 0, sq = 0;
        for (var i = 0; i < n; i++)
        {
            var u = CounterRng.Uniform(CounterRng.RunKey(7, i), 0, 0);
            Assert.InRange(u, double.Epsilon, 1 - double.Epsilon);
            sum += u; sq += u * u;
        }
        // Standard error of the mean is 1/sqrt(12 n) ≈ 6.5e-4: 5 standard errors.
        Assert.InRange(sum / n, 0.5 - 0.0033, 0.5 + 0.0033);
        Assert.InRange((sq / n) - ((sum / n) * (sum / n)), (1 / 12.0) - 0.002, (1 / 12.0) + 0.002);
    }

    [Fact]
    public void Quantile_KnownDistributions_ClosedForms()
    {
        Assert.Equal(1.959963985, Sampling.NormalQuantile(0.975), 6);
        Assert.Equal(-1.281551566, Sampling.NormalQuantile(0.1), 6);
        var tri = new Distribution(DistributionKind.Triangular, Min: 0, Mode: 1, Max: 2);
        Assert.Equal(1.0, Sampling.Quantile(tri, 1, 0.5), 12);
        Assert.Equal(Math.Sqrt(0.2), Sampling.Quantile(tri, 1, 0.1), 12);
        var beta = new Distribution(DistributionKind.Beta, Min: 10, Max: 20, Alpha: 3, Beta: 3);
        Assert.Equal(15, Sampling.Quantile(beta, 15, 0.5), 9);
        // Beta(2, 1) has CDF x², so its p-quantile is sqrt(p).
        Assert.Equal(Math.Sqrt(0.3), Sampling.Quantile(new Distribution(DistributionKind.Beta, Min: 0, Max: 1, Alpha: 2, Beta: 1), 0.5, 0.3), 9);
        // Lognormal parameterised by the variable's mean and sd: its median is mean / sqrt(1 + cv²).
        var logn = new Distribution(DistributionKind.Lognormal, Mean: 100, Sd: 50);
        Assert.Equal(100 / Math.Sqrt(1.25), Sampling.Quantile(logn, 100, 0.5), 6);
    }

    [Theory]
    [InlineData(DistributionKind.Uniform, 5.0, null, 1.0, null, null, null, null, "min 5 > max 1")]
    [InlineData(DistributionKind.Triangular, 0.0, 3.0, 2.0, null, null, null, null, "mode 3 outside [0, 2]")]
    [InlineData(DistributionKind.Normal, null, null, null, 1.0, -0.5, null, null, "negative standard deviation -0.5")]
    [InlineData(DistributionKind.Lognormal, null, null, null, -1.0, 0.5, null, null, "lognormal mean -1 must be positive")]
    [InlineData(DistributionKind.Beta, 0.0, null, 1.0, null, null, 0.0, 2.0, "beta shape parameters must be positive, found alpha 0, beta 2")]
    [InlineData(DistributionKind.Uniform, 0.0, null, null, null, null, null, null, "uniform needs min and max")]
    public void Problem_ImpossibleParameters_Rejected(DistributionKind kind, double? min, double? mode, double? max, double? mean, double? sd, double? alpha, double? beta, string expected)
    {
        var problem = new Distribution(kind, min, mode, max, mean, sd, alpha, beta).Problem(0.5);

        Assert.Equal(expected, problem);
    }

    [Fact]
    public void From_ImpossibleDistribution_ReportsTheAssumption()
    {
        var s = Fixtures.Scenarios.Load("seed-offer-2025-02");
        var (aidId, frontId) = (CampaignAssumptions.Id(CampaignParameter.AidLevel), CampaignAssumptions.Id(CampaignParameter.FrontLength));
        var bad = s.Assumptions.Select(a => a.Id == aidId ? a with { Distribution = new Distribution(DistributionKind.Uniform, Min: 2, Max: 1) } : a)
            .Where(a => a.Id != frontId).ToArray();

        var (value, errors) = CampaignAssumptions.From(s with { Assumptions = bad });

        Assert.Null(value);
        var aid = s.Assumptions.Single(a => a.Id == aidId);
        Assert.Equal(
            [("RES034", s.AssumptionsAt, $"expected an assumption '{frontId}' (Length of the line of contact.), found none"),
             ("RES060", aid.DistributionAt!.Value, $"expected a possible distribution for '{aidId}', found min 2 > max 1")],
            errors.Select(d => (d.Code, new Domain.Diagnostics.Position(d.File, d.Line, d.Column), d.Message)));
    }
}
