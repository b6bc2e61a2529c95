using Resolute.Domain;

namespace Resolute.Benchmarks.Sourcing;

/// <summary>
/// A catalog <c>factor</c> times the bundled one: every unit copied with a suffix, its personnel and readiness jittered
/// deterministically (a fixed-seed <see cref="Random"/>), its holdings and garrison copied; the requirement scaled to more
/// divisions and force-level slots, through the same border crossings.
/// </summary>
internal static class LargeCatalog
{
    public static (Dataset, Scenario) Make(Dataset d, Scenario s, int factor)
    {
        var random = new Random(20250210);
        var units = new List<Unit>();
        var holdings = new List<Holding>();
        for (var k = 0; k < factor; k++)
            foreach (var u in d.Units)
            {
                var id = k == 0 ? u.Id : $"{u.Id}_x{k}";
                units.Add(u with { Id = id, Personnel = Math.Max(50, (int)(u.Personnel * (0.8 + 0.4 * random.NextDouble()))), ReadinessDays = k == 0 ? u.ReadinessDays : u.ReadinessDays + random.Next(0, 20) });
                holdings.AddRange(d.HoldingsOf(u.Id).Select(h => h with { UnitId = id, Count = Math.Max(1, (int)(h.Count * (0.8 + 0.4 * random.NextDouble()))) }));
            }
        var requirement = new Requirement(
            s.Requirement.Formations.Select(f => f with { Count = f.Count * 3 }).ToArray(),
            s.Requirement.Elements.Select(e => e with { Count = e.Count * 3 }).ToArray());
        var cohesion = s.Rules.Cohesion with { MaxNationsPerDivision = s.Rules.Cohesion.MaxNationsPerDivision };
        // Copies leave from their original's garrison, through the same crossings: ten times the traffic on the same capacity.
        var garrisons = d.Garrisons.Concat(Enumerable.Range(1, factor - 1).SelectMany(k => d.Garrisons.Where(g => g.Key != g.Nation).Select(g => g with { Key = $"{g.Key}_x{k}" })));
        return (new Dataset(d.Version + "x" + factor, d.Sources, d.Nations, d.Stances, d.EquipmentTypes, units, holdings, d.Cities, d.Threats, d.Theatre)
            {
                Ceasefires = d.Ceasefires,
                Crossings = d.Crossings,
                Garrisons = [.. garrisons],
            },
            s with { Requirement = requirement, Rules = s.Rules with { Cohesion = cohesion } });
    }
}
