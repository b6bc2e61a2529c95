using System.Text.Json;
using System.Text.RegularExpressions;


namespace Resolute.Reports.Tests;

/// <summary>
/// Every field of the committed result (Golden/result.json) is named in docs/result-json.md, or in docs/force-plan-json.md
/// for the force plan it embeds. Keys of maps whose keys are data (stances, stage names, equipment categories) are not
/// fields; the documentation lists them as such.
/// </summary>
public sealed partial class ResultJsonDocTests
{
    /// <summary>The pages under docs/ that document result.json: this one, and the force plan's for the section it embeds.</summary>
    private static readonly string[] Docs = ["result-json.md", "force-plan-json.md"];

    [Fact]
    public void ResultJson_EveryField_IsDocumented()
    {
        var root = RepoRoot();
        using var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(root, "tests", "Resolute.Reports.Tests", "Golden", "result.json")));
        var documented = Docs
            .SelectMany(name => DocumentedName().Matches(File.ReadAllText(Path.Combine(root, "docs", name))))
            .Select(m => m.Groups[1].Value)
            .ToHashSet(StringComparer.Ordinal);
        var names = new SortedSet<string>(StringComparer.Ordinal);

        Collect(json.RootElement, "", names);

        Assert.True(names.Count > 100, $"expected the golden result's fields, found only {names.Count}");
        var missing = names.Where(n => !documented.Contains(n)).ToArray();
        Assert.True(missing.Length == 0, $"fields of result.json missing from docs/result-json.md: {string.Join(", ", missing)}");
    }

    /// <summary>Objects at these paths are maps keyed by data: their values are walked, their keys are not field names.</summary>
    private static bool IsDataKeyedMap(string path) =>
        path is "stances" or "stages" || path.EndsWith(".wuv_by_category", StringComparison.Ordinal);

    private static void Collect(JsonElement e, string path, ISet<string> names)
    {
        if (e.ValueKind == JsonValueKind.Object)
        {
            var map = IsDataKeyedMap(path);
            foreach (var p in e.EnumerateObject())
            {
                if (!map) names.Add(p.Name);
                Collect(p.Value, path.Length == 0 ? p.Name : $"{path}.{p.Name}", names);
            }
        }
        else if (e.ValueKind == JsonValueKind.Array)
        {
            foreach (var item in e.EnumerateArray()) Collect(item, path + "[]", names);
        }
    }

    private static string RepoRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Resolute.slnx"))) dir = dir.Parent;
        return dir?.FullName ?? throw new InvalidOperationException("the repository root (Resolute.slnx) is not above the test binaries");
    }

    /// <summary>A field name in the documentation, written as `name`.</summary>
    [GeneratedRegex("`([a-z0-9_]+)`")]
    private static partial Regex DocumentedName();
}
