namespace Resolute.Cli;

/// <summary>
/// Finds the dataset and scenarios that ship with the tool. They are copied beside the binary at build time, so
/// <c>resolute</c> works from any directory; <c>--data</c> or <c>RESOLUTE_DATA</c> point elsewhere.
/// </summary>
internal static class Bundled
{
    public const string DefaultScenario = "seed-offer-2025-02";

    public static string DataDirectory(string? option) =>
        option ?? Environment.GetEnvironmentVariable("RESOLUTE_DATA") ?? Path.Combine(AppContext.BaseDirectory, "data");

    public static string ScenarioDirectory => Path.Combine(AppContext.BaseDirectory, "scenarios");

    public static IEnumerable<string> Scenarios() =>
        Directory.Exists(ScenarioDirectory) ? Directory.EnumerateFiles(ScenarioDirectory, "*.yaml").Order(StringComparer.Ordinal) : [];

    /// <summary>A scenario argument is a path, or the id of a bundled scenario (file name without .yaml).</summary>
    public static string ResolveScenario(string? argument)
    {
        var name = argument ?? DefaultScenario;
        if (File.Exists(name)) return name;
        var bundled = Path.Combine(ScenarioDirectory, name.EndsWith(".yaml", StringComparison.Ordinal) ? name : name + ".yaml");
        return File.Exists(bundled) ? bundled : name;
    }
}
