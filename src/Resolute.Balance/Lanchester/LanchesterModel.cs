namespace Resolute.Balance;

/// <summary>The attrition law of a Lanchester model.</summary>
public enum LanchesterLaw
{
    /// <summary>Aimed fire: a side's losses are proportional to the enemy's strength.</summary>
    Square,

    /// <summary>Area (unaimed) fire: losses are proportional to the product of both strengths.</summary>
    Linear,

    /// <summary>Peterson's law: losses are proportional to a side's own strength.</summary>
    Logarithmic,

    /// <summary>
    /// Helmbold's mixed form: losses proportional to own^(1−W)·enemy^W, where W is the Weiss
    /// parameter; W = 1 is the square law and W = 0 the logarithmic law.
    /// </summary>
    Helmbold,
}

/// <summary>Whether a model is solved as a differential equation or as a daily recursion.</summary>
public enum LanchesterForm
{
    /// <summary>The ordinary differential equations, solved in closed form where one exists.</summary>
    Continuous,

    /// <summary>The day-by-day difference equations, as in Helmbold's Iwo Jima spreadsheet.</summary>
    Discrete,
}

/// <summary>The strengths of the two sides at one moment, or a pair of per-side amounts.</summary>
/// <param name="Blue">The blue (friendly, e.g. US at Iwo Jima) value.</param>
/// <param name="Red">The red (opposing, e.g. Japanese at Iwo Jima) value.</param>
public readonly record struct ForceStrengths(double Blue, double Red);

/// <summary>
/// A Lanchester model: a law and the two sides' effectiveness coefficients, with Helmbold's
/// notation. Blue's losses per day are D·f(blue, red) and red's are A·f(red, blue), where f is the
/// law's attrition kernel (square: enemy; linear: own·enemy; logarithmic: own; Helmbold:
/// own^(1−W)·enemy^W).
/// </summary>
public sealed record LanchesterModel
{
    /// <summary>Creates a model; the coefficients must be finite and non-negative.</summary>
    /// <param name="law">The attrition law.</param>
    /// <param name="blueEffectiveness">A: red losses inflicted per blue per day (square law).</param>
    /// <param name="redEffectiveness">D: blue losses inflicted per red per day (square law).</param>
    /// <param name="weiss">Helmbold's Weiss parameter W in [0, 1]; ignored by the other laws.</param>
    public LanchesterModel(LanchesterLaw law, double blueEffectiveness, double redEffectiveness, double weiss = 1.0)
    {
        if (!Enum.IsDefined(law)) throw new ArgumentOutOfRangeException(nameof(law), law, "Unknown law.");
        Law = law;
        BlueEffectiveness = Guard.NonNegative(blueEffectiveness, nameof(blueEffectiveness));
        RedEffectiveness = Guard.NonNegative(redEffectiveness, nameof(redEffectiveness));
        if (!(weiss >= 0 && weiss <= 1)) throw new ArgumentOutOfRangeException(nameof(weiss), weiss, "The Weiss parameter must lie in [0, 1].");
        Weiss = weiss;
    }

    /// <summary>The attrition law.</summary>
    public LanchesterLaw Law { get; }

    /// <summary>Helmbold's A: blue's effectiveness against red.</summary>
    public double BlueEffectiveness { get; }

    /// <summary>Helmbold's D: red's effectiveness against blue.</summary>
    public double RedEffectiveness { get; }

    /// <summary>Helmbold's Weiss parameter W (used only by <see cref="LanchesterLaw.Helmbold"/>).</summary>
    public double Weiss { get; }

    /// <summary>The exchange ratio D/A (Helmbold's ν is its square root).</summary>
    public double Ratio => RedEffectiveness / BlueEffectiveness;

    /// <summary>The intensity √(A·D) (Helmbold's λ).</summary>
    public double Lambda => Math.Sqrt(BlueEffectiveness * RedEffectiveness);

    /// <summary>Blue's loss rate per day at the given strengths.</summary>
    internal double BlueLossRate(double blue, double red) => RedEffectiveness * Kernel(blue, red);

    /// <summary>Red's loss rate per day at the given strengths.</summary>
    internal double RedLossRate(double blue, double red) => BlueEffectiveness * Kernel(red, blue);

    // A side with no strength left inflicts nothing. The square, linear and Helmbold (W > 0)
    // kernels give that by themselves; the logarithmic one needs it said, or a victor would keep
    // losing a share of its force every day against nobody.
    private double Kernel(double own, double enemy)
    {
        if (enemy <= 0) return 0;
        own = Math.Max(0, own);
        return Law switch
        {
            LanchesterLaw.Square => enemy,
            LanchesterLaw.Linear => own * enemy,
            LanchesterLaw.Logarithmic => own,
            _ => Weiss switch
            {
                1 => enemy,
                0 => own,
                _ => Math.Pow(own, 1 - Weiss) * Math.Pow(enemy, Weiss),
            },
        };
    }
}
