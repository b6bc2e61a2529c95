using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Resolute.Planning;

/// <summary>A result.json read back: the result, or one sentence saying why it cannot be used and where.</summary>
/// <param name="Value">The result, when the file is a valid result of <see cref="PlanResult.CurrentSchemaVersion"/>.</param>
/// <param name="Error">Why not, otherwise.</param>
/// <param name="Line">The 1-based line of the problem in the document, or 0 when the problem has no one place.</param>
/// <param name="Column">The 1-based column (in characters) of the problem on <paramref name="Line"/>, or 0.</param>
public sealed record ResultRead(PlanResult? Value, string? Error, int Line = 0, int Column = 0)
{
    /// <summary>The error in the <c>file:line:column: message</c> form (<c>file: message</c> when it has no place).</summary>
    public string Describe(string file) =>
        Line > 0 ? string.Create(CultureInfo.InvariantCulture, $"{file}:{Line}:{Column}: {Error}") : $"{file}: {Error}";
}

/// <summary>
/// The <c>result.json</c> format: snake_case names, enums as snake_case strings, ∞ and NaN as named literals, a top-level
/// <c>schema_version</c>. Writing then reading gives back an equal document (the briefing can be re-rendered from it).
/// </summary>
public static class ResultJson
{
    /// <summary>The serializer options of result.json.</summary>
    public static JsonSerializerOptions Options { get; } = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        DictionaryKeyPolicy = null,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
        RespectNullableAnnotations = true,
        RespectRequiredConstructorParameters = true,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower) },
    };

    /// <summary>The result as indented JSON.</summary>
    public static string Write(PlanResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        return JsonSerializer.Serialize(result, Options);
    }

    /// <summary>Reads a result.json; a corrupt file, another schema version or missing fields give an error, never an exception.</summary>
    public static ResultRead Read(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        try
        {
            using var doc = JsonDocument.Parse(json);
            if (doc.RootElement.ValueKind != JsonValueKind.Object)
                return Fail($"expected a JSON object, found {doc.RootElement.ValueKind.ToString().ToLowerInvariant()}: not a Resolute result");
            if (!doc.RootElement.TryGetProperty("schema_version", out var version) || version.ValueKind != JsonValueKind.Number || !version.TryGetInt32(out var v))
                return Fail($"no schema_version: not a Resolute result of schema version {PlanResult.CurrentSchemaVersion} (re-run `resolute plan` to write one)");
            if (v != PlanResult.CurrentSchemaVersion)
                return Fail(string.Create(CultureInfo.InvariantCulture,
                    $"schema version {v}; this resolute reads schema version {PlanResult.CurrentSchemaVersion} only (re-run `resolute plan` with this version to regenerate it)"));
            var result = doc.Deserialize<PlanResult>(Options);
            return result is null ? Fail("the document is null") : new ResultRead(result, null);
        }
        catch (JsonException e)
        {
            var path = string.IsNullOrEmpty(e.Path) || e.Path == "$" ? "" : $" ({e.Path})";
            var error = $"not a valid schema-{PlanResult.CurrentSchemaVersion.ToString(CultureInfo.InvariantCulture)} result{path}: {FirstSentence(e.Message)}";
            if (e.LineNumber is not { } line) return Fail(error);
            return new ResultRead(null, error, (int)line + 1, Column(json, (int)line, (int)(e.BytePositionInLine ?? 0)));
        }
        catch (NotSupportedException e)
        {
            return Fail($"not a valid result: {FirstSentence(e.Message)}");
        }
    }

    private static ResultRead Fail(string error) => new(null, error);

    /// <summary>The 1-based character column of a 0-based byte offset on a 0-based line (the reader counts UTF-8 bytes).</summary>
    private static int Column(string json, int line, int bytes)
    {
        var start = 0;
        for (var i = 0; i < line && start >= 0; i++)
        {
            start = json.IndexOf('\n', start);
            if (start >= 0) start++;
        }
        if (start < 0) return bytes + 1;
        var end = json.IndexOf('\n', start);
        var text = json.AsSpan(start, (end < 0 ? json.Length : end) - start);
        int chars = 0, seen = 0;
        foreach (var rune in text.EnumerateRunes())
        {
            if (seen + rune.Utf8SequenceLength > bytes) break;
            seen += rune.Utf8SequenceLength;
            chars += rune.Utf16SequenceLength;
        }
        return chars + 1;
    }

    private static string FirstSentence(string message)
    {
        foreach (var marker in new[] { " Path:", " LineNumber:" })
        {
            var cut = message.IndexOf(marker, StringComparison.Ordinal);
            if (cut > 0) message = message[..cut];
        }
        return message.TrimEnd();
    }
}
