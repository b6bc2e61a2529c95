using Resolute.Domain.Diagnostics;

namespace Resolute.Data.Tests;

/// <summary>
/// Each file under Malformed/ breaks one rule; Malformed/expected.txt pins the code, exact position and message of
/// every error it must produce. The corpus file replaces the same-named file of the minimal fixture dataset.
/// </summary>
public sealed class MalformedCorpusTests
{
    private static readonly Dictionary<string, string[]> Expected = File.ReadAllLines(Repo.Malformed("expected.txt"))
        .Where(l => l.Length > 0 && !l.StartsWith('#'))
        .Select(l => l.Split('\t', 2))
        .GroupBy(p => p[0], p => p[1])
        .ToDictionary(g => g.Key, g => g.ToArray());

    public static TheoryData<string> Cases()
    {
        var data = new TheoryData<string>();
        foreach (var f in Directory.EnumerateFiles(Path.Combine(AppContext.BaseDirectory, "Malformed")).Select(Path.GetFileName).Order(StringComparer.Ordinal))
            if (f != "expected.txt") data.Add(f!);
        return data;
    }

    [Fact]
    public void Corpus_HasAtLeast25Cases_EachWithAnExpectation()
    {
        var cases = Directory.EnumerateFiles(Path.Combine(AppContext.BaseDirectory, "Malformed")).Select(f => Path.GetFileName(f)!).Where(f => f != "expected.txt").ToArray();
        Assert.True(cases.Length >= 25, $"only {cases.Length} malformed files");
        Assert.Equal(cases.Order(StringComparer.Ordinal), Expected.Keys.Order(StringComparer.Ordinal));
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Load_MalformedFile_ReportsExactPositionAndMessage(string corpusFile)
    {
        var (target, diagnostics) = Run(corpusFile);

        var actual = diagnostics.Where(d => d.Severity == Severity.Error && Path.GetFileName(d.File) == target)
            .Select(d => $"{d.Code}\t{target}:{d.Line}:{d.Column}: {d.Message}");
        Assert.Equal(Expected[corpusFile].Order(StringComparer.Ordinal), actual.Order(StringComparer.Ordinal));
    }

    private static (string Target, IReadOnlyList<Diagnostic> Diagnostics) Run(string corpusFile)
    {
        var dir = Directory.CreateTempSubdirectory("resolute-corpus-").FullName;
        try
        {
            foreach (var f in Directory.EnumerateFiles(Repo.Fixture("minimal"))) File.Copy(f, Path.Combine(dir, Path.GetFileName(f)));
            var kind = corpusFile[..corpusFile.IndexOf('.', StringComparison.Ordinal)];
            if (kind == "scenario")
            {
                var dataset = DatasetLoader.Load(dir).Value ?? throw new InvalidOperationException("the minimal fixture must load");
                var scenario = ScenarioFile.Parse(Repo.WithCatalogue(File.ReadAllText(Repo.Malformed(corpusFile))), Repo.Malformed(corpusFile), dataset);
                Assert.False(scenario.Ok);
                return (corpusFile, scenario.Diagnostics);
            }
            var target = kind + Path.GetExtension(corpusFile);
            File.Copy(Repo.Malformed(corpusFile), Path.Combine(dir, target), overwrite: true);
            var result = DatasetLoader.Load(dir);
            Assert.Null(result.Value); // never a partial load
            return (target, result.Diagnostics);
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }
}
