using System.Text.RegularExpressions;

namespace Resolute.Web.Tests.Support;

/// <summary>The bundled scenarios (copied beside the tests by the web project) and small edits of their text.</summary>
public static partial class Bundled
{
    /// <summary>The realistic scenario: fills the requirement (force generation takes a few seconds).</summary>
    public const string Realistic = "seed-offer-ready-90-days";

    /// <summary>A scenario whose deadline nothing can meet: it fills nothing, so its run is quick.</summary>
    public const string Quick = "seed-offer-ready-by-munich";

    public static string Yaml(string id) => File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "scenarios", id + ".yaml"));

    public static IReadOnlyList<string> Ids() =>
        Directory.EnumerateFiles(Path.Combine(AppContext.BaseDirectory, "scenarios"), "*.yaml").Select(Path.GetFileNameWithoutExtension).Order(StringComparer.Ordinal).ToList()!;

    public static string WithId(string yaml, string id) => IdLine().Replace(yaml, "id: " + id, 1);

    public static string WithName(string yaml, string name) => NameLine().Replace(yaml, "name: " + name, 1);

    /// <summary>The 1-based line of the first line starting with <paramref name="prefix"/>.</summary>
    public static int LineOf(string yaml, string prefix) => yaml.Split('\n').ToList().FindIndex(l => l.StartsWith(prefix, StringComparison.Ordinal)) + 1;

    /// <summary>A problem-details body.</summary>
    public static async Task<JsonElement> ProblemAsync(HttpResponseMessage response)
    {
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var doc = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return doc.RootElement.Clone();
    }

    [GeneratedRegex(@"^id:[^\r\n]*", RegexOptions.Multiline)]
    private static partial Regex IdLine();

    [GeneratedRegex(@"^name:[^\r\n]*", RegexOptions.Multiline)]
    private static partial Regex NameLine();
}
