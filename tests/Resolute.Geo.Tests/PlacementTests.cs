using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Resolute.Domain;

namespace Resolute.Geo.Tests;

public sealed class PlacementTests
{
    private static readonly GeographyOptions Coarse = new(GridSpacingKm: 40);

    [Property(MaxTest = 25)]
    public Property Plan_SyntheticTheatre_EveryPlacedUnitInsideDeploymentAndBeyondStandoff()
    {
        var ground = Fixture.Dataset.Units.Where(u => u.Kind != UnitKind.FighterSquadron).ToArray();
        var cases = from standoff in Gen.Choose(5, 200)
                    from count in Gen.Choose(1, 40)
                    from picks in Gen.Choose(0, ground.Length - 1).ArrayOf(count)
                    select (standoff, picks);
        return Prop.ForAll(cases.ToArbitrary(), c =>
        {
            var dataset = Fixture.Synthetic(c.standoff);
            var units = c.picks.Distinct().Select(i => ground[i]).ToArray();

            var result = Geography.Plan(dataset, Fixture.StandoffOn(ThreatCategory.TubeArtillery), units, Coarse);

            return AllPlacedOutsideStandoff(result, dataset.Theatre, c.standoff) && result.Units.Count == units.Length;
        });
    }

    [Property(MaxTest = 5)]
    public Property Plan_BundledTheatre_EveryPlacedUnitInsideDeploymentAndBeyondStandoff()
    {
        var categories = Enum.GetValues<ThreatCategory>().Where(c => c is not (ThreatCategory.BallisticMissile or ThreatCategory.CruiseMissile or ThreatCategory.OwaDrone)).ToArray();
        var cases = from chosen in Gen.SubListOf(categories)
                    from take in Gen.Choose(5, 60)
                    select (chosen, take);
        return Prop.ForAll(cases.ToArbitrary(), c =>
        {
            var scenario = Fixture.StandoffOn([.. c.chosen]);
            var units = Fixture.Dataset.Units.Take(c.take).ToArray();

            var result = Geography.Plan(Fixture.Dataset, scenario, units, Coarse);

            var standoff = Fixture.Dataset.Threats.Where(t => c.chosen.Contains(t.Category)).Select(t => t.RangeKm).DefaultIfEmpty(0).Max();
            return result.StandoffKm == standoff && AllPlacedOutsideStandoff(result, Fixture.Dataset.Theatre, standoff);
        });
    }

    [Fact]
    public void Plan_DefaultScenario_PlacesEveryGroundUnitAndFreesOneBrigadePerBrigade()
    {
        var r = Fixture.Default;

        var unplacedGround = r.Units.Where(u => u.Kind != UnitKind.FighterSquadron && !u.OutsideUkraine && u.Position is null).Select(u => u.UnitId).ToArray();

        Assert.Equal((Array.Empty<string>(), 9, 9.0), (unplacedGround, r.FreedForces.CoalitionBrigades, r.FreedForces.UkrainianBrigades));
    }

    [Fact]
    public void Plan_StandoffBeyondTheCountry_PlacesNoUnitAndSaysWhy()
    {
        var dataset = Fixture.Synthetic(standoffKm: 600);
        var units = Fixture.Dataset.Units.Where(u => u.Kind == UnitKind.ManoeuvreBrigade).Take(2).ToArray();

        var r = Geography.Plan(dataset, Fixture.StandoffOn(ThreatCategory.TubeArtillery), units, Coarse);

        Assert.All(r.Units, u => Assert.Equal((null, true), (u.Position, u.Assignment.StartsWith("not placed", StringComparison.Ordinal))));
    }

    private static bool AllPlacedOutsideStandoff(GeographyResult result, Theatre theatre, double standoffKm)
    {
        var projection = new Projection();
        var front = projection.Line(theatre.FrontLine);
        var deployment = result.Map.Deployment!;
        var positions = result.Units.Where(u => u.Position is not null).Select(u => u.Position!.Value)
            .Concat(result.AirDefence.Batteries.Where(b => b.Position is not null).Select(b => b.Position!.Value));
        return positions.All(p =>
        {
            var point = projection.Point(p);
            return deployment.Covers(point) && front.Distance(point) / 1000 >= standoffKm;
        });
    }
}
