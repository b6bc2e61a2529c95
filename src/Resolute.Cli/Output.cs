using System.CommandLine;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using Resolute.Domain.Diagnostics;
using Spectre.Console;

namespace Resolute.Cli;

/// <summary>Where a command writes: the invocation's output and error writers, and a Spectre console over the output.</summary>
internal sealed class Output
{
    public TextWriter Out { get; }
    public TextWriter Error { get; }
    public IAnsiConsole Console { get; }

    public Output(ParseResult parse)
    {
        Out = parse.InvocationConfiguration.Output;
        Error = parse.InvocationConfiguration.Error;
        // Colour only on a real terminal; redirected output and tests get plain text.
        var interactive = ReferenceEquals(Out, System.Console.Out) && !System.Console.IsOutputRedirected && Environment.GetEnvironmentVariable("CI") is null;
        Console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(Out),
            Ansi = interactive ? AnsiSupport.Detect : AnsiSupport.No,
            ColorSystem = interactive ? ColorSystemSupport.Detect : ColorSystemSupport.NoColors,
            Interactive = interactive ? InteractionSupport.Detect : InteractionSupport.No,
        });
        if (!interactive) Console.Profile.Width = 160;
    }

    public static readonly JsonSerializerOptions Json = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower) },
    };

    /// <summary>Prints diagnostics as <c>file:line:column: message</c> and returns the exit code they call for.</summary>
    public int Report(IReadOnlyList<Diagnostic> diagnostics)
    {
        foreach (var d in diagnostics) Error.WriteLine(d.ToString());
        var errors = diagnostics.Count(d => d.Severity == Severity.Error);
        if (errors > 0) Error.WriteLine($"{errors} error{(errors == 1 ? "" : "s")}.");
        return errors > 0 ? ResoluteCli.InputError : 0;
    }
}
