using System.Globalization;
using System.Text;

using Resolute.Domain.Diagnostics;
using Resolute.Planning;

namespace Resolute.Reports;

/// <summary>How the briefing is rendered.</summary>
/// <param name="TileUrl">
/// An optional raster tile URL template (e.g. <c>https://tiles.example.org/{z}/{x}/{y}.png</c>) drawn under the map's
/// layers when the reader is online; the briefing never needs it, since its base map is embedded.
/// </param>
/// <param name="TileAttribution">The attribution the tile server requires, shown on the map.</param>
public sealed record BriefingOptions(string? TileUrl = null, string? TileAttribution = null)
{
    /// <summary>No tiles: the embedded Natural Earth base map only.</summary>
    public static BriefingOptions Default { get; } = new();

    /// <summary>Every invalid option (empty when valid).</summary>
    public IReadOnlyList<Diagnostic> Validate()
    {
        var errors = new List<Diagnostic>();
        if (TileUrl is { } url && (!Uri.TryCreate(url.Replace("{", "", StringComparison.Ordinal).Replace("}", "", StringComparison.Ordinal), UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https")
            || !url.Contains("{z}", StringComparison.Ordinal) || !url.Contains("{x}", StringComparison.Ordinal) || !url.Contains("{y}", StringComparison.Ordinal)))
            errors.Add(Diagnostic.Setting("tiles", Messages.InvalidValue("an http(s) URL template with {z}, {x} and {y}", url)));
        return errors;
    }
}

/// <summary>The three files of a briefing, as text: write them with <see cref="Names"/>.</summary>
/// <param name="Html">briefing.html: one self-contained file, offline.</param>
/// <param name="Markdown">briefing.md: the same sections as text tables.</param>
/// <param name="Json">result.json: the plan result the briefing renders.</param>
public sealed record BriefingFiles(string Html, string Markdown, string Json)
{
    /// <summary>File names, in the order they should be written.</summary>
    public static readonly IReadOnlyList<string> Names = ["result.json", "briefing.md", "briefing.html"];

    /// <summary>The files by name.</summary>
    public IReadOnlyList<(string Name, string Content)> All => [("result.json", Json), ("briefing.md", Markdown), ("briefing.html", Html)];
}

/// <summary>Renders a plan result as a briefing. Pure: no files, clock or console.</summary>
public static class Briefing
{
    /// <summary>The HTML, Markdown and JSON of the briefing of <paramref name="result"/>.</summary>
    /// <exception cref="ArgumentException">The options are invalid (validate them at the boundary).</exception>
    public static BriefingFiles Render(PlanResult result, BriefingOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(result);
        options ??= BriefingOptions.Default;
        if (options.Validate() is { Count: > 0 } errors) throw new ArgumentException(string.Join("; ", errors), nameof(options));
        return new BriefingFiles(HtmlRenderer.Render(result, BriefingBuilder.Build(result, charts: true), options), MarkdownRenderer.Render(BriefingBuilder.Build(result, charts: false)), ResultJson.Write(result));
    }

    /// <summary>The briefing's bottom line up front as plain-text lines, one per point, for a console.</summary>
    public static IReadOnlyList<string> BottomLine(PlanResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        return BriefingBuilder.Bluf(result).Blocks.OfType<Bullets>().SelectMany(b => b.Items)
            .Select(item => string.Concat(item.Select(i => i switch { Txt t => t.Text, Strong x => x.Text, Num n => n.Text, Code c => c.Text, _ => "" })))
            .ToArray();
    }

    /// <summary>The default output directory name: <c>&lt;scenario&gt;-&lt;UTC timestamp&gt;</c>.</summary>
    public static string DirectoryName(PlanResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        return string.Create(CultureInfo.InvariantCulture, $"{result.Scenario.Id}-{result.Provenance.CreatedUtc.UtcDateTime:yyyyMMdd'T'HHmmss'Z'}");
    }
}

/// <summary>Renders the document as GitHub-flavoured Markdown.</summary>
internal static class MarkdownRenderer
{
    public static string Render(BriefingDocument doc)
    {
        var sb = new StringBuilder();
        sb.Append("# Briefing: ").Append(Escape(doc.Title)).Append("\n\n").Append(Inlines(doc.Subtitle)).Append("\n\n");
        sb.Append("Charts and the map are in briefing.html.\n\n");
        foreach (var s in doc.Sections)
        {
            sb.Append("## ").Append(Escape(s.Title)).Append("\n\n");
            foreach (var b in s.Blocks)
            {
                switch (b)
                {
                    case Para p:
                        sb.Append(Inlines(p.Content)).Append("\n\n");
                        break;
                    case Bullets l:
                        foreach (var item in l.Items) sb.Append("- ").Append(Inlines(item)).Append('\n');
                        sb.Append('\n');
                        break;
                    case Table t:
                        sb.Append("**").Append(Escape(t.Caption)).Append("**\n\n");
                        if (t.Rows.Count == 0)
                        {
                            sb.Append("(none)\n\n");
                            break;
                        }
                        sb.Append("| ").AppendJoin(" | ", t.Headers.Select(Cell)).Append(" |\n");
                        sb.Append('|').AppendJoin("", t.Headers.Select(_ => " --- |")).Append('\n');
                        foreach (var row in t.Rows) sb.Append("| ").AppendJoin(" | ", row.Select(c => Cell(Inlines(c)))).Append(" |\n");
                        sb.Append('\n');
                        break;
                    case Chart c:
                        sb.Append("_Chart (in briefing.html): ").Append(Escape(c.Caption)).Append("_\n\n");
                        break;
                    case MapBlock:
                        sb.Append("_Map (in briefing.html): front line, threat zones, deployment areas, unit symbols, air-defence coverage and cities._\n\n");
                        break;
                    case NotComputed n:
                        sb.Append("**").Append(Escape(Capitalise(n.Reason))).Append(".**\n\n");
                        break;
                }
            }
        }
        return sb.ToString();
    }

    private static string Capitalise(string s) => s.Length == 0 ? s : char.ToUpperInvariant(s[0]) + s[1..];

    private static string Inlines(IEnumerable<Inline> content) => string.Concat(content.Select(i => i switch
    {
        Txt t => Escape(t.Text),
        Strong s => $"**{Escape(s.Text.TrimEnd())}**" + (s.Text.EndsWith(' ') ? " " : ""),
        Num n => n.Text,
        Code c => $"`{c.Text}`",
        _ => "",
    }));

    private static string Cell(string s) => s.Replace("|", "\\|", StringComparison.Ordinal).Replace("\n", " ", StringComparison.Ordinal);

    private static string Escape(string s) => s.Replace("*", "\\*", StringComparison.Ordinal).Replace("_", "\\_", StringComparison.Ordinal).Replace("<", "&lt;", StringComparison.Ordinal);
}
