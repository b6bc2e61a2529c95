using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using Resolute.Balance;
using Resolute.Data;
using Resolute.Domain;
using Resolute.Domain.Diagnostics;
using Resolute.Planning;
using Spectre.Console;

namespace Resolute.Cli;

/// <summary>
/// <c>resolute simulate [SCENARIO] --runs N --seed S [--threads T] [--law L] [--all] [--as-required] [--format text|json]</c>:
/// Monte Carlo campaigns with and without the coalition that force generation sources for the scenario (as <c>plan</c> runs
/// them), or with the requirement as if filled. JSON output depends only on inputs and seed (never on threads or timing).
/// </summary>
internal static class SimulateCommand
{
    /// <summary>JSON options of the balance results: the CLI's, with ∞ written as "Infinity" (cost per km² when nothing is gained).</summary>
    internal static readonly JsonSerializerOptions Json = new(Output.Json) { NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals };

    public static Command Create()
    {
        var scenario = new Argument<string?>("SCENARIO")
        {
            Description = $"A scenario file, or the id of a bundled scenario (default: {Bundled.DefaultScenario}).",
            Arity = ArgumentArity.ZeroOrOne,
        };
        var runs = new Option<int?>("--runs") { Description = "Campaigns in the ensemble (default: the scenario's simulation.runs)." };
        var seed = new Option<ulong?>("--seed") { Description = "Master seed (default: the scenario's seed). Run i uses a key derived from the seed and i." };
        var threads = new Option<int>("--threads") { Description = "Worker threads; results are identical for any value.", DefaultValueFactory = _ => Environment.ProcessorCount };
        var law = Common.LawOption();
        var all = new Option<bool>("--all") { Description = "Simulate every bundled scenario and print them side by side." };
        var asRequired = Common.AsRequiredOption();
        var format = Common.FormatOption();
        var limits = Common.LimitOptions();
        var data = DataOption.Create();
        var command = new Command("simulate", "Monte Carlo campaigns for a scenario, with and without the coalition force that force generation sources for it (as plan runs them; --as-required: the requirement as if filled).")
            { scenario, runs, seed, threads, law, all, asRequired, format, limits.Assignments, limits.SectorDays, data };
        command.SetAction(parse =>
        {
            var output = new Output(parse);
            var n = parse.GetValue(runs);
            var t = parse.GetValue(threads);
            var invalid = new List<Diagnostic>();
            if (n is < 1) invalid.Add(Diagnostic.Setting("--runs", Messages.OutOfRange("a positive number of campaigns", n.Value)));
            if (t < 1) invalid.Add(Diagnostic.Setting("--threads", Messages.OutOfRange("at least 1", t)));
            var ceilings = Common.Limits(parse, limits);
            invalid.AddRange(ceilings.Validate());
            if (invalid.Count > 0) return output.Report(invalid);

            var loaded = DatasetLoader.Load(Bundled.DataDirectory(parse.GetValue(data)));
            if (loaded.Value is not { } dataset) return output.Report(loaded.Diagnostics);
            var paths = parse.GetValue(all) ? Bundled.Scenarios().ToList() : [Bundled.ResolveScenario(parse.GetValue(scenario))];
            var inputs = new List<(Scenario Scenario, CampaignAssumptions Assumptions)>();
            var problems = new List<Diagnostic>();
            foreach (var path in paths)
            {
                var s = ScenarioFile.Load(path, dataset);
                problems.AddRange(s.Diagnostics);
                if (s.Value is not { } sc) continue;
                var (a, unresolved) = CampaignAssumptions.From(sc);
                problems.AddRange(unresolved);
                if (a is not null) inputs.Add((sc, a));
            }
            // The work of every scenario together, refused above the ceilings before any campaign runs.
            var work = inputs.Aggregate(WorkEstimate.None, (w, x) =>
                w + (parse.GetValue(asRequired) ? WorkEstimate.None : WorkEstimate.Sourcing(dataset, x.Scenario)) + WorkEstimate.Campaign(2L * (n ?? x.Scenario.Simulation.Runs), x.Scenario));
            problems.AddRange(work.Check(ceilings, paths.Count == 1 ? paths[0] : "simulate"));
            if (output.Report(problems) != 0) return ResoluteCli.InputError;

            using var cancel = new CancellationTokenSource();
            ConsoleCancelEventHandler onCancel = (_, e) => { e.Cancel = true; cancel.Cancel(); };
            Console.CancelKeyPress += onCancel;
            try
            {
                var results = new List<BalanceResult>();
                var coalitions = new List<CampaignCoalition>();
                var clock = Stopwatch.StartNew();
                long sectorDays = 0;
                foreach (var (sc, a) in inputs)
                {
                    var coalition = Coalition.ForCampaign(dataset, sc, parse.GetValue(asRequired), cancellationToken: cancel.Token);
                    coalitions.Add(coalition);
                    var settings = CampaignSettings.From(sc, Common.Law(parse.GetValue(law))) with { Coalition = coalition.Input };
                    var count = n ?? sc.Simulation.Runs;
                    var masterSeed = parse.GetValue(seed) ?? sc.Seed;
                    var result = Common.WithProgress(output, $"{sc.Id}: {count:N0} campaigns × 2", count * 2, progress =>
                    {
                        var done = 0;
                        var options = new EnsembleOptions(t) { Cancellation = cancel.Token, Progress = k => progress(done + k) };
                        var with = MonteCarlo.Run(a, settings, count, masterSeed, options);
                        done = count;
                        var without = MonteCarlo.Run(a, settings with { Coalition = CoalitionInput.None }, count, masterSeed, options);
                        return BalanceAnalysis.Assemble(sc.Id, a, settings, with, without);
                    });
                    sectorDays += 2L * result.WithCoalition.Completed * settings.Days * settings.Sectors;
                    results.Add(result);
                    if (cancel.IsCancellationRequested) break;
                }
                var seconds = clock.Elapsed.TotalSeconds;

                if (parse.GetValue(format) == "json")
                {
                    object payload = results.Count == 1 && !parse.GetValue(all)
                        ? new { partial = results[0].WithCoalition.Partial, dataset_version = dataset.Version, scenario_hash = ScenarioFile.Hash(inputs[0].Scenario), coalition_basis = coalitions[0].Basis, balance = results[0] }
                        : new { partial = results.Any(r => r.WithCoalition.Partial), dataset_version = dataset.Version, coalition_basis = coalitions[0].Basis, scenarios = results };
                    output.Out.WriteLine(JsonSerializer.Serialize(payload, Json));
                }
                else if (results.Count == 1 && !parse.GetValue(all))
                {
                    Common.WriteCoalition(output, results[0].ScenarioId, coalitions[0]);
                    BalanceView.Render(output.Console, results[0]);
                }
                else
                {
                    for (var i = 0; i < results.Count; i++) Common.WriteCoalition(output, results[i].ScenarioId, coalitions[i]);
                    BalanceView.RenderComparison(output.Console, results);
                }
                output.Error.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"{sectorDays:N0} sector-days in {seconds:0.00} s ({sectorDays / Math.Max(seconds, 1e-9):0.00e+0} sector-days/s, {t} threads){(cancel.IsCancellationRequested ? "; stopped early: results are PARTIAL" : "")}"));
                return cancel.IsCancellationRequested ? 130 : 0;
            }
            finally
            {
                Console.CancelKeyPress -= onCancel;
            }
        });
        return command;
    }
}

/// <summary>Options and helpers shared by <c>simulate</c> and <c>sensitivity</c>.</summary>
internal static class Common
{
    /// <summary>The work ceilings (<see cref="WorkLimits.Default"/> unless raised), for commands that plan or simulate.</summary>
    public static (Option<long> Assignments, Option<long> SectorDays) LimitOptions() => (
        new Option<long>("--max-assignments")
        {
            Description = $"Refuse force generation above this many slot × candidate-unit pairs (default {WorkLimits.Default.MaxAssignments:#,0}).",
            DefaultValueFactory = _ => WorkLimits.Default.MaxAssignments,
        },
        new Option<long>("--max-sector-days")
        {
            Description = $"Refuse campaigns above this many sector-days in all, days × sectors × campaigns (default {WorkLimits.Default.MaxSectorDays:#,0}).",
            DefaultValueFactory = _ => WorkLimits.Default.MaxSectorDays,
        });

    /// <summary>The ceilings given on the command line.</summary>
    public static WorkLimits Limits(ParseResult parse, (Option<long> Assignments, Option<long> SectorDays) options) =>
        WorkLimits.Default with { MaxAssignments = parse.GetValue(options.Assignments), MaxSectorDays = parse.GetValue(options.SectorDays) };

    public static Option<string> FormatOption()
    {
        var format = new Option<string>("--format") { Description = "text or json (on standard output).", DefaultValueFactory = _ => "text" };
        format.AcceptOnlyFromAmong("text", "json");
        return format;
    }

    public static Option<string> LawOption()
    {
        var law = new Option<string>("--law") { Description = "Attrition law: square, linear, log or helmbold (calibrated to match the square law on day 1).", DefaultValueFactory = _ => "square" };
        law.AcceptOnlyFromAmong("square", "linear", "log", "helmbold");
        return law;
    }

    public static LanchesterLaw Law(string? code) => code switch
    {
        "linear" => LanchesterLaw.Linear,
        "log" => LanchesterLaw.Logarithmic,
        "helmbold" => LanchesterLaw.Helmbold,
        _ => LanchesterLaw.Square,
    };

    public static Option<bool> AsRequiredOption() => new("--as-required")
    {
        Description = "Run the campaigns with the requirement as if every slot were filled, instead of the force that force generation sources for the scenario.",
    };

    /// <summary>The text output's line saying which coalition the campaigns ran with.</summary>
    public static void WriteCoalition(Output output, string scenarioId, CampaignCoalition coalition) =>
        output.Console.WriteLine($"{scenarioId}: campaigns run with {coalition.Description}", new Style(decoration: Decoration.Bold));

    /// <summary>Runs <paramref name="work"/> under one Spectre progress bar when the console is interactive; plainly otherwise.</summary>
    public static T WithProgress<T>(Output output, string label, int total, Func<Action<int>, T> work)
    {
        if (!output.Console.Profile.Capabilities.Interactive || total < 20_000) return work(_ => { });
        T result = default!;
        output.Console.Progress().AutoClear(true).Start(ctx =>
        {
            var task = ctx.AddTask(Markup.Escape(label), maxValue: total);
            result = work(done => task.Value = done);
            task.Value = total;
        });
        return result;
    }
}
