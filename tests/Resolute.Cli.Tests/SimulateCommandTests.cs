using System.Text.Json;

namespace Resolute.Cli.Tests;

public sealed class SimulateCommandTests
{
    private const string Scenario = "mnfu-2025-reassurance";

    private static JsonElement Coalition(JsonElement ensemble) => ensemble.GetProperty("with_coalition").GetProperty("coalition");

    [Fact]
    public void Simulate_RunsTheCoalitionPlanRuns()
    {
        var plan = CliRunner.Invoke("plan", Scenario, "--runs", "20", "--compare", "none", "--format", "json", "--out", CliRunner.TempDir());
        var simulate = CliRunner.Invoke("simulate", Scenario, "--runs", "20", "--format", "json");

        Assert.Equal(0, plan.ExitCode);
        Assert.Equal(0, simulate.ExitCode);
        using var p = JsonDocument.Parse(plan.Out);
        using var s = JsonDocument.Parse(simulate.Out);
        Assert.Equal("sourced", s.RootElement.GetProperty("coalition_basis").GetString());
        var planned = Coalition(p.RootElement.GetProperty("balance").GetProperty("result"));
        var simulated = Coalition(s.RootElement.GetProperty("balance"));
        Assert.True(planned.GetProperty("manoeuvre_brigades").GetDouble() > 0, "the scenario sources some brigades, so the comparison says something");
        Assert.Equal(planned.EnumerateObject().Select(x => (x.Name, JsonSerializer.Serialize(x.Value))), simulated.EnumerateObject().Select(x => (x.Name, JsonSerializer.Serialize(x.Value))));
    }

    [Fact]
    public void Simulate_AsRequired_RunsTheRequirementAndSaysSo()
    {
        // "Ready by Munich" leaves force generation with nothing; its requirement has brigades.
        var sourced = CliRunner.Invoke("simulate", "seed-offer-ready-by-munich", "--runs", "5", "--format", "json");
        var required = CliRunner.Invoke("simulate", "seed-offer-ready-by-munich", "--runs", "5", "--as-required", "--format", "json");
        var text = CliRunner.Invoke("simulate", "seed-offer-ready-by-munich", "--runs", "5", "--as-required");

        Assert.Equal(0, required.ExitCode);
        using var s = JsonDocument.Parse(sourced.Out);
        using var r = JsonDocument.Parse(required.Out);
        Assert.Equal("sourced", s.RootElement.GetProperty("coalition_basis").GetString());
        Assert.Equal("as_required", r.RootElement.GetProperty("coalition_basis").GetString());
        Assert.Equal(0, Coalition(s.RootElement.GetProperty("balance")).GetProperty("manoeuvre_brigades").GetDouble());
        var brigades = Coalition(r.RootElement.GetProperty("balance")).GetProperty("manoeuvre_brigades").GetDouble();
        Assert.True(brigades > 0);
        Assert.Contains($"campaigns run with the requirement as if filled: {brigades:0} manoeuvre brigades", text.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void Sensitivity_SaysWhichCoalitionItRan()
    {
        var run = CliRunner.Invoke("sensitivity", Scenario, "--samples", "2", "--format", "json");

        Assert.Equal(0, run.ExitCode);
        using var json = JsonDocument.Parse(run.Out);
        Assert.Equal("sourced", json.RootElement.GetProperty("coalition_basis").GetString());
        Assert.True(json.RootElement.GetProperty("coalition").GetProperty("manoeuvre_brigades").GetDouble() > 0);
    }

    [Fact]
    public void Simulate_BadOptions_ListsEachAndExitsTwo()
    {
        var run = CliRunner.Invoke("simulate", "--runs", "0", "--threads", "0");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("--runs: expected a positive number of campaigns, found 0", run.Error, StringComparison.Ordinal);
        Assert.Contains("--threads: expected at least 1, found 0", run.Error, StringComparison.Ordinal);
    }
}
