using ScottPlot;
using Resolute.Sourcing;

namespace Resolute.Reports;

/// <summary>The deployment's charts: the build-up in place by day, and a Gantt-style chart by formation.</summary>
internal static partial class Charts
{
    /// <summary>Personnel in place by day after the offer (a step line), with IOC and FOC marked.</summary>
    public static string BuildUp(DeploymentPlan d)
    {
        var plot = NewPlot("Build-up: the force in place by day", "Days after the offer", "Personnel in place (thousands)");
        var last = d.BuildUp.Count == 0 ? 0 : d.BuildUp[^1].Day;
        var xs = new List<double> { 0 };
        var ys = new List<double> { 0 };
        foreach (var s in d.BuildUp)
        {
            xs.AddRange([s.Day, s.Day]);
            ys.AddRange([ys[^1], s.Personnel / 1000.0]);
        }
        xs.Add(last + Math.Max(5, last * 0.05));
        ys.Add(ys[^1]);
        var line = plot.Add.ScatterLine(xs.ToArray(), ys.ToArray(), Color.FromHex(Palette[4]));
        line.LineWidth = 2;
        line.LegendText = "personnel in place";
        var top = Math.Max(1, ys.Max() * 1.1);
        Milestones(plot, d, top);
        plot.Axes.SetLimits(0, xs[^1], 0, top);
        plot.ShowLegend(Alignment.LowerRight);
        return Svg(plot, "build-up", "Step line of the coalition's personnel in place by day after the offer, with the days of initial and full operating capability as dashed lines.");
    }

    /// <summary>
    /// One row per formation of the requirement and per force-level element: a grey bar while its first unit is not yet
    /// ready, a coloured bar from then until its last unit is in place, and a dot at each unit's arrival.
    /// </summary>
    public static string Gantt(DeploymentPlan d)
    {
        var plot = NewPlot("Deployment by formation", "Days after the offer", "");
        var rows = d.Moves.GroupBy(m => m.Formation ?? m.Role, StringComparer.Ordinal)
            .Select(g => (Label: g.Key, First: g.Min(m => m.ReadyDay), Last: g.Max(m => m.ArrivalDay), Arrivals: g.Select(m => m.ArrivalDay).ToArray()))
            .OrderBy(r => r.Last).ThenBy(r => r.Label, StringComparer.Ordinal).ToArray();
        var waiting = rows.Select((r, i) => new Bar { Position = i, ValueBase = 0, Value = r.First, FillColor = Color.FromHex(Grey), LineColor = Colors.Transparent, Size = 0.6 }).ToArray();
        var moving = rows.Select((r, i) => new Bar { Position = i, ValueBase = r.First, Value = r.Last, FillColor = Color.FromHex(Palette[1]), LineColor = Colors.Transparent, Size = 0.6 }).ToArray();
        var w = plot.Add.Bars(waiting);
        w.Horizontal = true;
        w.LegendText = "until its first unit is ready";
        var m = plot.Add.Bars(moving);
        m.Horizontal = true;
        m.LegendText = "moving in, until its last unit is in place";
        for (var i = 0; i < rows.Length; i++)
            foreach (var (day, k) in rows[i].Arrivals.Select((a, k) => (a, k)))
            {
                var dot = plot.Add.Marker(day, i, MarkerShape.FilledCircle, 6, Color.FromHex(Black));
                if (i == 0 && k == 0) dot.LegendText = "a unit in place";
            }
        plot.Axes.Left.SetTicks(rows.Select((_, i) => (double)i).ToArray(), rows.Select(r => r.Label.Replace('_', ' ')).ToArray());
        var right = Math.Max(10, rows.Select(r => r.Last).DefaultIfEmpty(0).Max() * 1.08);
        Milestones(plot, d, rows.Length - 0.4, -0.6);
        plot.Axes.SetLimits(0, right, -0.6, rows.Length - 0.4);
        plot.ShowLegend(Edge.Bottom);
        return Svg(plot, "gantt", "Horizontal bars, one per formation and force-level element: grey until its first unit is ready, coloured until its last unit is in place, with a dot at each unit's arrival and the days of initial and full operating capability as dashed lines.");
    }

    private static void Milestones(Plot plot, DeploymentPlan d, double top, double bottom = 0)
    {
        if (d.Ioc is { } ioc) Dashed(plot, (ioc.Day, bottom), (ioc.Day, top), Color.FromHex(Palette[2]), 2, $"initial operating capability (day {ioc.Day})");
        if (d.Foc is { } foc) Dashed(plot, (foc.Day, bottom), (foc.Day, top), Color.FromHex(Palette[5]), 2, d.Complete ? $"full operating capability (day {foc.Day})" : $"planned force in place (day {foc.Day})");
    }
}
