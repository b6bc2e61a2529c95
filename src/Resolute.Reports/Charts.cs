using System.Globalization;
using System.Text.RegularExpressions;
using Resolute.Balance;
using Resolute.Balance.Survival;
using Resolute.Domain;
using Resolute.Sourcing;
using ScottPlot;

namespace Resolute.Reports;

/// <summary>
/// The briefing's charts as inline SVG (ScottPlot): every chart has a title, axis labels with units and an accessible
/// name, and uses the Okabe–Ito palette, which stays distinguishable under the common colour-vision deficiencies.
/// </summary>
internal static partial class Charts
{
    private const int Width = 760, Height = 420;

    /// <summary>Okabe &amp; Ito (2008), "Color Universal Design": orange, sky blue, bluish green, yellow, blue, vermillion, reddish purple.</summary>
    internal static readonly string[] Palette = ["#E69F00", "#56B4E9", "#009E73", "#F0E442", "#0072B2", "#D55E00", "#CC79A7"];
    private const string Grey = "#BBBBBB", Black = "#000000";

    // No fontconfig with SkiaSharp's NoDependencies assets: name the font once, or text measures in a serif fallback.
    static Charts() => Fonts.Default = "DejaVu Sans";

    private static Plot NewPlot(string title, string x, string y)
    {
        var plot = new Plot();
        plot.Title(title, 15);
        plot.XLabel(x, 13);
        plot.YLabel(y, 13);
        return plot;
    }

    /// <summary>Each nation's share of the force by personnel, major end items and combat value, stacked, with the group-share threshold.</summary>
    public static string Contributions(ForcePlan plan)
    {
        var plot = NewPlot("Contributions by nation (share of the deployed force)", "Measure", "Share of the force (%)");
        var measures = new (string Label, Func<NationBurden, double> Of)[]
        {
            ("Personnel", b => b.Personnel), ("Major end items", b => b.MajorEquipment), ("Combat value", b => b.CombatValue),
        };
        var europe = plan.Burden.Where(b => b.Group == NationGroup.EuropeCanada).OrderByDescending(b => b.Personnel).ThenBy(b => b.Nation, StringComparer.Ordinal).ToArray();
        var named = europe.Take(Palette.Length - 1).ToArray();
        var series = named.Select((b, i) => (Label: b.Nation, Color: Palette[i], Members: new[] { b })).ToList();
        if (europe.Length > named.Length) series.Add(("Other Europe & Canada", Grey, europe.Skip(named.Length).ToArray()));
        foreach (var g in plan.Burden.Where(b => b.Group != NationGroup.EuropeCanada).GroupBy(b => b.Group).OrderBy(g => g.Key))
            series.Add((g.Key == NationGroup.Us ? "United States" : g.Key.ToCode(), g.Key == NationGroup.Us ? Black : Palette[^1], g.ToArray()));

        var totals = measures.Select(m => plan.Burden.Sum(m.Of)).ToArray();
        var bottoms = new double[measures.Length];
        foreach (var (label, color, members) in series)
        {
            var bars = measures.Select((m, i) =>
            {
                var share = totals[i] > 0 ? 100 * members.Sum(m.Of) / totals[i] : 0;
                var bar = new Bar { Position = i, ValueBase = bottoms[i], Value = bottoms[i] + share, FillColor = Color.FromHex(color), LineColor = Colors.White, Size = 0.6 };
                bottoms[i] += share;
                return bar;
            }).ToArray();
            plot.Add.Bars(bars).LegendText = label;
        }
        var threshold = plan.ShareChecks.Count > 0 ? plan.ShareChecks[0].Threshold : (double?)null;
        if (threshold is { } t)
        {
            Dashed(plot, (-0.6, 100 * t), (2.6, 100 * t), Color.FromHex(Palette[5]), 2, string.Create(CultureInfo.InvariantCulture, $"{t:P0} threshold (Europe & Canada)"));
        }
        plot.Axes.Bottom.SetTicks([0, 1, 2], measures.Select(m => m.Label).ToArray());
        plot.Axes.SetLimits(-0.6, 2.6, 0, 105);
        plot.ShowLegend(Edge.Right);
        return Svg(plot, "contributions", "Stacked bars of each nation's share of the force's personnel, major end items and combat value, with the share threshold as a dashed line.");
    }

    /// <summary>Each coalition nation's share of the coalition's personnel against its share of the coalition's GDP; the diagonal is "in proportion to GDP".</summary>
    public static string BurdenVsGdp(ForcePlan plan)
    {
        var plot = NewPlot("Burden vs economic weight (the coalition, without the US backstop)", "Share of the coalition's GDP (%)", "Share of the coalition's personnel (%)");
        var rows = plan.Burden.Where(b => b.ShareOfForce is not null && b.ShareOfGdp is not null).ToArray();
        var max = Math.Max(5, rows.Select(b => Math.Max(b.ShareOfForce!.Value, b.ShareOfGdp!.Value) * 100).DefaultIfEmpty(0).Max() * 1.1);
        Dashed(plot, (0, 0), (max, max), Color.FromHex(Grey), 1, "in proportion to GDP");
        foreach (var (b, i) in rows.Select((b, i) => (b, i)))
        {
            var (x, y) = (100 * b.ShareOfGdp!.Value, 100 * b.ShareOfForce!.Value);
            var m = plot.Add.Marker(x, y, MarkerShape.FilledCircle, 9, Color.FromHex(Palette[4]));
            if (i == 0) m.LegendText = "a coalition nation";
            var label = plot.Add.Text(b.Nation, x, y);
            label.LabelFontSize = 11;
            label.LabelOffsetX = 6;
            label.LabelOffsetY = -6;
        }
        plot.Axes.SetLimits(0, max, 0, max);
        plot.ShowLegend(Alignment.UpperLeft);
        return Svg(plot, "burden", "Scatter of each coalition nation's share of the coalition's personnel against its share of the coalition's GDP, with the line of proportionality.");
    }

    /// <summary>Each nation's annual cost as a share of its defence budget: the one-off force beside the force it can hold.</summary>
    public static string SustainmentCost(SustainmentResult s)
    {
        var plot = NewPlot("Annual cost against the defence budget, by nation", "Nation", "Annual cost (% of defence budget)");
        var rows = s.Cost.ToArray();
        foreach (var (label, color, offset, of) in new (string Label, string Color, double Offset, Func<SustainmentCost, double> Of)[]
        {
            ("one-off force (while it lasts)", Palette[0], -0.2, c => c.OneOffShareOfDefence),
            (string.Create(CultureInfo.InvariantCulture, $"sustained force ({s.Ratio}:1 rotation)"), Palette[4], 0.2, c => c.ShareOfDefence),
        })
        {
            var bars = rows.Select((c, i) => new Bar { Position = i + offset, Value = 100 * of(c), FillColor = Color.FromHex(color), LineColor = Colors.White, Size = 0.4 }).ToArray();
            plot.Add.Bars(bars).LegendText = label;
        }
        plot.Axes.Bottom.SetTicks([.. Enumerable.Range(0, rows.Length).Select(i => (double)i)], [.. rows.Select(c => c.Nation)]);
        var top = rows.Select(c => 100 * Math.Max(c.ShareOfDefence, c.OneOffShareOfDefence)).DefaultIfEmpty(0).Max();
        plot.Axes.SetLimits(-0.6, Math.Max(0.4, rows.Length - 0.4), 0, Math.Max(1, top * 1.15));
        plot.ShowLegend(Alignment.UpperRight);
        return Svg(plot, "sustainment-cost", "Grouped bars of each nation's annual cost as a percentage of its defence budget, for the one-off force and for the sustained force.");
    }

    /// <summary>The end-of-campaign P10–P90 range (bar) and median (marker) of one metric per scenario, with and without the coalition.</summary>
    public static string ScenarioRanges(IReadOnlyList<(string Label, BalanceResult Result)> scenarios, string metric, string title, string yLabel, string id)
    {
        var plot = NewPlot(title, "Scenario", yLabel);
        foreach (var (pick, label, color, offset) in new (Func<BalanceResult, EnsembleResult> Pick, string Label, string Color, double Offset)[]
                 { (r => r.WithCoalition, "with the coalition", Palette[4], -0.18), (r => r.WithoutCoalition, "without the coalition", Palette[0], 0.18) })
        {
            var summaries = scenarios.Select(x => pick(x.Result).Summaries.FirstOrDefault(m => m.Metric == metric)).ToArray();
            var bars = summaries.Select((m, i) => m is null ? null : new Bar
            {
                Position = i + offset, ValueBase = m.P10, Value = m.P90, FillColor = Color.FromHex(color).WithAlpha(0.6), LineColor = Color.FromHex(color), Size = 0.32,
            }).OfType<Bar>().ToArray();
            plot.Add.Bars(bars).LegendText = $"P10–P90 {label}";
            for (var i = 0; i < summaries.Length; i++)
            {
                if (summaries[i] is not { } m) continue;
                var marker = plot.Add.Marker(i + offset, m.P50, MarkerShape.FilledDiamond, 10, Color.FromHex(Black));
                if (i == 0 && offset < 0) marker.LegendText = "median";
            }
        }
        plot.Axes.Bottom.SetTicks(Enumerable.Range(0, scenarios.Count).Select(i => (double)i).ToArray(), scenarios.Select(x => x.Label).ToArray());
        plot.Axes.SetLimitsX(-0.6, scenarios.Count - 0.4);
        plot.ShowLegend(Alignment.UpperLeft);
        return Svg(plot, id, $"{title}: for each scenario, the 10th to 90th percentile range as a bar and the median as a diamond, with and without the coalition.");
    }

    /// <summary>P10–P90 band and median of one daily metric, with and without the coalition.</summary>
    public static string Bands(BalanceResult r, string metric, string title, string yLabel, string id)
    {
        var plot = NewPlot(title, "Day of the campaign", yLabel);
        foreach (var (e, label, color) in new[] { (r.WithCoalition, "with the coalition", Palette[4]), (r.WithoutCoalition, "without the coalition", Palette[0]) })
        {
            var band = e.Bands.FirstOrDefault(b => b.Metric == metric);
            if (band is null || band.Days.Count == 0) continue;
            AddBand(plot, band.Days.Select(d => (double)d).ToArray(), band.P10, band.P50, band.P90, color, $"P10–P90 {label}", $"median {label}");
        }
        plot.ShowLegend(Alignment.UpperLeft);
        return Svg(plot, id, $"{title}: the median and the 10th to 90th percentile band over the days of the campaign, with and without the coalition.");
    }

    /// <summary>P(the ceasefire still holds) over the years with and without the force: the fitted curve and its 95 % band.</summary>
    public static string Durability(DurabilityComparison c)
    {
        var plot = NewPlot("Would a ceasefire hold?", "Years after the ceasefire", "P(the ceasefire still holds)");
        foreach (var (curve, label, color) in new[] { (c.With, "with the force", Palette[4]), (c.Without, "without the force", Palette[0]) })
        {
            AddBand(plot, curve.Years.ToArray(), curve.Lower, curve.Holds, curve.Upper, color, $"95 % band {label}", label);
        }
        plot.Axes.SetLimitsY(0, 1);
        plot.ShowLegend(Alignment.LowerLeft);
        return Svg(plot, "durability", "P(the ceasefire still holds) by year after the ceasefire, from a Weibull model of the dataset's interstate ceasefires, with and without the coalition's force: the fitted curve and its 95 % band.");
    }

    /// <summary>A tornado chart: the output with each assumption at its P10 and its P90 (others at base), widest swing at the top.</summary>
    public static string Tornado(TornadoResult t, string output, int top = 10)
    {
        var plot = NewPlot($"What drives it: {output}", output, "");
        var bars = t.Bars.Take(top).ToArray();
        var low = new List<Bar>();
        var high = new List<Bar>();
        for (var i = 0; i < bars.Length; i++)
        {
            var position = bars.Length - 1 - i;
            low.Add(new Bar { Position = position, ValueBase = t.Base, Value = bars[i].OutputLow, FillColor = Color.FromHex(Palette[4]), Size = 0.7 });
            high.Add(new Bar { Position = position, ValueBase = t.Base, Value = bars[i].OutputHigh, FillColor = Color.FromHex(Palette[0]), Size = 0.7 });
        }
        var lowPlot = plot.Add.Bars(low.ToArray());
        lowPlot.Horizontal = true;
        lowPlot.LegendText = "assumption at its P10";
        var highPlot = plot.Add.Bars(high.ToArray());
        highPlot.Horizontal = true;
        highPlot.LegendText = "assumption at its P90";
        var baseLine = plot.Add.VerticalLine(t.Base, 1.5f, Colors.Black, LinePattern.Solid);
        baseLine.LegendText = string.Create(CultureInfo.InvariantCulture, $"base case {t.Base:#,0.#}");
        plot.Axes.Left.SetTicks(Enumerable.Range(0, bars.Length).Select(i => (double)i).ToArray(), bars.Select(b => b.Parameter).Reverse().ToArray());
        plot.ShowLegend(Alignment.LowerRight);
        return Svg(plot, "tornado", $"Tornado chart of {output}: for each of the {bars.Length} most influential assumptions, the output with the assumption at its 10th and 90th percentile.");
    }

    /// <summary>A shaded band from <paramref name="lower"/> to <paramref name="upper"/> with its central line on top, in one colour.</summary>
    private static void AddBand(Plot plot, double[] xs, IReadOnlyList<double> lower, IReadOnlyList<double> centre, IReadOnlyList<double> upper,
        string color, string bandLegend, string lineLegend)
    {
        var fill = plot.Add.FillY(xs, lower.ToArray(), upper.ToArray());
        fill.FillColor = Color.FromHex(color).WithAlpha(0.25);
        fill.LineColor = Colors.Transparent;
        fill.LegendText = bandLegend;
        var line = plot.Add.ScatterLine(xs, centre.ToArray(), Color.FromHex(color));
        line.LineWidth = 2;
        line.LegendText = lineLegend;
    }

    /// <summary>
    /// A dashed straight line drawn as separate dashes: the SVG backend draws Skia's dash effect solid (and says
    /// "Unsupported path effect" on stderr), so the pattern is made of segments. One legend entry.
    /// </summary>
    private static void Dashed(Plot plot, (double X, double Y) from, (double X, double Y) to, Color color, float width, string legend)
    {
        const int Dashes = 24;
        for (var i = 0; i < Dashes; i++)
        {
            double At(double a, double b, double f) => a + ((b - a) * f);
            var (f0, f1) = ((double)i / Dashes, (i + 0.6) / Dashes);
            var dash = plot.Add.ScatterLine(new[] { At(from.X, to.X, f0), At(from.X, to.X, f1) }, new[] { At(from.Y, to.Y, f0), At(from.Y, to.Y, f1) }, color);
            dash.LineWidth = width;
            if (i == 0) dash.LegendText = legend;
        }
    }

    /// <summary>
    /// The plot as an SVG element with a title and description for screen readers; element ids get a per-chart prefix so
    /// that several charts can share one page.
    /// </summary>
    private static string Svg(Plot plot, string id, string description)
    {
        var svg = plot.GetSvgXml(Width, Height);
        var start = svg.IndexOf("<svg", StringComparison.Ordinal);
        if (start > 0) svg = svg[start..];
        // ScottPlot numbers clip paths with a process-wide counter; renumber per chart so the same result renders the same SVG.
        var ids = new Dictionary<string, string>(StringComparer.Ordinal);
        string Rename(string old) => ids.TryGetValue(old, out var name) ? name : ids[old] = string.Create(CultureInfo.InvariantCulture, $"{id}-{ids.Count + 1}");
        svg = IdAttribute().Replace(svg, m => $"id=\"{Rename(m.Groups[1].Value)}\"");
        svg = UrlReference().Replace(svg, m => $"url(#{Rename(m.Groups[1].Value)})");
        svg = HrefReference().Replace(svg, m => $"href=\"#{Rename(m.Groups[1].Value)}\"");
        var open = svg.IndexOf('>', StringComparison.Ordinal);
        var title = plot.Axes.Title.Label.Text;
        return string.Concat(
            svg.AsSpan(0, open),
            $" role=\"img\" aria-labelledby=\"{id}-title {id}-desc\" class=\"chart-svg\" data-chart=\"{id}\">",
            $"<title id=\"{id}-title\">{Html.Escape(title)}</title><desc id=\"{id}-desc\">{Html.Escape(description)}</desc>",
            svg.AsSpan(open + 1));
    }

    [GeneratedRegex("id=\"([^\"]+)\"")]
    private static partial Regex IdAttribute();

    [GeneratedRegex(@"url\(#([^)]+)\)")]
    private static partial Regex UrlReference();

    [GeneratedRegex("href=\"#([^\"]+)\"")]
    private static partial Regex HrefReference();
}
