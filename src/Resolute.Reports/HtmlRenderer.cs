using System.Globalization;
using System.Text;
using System.Text.Json;

using Resolute.Planning;

namespace Resolute.Reports;

/// <summary>
/// Renders the document as one self-contained HTML file: inline CSS, inline SVG charts, and a Leaflet map whose
/// scripts (Leaflet, milsymbol), styles and base map are inlined, so it opens offline in any browser.
/// </summary>
internal static class HtmlRenderer
{
    /// <summary>Marks the start and end of each inlined vendor library, so tests can cut them out of golden files.</summary>
    internal const string VendorStart = "/*<vendor ", VendorEnd = "/*</vendor>*/";

    private const string Css = """
        :root { --ink: #1b1b1b; --muted: #555; --rule: #d0d0d0; --accent: #0072B2; --warn: #D55E00; }
        * { box-sizing: border-box; }
        body { font-family: "DejaVu Sans", "Segoe UI", Helvetica, Arial, sans-serif; color: var(--ink); margin: 0; line-height: 1.45; background: #fff; }
        header { background: #0b2a4a; color: #fff; padding: 1.2rem 2rem; }
        header h1 { margin: 0 0 .3rem; font-size: 1.6rem; }
        header p { margin: 0; color: #dbe6f3; }
        nav { padding: .6rem 2rem; border-bottom: 1px solid var(--rule); font-size: .9rem; position: sticky; top: 0; background: #fff; z-index: 1000; }
        nav a { margin-right: 1rem; color: var(--accent); }
        main { padding: 0 2rem 3rem; max-width: 1200px; }
        section { border-bottom: 1px solid var(--rule); padding: .5rem 0 1rem; }
        h2 { font-size: 1.3rem; margin: 1.2rem 0 .6rem; }
        table { border-collapse: collapse; margin: .5rem 0 1rem; font-size: .86rem; }
        caption { text-align: left; font-weight: bold; padding: .3rem 0; }
        th, td { border-bottom: 1px solid var(--rule); padding: .25rem .6rem; text-align: left; vertical-align: top; }
        th { background: #f2f4f7; }
        td.num, span.num { font-variant-numeric: tabular-nums; white-space: nowrap; }
        td.num { text-align: right; }
        details { margin: .5rem 0 1rem; }
        summary { cursor: pointer; color: var(--accent); }
        figure { margin: 1rem 0; }
        figcaption { font-size: .85rem; color: var(--muted); max-width: 760px; }
        figure svg { max-width: 100%; height: auto; border: 1px solid var(--rule); }
        .not-computed { color: var(--warn); font-weight: bold; }
        #bluf ul { font-size: 1.02rem; }
        #map { height: 560px; max-width: 1100px; border: 1px solid var(--rule); background: #cfe3f2; }
        .map-legend { font-size: .85rem; color: var(--muted); }
        .unit-symbol { background: none; border: none; }
        @media print { nav { display: none; } #map { height: 420px; } }
        """;

    private const string MapScript = """
        (function () {
          var el = document.getElementById('map');
          if (!el) return;
          var data = JSON.parse(document.getElementById('map-data').textContent);
          var base = JSON.parse(document.getElementById('basemap-data').textContent);
          var map = L.map(el, { zoomSnap: 0.25, attributionControl: true });
          if (el.dataset.tiles) L.tileLayer(el.dataset.tiles, { attribution: el.dataset.tilesAttribution || '' }).addTo(map);
          L.geoJSON(base, { interactive: false, style: { color: '#8a8a8a', weight: 0.8, fillColor: '#f3f0e8', fillOpacity: el.dataset.tiles ? 0 : 1 } }).addTo(map);
          map.attributionControl.addAttribution('Borders: Natural Earth (public domain)');
          function layer(name) { return data.features.filter(function (f) { return f.properties.layer === name; }); }
          var styles = {
            threat_zone: function (f) { return { color: f.properties.standoff ? '#D55E00' : '#E69F00', weight: 1, fillOpacity: f.properties.standoff ? 0.18 : 0.08, dashArray: f.properties.standoff ? null : '4 4' }; },
            deployment_area: function () { return { color: '#009E73', weight: 1.5, fillColor: '#009E73', fillOpacity: 0.15 }; },
            front_line: function () { return { color: '#b00000', weight: 3 }; },
            amd_coverage: function () { return { color: '#CC79A7', weight: 1.5, dashArray: '6 4', fillColor: '#CC79A7', fillOpacity: 0.08 }; },
            formation_area: function () { return { color: '#0072B2', weight: 2, fillColor: '#0072B2', fillOpacity: 0.1 }; }
          };
          function popup(f) {
            var p = f.properties, rows = [];
            for (var k in p) if (k !== 'layer') rows.push('<b>' + k.replace(/_/g, ' ') + '</b>: ' + String(p[k]).replace(/</g, '&lt;'));
            return rows.join('<br>');
          }
          var overlays = {};
          var polygons = { threat_zone: 'Threat zones', deployment_area: 'Deployment areas', formation_area: 'Division areas', amd_coverage: 'Air-defence coverage', front_line: 'Line of contact' };
          Object.keys(polygons).forEach(function (k) {
            overlays[polygons[k]] = L.geoJSON({ type: 'FeatureCollection', features: layer(k) }, { style: styles[k], onEachFeature: function (f, l) { l.bindPopup(popup(f)); } }).addTo(map);
          });
          overlays['Cities'] = L.geoJSON({ type: 'FeatureCollection', features: layer('city') }, {
            pointToLayer: function (f, at) {
              return L.circleMarker(at, { radius: 3 + Math.sqrt(f.properties.population) / 250, color: '#333', weight: 1,
                fillColor: f.properties.covered ? '#56B4E9' : '#ffffff', fillOpacity: 0.9 }).bindTooltip(f.properties.name);
            },
            onEachFeature: function (f, l) { l.bindPopup(popup(f)); }
          }).addTo(map);
          var symbols = L.layerGroup();
          var drawn = 0;
          layer('unit').concat(layer('amd_position')).forEach(function (f) {
            var p = f.properties;
            var sym = new ms.Symbol(p.sidc, { size: 20, uniqueDesignation: p.nation });
            var size = sym.getSize(), anchor = sym.getAnchor();
            var icon = L.divIcon({ className: 'unit-symbol', html: '<div data-sidc="' + p.sidc + '" data-unit="' + p.unit_id + '" data-valid="' + sym.isValid() + '">' + sym.asSVG() + '</div>',
              iconSize: [size.width, size.height], iconAnchor: [anchor.x, anchor.y] });
            L.marker([f.geometry.coordinates[1], f.geometry.coordinates[0]], { icon: icon, title: p.name + ' (' + p.nation + ')', keyboard: true })
              .bindPopup(popup(f)).addTo(symbols);
            drawn++;
          });
          symbols.addTo(map);
          overlays['Units (APP-6 symbols)'] = symbols;
          L.control.layers(null, overlays, { collapsed: false }).addTo(map);
          L.control.scale({ imperial: false }).addTo(map);
          // Ukraine, widened to take in units standing at their bases outside it.
          var bounds = L.latLngBounds([[44.2, 22.0], [52.5, 40.3]]);
          layer('unit').concat(layer('amd_position')).forEach(function (f) {
            if (f.properties.outside_ukraine) bounds.extend([f.geometry.coordinates[1], f.geometry.coordinates[0]]);
          });
          map.fitBounds(bounds);
          el.dataset.symbols = String(drawn);
          el.dataset.ready = 'true';
        })();
        """;

    public static string Render(PlanResult result, BriefingDocument doc, BriefingOptions options)
    {
        var sb = new StringBuilder(4_000_000);
        sb.Append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
        sb.Append("<meta name=\"generator\" content=\"resolute ").Append(Html.Escape(result.Provenance.ToolVersion)).Append("\">\n");
        sb.Append("<title>Briefing: ").Append(Html.Escape(doc.Title)).Append("</title>\n");
        sb.Append("<style>\n").Append(Css).Append("\n</style>\n");
        sb.Append("<style>").Append(VendorStart).Append("leaflet.css*/\n").Append(LeafletCss()).Append('\n').Append(VendorEnd).Append("</style>\n");
        sb.Append("</head>\n<body>\n<header>\n<h1>Briefing: ").Append(Html.Escape(doc.Title)).Append("</h1>\n<p>").Append(Inlines(doc.Subtitle)).Append("</p>\n</header>\n");
        sb.Append("<nav aria-label=\"Sections\">");
        foreach (var s in doc.Sections) sb.Append("<a href=\"#").Append(s.Id).Append("\">").Append(Html.Escape(s.Title)).Append("</a>");
        sb.Append("</nav>\n<main>\n");
        var hasMap = false;
        foreach (var s in doc.Sections)
        {
            sb.Append("<section id=\"").Append(s.Id).Append("\" aria-labelledby=\"").Append(s.Id).Append("-h\">\n<h2 id=\"").Append(s.Id).Append("-h\">").Append(Html.Escape(s.Title)).Append("</h2>\n");
            foreach (var b in s.Blocks)
            {
                switch (b)
                {
                    case Para p:
                        sb.Append("<p>").Append(Inlines(p.Content)).Append("</p>\n");
                        break;
                    case Bullets l:
                        sb.Append("<ul>\n");
                        foreach (var item in l.Items) sb.Append("<li>").Append(Inlines(item)).Append("</li>\n");
                        sb.Append("</ul>\n");
                        break;
                    case Table t:
                        TableHtml(sb, t);
                        break;
                    case Chart c:
                        sb.Append("<figure class=\"chart\" id=\"chart-").Append(c.Id).Append("\">\n").Append(c.Svg).Append("\n<figcaption>").Append(Html.Escape(c.Caption)).Append("</figcaption>\n</figure>\n");
                        break;
                    case MapBlock:
                        hasMap = true;
                        sb.Append("<figure class=\"map\">\n<div id=\"map\" role=\"region\" aria-label=\"Map of the deployment: line of contact, threat zones, deployment areas, unit symbols, air-defence coverage and cities\"");
                        if (options.TileUrl is { } tiles)
                            sb.Append(" data-tiles=\"").Append(Html.Escape(tiles)).Append("\" data-tiles-attribution=\"").Append(Html.Escape(options.TileAttribution ?? "")).Append('"');
                        sb.Append("></div>\n<figcaption class=\"map-legend\">Friendly units drawn with APP-6(D) / MIL-STD-2525D symbols from their SIDC codes (milsymbol); red line: line of contact (");
                        sb.Append(Html.Escape(result.Geography?.Result.TheatreSource ?? "")).Append("); orange: threat zones (solid: the stand-off zone); green: deployment areas; purple dashed: air-defence coverage; circles: cities (blue = covered). ");
                        sb.Append("Base map: Natural Earth country borders, embedded (works offline).</figcaption>\n</figure>\n");
                        break;
                    case NotComputed n:
                        sb.Append("<p class=\"not-computed\">").Append(Html.Escape(Capitalise(n.Reason))).Append(".</p>\n");
                        break;
                }
            }
            sb.Append("</section>\n");
        }
        sb.Append("</main>\n");
        if (hasMap && result.Geography is { } g)
        {
            sb.Append("<script>").Append(VendorStart).Append("leaflet.js*/\n").Append(Html.Script(Vendor.Text("leaflet.js"))).Append('\n').Append(VendorEnd).Append("</script>\n");
            sb.Append("<script>").Append(VendorStart).Append("milsymbol.js*/\n").Append(Html.Script(Vendor.Text("milsymbol.js"))).Append('\n').Append(VendorEnd).Append("</script>\n");
            sb.Append("<script id=\"map-data\" type=\"application/json\">").Append(Html.Script(JsonSerializer.Serialize(g.Map))).Append("</script>\n");
            sb.Append("<script id=\"basemap-data\" type=\"application/json\">").Append(Html.Script(BaseMap.GeoJson)).Append("</script>\n");
            sb.Append("<script>\n").Append(MapScript).Append("\n</script>\n");
        }
        sb.Append("</body>\n</html>\n");
        return sb.ToString();
    }

    /// <summary>Leaflet's stylesheet without its url(images/…) references, which would be requests for files the briefing does not ship.</summary>
    private static string LeafletCss() =>
        System.Text.RegularExpressions.Regex.Replace(Vendor.Text("leaflet.css"), @"url\((?!data:)[^)]*\)", "none");

    private static void TableHtml(StringBuilder sb, Table t)
    {
        if (t.Collapsed) sb.Append("<details><summary>").Append(Html.Escape(t.Caption)).Append(" (").Append(t.Rows.Count.ToString(CultureInfo.InvariantCulture)).Append(" rows)</summary>\n");
        sb.Append("<table>\n<caption>").Append(Html.Escape(t.Caption)).Append("</caption>\n<thead><tr>");
        foreach (var h in t.Headers) sb.Append("<th scope=\"col\">").Append(Html.Escape(h)).Append("</th>");
        sb.Append("</tr></thead>\n<tbody>\n");
        if (t.Rows.Count == 0) sb.Append("<tr><td colspan=\"").Append(t.Headers.Count.ToString(CultureInfo.InvariantCulture)).Append("\">(none)</td></tr>\n");
        foreach (var row in t.Rows)
        {
            sb.Append("<tr>");
            foreach (var cell in row)
                sb.Append(cell.Count == 1 && cell[0] is Num ? "<td class=\"num\">" : "<td>").Append(Inlines(cell)).Append("</td>");
            sb.Append("</tr>\n");
        }
        sb.Append("</tbody>\n</table>\n");
        if (t.Collapsed) sb.Append("</details>\n");
    }

    private static string Capitalise(string s) => s.Length == 0 ? s : char.ToUpperInvariant(s[0]) + s[1..];

    private static string Inlines(IEnumerable<Inline> content) => string.Concat(content.Select(i => i switch
    {
        Txt t => Html.Escape(t.Text),
        Strong s => $"<strong>{Html.Escape(s.Text)}</strong>",
        Code c => $"<code>{Html.Escape(c.Text)}</code>",
        Num n => $"<span class=\"num\" data-json=\"{Html.Escape(n.Path)}\"{(n.Scale == 1 ? "" : $" data-scale=\"{n.Scale.ToString("R", CultureInfo.InvariantCulture)}\"")}>{Html.Escape(n.Text)}</span>",
        _ => "",
    }));
}
