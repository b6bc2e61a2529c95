using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Resolute.Planning;

namespace Resolute.Web.Tests.Store;

/// <summary>The store behaviours on a real PostgreSQL server (PostgresStoreDb and its own migrations), one database per test.</summary>
[Collection(PostgresGroup.Name)]
public sealed class PostgresStoreTests(PostgresServer server)
{
    [Fact]
    public async Task Postgres_NewDatabase_MigratesSeedsCreatesUserAndSavesWithRevisions()
    {
        var cs = await server.CreateDatabaseAsync();
        try
        {
            await using var app = Postgres(cs);
            await app.ReadyAsync();
            Assert.Equal(0, await Accounts.CreateUserCommandAsync(app.Services, ["create-user", "pg-admin", "--role", "admin"], ResoluteFactory.Password));
            using var admin = await Session.SignInAsync(app.Anonymous(), "pg-admin", ResoluteFactory.Password);
            using (var created = await admin.PostJsonAsync("/api/users", new NewUser("pg-analyst", ResoluteFactory.Password, Roles.Analyst)))
                Assert.Equal(HttpStatusCode.Created, created.StatusCode);
            using var analyst = await Session.SignInAsync(app.Anonymous(), "pg-analyst", ResoluteFactory.Password);

            var list = await analyst.GetJsonAsync<List<ScenarioSummary>>("/api/scenarios");
            var doc = await analyst.GetJsonAsync<ScenarioDocument>($"/api/scenarios/{Bundled.Quick}");
            using var saved = await analyst.PutJsonAsync($"/api/scenarios/{Bundled.Quick}", new SaveRequest(Bundled.WithName(doc.Yaml, "Saved on PostgreSQL"), doc.Revision));
            using var stale = await analyst.PutJsonAsync($"/api/scenarios/{Bundled.Quick}", new SaveRequest(Bundled.WithName(doc.Yaml, "Stale"), doc.Revision));
            using var setup = await analyst.GetAsync("/setup");

            Assert.Equal(Bundled.Ids(), list.Select(s => s.Id));
            Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
            Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
            var after = await analyst.GetJsonAsync<ScenarioDocument>($"/api/scenarios/{Bundled.Quick}");
            Assert.Equal((2, "Saved on PostgreSQL", "pg-analyst"), (after.Revision, after.Name, after.UpdatedBy));
            Assert.Equal(HttpStatusCode.NotFound, setup.StatusCode);
            await using var scope = app.Services.CreateAsyncScope();
            Assert.IsType<PostgresStoreDb>(scope.ServiceProvider.GetRequiredService<StoreDb>());
        }
        finally
        {
            await server.DropDatabaseAsync(cs);
        }
    }

    [Fact]
    public async Task Postgres_Run_SucceedsWithItsResultStored()
    {
        var cs = await server.CreateDatabaseAsync();
        try
        {
            await using var app = Postgres(cs);
            using var analyst = await app.SignInAsync(Roles.Analyst);

            var run = await Sse.StartAsync(analyst, Bundled.Quick);
            var finished = await Sse.FinishedAsync(analyst, run.Id, TimeSpan.FromSeconds(90));

            Assert.Equal(("succeeded", true), (finished.Status, finished.HasResult));
            using var result = await analyst.GetAsync($"/api/runs/{run.Id}/result");
            var read = ResultJson.Read(await result.Content.ReadAsStringAsync());
            Assert.Equal(Bundled.Quick, read.Value?.Scenario.Id);
            using var briefing = await analyst.GetAsync($"/runs/{run.Id}/briefing");
            Assert.Equal(HttpStatusCode.OK, briefing.StatusCode);
        }
        finally
        {
            await server.DropDatabaseAsync(cs);
        }
    }

    [Fact]
    public async Task Postgres_Restart_RunLeftRunningShowsInterrupted()
    {
        var cs = await server.CreateDatabaseAsync();
        try
        {
            await using (var first = Postgres(cs)) await first.CreateUserAsync("test-viewer", Roles.Viewer);
            NpgsqlConnection.ClearAllPools();
            var left = new RunRecord
            {
                ScenarioId = Bundled.Quick, ScenarioName = "Left behind", ScenarioYaml = Bundled.Yaml(Bundled.Quick), ScenarioRevision = 1,
                Status = RunStatus.Running, Stage = "planning", CreatedBy = "test",
                CreatedUtc = new DateTimeOffset(2026, 11, 25, 9, 0, 0, TimeSpan.Zero), StartedUtc = new DateTimeOffset(2026, 11, 25, 9, 0, 1, TimeSpan.Zero),
            };
            await using (var db = new PostgresStoreDb(new DbContextOptionsBuilder<PostgresStoreDb>().UseNpgsql(cs).Options))
            {
                db.Runs.Add(left);
                await db.SaveChangesAsync();
            }

            await using var second = Postgres(cs);
            using var viewer = await second.SignInAsync(Roles.Viewer);

            var run = await viewer.GetJsonAsync<RunSummary>($"/api/runs/{left.Id}");
            Assert.Equal(("interrupted", "interrupted: the server stopped before the run finished; start it again", false), (run.Status, run.Stage, run.HasResult));
            Assert.NotNull(run.FinishedUtc);
        }
        finally
        {
            await server.DropDatabaseAsync(cs);
        }
    }

    private static ResoluteFactory Postgres(string connectionString) => new(settings: new Dictionary<string, string?>
    {
        ["Resolute:Store:Provider"] = "postgres",
        ["Resolute:Store:ConnectionString"] = connectionString,
    });
}
