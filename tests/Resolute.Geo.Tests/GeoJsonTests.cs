using System.Text.Json;

namespace Resolute.Geo.Tests;

public sealed class GeoJsonTests
{
    [Fact]
    public void Write_DefaultScenario_HasEveryLayer()
    {
        using var doc = JsonDocument.Parse(GeoJson.Write(Fixture.Default));

        var layers = doc.RootElement.GetProperty("features").EnumerateArray()
            .Select(f => f.GetProperty("properties").GetProperty("layer").GetString() ?? "").Distinct().Order(StringComparer.Ordinal).ToArray();

        Assert.Equal<string[]>(["amd_coverage", "amd_position", "city", "deployment_area", "front_line", "threat_zone", "unit"], layers);
    }

    [Fact]
    public void Write_DefaultScenario_EveryPositionIsLonLatInUkraine()
    {
        using var doc = JsonDocument.Parse(GeoJson.Write(Fixture.Default));

        var points = doc.RootElement.GetProperty("features").EnumerateArray()
            .Where(f => f.GetProperty("geometry").GetProperty("type").GetString() == "Point")
            .Select(f => f.GetProperty("geometry").GetProperty("coordinates"))
            .Select(c => (Lon: c[0].GetDouble(), Lat: c[1].GetDouble())).ToArray();

        Assert.All(points, p => Assert.True(p.Lon is > 22 and < 41 && p.Lat is > 44 and < 53, $"{p.Lon}, {p.Lat}"));
    }

    [Fact]
    public void Write_DefaultScenario_UnitsCarryIdNationTypeAndSidc()
    {
        using var doc = JsonDocument.Parse(GeoJson.Write(Fixture.Default));

        var units = doc.RootElement.GetProperty("features").EnumerateArray()
            .Select(f => f.GetProperty("properties")).Where(p => p.GetProperty("layer").GetString() is "unit" or "amd_position").ToArray();

        Assert.All(units, p => Assert.True(
            p.GetProperty("unit_id").GetString()!.Length > 0 && p.GetProperty("nation").GetString()!.Length == 3
            && p.GetProperty("type").GetString()!.Length > 0 && p.GetProperty("sidc").GetString()!.Length == 20));
    }
}
