using Resolute.Data;
using Resolute.Domain;

namespace Resolute.Balance.Tests.Fixtures;

/// <summary>The repository's bundled dataset and scenarios, found by walking up to the solution file.</summary>
internal static class Scenarios
{
    private static readonly Lazy<string> Root = new(() =>
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Resolute.slnx"))) dir = dir.Parent;
        return dir?.FullName ?? throw new InvalidOperationException("Repository root not found.");
    });

    private static readonly Lazy<Dataset> Data = new(() =>
        DatasetLoader.Load(Path.Combine(Root.Value, "data")).Value ?? throw new InvalidOperationException("Dataset does not load."));

    public static Dataset Dataset => Data.Value;

    public static Scenario Load(string id) =>
        ScenarioFile.Load(Path.Combine(Root.Value, "scenarios", id + ".yaml"), Data.Value).Value ?? throw new InvalidOperationException($"{id} does not load.");

    public static CampaignAssumptions Assumptions(Scenario s) =>
        CampaignAssumptions.From(s).Value ?? throw new InvalidOperationException($"{s.Id}: assumptions incomplete.");
}
