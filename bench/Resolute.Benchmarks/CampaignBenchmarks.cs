using BenchmarkDotNet.Attributes;
using Resolute.Balance;
using Resolute.Data;

namespace Resolute.Benchmarks;

/// <summary>
/// The balance stage's Monte Carlo: 10,000 campaigns × 365 days × 12 sectors of the default scenario (no bands), on one
/// and two threads. Each invocation counts 43.8 million sector-days (OperationsPerInvoke), so the Mean column is the time
/// per sector-day: its inverse is sector-days per second, the figure compared with shared/reference/bench/mc_reference.py.
/// </summary>
[MemoryDiagnoser]
public class CampaignBenchmarks
{
    private const int Campaigns = 10_000;
    private const int SectorDays = Campaigns * 365 * 12;

    private CampaignAssumptions _assumptions = null!;
    private CampaignSettings _settings = null!;

    /// <summary>Worker threads.</summary>
    [Params(1, 2)]
    public int Threads { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Resolute.slnx"))) dir = dir.Parent;
        var root = dir?.FullName ?? throw new InvalidOperationException("repository root not found");
        var dataset = DatasetLoader.Load(Path.Combine(root, "data")).Value ?? throw new InvalidOperationException("dataset does not load");
        var scenario = ScenarioFile.Load(Path.Combine(root, "scenarios", "seed-offer-2025-02.yaml"), dataset).Value
            ?? throw new InvalidOperationException("scenario does not load");
        _assumptions = CampaignAssumptions.From(scenario).Value ?? throw new InvalidOperationException("assumptions incomplete");
        _settings = CampaignSettings.From(scenario) with { Days = 365, Sectors = 12 };
    }

    /// <summary>One ensemble; Mean is per sector-day.</summary>
    [Benchmark(OperationsPerInvoke = SectorDays)]
    public EnsembleResult Ensemble() => MonteCarlo.Run(_assumptions, _settings, Campaigns, 1, new EnsembleOptions(Threads, Bands: false));
}
