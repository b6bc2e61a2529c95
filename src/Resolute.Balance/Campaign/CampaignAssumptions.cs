using Resolute.Domain;
using Resolute.Domain.Assumptions;
using Resolute.Domain.Diagnostics;

namespace Resolute.Balance;

/// <summary>
/// The scenario's assumptions resolved to the campaign parameters, in <see cref="CampaignParameter"/> order.
/// Built once at the boundary (<see cref="From(Scenario)"/>), which reports every missing or impossible assumption.
/// </summary>
public sealed class CampaignAssumptions
{
    /// <summary>Stream of parameter p's draw is ParameterStream + p (the daily noise uses stream 1).</summary>
    internal const ulong ParameterStream = 0x100;

    /// <summary>The number of campaign parameters.</summary>
    public static int Count => Parameters.Count;

    /// <summary>All campaign parameters in vector order.</summary>
    public static readonly IReadOnlyList<CampaignParameter> Parameters = Enum.GetValues<CampaignParameter>();

    private static readonly AssumptionSpec[] Specs = [.. AssumptionCatalogue.Of<CampaignParameter>()];

    private readonly Assumption[] _items;

    private CampaignAssumptions(Assumption[] items) => _items = items;

    /// <summary>The assumption behind a parameter.</summary>
    public Assumption this[CampaignParameter p] => _items[(int)p];

    /// <summary>The scenario assumption id of a parameter.</summary>
    public static string Id(CampaignParameter p) => Specs[(int)p].Id;

    /// <summary>Resolves a scenario's assumptions; on failure, every problem, at the node it came from.</summary>
    public static (CampaignAssumptions? Value, IReadOnlyList<Diagnostic> Diagnostics) From(Scenario scenario)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        var (values, diagnostics) = AssumptionCatalogue.Resolve<CampaignParameter>(scenario.Assumptions, scenario.AssumptionsAt);
        return (values is null ? null : new CampaignAssumptions(values), diagnostics);
    }

    /// <summary>A copy with one assumption replaced (used by what-if analyses and tests).</summary>
    public CampaignAssumptions With(CampaignParameter p, Assumption a)
    {
        ArgumentNullException.ThrowIfNull(a);
        var copy = (Assumption[])_items.Clone();
        copy[(int)p] = a;
        return new CampaignAssumptions(copy);
    }

    /// <summary>A copy with one parameter fixed at a value.</summary>
    public CampaignAssumptions WithFixed(CampaignParameter p, double value) =>
        With(p, this[p] with { Value = value, Distribution = Distribution.FixedAt(value) });

    /// <summary>The default (base-case) value of a parameter, clamped to the model's domain.</summary>
    public double Base(CampaignParameter p) => Specs[(int)p].Clamp(_items[(int)p].Value);

    /// <summary>The <paramref name="q"/>-quantile of a parameter's distribution, clamped to the model's domain.</summary>
    public double Quantile(CampaignParameter p, double q)
    {
        var a = _items[(int)p];
        return Specs[(int)p].Clamp(a.Distribution.Kind == DistributionKind.Fixed ? a.Value : Sampling.Quantile(a.Distribution, a.Value, q));
    }

    /// <summary>The base values of all parameters.</summary>
    public double[] BaseVector()
    {
        var v = new double[Count];
        foreach (var p in Parameters) v[(int)p] = Base(p);
        return v;
    }

    /// <summary>Fills <paramref name="values"/> with one Monte Carlo draw of every parameter for a run key.</summary>
    public void Sample(ulong runKey, Span<double> values)
    {
        foreach (var p in Parameters)
        {
            var a = _items[(int)p];
            values[(int)p] = a.Distribution.Kind == DistributionKind.Fixed
                ? Specs[(int)p].Clamp(a.Value)
                : Quantile(p, CounterRng.Uniform(runKey, ParameterStream + (ulong)p, 0));
        }
    }
}
