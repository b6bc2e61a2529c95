using System.Globalization;
using BenchmarkDotNet.Attributes;
using Resolute.Data;
using Resolute.Domain;
using Resolute.Sourcing;

namespace Resolute.Benchmarks.Sourcing;

/// <summary>
/// Force generation on the bundled seed scenarios (ready by Munich: the four-day window leaves no unit ready; the default
/// with the deployment flow; ready within 90 days: 291 units, 52 slots) and on a generated catalog ten times larger built from the 90-day scenario. Each case prints its
/// solver outcome (status, gap, objective against greedy, stages) once per process, since solution quality, unlike time,
/// does not vary between machines.
/// </summary>
[MemoryDiagnoser]
public class ForceGeneratorBenchmarks
{
    private Dataset _data = null!;
    private Scenario _readyByMunich = null!;
    private Scenario _seed = null!;
    private Scenario _ninetyDays = null!;
    private Dataset _largeData = null!;
    private Scenario _large = null!;
    private static readonly HashSet<string> Reported = [];

    /// <summary>The budget of the large case: 30 deterministic seconds.</summary>
    public static readonly SolveOptions Large = new(Workers: 2, MaxDeterministicTime: 30, Explain: false);
    public static readonly SolveOptions Seed = new(Workers: 2, MaxDeterministicTime: 10, Explain: false);

    [GlobalSetup]
    public void Setup() => (_data, _readyByMunich, _seed, _ninetyDays, _largeData, _large) = Cases();

    internal static (Dataset, Scenario, Scenario, Scenario, Dataset, Scenario) Cases()
    {
        var root = AppContext.BaseDirectory;
        while (!File.Exists(Path.Combine(root, "Resolute.slnx"))) root = Path.GetDirectoryName(root) ?? throw new InvalidOperationException("run from inside the repository");
        var data = DatasetLoader.Load(Path.Combine(root, "data")).Value ?? throw new InvalidOperationException("bundled dataset does not load");
        Scenario Load(string id) => ScenarioFile.Load(Path.Combine(root, "scenarios", id + ".yaml"), data).Value ?? throw new InvalidOperationException($"{id} does not load");
        var munich = Load("seed-offer-ready-by-munich");
        var seed = Load("seed-offer-2025-02");
        var ninety = Load("seed-offer-ready-90-days");
        var (large, largeScenario) = LargeCatalog.Make(data, ninety, factor: 10);
        return (data, munich, seed, ninety, large, largeScenario);
    }

    [Benchmark(Baseline = true)]
    public ForcePlan ReadyByMunich() => Report(nameof(ReadyByMunich), ForceGenerator.Solve(_data, _readyByMunich, Seed));

    /// <summary>The default scenario: no readiness deadline, so the deployment flow decides when the force is complete.</summary>
    [Benchmark]
    public ForcePlan SeedWithFlow() => Report(nameof(SeedWithFlow), ForceGenerator.Solve(_data, _seed, Seed));

    [Benchmark]
    public ForcePlan SeedNinetyDays() => Report(nameof(SeedNinetyDays), ForceGenerator.Solve(_data, _ninetyDays, Seed));

    [Benchmark]
    public ForcePlan SeedNinetyDaysOneWorker() => Report(nameof(SeedNinetyDaysOneWorker), ForceGenerator.Solve(_data, _ninetyDays, Seed with { Workers = 1 }));

    [Benchmark]
    public ForcePlan SeedNinetyDaysExplained() => Report(nameof(SeedNinetyDaysExplained), ForceGenerator.Solve(_data, _ninetyDays, Seed with { Explain = true }));

    [Benchmark]
    public ForcePlan TenTimesCatalog() => Report(nameof(TenTimesCatalog), ForceGenerator.Solve(_largeData, _large, Large));

    [Benchmark]
    public ForcePlan TenTimesCatalogOneWorker() => Report(nameof(TenTimesCatalogOneWorker), ForceGenerator.Solve(_largeData, _large, Large with { Workers = 1 }));

    private static string Flow(DeploymentPlan? d) => d is { Available: true, Foc: { } foc }
        ? string.Create(CultureInfo.InvariantCulture, $", FOC day {foc.Day} (bound {d.FocBound?.ToString(CultureInfo.InvariantCulture) ?? "none"}, proven {d.FocProven})")
        : ", no flow";

    private static ForcePlan Report(string name, ForcePlan plan)
    {
        if (!Reported.Add(name)) return plan;
        var s = plan.Solver;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"// {name}: {plan.Fill.FilledSlots}/{plan.Fill.Slots} slots, {s.Variables} variables, status {s.Status}, proven {s.ProvenOptimal}, objective {s.Objective:0.####}, bound {s.Bound:0.####}, gap {s.Gap:P4}, greedy {s.GreedyObjective:0.####} ({s.Objective - s.GreedyObjective:+0.####;-0.####;0}), deterministic time {s.DeterministicTime:0.###}, stages {string.Join(", ", (s.Stages ?? []).Select(x => $"{x.Name} {x.Status} {x.DeterministicTime:0.###}"))}{Flow(plan.Deployment)}"));
        return plan;
    }
}
