using System.CommandLine;
using System.CommandLine.Completions;
using System.CommandLine.Parsing;

namespace Resolute.Cli;

/// <summary>
/// Turns what System.CommandLine could not parse into our own messages, one a line, in words: an unknown command or
/// option with the nearest known name, a value with what was expected ("a whole number of campaigns") rather than a
/// .NET type, a choice with its allowed values. A token that looks like an option but is not one is an unknown option,
/// never a file name.
/// </summary>
internal static class ParseErrors
{
    /// <summary>What each option's value is, in words, where its type alone would say too little.</summary>
    private static readonly Dictionary<string, string> Expected = new(StringComparer.Ordinal)
    {
        ["--runs"] = "a whole number of campaigns",
        ["--threads"] = "a whole number of threads",
        ["--workers"] = "a whole number of solver workers",
        ["--seed"] = "a whole number, 0 or more (the master seed)",
        ["--samples"] = "a whole number of samples",
        ["--top"] = "a whole number of rows",
        ["--time"] = "a number of seconds",
        ["--time-limit"] = "a whole number of minutes",
        ["--max-assignments"] = "a whole number of slot × candidate-unit pairs",
        ["--max-sector-days"] = "a whole number of sector-days",
        ["--out"] = "a directory",
        ["--data"] = "a dataset directory",
        ["--nation"] = "a nation code (ISO 3166 alpha-3, e.g. FRA)",
        ["--compare"] = "scenario files or bundled scenario ids",
        ["--what-if"] = "a change such as DEU=not_ruled_out or share=0.75",
        ["--tiles"] = "a tile URL template",
        ["--tiles-attribution"] = "the tile server's attribution text",
        ["--weiss"] = "a file",
    };

    /// <summary>Every problem with the command line, in words; empty when it parsed.</summary>
    public static IReadOnlyList<string> Describe(ParseResult parse)
    {
        var messages = new List<string>();
        var command = parse.CommandResult.Command;
        var path = CommandPath(parse.CommandResult);

        // An optional positional argument (SCENARIO) takes any token, even "--frobnicate": that is an unknown option.
        foreach (var argument in parse.CommandResult.Children.OfType<ArgumentResult>())
        {
            foreach (var token in argument.Tokens.Where(t => LooksLikeOption(t.Value)))
                messages.Add(UnknownOption(token.Value, parse.CommandResult));
        }
        foreach (var token in parse.UnmatchedTokens.Where(LooksLikeOption)) messages.Add(UnknownOption(token, parse.CommandResult));
        // After an unknown option, a stray word is most likely its value ("--fromat json"): the option is the mistake to name.
        if (messages.Count == 0)
            foreach (var token in parse.UnmatchedTokens) messages.Add(Unmatched(token, parse.CommandResult));

        foreach (var error in parse.Errors)
        {
            switch (error.SymbolResult)
            {
                case OptionResult o:
                    messages.Add(OptionValue(o.Option, o.Tokens));
                    break;
                case ArgumentResult { Parent: OptionResult o }:
                    messages.Add(OptionValue(o.Option, o.Tokens));
                    break;
                case ArgumentResult a:
                    messages.Add(ArgumentValue(path, a.Argument, a.Tokens));
                    break;
                case CommandResult c when c.Command.Subcommands.Count > 0 && c.Command.Action is null && !c.Children.OfType<CommandResult>().Any():
                    if (parse.UnmatchedTokens.Count == 0)
                        messages.Add($"{Prefix(CommandPath(c))}expected a command: {string.Join(", ", c.Command.Subcommands.Where(s => !s.Hidden).Select(s => s.Name))} (see `{CommandPath(c)} --help`)");
                    break;
                case CommandResult when parse.UnmatchedTokens.Count > 0:
                    break; // said above, token by token
                default:
                    messages.Add($"{Prefix(path)}{WithoutTypeNames(error.Message)}");
                    break;
            }
        }
        if (messages.Count > 0 && command.Subcommands.Count == 0)
            messages.Add($"See `{path} --help` for the options.");
        return messages.Distinct(StringComparer.Ordinal).ToList();
    }

    private static string Unmatched(string token, CommandResult where)
    {
        var path = CommandPath(where);
        var commands = where.Command.Subcommands.Where(s => !s.Hidden).Select(s => s.Name).ToList();
        if (commands.Count > 0)
            return $"{Prefix(path)}unknown command '{token}'; {Suggest(token, commands, "expected one of")} (see `{path} --help`)";
        return $"{path}: unexpected argument '{token}'";
    }

    private static string UnknownOption(string token, CommandResult where)
    {
        var name = token.Split('=', 2)[0];
        var known = KnownOptions(where).ToList();
        return $"{Prefix(CommandPath(where))}unknown option '{name}'; {Suggest(name, known, "options are")}";
    }

    private static string OptionValue(Option option, IReadOnlyList<Token> tokens)
    {
        var what = WhatIs(option);
        var found = tokens.Count == 0 ? "nothing" : "'" + string.Join(" ", tokens.Select(t => t.Value)) + "'";
        return $"{option.Name}: expected {what}, found {found}";
    }

    private static string ArgumentValue(string path, Argument argument, IReadOnlyList<Token> tokens)
    {
        var choices = Choices(argument);
        var what = choices.Count > 0 ? "one of " + string.Join(", ", choices) : argument.Description is { Length: > 0 } d ? LowerFirst(d.TrimEnd('.')) : "a value";
        if (tokens.Count == 0) return $"{path}: missing {argument.Name}: expected {what}";
        var found = tokens.Count == 0 ? "nothing" : "'" + string.Join(" ", tokens.Select(t => t.Value)) + "'";
        return $"{path}: {argument.Name}: expected {what}, found {found}";
    }

    /// <summary>What an option takes, in words: its allowed values, our description of it, or its type said plainly.</summary>
    private static string WhatIs(Option option)
    {
        var choices = Choices(option);
        if (choices.Count > 0) return "one of " + string.Join(", ", choices);
        if (Expected.TryGetValue(option.Name, out var words)) return words;
        var type = Nullable.GetUnderlyingType(option.ValueType) ?? option.ValueType;
        if (type.IsArray) type = type.GetElementType()!;
        return type == typeof(int) || type == typeof(long) ? "a whole number"
            : type == typeof(ulong) || type == typeof(uint) ? "a whole number, 0 or more"
            : type == typeof(double) || type == typeof(float) || type == typeof(decimal) ? "a number"
            : type == typeof(bool) ? "true or false"
            : "a value";
    }

    private static List<string> Choices(Symbol symbol) =>
        symbol.GetCompletions(CompletionContext.Empty).Select(c => c.Label).Where(l => !LooksLikeOption(l)).ToList();

    private static IEnumerable<string> KnownOptions(CommandResult where)
    {
        var names = new List<string>();
        for (SymbolResult? r = where; r is not null; r = r.Parent)
        {
            if (r is not CommandResult c) continue;
            // Long names only: the help option's "/h" and "-?" aliases are noise in a list of suggestions.
            foreach (var o in c.Command.Options.Where(o => !o.Hidden && (ReferenceEquals(c, where) || o.Recursive)))
                names.AddRange(new[] { o.Name }.Concat(o.Aliases).Where(n => n.StartsWith("--", StringComparison.Ordinal)));
        }
        return names.Distinct(StringComparer.Ordinal);
    }

    private static string Suggest(string token, IReadOnlyList<string> candidates, string listLead)
    {
        var best = candidates.Select(c => (Name: c, Distance: Distance(token.ToLowerInvariant(), c.ToLowerInvariant())))
            .OrderBy(c => c.Distance).ThenBy(c => c.Name, StringComparer.Ordinal).FirstOrDefault();
        var close = best.Name is not null && best.Distance <= Math.Max(2, token.Length / 3);
        return close ? $"did you mean '{best.Name}'?" : $"{listLead}: {string.Join(", ", candidates)}";
    }

    /// <summary>Levenshtein distance (edits to turn one name into the other).</summary>
    private static int Distance(string a, string b)
    {
        var previous = Enumerable.Range(0, b.Length + 1).ToArray();
        for (var i = 1; i <= a.Length; i++)
        {
            var current = new int[b.Length + 1];
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
                current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1));
            previous = current;
        }
        return previous[b.Length];
    }

    /// <summary>"-x" or "--word", but not a negative number ("-5" is a value, checked by the option it belongs to).</summary>
    private static bool LooksLikeOption(string token) =>
        token.Length > 1 && token[0] == '-' && !char.IsDigit(token[1]) && token[1] != '.';

    private static string CommandPath(CommandResult c)
    {
        var names = new List<string>();
        for (SymbolResult? r = c; r is not null; r = r.Parent)
            if (r is CommandResult cr) names.Insert(0, cr.Parent is null ? "resolute" : cr.Command.Name);
        return string.Join(' ', names);
    }

    private static string Prefix(string path) => path + ": ";

    private static string LowerFirst(string text) =>
        text.Length > 1 && char.IsUpper(text[0]) && !char.IsUpper(text[1]) ? char.ToLowerInvariant(text[0]) + text[1..] : text;

    /// <summary>A last resort for messages not rewritten above: no generic .NET type names reach the user.</summary>
    private static string WithoutTypeNames(string message) =>
        System.Text.RegularExpressions.Regex.Replace(message, @"\s*as expected type '[^']*'", "", System.Text.RegularExpressions.RegexOptions.None, TimeSpan.FromSeconds(1));
}
