using System.Text.Json;

namespace Resolute.Cli.Tests;

public sealed partial class CommandTests
{
    [Fact]
    public void Plan_NoArguments_UsesBundledDefaultAndWritesResult()
    {
        var dir = CliRunner.TempDir();
        var run = CliRunner.Invoke("plan", "--out", dir);

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("European offer with a US backstop (February 2025)", run.Out, StringComparison.Ordinal);
        Assert.Contains("manoeuvre_brigade", run.Out, StringComparison.Ordinal);
        // The bottom line comes last, after every table: the offer tabled at Munich fields a force, says when it is complete
        // and what can be held under rotation.
        var bottom = run.Out.LastIndexOf("Bottom line", StringComparison.Ordinal);
        Assert.True(bottom > run.Out.IndexOf("Sobol indices", StringComparison.Ordinal), "the bottom line follows the stage sections");
        Assert.Matches(@"• Can the coalition field it\? (Yes|Not in full): it fills [1-9][0-9]* of 52 slots", run.Out[bottom..]);
        Assert.Matches(@"• When is it in place\? (Complete|The planned force is in place) on day [1-9][0-9]* after the offer", run.Out[bottom..]);
        Assert.Contains("• Can it be held? Deployable once: ", run.Out[bottom..], StringComparison.Ordinal);
        Assert.Contains("Deployment", run.Out, StringComparison.Ordinal);
        Assert.Contains($"Wrote {Path.Combine(dir, "result.json")}", run.Error, StringComparison.Ordinal);
        var stages = new[] { "force generation:", "geography:", "balance", "sensitivity, tornado", "sensitivity, Sobol indices" };
        var positions = stages.Select(s => run.Error.IndexOf(s, StringComparison.Ordinal)).ToArray();
        Assert.All(positions, p => Assert.True(p >= 0, "every stage is announced on standard error"));
        Assert.Equal(positions.Order(), positions);
        using var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(dir, "result.json")));
        var provenance = json.RootElement.GetProperty("provenance");
        Assert.StartsWith("sha256:", provenance.GetProperty("dataset_version").GetString(), StringComparison.Ordinal);
        Assert.Equal(20250210UL, provenance.GetProperty("seed").GetUInt64());
        var across = json.RootElement.GetProperty("balance").GetProperty("across_scenarios").EnumerateArray().Select(a => a.GetProperty("scenario").GetString());
        Assert.Equal(["us-imposed-ceasefire", "us-walk-away", "us-decisive-action"], across);
        Assert.Empty(Directory.GetFiles(dir, "*.tmp-*"));
    }

    [Fact]
    public void Plan_FormatJson_PrintsTheSameJsonItWrites()
    {
        var dir = CliRunner.TempDir();
        var run = CliRunner.Invoke("plan", "mnfu-2025-reassurance", "--format", "json", "--out", dir);

        Assert.Equal(0, run.ExitCode);
        Assert.Equal(File.ReadAllText(Path.Combine(dir, "result.json")).Trim(), run.Out.Trim());
        using var json = JsonDocument.Parse(run.Out);
        Assert.Equal("mnfu-2025-reassurance", json.RootElement.GetProperty("scenario").GetProperty("id").GetString());
        Assert.True(json.RootElement.GetProperty("scenario").GetProperty("ceasefire").GetBoolean());
    }

    [Fact]
    public void Plan_MissingScenarioFile_ExitsTwoWithPosition()
    {
        var run = CliRunner.Invoke("plan", "no-such-scenario.yaml", "--out", CliRunner.TempDir());

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("no-such-scenario.yaml:1:1: cannot read the file: no such file", run.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Plan_UnknownComparedScenario_ExitsTwoBeforePlanning()
    {
        var dir = CliRunner.TempDir();
        var run = CliRunner.Invoke("plan", "--compare", "us-walk-away", "no-such-path.yaml", "--out", dir);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("no-such-path.yaml:1:1: cannot read the file: no such file", run.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("force generation:", run.Error, StringComparison.Ordinal);
        Assert.Empty(Directory.GetFiles(dir));
    }

    [Fact]
    public void Plan_CompareNone_LeavesTheAcrossScenariosSectionEmpty()
    {
        var dir = CliRunner.TempDir();
        var run = CliRunner.Invoke("plan", "--compare", "none", "--runs", "20", "--out", dir);

        Assert.Equal(0, run.ExitCode);
        using var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(dir, "result.json")));
        Assert.Equal(JsonValueKind.Null, json.RootElement.GetProperty("balance").GetProperty("across_scenarios").ValueKind);
        Assert.Contains("Across scenarios: not computed", File.ReadAllText(Path.Combine(dir, "briefing.md")), StringComparison.Ordinal);
    }

    [Fact]
    public void Plan_UnwritableOut_ExitsTwoAndLeavesNothing()
    {
        var file = Path.Combine(CliRunner.TempDir(), "a-file");
        File.WriteAllText(file, "not a directory");

        var run = CliRunner.Invoke("plan", "--out", Path.Combine(file, "sub"));

        Assert.Equal(2, run.ExitCode);
        Assert.Equal($"--out: cannot write to '{Path.Combine(file, "sub")}': '{file}' is a file, not a directory", run.Error.TrimEnd());
        Assert.Equal("not a directory", File.ReadAllText(file));
    }

    [Fact]
    public void Plan_UnwritableOutAndMissingScenario_ReportsBothBeforePlanning()
    {
        var dir = CliRunner.TempDir();
        var file = Path.Combine(dir, "a-file");
        File.WriteAllText(file, "not a directory");

        var run = CliRunner.Invoke("plan", Path.Combine(dir, "missing.yaml"), "--out", Path.Combine(file, "sub"));

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("--out: cannot write to", run.Error, StringComparison.Ordinal);
        Assert.Contains("missing.yaml:1:1: cannot read the file", run.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("force generation", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Plan_NewOutDirectory_IsCheckedWithoutBeingLeftBehindOnFailure()
    {
        var dir = Path.Combine(CliRunner.TempDir(), "new", "deeper");

        var run = CliRunner.Invoke("plan", "no-such-scenario", "--out", dir);

        Assert.Equal(2, run.ExitCode);
        Assert.False(Directory.Exists(Path.GetDirectoryName(dir)), "the probe of --out left a directory behind");
    }

    [Fact]
    public void Plan_UnknownOption_IsNotReadAsAScenarioFile()
    {
        var run = CliRunner.Invoke("plan", "--frobnicate");

        Assert.Equal(2, run.ExitCode);
        Assert.StartsWith("resolute plan: unknown option '--frobnicate'", run.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("cannot read the file", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void NativeStderr_UnterminatedNativeWrites_AreLabelledOnTheirOwnLines()
    {
        var error = new StringWriter();

        var value = NativeStderr.Capture(error, "chart rendering", () =>
        {
            NativeWrite("Unsupported path effect in addPaint.");
            NativeWrite("Unsupported path effect in addPaint.");
            NativeWrite("Another library spoke.\n");
            return 42;
        });
        error.WriteLine("Wrote result.json");

        Assert.Equal(42, value);
        Assert.Equal(
            "note: chart rendering (native library): Unsupported path effect in addPaint. (×2)\n" +
            "note: chart rendering (native library): Another library spoke.\n" +
            "Wrote result.json\n",
            error.ToString().Replace("\r\n", "\n", StringComparison.Ordinal));
    }

    /// <summary>Writes to file descriptor 2 the way a native library does, past .NET's Console.</summary>
    private static void NativeWrite(string text)
    {
        var bytes = System.Text.Encoding.UTF8.GetBytes(text);
        Assert.Equal(bytes.Length, (int)Write(2, bytes, bytes.Length));
    }

    [System.Runtime.InteropServices.DllImport("libc", EntryPoint = "write")]
    private static extern nint Write(int fd, byte[] buffer, nint count);

    [Fact]
    public void Validate_NoArguments_ChecksBundledDataAndScenarios()
    {
        var run = CliRunner.Invoke("validate");

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("ok      dataset", run.Out, StringComparison.Ordinal);
        Assert.Contains("seed-offer-2025-02.yaml", run.Out, StringComparison.Ordinal);
        Assert.Equal("", run.Error);
    }

    [Fact]
    public void Validate_BrokenScenario_ListsEveryErrorAndExitsTwo()
    {
        var path = Path.Combine(CliRunner.TempDir(), "broken.yaml");
        File.WriteAllText(path, "id: broken\nnam: x\nstance_date: 2025-02-30\nreadiness_deadline: 2025-02-14\nrequirement: {elements: [{role: a, count: -2, kinds: [lrs]}]}\n");

        var run = CliRunner.Invoke("validate", path);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains($"{path}:2:1: unknown key 'nam'; did you mean 'name'?", run.Error, StringComparison.Ordinal);
        Assert.Contains($"{path}:3:14: expected a date YYYY-MM-DD, found '2025-02-30'", run.Error, StringComparison.Ordinal);
        Assert.Contains($"{path}:5:43: expected a number from 0 to 1000, found -2", run.Error, StringComparison.Ordinal);
        Assert.Contains($"{path}:1:1: expected a key 'name', found none", run.Error, StringComparison.Ordinal);
        // The four above and every required assumption it lacks.
        Assert.Contains($"{4 + Domain.Assumptions.AssumptionCatalogue.All.Count(a => a.Required)} errors.", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void DataShow_NationFilterAsCsv_PrintsOnlyThatNation()
    {
        var run = CliRunner.Invoke("data", "show", "units", "--nation", "fra", "--format", "csv");

        Assert.Equal(0, run.ExitCode);
        var lines = run.Out.Trim().Split('\n');
        Assert.StartsWith("id,nation,name,kind", lines[0], StringComparison.Ordinal);
        Assert.True(lines.Length > 5);
        Assert.All(lines.Skip(1), l => Assert.Contains(",FRA,", l, StringComparison.Ordinal));
    }

    [Fact]
    public void DataShow_StancesAsJson_HasTheOpEdPositions()
    {
        var run = CliRunner.Invoke("data", "show", "stances", "--nation", "DEU", "--format", "json");

        Assert.Equal(0, run.ExitCode);
        using var json = JsonDocument.Parse(run.Out);
        Assert.Contains(json.RootElement.EnumerateArray(), e => e.GetProperty("as_of").GetString() == "2025-02-10" && e.GetProperty("level").GetString() == "peacekeeping_only");
    }

    [Fact]
    public void DataShow_CrossingsOfOneNeighbourAsCsv_PrintsThroughputAndGauge()
    {
        var run = CliRunner.Invoke("data", "show", "crossings", "--nation", "POL", "--format", "csv");

        Assert.Equal(0, run.ExitCode);
        var lines = run.Out.Trim().Split('\n');
        Assert.Equal("id,name,from,mode,lat,lon,capacity_per_day,gauge_change,source,as_of", lines[0]);
        Assert.All(lines.Skip(1), l => Assert.Contains(",POL,", l, StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("pol_hrubieszow_izov_rail,", StringComparison.Ordinal) && l.Contains(",rail,", StringComparison.Ordinal) && l.Contains(",false,", StringComparison.Ordinal));
    }

    [Fact]
    public void DataShow_GarrisonsAsJson_CountsTheUnitsLeavingFromEach()
    {
        var run = CliRunner.Invoke("data", "show", "garrisons", "--nation", "USA", "--format", "json");

        Assert.Equal(0, run.ExitCode);
        using var json = JsonDocument.Parse(run.Out);
        var rows = json.RootElement.EnumerateArray().ToArray();
        Assert.All(rows, r => Assert.Equal("USA", r.GetProperty("nation").GetString()));
        Assert.Equal("1", rows.Single(r => r.GetProperty("key").GetString() == "usa_abct_rot").GetProperty("units").GetString());
        Assert.Equal("0", rows.Single(r => r.GetProperty("key").GetString() == "USA").GetProperty("units").GetString());
    }

    [Fact]
    public void Validate_DatasetWithAZeroThroughputCrossing_ReportsItsPositionAndExitsTwo()
    {
        var dir = CliRunner.TempDir();
        foreach (var f in Directory.EnumerateFiles(Path.Combine(AppContext.BaseDirectory, "data"))) File.Copy(f, Path.Combine(dir, Path.GetFileName(f)));
        var path = Path.Combine(dir, "crossings.csv");
        File.AppendAllText(path, "pol_closed_road,Closed road crossing,POL,road,50.40,23.70,0,false,assumption,2025-01-01,assumption: a closed crossing\n");
        var line = File.ReadAllLines(path).Length;

        var run = CliRunner.Invoke("validate", dir);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains($"{path}:{line}:{"pol_closed_road,Closed road crossing,POL,road,50.40,23.70,".Length + 1}: expected a number ≥ 1, found 0", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void DataShow_UnknownNation_ExitsTwo()
    {
        var run = CliRunner.Invoke("data", "show", "nations", "--nation", "XYZ");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("--nation: unknown nation 'XYZ'", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void DataShow_UnknownTable_IsAParseError()
    {
        var run = CliRunner.Invoke("data", "show", "tanks");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("tanks", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Fit_SquareLawData_PrintsTheDocumentedJsonKeys()
    {
        var csv = Path.Combine(CliRunner.TempDir(), "battle.csv");
        // Generated from the square law with A = 0.02, D = 0.05 (blue 1000, red 600 at t = 0), one row per day.
        var rows = new List<string> { "t,blue,red" };
        double b = 1000, r = 600;
        for (var t = 0; t <= 10; t++)
        {
            rows.Add(FormattableString.Invariant($"{t},{b},{r}"));
            (b, r) = (b - 0.05 * r, r - 0.02 * b);
        }
        File.WriteAllLines(csv, rows);

        var run = CliRunner.Invoke("fit", csv, "--model", "square", "--form", "discrete", "--format", "json");

        Assert.Equal(0, run.ExitCode);
        using var json = JsonDocument.Parse(run.Out);
        var root = json.RootElement;
        Assert.Equal(["model", "form", "blue_effectiveness", "red_effectiveness", "ratio", "lambda", "rmse"], root.EnumerateObject().Select(p => p.Name));
        Assert.Equal(0.02, root.GetProperty("blue_effectiveness").GetDouble(), 1e-6);
        Assert.Equal(0.05, root.GetProperty("red_effectiveness").GetDouble(), 1e-6);
    }

    [Fact]
    public void Fit_MalformedRow_ExitsTwoWithPosition()
    {
        var csv = Path.Combine(CliRunner.TempDir(), "bad.csv");
        File.WriteAllText(csv, "t,blue,red\n0,1000,600\n1,abc,580\n");

        var run = CliRunner.Invoke("fit", csv, "--model", "square", "--form", "continuous");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains($"{csv}:3:", run.Error, StringComparison.Ordinal);
        Assert.Contains("abc", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Fit_BadHeader_ReportsEveryColumnProblemWithThePositions()
    {
        var csv = Path.Combine(CliRunner.TempDir(), "header.csv");
        File.WriteAllText(csv, "tt,blue,red,blue_reinforcement\n0,1000,600,0\n1,990,590,0\n");

        var run = CliRunner.Invoke("fit", csv);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains($"{csv}:1:1: unknown column 'tt'; did you mean 't'?", run.Error, StringComparison.Ordinal);
        Assert.Contains($"{csv}:1:13: unknown column 'blue_reinforcement'; did you mean 'blue_reinforcements'?", run.Error, StringComparison.Ordinal);
        Assert.Contains("expected a column 't', found none", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Geo_PlacesTheForceGenerationPlan_KeepsTheUsBackstopOutsideUkraine_AndNamesNoBatteryForNothing()
    {
        // Under a ceasefire Germany (peacekeeping only) contributes its air defence, and the force covers every listed city.
        var dir = CliRunner.TempDir();
        var scenario = Path.Combine(dir, "ninety-days-ceasefire.yaml");
        File.WriteAllText(scenario, File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "scenarios", "seed-offer-ready-90-days.yaml"))
            .Replace("\nceasefire: false\n", "\nceasefire: true\n", StringComparison.Ordinal));
        var source = CliRunner.Invoke("source", scenario, "--format", "json");
        var run = CliRunner.Invoke("geo", scenario, "--out", dir);

        Assert.Equal((0, 0), (source.ExitCode, run.ExitCode));
        using var plan = JsonDocument.Parse(source.Out);
        // Fighter squadrons fly from their bases and the US backstop supports from NATO territory (at a garrison row, or
        // not placed without one); every other sourced unit is on the map in Ukraine.
        var assignments = plan.RootElement.GetProperty("base").GetProperty("assignments").EnumerateArray().ToArray();
        var sourced = assignments
            .Where(a => a.GetProperty("kind").GetString() != "fighter_squadron" && a.GetProperty("nation").GetString() != "USA")
            .Select(a => a.GetProperty("unit").GetString()).Order(StringComparer.Ordinal).ToArray();
        using var map = JsonDocument.Parse(File.ReadAllText(Path.Combine(dir, "geography.geojson")));
        var units = map.RootElement.GetProperty("features").EnumerateArray().Select(f => f.GetProperty("properties"))
            .Where(p => p.GetProperty("layer").GetString() is "unit" or "amd_position").ToArray();
        var inUkraine = units.Where(p => !p.GetProperty("outside_ukraine").GetBoolean()).Select(p => p.GetProperty("unit_id").GetString()).Order(StringComparer.Ordinal).ToArray();
        Assert.NotEmpty(sourced);
        Assert.Contains(assignments, a => a.GetProperty("nation").GetString() == "USA");
        Assert.Equal(sourced, inUkraine);
        Assert.All(units.Where(p => p.GetProperty("nation").GetString() == "USA"), p => Assert.True(p.GetProperty("outside_ukraine").GetBoolean()));
        Assert.Contains("force: force generation's plan", run.Out, StringComparison.Ordinal);
        Assert.Contains("Formation areas (every unit within 50 km of its headquarters)", run.Out, StringComparison.Ordinal);
        Assert.DoesNotContain("+0 people", run.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void Source_FormatJson_EveryFieldIsDocumented()
    {
        // The default plan (nothing ready: shortfalls, binding rules, suggestions) beside a variant that fills almost
        // everything (assignments, burden, US contribution), so every part of the schema carries data.
        var run = CliRunner.Invoke("source", "--what-if", "deadline=2025-05-15", "--format", "json");
        var doc = File.ReadAllText(Path.Combine(RepoRoot(), "docs", "force-plan-json.md"));

        Assert.Equal(0, run.ExitCode);
        using var json = JsonDocument.Parse(run.Out);
        var names = new SortedSet<string>(StringComparer.Ordinal);
        Collect(json.RootElement, names);
        Assert.True(json.RootElement.GetProperty("variant").GetProperty("assignments").GetArrayLength() > 0, "the variant fills slots");
        Assert.True(json.RootElement.GetProperty("base").GetProperty("shortfalls").GetArrayLength() > 0, "the base plan has shortfalls");
        var documented = DocumentedNames().Matches(doc).Select(m => m.Groups[1].Success ? m.Groups[1].Value : m.Groups[2].Value).ToHashSet(StringComparer.Ordinal);
        var undocumented = names.Where(n => !documented.Contains(n)).ToArray();
        Assert.True(undocumented.Length == 0, $"fields missing from docs/force-plan-json.md: {string.Join(", ", undocumented)}");
    }

    private static void Collect(JsonElement e, ISet<string> names)
    {
        if (e.ValueKind == JsonValueKind.Object)
        {
            foreach (var p in e.EnumerateObject())
            {
                names.Add(p.Name);
                Collect(p.Value, names);
            }
        }
        else if (e.ValueKind == JsonValueKind.Array)
        {
            foreach (var item in e.EnumerateArray()) Collect(item, names);
        }
    }

    /// <summary>A field name in the documentation: `name` in the text or "name": in a JSON example.</summary>
    [System.Text.RegularExpressions.GeneratedRegex("`([a-z0-9_]+)`|\"([a-z0-9_]+)\":")]
    private static partial System.Text.RegularExpressions.Regex DocumentedNames();

    private static string RepoRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Resolute.slnx"))) dir = dir.Parent;
        return dir?.FullName ?? throw new InvalidOperationException("the repository root (Resolute.slnx) is not above the test binaries");
    }

    [Theory]
    [InlineData("plan")]
    [InlineData("validate")]
    [InlineData("data")]
    [InlineData("fit")]
    public void Help_EveryCommand_DescribesItself(string command)
    {
        var run = CliRunner.Invoke(command, "--help");

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("Usage:", run.Out, StringComparison.Ordinal);
        Assert.Contains(command, run.Out, StringComparison.Ordinal);
    }
}
