using System.CommandLine;
using Resolute.Data;
using Resolute.Domain;
using Resolute.Geo;
using Resolute.Sourcing;

namespace Resolute.Cli;

/// <summary>
/// <c>resolute geo [SCENARIO] --out DIR [--data DIR]</c>: the geography stage on the force generation's plan (the same
/// units <c>plan</c> places). Writes <c>geography.geojson</c> (WGS 84) and prints a summary.
/// </summary>
internal static class GeoCommand
{
    public const string FileName = "geography.geojson";

    public static Command Create()
    {
        var scenario = new Argument<string?>("SCENARIO")
        {
            Description = $"A scenario file, or the id of a bundled scenario (default: {Bundled.DefaultScenario}).",
            Arity = ArgumentArity.ZeroOrOne,
        };
        var outDir = new Option<string>("--out") { Description = $"Directory for {FileName}.", Required = true };
        var data = DataOption.Create();
        var command = new Command("geo", "Deployment areas, unit positions and air-defence coverage for a scenario, written as GeoJSON.") { scenario, outDir, data };
        command.SetAction((parse, ct) =>
        {
            var output = new Output(parse);
            var loaded = DatasetLoader.Load(Bundled.DataDirectory(parse.GetValue(data)));
            if (loaded.Value is not { } dataset) return Task.FromResult(output.Report(loaded.Diagnostics));
            var s = ScenarioFile.Load(Bundled.ResolveScenario(parse.GetValue(scenario)), dataset);
            if (s.Value is not { } sc) return Task.FromResult(output.Report(s.Diagnostics));

            // The units force generation picks, as plan does; a scenario without a requirement places none.
            var plan = Slots.Of(sc).Count == 0 ? null : ForceGenerator.Solve(dataset, sc, SolveOptions.Default, null, ct);
            var units = dataset.Units.ToDictionary(u => u.Id, StringComparer.Ordinal);
            var force = plan?.Assignments.Select(a => units[a.Unit]).ToArray() ?? [];
            var formations = plan?.Assignments.Where(a => a.Formation is not null).DistinctBy(a => a.Unit)
                .ToDictionary(a => a.Unit, a => a.Formation!, StringComparer.Ordinal);
            var result = Geography.Plan(dataset, sc, force, formations: formations);
            var dir = parse.GetValue(outDir)!;
            if (!ResultFiles.TryWrite(dir, FileName, GeoJson.Write(result), out var error))
            {
                output.Error.WriteLine($"--out: cannot write to '{dir}': {error}");
                return Task.FromResult(ResoluteCli.InputError);
            }
            output.Out.WriteLine(plan is null
                ? $"Scenario {sc.Id}; force: none (the scenario has no requirement)."
                : $"Scenario {sc.Id}; force: force generation's plan, {force.Length} units in {plan.Fill.FilledSlots} of {plan.Fill.Slots} slots ({(plan.Solver.Stopped ? "stopped early, not proven optimal" : plan.Solver.Status.ToString().ToLowerInvariant())}).");
            GeographyView.Render(output.Console, result);
            output.Error.WriteLine($"Wrote {Path.GetFullPath(Path.Combine(dir, FileName))}");
            return Task.FromResult(0);
        });
        return command;
    }
}
