using System.Globalization;
using Resolute.Domain.Diagnostics;
using Resolute.Domain;

namespace Resolute.Data;

/// <summary>Reads SOURCES.md: a <c>### id</c> heading per source, then <c>- title:</c>, <c>- publisher:</c>, <c>- address:</c>, <c>- accessed:</c> lines.</summary>
internal static class SourcesFile
{
    private static readonly string[] Fields = ["title", "publisher", "address", "accessed"];

    public static List<(Source Source, int Line)> Parse(string text, string file, DiagnosticBag bag)
    {
        var result = new List<(Source, int)>();
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        string? id = null;
        int idLine = 0;
        var values = new Dictionary<string, (string Value, int Line, int Column)>(StringComparer.Ordinal);

        void Flush()
        {
            if (id is null) return;
            foreach (var f in Fields.Where(f => !values.ContainsKey(f)))
                bag.Add(new Position(file, idLine, 1), Messages.MissingKey(f));
            var accessed = default(DateOnly);
            if (values.TryGetValue("accessed", out var a) && !DateOnly.TryParseExact(a.Value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out accessed))
                bag.Add(new Position(file, a.Line, a.Column), Messages.InvalidValue("a date YYYY-MM-DD", a.Value));
            if (!seen.TryAdd(id, idLine)) bag.Add(new Position(file, idLine, 5), Messages.DuplicateId(id, seen[id]));
            else result.Add((new Source(id, Get("title"), Get("publisher"), Get("address"), accessed), idLine));
            values.Clear();
        }
        string Get(string f) => values.TryGetValue(f, out var v) ? v.Value : "";

        var lines = text.Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i].TrimEnd('\r');
            if (line.StartsWith("### ", StringComparison.Ordinal))
            {
                Flush();
                id = line[4..].Trim();
                idLine = i + 1;
                if (id.Length == 0 || !id.All(c => c is (>= 'a' and <= 'z') or (>= '0' and <= '9') or '-' or '_'))
                    bag.Add(new Position(file, i + 1, 5), Messages.InvalidValue("a source id of lower-case letters, digits and hyphens", id));
            }
            else if (id is not null && line.StartsWith("- ", StringComparison.Ordinal))
            {
                var colon = line.IndexOf(':', StringComparison.Ordinal);
                if (colon < 0) continue;
                var key = line[2..colon].Trim();
                if (Fields.Contains(key)) values[key] = (line[(colon + 1)..].Trim(), i + 1, colon + 3);
            }
            else if (line.StartsWith('#')) { Flush(); id = null; }
        }
        Flush();
        return result;
    }
}
