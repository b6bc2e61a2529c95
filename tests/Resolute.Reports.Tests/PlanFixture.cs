using System.Text.Json;
using Resolute.Planning;
using Resolute.Data;
using Resolute.Domain;

namespace Resolute.Reports.Tests;

/// <summary>
/// Plans the bundled seed offer with forces ready within 90 days (the Munich-deadline default fields nothing, which would
/// leave the map and charts empty) once for the whole test run (small ensembles keep it to seconds) and renders its
/// briefing into TestResults/, where the Playwright test opens it.
/// </summary>
public sealed class PlanFixture
{
    public static readonly DateTimeOffset Now = new(2026, 11, 24, 12, 0, 0, TimeSpan.Zero);
    public static readonly PlanOptions Options = new(Threads: 2, Runs: 200, TornadoRunsPerPoint: 20, SobolSamples: 32);

    public const string Scenario = "seed-offer-ready-90-days";

    public Dataset Dataset { get; }
    public PlanResult Result { get; }
    public BriefingFiles Files { get; }
    public string Directory { get; }
    public string HtmlPath => Path.Combine(Directory, "briefing.html");

    public PlanFixture()
    {
        Dataset = DatasetLoader.Load(Path.Combine(AppContext.BaseDirectory, "data")).Value ?? throw new InvalidOperationException("bundled dataset does not load");
        Result = Planner.Run(Dataset, LoadScenario(Dataset, Scenario), Now, Options with { Compare = [.. Planner.UsPaths.Select(id => LoadScenario(Dataset, id))] });
        Files = Briefing.Render(Result);
        Directory = Path.Combine(Paths.TestResults, "briefing");
        System.IO.Directory.CreateDirectory(Directory);
        foreach (var (name, content) in Files.All) File.WriteAllText(Path.Combine(Directory, name), content);
    }

    public static Scenario LoadScenario(Dataset dataset, string id) =>
        ScenarioFile.Load(Path.Combine(AppContext.BaseDirectory, "scenarios", id + ".yaml"), dataset).Value ?? throw new InvalidOperationException($"scenario {id} does not load");
}

[CollectionDefinition(Name)]
public sealed class PlannedDefault : ICollectionFixture<PlanFixture>
{
    public const string Name = "planned default scenario";
}

/// <summary>Where test artifacts and golden files live.</summary>
internal static class Paths
{
    /// <summary>This test project's source folder (found from the build output by walking up to Resolute.slnx).</summary>
    public static string ProjectDirectory
    {
        get
        {
            var dir = new DirectoryInfo(AppContext.BaseDirectory);
            while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Resolute.slnx"))) dir = dir.Parent;
            return dir is null ? AppContext.BaseDirectory : Path.Combine(dir.FullName, "tests", "Resolute.Reports.Tests");
        }
    }

    /// <summary>tests/Resolute.Reports.Tests/TestResults/ (ignored by git): the rendered briefing and the screenshots.</summary>
    public static string TestResults => Path.Combine(ProjectDirectory, "TestResults");

    public static string Golden(string name) => Path.Combine(ProjectDirectory, "Golden", name);
}

/// <summary>Looks up a value in result.json by a path such as <c>force_generation.burden[2].personnel</c> or <c>sources.length</c>.</summary>
internal static class JsonPath
{
    public static JsonElement Resolve(JsonElement root, string path)
    {
        var current = root;
        foreach (var part in path.Split('.'))
        {
            var name = part;
            var index = -1;
            var bracket = part.IndexOf('[', StringComparison.Ordinal);
            if (bracket >= 0)
            {
                name = part[..bracket];
                index = int.Parse(part[(bracket + 1)..^1], System.Globalization.CultureInfo.InvariantCulture);
            }
            if (name == "length" && current.ValueKind == JsonValueKind.Array)
            {
                using var doc = JsonDocument.Parse(current.GetArrayLength().ToString(System.Globalization.CultureInfo.InvariantCulture));
                return doc.RootElement.Clone();
            }
            if (!current.TryGetProperty(name, out current)) throw new KeyNotFoundException($"{path}: no '{name}'");
            if (index >= 0) current = current[index];
        }
        return current;
    }

    public static double Number(JsonElement e) => e.ValueKind switch
    {
        JsonValueKind.Number => e.GetDouble(),
        JsonValueKind.Null => double.NaN, // a figure that does not apply, shown as n/a (e.g. the US backstop's burden shares)
        JsonValueKind.String => e.GetString() switch
        {
            "Infinity" => double.PositiveInfinity,
            "-Infinity" => double.NegativeInfinity,
            "NaN" => double.NaN,
            var s => throw new FormatException($"not a number: {s}"),
        },
        _ => throw new FormatException($"not a number: {e.ValueKind}"),
    };
}
