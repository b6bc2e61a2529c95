using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Resolute.Balance;

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
                var rows = FitInput.Read(path, shape == 1 ? LanchesterForm.Discrete : LanchesterForm.Continuous, errors);
                if (errors.Count == 0)
                {
                    var result = LanchesterFit.Fit(
                        rows, (LanchesterLaw)law, shape == 1 ? LanchesterForm.Discrete : LanchesterForm.Continuous, fixedWeiss);
                    output.Write(style == 1 ? Json(result) : Text(result));
                    return 0;
                }
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
/// Reads the fit's CSV: a header naming <c>t</c>, <c>blue</c>, <c>red</c> and optionally
/// <c>blue_reinforcements</c>, <c>red_reinforcements</c> (any order), then one row per time.
/// Every problem is reported as <c>file:line:column: expected …, found …</c>, all of them, not the first.
/// </summary>
internal static class FitInput
{
    private static readonly string[] Known = ["t", "blue", "red", "blue_reinforcements", "red_reinforcements"];

    public static IReadOnlyList<LanchesterObservation> Read(string path, LanchesterForm form, List<string> errors)
    {
        string[] lines;
        try
        {
            lines = File.ReadAllLines(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            errors.Add($"{path}:1:1: expected a readable CSV file, found {(e is FileNotFoundException or DirectoryNotFoundException ? "no such file" : e.GetType().Name)}");
            return [];
        }
        return Parse(path, lines, form, errors);
    }

    internal static IReadOnlyList<LanchesterObservation> Parse(string path, IReadOnlyList<string> lines, LanchesterForm form, List<string> errors)
    {
        var headerLine = 0;
        while (headerLine < lines.Count && string.IsNullOrWhiteSpace(lines[headerLine])) headerLine++;
        if (headerLine == lines.Count)
        {
            errors.Add($"{path}:1:1: expected a header row t,blue,red[,blue_reinforcements,red_reinforcements], found end of file");
            return [];
        }

        var header = Fields(lines[headerLine]);
        var columns = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var (name, column, index) in header)
        {
            var key = name.ToLowerInvariant();
            if (Array.IndexOf(Known, key) < 0) errors.Add($"{path}:{headerLine + 1}:{column}: expected one of {string.Join(", ", Known)}, found '{name}'");
            else if (!columns.TryAdd(key, index)) errors.Add($"{path}:{headerLine + 1}:{column}: expected each column once, found '{name}' again");
        }
        foreach (var required in Known.Take(3))
        {
            if (!columns.ContainsKey(required)) errors.Add($"{path}:{headerLine + 1}:1: expected a '{required}' column, found none");
        }
        if (errors.Count > 0) return [];

        var rows = new List<LanchesterObservation>();
        double? previousTime = null;
        for (var i = headerLine + 1; i < lines.Count; i++)
        {
            if (string.IsNullOrWhiteSpace(lines[i])) continue;
            var line = i + 1;
            var fields = Fields(lines[i]);
            if (fields.Count != header.Count)
            {
                errors.Add($"{path}:{line}:1: expected {header.Count} fields, found {fields.Count}");
                continue;
            }
            var first = rows.Count == 0 && previousTime is null;
            var before = errors.Count;
            var t = Number(fields[columns["t"]], "a time in days", allowEmpty: false, nonNegative: false);
            var blue = Number(fields[columns["blue"]], "a non-negative strength", allowEmpty: !first, nonNegative: true);
            var red = Number(fields[columns["red"]], "a non-negative strength", allowEmpty: !first, nonNegative: true);
            var blueIn = columns.TryGetValue("blue_reinforcements", out var b) ? Number(fields[b], "a non-negative number of reinforcements", true, true) : 0;
            var redIn = columns.TryGetValue("red_reinforcements", out var r) ? Number(fields[r], "a non-negative number of reinforcements", true, true) : 0;
            var tField = fields[columns["t"]];
            if (errors.Count == before && previousTime is { } previous && !(t > previous))
            {
                errors.Add(string.Create(CultureInfo.InvariantCulture, $"{path}:{line}:{tField.Column}: expected a time after {previous}, found {tField.Text}"));
            }
            else if (errors.Count == before && form == LanchesterForm.Discrete && (t != Math.Floor(t) || Math.Abs(t) > 1e9))
            {
                errors.Add($"{path}:{line}:{tField.Column}: expected a whole day for the discrete form, found {tField.Text}");
            }
            if (errors.Count == before) rows.Add(new LanchesterObservation(t, blue, red, double.IsNaN(blueIn) ? 0 : blueIn, double.IsNaN(redIn) ? 0 : redIn));
            if (double.IsFinite(t)) previousTime = t;

            double Number((string Text, int Column, int Index) field, string expected, bool allowEmpty, bool nonNegative)
            {
                if (field.Text.Length == 0)
                {
                    if (allowEmpty) return double.NaN;
                    errors.Add($"{path}:{line}:{field.Column}: expected {expected}{(first && nonNegative ? " on the first row" : "")}, found an empty cell");
                    return double.NaN;
                }
                if (double.TryParse(field.Text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && double.IsFinite(value) && (!nonNegative || value >= 0))
                {
                    return value;
                }
                errors.Add($"{path}:{line}:{field.Column}: expected {expected}, found '{field.Text}'");
                return double.NaN;
            }
        }
        if (errors.Count == 0 && rows.Count < 2)
        {
            errors.Add($"{path}:{lines.Count + 1}:1: expected at least two data rows, found {rows.Count}");
        }
        return rows;
    }

    /// <summary>Comma-separated cells, trimmed, with the 1-based column where each starts.</summary>
    private static List<(string Text, int Column, int Index)> Fields(string line)
    {
        var fields = new List<(string, int, int)>();
        var start = 0;
        for (var i = 0; i <= line.Length; i++)
        {
            if (i < line.Length && line[i] != ',') continue;
            var raw = line[start..i];
            var lead = raw.Length - raw.TrimStart().Length;
            fields.Add((raw.Trim(), start + lead + 1, fields.Count));
            start = i + 1;
        }
        return fields;
    }
}
