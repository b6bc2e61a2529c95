using System.Diagnostics;
using Microsoft.Data.Sqlite;

namespace Resolute.Web.Tests.Store;

/// <summary>How the SQLite store opens: a stale migration lock is cleared, a live one is waited for, and no request hangs.</summary>
public sealed class StoreOpeningTests
{
    /// <summary>EF Core's SQLite migration lock table, as EF Core 10 creates it.</summary>
    private const string LockTableDdl = "CREATE TABLE IF NOT EXISTS \"__EFMigrationsLock\" (\"Id\" INTEGER NOT NULL CONSTRAINT \"PK___EFMigrationsLock\" PRIMARY KEY, \"Timestamp\" TEXT NOT NULL);";

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Start_StaleMigrationLockRowFromAKilledProcess_IsClearedAndTheStoreOpens(bool migratedBefore)
    {
        using var dir = new TempDirectory();
        var path = Path.Combine(dir.Path, "resolute.db");
        if (migratedBefore)
        {
            await using var first = new ResoluteFactory(path);
            await first.CreateUserAsync("test-viewer", Roles.Viewer);
        }
        SqliteConnection.ClearAllPools();
        // What a process killed while it held EF Core's migration lock leaves behind: the row, and nobody holding the
        // open lock file (the kernel released it with the process).
        await ExecuteAsync(path, LockTableDdl + "INSERT INTO \"__EFMigrationsLock\" (\"Id\", \"Timestamp\") VALUES (1, '2026-11-25 09:00:00.000+00:00');");

        var clock = Stopwatch.StartNew();
        await using var second = new ResoluteFactory(path);
        using var client = second.Anonymous();
        await HealthyAsync(client, TimeSpan.FromSeconds(10));

        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(10), $"took {clock.Elapsed.TotalSeconds:0.0} s");
        Assert.Equal(0L, await ScalarAsync(path, "SELECT COUNT(*) FROM \"__EFMigrationsLock\";"));
        Assert.Equal("ok", await ScalarAsync(path, "PRAGMA integrity_check;"));
        using var viewer = migratedBefore
            ? await Session.SignInAsync(second.Anonymous(), "test-viewer", ResoluteFactory.Password)
            : await second.SignInAsync(Roles.Viewer);
        Assert.Equal(Bundled.Ids().Count, (await viewer.GetJsonAsync<List<ScenarioSummary>>("/api/scenarios")).Count);
    }

    [Fact]
    public async Task Start_WhileAnotherProcessOpensTheStore_Answers503WithRetryAfterThenOpensWhenItIsDone()
    {
        using var dir = new TempDirectory();
        var path = Path.Combine(dir.Path, "resolute.db");
        await using (var first = new ResoluteFactory(path)) await first.CreateUserAsync("test-viewer", Roles.Viewer);
        SqliteConnection.ClearAllPools();
        // A live process that is opening the store holds the open lock, and its migration lock row is not stale.
        await ExecuteAsync(path, LockTableDdl + "INSERT INTO \"__EFMigrationsLock\" (\"Id\", \"Timestamp\") VALUES (1, '2026-11-25 09:00:00.000+00:00');");
        var holder = new FileStream(StoreGate.OpenLockFile(path), FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
        await using var app = new ResoluteFactory(path, new Dictionary<string, string?>
        {
            ["Resolute:Store:OpenWaitSeconds"] = "1",
            ["Resolute:Store:TimeoutSeconds"] = "60",
        });
        try
        {
            using var client = app.Anonymous();
            var clock = Stopwatch.StartNew();
            using var api = await client.GetAsync(Session.Relative("/api/scenarios"));
            using var health = await client.GetAsync(Session.Relative("/health"));
            // A client that gives up while the store opens stops only its own wait.
            using (var impatient = new CancellationTokenSource(TimeSpan.FromMilliseconds(200)))
            {
                await Assert.ThrowsAnyAsync<OperationCanceledException>(() => client.GetAsync(Session.Relative("/health"), impatient.Token));
            }

            Assert.True(clock.Elapsed < TimeSpan.FromSeconds(5), $"answered after {clock.Elapsed.TotalSeconds:0.0} s");
            Assert.Equal((HttpStatusCode.ServiceUnavailable, HttpStatusCode.ServiceUnavailable), (api.StatusCode, health.StatusCode));
            Assert.Equal(TimeSpan.FromSeconds(3), api.Headers.RetryAfter?.Delta);
            Assert.Equal(TimeSpan.FromSeconds(3), health.Headers.RetryAfter?.Delta);
            Assert.Equal("The run store (SQLite file " + path + ") is still opening (applying its migrations); nothing was changed. Try again in a few seconds.",
                (await Bundled.ProblemAsync(api)).GetProperty("detail").GetString());
            Assert.Equal(1L, await ScalarAsync(path, "SELECT COUNT(*) FROM \"__EFMigrationsLock\";"));
        }
        finally
        {
            // The other process finishes: it deletes its row and lets go of the open lock.
            await ExecuteAsync(path, "DELETE FROM \"__EFMigrationsLock\";");
            await holder.DisposeAsync();
        }

        using var after = app.Anonymous();
        await HealthyAsync(after, TimeSpan.FromSeconds(10));
        using var viewer = await Session.SignInAsync(app.Anonymous(), "test-viewer", ResoluteFactory.Password);
        Assert.Equal(Bundled.Ids().Count, (await viewer.GetJsonAsync<List<ScenarioSummary>>("/api/scenarios")).Count);
    }

    [Fact]
    public async Task Start_AnotherProcessNeverFinishesOpening_SaysSoWithinTheTimeout()
    {
        using var dir = new TempDirectory();
        var path = Path.Combine(dir.Path, "resolute.db");
        await using var holder = new FileStream(StoreGate.OpenLockFile(path), FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
        await using var app = new ResoluteFactory(path, new Dictionary<string, string?> { ["Resolute:Store:TimeoutSeconds"] = "1" });
        using var client = app.Anonymous();

        using var api = await client.GetAsync(Session.Relative("/api/scenarios"));

        Assert.Equal(HttpStatusCode.ServiceUnavailable, api.StatusCode);
        Assert.Equal($"The run store (SQLite file {path}) is being opened by another process (it holds {StoreGate.OpenLockFile(path)}); nothing was changed. Try again in a moment.",
            (await Bundled.ProblemAsync(api)).GetProperty("detail").GetString());
    }

    private static async Task HealthyAsync(HttpClient client, TimeSpan timeout) =>
        await Poll.UntilAsync(async () =>
        {
            using var health = await client.GetAsync(Session.Relative("/health"));
            return health.StatusCode;
        }, s => s == HttpStatusCode.OK, timeout, "the store to open");

    private static async Task ExecuteAsync(string path, string sql)
    {
        await using var connection = new SqliteConnection($"Data Source={path};Pooling=False");
        await connection.OpenAsync();
        await using var cmd = connection.CreateCommand();
        cmd.CommandText = sql;
        await cmd.ExecuteNonQueryAsync();
    }

    private static async Task<object?> ScalarAsync(string path, string sql)
    {
        await using var connection = new SqliteConnection($"Data Source={path};Pooling=False");
        await connection.OpenAsync();
        await using var cmd = connection.CreateCommand();
        cmd.CommandText = sql;
        return await cmd.ExecuteScalarAsync();
    }
}
