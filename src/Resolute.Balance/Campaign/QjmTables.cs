namespace Resolute.Balance;

/// <summary>
/// Dupuy's QJM tables used by the campaign model, as transcribed from <i>Numbers, Predictions and War</i> in the public
/// implementation <c>HerrTom/OPORD-QJM</c> (<c>database/tables/AdvanceRates.csv</c>, <c>PostureFactors.csv</c>); see
/// shared/reference/combat-models.md §4.1. These are cited reference tables, not tunable assumptions: the scenario scales
/// and selects within them (advance_scale, defence_posture, terrain_mobility, terrain_defence).
/// </summary>
public static class QjmTables
{
    /// <summary>Power ratios P_a/P_d of the advance-rate rows (the table's 1.11, 1.26, 1.76 and 4.26 rows are not in the reference notes).</summary>
    public static IReadOnlyList<double> Ratios { get; } = [1.00, 1.46, 2.26, 3.01, 6.00];

    /// <summary>
    /// Opposed advance rates of infantry, km/day, by posture row (0 hasty, 1 prepared, 2 fortified) and ratio. The infantry
    /// column is used because the 2024–25 war is fought mostly by dismounted assault groups. Fortified entries at 1.46, 2.26
    /// and 6.00 are not in the reference notes; they are set to half the prepared entries, the relation both verified
    /// fortified entries (1.00: 2 → 1; 3.01: 6 → 3) follow [D].
    /// </summary>
    public static IReadOnlyList<IReadOnlyList<double>> InfantryAdvance { get; } =
    [
        [4, 6.5, 10, 12, 24],
        [2, 3, 5, 6, 12],
        [1, 1.5, 2.5, 3, 6],
    ];

    /// <summary>Posture strength factors u_s for hasty, prepared and fortified defence.</summary>
    public static IReadOnlyList<double> PostureStrength { get; } = [1.30, 1.50, 1.60];

    /// <summary>A posture-row value interpolated linearly in the posture index (0 hasty … 2 fortified).</summary>
    public static double Blend(IReadOnlyList<double> rows, double posture)
    {
        ArgumentNullException.ThrowIfNull(rows);
        posture = Math.Clamp(posture, 0, rows.Count - 1);
        var i = Math.Min((int)posture, rows.Count - 2);
        var t = posture - i;
        return (rows[i] * (1 - t)) + (rows[i + 1] * t);
    }

    /// <summary>The advance-rate row at a posture index, interpolated between posture rows.</summary>
    public static double[] AdvanceRow(double posture)
    {
        var row = new double[Ratios.Count];
        for (var k = 0; k < row.Length; k++) row[k] = Blend([InfantryAdvance[0][k], InfantryAdvance[1][k], InfantryAdvance[2][k]], posture);
        return row;
    }

    /// <summary>
    /// The advance rate, km/day, at power ratio <paramref name="ratio"/>: piecewise linear through the table's rows, capped at
    /// the last row, tapering linearly from zero at <paramref name="minRatio"/> to the 1:1 entry (Dupuy: advance needs local
    /// preponderance).
    /// </summary>
    public static double AdvanceRate(double[] row, double ratio, double minRatio)
    {
        ArgumentNullException.ThrowIfNull(row);
        var rate = row[0] * Math.Clamp((ratio - minRatio) / (1 - minRatio), 0, 1);
        for (var k = 1; k < row.Length; k++)
        {
            var width = Ratios[k] - Ratios[k - 1];
            rate += (row[k] - row[k - 1]) / width * Math.Clamp(ratio - Ratios[k - 1], 0, width);
        }
        return rate;
    }
}
