using System.Text.Json;
using System.Text.Json.Serialization;

namespace Resolute.Domain.Edits;

/// <summary>Writes an edit as its <c>KEY=VALUE</c> text and reads it back, so a saved result keeps its suggestions as edits.</summary>
public sealed class ScenarioEditJson : JsonConverter<ScenarioEdit>
{
    public override ScenarioEdit Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        var text = reader.GetString() ?? throw new JsonException("expected a what-if (KEY=VALUE), found null");
        var (edit, problem) = WhatIfText.Parse(text);
        return edit ?? throw new JsonException($"'{text}' is not a what-if: {problem!.Value.Text}");
    }

    public override void Write(Utf8JsonWriter writer, ScenarioEdit value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(value);
        writer.WriteStringValue(value.Text);
    }
}
