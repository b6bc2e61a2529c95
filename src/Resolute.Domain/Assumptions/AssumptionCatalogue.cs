using System.Collections.Frozen;
using System.Reflection;
using Resolute.Domain.Diagnostics;

namespace Resolute.Domain.Assumptions;

/// <summary>What the model does when a scenario leaves an assumption out: use <paramref name="Value"/>, for <paramref name="Reason"/>.</summary>
public sealed record AbsentDefault(double Value, string Reason);

/// <summary>One assumption a stage reads: its id, unit, meaning, bounds, and its value when absent (null: required).</summary>
public sealed record AssumptionSpec(string Id, string Stage, string Unit, string Description, double Min, double Max, bool ExclusiveMin, AbsentDefault? Default)
{
    /// <summary>True when a scenario must give the assumption.</summary>
    public bool Required => Default is null;

    /// <summary>True when <paramref name="x"/> is inside the bounds.</summary>
    public bool Admits(double x) => (ExclusiveMin ? x > Min : x >= Min) && x <= Max;

    /// <summary>The bounds as an interval, e.g. "[0, 1]" or "(0, ∞)".</summary>
    public string Interval =>
        $"{(ExclusiveMin ? "(" : "[")}{Messages.Number(Min)}, {(Max == double.MaxValue ? "∞)" : Messages.Number(Max) + "]")}";

    /// <summary><paramref name="x"/> forced inside the bounds (the model's domain), for sampled values from unbounded distributions.</summary>
    public double Clamp(double x) => Math.Clamp(x, Min, Max);

    /// <summary>The assumption a scenario gets when it leaves this one out; only for optional assumptions.</summary>
    public Assumption Absent() => Default is { } d
        ? new Assumption(Id, Description, Unit, d.Value, Distribution.FixedAt(d.Value), d.Reason)
        : throw new InvalidOperationException($"Assumption '{Id}' is required.");
}

/// <summary>
/// Every assumption any stage reads, in one table: the rows are the <see cref="AssumptionAttribute"/>s on the stage
/// parameter enums. The scenario loader checks scenarios against it, and stages resolve their values through it.
/// Adding an assumption is a member with its attribute, the model code that reads it, and docs (CONTRIBUTING.md).
/// </summary>
public static class AssumptionCatalogue
{
    private static readonly Type[] Stages = [typeof(CampaignParameter), typeof(WuvParameter), typeof(CostParameter), typeof(DeploymentParameter), typeof(DurabilityParameter), typeof(SustainmentParameter)];

    /// <summary>Every assumption, stage by stage, in parameter order.</summary>
    public static readonly IReadOnlyList<AssumptionSpec> All = Stages.SelectMany(Rows).ToArray();

    private static readonly FrozenDictionary<string, AssumptionSpec> ById = All.ToFrozenDictionary(s => s.Id, StringComparer.Ordinal);

    /// <summary>The assumption with this id, or null when no stage reads it.</summary>
    public static AssumptionSpec? Find(string id) => ById.GetValueOrDefault(id);

    /// <summary>The catalogue row of one stage parameter.</summary>
    public static AssumptionSpec Of<TParam>(TParam parameter) where TParam : struct, Enum => Table<TParam>.Specs[Table<TParam>.Index(parameter)];

    /// <summary>The rows of one stage, in parameter order.</summary>
    public static IReadOnlyList<AssumptionSpec> Of<TParam>() where TParam : struct, Enum => Table<TParam>.Specs;

    private static IEnumerable<AssumptionSpec> Rows(Type stage) =>
        stage.GetFields(BindingFlags.Public | BindingFlags.Static).Select(f =>
        {
            var a = f.GetCustomAttribute<AssumptionAttribute>() ?? throw new InvalidOperationException($"{stage.Name}.{f.Name} has no [Assumption] row.");
            return new AssumptionSpec(a.Id, Codes.Snake(stage.Name.Replace("Parameter", "", StringComparison.Ordinal)), a.Unit, a.Description,
                a.Min, a.Max, a.ExclusiveMin, a.DefaultReason is null ? null : new AbsentDefault(a.Default, a.DefaultReason));
        });

    /// <summary>
    /// The problems of one assumption against its row: the value and each distribution parameter that is a value (min,
    /// mode, max, mean) inside the bounds. Positions come from the assumption, else <paramref name="fallback"/>.
    /// </summary>
    public static IEnumerable<Diagnostic> CheckBounds(Assumption assumption, AssumptionSpec spec, Position fallback)
    {
        ArgumentNullException.ThrowIfNull(assumption);
        ArgumentNullException.ThrowIfNull(spec);
        var at = assumption.At ?? fallback;
        if (!double.IsFinite(assumption.Value) || !spec.Admits(assumption.Value))
            yield return Diagnostic.At(assumption.ValueAt ?? at, Messages.OutOfRange($"a value in {spec.Interval} for '{spec.Id}' ({spec.Unit})", assumption.Value));
        var d = assumption.Distribution;
        if (d.Kind == DistributionKind.Fixed) yield break;
        foreach (var (key, x) in new[] { ("min", d.Min), ("mode", d.Mode), ("max", d.Max), ("mean", d.Mean) })
            if (x is { } v && double.IsFinite(v) && !spec.Admits(v) && !(key == "mean" && d.Kind == DistributionKind.Lognormal))
                yield return Diagnostic.At(assumption.DistributionAt ?? at,
                    Messages.OutOfRange($"a distribution {key} in {spec.Interval} for '{spec.Id}'", v));
    }

    /// <summary>
    /// One stage's assumptions, resolved from a scenario's list in parameter order: every missing required one, every
    /// value outside its bounds reported at the node it came from; absent optional ones get the catalogue's default.
    /// </summary>
    public static (Assumption[]? Values, IReadOnlyList<Diagnostic> Diagnostics) Resolve<TParam>(IReadOnlyList<Assumption> assumptions, Position missingAt)
        where TParam : struct, Enum
    {
        ArgumentNullException.ThrowIfNull(assumptions);
        var specs = Of<TParam>();
        var values = new Assumption[specs.Count];
        var diagnostics = new List<Diagnostic>();
        for (var i = 0; i < specs.Count; i++)
        {
            var spec = specs[i];
            var a = assumptions.FirstOrDefault(x => x.Id == spec.Id);
            if (a is null && spec.Required)
            {
                diagnostics.Add(Diagnostic.At(missingAt, Messages.MissingAssumption(spec.Id, spec.Description)));
                continue;
            }
            values[i] = a ?? spec.Absent();
            diagnostics.AddRange(CheckBounds(values[i], spec, missingAt));
            if (values[i].Distribution.Problem(values[i].Value) is { } problem)
                diagnostics.Add(Diagnostic.At(values[i].DistributionAt ?? values[i].At ?? missingAt, Messages.Inconsistent($"a possible distribution for '{spec.Id}'", problem)));
        }
        return diagnostics.Count == 0 ? (values, diagnostics) : (null, diagnostics);
    }

    private static class Table<TParam> where TParam : struct, Enum
    {
        private static readonly TParam[] Members = Enum.GetValues<TParam>();
        public static readonly IReadOnlyList<AssumptionSpec> Specs = Stages.Contains(typeof(TParam))
            ? All.Where(s => s.Stage == StageName).ToArray()
            : throw new InvalidOperationException($"{typeof(TParam).Name} is not a stage of the assumption catalogue.");
        private static string StageName => Codes.Snake(typeof(TParam).Name.Replace("Parameter", "", StringComparison.Ordinal));
        public static int Index(TParam p) => Array.IndexOf(Members, p);
    }
}
