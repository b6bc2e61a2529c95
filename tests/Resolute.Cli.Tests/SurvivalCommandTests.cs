using System.Text.Json;

namespace Resolute.Cli.Tests;

/// <summary><c>resolute survival km|fit</c> on the bundled ceasefires and on bad input.</summary>
public sealed class SurvivalCommandTests
{
    [Fact]
    public void Km_BundledCeasefiresByName_PrintsTheDocumentedJson()
    {
        var run = CliRunner.Invoke("survival", "km", "ceasefires.csv", "--by", "separation", "--format", "json");

        Assert.Equal(0, run.ExitCode);
        using var doc = JsonDocument.Parse(run.Out);
        var groups = doc.RootElement.GetProperty("groups").EnumerateArray().ToArray();
        Assert.Equal(["false", "true"], groups.Select(g => g.GetProperty("group").GetString()));
        Assert.Equal(42, groups.Sum(g => g.GetProperty("n").GetInt32()));
        var step = groups[0].GetProperty("steps")[0];
        Assert.Equal(["time", "at_risk", "events", "survival", "lower95", "upper95"], step.EnumerateObject().Select(p => p.Name));
        var logRank = doc.RootElement.GetProperty("log_rank");
        Assert.Equal(1, logRank.GetProperty("df").GetInt32());
        Assert.InRange(logRank.GetProperty("p_value").GetDouble(), 0, 1);
    }

    [Fact]
    public void Fit_BundledCeasefires_WeibullGivesCoefficientsShapeScaleAndCovariance()
    {
        var run = CliRunner.Invoke("survival", "fit", "ceasefires.csv", "--model", "weibull", "--covariates", "armed_force,imposed", "--format", "json");

        Assert.Equal(0, run.ExitCode);
        using var doc = JsonDocument.Parse(run.Out);
        var root = doc.RootElement;
        Assert.Equal("weibull", root.GetProperty("model").GetString());
        Assert.Equal(["armed_force", "imposed"], root.GetProperty("coefficients").EnumerateArray().Select(c => c.GetProperty("name").GetString()));
        foreach (var c in root.GetProperty("coefficients").EnumerateArray())
            Assert.Equal(Math.Exp(c.GetProperty("estimate").GetDouble()), c.GetProperty("hazard_ratio").GetDouble(), 12);
        Assert.True(root.GetProperty("shape").GetProperty("estimate").GetDouble() > 0);
        Assert.True(root.GetProperty("scale").GetProperty("std_error").GetDouble() > 0);
        Assert.Equal(4, root.GetProperty("covariance").GetArrayLength());
        Assert.Equal(root.GetProperty("events").GetInt32(), CliRunnerCount());
    }

    private static int CliRunnerCount()
    {
        using var doc = JsonDocument.Parse(CliRunner.Invoke("survival", "km", "ceasefires.csv", "--format", "json").Out);
        return doc.RootElement.GetProperty("groups")[0].GetProperty("events").GetInt32();
    }

    [Fact]
    public void Fit_BadRows_ReportEveryProblemWithItsPositionAndExitTwo()
    {
        var dir = CliRunner.TempDir();
        var path = Path.Combine(dir, "durations.csv");
        File.WriteAllText(path, "time,event,x\n-1,1,0\n0,1,1\n2,2,0\n3,1,abc\n");

        var run = CliRunner.Invoke("survival", "fit", path, "--model", "cox", "--covariates", "x");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains($"{path}:2:1: expected a duration > 0, found -1", run.Error, StringComparison.Ordinal);
        Assert.Contains($"{path}:3:1: expected a duration > 0, found 0", run.Error, StringComparison.Ordinal);
        Assert.Contains($"{path}:4:3: expected an event of 0 (censored) or 1 (resumed), found '2'", run.Error, StringComparison.Ordinal);
        Assert.Contains($"{path}:5:5: expected a number, found 'abc'", run.Error, StringComparison.Ordinal);
        Assert.Empty(run.Out);
    }

    [Fact]
    public void Fit_MissingCovariateColumn_IsReportedOnTheHeader()
    {
        var path = Path.Combine(CliRunner.TempDir(), "durations.csv");
        File.WriteAllText(path, "time,event\n1,1\n2,0\n");

        var run = CliRunner.Invoke("survival", "fit", path, "--covariates", "x");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains($"{path}:1:12: expected a column 'x', found none", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Fit_TooFewEvents_SaysWhyTheFitCannotBeMadeWithoutANaN()
    {
        var path = Path.Combine(CliRunner.TempDir(), "durations.csv");
        File.WriteAllText(path, "time,event,x\n1,1,0\n2,0,1\n3,0,1\n");

        var run = CliRunner.Invoke("survival", "fit", path, "--model", "weibull", "--covariates", "x", "--format", "json");

        Assert.Equal(2, run.ExitCode);
        Assert.Equal($"{path}: the weibull model cannot be fitted: 1 event cannot identify 3 parameters: the fit needs at least as many events as parameters.", run.Error.Trim());
        Assert.DoesNotContain("NaN", run.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void Fit_UnknownCeasefireCovariate_NamesTheOption()
    {
        var run = CliRunner.Invoke("survival", "fit", "ceasefires.csv", "--covariates", "peacekeeper");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("--covariates: unknown column 'peacekeeper'; did you mean 'peacekeepers'?", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Fit_LeaveOneOut_PrintsOneRowPerCeasefire()
    {
        var run = CliRunner.Invoke("survival", "fit", "ceasefires.csv", "--covariates", "armed_force,imposed", "--leave-one-out");

        Assert.Equal(0, run.ExitCode);
        var rows = run.Out.Split('\n').Where(l => l.StartsWith("| ", StringComparison.Ordinal) && !l.StartsWith("| case", StringComparison.Ordinal)).ToArray();
        Assert.Equal(42, rows.Length);
        Assert.Contains(rows, r => r.StartsWith("| korea_1953 |", StringComparison.Ordinal) && r.Contains("holding", StringComparison.Ordinal));
    }

    [Fact]
    public void Validate_DatasetWithABadCeasefireRow_ReportsItAndExitsTwo()
    {
        var dir = CliRunner.TempDir();
        var data = Path.Combine(AppContext.BaseDirectory, "data");
        foreach (var f in Directory.EnumerateFiles(data)) File.Copy(f, Path.Combine(dir, Path.GetFileName(f)));
        var path = Path.Combine(dir, "ceasefires.csv");
        var lines = File.ReadAllLines(path);
        lines[1] = lines[1].Replace(",observers,", ",blue_helmets,", StringComparison.Ordinal);
        File.WriteAllLines(path, lines);

        var run = CliRunner.Invoke("validate", dir);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains($"{path}:2:", run.Error, StringComparison.Ordinal);
        Assert.Contains("expected a foreign force (none, observers, peacekeepers, deterrent), found 'blue_helmets'", run.Error, StringComparison.Ordinal);
    }
}
