using System.Globalization;
using Resolute.Domain.Diagnostics;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Resolute.Data.Text;

/// <summary>
/// Reads YAML (and JSON, a subset of it) as a node tree that keeps every node's position, so validation can say
/// <c>file:line:column</c> for each problem. Typed deserialisers lose positions and stop at the first error.
/// </summary>
internal static class YamlTree
{
    /// <summary>
    /// The root node of <paramref name="text"/>, or null with a syntax error reported, or with the node where the text goes
    /// over <paramref name="maxNodes"/> nodes (aliases counted as the nodes they stand for) or <see cref="InputLimits.NestingDepth"/>.
    /// </summary>
    public static YamlNode? Load(string text, string file, DiagnosticBag bag, int maxNodes = InputLimits.ScenarioNodes)
    {
        if (text.Trim().Length == 0) { bag.Add(new Position(file, 1, 1), Messages.FileEmpty()); return null; }
        if (!WithinBudget(text, file, bag, maxNodes)) return null;
        var parser = new TrackingParser(new Parser(new StringReader(text)));
        try
        {
            var stream = new YamlStream();
            stream.Load(parser);
            if (stream.Documents.Count == 0) { bag.Add(new Position(file, 1, 1), Messages.FileEmpty()); return null; }
            return stream.Documents[0].RootNode;
        }
        catch (YamlException e)
        {
            bag.Add(new Position(file, (int)e.Start.Line, (int)e.Start.Column), Messages.Syntax(FirstSentence(e.Message)));
            return null;
        }
        catch (InvalidOperationException)
        {
            // YamlDotNet's scanner sometimes fails without a YamlException (e.g. an unclosed flow sequence); report
            // where the last good token ended.
            bag.Add(new Position(file, (int)parser.LastEnd.Line, (int)parser.LastEnd.Column), Messages.Syntax("the text after this point is not valid YAML (an unclosed bracket or quote?)"));
            return null;
        }
    }

    /// <summary>
    /// Counts the nodes of the event stream before any tree is built, an alias counting as every node of what it names,
    /// and checks the nesting depth. YamlDotNet shares an aliased node rather than copying it, but compares and hashes
    /// mapping keys through every node below them, so a few hundred bytes of nested aliases used as a key kept a core busy
    /// for minutes; counted here, such a file stops at the alias that crosses the budget. Syntax errors are left to the load.
    /// </summary>
    private static bool WithinBudget(string text, string file, DiagnosticBag bag, int maxNodes)
    {
        var parser = new Parser(new StringReader(text));
        var sizes = new Dictionary<AnchorName, long>();
        var open = new Stack<(AnchorName Anchor, long Start)>();
        long nodes = 0;
        bool Over(YamlDotNet.Core.Events.ParsingEvent at, bool alias)
        {
            if (nodes <= maxNodes) return false;
            bag.Add(new Position(file, (int)at.Start.Line, (int)at.Start.Column), Messages.TooLarge(
                string.Create(CultureInfo.InvariantCulture, $"a document of at most {maxNodes:#,0} YAML nodes"),
                alias ? string.Create(CultureInfo.InvariantCulture, $"an alias after which aliases expand to more than {maxNodes:#,0} nodes")
                    : string.Create(CultureInfo.InvariantCulture, $"more than {maxNodes:#,0} nodes")));
            return true;
        }
        try
        {
            while (parser.MoveNext())
            {
                switch (parser.Current)
                {
                    case YamlDotNet.Core.Events.AnchorAlias a:
                        // An alias inside the node it names makes a cycle, which YamlDotNet follows until the stack overflows.
                        if (open.Any(o => o.Anchor == a.Value))
                        {
                            bag.Add(new Position(file, (int)a.Start.Line, (int)a.Start.Column),
                                Messages.TooLarge("an alias to a node defined before it", $"an alias '*{a.Value}' inside the node it names (a cycle)"));
                            return false;
                        }
                        nodes += sizes.TryGetValue(a.Value, out var size) ? size : 1;
                        if (Over(a, alias: true)) return false;
                        break;
                    case YamlDotNet.Core.Events.Scalar sc:
                        nodes++;
                        if (!sc.Anchor.IsEmpty) sizes[sc.Anchor] = 1;
                        if (Over(sc, alias: false)) return false;
                        break;
                    case YamlDotNet.Core.Events.NodeEvent start and (YamlDotNet.Core.Events.MappingStart or YamlDotNet.Core.Events.SequenceStart):
                        open.Push((start.Anchor, nodes));
                        nodes++;
                        if (open.Count > InputLimits.NestingDepth)
                        {
                            bag.Add(new Position(file, (int)start.Start.Line, (int)start.Start.Column), Messages.TooLarge(
                                $"lists and mappings nested at most {InputLimits.NestingDepth} deep", $"one nested {open.Count} deep"));
                            return false;
                        }
                        if (Over(start, alias: false)) return false;
                        break;
                    case YamlDotNet.Core.Events.MappingEnd or YamlDotNet.Core.Events.SequenceEnd:
                        var (anchor, from) = open.Pop();
                        if (!anchor.IsEmpty) sizes[anchor] = nodes - from;
                        break;
                }
            }
        }
        catch (YamlException)
        {
            // Reported with its position by the load itself.
        }
        catch (InvalidOperationException)
        {
            // Likewise (YamlDotNet's scanner fails this way on some unclosed brackets).
        }
        return true;
    }

    /// <summary>Remembers where the last successfully parsed event ended.</summary>
    private sealed class TrackingParser(IParser inner) : IParser
    {
        public Mark LastEnd { get; private set; } = new(0, 1, 1);
        public YamlDotNet.Core.Events.ParsingEvent? Current => inner.Current;
        public bool MoveNext()
        {
            if (inner.Current is { } c) LastEnd = c.End;
            return inner.MoveNext();
        }
    }

    private static string FirstSentence(string message)
    {
        // YamlDotNet prefixes "(Line: 3, Col: 5, Idx: …) - (…): " — the position is reported separately.
        var cut = message.LastIndexOf("): ", StringComparison.Ordinal);
        return (cut >= 0 ? message[(cut + 3)..] : message).Trim();
    }

    public static Position At(this YamlNode node, string file) => new(file, (int)node.Start.Line, (int)node.Start.Column);

    public static string Describe(YamlNode node) => node switch
    {
        YamlMappingNode => "a mapping",
        YamlSequenceNode => "a list",
        YamlScalarNode s => $"'{s.Value}'",
        _ => "an unknown node",
    };
}

/// <summary>A YAML mapping read against a closed set of keys; unknown keys are reported with a suggestion.</summary>
internal sealed class YamlMap
{
    private readonly YamlMappingNode _node;
    private readonly Dictionary<string, (YamlNode Key, YamlNode Value)> _entries = new(StringComparer.Ordinal);

    public string File { get; }
    public DiagnosticBag Bag { get; }
    public Position Self => _node.At(File);

    private YamlMap(YamlMappingNode node, string file, DiagnosticBag bag, IReadOnlyCollection<string> keys)
    {
        _node = node; File = file; Bag = bag;
        foreach (var (k, v) in node.Children)
        {
            var key = (k as YamlScalarNode)?.Value ?? "";
            // Checked first: an unknown key is echoed and compared with every known one for a suggestion.
            if (!InputLimits.CheckLength(key, InputLimits.TextLength, k.At(file), bag)) continue;
            if (!keys.Contains(key)) { bag.Add(k.At(file), Messages.UnknownKey(key, keys)); continue; }
            if (!_entries.TryAdd(key, (k, v))) bag.Add(k.At(file), Messages.DuplicateId(key, (int)_entries[key].Key.Start.Line));
        }
    }

    /// <summary>Wraps a node that must be a mapping; reports and returns null otherwise.</summary>
    public static YamlMap? Of(YamlNode? node, string file, DiagnosticBag bag, IReadOnlyCollection<string> keys, string what)
    {
        if (node is YamlMappingNode m) return new YamlMap(m, file, bag, keys);
        if (node is not null) bag.Add(node.At(file), Messages.WrongShape($"{what} (a mapping)", YamlTree.Describe(node)));
        return null;
    }

    public bool Has(string key) => _entries.ContainsKey(key);

    public Position At(string key) => _entries.TryGetValue(key, out var e) ? e.Value.At(File) : Self;

    /// <summary>The position of a key itself (the <c>key:</c> text), or of the mapping when the key is absent.</summary>
    public Position KeyAt(string key) => _entries.TryGetValue(key, out var e) ? e.Key.At(File) : Self;

    public YamlNode? Node(string key, bool required)
    {
        if (_entries.TryGetValue(key, out var e)) return e.Value;
        if (required) Bag.Add(Self, Messages.MissingKey(key));
        return null;
    }

    public YamlMap? Map(string key, IReadOnlyCollection<string> keys, bool required = false) => YamlMap.Of(Node(key, required), File, Bag, keys, key);

    /// <summary>The items of a list value; an absent optional key gives an empty list.</summary>
    public IReadOnlyList<YamlNode> List(string key, bool required = false)
    {
        var node = Node(key, required);
        switch (node)
        {
            case null: return [];
            case YamlSequenceNode s: return s.Children.ToArray();
            default: Bag.Add(node.At(File), Messages.WrongShape($"a list for '{key}'", YamlTree.Describe(node))); return [];
        }
    }

    /// <summary>The mapping's own key/value pairs in file order (for open-keyed maps such as per-nation floors).</summary>
    public IEnumerable<(YamlScalarNode Key, YamlNode Value)> Pairs(string key)
    {
        var node = Node(key, required: false);
        if (node is null) yield break;
        if (node is not YamlMappingNode m) { Bag.Add(node.At(File), Messages.WrongShape($"a mapping for '{key}'", YamlTree.Describe(node))); yield break; }
        foreach (var (k, v) in m.Children)
            if (k is YamlScalarNode s && InputLimits.CheckLength(s.Value ?? "", InputLimits.TextLength, k.At(File), Bag)) yield return (s, v);
    }

    /// <summary>A text value of at most <paramref name="maxLength"/> characters (a longer one is reported and read as the fallback).</summary>
    public string Str(string key, string fallback = "", bool required = false, int maxLength = InputLimits.TextLength) =>
        Node(key, required) is { } n ? Scalar.Str(n, File, Bag, key, maxLength) ?? fallback : fallback;

    public double Double(string key, double fallback, double min = double.NegativeInfinity, double max = double.PositiveInfinity, bool required = false) =>
        Node(key, required) is { } n ? Scalar.Double(n, File, Bag, min, max) ?? fallback : fallback;

    public double? OptionalDouble(string key, double min = double.NegativeInfinity, double max = double.PositiveInfinity) =>
        Node(key, false) is { } n ? Scalar.Double(n, File, Bag, min, max) : null;

    public int Int(string key, int fallback, int min = 0, int max = int.MaxValue, bool required = false) =>
        Node(key, required) is { } n ? Scalar.Int(n, File, Bag, min, max) ?? fallback : fallback;

    public int? OptionalInt(string key, int min = 0) => Node(key, false) is { } n ? Scalar.Int(n, File, Bag, min, int.MaxValue) : null;

    public ulong ULong(string key, ulong fallback) => Node(key, false) is { } n ? Scalar.ULong(n, File, Bag) ?? fallback : fallback;

    public bool Bool(string key, bool fallback) => Node(key, false) is { } n ? Scalar.Bool(n, File, Bag) ?? fallback : fallback;

    public DateOnly Date(string key, DateOnly fallback, bool required = false) =>
        Node(key, required) is { } n ? Scalar.Date(n, File, Bag) ?? fallback : fallback;

    public TEnum Code<TEnum>(string key, TEnum fallback, string what, bool required = false) where TEnum : struct, Enum =>
        Node(key, required) is { } n ? Scalar.Code<TEnum>(n, File, Bag, what) ?? fallback : fallback;

    public IReadOnlyList<TEnum> Codes<TEnum>(string key, string what, IReadOnlyList<TEnum> fallback) where TEnum : struct, Enum =>
        Has(key) ? List(key).Select(n => Scalar.Code<TEnum>(n, File, Bag, what)).OfType<TEnum>().ToArray() : fallback;

    public IReadOnlyList<string> Strings(string key) => List(key).Select(n => Scalar.Str(n, File, Bag, key)).OfType<string>().ToArray();
}

/// <summary>Typed reads of scalar nodes; each reports expected vs found and returns null on failure.</summary>
internal static class Scalar
{
    public static string? Str(YamlNode node, string file, DiagnosticBag bag, string what, int maxLength = InputLimits.TextLength)
    {
        if (node is YamlScalarNode s) return InputLimits.CheckLength(s.Value ?? "", maxLength, node.At(file), bag) ? s.Value ?? "" : null;
        bag.Add(node.At(file), Messages.WrongShape($"a text value for '{what}'", YamlTree.Describe(node)));
        return null;
    }

    private static string? Text(YamlNode node, string file, DiagnosticBag bag, string expected)
    {
        if (node is YamlScalarNode s) return InputLimits.CheckLength(s.Value ?? "", InputLimits.TextLength, node.At(file), bag) ? s.Value ?? "" : null;
        bag.Add(node.At(file), Messages.WrongShape(expected, YamlTree.Describe(node)));
        return null;
    }

    public static double? Double(YamlNode node, string file, DiagnosticBag bag, double min = double.NegativeInfinity, double max = double.PositiveInfinity)
    {
        if (Text(node, file, bag, "a number") is not { } t) return null;
        if (!double.TryParse(t, NumberStyles.Float, CultureInfo.InvariantCulture, out var v) || !double.IsFinite(v))
        { bag.Add(node.At(file), Messages.InvalidValue("a number", t)); return null; }
        if (v < min || v > max) { bag.Add(node.At(file), Messages.OutOfRange(CsvTable.CsvRow.RangeText(min, max), v)); return null; }
        return v;
    }

    public static int? Int(YamlNode node, string file, DiagnosticBag bag, int min, int max)
    {
        if (Text(node, file, bag, "a whole number") is not { } t) return null;
        if (!int.TryParse(t, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var v))
        { bag.Add(node.At(file), Messages.InvalidValue("a whole number", t)); return null; }
        if (v < min || v > max) { bag.Add(node.At(file), Messages.OutOfRange(CsvTable.CsvRow.RangeText(min, max), v)); return null; }
        return v;
    }

    public static ulong? ULong(YamlNode node, string file, DiagnosticBag bag)
    {
        if (Text(node, file, bag, "a whole number") is not { } t) return null;
        if (ulong.TryParse(t, NumberStyles.None, CultureInfo.InvariantCulture, out var v)) return v;
        bag.Add(node.At(file), Messages.InvalidValue("a whole number ≥ 0", t));
        return null;
    }

    public static bool? Bool(YamlNode node, string file, DiagnosticBag bag)
    {
        if (Text(node, file, bag, "true or false") is not { } t) return null;
        if (t is "true") return true;
        if (t is "false") return false;
        bag.Add(node.At(file), Messages.InvalidValue("true or false", t));
        return null;
    }

    public static DateOnly? Date(YamlNode node, string file, DiagnosticBag bag)
    {
        if (Text(node, file, bag, "a date YYYY-MM-DD") is not { } t) return null;
        if (DateOnly.TryParseExact(t, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)) return d;
        bag.Add(node.At(file), Messages.InvalidValue("a date YYYY-MM-DD", t));
        return null;
    }

    public static TEnum? Code<TEnum>(YamlNode node, string file, DiagnosticBag bag, string what) where TEnum : struct, Enum
    {
        if (Text(node, file, bag, $"a value for {what}") is not { } t) return null;
        if (Domain.Codes.TryParse<TEnum>(t, out var v)) return v;
        bag.Add(node.At(file), Messages.UnknownCode(what, t, Domain.Codes.All<TEnum>().ToArray()));
        return null;
    }
}
