using Resolute.Domain;

namespace Resolute.Data.Tests;

public sealed class DatasetLoaderTests
{
    [Fact]
    public void Load_MinimalFixture_LoadsEveryTable()
    {
        var result = DatasetLoader.Load(Repo.Fixture("minimal"));

        Assert.Empty(result.Diagnostics);
        var d = Assert.IsType<Dataset>(result.Value);
        Assert.Equal(4, d.Nations.Count);
        Assert.Equal(3, d.Units.Count);
        Assert.Equal(56, d.HoldingsOf("fra_7_bb").Single().Count);
        Assert.Equal(StanceLevel.TroopsDiscussed, d.StanceOn("FRA", new DateOnly(2025, 3, 1)));
        Assert.Equal(StanceLevel.Unknown, d.StanceOn("FRA", new DateOnly(2025, 2, 9)));
        Assert.Equal(4, d.Theatre.FrontLine.Count);
        Assert.StartsWith("sha256:", d.Version, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_MissingDirectory_ReportsEveryFileUnreadable()
    {
        var result = DatasetLoader.Load(Path.Combine(Path.GetTempPath(), "resolute-no-such-dir"));

        Assert.Null(result.Value);
        Assert.Equal(DatasetLoader.Files.Count, result.Diagnostics.Count(d => d.Code == "RES001"));
        Assert.All(result.Diagnostics, d => Assert.Contains("cannot read the file: no such file", d.Message, StringComparison.Ordinal));
    }

    [Fact]
    public void Load_SameFiles_GiveSameVersion_AndAChangeChangesIt()
    {
        var dir = Directory.CreateTempSubdirectory("resolute-version-").FullName;
        try
        {
            foreach (var f in Directory.EnumerateFiles(Repo.Fixture("minimal"))) File.Copy(f, Path.Combine(dir, Path.GetFileName(f)));
            var before = DatasetLoader.Load(dir).Value!.Version;
            Assert.Equal(before, DatasetLoader.Load(Repo.Fixture("minimal")).Value!.Version);
            File.AppendAllText(Path.Combine(dir, "threats.csv"), "grad,BM-21 Grad,rocket_artillery,20,test-source,2025-01-01,\n");
            Assert.NotEqual(before, DatasetLoader.Load(dir).Value!.Version);
        }
        finally { Directory.Delete(dir, recursive: true); }
    }

    [Fact]
    public void Load_BundledDataset_HoldsTheCeasefireRecordAndCountsItInTheVersion()
    {
        var bundled = DatasetLoader.Load(Repo.Data).Value!;
        Assert.Equal(CeasefireFile.Load(Repo.Data).Value!.Count, bundled.Ceasefires.Count);
        Assert.Empty(DatasetLoader.Load(Repo.Fixture("minimal")).Value!.Ceasefires);

        var dir = Directory.CreateTempSubdirectory("resolute-ceasefires-").FullName;
        try
        {
            foreach (var f in Directory.EnumerateFiles(Repo.Fixture("minimal"))) File.Copy(f, Path.Combine(dir, Path.GetFileName(f)));
            var without = DatasetLoader.Load(dir).Value!.Version;
            File.WriteAllText(Path.Combine(dir, CeasefireFile.FileName),
                "id,name,side_a,side_b,war_start,start,end,foreign_force,separation,guarantee,imposed,decisive,nuclear,intensity,territory,source,as_of,note\n" +
                "test_1,Test ceasefire,A,B,2000-01-01,2000-06-01,,observers,true,false,false,false,false,low,true,test-source,2020-01-01,\n");
            var with = DatasetLoader.Load(dir);
            Assert.Empty(with.Diagnostics);
            Assert.Equal("test_1", with.Value!.Ceasefires.Single().Id);
            Assert.NotEqual(without, with.Value.Version);

            File.AppendAllText(Path.Combine(dir, CeasefireFile.FileName), "test_2,Bad,A,B,2000-01-01,2000-06-01,,navy,true,false,false,false,false,low,true,test-source,2020-01-01,\n");
            var bad = DatasetLoader.Load(dir);
            Assert.Null(bad.Value);
            Assert.Contains(bad.Diagnostics, d => d.File.EndsWith(CeasefireFile.FileName, StringComparison.Ordinal) && d.Line == 3);
        }
        finally { Directory.Delete(dir, recursive: true); }
    }

    [Fact]
    public void Geometry_Contains_PointInsideAndOutsideSquare()
    {
        var square = new Polygon([[new(0, 0), new(10, 0), new(10, 10), new(0, 10), new(0, 0)]]);
        Assert.True(Geometry.Contains([square], new LonLat(5, 5)));
        Assert.False(Geometry.Contains([square], new LonLat(15, 5)));
    }
}
