using Resolute.Data;
using Resolute.Domain;

namespace Resolute.Geo.Tests;

/// <summary>The bundled dataset and default scenario, loaded once, and the default plan computed once.</summary>
internal static class Fixture
{
    private static readonly Lazy<(Dataset Data, Scenario Scenario)> Loaded = new(() =>
    {
        var root = FindRoot();
        var data = DatasetLoader.Load(Path.Combine(root, "data"));
        var dataset = data.Value ?? throw new InvalidOperationException(string.Join("\n", data.Diagnostics));
        var s = ScenarioFile.Load(Path.Combine(root, "scenarios", "seed-offer-2025-02.yaml"), dataset);
        return (dataset, s.Value ?? throw new InvalidOperationException(string.Join("\n", s.Diagnostics)));
    });

    private static readonly Lazy<GeographyResult> DefaultPlan = new(() => Geography.Plan(Dataset, Scenario, Force));

    public static Dataset Dataset => Loaded.Value.Data;
    public static Scenario Scenario => Loaded.Value.Scenario;
    public static IReadOnlyList<Unit> Force => ProvisionalForce.FirstEligible(Dataset, Scenario);
    public static GeographyResult Default => DefaultPlan.Value;

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Resolute.slnx"))) return dir.FullName;
        throw new InvalidOperationException("repository root (Resolute.slnx) not found");
    }

    /// <summary>
    /// A square country (30–36°E, 47–51°N) cut by a straight north–south front at 35°E, the east occupied,
    /// with five cities and one threat whose range is the test's stand-off.
    /// </summary>
    public static Dataset Synthetic(double standoffKm) => Dataset with
    {
        Theatre = new Theatre(
            [new LonLat(35, 47), new LonLat(35, 51)],
            [Square(30, 47, 36, 51)],
            [Square(35, 47, 36, 51)],
            "synthetic", new DateOnly(2026, 1, 1)),
        Cities =
        [
            City("Alpha", 2_000_000, 31, 50),
            City("Bravo", 1_000_000, 32, 48),
            City("Charlie", 500_000, 34, 49.5),
            City("Delta", 300_000, 30.5, 47.5),
            City("Echo", 200_000, 34.8, 48),
        ],
        Threats = [new Threat("synthetic_gun", "Synthetic gun", ThreatCategory.TubeArtillery, standoffKm, Cite)],
    };

    public static Scenario StandoffOn(params ThreatCategory[] categories) =>
        Scenario with { Geography = new GeographySettings(categories, 1.0) };

    private static readonly Citation Cite = new("assumption", new DateOnly(2026, 1, 1), "test fixture");

    private static City City(string name, long population, double lon, double lat) => new(name, "Test", population, new LonLat(lon, lat), Cite);

    private static Polygon Square(double lon0, double lat0, double lon1, double lat1) =>
        new([[new LonLat(lon0, lat0), new LonLat(lon1, lat0), new LonLat(lon1, lat1), new LonLat(lon0, lat1), new LonLat(lon0, lat0)]]);
}
