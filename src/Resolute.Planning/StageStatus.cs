using System.Text.Json;
using System.Text.Json.Serialization;

namespace Resolute.Planning;

/// <summary>How far a stage got.</summary>
public enum StageOutcome { Computed, NotComputed }

/// <summary>
/// A stage's status: computed (with a note, e.g. stopped early) or not computed and why. In result.json it is one
/// sentence, "computed", "computed (…)" or "not computed: why", as it always was.
/// </summary>
[JsonConverter(typeof(StageStatusJson))]
public sealed record StageStatus(StageOutcome Outcome, string Note)
{
    private const string ComputedText = "computed", NotComputedText = "not computed";

    /// <summary>The stage ran.</summary>
    public static StageStatus Computed { get; } = new(StageOutcome.Computed, "");

    /// <summary>The stage has not run (yet).</summary>
    public static StageStatus Pending { get; } = new(StageOutcome.NotComputed, "");

    /// <summary>The stage ran, with a note on how (e.g. "stopped early: …").</summary>
    public static StageStatus ComputedWith(string note) => new(StageOutcome.Computed, note);

    /// <summary>The stage did not run, for <paramref name="reason"/>.</summary>
    public static StageStatus NotComputed(string reason) => new(StageOutcome.NotComputed, reason);

    /// <summary>True when the stage ran.</summary>
    public bool Ran => Outcome == StageOutcome.Computed;

    /// <inheritdoc />
    public override string ToString() => (Outcome, Note) switch
    {
        (StageOutcome.Computed, "") => ComputedText,
        (StageOutcome.Computed, var note) => $"{ComputedText} ({note})",
        (_, "") => NotComputedText,
        (_, var reason) => $"{NotComputedText}: {reason}",
    };

    /// <summary>Reads the sentence <see cref="ToString"/> writes.</summary>
    public static StageStatus Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (text == ComputedText) return Computed;
        if (text.StartsWith(ComputedText + " (", StringComparison.Ordinal) && text.EndsWith(')')) return ComputedWith(text[(ComputedText.Length + 2)..^1]);
        if (text == NotComputedText) return Pending;
        if (text.StartsWith(NotComputedText + ": ", StringComparison.Ordinal)) return NotComputed(text[(NotComputedText.Length + 2)..]);
        throw new JsonException($"expected a stage status ('computed…' or 'not computed…'), found '{text}'");
    }

    private sealed class StageStatusJson : JsonConverter<StageStatus>
    {
        public override StageStatus Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            Parse(reader.GetString() ?? throw new JsonException("expected a stage status, found null"));

        public override void Write(Utf8JsonWriter writer, StageStatus value, JsonSerializerOptions options) => writer.WriteStringValue(value.ToString());
    }
}
