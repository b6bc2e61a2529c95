namespace Resolute.Balance;

/// <summary>The one precondition helper: programmer errors throw, user input is validated earlier.</summary>
internal static class Guard
{
    public static double NonNegative(double value, string name) =>
        double.IsFinite(value) && value >= 0 ? value : throw new ArgumentOutOfRangeException(name, value, "Must be finite and non-negative.");

    public static double Finite(double value, string name) =>
        double.IsFinite(value) ? value : throw new ArgumentOutOfRangeException(name, value, "Must be finite.");
}
