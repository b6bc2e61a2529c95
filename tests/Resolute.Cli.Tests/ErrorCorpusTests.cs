using System.Text;

namespace Resolute.Cli.Tests;

/// <summary>
/// Every error message the command line prints for invalid input, pinned word for word with its exit code (always 2):
/// Corpus/cases.txt holds each command line and what it must write to standard error. Set RESOLUTE_UPDATE_GOLDEN=1 to
/// rewrite the expectations from what the CLI prints now, then review the diff.
/// </summary>
public sealed class ErrorCorpusTests
{
    private static bool Update => Environment.GetEnvironmentVariable("RESOLUTE_UPDATE_GOLDEN") == "1";

    private sealed record Case(string CommandLine, string Expected);

    private static string SourceFile => Path.Combine(RepoRoot(), "tests", "Resolute.Cli.Tests", "Corpus", "cases.txt");

    public static TheoryData<string> CommandLines() => [.. Cases(File.ReadAllText(SourceFile)).Cases.Select(c => c.CommandLine)];

    [Theory]
    [MemberData(nameof(CommandLines))]
    public void Invoke_InvalidInput_ExitsTwoWithTheCorpusMessage(string commandLine)
    {
        var expected = Cases(File.ReadAllText(SourceFile)).Cases.Single(c => c.CommandLine == commandLine).Expected;

        var clock = System.Diagnostics.Stopwatch.StartNew();
        var actual = Render(commandLine);
        clock.Stop();

        if (Update) Rewrite(commandLine, actual);
        else Assert.Equal(expected, actual);
        Assert.StartsWith("exit 2\n", actual, StringComparison.Ordinal);
        Assert.DoesNotContain("System.", actual, StringComparison.Ordinal);
        Assert.DoesNotContain("`1", actual, StringComparison.Ordinal);
        // Bad input is refused before any work: an alias bomb, /dev/zero or ten million campaigns too. A guard, not a benchmark.
        Assert.True(clock.Elapsed < MaxTime, $"'{commandLine}' took {clock.Elapsed.TotalSeconds:0.0} s to refuse");
    }

    private static readonly TimeSpan MaxTime = TimeSpan.FromSeconds(10);

    /// <summary>What a case prints: its exit code, then standard error with the test directory's path made relative.</summary>
    private static string Render(string commandLine)
    {
        var args = commandLine.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var run = CliRunner.Invoke(args);
        var error = run.Error.Replace("\r\n", "\n", StringComparison.Ordinal)
            .Replace(AppContext.BaseDirectory, "", StringComparison.Ordinal);
        return $"exit {run.ExitCode}\n{error}".TrimEnd('\n');
    }

    private static (string Header, List<Case> Cases) Cases(string text)
    {
        var header = new StringBuilder();
        var cases = new List<Case>();
        string? current = null;
        var body = new List<string>();
        void Flush()
        {
            if (current is not null) cases.Add(new Case(current, string.Join('\n', body).TrimEnd('\n')));
            body.Clear();
        }
        foreach (var line in text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n'))
        {
            if (line == "$" || line.StartsWith("$ ", StringComparison.Ordinal))
            {
                Flush();
                current = line.Length > 1 ? line[2..] : "";
            }
            else if (current is null) header.Append(line).Append('\n');
            else if (line.Length > 0) body.Add(line);
        }
        Flush();
        return (header.ToString().TrimEnd('\n'), cases);
    }

    private static readonly Lock Gate = new();

    private static void Rewrite(string commandLine, string actual)
    {
        lock (Gate)
        {
            var (header, cases) = Cases(File.ReadAllText(SourceFile));
            var sb = new StringBuilder(header).Append("\n\n");
            foreach (var c in cases)
            {
                sb.Append(c.CommandLine.Length == 0 ? "$" : "$ " + c.CommandLine).Append('\n');
                sb.Append(c.CommandLine == commandLine ? actual : c.Expected).Append("\n\n");
            }
            File.WriteAllText(SourceFile, sb.ToString().TrimEnd('\n') + "\n");
        }
    }

    private static string RepoRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Resolute.slnx"))) dir = dir.Parent;
        return dir?.FullName ?? throw new InvalidOperationException("the repository root (Resolute.slnx) is not above the test binaries");
    }
}
