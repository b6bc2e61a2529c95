using Resolute.Planning;

namespace Resolute.Web.Runs;

/// <summary>Two runs side by side: headline figures, force package differences, outcome bands and the top drivers.</summary>
public sealed record RunComparison(
    RunSummary A, RunSummary B,
    IReadOnlyList<ComparedFigure> Headline,
    IReadOnlyList<UnitDifference> Units,
    IReadOnlyList<ComparedBand> Outcomes,
    IReadOnlyList<ComparedDrivers> Sensitivity);

/// <summary>One figure in both runs (null where the stage did not run).</summary>
public sealed record ComparedFigure(string Name, double? A, double? B, string Format)
{
    public double? Delta => A is { } a && B is { } b ? b - a : null;
}

/// <summary>A unit in either package: <c>both</c>, <c>only a</c> or <c>only b</c>, with its slot in each.</summary>
public sealed record UnitDifference(string Unit, string UnitName, string Nation, string Kind, string Presence, string? SlotA, string? SlotB, int Personnel);

/// <summary>P10/P50/P90 of one end-of-campaign metric (with the coalition) in both runs.</summary>
public sealed record ComparedBand(string Metric, string Unit, double? A10, double? A50, double? A90, double? B10, double? B50, double? B90);

/// <summary>The widest tornado bars of one output in each run.</summary>
public sealed record ComparedDrivers(string Output, IReadOnlyList<string> A, IReadOnlyList<string> B);

/// <summary>Builds a <see cref="RunComparison"/> from two plan results.</summary>
public static class Comparer
{
    public static RunComparison Compare(RunSummary sa, PlanResult a, RunSummary sb, PlanResult b)
    {
        var fa = a.ForceGeneration;
        var fb = b.ForceGeneration;
        var ea = a.Balance?.Result.WithCoalition;
        var eb = b.Balance?.Result.WithCoalition;
        var headline = new List<ComparedFigure>
        {
            new("Slots filled", fa?.Fill.FilledSlots, fb?.Fill.FilledSlots, "0"),
            new("Slots required", fa?.Fill.Slots, fb?.Fill.Slots, "0"),
            new("Personnel deployed", fa?.Fill.Personnel, fb?.Fill.Personnel, "#,0"),
            new("Major equipment", fa?.Fill.MajorEquipment, fb?.Fill.MajorEquipment, "#,0"),
            // Breadth, as force generation counts it: the coalition's nations, not the US backstop (shown on its own line).
            new("Coalition nations", fa?.Breadth.Nations, fb?.Breadth.Nations, "0"),
            new("US backstop personnel", fa?.Us.Personnel, fb?.Us.Personnel, "#,0"),
            new("Annual cost (USD bn)", fa?.Burden.Sum(x => x.AnnualCostUsd) / 1e9, fb?.Burden.Sum(x => x.AnnualCostUsd) / 1e9, "0.0"),
            new("P(deterrence holds)", ea?.Probabilities.DeterrenceHolds, eb?.Probabilities.DeterrenceHolds, "P0"),
            new("P(a defended city is reached)", ea?.Probabilities.CityReached, eb?.Probabilities.CityReached, "P0"),
            new("P(breakthrough)", ea?.Probabilities.Breakthrough, eb?.Probabilities.Breakthrough, "P0"),
        };

        var ua = (fa?.Assignments ?? []).GroupBy(x => x.Unit, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        var ub = (fb?.Assignments ?? []).GroupBy(x => x.Unit, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        var units = ua.Keys.Union(ub.Keys, StringComparer.Ordinal).Select(id =>
        {
            ua.TryGetValue(id, out var x);
            ub.TryGetValue(id, out var y);
            var u = (x ?? y)!;
            var presence = x is not null && y is not null ? "both" : x is not null ? "only a" : "only b";
            return new UnitDifference(id, u.UnitName, u.Nation, u.Kind.ToString(), presence, x?.Slot, y?.Slot, u.Personnel);
        }).OrderBy(d => d.Presence == "both" ? 1 : 0).ThenBy(d => d.Nation, StringComparer.Ordinal).ThenBy(d => d.Unit, StringComparer.Ordinal).ToList();

        var metrics = (ea?.Summaries ?? []).Select(s => s.Metric).Union((eb?.Summaries ?? []).Select(s => s.Metric), StringComparer.Ordinal);
        var outcomes = metrics.Select(m =>
        {
            var x = ea?.Summaries.FirstOrDefault(s => s.Metric == m);
            var y = eb?.Summaries.FirstOrDefault(s => s.Metric == m);
            return new ComparedBand(m, (x ?? y)!.Unit, x?.P10, x?.P50, x?.P90, y?.P10, y?.P50, y?.P90);
        }).ToList();

        var ta = a.Balance?.Tornado ?? [];
        var tb = b.Balance?.Tornado ?? [];
        var outputs = ta.Select(t => t.Output).Union(tb.Select(t => t.Output));
        var drivers = outputs.Select(o => new ComparedDrivers(o.ToString(), Top(ta, o), Top(tb, o))).ToList();
        return new RunComparison(sa, sb, headline, units, outcomes, drivers);
    }

    private static string[] Top(IEnumerable<Balance.TornadoResult> t, Balance.SensitivityOutput o) =>
        t.FirstOrDefault(x => x.Output == o)?.Bars.OrderByDescending(b => b.Swing).Take(3).Select(b => b.Parameter).ToArray() ?? [];
}
