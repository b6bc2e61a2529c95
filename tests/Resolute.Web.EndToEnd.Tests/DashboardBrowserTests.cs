using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace Resolute.Web.EndToEnd.Tests;

/// <summary>
/// The dashboard driven through a real browser, the way an analyst and a viewer use it. Screenshots of each key step
/// go to <see cref="DashboardFixture.Screenshots"/>.
/// </summary>
[Collection(DashboardTests.Collection)]
public sealed partial class DashboardBrowserTests(DashboardFixture fixture, ITestOutputHelper output)
{
    private const string Scenario = "seed-offer-ready-90-days", SecondScenario = "seed-offer-ready-by-munich", CancelScenario = "us-walk-away";
    private const float RunTimeout = 60_000;
    private static readonly string[] InProgress = ["queued", "running"];
    private readonly System.Diagnostics.Stopwatch _clock = System.Diagnostics.Stopwatch.StartNew();
    private readonly List<IBrowserContext> _contexts = [];

    /// <summary>
    /// Reports the run status span's every change to the test (console messages survive the page's own reload when a
    /// run finishes), so the test can tell a status the page got over server-sent events from one rendered on load;
    /// and the stage text, which the test logs with its time.
    /// </summary>
    private const string StatusRecorder = """
        document.addEventListener('DOMContentLoaded', () => {
          const el = document.getElementById('status');
          if (!el) return;
          const report = how => console.log(`resolute-status ${how} ${el.querySelector('[data-status]')?.dataset.status}`);
          report('load');
          new MutationObserver(() => report('live')).observe(el, { childList: true, subtree: true });
          const stage = document.getElementById('stage');
          if (stage) new MutationObserver(() => console.log(`resolute-stage ${stage.textContent}`)).observe(stage, { childList: true, characterData: true, subtree: true });
        });
        """;

    [Fact]
    public async Task Dashboard_AnalystEditsRunsAndCompares_ViewerOnlyReads()
    {
        await WithFailureShotAsync(async () =>
        {
            var offLoopback = new List<string>();
            var statuses = new List<string>();
            var errors = new List<string>();

            // An analyst signs in and opens the scenario in the editor.
            var analyst = await NewContextAsync(offLoopback);
            var page = await analyst.NewPageAsync();
            await WatchAsync(page, statuses, errors);
            await SignInAsync(page, DashboardFixture.Analyst);
            await page.ClickAsync($"#scenarios a[href='/scenarios/{Scenario}']");
            await ArriveAsync(page, PageAt($"/scenarios/{Scenario}"));
            var yaml = page.Locator("#yaml");
            var original = await yaml.InputValueAsync();
            Assert.Contains("min_personnel_share: 0.8", original, StringComparison.Ordinal);
            Assert.Equal(0, await page.Locator("#problems li.error").CountAsync());
            await ShotAsync(page, "01-editor");

            // A share of 1.5 is reported live at its line, in the problem list and in the gutter.
            var line = LineOf(original, "min_personnel_share: 0.8");
            await TypeOverAsync(yaml, "min_personnel_share: ", "0.8", "1.5");
            var problem = page.Locator($"#problems li.error[data-line='{line}']");
            await problem.WaitForAsync();
            Assert.Matches($"^Line {line}, column \\d+: ", await problem.InnerTextAsync());
            Assert.Contains("err", await page.Locator($"#gutter #line-{line}").GetAttributeAsync("class") ?? "", StringComparison.Ordinal);
            Assert.Equal(1, await page.Locator("#gutter div.err").CountAsync());
            await ShotAsync(page, "02-error-at-line");

            // Fixed (to a share that is valid but not the original), the problem and the gutter mark go away; then save.
            await TypeOverAsync(yaml, "min_personnel_share: ", "1.5", "0.75");
            await page.WaitForFunctionAsync("() => document.querySelectorAll('#problems li.error, #gutter div.err').length === 0");
            await page.ClickAsync("#save");
            await ArriveAsync(page, PageAt($"/scenarios/{Scenario}?saved=1"));
            Assert.Equal("Saved (revision 2).", await page.Locator("#message").InnerTextAsync());
            Assert.Contains("min_personnel_share: 0.75", await yaml.InputValueAsync(), StringComparison.Ordinal);
            await ShotAsync(page, "03-saved");

            // Run it: the run page shows it queued or running, then succeeded without a reload (server-sent events); when
            // it has finished the page shows the briefing, with its map and charts, in the sandboxed frame.
            await page.ClickAsync("#run");
            await ArriveAsync(page, RunPage());
            var first = RunId(page);
            Assert.Contains(await StatusAsync(page), InProgress);
            await ShotAsync(page, "04-run-in-progress");

            // Meanwhile, in a second tab, a second scenario is run as saved (it queues behind the first: the worker plans
            // one run at a time, so starting it now only saves the test's waiting). It is the offer with the Munich
            // deadline, which no unit can meet: a quick plan, and a comparison with real differences.
            var tab = await analyst.NewPageAsync();
            Listen(tab, [], errors);
            await tab.GotoAsync($"/scenarios/{SecondScenario}");
            await tab.ClickAsync("#run");
            await ArriveAsync(tab, RunPage());
            var second = RunId(tab);
            // The quick plan may already be done if the first run finished while this tab opened.
            Assert.Contains(await StatusAsync(tab), (string[])[.. InProgress, "succeeded"]);
            await WaitForStatusAsync(page, "succeeded");
            Assert.Contains(statuses, s => s == "live succeeded");
            Assert.DoesNotContain(statuses, s => s.EndsWith(" failed", StringComparison.Ordinal));
            var briefing = page.FrameLocator("#briefing");
            await briefing.Locator("#map[data-ready='true']").WaitForAsync(new LocatorWaitForOptions { Timeout = 30_000 });
            Assert.True(await briefing.Locator(".unit-symbol svg").CountAsync() > 0, "the briefing's map shows no unit");
            Assert.True(await briefing.Locator("figure.chart svg").CountAsync() > 0, "the briefing has no chart");
            await ShotAsync(page, "05-run-succeeded-briefing");

            await WaitForStatusAsync(tab, "succeeded");

            // Compare the two from the run list.
            await page.GotoAsync("/runs");
            await page.CheckAsync($"#runs input[name=a][value='{first}']");
            await page.CheckAsync($"#runs input[name=b][value='{second}']");
            await ShotAsync(page, "06-runs");
            await page.ClickAsync("#compare");
            await ArriveAsync(page, ComparePage());
            Assert.Contains($"a={first}", page.Url, StringComparison.Ordinal);
            Assert.Contains($"b={second}", page.Url, StringComparison.Ordinal);
            var headline = page.Locator("table#headline");
            Assert.True(await headline.IsVisibleAsync());
            Assert.Contains($"#{first}", await headline.Locator("thead").InnerTextAsync(), StringComparison.Ordinal);
            Assert.True(await headline.Locator("tbody tr").CountAsync() > 0, "the headline table is empty");
            await ShotAsync(page, "07-compare");

            // A viewer reads the same scenario: read-only text, no Save or Run, and a forged POST is refused.
            var viewerContext = await NewContextAsync(offLoopback);
            var viewer = await viewerContext.NewPageAsync();
            await WatchAsync(viewer, statuses, errors);
            await SignInAsync(viewer, DashboardFixture.Viewer);
            await viewer.GotoAsync($"/scenarios/{Scenario}");
            Assert.False(await viewer.Locator("#yaml").IsEditableAsync(), "the viewer's editor is editable");
            Assert.NotNull(await viewer.Locator("#yaml").GetAttributeAsync("readonly"));
            Assert.Equal(0, await viewer.Locator("#save").CountAsync());
            Assert.Equal(0, await viewer.Locator("#run").CountAsync());
            Assert.True(await viewer.Locator("#readonly").IsVisibleAsync());
            await ShotAsync(viewer, "08-viewer-read-only");
            var forged = await viewer.EvaluateAsync<int[]>("""
                async ([id, yaml]) => {
                  const token = document.querySelector('meta[name=csrf-token]').content;
                  const form = new URLSearchParams({ yaml, revision: '2', __RequestVerificationToken: token });
                  const save = await fetch(`/scenarios/${id}`, { method: 'POST', body: form, redirect: 'manual' });
                  const run = await fetch(`/api/scenarios/${id}/runs`, { method: 'POST', headers: { 'X-CSRF-TOKEN': token } });
                  return [save.status, run.status];
                }
                """, new[] { Scenario, original });
            Assert.Equal([403, 403], forged);
            var stored = await viewer.EvaluateAsync<JsonElement>($"() => fetch('/api/scenarios/{Scenario}').then(r => r.json())");
            Assert.Equal(2, stored.GetProperty("revision").GetInt32());
            var runs = await viewer.EvaluateAsync<JsonElement>("() => fetch('/api/runs').then(r => r.json())");
            Assert.DoesNotContain(runs.EnumerateArray(), r => r.GetProperty("createdBy").GetString() == DashboardFixture.Viewer);

            Assert.Empty(offLoopback);
            Assert.Empty(errors);
        });
    }

    [Fact]
    public async Task RunPage_CancelWhileRunning_ShowsCancelled()
    {
        await WithFailureShotAsync(async () =>
        {
            var offLoopback = new List<string>();
            var statuses = new List<string>();
            var errors = new List<string>();
            var context = await NewContextAsync(offLoopback);
            var page = await context.NewPageAsync();
            await WatchAsync(page, statuses, errors);
            await SignInAsync(page, DashboardFixture.Analyst);

            await page.GotoAsync($"/scenarios/{CancelScenario}");
            await page.ClickAsync("#run");
            await ArriveAsync(page, RunPage());
            var id = RunId(page);
            Assert.Contains(await StatusAsync(page), InProgress);
            // Cancel once the worker is planning it (a queued run is simply dropped; a running one must stop itself).
            await page.WaitForFunctionAsync("() => document.querySelector('#status [data-status]')?.dataset.status === 'running'");
            await page.ClickAsync("#cancel");
            await WaitForStatusAsync(page, "cancelled");
            Assert.Equal(0, await page.Locator("#cancel").CountAsync());
            Assert.Equal(0, await page.Locator("#briefing").CountAsync());
            await ShotAsync(page, "09-cancelled");
            var run = await page.EvaluateAsync<JsonElement>($"() => fetch('/api/runs/{id}').then(r => r.json())");
            Assert.Equal("cancelled", run.GetProperty("status").GetString());
            Assert.False(run.GetProperty("hasResult").GetBoolean());
            Assert.Empty(offLoopback);
            Assert.Empty(errors);

            // The dashboard's Content-Security-Policy refuses a request to another site before it leaves the page, so the
            // network guard never sees it; from a page without the policy, the guard itself stops and records it.
            var refused = await page.EvaluateAsync<bool>("() => fetch('http://192.0.2.1/resolute-e2e-guard').then(() => false, () => true)");
            Assert.True(refused, "the page's policy let a request to another site through");
            Assert.Empty(offLoopback);
            var blank = await context.NewPageAsync();
            await blank.EvaluateAsync("() => fetch('http://192.0.2.1/resolute-e2e-guard').catch(() => null)");
            Assert.Equal(["http://192.0.2.1/resolute-e2e-guard"], offLoopback);
        });
    }

    /// <summary>
    /// Runs a test's steps; on failure first saves a screenshot of each of its open pages (failed-N.png) and logs
    /// where they were. Its browser contexts are closed afterwards either way.
    /// </summary>
    private async Task WithFailureShotAsync(Func<Task> test)
    {
        try
        {
            await test();
        }
        catch (Exception)
        {
            var pages = _contexts.SelectMany(c => c.Pages).ToList();
            for (var i = 0; i < pages.Count; i++)
            {
                Log($"failed; page {i + 1} is at {pages[i].Url}");
                await ShotAsync(pages[i], $"failed-{i + 1}");
            }
            throw;
        }
        finally
        {
            foreach (var c in _contexts) await c.DisposeAsync();
        }
    }

    private async Task<IBrowserContext> NewContextAsync(List<string> offLoopback)
    {
        var context = await fixture.NewContextAsync(offLoopback);
        _contexts.Add(context);
        return context;
    }

    /// <summary>Records the page's status changes and its script errors (see <see cref="StatusRecorder"/>).</summary>
    private async Task WatchAsync(IPage page, List<string> statuses, List<string> errors)
    {
        await page.Context.AddInitScriptAsync(StatusRecorder);
        Listen(page, statuses, errors);
    }

    private void Listen(IPage page, List<string> statuses, List<string> errors)
    {
        page.Console += (_, m) =>
        {
            if (m.Text.StartsWith("resolute-status ", StringComparison.Ordinal)) lock (statuses) statuses.Add(m.Text["resolute-status ".Length..]);
            else if (m.Text.StartsWith("resolute-stage ", StringComparison.Ordinal)) Log(m.Text);
            // The viewer's forged POSTs are meant to fail: the browser logs those refusals, which are not page errors.
            else if (m.Type == "error" && !m.Text.Contains("status of 403", StringComparison.Ordinal)) lock (errors) errors.Add(m.Text);
        };
        page.PageError += (_, e) => { lock (errors) errors.Add(e); };
    }

    /// <summary>
    /// Waits (at most 30 s) for the page to reach <paramref name="url"/> and finish loading, by polling the page's URL and
    /// ready state. Playwright's own waits for a URL or a load state hung for 30 s in CI, now and then, on an editor page
    /// that had long loaded (the URL already matched, and its wait for the load state never returned).
    /// </summary>
    private static async Task ArriveAsync(IPage page, Regex url)
    {
        var waited = System.Diagnostics.Stopwatch.StartNew();
        while (true)
        {
            if (url.IsMatch(page.Url) && await ReadyStateAsync(page) == "complete") return;
            if (waited.Elapsed > ArriveTimeout) throw new TimeoutException($"the page did not arrive at {url} in {ArriveTimeout.TotalSeconds} s; it is at {page.Url}");
            await Task.Delay(50);
        }
    }

    private static readonly TimeSpan ArriveTimeout = TimeSpan.FromSeconds(30);

    /// <summary>The document's ready state, or null while a navigation replaces the document under the question.</summary>
    private static async Task<string?> ReadyStateAsync(IPage page)
    {
        try
        {
            return await page.EvaluateAsync<string>("document.readyState");
        }
        catch (PlaywrightException)
        {
            return null;
        }
    }

    /// <summary>A URL that ends with <paramref name="pathAndQuery"/>.</summary>
    private static Regex PageAt(string pathAndQuery) => new(Regex.Escape(pathAndQuery) + "$");

    private static async Task SignInAsync(IPage page, string user)
    {
        await page.GotoAsync("/login");
        await page.FillAsync("input[name=userName]", user);
        await page.FillAsync("input[name=password]", DashboardFixture.Password);
        await page.ClickAsync("button[type=submit]");
        await ArriveAsync(page, PageAt("/scenarios"));
        Assert.Equal(user, (await page.Locator("header .who").InnerTextAsync()).Split(' ')[0]);
    }

    /// <summary>Selects <paramref name="old"/> where it follows <paramref name="after"/> and types over it, key by key, as a user would.</summary>
    private static async Task TypeOverAsync(ILocator textarea, string after, string old, string typed)
    {
        await textarea.EvaluateAsync("""
            (ta, [after, old]) => {
              const at = ta.value.indexOf(after + old) + after.length;
              ta.focus();
              ta.setSelectionRange(at, at + old.length);
            }
            """, new[] { after, old });
        await textarea.PressSequentiallyAsync(typed);
    }

    private static Task<string?> StatusAsync(IPage page) => page.Locator("#status [data-status]").GetAttributeAsync("data-status");

    /// <summary>Waits (polling the page, at most a minute) for the run page to show <paramref name="status"/> after its own reload.</summary>
    private static async Task WaitForStatusAsync(IPage page, string status)
    {
        await page.WaitForFunctionAsync(
            "s => document.querySelector('#status [data-status]')?.dataset.status === s && !document.getElementById('progress')",
            status, new PageWaitForFunctionOptions { Timeout = RunTimeout, PollingInterval = 100 });
        Assert.Equal(status, await StatusAsync(page));
    }

    [GeneratedRegex("/runs/\\d+$")]
    private static partial Regex RunPage();

    [GeneratedRegex("/compare\\?")]
    private static partial Regex ComparePage();

    private static long RunId(IPage page) => long.Parse(new Uri(page.Url).Segments[^1], CultureInfo.InvariantCulture);

    private static int LineOf(string text, string needle) => text[..text.IndexOf(needle, StringComparison.Ordinal)].Count(c => c == '\n') + 1;

    /// <summary>Saves a full-page screenshot and logs how long the test has taken to get there (the output shows where time goes).</summary>
    private async Task ShotAsync(IPage page, string name)
    {
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(DashboardFixture.Screenshots, name + ".png"), FullPage = true });
        Log(name + ".png");
    }

    private void Log(string what)
    {
        lock (_clock) output.WriteLine($"{_clock.Elapsed.TotalSeconds,6:0.0} s  {what}");
    }
}
