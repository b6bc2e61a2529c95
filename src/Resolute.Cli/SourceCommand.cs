using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Resolute.Data;
using Resolute.Planning;
using Resolute.Sourcing;

namespace Resolute.Cli;

/// <summary>
/// <c>resolute source [SCENARIO] --what-if DEU=not_ruled_out --what-if share=0.75</c>: force generation alone, the base plan
/// and, with what-ifs, the variant beside it. Progress goes to standard error; Ctrl-C stops the search and prints the best
/// plan found, labelled not proven optimal.
/// </summary>
internal static class SourceCommand
{
    public static Command Create()
    {
        var scenario = new Argument<string?>("SCENARIO")
        {
            Description = $"A scenario file, or the id of a bundled scenario (default: {Bundled.DefaultScenario}).",
            Arity = ArgumentArity.ZeroOrOne,
        };
        var whatIf = new Option<string[]>("--what-if")
        {
            Description = "A change to compare with the base plan, repeatable: NATION=stance (DEU=not_ruled_out), share=0.75, personnel_share=, equipment_share=, " +
                "deadline=YYYY-MM-DD, readiness=DAYS, floor.POL=0.25, cohesion=4, rotation=single|off|N, committed=allowed, home_defence_units=allowed, " +
                "us=off, us_kinds+=KIND, us_net_increase=allowed, ceasefire=true|false, assumption.ID=VALUE (an assumption fixed at a value).",
            AllowMultipleArgumentsPerToken = false,
        };
        var format = new Option<string>("--format") { Description = "text or json (on standard output).", DefaultValueFactory = _ => "text" };
        format.AcceptOnlyFromAmong("text", "json");
        var workers = new Option<int>("--workers") { Description = "CP-SAT workers (1-16); the plan is reproducible for a given count, and the same for any count once proven optimal.", DefaultValueFactory = _ => SolveOptions.Default.Workers };
        var budget = new Option<double>("--time") { Description = "Search budget in CP-SAT deterministic time (about seconds; reproducible, unlike wall time).", DefaultValueFactory = _ => SolveOptions.Default.MaxDeterministicTime };
        var limits = Common.LimitOptions();
        var data = DataOption.Create();
        var command = new Command("source", "Fill the requirement from the coalition's units (CP-SAT), explain shortfalls, compare what-ifs.")
            { scenario, whatIf, format, workers, budget, limits.Assignments, limits.SectorDays, data };
        command.SetAction((parse, ct) =>
        {
            var output = new Output(parse);
            var options = new SolveOptions(Workers: parse.GetValue(workers), MaxDeterministicTime: parse.GetValue(budget));
            var ceilings = Common.Limits(parse, limits);
            var invalid = options.Validate().Concat(ceilings.Validate()).ToList();
            if (invalid.Count > 0) return Task.FromResult(output.Report(invalid));
            var loaded = DatasetLoader.Load(Bundled.DataDirectory(parse.GetValue(data)));
            if (loaded.Value is not { } dataset) return Task.FromResult(output.Report(loaded.Diagnostics));
            var s = ScenarioFile.Load(Bundled.ResolveScenario(parse.GetValue(scenario)), dataset);
            if (s.Value is not { } sc) return Task.FromResult(output.Report(s.Diagnostics));
            var changes = parse.GetValue(whatIf) ?? [];
            var variant = WhatIf.Apply(dataset, sc, changes);
            if (variant.Value is not { } v) return Task.FromResult(output.Report(variant.Errors));
            var path = Bundled.ResolveScenario(parse.GetValue(scenario));
            var work = WorkEstimate.Sourcing(dataset, sc) + (changes.Length > 0 ? WorkEstimate.Sourcing(v.Dataset, v.Scenario) : WorkEstimate.None);
            if (work.Check(ceilings, path) is { Count: > 0 } tooLarge) return Task.FromResult(output.Report(tooLarge));

            var progress = new ErrorProgress(output.Error, "base");
            var basePlan = ForceGenerator.Solve(dataset, sc, options, progress, ct);
            ForcePlan? variantPlan = null;
            if (changes.Length > 0 && !ct.IsCancellationRequested)
                variantPlan = ForceGenerator.Solve(v.Dataset, v.Scenario, options, new ErrorProgress(output.Error, "variant"), ct);
            if (ct.IsCancellationRequested) output.Error.WriteLine("Stopped: printing the best plan found so far (not proven optimal).");

            if (parse.GetValue(format) == "json")
                output.Out.WriteLine(JsonSerializer.Serialize(new SourceResult(basePlan, v.Changes, variantPlan), Output.Json));
            else
            {
                ForcePlanView.Render(output.Console, basePlan);
                if (variantPlan is not null)
                {
                    ForcePlanView.RenderComparison(output.Console, basePlan, variantPlan, v.Changes);
                    ForcePlanView.Render(output.Console, variantPlan);
                }
            }
            return Task.FromResult(0);
        });
        return command;
    }

    /// <summary>The JSON document of <c>source --format json</c> (fields: docs/force-plan-json.md).</summary>
    internal sealed record SourceResult(ForcePlan Base, IReadOnlyList<string> Changes, ForcePlan? Variant);

    /// <summary>Writes each phase change and each improving solution to standard error, synchronously.</summary>
    private sealed class ErrorProgress(TextWriter error, string label) : IProgress<SolveProgress>
    {
        private readonly Lock _gate = new();
        private SolvePhase? _phase;

        public void Report(SolveProgress value)
        {
            lock (_gate)
            {
                if (value.Phase == SolvePhase.Solving && value.Objective is { } obj)
                    error.WriteLine(string.Create(CultureInfo.InvariantCulture,
                        $"[{label}] solving: solution {value.Solutions}, best {obj:0.###}{(value.Bound is { } b ? $", bound {b:0.###}" : "")}"));
                else if (value.Phase != _phase)
                    error.WriteLine($"[{label}] {value.Phase.ToString().ToLowerInvariant()}…");
                _phase = value.Phase;
            }
        }
    }
}
