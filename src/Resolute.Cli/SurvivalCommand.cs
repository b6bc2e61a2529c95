using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Resolute.Balance.Survival;
using Resolute.Data;

namespace Resolute.Cli;

/// <summary>
/// <c>resolute survival km CSV [--by COLUMN]</c> and <c>resolute survival fit CSV --model weibull|cox --covariates A,B</c>:
/// Kaplan–Meier curves with the log-rank test, and proportional-hazards fits, on a <c>time,event</c> CSV or on the bundled
/// <c>ceasefires.csv</c> (durations in years).
/// </summary>
internal static class SurvivalCommand
{
    private static readonly string[] Formats = ["text", "json"];
    private static readonly string[] Models = ["weibull", "cox"];
    private static readonly CultureInfo C = CultureInfo.InvariantCulture;

    public static Command Create()
    {
        var root = new Command("survival", "Survival of ceasefires (or any right-censored durations): Kaplan–Meier, log-rank, Weibull and Cox fits.");
        root.Subcommands.Add(Km());
        root.Subcommands.Add(Fit());
        return root;
    }

    private static Argument<string> CsvArgument() => new("CSV")
    {
        Description = "A CSV with columns time (> 0) and event (1 = resumed, 0 = censored) and any covariates; or ceasefires.csv (the bundled file when no such path exists).",
    };

    private static Option<string> FormatOption() => new("--format") { Description = "Output format: text or json.", DefaultValueFactory = _ => "text" };

    private static Command Km()
    {
        var csv = CsvArgument();
        var by = new Option<string?>("--by") { Description = "Column whose values split the rows into groups, compared by the log-rank test." };
        var format = FormatOption();
        var data = DataOption.Create();
        var command = new Command("km", "Kaplan–Meier survival curves with Greenwood 95 % limits, and the log-rank test between groups.") { csv, by, format, data };
        command.SetAction(parse =>
        {
            var output = new Output(parse);
            if (Format(parse, format, output) is not { } style) return ResoluteCli.InputError;
            var group = parse.GetValue(by);
            var loaded = SurvivalCsv.Load(Resolve(parse.GetValue(csv) ?? "", parse.GetValue(data)), [], group);
            if (!loaded.Ok) return output.Report(loaded.Diagnostics);
            var t = loaded.Value!;
            var obs = t.Time.Select((x, i) => new SurvivalObservation(x, t.Event[i])).ToArray();
            var labels = group is null ? obs.Select(_ => "all").ToArray() : t.Labels[group].ToArray();
            var names = labels.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray();
            var curves = names.Select(n => (Name: n, Curve: KaplanMeier.Estimate(obs.Where((_, i) => labels[i] == n).ToArray()), N: labels.Count(l => l == n))).ToArray();
            var test = names.Length >= 2 ? LogRank.Test(obs, labels) : null;
            output.Out.Write(style == 1 ? KmJson(curves, test) : KmText(curves, test));
            return 0;
        });
        return command;
    }

    private static Command Fit()
    {
        var csv = CsvArgument();
        var model = new Option<string>("--model") { Description = "weibull or cox.", DefaultValueFactory = _ => "weibull" };
        var covariates = new Option<string>("--covariates") { Description = "Comma-separated covariate columns.", Required = true };
        var format = FormatOption();
        var data = DataOption.Create();
        var loo = new Option<bool>("--leave-one-out") { Description = "Weibull only: refit without each row and print its predicted median beside what happened." };
        var command = new Command("fit", "Fit a Weibull or Cox proportional-hazards model: hazard ratios with standard errors, the Weibull shape and scale.") { csv, model, covariates, format, data, loo };
        command.SetAction(parse =>
        {
            var output = new Output(parse);
            if (Format(parse, format, output) is not { } style) return ResoluteCli.InputError;
            var m = Array.IndexOf(Models, (parse.GetValue(model) ?? "").ToLowerInvariant());
            if (m < 0)
            {
                output.Error.WriteLine($"--model: expected weibull or cox, found '{parse.GetValue(model)}'");
                return ResoluteCli.InputError;
            }
            var names = (parse.GetValue(covariates) ?? "").Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
            var loaded = SurvivalCsv.Load(Resolve(parse.GetValue(csv) ?? "", parse.GetValue(data)), names, null);
            if (!loaded.Ok) return output.Report(loaded.Diagnostics);
            var t = loaded.Value!;
            var survival = new SurvivalData(
                t.Time.Select((x, i) => new SurvivalObservation(x, t.Event[i])).ToArray(), names,
                t.Time.Select((_, i) => (IReadOnlyList<double>)names.Select(n => t.Numbers[n][i]).ToArray()).ToArray());
            var result = m == 0 ? Weibull.Fit(survival) : Cox.Fit(survival);
            if (!result.Ok)
            {
                output.Error.WriteLine($"{t.File}: the {Models[m]} model cannot be fitted: {result.Failure}");
                return ResoluteCli.InputError;
            }
            output.Out.Write(style == 1 ? FitJson(result.Fit!) : FitText(result.Fit!));
            if (parse.GetValue(loo) && m == 0) output.Out.Write(LeaveOneOut(survival, t));
            return 0;
        });
        return command;
    }

    /// <summary>Each row's median predicted by the Weibull model fitted without it, beside its observed duration.</summary>
    internal static string LeaveOneOut(SurvivalData data, SurvivalTable table)
    {
        var ids = table.Labels.TryGetValue("id", out var l) ? l : table.Time.Select((_, i) => (i + 1).ToString(C)).ToArray();
        var lines = new List<string> { "", "| case | observed (years) | outcome | predicted median (years) | fitted without the case |", "|---|---:|---|---:|---|" };
        for (var i = 0; i < data.Observations.Count; i++)
        {
            var o = data.Observations[i];
            var fit = Weibull.Fit(data.Without(i));
            var median = fit.Fit is { } f ? f.Median(data.Rows[i]).ToString("0.0", C) : "—";
            var verdict = fit.Fit is not { } g ? fit.Failure!
                : o.Event ? (g.Median(data.Rows[i]) > o.Time ? "resumed before the predicted median" : "resumed after the predicted median")
                : (g.Median(data.Rows[i]) > o.Time ? "holding, median not yet reached" : "holding beyond the predicted median");
            lines.Add(string.Create(C, $"| {ids[i]} | {o.Time:0.0} | {(o.Event ? "resumed" : "holding")} | {median} | {verdict} |"));
        }
        return string.Join(Environment.NewLine, lines) + Environment.NewLine;
    }

    /// <summary>A path as given when it exists; otherwise the file of that name in the dataset directory.</summary>
    private static string Resolve(string argument, string? dataOption)
    {
        if (File.Exists(argument)) return argument;
        var bundled = Path.Combine(Bundled.DataDirectory(dataOption), Path.GetFileName(argument));
        return File.Exists(bundled) ? bundled : argument;
    }

    private static int? Format(ParseResult parse, Option<string> format, Output output)
    {
        var i = Array.IndexOf(Formats, (parse.GetValue(format) ?? "").ToLowerInvariant());
        if (i >= 0) return i;
        output.Error.WriteLine($"--format: expected text or json, found '{parse.GetValue(format)}'");
        return null;
    }

    internal static string KmJson(IReadOnlyList<(string Name, KaplanMeierCurve Curve, int N)> curves, LogRankResult? test)
    {
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true }))
        {
            json.WriteStartObject();
            json.WriteStartArray("groups");
            foreach (var (name, curve, n) in curves)
            {
                json.WriteStartObject();
                json.WriteString("group", name);
                json.WriteNumber("n", n);
                json.WriteNumber("events", curve.Steps.Sum(s => s.Events));
                Nullable(json, "median", curve.Median);
                Nullable(json, "median_lower95", curve.MedianLower95);
                Nullable(json, "median_upper95", curve.MedianUpper95);
                json.WriteStartArray("steps");
                foreach (var s in curve.Steps)
                {
                    json.WriteStartObject();
                    json.WriteNumber("time", s.Time);
                    json.WriteNumber("at_risk", s.AtRisk);
                    json.WriteNumber("events", s.Events);
                    json.WriteNumber("survival", s.Survival);
                    json.WriteNumber("lower95", s.Lower95);
                    json.WriteNumber("upper95", s.Upper95);
                    json.WriteEndObject();
                }
                json.WriteEndArray();
                json.WriteEndObject();
            }
            json.WriteEndArray();
            if (test is null) json.WriteNull("log_rank");
            else
            {
                json.WriteStartObject("log_rank");
                json.WriteNumber("chi_square", test.ChiSquare);
                json.WriteNumber("df", test.DegreesOfFreedom);
                json.WriteNumber("p_value", test.PValue);
                json.WriteStartArray("groups");
                foreach (var g in test.Groups)
                {
                    json.WriteStartObject();
                    json.WriteString("group", g.Name);
                    json.WriteNumber("observed", g.Observed);
                    json.WriteNumber("expected", g.Expected);
                    json.WriteEndObject();
                }
                json.WriteEndArray();
                json.WriteEndObject();
            }
            json.WriteEndObject();
        }
        return System.Text.Encoding.UTF8.GetString(stream.ToArray()) + Environment.NewLine;
    }

    internal static string KmText(IReadOnlyList<(string Name, KaplanMeierCurve Curve, int N)> curves, LogRankResult? test)
    {
        var lines = new List<string>();
        foreach (var (name, curve, n) in curves)
        {
            lines.Add(string.Create(C, $"{name}: n = {n}, events = {curve.Steps.Sum(s => s.Events)}, median = {Num(curve.Median)} (95 % {Num(curve.MedianLower95)}–{Num(curve.MedianUpper95)})"));
            lines.Add("      time  at_risk  events  survival  lower95  upper95");
            foreach (var s in curve.Steps.Where(s => s.Events > 0))
                lines.Add(string.Create(C, $"{s.Time,10:0.###}  {s.AtRisk,7}  {s.Events,6}  {s.Survival,8:0.0000}  {s.Lower95,7:0.0000}  {s.Upper95,7:0.0000}"));
            lines.Add("");
        }
        if (test is not null)
        {
            lines.Add(string.Create(C, $"log-rank: chi-square = {test.ChiSquare:0.###} on {test.DegreesOfFreedom} df, p = {test.PValue:0.####}"));
            foreach (var g in test.Groups) lines.Add(string.Create(C, $"  {g.Name}: observed {g.Observed}, expected {g.Expected:0.##}"));
        }
        return string.Join(Environment.NewLine, lines) + Environment.NewLine;
    }

    internal static string FitJson(SurvivalFit fit)
    {
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true }))
        {
            json.WriteStartObject();
            json.WriteString("model", fit.Model == SurvivalModel.Weibull ? "weibull" : "cox");
            json.WriteNumber("n", fit.N);
            json.WriteNumber("events", fit.Events);
            json.WriteNumber("log_likelihood", fit.LogLikelihood);
            json.WriteStartArray("coefficients");
            foreach (var c in fit.Coefficients)
            {
                json.WriteStartObject();
                json.WriteString("name", c.Name);
                json.WriteNumber("estimate", c.Estimate);
                json.WriteNumber("std_error", c.StdError);
                json.WriteNumber("hazard_ratio", c.HazardRatio);
                json.WriteNumber("lower95", c.Lower95);
                json.WriteNumber("upper95", c.Upper95);
                json.WriteNumber("p_value", c.PValue);
                json.WriteEndObject();
            }
            json.WriteEndArray();
            if (fit.Shape is { } shape && fit.Scale is { } scale)
            {
                json.WriteStartObject("shape");
                json.WriteNumber("estimate", shape.Value);
                json.WriteNumber("std_error", shape.StdError);
                json.WriteEndObject();
                json.WriteStartObject("scale");
                json.WriteNumber("estimate", scale.Value);
                json.WriteNumber("std_error", scale.StdError);
                json.WriteEndObject();
            }
            json.WriteStartArray("parameters");
            foreach (var p in fit.Parameters) json.WriteStringValue(p);
            json.WriteEndArray();
            json.WriteStartArray("estimates");
            foreach (var e in fit.Estimates) json.WriteNumberValue(e);
            json.WriteEndArray();
            json.WriteStartArray("covariance");
            for (var i = 0; i < fit.Estimates.Count; i++)
            {
                json.WriteStartArray();
                for (var j = 0; j < fit.Estimates.Count; j++) json.WriteNumberValue(fit.Covariance[i, j]);
                json.WriteEndArray();
            }
            json.WriteEndArray();
            json.WriteEndObject();
        }
        return System.Text.Encoding.UTF8.GetString(stream.ToArray()) + Environment.NewLine;
    }

    internal static string FitText(SurvivalFit fit)
    {
        var lines = new List<string>
        {
            string.Create(C, $"model {(fit.Model == SurvivalModel.Weibull ? "weibull" : "cox")}, n = {fit.N}, events = {fit.Events}, log-likelihood = {fit.LogLikelihood:0.###}"),
            "covariate            coef   std.err  hazard ratio  95 % limits        p",
        };
        foreach (var c in fit.Coefficients)
            lines.Add(string.Create(C, $"{c.Name,-16} {c.Estimate,8:0.000}  {c.StdError,8:0.000}  {c.HazardRatio,12:0.000}  {c.Lower95,6:0.000}–{c.Upper95,-8:0.000} {c.PValue,6:0.000}"));
        if (fit.Shape is { } shape && fit.Scale is { } scale)
        {
            lines.Add(string.Create(C, $"shape {shape.Value:0.000} (s.e. {shape.StdError:0.000}); scale {scale.Value:0.###} (s.e. {scale.StdError:0.###}) for all covariates at 0"));
        }
        return string.Join(Environment.NewLine, lines) + Environment.NewLine;
    }

    private static void Nullable(Utf8JsonWriter json, string name, double? value)
    {
        if (value is { } v) json.WriteNumber(name, v);
        else json.WriteNull(name);
    }

    private static string Num(double? v) => v is { } x ? x.ToString("0.##", C) : "not reached";
}
