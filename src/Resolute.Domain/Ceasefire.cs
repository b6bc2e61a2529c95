namespace Resolute.Domain;

/// <summary>
/// One interstate ceasefire or armistice from <c>data/ceasefires.csv</c>: when it began, when major fighting resumed (null
/// while it holds) and the covariates the survival models use. The coding rules are in docs/dataset.md.
/// </summary>
public sealed record Ceasefire(
    string Id, string Name, string SideA, string SideB, DateOnly WarStart, DateOnly Start, DateOnly? End,
    ForeignForce ForeignForce, bool Separation, bool Guarantee, bool Imposed, bool Decisive, bool Nuclear,
    WarIntensity Intensity, bool Territory, Citation Citation)
{
    /// <summary>True when fighting resumed (the event); false when the row is censored at its <c>as_of</c> date.</summary>
    public bool Resumed => End is not null;

    /// <summary>The last day observed: the day fighting resumed, or the censoring date.</summary>
    public DateOnly ObservedUntil => End ?? Citation.AsOf;

    /// <summary>Days from the ceasefire to resumption or censoring.</summary>
    public int DurationDays => ObservedUntil.DayNumber - Start.DayNumber;

    /// <summary>Years from the ceasefire to resumption or censoring (the survival models' time unit).</summary>
    public double Years => DurationDays / 365.25;

    /// <summary>Days of war before the ceasefire.</summary>
    public int WarDays => Start.DayNumber - WarStart.DayNumber;
}
