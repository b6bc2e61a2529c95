using Resolute.Data.Text;
using Resolute.Domain;
using Resolute.Domain.Diagnostics;

namespace Resolute.Data;

/// <summary>Durations, event flags and named columns read for the survival commands.</summary>
/// <param name="File">Where the rows came from.</param>
/// <param name="Time">Duration of each row (positive).</param>
/// <param name="Event">1 = the event (fighting resumed) was seen, 0 = censored.</param>
/// <param name="Numbers">Numeric columns asked for, by name.</param>
/// <param name="Labels">Text columns asked for (a <c>--by</c> grouping), by name.</param>
public sealed record SurvivalTable(
    string File, IReadOnlyList<double> Time, IReadOnlyList<bool> Event,
    IReadOnlyDictionary<string, IReadOnlyList<double>> Numbers, IReadOnlyDictionary<string, IReadOnlyList<string>> Labels);

/// <summary>
/// Reads survival input: a CSV with <c>time,event</c> and any further columns, or <c>ceasefires.csv</c>, whose rows become
/// durations in years and the numeric covariates listed in <see cref="CeasefireColumns"/>. Problems are reported as
/// <c>file:line:column: expected …, found …</c>, all of them.
/// </summary>
public static class SurvivalCsv
{
    /// <summary>The covariates a ceasefire row offers, each 0/1 unless stated (see docs/ceasefires.md).</summary>
    public static readonly IReadOnlyList<string> CeasefireColumns =
    [
        "observers", "peacekeepers", "deterrent", "armed_force", "any_force", "separation", "guarantee", "imposed", "decisive",
        "nuclear", "territory", "intensity", "log_war_days",
    ];

    /// <summary>Loads <paramref name="path"/>, keeping the numeric columns <paramref name="numbers"/> and the text column <paramref name="label"/>.</summary>
    public static LoadResult<SurvivalTable> Load(string path, IReadOnlyList<string> numbers, string? label)
    {
        ArgumentNullException.ThrowIfNull(numbers);
        return string.Equals(Path.GetFileName(path), CeasefireFile.FileName, StringComparison.Ordinal)
            ? FromCeasefires(path, numbers, label)
            : FromCsv(path, numbers, label);
    }

    private static LoadResult<SurvivalTable> FromCsv(string path, IReadOnlyList<string> numbers, string? label)
    {
        var bag = new DiagnosticBag();
        string[] schema = ["time", "event", .. numbers, .. label is null ? Array.Empty<string>() : [label]];
        var table = CsvTable.Load(path, schema.Distinct(StringComparer.Ordinal).ToArray(), bag, allowOtherColumns: true);
        var rows = table?.Bind(r => r) ?? [];
        var time = new List<double>();
        var evt = new List<bool>();
        var cols = numbers.ToDictionary(n => n, _ => new List<double>(), StringComparer.Ordinal);
        var labels = new List<string>();
        foreach (var r in rows)
        {
            var before = bag.ErrorCount;
            var t = r.Double("time");
            if (bag.ErrorCount == before && !(t > 0)) bag.Add(r.At("time"), Messages.OutOfRange("a duration > 0", t));
            var e = r.Text("event");
            if (e is not ("0" or "1") && e.Length > 0) bag.Add(r.At("event"), Messages.InvalidValue("an event of 0 (censored) or 1 (resumed)", e));
            time.Add(t);
            evt.Add(e == "1");
            foreach (var n in numbers) cols[n].Add(r.Double(n));
            if (label is not null) labels.Add(r.Text(label));
        }
        if (table is not null && rows.Count == 0) bag.Add(new Position(path, 2, 1), Messages.TooFewRows(1, 0));
        return bag.Result(() => new SurvivalTable(path, time, evt,
            cols.ToDictionary(kv => kv.Key, kv => (IReadOnlyList<double>)kv.Value, StringComparer.Ordinal),
            label is null ? new Dictionary<string, IReadOnlyList<string>>() : new Dictionary<string, IReadOnlyList<string>> { [label] = labels }));
    }

    private static LoadResult<SurvivalTable> FromCeasefires(string path, IReadOnlyList<string> numbers, string? label)
    {
        var loaded = CeasefireFile.Load(path, Path.Combine(Path.GetDirectoryName(Path.GetFullPath(path)) ?? ".", "SOURCES.md"));
        var bag = new DiagnosticBag();
        bag.AddRange(loaded.Diagnostics);
        string[] labelColumns = ["foreign_force", "intensity", "separation", "guarantee", "imposed", "decisive", "nuclear", "territory"];
        foreach (var n in numbers.Where(n => !CeasefireColumns.Contains(n)))
            bag.AddRange([Diagnostic.Setting("--covariates", Messages.UnknownColumn(n, CeasefireColumns))]);
        if (label is not null && !labelColumns.Contains(label))
            bag.AddRange([Diagnostic.Setting("--by", Messages.UnknownColumn(label, labelColumns))]);
        return bag.Result(() =>
        {
            var rows = loaded.Value!;
            var cols = numbers.ToDictionary(n => n, n => (IReadOnlyList<double>)rows.Select(c => Covariate(c, n)).ToArray(), StringComparer.Ordinal);
            var labels = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
            if (label is not null) labels[label] = rows.Select(c => Label(c, label)).ToArray();
            labels["id"] = rows.Select(c => c.Id).ToArray();
            return new SurvivalTable(path, rows.Select(c => c.Years).ToArray(), rows.Select(c => c.Resumed).ToArray(), cols, labels);
        });
    }

    /// <summary>The numeric value of covariate <paramref name="name"/> for a ceasefire.</summary>
    public static double Covariate(Ceasefire c, string name)
    {
        ArgumentNullException.ThrowIfNull(c);
        static double B(bool b) => b ? 1 : 0;
        return name switch
        {
            "observers" => B(c.ForeignForce == ForeignForce.Observers),
            "peacekeepers" => B(c.ForeignForce == ForeignForce.Peacekeepers),
            "deterrent" => B(c.ForeignForce == ForeignForce.Deterrent),
            "armed_force" => B(c.ForeignForce is ForeignForce.Peacekeepers or ForeignForce.Deterrent),
            "any_force" => B(c.ForeignForce != ForeignForce.None),
            "separation" => B(c.Separation),
            "guarantee" => B(c.Guarantee),
            "imposed" => B(c.Imposed),
            "decisive" => B(c.Decisive),
            "nuclear" => B(c.Nuclear),
            "territory" => B(c.Territory),
            "intensity" => (int)c.Intensity,
            "log_war_days" => Math.Log(Math.Max(1, c.WarDays)),
            _ => throw new ArgumentOutOfRangeException(nameof(name), name, "Not a ceasefire covariate."),
        };
    }

    private static string Label(Ceasefire c, string name) => name switch
    {
        "foreign_force" => c.ForeignForce.ToCode(),
        "intensity" => c.Intensity.ToCode(),
        _ => Covariate(c, name) == 1 ? "true" : "false",
    };
}
