namespace Resolute.Domain;

/// <summary>The grammar of a scenario id: it names files (<c>&lt;id&gt;.yaml</c>), URLs and store rows, so it stays plain.</summary>
public static class ScenarioId
{
    /// <summary>The longest id accepted.</summary>
    public const int MaxLength = 100;

    /// <summary>What an id must be, in the words of an error message.</summary>
    public const string Expected = "an id of lower-case letters, digits, '-' and '_' (at most 100)";

    /// <summary>True for 1 to <see cref="MaxLength"/> lower-case ASCII letters, digits, '-' and '_'.</summary>
    public static bool IsValid(string id)
    {
        ArgumentNullException.ThrowIfNull(id);
        return id.Length is > 0 and <= MaxLength && id.All(c => c is (>= 'a' and <= 'z') or (>= '0' and <= '9') or '-' or '_');
    }
}
