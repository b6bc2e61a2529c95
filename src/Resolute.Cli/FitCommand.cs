using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Resolute.Balance;
using Resolute.Data.Text;
using Resolute.Domain.Diagnostics;

namespace Resolute.Cli;

/// <summary>
/// <c>resolute fit CSV --model square|linear|log|helmbold --form continuous|discrete [--format text|json]</c>:
/// least-squares fit of a Lanchester model to observed strengths.
/// </summary>
internal static class FitCommand
{
    private const int InputError = 2;

    private static readonly string[] Models = ["square", "linear", "log", "helmbold"];
    private static readonly string[] Forms = ["continuous", "discrete"];
    private static readonly string[] Formats = ["text", "json"];

    public static Command Create()
    {
        var csv = new Argument<string>("CSV")
        {
            Description = "Observations: header t,blue,red[,blue_reinforcements,red_reinforcements]; one row per time (days). "
                + "The first row is the initial state; reinforcements on a row arrived since the previous row; an empty blue or red cell is unobserved.",
        };
        var model = new Option<string>("--model")
        {
            Description = "Attrition law: square, linear, log or helmbold.",
            DefaultValueFactory = _ => "square",
        };
        var form = new Option<string>("--form")
        {
            Description = "continuous (differential equations) or discrete (daily recursion; whole-day times).",
            DefaultValueFactory = _ => "continuous",
        };
        var format = new Option<string>("--format")
        {
            Description = "Output format: text or json.",
            DefaultValueFactory = _ => "text",
        };
        var weiss = new Option<string?>("--weiss")
        {
            Description = "Helmbold only: fix the Weiss parameter W in [0, 1] instead of fitting it.",
        };
        var command = new Command("fit", "Fit a Lanchester model (A = blue's effectiveness, D = red's) to a battle's daily strengths.")
        {
            csv, model, form, format, weiss,
        };
        command.SetAction(parse =>
        {
            var output = parse.InvocationConfiguration.Output;
            var error = parse.InvocationConfiguration.Error;
            var errors = new List<string>();
            var law = Choice(parse, "--model", parse.GetValue(model) ?? "", Models, errors);
            var shape = Choice(parse, "--form", parse.GetValue(form) ?? "", Forms, errors);
            var style = Choice(parse, "--format", parse.GetValue(format) ?? "", Formats, errors);
            var fixedWeiss = WeissValue(parse, parse.GetValue(weiss), errors);
            var path = parse.GetValue(csv) ?? "";
            if (errors.Count == 0)
            {
                var rows = FitInput.Read(path, shape == 1 ? LanchesterForm.Discrete : LanchesterForm.Continuous);
                if (rows.Value is { } observations)
                {
                    var result = LanchesterFit.Fit(
                        observations, (LanchesterLaw)law, shape == 1 ? LanchesterForm.Discrete : LanchesterForm.Continuous, fixedWeiss);
                    output.Write(style == 1 ? Json(result) : Text(result));
                    return 0;
                }
                errors.AddRange(rows.Diagnostics.Select(d => d.ToString()));
            }
            foreach (var line in errors) error.WriteLine(line);
            return InputError;
        });
        return command;
    }

    /// <summary>The JSON result, with exactly the documented keys.</summary>
    internal static string Json(LanchesterFitResult r)
    {
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true }))
        {
            json.WriteStartObject();
            json.WriteString("model", Models[(int)r.Model]);
            json.WriteString("form", Forms[(int)r.Form]);
            json.WriteNumber("blue_effectiveness", r.BlueEffectiveness);
            json.WriteNumber("red_effectiveness", r.RedEffectiveness);
            json.WriteNumber("ratio", r.Ratio);
            json.WriteNumber("lambda", r.Lambda);
            json.WriteNumber("rmse", r.Rmse);
            json.WriteEndObject();
        }
        return System.Text.Encoding.UTF8.GetString(stream.ToArray()) + Environment.NewLine;
    }

    internal static string Text(LanchesterFitResult r)
    {
        var c = CultureInfo.InvariantCulture;
        var lines = new List<string>
        {
            $"model               {Models[(int)r.Model]}",
            $"form                {Forms[(int)r.Form]}",
            string.Create(c, $"blue effectiveness  {r.BlueEffectiveness:G6}  (A)"),
            string.Create(c, $"red effectiveness   {r.RedEffectiveness:G6}  (D)"),
            string.Create(c, $"ratio               {r.Ratio:G6}  (D/A)"),
            string.Create(c, $"lambda              {r.Lambda:G6}  (sqrt(A·D))"),
            string.Create(c, $"rmse                {r.Rmse:G6}"),
        };
        if (r.Weiss is { } w) lines.Add(string.Create(c, $"weiss               {w:G6}  (W)"));
        return string.Join(Environment.NewLine, lines) + Environment.NewLine;
    }

    /// <summary>Index of an option's value among its choices; an error located on the command line otherwise.</summary>
    private static int Choice(ParseResult parse, string option, string value, string[] choices, List<string> errors)
    {
        var index = Array.IndexOf(choices, value.ToLowerInvariant());
        if (index < 0)
        {
            errors.Add($"{CommandLinePosition(parse, option)}: expected {option} {string.Join(" | ", choices)}, found '{value}'");
        }
        return Math.Max(0, index);
    }

    private static double? WeissValue(ParseResult parse, string? text, List<string> errors)
    {
        if (text is null) return null;
        if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var w) && w >= 0 && w <= 1) return w;
        errors.Add($"{CommandLinePosition(parse, "--weiss")}: expected --weiss a number in [0, 1], found '{text}'");
        return null;
    }

    /// <summary>
    /// Options have no file, so their errors point into the command line: <c>&lt;command line&gt;:1:column</c>,
    /// the column of the option's value in the space-joined arguments.
    /// </summary>
    private static string CommandLinePosition(ParseResult parse, string option)
    {
        var column = 1;
        var tokens = parse.Tokens;
        for (var i = 0; i < tokens.Count; i++)
        {
            if (tokens[i].Value == option && i + 1 < tokens.Count) return $"<command line>:1:{column + tokens[i].Value.Length + 1}";
            if (tokens[i].Value.StartsWith(option + "=", StringComparison.Ordinal)) return $"<command line>:1:{column + option.Length + 1}";
            column += tokens[i].Value.Length + 1;
        }
        return "<command line>:1:1";
    }
}

/// <summary>
/// Reads the fit's CSV with the project's CSV reader: a header naming <c>t</c>, <c>blue</c>, <c>red</c> and optionally
/// <c>blue_reinforcements</c>, <c>red_reinforcements</c> (any order), then one row per time. Every problem is reported as
/// <c>file:line:column: expected …, found …</c>, all of them, not the first.
/// </summary>
internal static class FitInput
{
    private const string T = "t", Blue = "blue", Red = "red", BlueIn = "blue_reinforcements", RedIn = "red_reinforcements";

    public static LoadResult<IReadOnlyList<LanchesterObservation>> Read(string path, LanchesterForm form)
    {
        var bag = new DiagnosticBag();
        var table = CsvTable.Load(path, [T, Blue, Red], bag, [BlueIn, RedIn]);
        if (table is null) return bag.Result<IReadOnlyList<LanchesterObservation>>(() => []);
        double? previous = null;
        var rows = table.Bind<LanchesterObservation?>(r =>
        {
            var errors = bag.ErrorCount;
            var first = previous is null;
            var t = r.Double(T);
            // The first row is the initial state; later rows may leave a strength unobserved (empty).
            double Strength(string column) => r.Text(column, required: first).Length == 0 ? double.NaN : r.Double(column, min: 0);
            var (blue, red) = (Strength(Blue), Strength(Red));
            var blueIn = table.Has(BlueIn) ? r.OptionalDouble(BlueIn) ?? 0 : 0;
            var redIn = table.Has(RedIn) ? r.OptionalDouble(RedIn) ?? 0 : 0;
            if (bag.ErrorCount > errors) return null;
            if (previous is { } p && !(t > p)) { r.Error(T, Messages.OutOfRange($"a time after {Messages.Number(p)}", t)); return null; }
            previous = t;
            if (form == LanchesterForm.Discrete && (t != Math.Floor(t) || Math.Abs(t) > 1e9))
            {
                r.Error(T, Messages.InvalidValue("a whole day for the discrete form", r.Text(T)));
                return null;
            }
            return new LanchesterObservation(t, blue, red, blueIn, redIn);
        }).Where(o => o is not null).Select(o => o!.Value).ToArray();
        if (bag.ErrorCount == 0 && rows.Length < 2)
            bag.Add(new Position(path, table.EndLine, 1), Messages.TooFewRows(2, rows.Length));
        return bag.Result<IReadOnlyList<LanchesterObservation>>(() => rows);
    }
}
