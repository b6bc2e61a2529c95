using System.Globalization;
using Resolute.Data.Text;
using Resolute.Domain;
using Resolute.Domain.Diagnostics;

namespace Resolute.Data;

/// <summary>
/// Reads <c>garrisons.csv</c>: where each coalition unit leaves from, by its own row (key = unit id) or its nation's
/// departure point (key = ISO3). Read with the rest of the dataset, because its keys refer to units and nations.
/// </summary>
public static class GarrisonFile
{
    /// <summary>The file's name inside a dataset directory.</summary>
    public const string FileName = "garrisons.csv";

    private static readonly string[] Columns = ["key", "name", "nation", "lat", "lon"];

    /// <summary>
    /// The garrison rows of <paramref name="text"/> (null when the file is absent: no rows, no checks). When the file is
    /// present, every coalition unit (a nation neither Ukraine nor the adversary) must find a garrison, reported at the
    /// unit's row of <c>units.csv</c>; a garrison inside Ukraine's border is reported at its latitude.
    /// </summary>
    internal static IReadOnlyList<Garrison> Read(
        string path, string? text, DatasetLoader.RowContext ctx, DiagnosticBag bag,
        IReadOnlyDictionary<string, Nation> nations, List<(Unit Value, CsvTable.CsvRow Row)> units, Theatre? theatre)
    {
        if (text is null) return [];
        var table = CsvTable.Open(text, path, [.. Columns, .. DatasetLoader.Cite], bag);
        if (table is null) return []; // the header is reported; checking coverage against no rows would only repeat it
        var unitsById = units.GroupBy(u => u.Value.Id, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First().Value, StringComparer.Ordinal);
        var nationCodes = nations.Keys.ToHashSet(StringComparer.Ordinal);
        var rows = table.Bind<(Garrison Value, CsvTable.CsvRow Row)>(r => (Bind(r, ctx, bag, nationCodes, unitsById, theatre), r));
        ctx.Unique(rows, g => g.Key, "key");

        var keys = rows.Select(g => g.Value.Key).ToHashSet(StringComparer.Ordinal);
        foreach (var (unit, row) in units)
        {
            if (!nations.TryGetValue(unit.Nation, out var nation) || nation.Group is NationGroup.Ukraine or NationGroup.Adversary) continue;
            if (!keys.Contains(unit.Id) && !keys.Contains(unit.Nation))
                bag.Add(row.At("id"), Messages.MissingSetting($"a garrison row for unit '{unit.Id}' or its nation '{unit.Nation}' in {FileName}"));
        }
        return rows.Select(r => r.Value).ToArray();
    }

    private static Garrison Bind(CsvTable.CsvRow r, DatasetLoader.RowContext ctx, DiagnosticBag bag, HashSet<string> nations,
        Dictionary<string, Unit> units, Theatre? theatre)
    {
        var key = r.Text("key");
        var nation = ctx.Ref(r, "nation", nations, "nation");
        if (key.Length > 0)
        {
            if (units.TryGetValue(key, out var unit))
            {
                if (nation.Length > 0 && nations.Contains(nation) && nation != unit.Nation)
                    bag.Add(r.At("nation"), Messages.Inconsistent($"the nation of unit '{key}' ({unit.Nation})", $"'{nation}'"));
            }
            else if (nations.Contains(key))
            {
                if (nation.Length > 0 && nations.Contains(nation) && nation != key)
                    bag.Add(r.At("nation"), Messages.Inconsistent($"the nation the row is keyed by ({key})", $"'{nation}'"));
            }
            else bag.Add(r.At("key"), Messages.UnknownReference("unit or nation", key, units.Keys.Concat(nations)));
        }
        var location = DatasetLoader.Location(r);
        if (theatre is not null && r.Text("lat", required: false).Length > 0 && Geometry.Contains(theatre.Border, location))
            bag.Add(r.At("lat"), Messages.InvalidGeometry("a garrison outside Ukraine's border (where forces leave from)",
                string.Create(CultureInfo.InvariantCulture, $"{key} at {location.Lat}, {location.Lon}")));
        return new Garrison(key, r.Text("name"), nation, location, ctx.Citation(r));
    }
}

/// <summary>
/// Reads <c>crossings.csv</c>: the road and rail border crossings into Ukraine, each with its military throughput
/// (personnel with their equipment per day) and whether the rail gauge changes there.
/// </summary>
public static class CrossingFile
{
    /// <summary>The file's name inside a dataset directory.</summary>
    public const string FileName = "crossings.csv";

    private static readonly string[] Columns = ["id", "name", "from", "mode", "lat", "lon", "capacity_per_day", "gauge_change"];

    /// <summary>Modes a border crossing can serve: aircraft fly in and cross no border post.</summary>
    private static readonly string[] GroundModes = [MoveMode.Rail.ToCode(), MoveMode.Road.ToCode()];

    /// <summary>The crossing rows of <paramref name="text"/> (null when the file is absent), problems into <paramref name="bag"/>.</summary>
    internal static IReadOnlyList<Crossing> Read(string path, string? text, DatasetLoader.RowContext ctx, DiagnosticBag bag, IReadOnlyDictionary<string, Nation> nations)
    {
        var codes = nations.Keys.ToHashSet(StringComparer.Ordinal);
        var rows = DatasetLoader.Table(path, text, bag, Columns, r => (Bind(r, ctx, bag, nations, codes), r));
        ctx.Unique(rows, c => c.Id, "id");
        return rows.Select(r => r.Value).ToArray();
    }

    private static Crossing Bind(CsvTable.CsvRow r, DatasetLoader.RowContext ctx, DiagnosticBag bag, IReadOnlyDictionary<string, Nation> nations, HashSet<string> codes)
    {
        var from = ctx.Ref(r, "from", codes, "nation");
        if (nations.TryGetValue(from, out var neighbour) && neighbour.Group is NationGroup.Ukraine or NationGroup.Adversary)
            bag.Add(r.At("from"), Messages.Inconsistent("a neighbour the coalition enters Ukraine from (not Ukraine or the adversary)", $"'{from}'"));
        var modeText = r.Text("mode");
        var mode = MoveMode.Road;
        if (modeText.Length > 0 && !Codes.TryParse(modeText, out mode))
            bag.Add(r.At("mode"), Messages.UnknownCode("crossing mode", modeText, GroundModes));
        else if (mode == MoveMode.Air)
            bag.Add(r.At("mode"), Messages.InvalidValue("rail or road (aircraft fly in and pass no border crossing)", modeText));
        var capacity = r.Int("capacity_per_day", 1); // a crossing with zero throughput could never be used
        var gaugeChange = r.Bool("gauge_change");
        if (gaugeChange && modeText == MoveMode.Road.ToCode())
            bag.Add(r.At("gauge_change"), Messages.Inconsistent("false for a road crossing (only rail meets a change of gauge)", "true"));
        return new Crossing(r.Id("id"), r.Text("name"), from, mode, DatasetLoader.Location(r), capacity, gaugeChange, ctx.Citation(r));
    }
}
