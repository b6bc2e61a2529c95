using Resolute.Domain;
using Resolute.Domain.Assumptions;
using Resolute.Domain.Diagnostics;

namespace Resolute.Balance;

/// <summary>
/// WUV category weights and the size of an armoured division equivalent, read from scenario assumptions
/// (<see cref="WuvParameter"/>). WUV = Σ category weight × Σ count × WEI, with the dataset's
/// <see cref="EquipmentType.CombatValue"/> as the WEI (US Army CAA WEI/WUV III method; combat-models.md §4.2).
/// </summary>
public sealed record WuvWeights(
    double Tank, double InfantryVehicle, double Artillery, double Mortar, double AirDefence, double AttackHelicopter, double AntiTank, double AdeWuv)
{
    /// <summary>Reads the weights from a scenario; every missing or non-positive one is reported at its node.</summary>
    public static (WuvWeights? Value, IReadOnlyList<Diagnostic> Diagnostics) From(Scenario scenario)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        var (a, diagnostics) = AssumptionCatalogue.Resolve<WuvParameter>(scenario.Assumptions, scenario.AssumptionsAt);
        if (a is null) return (null, diagnostics);
        double V(WuvParameter p) => a[(int)p].Value;
        return (new WuvWeights(V(WuvParameter.Tank), V(WuvParameter.InfantryVehicle), V(WuvParameter.Artillery), V(WuvParameter.Mortar),
            V(WuvParameter.AirDefence), V(WuvParameter.AttackHelicopter), V(WuvParameter.AntiTank), V(WuvParameter.AdeWuv)), diagnostics);
    }

    /// <summary>The weight of an equipment category; 0 for categories that are not ground combat power (aircraft, missiles, sensors).</summary>
    public double Of(EquipmentCategory c) => c switch
    {
        EquipmentCategory.Mbt => Tank,
        EquipmentCategory.Ifv or EquipmentCategory.Apc or EquipmentCategory.Recce => InfantryVehicle,
        EquipmentCategory.SpArtillery or EquipmentCategory.TowedArtillery or EquipmentCategory.Mlrs => Artillery,
        EquipmentCategory.Mortar => Mortar,
        EquipmentCategory.SamLong or EquipmentCategory.SamMedium or EquipmentCategory.Shorad => AirDefence,
        EquipmentCategory.AttackHelicopter => AttackHelicopter,
        EquipmentCategory.Atgm => AntiTank,
        _ => 0,
    };
}

/// <summary>A force's score: WUV, armoured-division equivalents, and the WUV by equipment category.</summary>
public sealed record ForceScore(int Units, int Personnel, double Wuv, double Ade, IReadOnlyDictionary<EquipmentCategory, double> WuvByCategory);

/// <summary>WEI/WUV-style scoring of units from their equipment holdings.</summary>
public static class ForceScoring
{
    /// <summary>Scores the units with the given ids (unknown ids and unknown equipment are skipped: the loader has validated references).</summary>
    public static ForceScore Score(Dataset dataset, IEnumerable<string> unitIds, WuvWeights weights)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        ArgumentNullException.ThrowIfNull(unitIds);
        ArgumentNullException.ThrowIfNull(weights);
        var units = dataset.Units.ToDictionary(u => u.Id, StringComparer.Ordinal);
        var byCategory = new SortedDictionary<EquipmentCategory, double>();
        int count = 0, personnel = 0;
        foreach (var id in unitIds)
        {
            if (!units.TryGetValue(id, out var unit)) continue;
            count++;
            personnel += unit.Personnel;
            foreach (var h in dataset.HoldingsOf(id))
            {
                if (!dataset.EquipmentById.TryGetValue(h.EquipmentId, out var e)) continue;
                var value = weights.Of(e.Category) * h.Count * e.CombatValue;
                if (value == 0) continue;
                byCategory[e.Category] = byCategory.GetValueOrDefault(e.Category) + value;
            }
        }
        var wuv = byCategory.Values.Sum();
        return new ForceScore(count, personnel, wuv, wuv / weights.AdeWuv, byCategory);
    }
}
