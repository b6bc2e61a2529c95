using Resolute.Domain;
using Resolute.Domain.Diagnostics;

namespace Resolute.Data.Tests;

/// <summary>
/// garrisons.csv and crossings.csv: the bundled rows cover every coalition unit and the real crossings into Ukraine; the
/// files are optional and counted in the version only when present; a garrison file that leaves a unit without a departure
/// point is reported at the unit's row. Malformed rows are pinned in Malformed/expected.txt.
/// </summary>
public sealed class DeploymentFilesTests
{
    private static readonly Lazy<Dataset> Bundled = new(() =>
    {
        var result = DatasetLoader.Load(Repo.Data);
        Assert.True(result.Ok, string.Join("\n", result.Diagnostics));
        return result.Value!;
    });

    private static readonly string[] Neighbours = ["POL", "SVK", "HUN", "ROU", "MDA"];

    private const string GarrisonHeader = "key,name,nation,lat,lon,source,as_of,note\n";
    private const string CrossingHeader = "id,name,from,mode,lat,lon,capacity_per_day,gauge_change,source,as_of,note\n";

    [Fact]
    public void Load_BundledDataset_EveryCoalitionUnitHasAGarrisonOutsideUkraine()
    {
        var d = Bundled.Value;
        var coalition = d.Units.Where(u => d.NationsByCode[u.Nation].Group is not (NationGroup.Ukraine or NationGroup.Adversary)).ToArray();

        Assert.NotEmpty(coalition);
        Assert.All(coalition, u =>
        {
            var g = d.GarrisonOf(u);
            Assert.True(g is not null, $"{u.Id} has no garrison");
            Assert.Equal(u.Nation, g!.Nation);
            Assert.False(Geometry.Contains(d.Theatre.Border, g.Location), $"{u.Id} leaves from inside Ukraine ({g.Name})");
        });
    }

    [Fact]
    public void Bundled_UsUnits_EachHaveTheirOwnGarrisonRowOutsideUkraine()
    {
        var d = Bundled.Value;
        var us = d.Units.Where(u => u.Nation == "USA").ToArray();

        Assert.True(us.Length >= 10, $"{us.Length} US units");
        Assert.All(us, u =>
        {
            var own = d.Garrisons.SingleOrDefault(g => g.Key == u.Id);
            Assert.True(own is not null, $"{u.Id} has no garrison row of its own");
            Assert.False(Geometry.Contains(d.Theatre.Border, own!.Location), $"{u.Id} stands inside Ukraine");
        });
    }

    [Fact]
    public void Bundled_Garrisons_OneDefaultPerCoalitionNationWithUnits()
    {
        var d = Bundled.Value;
        var nations = d.Units.Select(u => u.Nation).Distinct().Where(n => d.NationsByCode[n].Group is not (NationGroup.Ukraine or NationGroup.Adversary));

        Assert.All(nations, n => Assert.Contains(d.Garrisons, g => g.Key == n && g.Nation == n));
        // A nation's departure point is our choice, so its note says so.
        Assert.All(d.Garrisons.Where(g => g.Key == g.Nation), g => Assert.StartsWith("estimate", g.Citation.Note, StringComparison.Ordinal));
    }

    [Fact]
    public void Bundled_Crossings_AreRoadAndRailCrossingsFromTheNeighboursWithPositiveThroughput()
    {
        var crossings = Bundled.Value.Crossings;

        Assert.InRange(crossings.Count, 10, 14);
        Assert.All(crossings, c =>
        {
            Assert.Contains(c.From, Neighbours);
            Assert.NotEqual(MoveMode.Air, c.Mode);
            Assert.True(c.CapacityPerDay > 0, c.Id);
            Assert.False(c.Mode == MoveMode.Road && c.GaugeChange, c.Id);
        });
        Assert.Contains(crossings, c => c.Mode == MoveMode.Rail);
        Assert.Contains(crossings, c => c.Mode == MoveMode.Road);
        // The LHS line is broad gauge from Sławków, so a train crossing at Hrubieszów keeps its wagons.
        Assert.False(crossings.Single(c => c.Id == "pol_hrubieszow_izov_rail").GaugeChange);
        Assert.True(crossings.Single(c => c.Id == "pol_przemysl_mostyska_rail").GaugeChange);
    }

    [Fact]
    public void Load_MinimalFixture_HasNoGarrisonsOrCrossings()
    {
        var d = DatasetLoader.Load(Repo.Fixture("minimal")).Value!;

        Assert.Empty(d.Garrisons);
        Assert.Empty(d.Crossings);
        Assert.Null(d.GarrisonOf(d.Units[0]));
    }

    [Fact]
    public void Load_WithBothFiles_ReadsTheRowsAndCountsThemInTheVersion()
    {
        using var dir = new MinimalCopy();
        var without = DatasetLoader.Load(dir.Path).Value!.Version;
        dir.Write(GarrisonFile.FileName, GarrisonHeader +
            "FRA,Paris,FRA,48.86,2.35,test-source,2025-01-01,\n" +
            "gbr_12_bde,Bulford,GBR,51.19,-1.76,test-source,2025-01-01,\n");
        var withGarrisons = DatasetLoader.Load(dir.Path);
        Assert.Empty(withGarrisons.Diagnostics);
        dir.Write(CrossingFile.FileName, CrossingHeader + "fra_rail,Test crossing,FRA,rail,50.00,23.00,300,true,test-source,2025-01-01,\n");

        var loaded = DatasetLoader.Load(dir.Path);

        Assert.Empty(loaded.Diagnostics);
        var d = loaded.Value!;
        Assert.Equal("Bulford", d.GarrisonOf(d.Units.Single(u => u.Id == "gbr_12_bde"))!.Name);
        Assert.Equal("Paris", d.GarrisonOf(d.Units.Single(u => u.Id == "fra_art"))!.Name);
        Assert.Equal(new Crossing("fra_rail", "Test crossing", "FRA", MoveMode.Rail, new LonLat(23.0, 50.0), 300, true, new Citation("test-source", new DateOnly(2025, 1, 1), "")),
            d.Crossings.Single());
        Assert.NotEqual(without, withGarrisons.Value!.Version);
        Assert.NotEqual(withGarrisons.Value.Version, d.Version);
    }

    [Fact]
    public void Load_GarrisonFileMissingAUnitAndItsNation_ReportsTheUnitsRowInUnitsCsv()
    {
        using var dir = new MinimalCopy();
        dir.Write(GarrisonFile.FileName, GarrisonHeader + "FRA,Paris,FRA,48.86,2.35,test-source,2025-01-01,\n");

        var result = DatasetLoader.Load(dir.Path);

        Assert.Null(result.Value);
        var error = Assert.Single(result.Diagnostics);
        Assert.Equal(ErrorCode.MissingValue.Id(), error.Code);
        Assert.Equal(("units.csv", 3, 1), (Path.GetFileName(error.File), error.Line, error.Column));
        Assert.Equal("expected a garrison row for unit 'gbr_12_bde' or its nation 'GBR' in garrisons.csv, found none", error.Message);
    }

    [Fact]
    public void Load_BadRowsInBothFiles_ReportsEveryErrorAtOnce()
    {
        using var dir = new MinimalCopy();
        dir.Write(GarrisonFile.FileName, GarrisonHeader +
            "FRA,Paris,FRA,48.86,2.35,test-source,2025-01-01,\n" +
            "GBR,Tidworth,GBR,51.24,-1.66,test-source,2025-01-01,\n" +
            "fra_7_bb,Besançon,GBR,47.24,6.02,test-source,2025-01-01,\n");
        dir.Write(CrossingFile.FileName, CrossingHeader +
            "pol_air,Air,FRA,air,50.00,23.00,300,false,test-source,2025-01-01,\n" +
            "pol_road,Road,FRA,road,50.00,23.00,0,false,test-source,2025-01-01,\n");

        var result = DatasetLoader.Load(dir.Path);

        Assert.Null(result.Value);
        Assert.Equal(
            ["crossings.csv:2:17: expected rail or road (aircraft fly in and pass no border crossing), found 'air'", "crossings.csv:3:36: expected a number ≥ 1, found 0",
                "garrisons.csv:4:19: expected the nation of unit 'fra_7_bb' (FRA), found 'GBR'"],
            result.Diagnostics.Select(d => $"{Path.GetFileName(d.File)}:{d.Line}:{d.Column}: {d.Message}"));
    }

    /// <summary>A temporary copy of the minimal fixture dataset, deleted on dispose.</summary>
    private sealed class MinimalCopy : IDisposable
    {
        public string Path { get; } = Directory.CreateTempSubdirectory("resolute-deploy-").FullName;

        public MinimalCopy()
        {
            foreach (var f in Directory.EnumerateFiles(Repo.Fixture("minimal"))) File.Copy(f, System.IO.Path.Combine(Path, System.IO.Path.GetFileName(f)));
        }

        public void Write(string name, string text) => File.WriteAllText(System.IO.Path.Combine(Path, name), text);

        public void Dispose() => Directory.Delete(Path, recursive: true);
    }
}
