using System.Globalization;

namespace Resolute.Domain.Diagnostics;

/// <summary>
/// The one table of input-error messages, keyed by code: each function builds the text of exactly one
/// <see cref="ErrorCode"/> (expected vs found, with a suggestion where one helps).
/// </summary>
public static class Messages
{
    public static Problem FileUnreadable(string reason) => new(ErrorCode.FileUnreadable, $"cannot read the file: {reason}");
    public static Problem FileEmpty() => new(ErrorCode.FileEmpty, "expected content, found an empty file");
    public static Problem TooLarge(string expected, string found) => new(ErrorCode.TooLarge, $"expected {expected}, found {found}");
    public static Problem InvalidEncoding(byte found) =>
        new(ErrorCode.InvalidEncoding, $"expected UTF-8 text, found the byte 0x{found:X2}, which is not valid UTF-8 here (save the file as UTF-8)");
    public static Problem InvalidEncoding(int more, int shown) => new(ErrorCode.InvalidEncoding,
        string.Create(CultureInfo.InvariantCulture, $"expected UTF-8 text, found {more:#,0} more invalid byte sequences after the {shown} above (save the file as UTF-8)"));
    public static Problem WorkTooLarge(string what, double estimate, double ceiling, string remedy) =>
        new(ErrorCode.WorkTooLarge, string.Create(CultureInfo.InvariantCulture, $"expected at most {ceiling:#,0} {what} before the work starts, found an estimate of {estimate:#,0}: {remedy}"));
    public static Problem MissingColumn(string column) => new(ErrorCode.MissingColumn, $"expected a column '{column}', found none");
    public static Problem UnknownColumn(string column, IEnumerable<string> known) => new(ErrorCode.UnknownColumn, $"unknown column '{column}'{Suggest(column, known)}");
    public static Problem FieldCount(int expected, int found) => new(ErrorCode.FieldCount, $"expected {expected} fields, found {found}");
    public static Problem UnterminatedQuote() => new(ErrorCode.UnterminatedQuote, "expected a closing quote, found the end of the file");
    public static Problem InvalidValue(string expected, string found) => new(ErrorCode.InvalidValue, $"expected {expected}, found '{found}'");
    public static Problem UnknownCode(string what, string found, IReadOnlyCollection<string> valid) =>
        new(ErrorCode.UnknownCode, $"expected {Article(what)} {what} ({Join(valid)}), found '{found}'{Suggest(found, valid)}");
    public static Problem OutOfRange(string expected, double found) => new(ErrorCode.OutOfRange, $"expected {expected}, found {Number(found)}");
    public static Problem MissingValue(string what) => new(ErrorCode.MissingValue, $"expected a value for '{what}', found nothing");
    public static Problem MissingSetting(string expected) => new(ErrorCode.MissingValue, $"expected {expected}, found none");
    public static Problem TooFewRows(int needed, int found) =>
        new(ErrorCode.MissingValue, $"expected at least {needed} data row{(needed == 1 ? "" : "s")}, found {found}");
    public static Problem DuplicateId(string id, int firstLine) => new(ErrorCode.DuplicateId, $"duplicate id '{id}', first defined on line {firstLine}");
    public static Problem UnknownReference(string what, string id, IEnumerable<string> known) => new(ErrorCode.UnknownReference, $"unknown {what} '{id}'{Suggest(id, known)}");
    public static Problem UnknownSource(string id, IEnumerable<string> known) =>
        new(ErrorCode.UnknownSource, $"unknown source '{id}': define it in SOURCES.md or use 'assumption'{Suggest(id, known)}");
    public static Problem AssumptionWithoutReason() => new(ErrorCode.AssumptionWithoutReason, "expected a reason in 'note' for source 'assumption', found nothing");
    public static Problem MissingAssumption(string id, string description) =>
        new(ErrorCode.MissingAssumption, $"expected an assumption '{id}' ({description}), found none");
    public static Problem Syntax(string detail) => new(ErrorCode.Syntax, $"invalid syntax: {detail}");
    public static Problem UnknownKey(string key, IReadOnlyCollection<string> known) => new(ErrorCode.UnknownKey, $"unknown key '{key}'{Suggest(key, known, orList: true)}");
    public static Problem MissingKey(string key) => new(ErrorCode.MissingKey, $"expected a key '{key}', found none");
    public static Problem WrongShape(string expected, string found) => new(ErrorCode.WrongShape, $"expected {expected}, found {found}");
    public static Problem InvalidGeometry(string expected, string found) => new(ErrorCode.InvalidGeometry, $"expected {expected}, found {found}");
    public static Problem Inconsistent(string expected, string found) => new(ErrorCode.Inconsistent, $"expected {expected}, found {found}");
    public static Problem DatasetUnavailable(IEnumerable<Diagnostic> errors) =>
        new(ErrorCode.DatasetUnavailable, "the dataset does not load: " + string.Join("; ", errors.Take(5)));

    /// <summary>A number as the messages print it: invariant culture, shortest round-trip form.</summary>
    public static string Number(double x) => x.ToString(CultureInfo.InvariantCulture);

    private static string Article(string noun) => noun.Length > 0 && "aeio".Contains(noun[0], StringComparison.Ordinal) ? "an" : "a";

    private static string Join(IEnumerable<string> items) => string.Join(", ", items);

    /// <summary>"; did you mean 'x'?" when a close match exists (edit distance ≤ a third of the word, at least 2).</summary>
    public static string Suggest(string found, IEnumerable<string> known, bool orList = false)
    {
        ArgumentNullException.ThrowIfNull(found);
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
