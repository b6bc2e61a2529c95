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
    public void Geometry_Contains_PointInsideAndOutsideSquare()
    {
        var square = new Polygon([[new(0, 0), new(10, 0), new(10, 10), new(0, 10), new(0, 0)]]);
        Assert.True(Geometry.Contains([square], new LonLat(5, 5)));
        Assert.False(Geometry.Contains([square], new LonLat(15, 5)));
    }
}
