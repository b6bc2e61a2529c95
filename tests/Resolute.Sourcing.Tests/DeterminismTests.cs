using System.Text.Json;
using System.Text.Json.Serialization;
using FsCheck;
using FsCheck.Fluent;

namespace Resolute.Sourcing.Tests;

public sealed class DeterminismTests
{
    private static readonly JsonSerializerOptions Json = new() { Converters = { new JsonStringEnumConverter() } };

    /// <summary>The plan without the fields that name the worker count.</summary>
    private static string Fingerprint(ForcePlan p) => JsonSerializer.Serialize(p with { Solver = p.Solver with { Workers = 0, Parameters = "", DeterministicTime = 0 } }, Json);

    [Fact]
    public void Solve_OneAndTwoWorkers_GiveIdenticalPlans()
    {
        // A dozen random instances from a fixed FsCheck seed, each solved with one and with two workers.
        var instances = PropertyTests.Instances().Sample(12, new Rnd(20250210UL), 30);
        Assert.Equal(12, instances.Length);
        foreach (var (d, s) in instances)
        {
            var one = ForceGenerator.Solve(d, s, new SolveOptions(Workers: 1, MaxDeterministicTime: 5));
            var two = ForceGenerator.Solve(d, s, new SolveOptions(Workers: 2, MaxDeterministicTime: 5));
            Assert.Equal(Fingerprint(one), Fingerprint(two));
        }
    }

    [Fact]
    public void Solve_SameInputsTwice_GiveIdenticalPlans()
    {
        var (d, s) = PropertyTests.Instances().Sample(1, new Rnd(7UL), 40)[0];

        var first = ForceGenerator.Solve(d, s);
        var second = ForceGenerator.Solve(d, s);

        Assert.Equal(JsonSerializer.Serialize(first, Json), JsonSerializer.Serialize(second, Json));
    }

    [Fact]
    public void Solve_SeedScenarioBudgetExhausted_SamePlanEveryRun()
    {
        // The search stops on its deterministic-time budget before proving optimality, where a wall-time limit would give
        // a different plan on each run. (Across worker counts plans agree only once the search completes: CP-SAT's
        // interleaved portfolio has as many subsolvers as workers.)
        var (d, s) = Build.Bundled();
        var v = WhatIf.Apply(d, s, ["readiness=60"]).Value!;
        var options = new SolveOptions(Workers: 2, MaxDeterministicTime: 1, Explain: false);

        var first = ForceGenerator.Solve(v.Dataset, v.Scenario, options);
        var second = ForceGenerator.Solve(v.Dataset, v.Scenario, options);

        Assert.False(first.Solver.ProvenOptimal);
        Assert.Equal(JsonSerializer.Serialize(first, Json), JsonSerializer.Serialize(second, Json));
    }
}
