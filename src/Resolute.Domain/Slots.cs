namespace Resolute.Domain;

/// <summary>
/// One place in the required force that one unit fills, e.g. "plussed_up_division 2 / manoeuvre_brigade 3", or a
/// force-level element such as "long_range_strike 4". <paramref name="Formation"/> is null for force-level elements.
/// </summary>
public sealed record Slot(string Id, string? Formation, ElementSpec Element, int Index);

/// <summary>Expands a requirement into its slots.</summary>
public static class Slots
{
    /// <summary>Every slot of the scenario's requirement, formations first, in file order.</summary>
    public static IReadOnlyList<Slot> Of(Scenario scenario)
    {
        var templates = scenario.Templates.ToDictionary(t => t.Id, StringComparer.Ordinal);
        var slots = new List<Slot>();
        foreach (var demand in scenario.Requirement.Formations)
        {
            if (!templates.TryGetValue(demand.Template, out var template)) continue;
            for (var f = 1; f <= demand.Count; f++)
            {
                var formation = $"{template.Id} {f}";
                foreach (var e in template.Elements)
                    for (var i = 1; i <= e.Count; i++) slots.Add(new Slot($"{formation} / {e.Role} {i}", formation, e, i));
            }
        }
        foreach (var e in scenario.Requirement.Elements)
            for (var i = 1; i <= e.Count; i++) slots.Add(new Slot($"{e.Role} {i}", null, e, i));
        return slots;
    }

    /// <summary>True when <paramref name="unit"/> is of a kind (and, where the element lists types, a type) the slot accepts.</summary>
    public static bool Accepts(this ElementSpec element, Unit unit) =>
        element.Kinds.Contains(unit.Kind) && (element.Types.Count == 0 || element.Types.Contains(unit.Type));
}
