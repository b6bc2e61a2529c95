using Resolute.Balance.Tests.Fixtures;
using Resolute.Domain.Assumptions;

namespace Resolute.Balance.Tests.Sensitivity;

public sealed class SensitivityTests
{
    [Fact]
    public void Estimate_AdditiveFunction_RecoversAnalyticIndices()
    {
        // y = x1 + 2·x2 with x uniform on (0, 1): V1 = 1/12, V2 = 4/12, so S1 = ST = 0.2 and 0.8.
        const int n = 20_000;
        const int d = 2;
        var y = new double[n * (d + 2)];
        double U(int matrix, int j, int i) => CounterRng.Uniform(11, (ulong)((matrix * 10) + i), (ulong)j);
        for (var block = 0; block < d + 2; block++)
        {
            for (var j = 0; j < n; j++)
            {
                var x = new double[d];
                for (var i = 0; i < d; i++) x[i] = block == 1 || block == 2 + i ? U(1, j, i) : U(0, j, i);
                y[(block * n) + j] = x[0] + (2 * x[1]);
            }
        }

        var (variance, s) = Balance.Sensitivity.Estimate(y, n, d, [.. Enumerable.Range(0, n)]);

        Assert.Equal(5.0 / 12, variance, 2);
        Assert.Equal(0.2, s[0], 1);
        Assert.Equal(0.8, s[1], 1);
        Assert.Equal(0.2, s[2], 2);
        Assert.Equal(0.8, s[3], 2);
    }

    [Fact]
    public void Tornado_SeedOffer_BarsSortedBySwingAndAdvanceScaleMatters()
    {
        var s = Scenarios.Load("seed-offer-2025-02");
        var r = Balance.Sensitivity.Tornado(Scenarios.Assumptions(s), CampaignSettings.From(s), 20, 3, new EnsembleOptions(2));

        var territory = r.Single(x => x.Output == SensitivityOutput.TerritoryKm2);
        Assert.Equal(CampaignAssumptions.Count, territory.Bars.Count);
        Assert.Equal(territory.Bars.OrderByDescending(b => b.Swing).Select(b => b.Swing), territory.Bars.Select(b => b.Swing));
        var scale = territory.Bars.Single(b => b.Parameter == CampaignAssumptions.Id(CampaignParameter.AdvanceScale));
        Assert.True(scale.OutputHigh > scale.OutputLow);
    }

    [Fact]
    public void Sobol_SeedOffer_IndicesFiniteAndDeterministic()
    {
        var s = Scenarios.Load("seed-offer-2025-02");
        var a = Scenarios.Assumptions(s);
        var settings = CampaignSettings.From(s) with { Days = 120 };

        var one = Balance.Sensitivity.Sobol(a, settings, 32, 4, new EnsembleOptions(1), bootstrap: 20);
        var two = Balance.Sensitivity.Sobol(a, settings, 32, 4, new EnsembleOptions(2), bootstrap: 20);

        Assert.Equal(one[0].Indices.Select(i => (i.Parameter, i.S1, i.ST)), two[0].Indices.Select(i => (i.Parameter, i.S1, i.ST)));
        Assert.All(one[0].Indices, i => Assert.True(double.IsFinite(i.S1) && double.IsFinite(i.ST)));
    }
}
