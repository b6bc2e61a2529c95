using System.Globalization;
using System.Text;
using Resolute.Domain.Diagnostics;
using Resolute.Domain;

namespace Resolute.Data.Text;

/// <summary>A CSV field with the position where it starts.</summary>
internal readonly record struct CsvField(string Text, int Line, int Column);

/// <summary>
/// An RFC 4180 reader that remembers where every field starts, so errors can name a line and column.
/// Hand-written because general CSV libraries report record numbers, not the column of the offending field.
/// </summary>
internal static class Csv
{
    public static List<List<CsvField>> Parse(string text, string file, DiagnosticBag bag)
    {
        var rows = new List<List<CsvField>>();
        var row = new List<CsvField>();
        var field = new StringBuilder();
        int i = 0, line = 1, col = 1, startLine = 1, startCol = 1;
        var quoted = false;
        var atFieldStart = true;

        void EndField()
        {
            row.Add(new CsvField(field.ToString(), startLine, startCol));
            field.Clear();
            atFieldStart = true;
        }
        void EndRow()
        {
            EndField();
            if (!(row.Count == 1 && row[0].Text.Length == 0)) rows.Add(row); // blank lines are skipped
            row = [];
        }

        if (text.Length > 0 && text[0] == '\uFEFF') i = 1;
        while (i < text.Length)
        {
            var c = text[i];
            if (atFieldStart) { startLine = line; startCol = col; atFieldStart = false; quoted = false; if (c == '"') { quoted = true; i++; col++; continue; } }
            if (quoted)
            {
                if (c == '"')
                {
                    if (i + 1 < text.Length && text[i + 1] == '"') { field.Append('"'); i += 2; col += 2; continue; }
                    quoted = false; i++; col++; continue;
                }
                field.Append(c);
                if (c == '\n') { line++; col = 1; } else col++;
                i++;
                continue;
            }
            switch (c)
            {
                case ',': EndField(); i++; col++; break;
                case '\r' when i + 1 < text.Length && text[i + 1] == '\n': EndRow(); i += 2; line++; col = 1; break;
                case '\n': EndRow(); i++; line++; col = 1; break;
                default: field.Append(c); i++; col++; break;
            }
        }
        if (quoted) bag.Add(new Position(file, startLine, startCol), Messages.UnterminatedQuote());
        if (!atFieldStart || row.Count > 0) EndRow();
        return rows;
    }
}

/// <summary>
/// Reads one CSV file against a schema (required columns, and optional ones a file may leave out): checks the header,
/// then hands each row to a binder that pulls typed values by column name. Every problem goes to the bag; nothing
/// throws. The dataset loader and the CLI's other CSV inputs (<c>fit</c>) read through it.
/// </summary>
public sealed class CsvTable
{
    private readonly string _file;
    private readonly DiagnosticBag _bag;
    private readonly Dictionary<string, int> _columns = new(StringComparer.Ordinal);
    private readonly List<List<CsvField>> _rows;
    private readonly int _headerLine;

    private CsvTable(string file, DiagnosticBag bag, List<List<CsvField>> rows, int headerLine)
    {
        _file = file; _bag = bag; _rows = rows; _headerLine = headerLine;
    }

    /// <summary>Reads and parses the file at <paramref name="path"/>; null when it cannot be read or its header is unusable (errors reported).</summary>
    public static CsvTable? Load(string path, IReadOnlyList<string> schema, DiagnosticBag bag, IReadOnlyList<string>? optional = null, bool allowOtherColumns = false)
    {
        ArgumentNullException.ThrowIfNull(bag);
        return DatasetLoader.ReadFile(path, bag) is { } text ? Open(text, path, schema, bag, optional, allowOtherColumns) : null;
    }

    /// <summary>Parses <paramref name="text"/>; null when the header is unusable (errors reported).</summary>
    public static CsvTable? Open(string text, string file, IReadOnlyList<string> schema, DiagnosticBag bag, IReadOnlyList<string>? optional = null, bool allowOtherColumns = false)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(schema);
        ArgumentNullException.ThrowIfNull(bag);
        IReadOnlyList<string> known = [.. schema, .. optional ?? []];
        if (text.Trim().Length == 0) { bag.Add(new Position(file, 1, 1), Messages.FileEmpty()); return null; }
        var rows = Csv.Parse(text, file, bag);
        var header = rows[0];
        var table = new CsvTable(file, bag, rows.Skip(1).ToList(), header[0].Line);
        var errors = bag.ErrorCount;
        for (var c = 0; c < header.Count; c++)
        {
            var name = header[c].Text.Trim();
            if (!known.Contains(name) && !allowOtherColumns) bag.Add(new Position(file, header[c].Line, header[c].Column), Messages.UnknownColumn(name, known));
            else if (!table._columns.TryAdd(name, c)) bag.Add(new Position(file, header[c].Line, header[c].Column), Messages.DuplicateId(name, header[0].Line));
        }
        foreach (var name in schema.Where(s => !table._columns.ContainsKey(s)))
            bag.Add(new Position(file, header[0].Line, header[^1].Column + header[^1].Text.Length + 1), Messages.MissingColumn(name));
        return bag.ErrorCount == errors ? table : null;
    }

    /// <summary>Binds every well-formed row; rows with the wrong field count are reported and skipped.</summary>
    public List<T> Bind<T>(Func<CsvRow, T> bind)
    {
        var width = _columns.Count;
        var result = new List<T>(_rows.Count);
        foreach (var fields in _rows)
        {
            if (fields.Count != width)
            {
                _bag.Add(new Position(_file, fields[0].Line, fields[Math.Min(fields.Count, width) - 1].Column), Messages.FieldCount(width, fields.Count));
                continue;
            }
            result.Add(bind(new CsvRow(this, fields)));
        }
        return result;
    }

    /// <summary>True when the header has <paramref name="column"/> (an optional column may be absent).</summary>
    public bool Has(string column) => _columns.ContainsKey(column);

    /// <summary>The line after the last row, where "too few rows" is reported.</summary>
    public int EndLine => (_rows.Count > 0 ? _rows[^1][0].Line : _headerLine) + 1;

    /// <summary>One row, read by column name.</summary>
    [System.Diagnostics.CodeAnalysis.SuppressMessage("Naming", "CA1720:Identifier contains type name", Justification = "Each typed reader is named after the value it reads.")]
    public sealed class CsvRow
    {
        private readonly CsvTable table;
        private readonly List<CsvField> fields;

        internal CsvRow(CsvTable table, List<CsvField> fields) => (this.table, this.fields) = (table, fields);

        /// <summary>The line the row starts on.</summary>
        public int Line => fields[0].Line;

        public Position At(string column) { var f = Field(column); return new Position(table._file, f.Line, f.Column); }

        private CsvField Field(string column) => fields[table._columns[column]];

        /// <summary>Reports <paramref name="problem"/> at the row's <paramref name="column"/>.</summary>
        public void Error(string column, Problem problem) => table._bag.Add(At(column), problem);

        /// <summary>The trimmed text; reports an error when <paramref name="required"/> and empty.</summary>
        public string Text(string column, bool required = true)
        {
            var text = Field(column).Text.Trim();
            if (required && text.Length == 0) Error(column, Messages.MissingValue(column));
            if (!InputLimits.CheckLength(text, InputLimits.TextLength, At(column), table._bag)) return "";
            return text;
        }

        /// <summary>A snake_case id.</summary>
        public string Id(string column)
        {
            var text = Text(column);
            if (text.Length > 0 && !text.All(c => c is (>= 'a' and <= 'z') or (>= '0' and <= '9') or '_'))
                Error(column, Messages.InvalidValue("a snake_case id", text));
            return text;
        }

        public long Long(string column, long min = 0)
        {
            var text = Text(column);
            if (text.Length == 0) return 0;
            if (!long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var v)) { Error(column, Messages.InvalidValue("a whole number", text)); return 0; }
            if (v < min) Error(column, Messages.OutOfRange($"a number ≥ {min}", v));
            return v;
        }

        public int Int(string column, int min = 0) => (int)Math.Clamp(Long(column, min), int.MinValue, int.MaxValue);

        public long? OptionalLong(string column) => Text(column, required: false).Length == 0 ? null : Long(column);

        public double Double(string column, double min = double.NegativeInfinity, double max = double.PositiveInfinity, bool required = true)
        {
            var text = Text(column, required);
            if (text.Length == 0) return 0;
            if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var v) || !double.IsFinite(v)) { Error(column, Messages.InvalidValue("a number", text)); return 0; }
            if (v < min || v > max) Error(column, Messages.OutOfRange(RangeText(min, max), v));
            return v;
        }

        public double? OptionalDouble(string column, double min = 0) => Text(column, required: false).Length == 0 ? null : Double(column, min);

        public DateOnly Date(string column)
        {
            var text = Text(column);
            if (text.Length == 0) return default;
            if (!DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)) { Error(column, Messages.InvalidValue("a date YYYY-MM-DD", text)); return default; }
            return d;
        }

        public bool Bool(string column)
        {
            var text = Text(column);
            switch (text)
            {
                case "true": return true;
                case "false": return false;
                case "": return false;
                default: Error(column, Messages.InvalidValue("true or false", text)); return false;
            }
        }

        public TEnum Code<TEnum>(string column, string what) where TEnum : struct, Enum
        {
            var text = Text(column);
            if (text.Length == 0) return default;
            if (Codes.TryParse<TEnum>(text, out var v)) return v;
            Error(column, Messages.UnknownCode(what, text, Codes.All<TEnum>().ToArray()));
            return default;
        }

        internal static string RangeText(double min, double max) =>
            double.IsNegativeInfinity(min) ? $"a number ≤ {max.ToString(CultureInfo.InvariantCulture)}"
            : double.IsPositiveInfinity(max) ? $"a number ≥ {min.ToString(CultureInfo.InvariantCulture)}"
            : $"a number from {min.ToString(CultureInfo.InvariantCulture)} to {max.ToString(CultureInfo.InvariantCulture)}";
    }
}
