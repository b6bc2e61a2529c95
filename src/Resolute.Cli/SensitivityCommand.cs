using System.CommandLine;
using System.Text.Json;
using Resolute.Balance;
using Resolute.Data;
using Resolute.Domain.Diagnostics;
using Resolute.Planning;

namespace Resolute.Cli;

/// <summary>
/// <c>resolute sensitivity [SCENARIO] --method tornado|sobol --samples N [--seed S] [--threads T] [--format text|json]</c>:
/// which assumption decides the answer, with the coalition force generation sources for the scenario (or, with
/// <c>--as-required</c>, the requirement as if filled). Tornado: N campaigns per point; Sobol: N base samples, N·(D+2) campaigns.
/// </summary>
internal static class SensitivityCommand
{
    public static Command Create()
    {
        var scenario = new Argument<string?>("SCENARIO")
        {
            Description = $"A scenario file, or the id of a bundled scenario (default: {Bundled.DefaultScenario}).",
            Arity = ArgumentArity.ZeroOrOne,
        };
        var method = new Option<string>("--method") { Description = "tornado (one at a time, P10/P90) or sobol (Saltelli design, S1 and ST).", DefaultValueFactory = _ => "tornado" };
        method.AcceptOnlyFromAmong("tornado", "sobol");
        var samples = new Option<int?>("--samples") { Description = "Tornado: campaigns per point (default 200). Sobol: base samples N (default 512; runs = N·(D+2))." };
        var seed = new Option<ulong?>("--seed") { Description = "Master seed (default: the scenario's seed)." };
        var threads = new Option<int>("--threads") { Description = "Worker threads; results are identical for any value.", DefaultValueFactory = _ => Environment.ProcessorCount };
        var top = new Option<int>("--top") { Description = "Rows shown per output in text format.", DefaultValueFactory = _ => 12 };
        var law = Common.LawOption();
        var asRequired = Common.AsRequiredOption();
        var format = Common.FormatOption();
        var limits = Common.LimitOptions();
        var data = DataOption.Create();
        var command = new Command("sensitivity", "Which assumption drives the campaign outcome: tornado or Sobol indices (with the coalition force generation sources for the scenario, as plan runs it; --as-required: the requirement as if filled).")
            { scenario, method, samples, seed, threads, top, law, asRequired, format, limits.Assignments, limits.SectorDays, data };
        command.SetAction(parse =>
        {
            var output = new Output(parse);
            var n = parse.GetValue(samples);
            var t = parse.GetValue(threads);
            var invalid = new List<Diagnostic>();
            if (n is < 2) invalid.Add(Diagnostic.Setting("--samples", Messages.OutOfRange("at least 2", n.Value)));
            if (t < 1) invalid.Add(Diagnostic.Setting("--threads", Messages.OutOfRange("at least 1", t)));
            var ceilings = Common.Limits(parse, limits);
            invalid.AddRange(ceilings.Validate());
            if (invalid.Count > 0) return output.Report(invalid);

            var loaded = DatasetLoader.Load(Bundled.DataDirectory(parse.GetValue(data)));
            if (loaded.Value is not { } dataset) return output.Report(loaded.Diagnostics);
            var path = Bundled.ResolveScenario(parse.GetValue(scenario));
            var s = ScenarioFile.Load(path, dataset);
            if (s.Value is not { } sc) return output.Report(s.Diagnostics);
            var (a, problems) = CampaignAssumptions.From(sc);
            if (a is null) return output.Report(problems);

            var isSobol = parse.GetValue(method) == "sobol";
            var size = n ?? (isSobol ? 512 : 200);
            var uncertain = CampaignAssumptions.Parameters.Count(p => a[p].Distribution.Kind != Domain.DistributionKind.Fixed);
            var runs = isSobol ? (long)size * (uncertain + 2) : (long)size * (1 + (2 * CampaignAssumptions.Count));
            // The design's size is known before force generation or any campaign runs: refused above the ceilings.
            var work = (parse.GetValue(asRequired) ? WorkEstimate.None : WorkEstimate.Sourcing(dataset, sc)) + WorkEstimate.Campaign(runs, sc);
            if (work.Check(ceilings, path) is { Count: > 0 } tooLarge) return output.Report(tooLarge);
            var total = (int)runs;

            using var cancel = new CancellationTokenSource();
            var coalition = Planning.Coalition.ForCampaign(dataset, sc, parse.GetValue(asRequired), cancellationToken: cancel.Token);
            var settings = CampaignSettings.From(sc, Common.Law(parse.GetValue(law))) with { Coalition = coalition.Input };
            var masterSeed = parse.GetValue(seed) ?? sc.Seed;
            ConsoleCancelEventHandler onCancel = (_, e) => { e.Cancel = true; cancel.Cancel(); };
            Console.CancelKeyPress += onCancel;
            try
            {
                object result = Common.WithProgress<object>(output, $"{sc.Id}: {parse.GetValue(method)}, {total:N0} campaigns", total, progress =>
                {
                    var options = new EnsembleOptions(t, Bands: false) { Cancellation = cancel.Token, Progress = progress };
                    return isSobol ? Sensitivity.Sobol(a, settings, size, masterSeed, options) : Sensitivity.Tornado(a, settings, size, masterSeed, options);
                });
                if (cancel.IsCancellationRequested)
                {
                    // A design with missing rows gives meaningless indices, so nothing partial is printed.
                    output.Error.WriteLine("Stopped early: the sensitivity design is incomplete, no indices reported.");
                    return 130;
                }
                if (parse.GetValue(format) == "json")
                {
                    output.Out.WriteLine(JsonSerializer.Serialize(new { scenario = sc.Id, coalition_basis = coalition.Basis, coalition = coalition.Input, method = parse.GetValue(method), seed = masterSeed, runs = total, results = result }, SimulateCommand.Json));
                }
                else if (result is IReadOnlyList<SobolResult> sobol)
                {
                    Common.WriteCoalition(output, sc.Id, coalition);
                    BalanceView.RenderSobol(output.Console, sobol, parse.GetValue(top));
                }
                else
                {
                    Common.WriteCoalition(output, sc.Id, coalition);
                    BalanceView.RenderTornado(output.Console, (IReadOnlyList<TornadoResult>)result, parse.GetValue(top));
                }
                return 0;
            }
            finally
            {
                Console.CancelKeyPress -= onCancel;
            }
        });
        return command;
    }
}
