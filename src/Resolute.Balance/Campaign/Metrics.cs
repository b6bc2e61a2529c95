namespace Resolute.Balance;

/// <summary>An output of the campaign ensembles: its id (as in result.json), unit, and the label reports give it.</summary>
public sealed record Metric(string Id, string Unit, string Label);

/// <summary>
/// The one catalogue of campaign outputs. The ensembles name their summaries and bands by these ids; the CLI, the
/// briefing and the web read the ids and labels from here, never spell them.
/// </summary>
public static class Metrics
{
    public static readonly Metric Territory = new("territory_km2", "km²", "territory gained by Russia");
    public static readonly Metric RussianCasualtiesPerDay = new("russian_casualties_per_day", "persons/day", "Russian casualties per day");
    public static readonly Metric UkrainianCasualtiesPerDay = new("ukrainian_casualties_per_day", "persons/day", "Ukrainian casualties per day");
    public static readonly Metric RussianCasualties = new("russian_casualties", "persons", "Russian casualties");
    public static readonly Metric UkrainianCasualties = new("ukrainian_casualties", "persons", "Ukrainian casualties");
    public static readonly Metric RussianCostPerKm2 = new("russian_cost_per_km2", "casualties/km²", "Russian casualties per km²");
    public static readonly Metric RussianEquipmentPerKm2 = new("russian_equipment_per_km2", "items/km²", "Russian equipment lost per km²");
    public static readonly Metric CombatDaysPer100Km2 = new("combat_days_per_100km2", "days", "combat days per 100 km²");
    public static readonly Metric RussianFrontEnd = new("russian_front_end", "persons", "Russian front at the end");
    public static readonly Metric RussianTotalEnd = new("russian_total_end", "persons", "Russian force at the end");
    public static readonly Metric UkrainianFrontEnd = new("ukrainian_front_end", "persons", "Ukrainian front at the end");
    public static readonly Metric CitiesReached = new("cities_reached", "sectors", "defended cities reached");

    /// <summary>Daily series recorded as bands (median and P10–P90).</summary>
    public static readonly Metric RussianFront = new("russian_front", "persons", "Russian front");
    public static readonly Metric UkrainianFront = new("ukrainian_front", "persons", "Ukrainian front");
}
