using System.CommandLine;
using Resolute.Data;
using Resolute.Domain.Diagnostics;
using Resolute.Domain;

namespace Resolute.Cli;

/// <summary><c>resolute validate [PATH…]</c>: checks a dataset directory and scenario files, reporting every error at once.</summary>
internal static class ValidateCommand
{
    public static Command Create()
    {
        var paths = new Argument<string[]>("PATH")
        {
            Description = "Dataset directories and/or scenario files (.yaml) or directories of them. Default: the bundled dataset and every bundled scenario.",
            Arity = ArgumentArity.ZeroOrMore,
        };
        var data = DataOption.Create();
        var command = new Command("validate", "Validate the dataset and scenario files; exit 0 when clean, 2 with every error otherwise.") { paths, data };
        command.SetAction(parse =>
        {
            var output = new Output(parse);
            var targets = parse.GetValue(paths) is { Length: > 0 } given ? given : [Bundled.DataDirectory(parse.GetValue(data)), .. Bundled.Scenarios()];
            var diagnostics = new List<Diagnostic>();
            Dataset? dataset = null;
            var datasetDirs = targets.Where(t => Directory.Exists(t) && File.Exists(Path.Combine(t, "nations.csv"))).ToList();
            var dataDir = datasetDirs.FirstOrDefault() ?? Bundled.DataDirectory(parse.GetValue(data));
            foreach (var dir in datasetDirs.DefaultIfEmpty(dataDir))
            {
                var result = DatasetLoader.Load(dir);
                dataset ??= result.Value;
                // The loader checks the optional files (ceasefires, garrisons, crossings) with the rest when a directory holds them.
                if (datasetDirs.Contains(dir)) { diagnostics.AddRange(result.Diagnostics); Report(output, dir, "dataset", result.Diagnostics); }
            }
            var files = targets.Except(datasetDirs).SelectMany(t => Directory.Exists(t) ? Directory.EnumerateFiles(t, "*.yaml").Order(StringComparer.Ordinal) : (IEnumerable<string>)[t]).ToList();
            // A directory that is neither a dataset nor holds a scenario would pass unchecked: "ok" for nothing is an error.
            foreach (var empty in targets.Where(t => Directory.Exists(t) && !datasetDirs.Contains(t) && !Directory.EnumerateFiles(t, "*.yaml").Any()))
            {
                var nothing = Diagnostic.Setting(empty, Messages.MissingSetting("a dataset directory (with nations.csv) or scenario files (*.yaml) to validate"));
                diagnostics.Add(nothing);
                output.Out.WriteLine($"invalid directory {empty} (nothing to validate)");
            }
            foreach (var file in files)
            {
                var result = ScenarioFile.Load(file, dataset);
                diagnostics.AddRange(result.Diagnostics);
                Report(output, file, "scenario", result.Diagnostics);
            }
            return output.Report(diagnostics);
        });
        return command;
    }

    private static void Report(Output output, string path, string what, IReadOnlyList<Diagnostic> diagnostics)
    {
        var errors = diagnostics.Count(d => d.Severity == Severity.Error);
        output.Out.WriteLine(errors == 0 ? $"ok      {what} {path}" : $"invalid {what} {path} ({errors} error{(errors == 1 ? "" : "s")})");
    }
}

/// <summary>The shared <c>--data</c> option.</summary>
internal static class DataOption
{
    public static Option<string?> Create() => new("--data")
    {
        Description = "Dataset directory (default: the bundled dataset, or $RESOLUTE_DATA).",
    };
}
