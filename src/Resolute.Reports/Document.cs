using System.Globalization;

namespace Resolute.Reports;

/// <summary>How a number is shown.</summary>
internal enum NumFormat
{
    /// <summary>Invariant digits, no grouping (ids such as seeds and years).</summary>
    Plain,
    /// <summary>Grouped integer: 12,345.</summary>
    Int,
    /// <summary>Up to one decimal: 12,345.6.</summary>
    D1,
    /// <summary>Two decimals: 0.42.</summary>
    D2,
    /// <summary>Three decimals: 0.123.</summary>
    D3,
    /// <summary>A share shown as a percentage with one decimal: 0.873 → 87.3 %.</summary>
    Pct,
    /// <summary>A share difference shown in percentage points: 0.073 → +7.3 pp.</summary>
    Pp,
    /// <summary>A margin in percentage points, unsigned: 0.007 → 0.7 pp.</summary>
    PpMargin,
    /// <summary>US dollars shown in millions: 1.5e9 → 1,500.</summary>
    Millions,
}

/// <summary>
/// The briefing as a small document model — sections of paragraphs, lists, tables, charts and the map — rendered to both
/// HTML and Markdown, so the two always say the same. Every number is a <see cref="Num"/> that knows its path in
/// result.json; the HTML carries the path so a reader (or a test) can check each figure against the file.
/// </summary>
internal abstract record Inline;

/// <summary>Plain text.</summary>
internal sealed record Txt(string Text) : Inline;

/// <summary>A code (e.g. a SIDC): shown verbatim, never read as a quantity.</summary>
internal sealed record Code(string Text) : Inline;

/// <summary>Bold text.</summary>
internal sealed record Strong(string Text) : Inline;

/// <summary>A number from result.json at <paramref name="Path"/> (e.g. <c>force_generation.burden[0].personnel</c>).</summary>
internal sealed record Num(string Path, double Value, NumFormat Format) : Inline
{
    /// <summary>The factor between the JSON value and the number shown.</summary>
    public double Scale => Format switch
    {
        NumFormat.Pct or NumFormat.Pp or NumFormat.PpMargin => 100,
        NumFormat.Millions => 1e-6,
        _ => 1,
    };

    /// <summary>The number as shown.</summary>
    public string Text
    {
        get
        {
            if (double.IsNaN(Value)) return "n/a";
            if (double.IsInfinity(Value)) return Value > 0 ? "∞" : "−∞";
            var c = CultureInfo.InvariantCulture;
            var v = Value * Scale;
            return Format switch
            {
                NumFormat.Plain => Value.ToString("R", c),
                NumFormat.Int => v.ToString("#,0", c),
                NumFormat.D1 => v.ToString("#,0.#", c),
                NumFormat.D2 => v.ToString("#,0.00", c),
                NumFormat.D3 => v.ToString("0.000", c),
                NumFormat.Pct => v.ToString("0.0", c) + " %",
                NumFormat.Pp => v.ToString("+0.0;−0.0;0.0", c) + " pp",
                NumFormat.PpMargin => v.ToString("0.0", c) + " pp",
                _ => v.ToString("#,0", c),
            };
        }
    }
}

/// <summary>A block of a section.</summary>
internal abstract record Block;

/// <summary>A paragraph.</summary>
internal sealed record Para(IReadOnlyList<Inline> Content) : Block;

/// <summary>A bulleted list.</summary>
internal sealed record Bullets(IReadOnlyList<IReadOnlyList<Inline>> Items) : Block;

/// <summary>A table; <paramref name="Collapsed"/> tables start folded in HTML (long lists).</summary>
internal sealed record Table(string Caption, IReadOnlyList<string> Headers, IReadOnlyList<IReadOnlyList<IReadOnlyList<Inline>>> Rows, bool Collapsed = false) : Block;

/// <summary>A chart as inline SVG (HTML only; Markdown names it).</summary>
internal sealed record Chart(string Id, string Caption, string Svg) : Block;

/// <summary>The map (HTML only; Markdown points to the HTML and the tables).</summary>
internal sealed record MapBlock : Block;

/// <summary>A stage that did not run, and why.</summary>
internal sealed record NotComputed(string Reason) : Block;

/// <summary>A section of the briefing.</summary>
internal sealed record Section(string Id, string Title, IReadOnlyList<Block> Blocks);

/// <summary>The whole briefing.</summary>
internal sealed record BriefingDocument(string Title, IReadOnlyList<Inline> Subtitle, IReadOnlyList<Section> Sections);

/// <summary>Shorthands for building the document.</summary>
internal static class D
{
    /// <summary>A run of inlines: strings become text, inlines stay, runs of inlines are spliced in.</summary>
    public static IReadOnlyList<Inline> L(params object?[] parts) =>
        parts.Where(p => p is not null).SelectMany(p => p switch
        {
            IEnumerable<Inline> run => run,
            Inline i => [i],
            _ => new Inline[] { new Txt(Convert.ToString(p, CultureInfo.InvariantCulture) ?? "") },
        }).ToArray();

    public static Num N(string path, double value, NumFormat format = NumFormat.Int) => new(path, value, format);
    public static Num N(string path, double? value, NumFormat format = NumFormat.Int) => new(path, value ?? double.NaN, format);

    public static Para P(params object?[] parts) => new(L(parts));

    public static IReadOnlyList<IReadOnlyList<Inline>> Row(params object?[] cells) =>
        cells.Select(c => c switch
        {
            IReadOnlyList<Inline> run => run,
            Inline i => new[] { i },
            _ => L(c),
        }).ToArray();

    public static string Yes(bool b) => b ? "yes" : "no";
}
