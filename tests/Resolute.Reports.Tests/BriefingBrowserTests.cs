using System.Text.Json;
using Microsoft.Playwright;

namespace Resolute.Reports.Tests;

/// <summary>
/// Opens the briefing in Debian's chromium (CHROMIUM_PATH, default /usr/bin/chromium; installed by .ci/run) with every
/// non-file request aborted, and checks that the map draws every unit symbol and the charts render. Writes screenshots
/// to tests/Resolute.Reports.Tests/TestResults/.
/// </summary>
[Collection(PlannedDefault.Name)]
public sealed class BriefingBrowserTests(PlanFixture fixture)
{
    private static string Chromium => Environment.GetEnvironmentVariable("CHROMIUM_PATH") is { Length: > 0 } path ? path : "/usr/bin/chromium";

    [Fact]
    public async Task Open_Offline_MapShowsUnitSymbolsAndChartsRender()
    {
        Assert.True(File.Exists(Chromium),
            $"No chromium at '{Chromium}'. Install it with `apt-get install -y chromium fonts-dejavu-core` (.ci/run does) or set CHROMIUM_PATH; never `playwright install`.");
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions { ExecutablePath = Chromium, Headless = true });
        var page = await browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 1280, Height = 900 } });
        var blocked = new List<string>();
        var errors = new List<string>();
        page.PageError += (_, e) => errors.Add(e);
        page.Console += (_, m) => { if (m.Type == "error") errors.Add(m.Text); };
        await page.RouteAsync("**/*", route =>
        {
            if (route.Request.Url.StartsWith("file:", StringComparison.Ordinal)) return route.ContinueAsync();
            blocked.Add(route.Request.Url);
            return route.AbortAsync();
        });

        await page.GotoAsync(new Uri(fixture.HtmlPath).AbsoluteUri);
        await page.WaitForSelectorAsync("#map[data-ready='true']", new PageWaitForSelectorOptions { Timeout = 30_000 });

        using var map = JsonDocument.Parse(await page.Locator("#map-data").TextContentAsync() ?? "{}");
        var expected = map.RootElement.GetProperty("features").EnumerateArray()
            .Count(f => f.GetProperty("properties").GetProperty("layer").GetString() is "unit" or "amd_position");
        Assert.True(expected > 0, "the plan places no units");
        Assert.Equal(expected, await page.Locator(".unit-symbol svg").CountAsync());
        Assert.Equal(0, await page.Locator(".unit-symbol [data-valid='false']").CountAsync());
        Assert.True(await page.Locator(".unit-symbol").First.IsVisibleAsync());
        Assert.True(await page.Locator(".leaflet-overlay-pane path").CountAsync() > 10, "the base map and layers did not draw");

        var charts = page.Locator("figure.chart svg");
        Assert.Equal(12, await charts.CountAsync());
        for (var i = 0; i < 8; i++)
        {
            var chart = charts.Nth(i);
            await chart.ScrollIntoViewIfNeededAsync();
            var box = await chart.BoundingBoxAsync();
            Assert.True(box is { Width: > 300, Height: > 150 }, $"chart {i} has no size");
            Assert.True(await chart.Locator("text").CountAsync() > 5, $"chart {i} has no text");
        }

        Assert.Empty(blocked);
        Assert.Empty(errors);
        Directory.CreateDirectory(Paths.TestResults);
        await page.Locator("#map").ScrollIntoViewIfNeededAsync();
        await page.Locator("#map").ScreenshotAsync(new LocatorScreenshotOptions { Path = Path.Combine(Paths.TestResults, "briefing-map.png") });
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Paths.TestResults, "briefing.png"), FullPage = true });
        Assert.True(new FileInfo(Path.Combine(Paths.TestResults, "briefing-map.png")).Length > 10_000);
    }
}
