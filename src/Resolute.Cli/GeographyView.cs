using System.Globalization;
using Resolute.Domain;
using Resolute.Geo;
using Spectre.Console;

namespace Resolute.Cli;

/// <summary>Renders the geography stage's result as text: territory, threat zones, unit positions, air-defence coverage.</summary>
internal static class GeographyView
{
    public static void Render(IAnsiConsole console, GeographyResult r)
    {
        var c = CultureInfo.InvariantCulture;
        console.Write(new Rule("[bold]Geography[/]").LeftJustified());
        var info = new Grid().AddColumn().AddColumn();
        void Row(string k, string v) => info.AddRow(new Text(k, new Style(decoration: Decoration.Bold)), new Text(v));
        Row("Front line", string.Create(c, $"{r.TheatreSource} as of {r.TheatreAsOf:yyyy-MM-dd}, {r.FrontLengthKm:#,0} km as digitised"));
        Row("Kyiv-controlled", string.Create(c, $"{r.ControlledAreaKm2:#,0} km² (occupied {r.OccupiedAreaKm2:#,0} km²)"));
        var standoff = r.ThreatZones.Where(z => z.Standoff).Select(z => z.Category.ToCode()).ToArray();
        Row("Stand-off", string.Create(c, $"{r.StandoffKm:0} km from the line of contact ({(standoff.Length == 0 ? "no threat chosen" : string.Join(", ", standoff))})"));
        Row("Deployment areas", string.Create(c, $"{r.DeploymentAreaKm2:#,0} km² in {r.DeploymentAreaParts} part{(r.DeploymentAreaParts == 1 ? "" : "s")}"));
        var a = r.AirDefence;
        Row("AMD coverage", string.Create(c, $"{a.PopulationCovered:#,0} of {a.ControlledPopulation:#,0} people in the listed Kyiv-held cities ({a.ShareCovered:P1}) with {a.Batteries.Count(b => b.Position is not null)} batteries"));
        if (a.BestMarginalGain is { } g)
            Row("One more battery", string.Create(c, $"+{g.AdditionalPopulation:#,0} people ({g.AdditionalShare:P1}) with a {g.System} ({g.RadiusKm:0} km)"));
        else if (a.MarginalGains.Count > 0)
            Row("One more battery", "covers no one more: every listed Kyiv-held city it could reach is already covered");
        var outside = r.Units.Where(u => u.OutsideUkraine).ToArray();
        if (outside.Length > 0)
            Row("Outside Ukraine", string.Create(c, $"{outside.Length} units: {outside.Count(u => u.Base is not null)} at their bases, {outside.Count(u => u.Base is null)} with their base unknown (not placed)"));
        Row("Freed Ukrainian brigades", string.Create(c, $"{r.FreedForces.UkrainianBrigades:0.#} ({r.FreedForces.CoalitionBrigades} coalition brigades × {r.FreedForces.PerBrigade:0.##})"));
        Row("CRS", r.Crs);
        console.Write(info);

        var zones = new Table().Title("Threat zones (from the line of contact)").Border(TableBorder.Simple)
            .AddColumns("category", "longest-range system", "range km", "stand-off", "Kyiv-held km² in reach", "city population in reach");
        foreach (var z in r.ThreatZones)
            zones.AddRow(z.Category.ToCode(), Markup.Escape(z.System), z.RangeKm.ToString("0", c), z.Standoff ? "yes" : "",
                z.ControlledAreaKm2.ToString("#,0", c), z.CityPopulationInReach.ToString("#,0", c));
        console.Write(zones);

        var units = new Table().Title("Unit positions").Border(TableBorder.Simple).AddColumns("unit", "nation", "kind", "km to front", "position", "assignment");
        foreach (var u in r.Units)
            units.AddRow(Markup.Escape(u.UnitId), u.Nation, u.Kind.ToCode(), u.DistanceToFrontKm?.ToString("0", c) ?? "",
                u.Position is { } p ? string.Create(c, $"{p.Lat:0.000}N {p.Lon:0.000}E") : "", Markup.Escape(u.Assignment));
        console.Write(units);

        if (r.Formations.Count > 0)
        {
            var areas = new Table().Title(string.Create(c, $"Formation areas (every unit within {r.Options.FormationRadiusKm:0} km of its headquarters)")).Border(TableBorder.Simple)
                .AddColumns("formation", "area", "headquarters", "centre", "km to front", "extent km", "farthest from HQ km", "units", "not in the area");
            foreach (var f in r.Formations)
                areas.AddRow(Markup.Escape(f.Formation), Markup.Escape(f.Name), Markup.Escape(f.Headquarters ?? "none"), string.Create(c, $"{f.Centre.Lat:0.000}N {f.Centre.Lon:0.000}E"),
                    f.DistanceToFrontKm.ToString("0", c), f.ExtentKm.ToString("0", c), f.MaxFromCentreKm.ToString("0", c), f.Units.Count.ToString(c),
                    Markup.Escape(f.NotInArea.Count == 0 ? "" : string.Join(" ", f.NotInArea)));
            console.Write(areas);
            foreach (var f in r.Formations) console.WriteLine($"{f.Formation} ({f.Name}): {string.Join(" ", f.Units)}");
        }
        if (r.StrikeReach.Count > 0)
        {
            var strike = new Table().Title("Long-range strike reach (from where each unit stands)").Border(TableBorder.Simple)
                .AddColumns("unit", "system", "range km", "stands", "km to front", "reach past the front km");
            foreach (var x in r.StrikeReach)
                strike.AddRow(Markup.Escape(x.UnitId), Markup.Escape(x.System ?? "none"), x.RangeKm.ToString("0", c), x.OutsideUkraine ? "outside Ukraine" : "in Ukraine",
                    x.DistanceToFrontKm?.ToString("0", c) ?? "not placed", x.DepthBeyondFrontKm is { } d ? (d > 0 ? d.ToString("0", c) : "falls short") : "");
            console.Write(strike);
        }

        var batteries = new Table().Title(string.Create(c, $"Air and missile defence ({a.CandidateSites:#,0} candidate sites, {a.DistinctSites:#,0} distinct; CP-SAT {a.SolverStatus})"))
            .Border(TableBorder.Simple).AddColumns("unit", "system", "radius km", "site", "km to front", "cities covered");
        foreach (var b in a.Batteries)
            batteries.AddRow(Markup.Escape(b.UnitId), Markup.Escape(b.System), b.RadiusKm.ToString("0", c), Markup.Escape(b.Site),
                b.DistanceToFrontKm?.ToString("0", c) ?? "", Markup.Escape(b.CitiesCovered.Count == 0 ? "none" : string.Join(", ", b.CitiesCovered) + (b.AddsCoverage ? "" : " (second layer)")));
        console.Write(batteries);

        var uncovered = a.Cities.Where(x => x.Controlled && !x.Covered).Select(x => string.Create(c, $"{x.Name} ({x.Population:#,0})")).ToArray();
        console.WriteLine(uncovered.Length == 0 ? "Every listed Kyiv-held city is covered." : "Not covered: " + string.Join(", ", uncovered));

        var gains = new Table().Title("One more battery").Border(TableBorder.Simple).AddColumns("system", "radius km", "extra people", "extra share");
        foreach (var m in a.MarginalGains)
            gains.AddRow(Markup.Escape(m.System), m.RadiusKm.ToString("0", c), m.AdditionalPopulation.ToString("#,0", c), m.AdditionalShare.ToString("P1", c));
        console.Write(gains);

        console.WriteLine("Placement rule: " + r.PlacementRule);
        foreach (var note in r.Notes) console.WriteLine("Note: " + note);
    }
}
