using System.CommandLine;

namespace Resolute.Cli.Tests;

/// <summary>Runs the <c>resolute</c> command line in-process, capturing what it writes.</summary>
internal static class CliRunner
{
    public sealed record Run(int ExitCode, string Out, string Error);

    public static Run Invoke(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var code = ResoluteCli.Run(args, new InvocationConfiguration { Output = output, Error = error });
        return new Run(code, output.ToString(), error.ToString());
    }

    public static string TempDir() => Directory.CreateTempSubdirectory("resolute-cli-").FullName;
}
