using System.Globalization;

namespace Resolute.Data.Diagnostics;

/// <summary>The one table of input-error messages: expected vs found, with a suggestion where one helps.</summary>
internal static class Messages
{
    public static string FileUnreadable(string reason) => $"cannot read the file: {reason}";
    public static string FileEmpty() => "expected content, found an empty file";
    public static string MissingColumn(string column) => $"expected a column '{column}', found none";
    public static string UnknownColumn(string column, IEnumerable<string> known) => $"unknown column '{column}'{Suggest(column, known)}";
    public static string FieldCount(int expected, int found) => $"expected {expected} fields, found {found}";
    public static string UnterminatedQuote() => "expected a closing quote, found the end of the file";
    public static string InvalidValue(string expected, string found) => $"expected {expected}, found '{found}'";
    public static string UnknownCode(string what, string found, IReadOnlyCollection<string> valid) =>
        $"expected {Article(what)} {what} ({Join(valid)}), found '{found}'{Suggest(found, valid)}";

    private static string Article(string noun) => noun.Length > 0 && "aeio".Contains(noun[0], StringComparison.Ordinal) ? "an" : "a";
    public static string OutOfRange(string expected, double found) => $"expected {expected}, found {found.ToString(CultureInfo.InvariantCulture)}";
    public static string MissingValue(string what) => $"expected a value for '{what}', found nothing";
    public static string DuplicateId(string id, int firstLine) => $"duplicate id '{id}', first defined on line {firstLine}";
    public static string UnknownReference(string what, string id, IEnumerable<string> known) => $"unknown {what} '{id}'{Suggest(id, known)}";
    public static string UnknownSource(string id, IEnumerable<string> known) => $"unknown source '{id}': define it in SOURCES.md or use 'assumption'{Suggest(id, known)}";
    public static string AssumptionWithoutReason() => "expected a reason in 'note' for source 'assumption', found nothing";
    public static string Syntax(string detail) => $"invalid syntax: {detail}";
    public static string UnknownKey(string key, IReadOnlyCollection<string> known) => $"unknown key '{key}'{Suggest(key, known, orList: true)}";
    public static string MissingKey(string key) => $"expected a key '{key}', found none";
    public static string WrongShape(string expected, string found) => $"expected {expected}, found {found}";

    private static string Join(IEnumerable<string> items) => string.Join(", ", items);

    /// <summary>"; did you mean 'x'?" when a close match exists (edit distance ≤ a third of the word, at least 2).</summary>
    internal static string Suggest(string found, IEnumerable<string> known, bool orList = false)
    {
        var best = known.Select(k => (k, d: Levenshtein(found.ToLowerInvariant(), k.ToLowerInvariant()))).OrderBy(t => t.d).ThenBy(t => t.k, StringComparer.Ordinal).FirstOrDefault();
        if (best.k is not null && best.d <= Math.Max(2, found.Length / 3)) return $"; did you mean '{best.k}'?";
        return orList ? $"; expected one of: {Join(known)}" : "";
    }

    internal static int Levenshtein(string a, string b)
    {
        var prev = new int[b.Length + 1];
        var cur = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++) prev[j] = j;
        for (var i = 1; i <= a.Length; i++)
        {
            cur[0] = i;
            for (var j = 1; j <= b.Length; j++)
                cur[j] = Math.Min(Math.Min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1));
            (prev, cur) = (cur, prev);
        }
        return prev[b.Length];
    }
}
