using BenchmarkDotNet.Attributes;
using Resolute.Data;
using Resolute.Domain;
using Resolute.Geo;

namespace Resolute.Benchmarks;

/// <summary>
/// The geography stage after load: the default scenario in full, and the air-defence covering model alone at two grid
/// densities (2,445 and about 5,500 candidate sites over the default deployment areas).
/// </summary>
[MemoryDiagnoser]
public class GeoBenchmarks
{
    private Dataset _dataset = null!;
    private Scenario _scenario = null!;
    private IReadOnlyList<Unit> _force = null!;
    private IReadOnlyList<Unit> _airDefence = null!;

    [GlobalSetup]
    public void Setup()
    {
        var root = Root();
        _dataset = DatasetLoader.Load(Path.Combine(root, "data")).Value ?? throw new InvalidOperationException("dataset does not load");
        _scenario = ScenarioFile.Load(Path.Combine(root, "scenarios", "seed-offer-2025-02.yaml"), _dataset).Value
            ?? throw new InvalidOperationException("scenario does not load");
        _force = ProvisionalForce.FirstEligible(_dataset, _scenario);
        _airDefence = _force.Where(u => u.Kind == UnitKind.Amd).ToArray();
    }

    /// <summary>Territory, threat zones, deployment areas, placement, coverage and marginal gains for the default scenario.</summary>
    [Benchmark(Baseline = true)]
    public GeographyResult DefaultScenario() => Geography.Plan(_dataset, _scenario, _force);

    /// <summary>The air-defence units alone on the default 12 km grid (2,445 candidate sites).</summary>
    [Benchmark]
    public GeographyResult Coverage_2445Sites() => Geography.Plan(_dataset, _scenario, _airDefence);

    /// <summary>The air-defence units alone on an 8 km grid (about 5,500 candidate sites).</summary>
    [Benchmark]
    public GeographyResult Coverage_8kmGrid() => Geography.Plan(_dataset, _scenario, _airDefence, new GeographyOptions(GridSpacingKm: 8));

    private static string Root()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Resolute.slnx"))) return dir.FullName;
        throw new InvalidOperationException("repository root (Resolute.slnx) not found");
    }
}
