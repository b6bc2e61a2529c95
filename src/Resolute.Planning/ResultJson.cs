using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Resolute.Planning;

/// <summary>A result.json read back: the result, or one sentence saying why it cannot be used.</summary>
/// <param name="Value">The result, when the file is a valid result of <see cref="PlanResult.CurrentSchemaVersion"/>.</param>
/// <param name="Error">Why not, otherwise.</param>
public sealed record ResultRead(PlanResult? Value, string? Error);

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
            var where = e.LineNumber is { } line ? string.Create(CultureInfo.InvariantCulture, $" at line {line + 1}, byte {e.BytePositionInLine + 1}") : "";
            var path = string.IsNullOrEmpty(e.Path) || e.Path == "$" ? "" : $" ({e.Path})";
            return Fail($"not a valid schema-{PlanResult.CurrentSchemaVersion.ToString(CultureInfo.InvariantCulture)} result{where}{path}: {FirstSentence(e.Message)}");
        }
        catch (NotSupportedException e)
        {
            return Fail($"not a valid result: {FirstSentence(e.Message)}");
        }
    }

    private static ResultRead Fail(string error) => new(null, error);

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
