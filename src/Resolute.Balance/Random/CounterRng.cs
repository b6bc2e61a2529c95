using System.Numerics;

namespace Resolute.Balance;

/// <summary>
/// The one random source of the balance stage: a counter-based generator. A draw is a pure function of
/// (key, counter): <c>Mix(key + counter·γ)</c>, where <c>Mix</c> is the SplitMix64 finaliser and γ the golden-ratio
/// increment (Steele, Lea &amp; Flood, "Fast splittable pseudorandom number generators", OOPSLA 2014; the same
/// output function as Java's <c>SplittableRandom</c>). A run's key is derived from the master seed and the run index
/// only, so an ensemble splits into shards, and results do not depend on thread count, chunking or SIMD width.
/// </summary>
/// <remarks>
/// The algorithm is fixed here (not <see cref="System.Random"/>, whose algorithm may change between .NET versions),
/// so results are reproducible across runtimes. Name recorded in results: <see cref="Algorithm"/>.
/// </remarks>
public static class CounterRng
{
    /// <summary>The algorithm's name as recorded in results.</summary>
    public const string Algorithm = "splitmix64-counter (key = mix(mix(master) + (run+1)·γ); draw = mix(key ^ stream·c + counter·γ))";

    /// <summary>γ = 2^64 / φ, odd: the SplitMix64 increment.</summary>
    public const ulong Gamma = 0x9E3779B97F4A7C15UL;

    private const ulong StreamConstant = 0xD1B54A32D192ED03UL;

    /// <summary>The SplitMix64 finaliser (variant 13 of Stafford's mixers), a bijection on 64 bits.</summary>
    public static ulong Mix(ulong z)
    {
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }

    /// <summary>The key of run <paramref name="run"/> of an ensemble with master seed <paramref name="master"/>.</summary>
    public static ulong RunKey(ulong master, long run) => Mix(Mix(master) + (((ulong)run + 1) * Gamma));

    /// <summary>64 random bits: draw <paramref name="counter"/> of stream <paramref name="stream"/> under <paramref name="key"/>.</summary>
    public static ulong Bits(ulong key, ulong stream, ulong counter) => Mix((key ^ (stream * StreamConstant)) + ((counter + 1) * Gamma));

    /// <summary>A uniform double in the open interval (0, 1), from the top 53 bits.</summary>
    public static double Uniform(ulong key, ulong stream, ulong counter) => ((Bits(key, stream, counter) >> 11) + 0.5) * (1.0 / (1UL << 53));

    /// <summary>The vector form of <see cref="Mix(ulong)"/>, lane by lane; identical to the scalar result in every lane.</summary>
    internal static Vector<ulong> Mix(Vector<ulong> z)
    {
        z = (z ^ (z >> 30)) * new Vector<ulong>(0xBF58476D1CE4E5B9UL);
        z = (z ^ (z >> 27)) * new Vector<ulong>(0x94D049BB133111EBUL);
        return z ^ (z >> 31);
    }

    /// <summary>The vector form of <see cref="Bits(ulong, ulong, ulong)"/> with a per-lane key and a common stream and counter.</summary>
    internal static Vector<ulong> Bits(Vector<ulong> key, ulong stream, ulong counter) =>
        Mix((key ^ new Vector<ulong>(stream * StreamConstant)) + new Vector<ulong>((counter + 1) * Gamma));
}
