using System.CommandLine;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Resolute.Data;
using Resolute.Domain;
using Spectre.Console;

namespace Resolute.Cli;

/// <summary><c>resolute data show TABLE</c>: prints one table of the dataset, with its sources.</summary>
internal static class DataCommand
{
    private static readonly string[] Tables = ["nations", "stances", "units", "equipment", "cities", "threats", "garrisons", "crossings"];
    private static readonly string[] Formats = ["table", "csv", "json"];

    public static Command Create()
    {
        var table = new Argument<string>("TABLE") { Description = "One of: " + string.Join(", ", Tables) + "." };
        table.AcceptOnlyFromAmong(Tables);
        var nation = new Option<string?>("--nation") { Description = "Only rows of this nation (ISO 3166 alpha-3, e.g. FRA)." };
        var format = new Option<string>("--format") { Description = "table, csv or json.", DefaultValueFactory = _ => "table" };
        format.AcceptOnlyFromAmong(Formats);
        var data = DataOption.Create();
        var show = new Command("show", "Show a table of the dataset.") { table, nation, format, data };
        show.SetAction(parse =>
        {
            var output = new Output(parse);
            var loaded = DatasetLoader.Load(Bundled.DataDirectory(parse.GetValue(data)));
            if (loaded.Value is not { } dataset) return output.Report(loaded.Diagnostics);
            var filter = parse.GetValue(nation)?.ToUpperInvariant();
            if (filter is not null && !dataset.NationsByCode.ContainsKey(filter))
            {
                output.Error.WriteLine($"--nation: unknown nation '{filter}'; expected one of: {string.Join(", ", dataset.Nations.Select(n => n.Iso3))}");
                return ResoluteCli.InputError;
            }
            var (headers, rows) = Rows(dataset, parse.GetValue(table)!, filter);
            Write(output, parse.GetValue(format)!, headers, rows);
            return 0;
        });
        return new Command("data", "Inspect the bundled open dataset.") { show };
    }

    private static string N(double v) => v.ToString("0.###", CultureInfo.InvariantCulture);
    private static string D(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static (string[] Headers, IEnumerable<string[]> Rows) Rows(Dataset d, string table, string? nation)
    {
        bool Keep(string n) => nation is null || n == nation;
        return table switch
        {
            "nations" => (["iso3", "name", "group", "population", "gdp_usd", "defence_usd", "defence_pct_gdp", "active_personnel", "stance_2025_02_10", "source", "as_of"],
                d.Nations.Where(n => Keep(n.Iso3)).Select(n => new[] { n.Iso3, n.Name, n.Group.ToCode(), N(n.Population), N(n.GdpUsd), N(n.DefenceUsd), N(n.DefencePctGdp), N(n.ActivePersonnel),
                    d.StanceOn(n.Iso3, new DateOnly(2025, 2, 10)).ToCode(), n.Citation.Source, D(n.Citation.AsOf) })),
            "stances" => (["nation", "as_of", "level", "summary", "source"],
                d.Stances.Where(s => Keep(s.Nation)).OrderBy(s => s.Nation, StringComparer.Ordinal).ThenBy(s => s.Date)
                    .Select(s => new[] { s.Nation, D(s.Date), s.Level.ToCode(), s.Summary, s.Citation.Source })),
            "units" => (["id", "nation", "name", "kind", "type", "personnel", "readiness_days", "commitment", "home_defence", "equipment", "source", "as_of"],
                d.Units.Where(u => Keep(u.Nation)).Select(u => new[] { u.Id, u.Nation, u.Name, u.Kind.ToCode(), u.Type, N(u.Personnel), N(u.ReadinessDays), u.Commitment,
                    u.HomeDefence ? "true" : "false", string.Join(" ", d.HoldingsOf(u.Id).Select(h => $"{h.Count}×{h.EquipmentId}")), u.Citation.Source, D(u.Citation.AsOf) })),
            "equipment" => (["id", "name", "category", "combat_value", "range_km", "unit_cost_usd", "source"],
                d.EquipmentTypes.Select(e => new[] { e.Id, e.Name, e.Category.ToCode(), N(e.CombatValue), e.RangeKm is { } r ? N(r) : "", e.UnitCostUsd is { } c ? N(c) : "", e.Citation.Source })),
            "cities" => (["name", "oblast", "population", "lat", "lon", "source", "as_of"],
                d.Cities.Select(c => new[] { c.Name, c.Oblast, N(c.Population), N(c.Location.Lat), N(c.Location.Lon), c.Citation.Source, D(c.Citation.AsOf) })),
            "garrisons" => (["key", "name", "nation", "lat", "lon", "units", "source", "as_of"],
                d.Garrisons.Where(g => Keep(g.Nation)).Select(g => new[] { g.Key, g.Name, g.Nation, N(g.Location.Lat), N(g.Location.Lon),
                    N(d.Units.Count(u => d.GarrisonOf(u) == g)), g.Citation.Source, D(g.Citation.AsOf) })),
            "crossings" => (["id", "name", "from", "mode", "lat", "lon", "capacity_per_day", "gauge_change", "source", "as_of"],
                d.Crossings.Where(c => Keep(c.From)).Select(c => new[] { c.Id, c.Name, c.From, c.Mode.ToCode(), N(c.Location.Lat), N(c.Location.Lon),
                    N(c.CapacityPerDay), c.GaugeChange ? "true" : "false", c.Citation.Source, D(c.Citation.AsOf) })),
            _ => (["id", "name", "category", "range_km", "source", "as_of"],
                d.Threats.Select(t => new[] { t.Id, t.Name, t.Category.ToCode(), N(t.RangeKm), t.Citation.Source, D(t.Citation.AsOf) })),
        };
    }

    private static void Write(Output output, string format, string[] headers, IEnumerable<string[]> rows)
    {
        switch (format)
        {
            case "csv":
                output.Out.WriteLine(string.Join(",", headers));
                foreach (var r in rows) output.Out.WriteLine(string.Join(",", r.Select(Quote)));
                break;
            case "json":
                var objects = rows.Select(r => headers.Zip(r).ToDictionary(p => p.First, p => p.Second));
                output.Out.WriteLine(JsonSerializer.Serialize(objects, Output.Json));
                break;
            default:
                var t = new Table().Border(TableBorder.Simple);
                foreach (var h in headers) t.AddColumn(new TableColumn(Markup.Escape(h)));
                foreach (var r in rows) t.AddRow(r.Select(c => new Text(c)).ToArray<Spectre.Console.Rendering.IRenderable>());
                output.Console.Write(t);
                break;
        }
    }

    private static string Quote(string field)
    {
        if (!field.Contains(',', StringComparison.Ordinal) && !field.Contains('"', StringComparison.Ordinal) && !field.Contains('\n', StringComparison.Ordinal)) return field;
        return new StringBuilder("\"").Append(field.Replace("\"", "\"\"", StringComparison.Ordinal)).Append('"').ToString();
    }
}
