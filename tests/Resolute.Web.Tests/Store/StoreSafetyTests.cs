using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace Resolute.Web.Tests.Store;

/// <summary>The SQLite store across restarts and under a lock held by someone else.</summary>
public sealed class StoreSafetyTests
{
    private const string Locked = "The run store (the database) is locked by another process or connection; nothing was changed. Try again in a moment.";

    [Fact]
    public async Task Restart_RunsLeftQueuedOrRunning_ShowAsInterrupted()
    {
        using var dir = new TempDirectory();
        var path = Path.Combine(dir.Path, "resolute.db");
        await using (var first = new ResoluteFactory(path)) await first.CreateUserAsync("test-viewer", Roles.Viewer);
        SqliteConnection.ClearAllPools();
        // Written straight into the file, as a process killed mid-run leaves them.
        RunRecord running = Run(RunStatus.Running), queued = Run(RunStatus.Queued), succeeded = Run(RunStatus.Succeeded);
        await using (var db = new SqliteStoreDb(new DbContextOptionsBuilder<SqliteStoreDb>().UseSqlite($"Data Source={path}").Options))
        {
            db.Runs.AddRange(running, queued, succeeded);
            await db.SaveChangesAsync();
        }

        await using var second = new ResoluteFactory(path);
        using var viewer = await second.SignInAsync(Roles.Viewer);

        foreach (var id in new[] { running.Id, queued.Id })
        {
            var run = await viewer.GetJsonAsync<RunSummary>($"/api/runs/{id}");
            Assert.Equal(("interrupted", "interrupted: the server stopped before the run finished; start it again", false), (run.Status, run.Stage, run.HasResult));
            Assert.NotNull(run.FinishedUtc);
            var events = await Sse.ReadToEndAsync(viewer, id, TimeSpan.FromSeconds(10));
            Assert.Equal("interrupted", Assert.Single(events).Progress.Status);
        }
        var kept = await viewer.GetJsonAsync<RunSummary>($"/api/runs/{succeeded.Id}");
        Assert.Equal(("succeeded", true), (kept.Status, kept.HasResult));
        var page = await viewer.PageAsync($"/runs/{running.Id}");
        Assert.Equal("interrupted", page.QuerySelector("#status [data-status]")?.GetAttribute("data-status"));
    }

    [Fact]
    public async Task Save_WhileAnotherConnectionHoldsAnExclusiveLock_Answers503AndLosesNothing()
    {
        await using var app = new ResoluteFactory(settings: new Dictionary<string, string?> { ["Resolute:Store:TimeoutSeconds"] = "1" });
        using var analyst = await app.SignInAsync(Roles.Analyst);
        var before = await analyst.GetJsonAsync<ScenarioDocument>($"/api/scenarios/{Bundled.Quick}");
        var edited = new SaveRequest(Bundled.WithName(before.Yaml, "Edited under a lock"), before.Revision);
        var editor = await analyst.PageAsync($"/scenarios/{Bundled.Quick}");
        var formToken = editor.QuerySelector("#editor-form input[name=__RequestVerificationToken]")!.GetAttribute("value")!;

        await using (var blocker = await LockAsync(app.DatabasePath))
        {
            using var save = await analyst.PutJsonAsync($"/api/scenarios/{Bundled.Quick}", edited);
            using var start = await analyst.PostJsonAsync($"/api/scenarios/{Bundled.Quick}/runs");
            using var form = await analyst.PostFormAsync($"/scenarios/{Bundled.Quick}", new() { ["yaml"] = edited.Yaml, ["revision"] = "1" }, formToken);

            foreach (var response in new[] { save, start })
            {
                Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
                var problem = await Bundled.ProblemAsync(response);
                Assert.Equal(("Run store unavailable", Locked), (problem.GetProperty("title").GetString(), problem.GetProperty("detail").GetString()));
            }
            Assert.Equal(HttpStatusCode.ServiceUnavailable, form.StatusCode);
            var page = await Session.ParseAsync(form);
            Assert.Equal(Locked, page.QuerySelector("p.error[role=alert]")?.TextContent);
            Assert.DoesNotContain("   at ", page.Body!.TextContent, StringComparison.Ordinal);
            Assert.DoesNotContain("SqliteException", page.Body.TextContent, StringComparison.Ordinal);
        }

        var after = await analyst.GetJsonAsync<ScenarioDocument>($"/api/scenarios/{Bundled.Quick}");
        Assert.Equal((before.Revision, before.Yaml), (after.Revision, after.Yaml));
        Assert.Empty(await analyst.GetJsonAsync<List<RunSummary>>("/api/runs"));
        using var retry = await analyst.PutJsonAsync($"/api/scenarios/{Bundled.Quick}", edited);
        Assert.Equal(HttpStatusCode.OK, retry.StatusCode);
    }

    [Fact]
    public async Task Start_WhileTheStoreIsLocked_Answers503UntilReleasedThenServesItsData()
    {
        using var dir = new TempDirectory();
        var path = Path.Combine(dir.Path, "resolute.db");
        await using (var first = new ResoluteFactory(path)) await first.CreateUserAsync("test-analyst", Roles.Analyst);
        SqliteConnection.ClearAllPools();
        await using var second = new ResoluteFactory(path, new Dictionary<string, string?> { ["Resolute:Store:TimeoutSeconds"] = "1" });

        // Locked before the second app starts (it opens the store as it starts).
        var blocker = await LockAsync(path);
        try
        {
            using var client0 = second.Anonymous();
            using var health = await client0.GetAsync(Session.Relative("/health"));
            using var api = await client0.GetAsync(Session.Relative("/api/scenarios"));
            using var login = await client0.GetAsync(Session.Relative("/login"));

            Assert.Equal(HttpStatusCode.ServiceUnavailable, health.StatusCode);
            Assert.Equal(HttpStatusCode.ServiceUnavailable, api.StatusCode);
            Assert.Contains("is locked by another process or connection", (await Bundled.ProblemAsync(api)).GetProperty("detail").GetString(), StringComparison.Ordinal);
            Assert.Equal(HttpStatusCode.ServiceUnavailable, login.StatusCode);
            Assert.All(new[] { health, api, login }, r => Assert.Equal(TimeSpan.FromSeconds(3), r.Headers.RetryAfter?.Delta));
            var page = await Session.ParseAsync(login);
            Assert.Contains("is locked by another process or connection", page.QuerySelector("p.error[role=alert]")?.TextContent, StringComparison.Ordinal);
        }
        finally
        {
            await blocker.DisposeAsync();
        }
        using var client = second.Anonymous();

        // The gate tries again a few seconds after a failure.
        await Poll.UntilAsync(async () =>
        {
            using var health = await client.GetAsync(Session.Relative("/health"));
            return health.StatusCode;
        }, s => s == HttpStatusCode.OK, TimeSpan.FromSeconds(15), "the store to open");
        using var analyst = await Session.SignInAsync(second.Anonymous(), "test-analyst", ResoluteFactory.Password);
        Assert.Equal(Bundled.Ids().Count, (await analyst.GetJsonAsync<List<ScenarioSummary>>("/api/scenarios")).Count);
    }

    /// <summary>Another connection holding the database's write lock until disposed (then rolled back).</summary>
    private static async Task<SqliteConnection> LockAsync(string path)
    {
        var connection = new SqliteConnection($"Data Source={path};Pooling=False");
        await connection.OpenAsync();
        await using var begin = connection.CreateCommand();
        begin.CommandText = "BEGIN EXCLUSIVE;";
        await begin.ExecuteNonQueryAsync();
        return connection;
    }

    private static RunRecord Run(RunStatus status) => new()
    {
        ScenarioId = Bundled.Quick,
        ScenarioName = "Left behind",
        ScenarioYaml = Bundled.Yaml(Bundled.Quick),
        ScenarioRevision = 1,
        Status = status,
        Stage = status.ToCode(),
        CreatedUtc = new DateTimeOffset(2026, 11, 25, 9, 0, 0, TimeSpan.Zero),
        StartedUtc = status == RunStatus.Queued ? null : new DateTimeOffset(2026, 11, 25, 9, 0, 1, TimeSpan.Zero),
        FinishedUtc = status == RunStatus.Succeeded ? new DateTimeOffset(2026, 11, 25, 9, 0, 9, TimeSpan.Zero) : null,
        ResultJson = status == RunStatus.Succeeded ? "{}" : null,
        CreatedBy = "test",
    };
}
