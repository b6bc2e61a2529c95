using Resolute.Balance.Tests.Fixtures;

namespace Resolute.Balance.Tests.Campaign;

public sealed class ForceScoringTests
{
    [Fact]
    public void Score_UnitWithHoldings_SumsWeightTimesCountTimesWei()
    {
        var dataset = Scenarios.Dataset;
        var weights = WuvWeights.From(Scenarios.Load("seed-offer-2025-02")).Value!;
        var unit = dataset.Holdings[0].UnitId;
        var expected = dataset.HoldingsOf(unit).Sum(h => weights.Of(dataset.EquipmentById[h.EquipmentId].Category) * h.Count * dataset.EquipmentById[h.EquipmentId].CombatValue);

        var score = ForceScoring.Score(dataset, [unit, "no_such_unit"], weights);

        Assert.Equal(1, score.Units);
        Assert.Equal(expected, score.Wuv, 9);
        Assert.Equal(expected / weights.AdeWuv, score.Ade, 9);
    }

    [Fact]
    public void CoalitionFromRequirement_SeedOffer_NineBrigadesThreeStrikeUnitsEightSquadrons()
    {
        var c = CoalitionInput.FromRequirement(Scenarios.Load("seed-offer-2025-02"));

        Assert.Equal(new CoalitionInput(9, 3, 1.0, 8), c);
    }
}
