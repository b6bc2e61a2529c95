namespace Resolute.Data.Tests;

/// <summary>Paths of the repository the tests run in, and of the test fixtures copied beside the test assembly.</summary>
internal static class Repo
{
    public static string Root { get; } = FindRoot();

    public static string Data => Path.Combine(Root, "data");
    public static string Scenarios => Path.Combine(Root, "scenarios");
    public static string Fixture(string name) => Path.Combine(AppContext.BaseDirectory, "Fixtures", name);
    public static string Malformed(string name) => Path.Combine(AppContext.BaseDirectory, "Malformed", name);

    /// <summary>
    /// <paramref name="scenarioText"/> with every catalogue assumption it does not give appended from the bundled seed
    /// scenario, so a fixture tests its own point without listing 45 assumptions. Appending keeps every line where it
    /// was; a scenario with an <c>assumptions:</c> list must end with it. A line <c># omit: id</c> leaves that one out.
    /// </summary>
    public static string WithCatalogue(string scenarioText)
    {
        const string ListKey = "\nassumptions:\n";
        var seed = File.ReadAllText(Path.Combine(Scenarios, "seed-offer-2025-02.yaml"));
        var entries = seed[(seed.IndexOf(ListKey, StringComparison.Ordinal) + ListKey.Length)..]
            .Split("\n  - id: ", StringSplitOptions.RemoveEmptyEntries)
            .Select(e => e.StartsWith("  - id: ", StringComparison.Ordinal) ? e[8..] : e);
        var lines = scenarioText.Split('\n');
        bool Given(string id) => lines.Any(l => System.Text.RegularExpressions.Regex.IsMatch(l, $@"\bid: {id}\b") || l == $"# omit: {id}");
        var text = new System.Text.StringBuilder(scenarioText.TrimEnd('\n')).Append('\n');
        if (!lines.Any(l => l.StartsWith("assumptions:", StringComparison.Ordinal))) text.Append("assumptions:\n");
        foreach (var e in entries.Where(e => !Given(e[..e.IndexOf('\n', StringComparison.Ordinal)].Trim())))
            text.Append("  - id: ").Append(e.TrimEnd('\n')).Append('\n');
        return text.ToString();
    }

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Resolute.slnx"))) return dir.FullName;
        throw new InvalidOperationException("The tests must run inside the repository.");
    }
}
