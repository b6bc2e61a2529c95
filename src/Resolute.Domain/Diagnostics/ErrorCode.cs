namespace Resolute.Domain.Diagnostics;

/// <summary>The closed set of input errors. Each has one message shape, built in <see cref="Messages"/> under that code only.</summary>
public enum ErrorCode
{
    /// <summary>The file cannot be read.</summary>
    FileUnreadable = 1,
    /// <summary>The file is empty.</summary>
    FileEmpty = 2,
    /// <summary>Input is larger than its limit: a file's bytes, a text's characters, YAML nodes with aliases expanded, nesting depth.</summary>
    TooLarge = 3,
    /// <summary>The bytes of a text file are not valid UTF-8.</summary>
    InvalidEncoding = 4,
    /// <summary>A CSV header lacks a column.</summary>
    MissingColumn = 10,
    /// <summary>A CSV header has a column the schema does not know.</summary>
    UnknownColumn = 11,
    /// <summary>A CSV row has the wrong number of fields.</summary>
    FieldCount = 12,
    /// <summary>A quoted CSV field is not closed.</summary>
    UnterminatedQuote = 13,
    /// <summary>A value has the wrong form (number, date, boolean, id).</summary>
    InvalidValue = 20,
    /// <summary>A value is not one of a closed set of codes.</summary>
    UnknownCode = 21,
    /// <summary>A number is outside its allowed range.</summary>
    OutOfRange = 22,
    /// <summary>A required value is empty.</summary>
    MissingValue = 23,
    /// <summary>An id is defined twice.</summary>
    DuplicateId = 30,
    /// <summary>A reference to an id that does not exist.</summary>
    UnknownReference = 31,
    /// <summary>A row cites a source that SOURCES.md does not define.</summary>
    UnknownSource = 32,
    /// <summary>A row cites "assumption" without saying why.</summary>
    AssumptionWithoutReason = 33,
    /// <summary>A scenario lacks an assumption a stage requires (see the assumption catalogue).</summary>
    MissingAssumption = 34,
    /// <summary>The text is not valid YAML or JSON.</summary>
    Syntax = 40,
    /// <summary>A mapping has a key the format does not know.</summary>
    UnknownKey = 41,
    /// <summary>A mapping lacks a required key.</summary>
    MissingKey = 42,
    /// <summary>A node is a scalar where a list or mapping was expected, or the other way round.</summary>
    WrongShape = 43,
    /// <summary>A geometry is invalid (unclosed ring, too few points, self-intersection, outside its area).</summary>
    InvalidGeometry = 50,
    /// <summary>Values that are each valid contradict one another.</summary>
    Inconsistent = 60,
    /// <summary>Input cannot be checked because the dataset it refers to does not load.</summary>
    DatasetUnavailable = 70,
    /// <summary>The work a plan would do is above the configured ceiling; it is refused before it starts.</summary>
    WorkTooLarge = 80,
}

/// <summary>Formats error codes as <c>RES###</c>.</summary>
public static class ErrorCodeExtensions
{
    /// <summary>The printable id of a code, e.g. <c>RES041</c>.</summary>
    public static string Id(this ErrorCode code) => $"RES{(int)code:000}";
}
