using System.Globalization;

namespace Resolute.Balance.Tests.Fixtures;

/// <summary>One data row of Helmbold's Iwo Jima spreadsheet.</summary>
/// <param name="Day">The spreadsheet's Day Number (1 = D-Day, 19 Feb 1945).</param>
/// <param name="Landed">USMC landings that day (blank cells read as 0).</param>
/// <param name="Lost">USMC losses that day, Helmbold's per-phase averages (blank cells read as 0).</param>
/// <param name="JapAshore">Recorded Japanese strength ashore, or null when blank (only days 1 and 26 have it).</param>
/// <param name="UsEnd">The spreadsheet's computed US strength at the end of the day, or null when blank.</param>
/// <param name="JapEnd">The spreadsheet's computed Japanese strength at the end of the day, or null when blank.</param>
internal sealed record IwoJimaDay(int Day, double Landed, double Lost, double? JapAshore, double? UsEnd, double? JapEnd);

/// <summary>
/// Reads validation/IWOJIMA.csv (PAR Datadisk v2.1, Helmbold 1993). The header rows are the
/// spreadsheet's own; data rows are those whose first cell is a whole Day Number. Columns:
/// 0 Day Number, 4 USMC Landings, 5 USMC Loss/Dy, 8 Jap Ashore, 9 Calc'd US End, 10 Calc'd Jap End. The cumulative columns
/// hold #VALUE! and are not read.
/// </summary>
internal static class IwoJimaCsv
{
    public static readonly string Path = System.IO.Path.Combine(AppContext.BaseDirectory, "Fixtures", "IWOJIMA.csv");

    public static IReadOnlyList<IwoJimaDay> Read()
    {
        var days = new List<IwoJimaDay>();
        foreach (var line in File.ReadLines(Path))
        {
            var cells = Split(line);
            if (cells.Count < 11 || !int.TryParse(cells[0], NumberStyles.None, CultureInfo.InvariantCulture, out var day)) continue;
            days.Add(new IwoJimaDay(day, Number(cells[4]) ?? 0, Number(cells[5]) ?? 0, Number(cells[8]), Number(cells[9]), Number(cells[10])));
        }
        return days;
    }

    /// <summary>A parameter cell from the header, e.g. the cell after "A = ".</summary>
    public static double HeaderValue(string label)
    {
        foreach (var line in File.ReadLines(Path))
        {
            var cells = Split(line);
            var at = cells.FindIndex(c => c.Trim() == label);
            if (at >= 0 && at + 1 < cells.Count) return Number(cells[at + 1]) ?? double.NaN;
        }
        throw new InvalidDataException($"No header cell '{label}'.");
    }

    private static double? Number(string cell) =>
        double.TryParse(cell, NumberStyles.Float, CultureInfo.InvariantCulture, out var v) ? v : null;

    // RFC 4180 fields: commas inside double quotes belong to the field ("Address: 8120 …, MD").
    private static List<string> Split(string line)
    {
        var cells = new List<string>();
        var current = new System.Text.StringBuilder();
        var quoted = false;
        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < line.Length && line[i + 1] == '"') { current.Append('"'); i++; }
                else if (c == '"') quoted = false;
                else current.Append(c);
            }
            else if (c == '"') quoted = true;
            else if (c == ',') { cells.Add(current.ToString()); current.Clear(); }
            else current.Append(c);
        }
        cells.Add(current.ToString());
        return cells;
    }
}
