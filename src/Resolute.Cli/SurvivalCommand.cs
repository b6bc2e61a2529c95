using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
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

    private static Command Km()
    {
        var csv = CsvArgument();
        var by = new Option<string?>("--by") { Description = "Column whose values split the rows into groups, compared by the log-rank test." };
        var format = Common.FormatOption();
        var data = DataOption.Create();
        var command = new Command("km", "Kaplan–Meier survival curves with Greenwood 95 % limits, and the log-rank test between groups.") { csv, by, format, data };
        command.SetAction(parse =>
        {
            var output = new Output(parse);
            var group = parse.GetValue(by);
            var loaded = SurvivalCsv.Load(Resolve(parse.GetValue(csv) ?? "", parse.GetValue(data)), [], group);
            if (!loaded.Ok) return output.Report(loaded.Diagnostics);
            var t = loaded.Value!;
            var obs = t.Time.Select((x, i) => new SurvivalObservation(x, t.Event[i])).ToArray();
            var labels = group is null ? obs.Select(_ => "all").ToArray() : t.Labels[group].ToArray();
            var names = labels.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray();
            var curves = names.Select(n => (Name: n, Curve: KaplanMeier.Estimate(obs.Where((_, i) => labels[i] == n).ToArray()), N: labels.Count(l => l == n))).ToArray();
            var test = names.Length >= 2 ? LogRank.Test(obs, labels) : null;
            output.Out.Write(parse.GetValue(format) == "json" ? KmJson(curves, test) : KmText(curves, test));
            return 0;
        });
        return command;
    }

    private static Command Fit()
    {
        var csv = CsvArgument();
        var model = new Option<string>("--model") { Description = "weibull or cox.", DefaultValueFactory = _ => "weibull" };
        model.AcceptOnlyFromAmong("weibull", "cox");
        var covariates = new Option<string>("--covariates") { Description = "Comma-separated covariate columns.", Required = true };
        var format = Common.FormatOption();
        var data = DataOption.Create();
        var loo = new Option<bool>("--leave-one-out") { Description = "Weibull only: refit without each row and print its predicted median beside what happened." };
        var command = new Command("fit", "Fit a Weibull or Cox proportional-hazards model: hazard ratios with standard errors, the Weibull shape and scale.") { csv, model, covariates, format, data, loo };
        command.SetAction(parse =>
        {
            var output = new Output(parse);
            var weibull = parse.GetValue(model) == "weibull";
            var names = (parse.GetValue(covariates) ?? "").Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
            var loaded = SurvivalCsv.Load(Resolve(parse.GetValue(csv) ?? "", parse.GetValue(data)), names, null);
            if (!loaded.Ok) return output.Report(loaded.Diagnostics);
            var t = loaded.Value!;
            var survival = new SurvivalData(
                t.Time.Select((x, i) => new SurvivalObservation(x, t.Event[i])).ToArray(), names,
                t.Time.Select((_, i) => (IReadOnlyList<double>)names.Select(n => t.Numbers[n][i]).ToArray()).ToArray());
            var result = weibull ? Weibull.Fit(survival) : Cox.Fit(survival);
            if (!result.Ok)
            {
                output.Error.WriteLine($"{t.File}: the {parse.GetValue(model)} model cannot be fitted: {result.Failure}");
                return ResoluteCli.InputError;
            }
            output.Out.Write(parse.GetValue(format) == "json" ? FitJson(result.Fit!) : FitText(result.Fit!));
            if (parse.GetValue(loo) && weibull) output.Out.Write(LeaveOneOut(survival, t));
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
            var median = fit.Fit?.Median(data.Rows[i]);
            var verdict = median is not { } m ? fit.Failure!
                : o.Event ? (m > o.Time ? "resumed before the predicted median" : "resumed after the predicted median")
                : (m > o.Time ? "holding, median not yet reached" : "holding beyond the predicted median");
            lines.Add(string.Create(C, $"| {ids[i]} | {o.Time:0.0} | {(o.Event ? "resumed" : "holding")} | {median?.ToString("0.0", C) ?? "—"} | {verdict} |"));
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

    internal static string KmJson(IReadOnlyList<(string Name, KaplanMeierCurve Curve, int N)> curves, LogRankResult? test) =>
        JsonSerializer.Serialize(new
        {
            groups = curves.Select(c => new
            {
                group = c.Name,
                n = c.N,
                events = c.Curve.Steps.Sum(s => s.Events),
                median = c.Curve.Median,
                median_lower95 = c.Curve.MedianLower95,
                median_upper95 = c.Curve.MedianUpper95,
                steps = c.Curve.Steps.Select(s => new { time = s.Time, at_risk = s.AtRisk, events = s.Events, survival = s.Survival, lower95 = s.Lower95, upper95 = s.Upper95 }),
            }),
            log_rank = test is null ? null : new
            {
                chi_square = test.ChiSquare,
                df = test.DegreesOfFreedom,
                p_value = test.PValue,
                groups = test.Groups.Select(g => new { group = g.Name, observed = g.Observed, expected = g.Expected }),
            },
        }, Output.Json) + Environment.NewLine;

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

    internal static string FitJson(SurvivalFit fit) =>
        JsonSerializer.Serialize(new
        {
            model = ModelName(fit),
            n = fit.N,
            events = fit.Events,
            log_likelihood = fit.LogLikelihood,
            coefficients = fit.Coefficients.Select(c => new
            {
                name = c.Name, estimate = c.Estimate, std_error = c.StdError, hazard_ratio = c.HazardRatio, lower95 = c.Lower95, upper95 = c.Upper95, p_value = c.PValue,
            }),
            shape = fit.Shape is { } shape ? new { estimate = shape.Value, std_error = shape.StdError } : null,
            scale = fit.Scale is { } scale ? new { estimate = scale.Value, std_error = scale.StdError } : null,
            parameters = fit.Parameters,
            estimates = fit.Estimates,
            covariance = Enumerable.Range(0, fit.Estimates.Count).Select(i => Enumerable.Range(0, fit.Estimates.Count).Select(j => fit.Covariance[i, j])),
        }, FitJsonOptions) + Environment.NewLine;

    /// <summary>A Cox fit has no shape or scale: the keys are left out rather than written null.</summary>
    private static readonly JsonSerializerOptions FitJsonOptions = new(Output.Json) { DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull };

    private static string ModelName(SurvivalFit fit) => fit.Model == SurvivalModel.Weibull ? "weibull" : "cox";

    internal static string FitText(SurvivalFit fit)
    {
        var lines = new List<string>
        {
            string.Create(C, $"model {ModelName(fit)}, n = {fit.N}, events = {fit.Events}, log-likelihood = {fit.LogLikelihood:0.###}"),
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

    private static string Num(double? v) => v is { } x ? x.ToString("0.##", C) : "not reached";
}
