namespace Resolute.Cli.Tests;

/// <summary><c>plan</c> writes the briefing; <c>report</c> re-renders it from result.json and rejects bad files without writing.</summary>
public sealed class ReportCommandTests
{
    private static readonly Lazy<string> Planned = new(() =>
    {
        var dir = CliRunner.TempDir();
        var run = CliRunner.Invoke("plan", "seed-offer-two-divisions", "--runs", "50", "--threads", "1", "--out", dir);
        Assert.Equal(0, run.ExitCode);
        return dir;
    });

    /// <summary>A fresh copy of one planned briefing (planning once keeps these tests fast).</summary>
    private static string Plan()
    {
        var dir = CliRunner.TempDir();
        foreach (var file in Directory.GetFiles(Planned.Value)) File.Copy(file, Path.Combine(dir, Path.GetFileName(file)));
        return dir;
    }

    [Fact]
    public void Plan_WritesBriefingFilesAndPrintsTheirPaths()
    {
        var dir = CliRunner.TempDir();

        var run = CliRunner.Invoke("plan", "seed-offer-two-divisions", "--runs", "50", "--out", dir);

        Assert.Equal(0, run.ExitCode);
        foreach (var name in new[] { "briefing.html", "briefing.md", "result.json" })
            Assert.Contains($"Wrote {Path.Combine(dir, name)}", run.Error, StringComparison.Ordinal);
        Assert.Contains("Force generation: seed-offer-two-divisions", run.Out, StringComparison.Ordinal);
        Assert.Contains("Geography", run.Out, StringComparison.Ordinal);
        Assert.Contains("Balance: seed-offer-two-divisions", run.Out, StringComparison.Ordinal);
        Assert.Empty(Directory.GetFiles(dir, ".*.tmp-*"));
        // Every line of standard error is one of ours: a stage, a file written, or a labelled note (native libraries' stray
        // text used to run into "Wrote …").
        Assert.All(run.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.TrimEnd('\r')), line =>
            Assert.True(line.EndsWith('…') || line.StartsWith("Wrote /", StringComparison.Ordinal) || line.StartsWith("Briefing: ", StringComparison.Ordinal)
                || line.StartsWith("note: ", StringComparison.Ordinal), $"unexpected line on standard error: {line}"));
    }

    [Fact]
    public void Report_SavedResult_ReRendersTheSameFiles()
    {
        var dir = Plan();
        var again = CliRunner.TempDir();

        var run = CliRunner.Invoke("report", Path.Combine(dir, "result.json"), "--out", again);

        Assert.Equal(0, run.ExitCode);
        foreach (var name in new[] { "briefing.html", "briefing.md", "result.json" })
            Assert.Equal(File.ReadAllText(Path.Combine(dir, name)), File.ReadAllText(Path.Combine(again, name)));
    }

    [Fact]
    public void Report_OtherSchemaVersion_ExitsTwoAndWritesNothing()
    {
        var file = Path.Combine(CliRunner.TempDir(), "result.json");
        File.WriteAllText(file, "{\"schema_version\": 1, \"scenario\": {}}");
        var outDir = Path.Combine(CliRunner.TempDir(), "out");

        var run = CliRunner.Invoke("report", file, "--out", outDir);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains($"{file}: schema version 1; this resolute reads schema version 2 only", run.Error, StringComparison.Ordinal);
        Assert.False(Directory.Exists(outDir));
    }

    [Fact]
    public void Report_CorruptFile_ExitsTwoWithPosition()
    {
        var dir = Plan();
        var file = Path.Combine(dir, "result.json");
        File.WriteAllText(file, File.ReadAllText(file)[..500]);

        var run = CliRunner.Invoke("report", file, "--out", Path.Combine(dir, "again"));

        Assert.Equal(2, run.ExitCode);
        var lines = File.ReadAllText(file).Split('\n');
        Assert.StartsWith($"{file}:{lines.Length}:{lines[^1].Length + 1}: not a valid schema-2 result", run.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", run.Error, StringComparison.Ordinal);
        Assert.False(Directory.Exists(Path.Combine(dir, "again")));
    }

    [Fact]
    public void Report_MissingFile_ExitsTwo()
    {
        var run = CliRunner.Invoke("report", Path.Combine(CliRunner.TempDir(), "nope.json"));

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("cannot read the file", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Report_UnwritableOut_ExitsTwoAndLeavesNoTemporaryFiles()
    {
        var dir = Plan();
        var blocker = Path.Combine(dir, "a-file");
        File.WriteAllText(blocker, "x");

        var run = CliRunner.Invoke("report", Path.Combine(dir, "result.json"), "--out", Path.Combine(blocker, "sub"));

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("--out: cannot write to", run.Error, StringComparison.Ordinal);
        Assert.Empty(Directory.GetFiles(dir, ".*.tmp-*"));
    }

    [Fact]
    public void Plan_BadTileUrl_ExitsTwo()
    {
        var run = CliRunner.Invoke("plan", "--tiles", "not a url", "--out", CliRunner.TempDir());

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("tiles: expected an http(s) URL template with {z}, {x} and {y}, found 'not a url'", run.Error, StringComparison.Ordinal);
    }
}
