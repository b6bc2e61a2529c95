using Resolute.Planning;

namespace Resolute.Web.Tests.Runs;

/// <summary>
/// One realistic run for the class, started on first use with its event stream read from the start; the tests that
/// need a succeeded run share it (planning is the slow part), so none depends on another having run first.
/// </summary>
public sealed class RealisticRunFixture : IAsyncLifetime, IDisposable
{
    private readonly AppFixture _app = new();
    private readonly Lazy<Task<(RunSummary Started, List<(string Event, RunProgress Progress)> Events)>> _run;

    public RealisticRunFixture() => _run = new(async () =>
    {
        var analyst = await _app.As(Roles.Analyst);
        var started = await Sse.StartAsync(analyst, Bundled.Realistic);
        return (started, await Sse.ReadToEndAsync(analyst, started.Id, RunApiTests.RunTimeout));
    });

    public Task<Session> As(string role) => _app.As(role);

    public Task<(RunSummary Started, List<(string Event, RunProgress Progress)> Events)> RealisticAsync() => _run.Value;

    public Task InitializeAsync() => _app.InitializeAsync();

    public Task DisposeAsync() => _app.DisposeAsync();

    public void Dispose() => _app.Dispose();
}

public sealed class RunApiTests(RealisticRunFixture fixture) : IClassFixture<RealisticRunFixture>
{
    /// <summary>Generous: planning shares two cores with the other test classes.</summary>
    public static readonly TimeSpan RunTimeout = TimeSpan.FromSeconds(90);

    [Fact]
    public async Task Run_RealisticScenario_StreamsQueuedRunningSucceeded()
    {
        var (started, events) = await fixture.RealisticAsync();

        Assert.Equal("queued", started.Status);
        Assert.All(events, e => Assert.Equal("progress", e.Event));
        Assert.All(events, e => Assert.Equal(started.Id, e.Progress.RunId));
        // Each event is a change, statuses only move forward, and the stream closes after the final one.
        Assert.Equal(events.Count, events.Select(e => e.Progress.Version).Distinct().Count());
        var statuses = events.Select(e => e.Progress.Status).Distinct().ToList();
        Assert.Equal(["running", "succeeded"], statuses.Where(s => s != "queued"));
        Assert.Equal(statuses.OrderBy(Rank), statuses);
        Assert.True(events.Count(e => e.Progress.Status == "running") >= 2, "expected several progress events while running");
        Assert.True(events[^1].Progress.Finished);
        Assert.Equal("succeeded", events[^1].Progress.Stage);
    }

    [Fact]
    public async Task Run_RealisticScenario_StoresResultJsonAndBriefing()
    {
        var (started, _) = await fixture.RealisticAsync();
        var viewer = await fixture.As(Roles.Viewer);

        var run = await viewer.GetJsonAsync<RunSummary>($"/api/runs/{started.Id}");
        using var result = await viewer.GetAsync($"/api/runs/{started.Id}/result");
        using var briefing = await viewer.GetAsync($"/runs/{started.Id}/briefing");

        Assert.Equal(("succeeded", true, "test-analyst"), (run.Status, run.HasResult, run.CreatedBy));
        Assert.True(run.CreatedUtc <= run.StartedUtc && run.StartedUtc <= run.FinishedUtc);
        Assert.Equal(HttpStatusCode.OK, result.StatusCode);
        Assert.Equal("application/json", result.Content.Headers.ContentType?.MediaType);
        var read = ResultJson.Read(await result.Content.ReadAsStringAsync());
        Assert.Null(read.Error);
        Assert.Equal(Bundled.Realistic, read.Value!.Scenario.Id);
        Assert.True(read.Value.ForceGeneration!.Fill.FilledSlots > 0, "the realistic scenario fills slots");
        Assert.Equal(Planning.Planner.UsPaths, read.Value.Balance!.AcrossScenarios!.Select(a => a.Scenario)); // the store's US paths
        Assert.Equal(HttpStatusCode.OK, briefing.StatusCode);
        Assert.Equal("text/html", briefing.Content.Headers.ContentType?.MediaType);
        Assert.StartsWith("sandbox allow-scripts; default-src 'none'; script-src 'sha256-", briefing.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
        var doc = await Session.ParseAsync(briefing);
        Assert.Contains(read.Value.Scenario.Name, doc.Title, StringComparison.Ordinal);
        Assert.NotNull(doc.QuerySelector("#bluf"));
        var page = await viewer.PageAsync($"/runs/{started.Id}");
        Assert.Equal($"/runs/{started.Id}/briefing", page.QuerySelector("iframe#briefing")?.GetAttribute("src"));
    }

    [Fact]
    public async Task Compare_RealisticAndQuickRuns_ListsTheDifferences()
    {
        var (realistic, _) = await fixture.RealisticAsync();
        var analyst = await fixture.As(Roles.Analyst);
        var quick = await Sse.StartAsync(analyst, Bundled.Quick);
        Assert.Equal("succeeded", (await Sse.FinishedAsync(analyst, quick.Id, RunTimeout)).Status);

        using var response = await analyst.GetAsync($"/api/compare?a={realistic.Id}&b={quick.Id}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var c = json.RootElement;
        Assert.Equal((realistic.Id, quick.Id), (c.GetProperty("a").GetProperty("id").GetInt64(), c.GetProperty("b").GetProperty("id").GetInt64()));
        // The quick scenario's deadline leaves (almost) nothing to send: the realistic package is the larger one.
        var filled = c.GetProperty("headline").EnumerateArray().Single(f => f.GetProperty("name").GetString() == "Slots filled");
        var (fa, fb) = (filled.GetProperty("a").GetDouble(), filled.GetProperty("b").GetDouble());
        Assert.True(fa > fb, $"expected more slots filled in A than in B, found {fa} and {fb}");
        Assert.Equal(fb - fa, filled.GetProperty("delta").GetDouble());
        var units = c.GetProperty("units").EnumerateArray().ToList();
        // Coalition nations count as breadth does: the nations of A's units, less the US backstop.
        var nations = c.GetProperty("headline").EnumerateArray().Single(f => f.GetProperty("name").GetString() == "Coalition nations");
        var nationsOfA = units.Where(u => u.GetProperty("presence").GetString() != "only b").Select(u => u.GetProperty("nation").GetString()).Where(n => n != "USA").Distinct().Count();
        Assert.Equal(nationsOfA, nations.GetProperty("a").GetDouble());
        var differing = units.Where(u => u.GetProperty("presence").GetString() != "both" || u.GetProperty("slotA").GetString() != u.GetProperty("slotB").GetString()).ToList();
        Assert.Contains(differing, u => u.GetProperty("presence").GetString() == "only a");
        var page = await analyst.PageAsync($"/compare?a={realistic.Id}&b={quick.Id}");
        Assert.Equal(differing.Count, page.QuerySelectorAll("#units tbody tr").Length);
        Assert.Contains(page.QuerySelectorAll("#units tbody td.nowrap"), td => td.TextContent == "A only");
    }

    [Fact]
    public async Task Compare_UnknownRun_Returns404Problem()
    {
        var analyst = await fixture.As(Roles.Analyst);
        var (realistic, _) = await fixture.RealisticAsync();

        using var unknown = await analyst.GetAsync($"/api/compare?a={realistic.Id}&b=424242");

        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal("No run 424242.", (await Bundled.ProblemAsync(unknown)).GetProperty("detail").GetString());
    }

    private static int Rank(string status) => status switch { "queued" => 0, "running" => 1, _ => 2 };
}
