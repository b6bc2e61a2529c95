using System.Collections.Frozen;
using System.Text;

namespace Resolute.Domain;

/// <summary>
/// Converts the domain's enums to and from the snake_case codes used in data and scenario files.
/// </summary>
public static class Codes
{
    /// <summary>The snake_case code of an enum value, e.g. <c>ManoeuvreBrigade</c> → <c>manoeuvre_brigade</c>.</summary>
    public static string ToCode<TEnum>(this TEnum value) where TEnum : struct, Enum => Table<TEnum>.ToCode[value];

    /// <summary>Parses a snake_case code; false when the code is not one of <typeparamref name="TEnum"/>'s.</summary>
    public static bool TryParse<TEnum>(string code, out TEnum value) where TEnum : struct, Enum =>
        Table<TEnum>.FromCode.TryGetValue(code, out value);

    /// <summary>Every valid code of <typeparamref name="TEnum"/>, in declaration order.</summary>
    public static IReadOnlyList<string> All<TEnum>() where TEnum : struct, Enum => Table<TEnum>.AllCodes;

    /// <summary>Converts PascalCase to snake_case.</summary>
    public static string Snake(string pascal)
    {
        var sb = new StringBuilder(pascal.Length + 4);
        for (var i = 0; i < pascal.Length; i++)
        {
            var c = pascal[i];
            if (char.IsUpper(c) && i > 0) sb.Append('_');
            sb.Append(char.ToLowerInvariant(c));
        }
        return sb.ToString();
    }

    private static class Table<TEnum> where TEnum : struct, Enum
    {
        public static readonly IReadOnlyList<string> AllCodes = Enum.GetValues<TEnum>().Select(v => Snake(v.ToString())).ToArray();
        public static readonly FrozenDictionary<TEnum, string> ToCode = Enum.GetValues<TEnum>().ToFrozenDictionary(v => v, v => Snake(v.ToString()));
        public static readonly FrozenDictionary<string, TEnum> FromCode = Enum.GetValues<TEnum>().ToFrozenDictionary(v => Snake(v.ToString()), v => v, StringComparer.Ordinal);
    }
}
