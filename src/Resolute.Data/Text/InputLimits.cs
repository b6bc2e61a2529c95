using System.Globalization;
using System.Text;
using System.Text.Unicode;
using Resolute.Domain.Diagnostics;

namespace Resolute.Data.Text;

/// <summary>
/// How much input the loaders accept (docs/scenarios.md, "Limits"). Every limit is far above what a real file needs, and
/// low enough that a hostile or broken file is refused in well under a second instead of taking the process's memory or
/// cores: a file is read up to its limit and no further, and YAML is counted before its tree is built.
/// </summary>
public static class InputLimits
{
    /// <summary>A scenario file's bytes: 1 MiB. The bundled scenarios are 5 to 10 KiB; a scenario listing every unit of a
    /// large requirement by type stays under 100 KiB.</summary>
    public const int ScenarioBytes = 1024 * 1024;

    /// <summary>Each dataset file's bytes: 64 MiB. The largest bundled file is under 100 KiB; a front line digitised
    /// at 10 m, or every brigade of every nation, stays well below.</summary>
    public const int DatasetFileBytes = 64 * 1024 * 1024;

    /// <summary>A result.json read back (<c>resolute report</c>): 256 MiB. A default plan's is about 2 MiB; one with long
    /// campaign series and many compared scenarios stays far below.</summary>
    public const int ResultBytes = 256 * 1024 * 1024;

    /// <summary>YAML nodes in a scenario, with aliases counted as the nodes they stand for: 100,000. A bundled scenario has
    /// about 1,000; the budget stops an alias bomb (a few hundred bytes that expand to billions of nodes) at the alias.</summary>
    public const int ScenarioNodes = 100_000;

    /// <summary>JSON/YAML nodes in a GeoJSON file, aliases expanded: 20 million, about a 64 MiB file of coordinates.</summary>
    public const int GeoJsonNodes = 20_000_000;

    /// <summary>Lists and mappings nested inside one another: 64. A scenario nests 6 deep and GeoJSON 5; the tree is built
    /// recursively, so the limit keeps <c>[[[[…</c> from overflowing the stack.</summary>
    public const int NestingDepth = 64;

    /// <summary>A scenario's name: 200 characters. It is a title on the pages and the briefing.</summary>
    public const int NameLength = 200;

    /// <summary>A scenario's description: 20,000 characters, a few pages of text (the bundled ones are under 1,000).</summary>
    public const int DescriptionLength = 20_000;

    /// <summary>Any other text value of a scenario or dataset row (ids, roles, references, notes): 4,000 characters. The
    /// longest bundled value, an assumption's reference, is under 600.</summary>
    public const int TextLength = 4_000;

    /// <summary>A byte count as the messages print it.</summary>
    public static string Size(long bytes) => bytes >= 1024 * 1024
        ? string.Create(CultureInfo.InvariantCulture, $"{bytes / (1024.0 * 1024.0):0.#} MiB")
        : string.Create(CultureInfo.InvariantCulture, $"{bytes / 1024.0:0.#} KiB");

    /// <summary>Reports a text longer than <paramref name="max"/> characters at <paramref name="at"/>; true when it is within the limit.</summary>
    internal static bool CheckLength(string text, int max, Position at, DiagnosticBag bag)
    {
        if (text.Length <= max) return true;
        bag.Add(at, Messages.TooLarge(string.Create(CultureInfo.InvariantCulture, $"a text of at most {max:#,0} characters"),
            string.Create(CultureInfo.InvariantCulture, $"{text.Length:#,0} characters")));
        return false;
    }
}

/// <summary>Reads text files within a byte limit, as strict UTF-8: invalid bytes are errors at their line and column.</summary>
public static class TextInput
{
    /// <summary>Invalid UTF-8 sequences reported per file; after these, one more error says how many were left.</summary>
    private const int MaxEncodingErrors = 10;

    /// <summary>
    /// The text of the file at <paramref name="path"/>, or null with the problem reported: unreadable, larger than
    /// <paramref name="maxBytes"/> (found after reading at most one byte more, so <c>/dev/zero</c> or a pipe ends at
    /// once), empty, or not UTF-8.
    /// </summary>
    public static string? ReadFile(string path, int maxBytes, DiagnosticBag bag)
    {
        ArgumentNullException.ThrowIfNull(bag);
        byte[] bytes;
        try
        {
            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1, FileOptions.SequentialScan);
            var buffer = new byte[Math.Min(maxBytes + 1L, 1 << 16)];
            using var content = new MemoryStream();
            int n;
            while ((n = stream.Read(buffer, 0, buffer.Length)) > 0)
            {
                content.Write(buffer, 0, n);
                if (content.Length > maxBytes)
                {
                    bag.Add(new Position(path, 1, 1), Messages.TooLarge($"a file of at most {InputLimits.Size(maxBytes)}", "a larger file (reading stopped at the limit)"));
                    return null;
                }
            }
            bytes = content.ToArray();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or NotSupportedException or ArgumentException)
        {
            bag.Add(new Position(path, 1, 1), Messages.FileUnreadable(e is FileNotFoundException or DirectoryNotFoundException ? "no such file" : e.Message));
            return null;
        }
        var text = Decode(bytes, path, bag);
        if (text is null) return null;
        if (text.Trim().Length == 0) { bag.Add(new Position(path, 1, 1), Messages.FileEmpty()); return null; }
        return text;
    }

    /// <summary>
    /// Decodes <paramref name="bytes"/> as UTF-8 (a leading byte-order mark is dropped), or returns null with each
    /// invalid sequence reported at its line and column (columns count characters, as every other message does).
    /// </summary>
    public static string? Decode(ReadOnlySpan<byte> bytes, string file, DiagnosticBag bag)
    {
        ArgumentNullException.ThrowIfNull(bag);
        if (bytes.StartsWith("\uFEFF"u8)) bytes = bytes[3..];
        if (Utf8.IsValid(bytes)) return Encoding.UTF8.GetString(bytes);
        int line = 1, lineStart = 0, reported = 0, more = 0;
        for (var i = 0; i < bytes.Length;)
        {
            if (bytes[i] == (byte)'\n') { line++; lineStart = ++i; continue; }
            if (System.Text.Rune.DecodeFromUtf8(bytes[i..], out _, out var used) == System.Buffers.OperationStatus.Done) { i += used; continue; }
            if (reported < MaxEncodingErrors)
            {
                var column = Encoding.UTF8.GetCharCount(bytes[lineStart..i]) + 1;
                bag.Add(new Position(file, line, column), Messages.InvalidEncoding(bytes[i]));
                reported++;
            }
            else more++;
            i += Math.Max(1, used);
        }
        if (more > 0)
            bag.Add(new Position(file, line, 1), Messages.InvalidEncoding(more, MaxEncodingErrors));
        return null;
    }
}
