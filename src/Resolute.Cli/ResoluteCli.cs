using System.CommandLine;

namespace Resolute.Cli;

/// <summary>The <c>resolute</c> command line: composes the library stages, reads and writes files, prints results.</summary>
internal static class ResoluteCli
{
    /// <summary>Exit code for invalid input (bad files, bad options).</summary>
    public const int InputError = 2;

    /// <summary>
    /// Parses and runs a command line. A command line that does not parse exits <see cref="InputError"/> with every
    /// problem in words on standard error (never System.CommandLine's own exit code 1 and type names).
    /// </summary>
    public static int Run(IReadOnlyList<string> args, InvocationConfiguration? configuration = null)
    {
        configuration ??= new InvocationConfiguration();
        var parse = Build().Parse(args);
        if (ParseErrors.Describe(parse) is { Count: > 0 } errors)
        {
            var error = configuration.Error;
            foreach (var e in errors) error.WriteLine(e);
            return InputError;
        }
        return parse.Invoke(configuration);
    }

    public static RootCommand Build()
    {
        var root = new RootCommand(
            "Resolute: plan and judge a multinational deterrent force for Ukraine — who can field it, where it stands, what it changes, who carries the burden.")
        {
            PlanCommand.Create(),
            ValidateCommand.Create(),
            DataCommand.Create(),
            FitCommand.Create(),
            SimulateCommand.Create(),
            SensitivityCommand.Create(),
            GeoCommand.Create(),
            SourceCommand.Create(),
            ReportCommand.Create(),
            SurvivalCommand.Create(),
        };
        return root;
    }
}
