using Resolute.Domain;

namespace Resolute.Balance;

/// <summary>
/// WUV category weights and the size of an armoured division equivalent, read from scenario assumptions
/// (<c>wuv_weight_*</c>, <c>ade_wuv</c>). WUV = Σ category weight × Σ count × WEI, with the dataset's
/// <see cref="EquipmentType.CombatValue"/> as the WEI (US Army CAA WEI/WUV III method; combat-models.md §4.2).
/// </summary>
public sealed record WuvWeights(
    double Tank, double InfantryVehicle, double Artillery, double Mortar, double AirDefence, double AttackHelicopter, double AntiTank, double AdeWuv)
{
    /// <summary>The scenario assumption ids, in constructor order.</summary>
    public static readonly IReadOnlyList<string> Ids =
        ["wuv_weight_tank", "wuv_weight_infantry_vehicle", "wuv_weight_artillery", "wuv_weight_mortar", "wuv_weight_air_defence",
         "wuv_weight_attack_helicopter", "wuv_weight_antitank", "ade_wuv"];

    /// <summary>Reads the weights from a scenario; every missing or non-positive one is reported.</summary>
    public static (WuvWeights? Value, IReadOnlyList<string> Errors) From(Scenario scenario)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        var errors = new List<string>();
        var v = new double[Ids.Count];
        for (var i = 0; i < Ids.Count; i++)
        {
            var a = scenario.Assumption(Ids[i]);
            if (a is null) errors.Add($"assumption '{Ids[i]}': expected in the scenario's assumptions, found none");
            else if (!(a.Value > 0) || !double.IsFinite(a.Value)) errors.Add($"assumption '{Ids[i]}': expected a positive number, found {a.Value}");
            else v[i] = a.Value;
        }
        return errors.Count > 0 ? (null, errors) : (new WuvWeights(v[0], v[1], v[2], v[3], v[4], v[5], v[6], v[7]), errors);
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
