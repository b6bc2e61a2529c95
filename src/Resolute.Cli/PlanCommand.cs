using System.CommandLine;
using System.Globalization;
using Resolute.Planning;
using Resolute.Data;
using Resolute.Domain.Diagnostics;
using Resolute.Reports;
using Spectre.Console;

namespace Resolute.Cli;

/// <summary><c>resolute plan [SCENARIO]</c>: the main job. Loads and validates the scenario and dataset, then runs the planning stages.</summary>
internal static class PlanCommand
{
    /// <summary>The wall-clock budget of a plan, in minutes: an hour, about 60 times a default plan on two cores, so only a
    /// plan far beyond the work ceilings' intent (or a stuck solver) reaches it.</summary>
    private const int DefaultTimeLimitMinutes = 60;

    /// <summary>The largest budget accepted: a week.</summary>
    private const int MaxTimeLimitMinutes = 7 * 24 * 60;

    /// <summary>Exit code of a plan stopped by its time limit (as timeout(1) exits).</summary>
    private const int TimedOut = 124;

    public static Command Create()
    {
        var scenario = new Argument<string?>("SCENARIO")
        {
            Description = $"A scenario file, or the id of a bundled scenario (default: {Bundled.DefaultScenario}).",
            Arity = ArgumentArity.ZeroOrOne,
        };
        var outDir = new Option<string?>("--out") { Description = "Directory for briefing.html, briefing.md and result.json (default: ./resolute-out/<scenario>-<UTC timestamp>/)." };
        var format = new Option<string>("--format") { Description = "text or json (on standard output).", DefaultValueFactory = _ => "text" };
        format.AcceptOnlyFromAmong("text", "json");
        var runs = new Option<int?>("--runs") { Description = "Campaigns per Monte Carlo ensemble (default: the scenario's simulation.runs)." };
        var threads = new Option<int>("--threads") { Description = "Worker threads for the Monte Carlo stage; results are identical for any value.", DefaultValueFactory = _ => Environment.ProcessorCount };
        var compare = new Option<string[]>("--compare")
        {
            Description = "Scenarios (files or bundled ids) whose assumptions the sourced coalition is also run under, for the balance across scenarios; 'none' for none (default: the three US paths).",
            AllowMultipleArgumentsPerToken = true,
            DefaultValueFactory = _ => [.. Planner.UsPaths],
        };
        var (tiles, attribution) = BriefingOutput.TileOptions();
        var limits = Common.LimitOptions();
        var timeLimit = new Option<int>("--time-limit")
        {
            Description = $"Stop the plan, writing nothing, when it has run this many minutes (default {DefaultTimeLimitMinutes}).",
            DefaultValueFactory = _ => DefaultTimeLimitMinutes,
        };
        var data = DataOption.Create();
        var command = new Command("plan", "Plan the force for a scenario (force generation, geography, balance, ceasefire durability) and write the briefing.")
            { scenario, outDir, format, runs, threads, compare, tiles, attribution, limits.Assignments, limits.SectorDays, timeLimit, data };
        command.SetAction((parse, ct) =>
        {
            var output = new Output(parse);
            var options = new PlanOptions(Threads: parse.GetValue(threads), Runs: parse.GetValue(runs)) { Limits = Common.Limits(parse, limits) };
            var briefing = new BriefingOptions(parse.GetValue(tiles), parse.GetValue(attribution));
            var minutes = parse.GetValue(timeLimit);
            if (minutes is < 1 or > MaxTimeLimitMinutes)
                return Task.FromResult(output.Report([Diagnostic.Setting("--time-limit", Messages.OutOfRange($"1 to {MaxTimeLimitMinutes} minutes", minutes))]));
            if (briefing.Validate() is { Count: > 0 } invalid) return Task.FromResult(output.Report(invalid));
            var loaded = DatasetLoader.Load(Bundled.DataDirectory(parse.GetValue(data)));
            if (loaded.Value is not { } dataset) return Task.FromResult(output.Report(loaded.Diagnostics));
            var request = new PlanRequest(
                new ScenarioInput(Bundled.ResolveScenario(parse.GetValue(scenario))),
                [.. (parse.GetValue(compare) ?? []).Where(id => id != "none").Select(id => new ScenarioInput(Bundled.ResolveScenario(id)))],
                options);
            // The briefing's directory is checked with the scenarios, not after minutes of planning (for the default one, its
            // parent: the name needs the result), and every problem is reported at once.
            var chosen = parse.GetValue(outDir);
            var unwritable = BriefingOutput.CheckWritable(chosen ?? "resolute-out");
            if (unwritable is not null) output.Error.WriteLine($"--out: cannot write to '{chosen ?? "resolute-out"}': {unwritable}");
            var (plan, problems) = PlanJob.Check(dataset, request);
            if (output.Report(problems) != 0 || plan is null || unwritable is not null) return Task.FromResult(ResoluteCli.InputError);

            PlanResult result;
            using var budget = CancellationTokenSource.CreateLinkedTokenSource(ct);
            budget.CancelAfter(TimeSpan.FromMinutes(minutes));
            try
            {
                result = RunWithProgress(output, progress => plan.Run(TimeProvider.System.GetUtcNow(), progress, budget.Token));
            }
            catch (OperationCanceledException) when (!ct.IsCancellationRequested)
            {
                output.Error.WriteLine($"Stopped: the plan ran past its time limit of {minutes} minutes (--time-limit); nothing written.");
                return Task.FromResult(TimedOut);
            }
            catch (OperationCanceledException)
            {
                output.Error.WriteLine("Stopped: nothing written.");
                return Task.FromResult(130);
            }
            var dir = chosen ?? Path.Combine("resolute-out", Briefing.DirectoryName(result));
            var files = BriefingOutput.Render(output, result, briefing);
            if (parse.GetValue(format) == "json") output.Out.WriteLine(files.Json);
            else Render(output.Console, result);
            return Task.FromResult(BriefingOutput.Write(output, dir, files));
        });
        return command;
    }

    /// <summary>
    /// Shows the planner's progress: a bar with the current stage on an interactive console, otherwise one line per stage on
    /// standard error (standard output stays the result alone, so <c>--format json</c> can be piped).
    /// </summary>
    private static PlanResult RunWithProgress(Output output, Func<IProgress<PlanProgress>, PlanResult> work)
    {
        if (!output.Console.Profile.Capabilities.Interactive) return work(new StageLines(output.Error));
        PlanResult result = null!;
        output.Console.Progress().AutoClear(true).Start(ctx =>
        {
            var task = ctx.AddTask("planning", maxValue: 1);
            result = work(new Bar(task));
            task.Value = 1;
        });
        return result;
    }

    private sealed class Bar(ProgressTask task) : IProgress<PlanProgress>
    {
        public void Report(PlanProgress value)
        {
            task.Description = Markup.Escape(value.Stage);
            task.Value = Math.Max(task.Value, value.Done);
        }
    }

    /// <summary>Writes a line when the stage changes (not for every campaign count).</summary>
    private sealed class StageLines(TextWriter error) : IProgress<PlanProgress>
    {
        private readonly Lock _gate = new();
        private string? _stage;

        public void Report(PlanProgress value)
        {
            var stage = value.Stage.Split(':')[0];
            lock (_gate)
            {
                if (stage == _stage || stage == "done") return;
                _stage = stage;
                error.WriteLine(value.Stage.Contains(" of ", StringComparison.Ordinal) ? stage + "…" : value.Stage + "…");
            }
        }
    }

    private static void Render(IAnsiConsole console, PlanResult s)
    {
        console.Write(new Rule($"[bold]{Markup.Escape(s.Scenario.Name)}[/]").LeftJustified());
        var info = new Grid().AddColumn().AddColumn();
        void Row(string k, string v) => info.AddRow(new Text(k, new Style(decoration: Decoration.Bold)), new Text(v));
        Row("Scenario", $"{s.Scenario.Id} ({s.Provenance.ScenarioHash})");
        Row("Stances as of", s.Scenario.StanceDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        if (s.Scenario.OfferDate is { } offer) Row("Offer tabled", offer.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        if (s.Scenario.ReadinessDeadline is { } deadline) Row("Ready by", deadline.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        Row("Ceasefire", s.Scenario.Ceasefire ? "yes" : "no");
        Row("Rules", string.Join("\n", s.Rules));
        Row("Dataset", $"{s.Provenance.DatasetVersion}: {s.Dataset.Nations} nations, {s.Dataset.Units} units ({s.Dataset.UnitNations} nations), " +
            $"{s.Dataset.EquipmentTypes} equipment types, {s.Dataset.Cities} cities, {s.Dataset.Threats} threats, {s.Dataset.Sources} sources");
        Row("Seed", s.Provenance.Seed.ToString(CultureInfo.InvariantCulture));
        console.Write(info);

        var req = new Table().Title("Requirement").Border(TableBorder.Simple).AddColumns("element", "slots", "unit kinds", "types", "candidate units");
        foreach (var e in s.Requirement) req.AddRow(Markup.Escape(e.Role), e.Slots.ToString(CultureInfo.InvariantCulture), Markup.Escape(string.Join(", ", e.Kinds)),
            Markup.Escape(e.Types.Count == 0 ? "any" : string.Join(", ", e.Types)), e.CandidateUnits.ToString(CultureInfo.InvariantCulture));
        console.Write(req);

        if (s.StancePolicies is { } policies) SustainmentView.RenderStances(console, policies, s.Scenario.StanceDate);
        else
        {
            var st = new Table().Title($"Stances on {s.Scenario.StanceDate:yyyy-MM-dd}").Border(TableBorder.Simple).AddColumns("stance", "nations");
            foreach (var (level, nations) in s.Stances) st.AddRow(Markup.Escape(level), Markup.Escape(string.Join(" ", nations)));
            console.Write(st);
        }

        var a = new Table().Title("Assumptions").Border(TableBorder.Simple).AddColumns("id", "value", "unit", "distribution", "reference");
        foreach (var x in s.Assumptions) a.AddRow(Markup.Escape(x.Id), x.Value.ToString("0.###", CultureInfo.InvariantCulture), Markup.Escape(x.Unit), Markup.Escape(x.Distribution), Markup.Escape(x.Reference));
        console.Write(a);

        foreach (var (stage, status) in s.Stages) console.MarkupLine($"[bold]{Markup.Escape(stage)}[/]: {Markup.Escape(status.ToString())}");

        // Each stage's section, by its engineers' renderers.
        if (s.ForceGeneration is { } plan)
        {
            ForcePlanView.Render(console, plan);
            if (plan.Deployment is { } deployment) DeploymentView.Render(console, deployment);
        }
        else NotComputed(console, s, PlanResult.ForceGenerationStage);
        if (s.Sustainment is { } sustainment) SustainmentView.Render(console, sustainment);
        else NotComputed(console, s, PlanResult.SustainmentStage);
        if (s.Geography is { } geo) GeographyView.Render(console, geo.Result);
        else NotComputed(console, s, PlanResult.GeographyStage);
        if (s.Balance is { } balance)
        {
            BalanceView.Render(console, balance.Result);
            console.WriteLine($"Coalition in the campaign: {balance.Coalition}");
            BalanceView.RenderTornado(console, balance.Tornado, 10);
            BalanceView.RenderSobol(console, balance.Sobol, 10);
        }
        else NotComputed(console, s, PlanResult.BalanceStage);
        if (s.Durability is { } durability) DurabilityView.Render(console, durability);
        else NotComputed(console, s, PlanResult.DurabilityStage);

        // Last, where the eye lands after the tables: the briefing's bottom line, the same words as briefing.html.
        console.Write(new Rule("[bold]Bottom line[/]").LeftJustified());
        foreach (var line in Briefing.BottomLine(s)) console.WriteLine("• " + line);
    }

    private static void NotComputed(IAnsiConsole console, PlanResult s, string stage)
    {
        console.Write(new Rule($"[bold]{Markup.Escape(char.ToUpperInvariant(stage[0]) + stage[1..])}[/]").LeftJustified());
        console.WriteLine((s.Stages.TryGetValue(stage, out var status) ? status : StageStatus.Pending).ToString());
    }
}
