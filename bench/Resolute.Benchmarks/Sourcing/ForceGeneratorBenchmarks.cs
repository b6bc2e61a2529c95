using BenchmarkDotNet.Attributes;
using Resolute.Data;
using Resolute.Domain;
using Resolute.Sourcing;

namespace Resolute.Benchmarks.Sourcing;

/// <summary>
/// Force generation on the seed scenario (bundled data; readiness widened to 60 days, since with the seed's four-day window
/// no unit qualifies and the solve is trivial) and on a generated catalog ten times larger.
/// </summary>
[MemoryDiagnoser]
public class ForceGeneratorBenchmarks
{
    private Dataset _seedData = null!;
    private Scenario _seed = null!;
    private Scenario _seedAsIs = null!;
    private Dataset _largeData = null!;
    private Scenario _large = null!;

    /// <summary>The budget of the large case: 30 deterministic seconds (about 30 s on two cores).</summary>
    public static readonly SolveOptions Large = new(Workers: 2, MaxDeterministicTime: 30, Explain: false);
    public static readonly SolveOptions Seed = new(Workers: 2, MaxDeterministicTime: 10, Explain: false);

    [GlobalSetup]
    public void Setup() => (_seedData, _seedAsIs, _seed, _largeData, _large) = Cases();

    internal static (Dataset, Scenario, Scenario, Dataset, Scenario) Cases()
    {
        var root = AppContext.BaseDirectory;
        while (!File.Exists(Path.Combine(root, "Resolute.slnx"))) root = Path.GetDirectoryName(root) ?? throw new InvalidOperationException("run from inside the repository");
        var data = DatasetLoader.Load(Path.Combine(root, "data")).Value ?? throw new InvalidOperationException("bundled dataset does not load");
        var seed = ScenarioFile.Load(Path.Combine(root, "scenarios", "seed-offer-2025-02.yaml"), data).Value ?? throw new InvalidOperationException("seed scenario does not load");
        var widened = WhatIf.Apply(data, seed, ["readiness=60"]).Value!.Scenario;
        var (large, largeScenario) = LargeCatalog.Make(data, widened, factor: 10);
        return (data, seed, widened, large, largeScenario);
    }

    [Benchmark(Baseline = true)]
    public ForcePlan SeedAsIs() => ForceGenerator.Solve(_seedData, _seedAsIs, Seed);

    [Benchmark]
    public ForcePlan SeedSixtyDays() => ForceGenerator.Solve(_seedData, _seed, Seed);

    [Benchmark]
    public ForcePlan SeedSixtyDaysExplained() => ForceGenerator.Solve(_seedData, _seed, Seed with { Explain = true });

    [Benchmark]
    public ForcePlan TenTimesCatalog() => ForceGenerator.Solve(_largeData, _large, Large);
}
