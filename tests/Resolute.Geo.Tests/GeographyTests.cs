using System.Text.Json;
using Resolute.Domain;

namespace Resolute.Geo.Tests;

public sealed class GeographyTests
{
    [Fact]
    public void Plan_DefaultScenario_StandoffIsTheLongestChosenRange()
    {
        var r = Fixture.Default;

        var expected = Fixture.Dataset.Threats.Where(t => Fixture.Scenario.Geography.StandoffThreats.Contains(t.Category)).Max(t => t.RangeKm);

        Assert.Equal(expected, r.StandoffKm);
    }

    [Fact]
    public void Plan_DefaultScenario_AreasAreConsistent()
    {
        var r = Fixture.Default;

        Assert.True(r.DeploymentAreaKm2 > 0 && r.DeploymentAreaKm2 < r.ControlledAreaKm2 && r.OccupiedAreaKm2 > 0,
            $"deployment {r.DeploymentAreaKm2}, controlled {r.ControlledAreaKm2}, occupied {r.OccupiedAreaKm2}");
    }

    [Fact]
    public void Plan_DefaultScenario_CoveredPopulationIsTheSumOfCoveredControlledCities()
    {
        var a = Fixture.Default.AirDefence;

        var sum = a.Cities.Where(c => c.Controlled && c.Covered).Sum(c => c.Population);

        Assert.Equal((sum, Math.Round((double)sum / a.ControlledPopulation, 4)), (a.PopulationCovered, a.ShareCovered));
    }

    [Fact]
    public void Plan_DefaultScenario_UsesAtLeastTwoThousandCandidateSites()
    {
        Assert.True(Fixture.Default.AirDefence.CandidateSites >= 2000, $"{Fixture.Default.AirDefence.CandidateSites} sites");
    }

    [Fact]
    public void Plan_DefaultScenario_MarginalGainsAreNotNegative()
    {
        Assert.All(Fixture.Default.AirDefence.MarginalGains, g => Assert.True(g.AdditionalPopulation >= 0, $"{g.System}: {g.AdditionalPopulation}"));
    }

    [Fact]
    public void Plan_SameInputsTwice_GivesIdenticalResultAndGeoJson()
    {
        var again = Geography.Plan(Fixture.Dataset, Fixture.Scenario, Fixture.Force);

        Assert.Equal(
            (JsonSerializer.Serialize(Fixture.Default), GeoJson.Write(Fixture.Default)),
            (JsonSerializer.Serialize(again), GeoJson.Write(again)));
    }

    [Fact]
    public void Plan_NoAirDefenceUnits_CoversNothingAndPricesOneBattery()
    {
        var units = Fixture.Force.Where(u => u.Kind != UnitKind.Amd).ToArray();

        var r = Geography.Plan(Fixture.Dataset, Fixture.Scenario, units, new GeographyOptions(GridSpacingKm: 40));

        Assert.Equal((0L, true), (r.AirDefence.PopulationCovered, r.AirDefence.MarginalGains.All(g => g.AdditionalPopulation > 0)));
    }

    [Fact]
    public void Validate_EveryOptionInvalid_ListsEveryError()
    {
        var options = new GeographyOptions(0, -1, 0, -1, 0, 0);

        Assert.Equal(6, options.Validate().Count);
    }
}
