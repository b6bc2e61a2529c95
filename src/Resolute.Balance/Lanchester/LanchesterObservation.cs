namespace Resolute.Balance;

/// <summary>
/// One observed row of a battle: the time, both sides' strengths and the reinforcements that
/// arrived since the previous row.
/// </summary>
/// <param name="Time">Time in days; rows must be strictly increasing (whole days for the discrete form).</param>
/// <param name="Blue">Blue strength, or <see cref="double.NaN"/> when not observed (not allowed on the first row).</param>
/// <param name="Red">Red strength, or <see cref="double.NaN"/> when not observed (not allowed on the first row).</param>
/// <param name="BlueReinforcements">Blue arrivals since the previous row (ignored on the first row).</param>
/// <param name="RedReinforcements">Red arrivals since the previous row (ignored on the first row).</param>
public readonly record struct LanchesterObservation(
    double Time, double Blue, double Red, double BlueReinforcements = 0, double RedReinforcements = 0)
{
    /// <summary>Throws for rows a caller should have validated: the library trusts validated input only.</summary>
    internal static void Check(IReadOnlyList<LanchesterObservation> rows, LanchesterForm form)
    {
        ArgumentNullException.ThrowIfNull(rows);
        if (rows.Count == 0) throw new ArgumentException("At least one observation is needed.", nameof(rows));
        Guard.NonNegative(rows[0].Blue, nameof(rows));
        Guard.NonNegative(rows[0].Red, nameof(rows));
        for (var i = 0; i < rows.Count; i++)
        {
            var row = rows[i];
            Guard.Finite(row.Time, nameof(rows));
            if (!double.IsNaN(row.Blue)) Guard.NonNegative(row.Blue, nameof(rows));
            if (!double.IsNaN(row.Red)) Guard.NonNegative(row.Red, nameof(rows));
            Guard.NonNegative(row.BlueReinforcements, nameof(rows));
            Guard.NonNegative(row.RedReinforcements, nameof(rows));
            if (i == 0) continue;
            var span = row.Time - rows[i - 1].Time;
            if (!(span > 0)) throw new ArgumentException($"Row {i}: times must be strictly increasing.", nameof(rows));
            if (form == LanchesterForm.Discrete && (span != Math.Floor(span) || span > int.MaxValue))
                throw new ArgumentException($"Row {i}: the discrete form needs whole-day times.", nameof(rows));
        }
    }
}
