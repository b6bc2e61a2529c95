using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

using Resolute.Planning;

namespace Resolute.Reports.Tests;

/// <summary>
/// The briefing rendered from a committed result (Golden/result.json: the default scenario, trimmed) must equal the
/// committed briefing.md and briefing.html, with volatile parts (tool version, the inlined vendor libraries and base map)
/// normalised. The input is committed rather than planned live, so model changes in other stages do not move these files.
/// Set RESOLUTE_UPDATE_GOLDEN=1 to rewrite the input and the goldens, then review the diff.
/// </summary>
[Collection(PlannedDefault.Name)]
public sealed partial class GoldenTests(PlanFixture fixture)
{
    private static bool Update => Environment.GetEnvironmentVariable("RESOLUTE_UPDATE_GOLDEN") == "1";

    private PlanResult Input()
    {
        var path = Paths.Golden("result.json");
        if (Update) File.WriteAllText(path, Trim(fixture.Files.Json));
        var read = ResultJson.Read(File.ReadAllText(path));
        Assert.True(read.Value is not null, $"Golden/result.json: {read.Error} (set RESOLUTE_UPDATE_GOLDEN=1 to regenerate)");
        return read.Value!;
    }

    [Fact]
    public void Render_GoldenResult_MatchesGoldenMarkdown() => Check("briefing.md", Briefing.Render(Input()).Markdown);

    [Fact]
    public void Render_GoldenResult_MatchesGoldenHtml() => Check("briefing.html", Briefing.Render(Input()).Html);

    private static void Check(string name, string actual)
    {
        actual = Normalise(actual);
        var path = Paths.Golden(name);
        if (Update) File.WriteAllText(path, actual);
        Assert.True(File.Exists(path), $"{path} is missing (set RESOLUTE_UPDATE_GOLDEN=1 to create it)");
        var expected = File.ReadAllText(path);
        if (expected == actual) return;
        var e = expected.Split('\n');
        var a = actual.Split('\n');
        var line = Enumerable.Range(0, Math.Min(e.Length, a.Length)).FirstOrDefault(i => e[i] != a[i], Math.Min(e.Length, a.Length));
        Assert.Fail($"{name} differs from its golden file at line {line + 1}:\n- {(line < e.Length ? Cut(e[line]) : "(end)")}\n+ {(line < a.Length ? Cut(a[line]) : "(end)")}\n(set RESOLUTE_UPDATE_GOLDEN=1 to accept)");
    }

    private static string Cut(string s) => s.Length > 300 ? s[..300] + "…" : s;

    internal static string Normalise(string s)
    {
        s = VendorBlock().Replace(s, m => $"{HtmlRenderer.VendorStart}{m.Groups[1].Value}*/ (vendored library) {HtmlRenderer.VendorEnd}");
        s = BaseMapData().Replace(s, "$1(Natural Earth base map)$2");
        return ToolVersion().Replace(s, "resolute X.Y.Z");
    }

    /// <summary>Keeps the committed input small: bands every 30th day, and only the point and line layers of the map.</summary>
    private static string Trim(string json)
    {
        var root = JsonNode.Parse(json)!;
        foreach (var ensemble in new[] { "with_coalition", "without_coalition" })
            foreach (var band in root["balance"]!["result"]![ensemble]!["bands"]!.AsArray())
            {
                var days = band!["days"]!.AsArray();
                var keep = Enumerable.Range(0, days.Count).Where(i => (i + 1) % 30 == 0 || i == days.Count - 1).ToArray();
                foreach (var key in new[] { "days", "p10", "p50", "p90" })
                    band[key] = new JsonArray(keep.Select(i => band[key]![i]!.DeepClone()).ToArray());
            }
        var features = root["geography"]!["map"]!["features"]!.AsArray();
        var kept = features.Where(f => f!["properties"]!["layer"]!.GetValue<string>() is "unit" or "amd_position" or "city" or "front_line").Select(f => f!.DeepClone()).ToArray();
        root["geography"]!["map"]!["features"] = new JsonArray(kept);
        return root.ToJsonString(ResultJson.Options);
    }

    [GeneratedRegex(@"/\*<vendor ([\w.-]+)\*/.*?/\*</vendor>\*/", RegexOptions.Singleline)]
    private static partial Regex VendorBlock();

    [GeneratedRegex("(<script id=\"basemap-data\" type=\"application/json\">).*?(</script>)", RegexOptions.Singleline)]
    private static partial Regex BaseMapData();

    [GeneratedRegex(@"resolute \d+\.\d+\.\d+")]
    private static partial Regex ToolVersion();
}
