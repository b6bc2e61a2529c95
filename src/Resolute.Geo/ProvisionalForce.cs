using Resolute.Domain;

namespace Resolute.Geo;

/// <summary>
/// A quick stand-in force package for the geography tests and benchmarks (the tools place force generation's plan):
/// for each slot of the scenario's requirement, the first unit in dataset order that the slot accepts, is not kept for
/// home defence, is not committed elsewhere, and is not already used. It respects no burden-sharing, stance or rotation
/// rule.
/// </summary>
internal static class ProvisionalForce
{
    /// <summary>The stand-in units, one per fillable slot, in slot order.</summary>
    public static IReadOnlyList<Unit> FirstEligible(Dataset dataset, Scenario scenario) => BySlot(dataset, scenario).Select(x => x.Unit).ToArray();

    /// <summary>The stand-in units with the formation of the slot each fills (null for force-level elements), in slot order.</summary>
    public static IReadOnlyList<(Unit Unit, string? Formation)> BySlot(Dataset dataset, Scenario scenario)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        ArgumentNullException.ThrowIfNull(scenario);
        var used = new HashSet<string>(StringComparer.Ordinal);
        var force = new List<(Unit, string?)>();
        foreach (var slot in Slots.Of(scenario))
        {
            var unit = dataset.Units.FirstOrDefault(u => !used.Contains(u.Id) && !u.HomeDefence && !u.IsCommitted && slot.Element.Accepts(u));
            if (unit is null) continue;
            used.Add(unit.Id);
            force.Add((unit, slot.Formation));
        }
        return force;
    }

    /// <summary>Unit id → formation, for the units of <see cref="BySlot"/> that fill a formation's slot.</summary>
    public static IReadOnlyDictionary<string, string> Formations(IEnumerable<(Unit Unit, string? Formation)> force) =>
        force.Where(x => x.Formation is not null).ToDictionary(x => x.Unit.Id, x => x.Formation!, StringComparer.Ordinal);
}
