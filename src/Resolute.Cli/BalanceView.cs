using System.Globalization;
using Resolute.Balance;
using Spectre.Console;

namespace Resolute.Cli;

/// <summary>Text rendering of the balance stage's results (used by <c>simulate</c>, <c>sensitivity</c> and, later, <c>plan</c>).</summary>
internal static class BalanceView
{
    private static readonly CultureInfo C = CultureInfo.InvariantCulture;

    private static readonly string[] Headline = new[]
    {
        Metrics.Territory, Metrics.RussianCasualtiesPerDay, Metrics.UkrainianCasualtiesPerDay, Metrics.RussianCostPerKm2,
        Metrics.RussianEquipmentPerKm2, Metrics.CombatDaysPer100Km2, Metrics.RussianTotalEnd, Metrics.UkrainianFrontEnd, Metrics.CitiesReached,
    }.Select(m => m.Id).ToArray();

    /// <summary>The whole balance result: outcomes and deterrence with and without the coalition, sector balance, bands.</summary>
    public static void Render(IAnsiConsole console, BalanceResult r)
    {
        ArgumentNullException.ThrowIfNull(console);
        ArgumentNullException.ThrowIfNull(r);
        var e = r.WithCoalition;
        var title = $"Balance: {r.ScenarioId}" + (e.Partial ? $" — PARTIAL: {e.Completed} of {e.Runs} runs (stopped early)" : "");
        console.Write(new Rule($"[bold]{Markup.Escape(title)}[/]").LeftJustified());
        console.WriteLine(string.Create(C, $"{e.Completed} campaigns × {e.Days} days × {e.Sectors} sectors, seed {e.Seed}, law {e.Law.ToString().ToLowerInvariant()}; coalition: {e.Coalition.ManoeuvreBrigades:0.#} manoeuvre brigades ({e.Coalition.FreedBrigades:0.#} Ukrainian brigades freed), {e.Coalition.LongRangeStrikeUnits:0.#} long-range-strike units, {e.Coalition.FighterSquadrons:0.#} fighter squadrons"));
        console.WriteLine($"RNG: {e.Rng}");

        var p = new Table().Title("Outcome probabilities").Border(TableBorder.Simple).AddColumns("outcome", "with coalition", "without");
        void P(string name, double a, double b) => p.AddRow(name, Pct(a), Pct(b));
        P("deterrence holds (cost/km² ≥ threshold)", e.Probabilities.DeterrenceHolds, r.WithoutCoalition.Probabilities.DeterrenceHolds);
        P("a defended city is reached", e.Probabilities.CityReached, r.WithoutCoalition.Probabilities.CityReached);
        P("a sector is broken through", e.Probabilities.Breakthrough, r.WithoutCoalition.Probabilities.Breakthrough);
        P("Russia's force shrinks", e.Probabilities.RussianForceShrinks, r.WithoutCoalition.Probabilities.RussianForceShrinks);
        console.Write(p);
        if (Difference(r.Deterrence) is { } diff)
            console.WriteLine($"The coalition's difference in P(deterrence holds), run by run on the same random numbers: {diff} (95 % confidence).");

        var d = r.Deterrence;
        var t = new Table().Title("Deterrence: Russian cost of ground").Border(TableBorder.Simple).AddColumns("measure", "with coalition", "without");
        t.AddRow("expected casualties per km² (mean casualties / mean km²)", N(d.CostPerKm2With), N(d.CostPerKm2Without));
        t.AddRow("equipment items per km² (P50)", N(d.EquipmentPerKm2With, "0.00"), N(d.EquipmentPerKm2Without, "0.00"));
        t.AddRow("combat days per 100 km² (P50)", N(d.DaysPer100Km2With, "0.0"), N(d.DaysPer100Km2Without, "0.0"));
        console.Write(t);

        var s = new Table().Title("End of campaign (P10 / P50 / P90)").Border(TableBorder.Simple).AddColumns("metric", "unit", "with coalition", "without");
        foreach (var m in Headline)
        {
            var a = e.Get(m);
            var b = r.WithoutCoalition.Get(m);
            s.AddRow(m, Markup.Escape(a.Unit), Band(a.P10, a.P50, a.P90), Band(b.P10, b.P50, b.P90));
        }
        console.Write(s);

        RenderSectors(console, r.Sectors);
        RenderBands(console, e);
        if (r.CoalitionScore is { } score)
            console.WriteLine(string.Create(C, $"Coalition force score: {score.Units} units, {score.Personnel:N0} personnel, WUV {score.Wuv:N0} = {score.Ade:0.00} ADE"));
    }

    /// <summary>The base case's correlation of forces per sector.</summary>
    public static void RenderSectors(IAnsiConsole console, IReadOnlyList<SectorBalance> sectors)
    {
        ArgumentNullException.ThrowIfNull(console);
        ArgumentNullException.ThrowIfNull(sectors);
        var t = new Table().Title("Correlation of forces by sector (base case, no daily noise; Russian : Ukrainian combat power)").Border(TableBorder.Simple)
            .AddColumns("sector", "Russian (start)", "Ukrainian (start)", "ratio (start)", "ratio (end)", "advance km");
        foreach (var x in sectors)
            t.AddRow(x.Sector.ToString(C), N(x.RussianStart), N(x.UkrainianStart), N(x.PowerRatioStart, "0.00"), N(x.PowerRatioEnd, "0.00"), N(x.DepthKm, "0.0"));
        console.Write(t);
    }

    /// <summary>Monthly rows of the daily bands (territory and strengths).</summary>
    public static void RenderBands(IAnsiConsole console, EnsembleResult e)
    {
        ArgumentNullException.ThrowIfNull(console);
        ArgumentNullException.ThrowIfNull(e);
        if (e.Bands.Count == 0) return;
        var t = new Table().Title("Bands over time (P10 / P50 / P90)").Border(TableBorder.Simple).AddColumn("day");
        foreach (var b in e.Bands) t.AddColumn(b.Metric);
        var days = e.Bands[0].Days;
        var step = Math.Max(1, (int)Math.Round(30.0 / Math.Max(1, days.Count > 1 ? days[1] - days[0] : 1)));
        var rows = Enumerable.Range(0, days.Count).Where(k => (k + 1) % step == 0 || k == days.Count - 1);
        foreach (var k in rows) t.AddRow([days[k].ToString(C), .. e.Bands.Select(b => Band(b.P10[k], b.P50[k], b.P90[k]))]);
        console.Write(t);
    }

    /// <summary>"+1.8 pp ± 0.7 pp", or null when the result carries no paired difference.</summary>
    private static string? Difference(DeterrenceResult d) =>
        d.HoldsDifference is { } x && d.HoldsDifferenceMargin95 is { } m ? string.Create(C, $"{x * 100:+0.0;−0.0;0.0} pp ± {m * 100:0.0} pp") : null;

    /// <summary>Side-by-side comparison of scenarios.</summary>
    public static void RenderComparison(IAnsiConsole console, IReadOnlyList<BalanceResult> results)
    {
        ArgumentNullException.ThrowIfNull(console);
        ArgumentNullException.ThrowIfNull(results);
        var t = new Table().Title("Scenarios side by side (with the coalition; P10 / P50 / P90)").Border(TableBorder.Simple)
            .AddColumn(new TableColumn("scenario").NoWrap())
            .AddColumns("P(deterrence holds)", "without coalition", "difference (95 %)", "P(city reached)", "P(breakthrough)", "P(Russia shrinks)", "territory km²", "casualties/km²");
        foreach (var r in results)
        {
            var e = r.WithCoalition;
            var terr = e.Get(Metrics.Territory.Id);
            t.AddRow(Markup.Escape(r.ScenarioId + (e.Partial ? " (partial)" : "")), Pct(e.Probabilities.DeterrenceHolds), Pct(r.WithoutCoalition.Probabilities.DeterrenceHolds),
                Difference(r.Deterrence) ?? "n/a", Pct(e.Probabilities.CityReached), Pct(e.Probabilities.Breakthrough), Pct(e.Probabilities.RussianForceShrinks),
                Band(terr.P10, terr.P50, terr.P90), N(r.Deterrence.CostPerKm2With));
        }
        console.Write(t);
    }

    /// <summary>Tornado charts as tables, widest bar first.</summary>
    public static void RenderTornado(IAnsiConsole console, IReadOnlyList<TornadoResult> results, int top)
    {
        ArgumentNullException.ThrowIfNull(console);
        ArgumentNullException.ThrowIfNull(results);
        foreach (var r in results)
        {
            var t = new Table().Title(string.Create(C, $"Tornado: {Name(r.Output)} (base {r.Base:N1}; each input at its P10 and P90, others at base; {r.RunsPerPoint} runs per point)"))
                .Border(TableBorder.Simple).AddColumns("assumption", "P10 → output", "P90 → output", "swing");
            foreach (var b in r.Bars.Take(top))
                t.AddRow(Markup.Escape(b.Parameter), $"{N(b.Low, "0.####")} → {N(b.OutputLow, "N1")}", $"{N(b.High, "0.####")} → {N(b.OutputHigh, "N1")}", N(b.Swing, "N1"));
            console.Write(t);
        }
    }

    /// <summary>Sobol indices as tables, largest total index first.</summary>
    public static void RenderSobol(IAnsiConsole console, IReadOnlyList<SobolResult> results, int top)
    {
        ArgumentNullException.ThrowIfNull(console);
        ArgumentNullException.ThrowIfNull(results);
        foreach (var r in results)
        {
            var t = new Table().Title(string.Create(C, $"Sobol indices: {Name(r.Output)} (N = {r.BaseSamples}, {r.Runs} runs; ± 95 % bootstrap)"))
                .Border(TableBorder.Simple).AddColumns("assumption", "S1", "ST", "ST − S1");
            foreach (var x in r.Indices.Take(top))
                t.AddRow(Markup.Escape(x.Parameter), $"{x.S1.ToString("0.000", C)} ± {x.S1Conf.ToString("0.000", C)}", $"{x.ST.ToString("0.000", C)} ± {x.STConf.ToString("0.000", C)}", (x.ST - x.S1).ToString("0.000", C));
            console.Write(t);
        }
    }

    private static string Name(SensitivityOutput o) => o switch
    {
        SensitivityOutput.TerritoryKm2 => "territory gained, km²",
        SensitivityOutput.RussianCostPerKm2 => "Russian casualties per km²",
        _ => "Russian casualties per day",
    };

    private static string Pct(double x) => (x * 100).ToString("0.0", C) + " %";

    private static string N(double x, string format = "N0") => double.IsFinite(x) ? x.ToString(format, C) : (double.IsNaN(x) ? "n/a" : "∞");

    private static string Band(double p10, double p50, double p90)
    {
        var f = Math.Abs(p50) < 10 ? "0.##" : "N0";
        return $"{N(p10, f)} / {N(p50, f)} / {N(p90, f)}";
    }
}
