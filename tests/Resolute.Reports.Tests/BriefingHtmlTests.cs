using System.Globalization;
using System.Text.Json;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;

using Resolute.Planning;

namespace Resolute.Reports.Tests;

[Collection(PlannedDefault.Name)]
public sealed class BriefingHtmlTests(PlanFixture fixture)
{
    private static IDocument Parse(string html)
    {
        var parser = new HtmlParser(new HtmlParserOptions { IsStrictMode = false });
        return parser.ParseDocument(html);
    }

    [Fact]
    public void Render_DefaultScenario_ParsesWithEverySection()
    {
        using var doc = Parse(fixture.Files.Html);

        foreach (var (id, title) in BriefingBuilder.SectionIds)
        {
            var section = doc.GetElementById(id);
            Assert.NotNull(section);
            Assert.Equal(title, section.QuerySelector("h2")?.TextContent);
            Assert.Null(section.QuerySelector(".not-computed"));
        }
        Assert.NotNull(doc.GetElementById("map"));
        Assert.Equal("en", doc.DocumentElement.GetAttribute("lang"));
    }

    [Fact]
    public void Render_SeedNinetyDays_BottomLineStatesTheOneOffAndTheSustainedForce()
    {
        using var doc = Parse(fixture.Files.Html);
        var bluf = doc.GetElementById("bluf")!.TextContent;
        var s = fixture.Result.Sustainment!;

        Assert.Contains("Deployable once: " + s.OneOff.Personnel.ToString("#,0", CultureInfo.InvariantCulture) + " personnel", bluf, StringComparison.Ordinal);
        Assert.Contains(string.Create(CultureInfo.InvariantCulture, $"sustainable at {s.Ratio}:1: {s.Sustained.Personnel:#,0}"), bluf, StringComparison.Ordinal);
        Assert.Contains("sustaining the requirement needs", bluf, StringComparison.Ordinal);
        Assert.NotNull(doc.QuerySelector("#sustainment [data-chart='sustainment-cost']"));
        Assert.Contains("peacekeeping_only", doc.GetElementById("stances")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_PartlyFilledPlan_BottomLineSaysWhatIsShortAndWhoCarriesTheBurden()
    {
        using var doc = Parse(fixture.Files.Html);
        var bluf = doc.GetElementById("bluf")!.TextContent;
        var plan = fixture.Result.ForceGeneration!;
        Assert.True(plan.Fill.FilledSlots is > 0 && plan.Fill.FilledSlots < plan.Fill.Slots, "the fixture's plan is expected to be partly filled");

        Assert.Contains("Not in full: it fills", bluf, StringComparison.Ordinal);
        foreach (var role in plan.Shortfalls.Select(x => x.Role).Distinct()) Assert.Contains($"{role} ×", bluf, StringComparison.Ordinal);
        // The burden line names the largest coalition contributor and the nation furthest from its GDP share, never the backstop.
        var lead = plan.Burden.Where(b => b.ShareOfForce is not null).MaxBy(b => b.ShareOfForce)!;
        Assert.Contains($"Who carries the burden: {lead.Name} sends", bluf, StringComparison.Ordinal);
        Assert.Contains($"furthest from its GDP share is {plan.Burden.Single(b => b.Nation == plan.Fairness.MaxGapNation).Name}", bluf, StringComparison.Ordinal);
        Assert.DoesNotContain("United States", bluf, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_DefaultScenario_EveryNumberShownEqualsResultJson()
    {
        using var doc = Parse(fixture.Files.Html);
        using var json = JsonDocument.Parse(fixture.Files.Json, new JsonDocumentOptions());
        var numbers = doc.QuerySelectorAll("[data-json]");

        foreach (var el in numbers)
        {
            var path = el.GetAttribute("data-json")!;
            var scale = double.Parse(el.GetAttribute("data-scale") ?? "1", CultureInfo.InvariantCulture);
            var expected = JsonPath.Number(JsonPath.Resolve(json.RootElement, path)) * scale;
            var text = el.TextContent;
            if (double.IsNaN(expected)) { Assert.Equal("n/a", text); continue; }
            if (double.IsInfinity(expected)) { Assert.Equal(expected > 0 ? "∞" : "−∞", text); continue; }
            var cleaned = text.Replace(",", "", StringComparison.Ordinal).Replace("%", "", StringComparison.Ordinal).Replace("pp", "", StringComparison.Ordinal)
                .Replace("+", "", StringComparison.Ordinal).Replace("−", "-", StringComparison.Ordinal).Trim();
            var shown = double.Parse(cleaned, NumberStyles.Float, CultureInfo.InvariantCulture);
            var decimals = cleaned.Contains('.', StringComparison.Ordinal) && !cleaned.Contains('E', StringComparison.OrdinalIgnoreCase) ? cleaned.Length - cleaned.IndexOf('.', StringComparison.Ordinal) - 1 : 0;
            var tolerance = (0.5 * Math.Pow(10, -decimals)) + (1e-12 * Math.Abs(expected));
            Assert.True(Math.Abs(shown - expected) <= tolerance, $"{path}: shows '{text}', result.json has {expected.ToString("R", CultureInfo.InvariantCulture)}");
        }
        Assert.True(numbers.Length > 300, $"only {numbers.Length} numbers are tied to result.json");
    }

    [Fact]
    public void Render_DefaultScenario_TablesShowNoNumberThatIsNotTiedToResultJson()
    {
        using var doc = Parse(fixture.Files.Html);

        // Cells that are a number on their own must be tied to result.json (ids, dates and names are text).
        var loose = doc.QuerySelectorAll("td").Where(td => td.QuerySelector("[data-json], code") is null && double.TryParse(td.TextContent.Replace(",", "", StringComparison.Ordinal), NumberStyles.Float, CultureInfo.InvariantCulture, out _)).ToArray();

        var allowed = fixture.Result.Sources.Select(s => s.Rows.Count.ToString(CultureInfo.InvariantCulture)).ToHashSet(StringComparer.Ordinal);
        Assert.All(loose, td => Assert.True(allowed.Contains(td.TextContent) && td.ParentElement!.ParentElement!.ParentElement!.QuerySelector("caption")!.TextContent == "Sources",
            $"untied number '{td.TextContent}' in table '{td.Closest("table")?.QuerySelector("caption")?.TextContent}'"));
    }

    [Fact]
    public void Render_DefaultScenario_ChartsAreAccessibleInlineSvg()
    {
        using var doc = Parse(fixture.Files.Html);
        var charts = doc.QuerySelectorAll("figure.chart");

        Assert.Equal(["contributions", "gantt", "build-up", "sustainment-cost", "burden", "scenarios-territory", "scenarios-rus-casualties", "band-territory", "band-ukr-casualties", "band-rus-casualties", "tornado", "durability"], charts.Select(c => c.QuerySelector("svg")!.GetAttribute("data-chart")));
        foreach (var chart in charts)
        {
            var svg = chart.QuerySelector("svg")!;
            Assert.Equal("img", svg.GetAttribute("role"));
            Assert.False(string.IsNullOrWhiteSpace(svg.QuerySelector("title")?.TextContent));
            Assert.False(string.IsNullOrWhiteSpace(svg.QuerySelector("desc")?.TextContent));
            Assert.False(string.IsNullOrWhiteSpace(chart.QuerySelector("figcaption")?.TextContent));
        }
        var ids = doc.QuerySelectorAll("[id]").Select(e => e.Id).ToArray();
        Assert.Equal(ids.Length, ids.Distinct(StringComparer.Ordinal).Count());
    }

    [Fact]
    public void Render_DefaultScenario_AxisLabelsCarryUnits()
    {
        using var doc = Parse(fixture.Files.Html);
        var text = string.Join("\n", doc.QuerySelectorAll("figure.chart svg text").Select(t => t.TextContent));

        foreach (var label in new[] { "Share of the force (%)", "Share of the coalition's GDP (%)", "Territory (km²)", "Casualties (persons)", "Day of the campaign" })
            Assert.Contains(label, text, StringComparison.Ordinal);
        foreach (var colour in Charts.Palette.Take(2)) Assert.Contains(colour, fixture.Files.Html, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void Render_DefaultScenario_ReferencesNothingOutsideTheFile()
    {
        using var doc = Parse(fixture.Files.Html);

        Assert.Empty(doc.QuerySelectorAll("script[src], link[href], img[src], iframe, object, embed"));
        Assert.DoesNotContain("url(http", fixture.Files.Html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("url(images/", fixture.Files.Html, StringComparison.Ordinal);
        Assert.Contains("Leaflet 1.9.4", fixture.Files.Html, StringComparison.Ordinal);
        Assert.Null(doc.GetElementById("map")!.GetAttribute("data-tiles"));
    }

    [Fact]
    public void Render_MapData_HasEveryPlacedUnitWithItsSidc()
    {
        using var doc = Parse(fixture.Files.Html);
        using var map = JsonDocument.Parse(doc.GetElementById("map-data")!.TextContent);

        var symbols = map.RootElement.GetProperty("features").EnumerateArray()
            .Where(f => f.GetProperty("properties").GetProperty("layer").GetString() is "unit" or "amd_position")
            .Select(f => f.GetProperty("properties").GetProperty("unit_id").GetString()).Order(StringComparer.Ordinal);
        var placed = fixture.Result.Geography!.Result.Units.Where(u => u.Position is not null).Select(u => u.UnitId).Order(StringComparer.Ordinal);
        Assert.Equal(placed, symbols);
        using var basemap = JsonDocument.Parse(doc.GetElementById("basemap-data")!.TextContent);
        Assert.Contains(basemap.RootElement.GetProperty("features").EnumerateArray(), f => f.GetProperty("properties").GetProperty("name").GetString() == "Ukraine");
    }

    [Fact]
    public void Render_WithTileUrl_AddsItAsAnOptionalLayer()
    {
        var html = Briefing.Render(fixture.Result, new BriefingOptions("https://tiles.example.org/{z}/{x}/{y}.png", "© Example")).Html;

        using var doc = Parse(html);
        Assert.Equal("https://tiles.example.org/{z}/{x}/{y}.png", doc.GetElementById("map")!.GetAttribute("data-tiles"));
    }

    [Fact]
    public void Validate_TileUrlWithoutPlaceholders_IsRejected()
    {
        Assert.Single(new BriefingOptions("https://tiles.example.org/tile.png").Validate());
        Assert.Single(new BriefingOptions("file:///{z}/{x}/{y}").Validate());
    }

    [Fact]
    public void Render_StagesNotComputed_SayNotComputedInTheirSections()
    {
        var stages = fixture.Result.Stages.ToDictionary(s => s.Key, s => StageStatus.NotComputed("test"), StringComparer.Ordinal);
        var bare = fixture.Result with { ForceGeneration = null, Geography = null, Balance = null, Stages = stages };

        var files = Briefing.Render(bare);

        using var doc = Parse(files.Html);
        foreach (var id in new[] { "force-package", "burden", "checks", "geography", "balance", "sensitivity" })
            Assert.Equal("Not computed: test.", doc.GetElementById(id)!.QuerySelector(".not-computed")?.TextContent);
        Assert.Null(doc.GetElementById("map"));
        Assert.Contains("**Not computed: test.**", files.Markdown, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_Markdown_HasEverySection()
    {
        foreach (var (_, title) in BriefingBuilder.SectionIds)
            Assert.Contains($"\n## {title}\n", fixture.Files.Markdown, StringComparison.Ordinal);
    }
}
