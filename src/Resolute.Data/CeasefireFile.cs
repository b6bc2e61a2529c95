using Resolute.Data.Text;
using Resolute.Domain;
using Resolute.Domain.Diagnostics;

namespace Resolute.Data;

/// <summary>
/// Loads <c>ceasefires.csv</c>, the cited record of interstate ceasefires since 1946, against the sources of the dataset
/// directory it sits in. Every problem is reported at once; the rows are returned only when there are none.
/// </summary>
public static class CeasefireFile
{
    /// <summary>The file's name inside a dataset directory.</summary>
    public const string FileName = "ceasefires.csv";

    private static readonly string[] Columns =
        ["id", "name", "side_a", "side_b", "war_start", "start", "end", "foreign_force", "separation", "guarantee", "imposed", "decisive", "nuclear", "intensity", "territory"];

    /// <summary>Loads <c>ceasefires.csv</c> from the dataset directory <paramref name="directory"/> (sources from its SOURCES.md).</summary>
    public static LoadResult<IReadOnlyList<Ceasefire>> Load(string directory) =>
        Load(Path.Combine(directory, FileName), Path.Combine(directory, "SOURCES.md"));

    /// <summary>Loads the ceasefire table at <paramref name="path"/>, resolving its citations against <paramref name="sourcesPath"/>.</summary>
    public static LoadResult<IReadOnlyList<Ceasefire>> Load(string path, string sourcesPath)
    {
        var bag = new DiagnosticBag();
        var sourcesText = DatasetLoader.ReadFile(sourcesPath, bag);
        var sources = sourcesText is null ? [] : SourcesFile.Parse(sourcesText, sourcesPath, bag);
        var ctx = new DatasetLoader.RowContext(bag, sources.Select(s => s.Source.Id).ToHashSet(StringComparer.Ordinal));
        var rows = Read(path, DatasetLoader.ReadFile(path, bag), ctx, bag);
        return bag.Result(() => rows);
    }

    /// <summary>The rows of the ceasefire table <paramref name="text"/> (read from <paramref name="path"/>), problems into <paramref name="bag"/>.</summary>
    internal static IReadOnlyList<Ceasefire> Read(string path, string? text, DatasetLoader.RowContext ctx, DiagnosticBag bag)
    {
        var rows = DatasetLoader.Table(path, text, bag, Columns, r => (Bind(r, ctx, bag), r));
        ctx.Unique(rows, c => c.Id, "id");
        return rows.Select(r => r.Value).ToArray();
    }

    private static Ceasefire Bind(CsvTable.CsvRow r, DatasetLoader.RowContext ctx, DiagnosticBag bag)
    {
        var warStart = r.Date("war_start");
        var start = r.Date("start");
        var end = r.Text("end", required: false).Length == 0 ? (DateOnly?)null : r.Date("end");
        var citation = ctx.Citation(r);
        var ceasefire = new Ceasefire(
            r.Id("id"), r.Text("name"), r.Text("side_a"), r.Text("side_b"), warStart, start, end,
            r.Code<ForeignForce>("foreign_force", "foreign force"), r.Bool("separation"), r.Bool("guarantee"), r.Bool("imposed"),
            r.Bool("decisive"), r.Bool("nuclear"), r.Code<WarIntensity>("intensity", "war intensity"), r.Bool("territory"), citation);
        // Dates must run war_start ≤ start < end ≤ as_of (or start < as_of while it holds); a default date is one already reported.
        if (warStart != default && start != default && warStart > start)
            bag.Add(r.At("war_start"), Messages.Inconsistent($"a war start on or before the ceasefire ({Iso(start)})", Iso(warStart)));
        if (start != default && end is { } e && e != default && e <= start)
            bag.Add(r.At("end"), Messages.Inconsistent($"a date after the ceasefire's start ({Iso(start)})", Iso(e)));
        var asOf = citation.AsOf;
        if (asOf != default && end is { } e2 && e2 != default && asOf < e2)
            bag.Add(r.At("as_of"), Messages.Inconsistent($"an as_of on or after the end ({Iso(e2)})", Iso(asOf)));
        else if (asOf != default && start != default && end is null && asOf <= start)
            bag.Add(r.At("as_of"), Messages.Inconsistent($"an as_of after the ceasefire's start ({Iso(start)}) for a ceasefire that holds", Iso(asOf)));
        return ceasefire;
    }

    private static string Iso(DateOnly d) => d.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
}
