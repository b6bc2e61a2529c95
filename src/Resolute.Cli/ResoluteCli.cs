using System.CommandLine;

namespace Resolute.Cli;

/// <summary>The <c>resolute</c> command line: composes the library stages, reads and writes files, prints results.</summary>
internal static class ResoluteCli
{
    /// <summary>Exit code for invalid input (bad files, bad options).</summary>
    public const int InputError = 2;

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
