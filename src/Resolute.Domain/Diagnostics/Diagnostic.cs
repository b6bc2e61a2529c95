namespace Resolute.Domain.Diagnostics;

/// <summary>How bad a diagnostic is. Errors make a load fail; warnings do not.</summary>
public enum Severity { Error, Warning }

/// <summary>A position in a file, 1-based.</summary>
public readonly record struct Position(string File, int Line, int Column)
{
    /// <inheritdoc />
    public override string ToString() => $"{File}:{Line}:{Column}";
}

/// <summary>
/// What is wrong, before it is placed in a file: the code and the text built for that code by <see cref="Messages"/>, so a
/// code never goes out with another code's words.
/// </summary>
public readonly record struct Problem(ErrorCode Code, string Text);

/// <summary>One problem found in user input, with the position where it occurs.</summary>
public sealed record Diagnostic(string Code, Severity Severity, string Message, string File, int Line, int Column)
{
    /// <summary>A diagnostic for <paramref name="problem"/> at <paramref name="at"/>.</summary>
    public static Diagnostic At(Position at, Problem problem, Severity severity = Severity.Error) =>
        new(problem.Code.Id(), severity, problem.Text, at.File, at.Line, at.Column);

    /// <summary>
    /// A diagnostic for a named input that is not a file (a command-line option, a setting): <see cref="File"/> names it and
    /// there is no line or column.
    /// </summary>
    public static Diagnostic Setting(string name, Problem problem) => new(problem.Code.Id(), Severity.Error, problem.Text, name, 0, 0);

    /// <summary>The conventional <c>file:line:column: message</c> form (<c>name: message</c> for a setting).</summary>
    public override string ToString() =>
        $"{File}{(Line > 0 ? $":{Line}:{Column}" : "")}: {(Severity == Severity.Warning ? "warning: " : "")}{Message}";
}

/// <summary>The outcome of loading user input: a value when there were no errors, and every diagnostic found.</summary>
public sealed record LoadResult<T>(T? Value, IReadOnlyList<Diagnostic> Diagnostics) where T : class
{
    /// <summary>True when the input loaded without errors.</summary>
    public bool Ok => Value is not null;
}

/// <summary>Collects diagnostics during one load, so every problem is reported, not just the first.</summary>
public sealed class DiagnosticBag
{
    private readonly List<Diagnostic> _items = [];
    private readonly HashSet<Diagnostic> _seen = [];

    /// <summary>All diagnostics so far, in the order found.</summary>
    public IReadOnlyList<Diagnostic> Items => _items;

    /// <summary>True when any error was reported.</summary>
    public bool HasErrors => _items.Exists(d => d.Severity == Severity.Error);

    /// <summary>Number of errors reported so far (lets a caller tell whether one step added any).</summary>
    public int ErrorCount => _items.Count(d => d.Severity == Severity.Error);

    /// <summary>Adds a problem at a position; the same problem at the same position, found again by a second check, is kept once.</summary>
    public void Add(Position at, Problem problem, Severity severity = Severity.Error)
    {
        var d = Diagnostic.At(at, problem, severity);
        if (_seen.Add(d)) _items.Add(d);
    }

    /// <summary>Adds all of another bag's diagnostics.</summary>
    public void AddRange(IEnumerable<Diagnostic> diagnostics)
    {
        ArgumentNullException.ThrowIfNull(diagnostics);
        foreach (var d in diagnostics) if (_seen.Add(d)) _items.Add(d);
    }

    /// <summary>A result carrying <paramref name="value"/> only when no error was reported.</summary>
    public LoadResult<T> Result<T>(Func<T> value) where T : class =>
        new(HasErrors ? null : value(), _items.OrderBy(d => d.File, StringComparer.Ordinal).ThenBy(d => d.Line).ThenBy(d => d.Column).ToArray());
}
