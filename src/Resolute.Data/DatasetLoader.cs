using System.Security.Cryptography;
using System.Text;
using Resolute.Domain.Diagnostics;
using Resolute.Data.Text;
using Resolute.Domain;

namespace Resolute.Data;

/// <summary>
/// Loads and validates the open dataset from a directory. Every problem in every file is reported in one pass;
/// the dataset is returned only when there are none.
/// </summary>
public static class DatasetLoader
{
    /// <summary>The files a dataset directory holds.</summary>
    public static readonly IReadOnlyList<string> Files =
        ["SOURCES.md", "nations.csv", "stances.csv", "equipment_types.csv", "units.csv", "unit_equipment.csv", "cities.csv", "threats.csv", "frontline.geojson"];

    /// <summary>Files a dataset directory may hold; each is loaded, and counted in the version, only when present.</summary>
    public static readonly IReadOnlyList<string> OptionalFiles = [CeasefireFile.FileName, GarrisonFile.FileName, CrossingFile.FileName];

    /// <summary>The citation columns every table ends with.</summary>
    internal static readonly string[] Cite = ["source", "as_of", "note"];

    /// <summary>Loads the dataset in <paramref name="directory"/>.</summary>
    public static LoadResult<Dataset> Load(string directory)
    {
        var bag = new DiagnosticBag();
        var texts = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var name in Files)
        {
            var path = Path.Combine(directory, name);
            if (ReadFile(path, bag) is { } text) texts[name] = text;
        }
        foreach (var name in OptionalFiles.Where(n => File.Exists(Path.Combine(directory, n))))
            if (ReadFile(Path.Combine(directory, name), bag) is { } text) texts[name] = text;
        string? Text(string name) => texts.GetValueOrDefault(name);
        string PathOf(string name) => Path.Combine(directory, name);

        var sources = Text("SOURCES.md") is { } s ? SourcesFile.Parse(s, PathOf("SOURCES.md"), bag) : [];
        var sourceIds = sources.Select(x => x.Source.Id).ToHashSet(StringComparer.Ordinal);
        var ctx = new RowContext(bag, sourceIds);

        var nations = Table(PathOf("nations.csv"), Text("nations.csv"), bag,
            ["iso3", "name", "group", "population", "gdp_usd", "defence_usd", "defence_pct_gdp", "active_personnel", "nato", "eu"],
            r => (new Nation(ctx.Iso3(r, "iso3"), r.Text("name"), r.Code<NationGroup>("group", "nation group"), r.Long("population"), r.Long("gdp_usd"),
                r.Long("defence_usd"), r.Double("defence_pct_gdp", 0, 100), r.Long("active_personnel"), r.Bool("nato"), r.Bool("eu"), ctx.Citation(r)), r));
        ctx.Unique(nations, n => n.Iso3, "iso3");
        var nationCodes = nations.Select(n => n.Value.Iso3).ToHashSet(StringComparer.Ordinal);

        var stances = Table(PathOf("stances.csv"), Text("stances.csv"), bag, ["nation", "as_of", "level", "summary"],
            r => (new Stance(ctx.Ref(r, "nation", nationCodes, "nation"), r.Date("as_of"), r.Code<StanceLevel>("level", "stance level"), r.Text("summary"), ctx.Citation(r)), r));
        ctx.Unique(stances, x => $"{x.Nation} {x.Date:yyyy-MM-dd}", "as_of");

        var equipment = Table(PathOf("equipment_types.csv"), Text("equipment_types.csv"), bag,
            ["id", "name", "category", "combat_value", "cv_reference", "range_km", "unit_cost_usd"],
            r => (new EquipmentType(r.Id("id"), r.Text("name"), r.Code<EquipmentCategory>("category", "equipment category"), r.Double("combat_value", 0),
                r.Text("cv_reference"), r.OptionalDouble("range_km"), r.OptionalLong("unit_cost_usd"), ctx.Citation(r)), r));
        ctx.Unique(equipment, e => e.Id, "id");
        var equipmentIds = equipment.Select(e => e.Value.Id).ToHashSet(StringComparer.Ordinal);

        var units = Table(PathOf("units.csv"), Text("units.csv"), bag,
            ["id", "nation", "name", "kind", "type", "echelon", "personnel", "readiness_days", "commitment", "home_defence"],
            r => (new Unit(r.Id("id"), ctx.Ref(r, "nation", nationCodes, "nation"), r.Text("name"), r.Code<UnitKind>("kind", "unit kind"), r.Id("type"),
                r.Code<Echelon>("echelon", "echelon"), r.Int("personnel", 1), r.Int("readiness_days"), r.Text("commitment", required: false), r.Bool("home_defence"), ctx.Citation(r)), r));
        ctx.Unique(units, u => u.Id, "id");
        var unitIds = units.Select(u => u.Value.Id).ToHashSet(StringComparer.Ordinal);

        var holdings = Table(PathOf("unit_equipment.csv"), Text("unit_equipment.csv"), bag, ["unit_id", "equipment_id", "count"],
            r => (new Holding(ctx.Ref(r, "unit_id", unitIds, "unit"), ctx.Ref(r, "equipment_id", equipmentIds, "equipment type"), r.Int("count", 1), ctx.Citation(r)), r));
        ctx.Unique(holdings, h => $"{h.UnitId} {h.EquipmentId}", "equipment_id");

        var cities = Table(PathOf("cities.csv"), Text("cities.csv"), bag, ["name", "oblast", "population", "lat", "lon"],
            r => (new City(r.Text("name"), r.Text("oblast"), r.Long("population"), Location(r), ctx.Citation(r)), r));
        ctx.Unique(cities, c => c.Name, "name");

        var threats = Table(PathOf("threats.csv"), Text("threats.csv"), bag, ["id", "name", "category", "range_km"],
            r => (new Threat(r.Id("id"), r.Text("name"), r.Code<ThreatCategory>("category", "threat category"), r.Double("range_km", 0), ctx.Citation(r)), r));
        ctx.Unique(threats, t => t.Id, "id");

        var theatre = Text("frontline.geojson") is { } g
            ? GeoJsonFile.Parse(g, PathOf("frontline.geojson"), bag, (id, at) => ctx.CheckSource(id, at))
            : null;
        if (theatre is not null)
            foreach (var (city, row) in cities.Where(c => !Geometry.Contains(theatre.Border, c.Value.Location)))
                bag.Add(row.At("lat"), Messages.InvalidGeometry("a position inside Ukraine's border",
                    FormattableString.Invariant($"{city.Name} at {city.Location.Lat}, {city.Location.Lon}")));

        var ceasefires = CeasefireFile.Read(PathOf(CeasefireFile.FileName), Text(CeasefireFile.FileName), ctx, bag);
        var nationsByCode = nations.GroupBy(n => n.Value.Iso3, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First().Value, StringComparer.Ordinal);
        var garrisons = GarrisonFile.Read(PathOf(GarrisonFile.FileName), Text(GarrisonFile.FileName), ctx, bag, nationsByCode, units, theatre);
        var crossings = CrossingFile.Read(PathOf(CrossingFile.FileName), Text(CrossingFile.FileName), ctx, bag, nationsByCode);

        return bag.Result(() => new Dataset(
            Version(texts), sources.Select(x => x.Source).ToArray(), Values(nations), Values(stances), Values(equipment), Values(units),
            Values(holdings), Values(cities), Values(threats), theatre!) { Ceasefires = ceasefires, Garrisons = garrisons, Crossings = crossings });
    }

    /// <summary>A short content hash of the dataset's files, recorded with every result.</summary>
    private static string Version(Dictionary<string, string> texts)
    {
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var name in Files.Concat(OptionalFiles.Where(texts.ContainsKey)))
        {
            sha.AppendData(Encoding.UTF8.GetBytes(name + "\n"));
            sha.AppendData(Encoding.UTF8.GetBytes(texts.GetValueOrDefault(name, "").ReplaceLineEndings("\n")));
        }
        return "sha256:" + Convert.ToHexStringLower(sha.GetHashAndReset())[..16];
    }

    /// <summary>A row's <c>lat</c> and <c>lon</c>, each checked against its range.</summary>
    internal static LonLat Location(CsvTable.CsvRow r) => new(r.Double("lon", -180, 180), r.Double("lat", -90, 90));

    private static T[] Values<T>(List<(T Value, CsvTable.CsvRow Row)> rows) => rows.Select(r => r.Value).ToArray();

    /// <summary>Reads a dataset file within <see cref="InputLimits.DatasetFileBytes"/>, as UTF-8; reports problems instead of throwing.</summary>
    internal static string? ReadFile(string path, DiagnosticBag bag) => TextInput.ReadFile(path, InputLimits.DatasetFileBytes, bag);

    internal static List<(T Value, CsvTable.CsvRow Row)> Table<T>(string path, string? text, DiagnosticBag bag, string[] columns, Func<CsvTable.CsvRow, (T, CsvTable.CsvRow)> bind)
    {
        if (text is null) return [];
        var table = CsvTable.Open(text, path, [.. columns, .. Cite], bag);
        return table is null ? [] : table.Bind(bind);
    }

    /// <summary>Cross-row checks shared by every table: citations, references, uniqueness.</summary>
    internal sealed class RowContext(DiagnosticBag bag, HashSet<string> sources)
    {
        public Citation Citation(CsvTable.CsvRow r)
        {
            var source = r.Text("source");
            var note = r.Text("note", required: false);
            if (source.Length > 0) CheckSource(source, r.At("source"));
            if (source == "assumption" && note.Length == 0) bag.Add(r.At("note"), Messages.AssumptionWithoutReason());
            return new Citation(source, r.Date("as_of"), note);
        }

        public bool CheckSource(string id, Position at)
        {
            if (id == "assumption" || sources.Contains(id)) return true;
            bag.Add(at, Messages.UnknownSource(id, sources));
            return false;
        }

        public string Iso3(CsvTable.CsvRow r, string column)
        {
            var code = r.Text(column);
            if (code.Length > 0 && !Nation.IsIso3(code))
                bag.Add(r.At(column), Messages.InvalidValue("an ISO 3166-1 alpha-3 code (three capital letters)", code));
            return code;
        }

        public string Ref(CsvTable.CsvRow r, string column, HashSet<string> known, string what)
        {
            var id = r.Text(column);
            if (id.Length > 0 && !known.Contains(id)) bag.Add(r.At(column), Messages.UnknownReference(what, id, known));
            return id;
        }

        public void Unique<T>(List<(T Value, CsvTable.CsvRow Row)> rows, Func<T, string> key, string column)
        {
            var first = new Dictionary<string, int>(StringComparer.Ordinal);
            foreach (var (value, row) in rows)
            {
                var k = key(value);
                if (!first.TryAdd(k, row.Line)) bag.Add(row.At(column), Messages.DuplicateId(k, first[k]));
            }
        }
    }
}
