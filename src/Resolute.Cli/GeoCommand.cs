using System.CommandLine;
using Resolute.Data;
using Resolute.Geo;

namespace Resolute.Cli;

/// <summary>
/// <c>resolute geo [SCENARIO] --out DIR [--data DIR]</c>: the geography stage alone. Writes
/// <c>geography.geojson</c> (WGS 84) and prints a summary.
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
        command.SetAction(parse =>
        {
            var output = new Output(parse);
            var loaded = DatasetLoader.Load(Bundled.DataDirectory(parse.GetValue(data)));
            if (loaded.Value is not { } dataset) return output.Report(loaded.Diagnostics);
            var s = ScenarioFile.Load(Bundled.ResolveScenario(parse.GetValue(scenario)), dataset);
            if (s.Value is not { } sc) return output.Report(s.Diagnostics);

            // Until force generation is wired in here, the force is the provisional first-eligible-unit package.
            var force = ProvisionalForce.FirstEligible(dataset, sc);
            var result = Geography.Plan(dataset, sc, force);
            var dir = parse.GetValue(outDir)!;
            if (!ResultFiles.TryWrite(dir, FileName, GeoJson.Write(result), out var error))
            {
                output.Error.WriteLine($"--out: cannot write to '{dir}': {error}");
                return ResoluteCli.InputError;
            }
            output.Out.WriteLine($"Scenario {sc.Id}; force: provisional stand-in of {force.Count} units (first eligible unit per slot, no burden-sharing rules).");
            GeographyView.Render(output.Console, result);
            output.Error.WriteLine($"Wrote {Path.GetFullPath(Path.Combine(dir, FileName))}");
            return 0;
        });
        return command;
    }
}
