using System.Globalization;
using Microsoft.Data.Sqlite;
using Xunit.Abstractions;

namespace Resolute.Web.Tests.Store;

/// <summary>
/// The dashboard as a real process, killed with SIGKILL at random moments of its start-up — half of them aimed at the
/// few milliseconds after EF Core takes its migration lock — and started again: every restart is healthy within 10 s
/// and the store's integrity check says <c>ok</c>. <c>RESOLUTE_KILL_CYCLES</c> (default 20) and <c>RESOLUTE_KILL_SEED</c>
/// change the count and the moments; bench/startup-kill-soak.sh runs many more.
/// </summary>
public sealed class StartupKillTests(ITestOutputHelper output)
{
    private const string MigrationLock = "Acquiring an exclusive lock for migration application";

    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task Restart_AfterKillsAtRandomMomentsOfStartUp_IsHealthyWithinTenSecondsWithTheStoreIntact()
    {
        var cycles = Setting("RESOLUTE_KILL_CYCLES", 20);
        var random = new Random(Setting("RESOLUTE_KILL_SEED", 20));
        using var dir = new TempDirectory();
        var db = Path.Combine(dir.Path, "App_Data", "resolute.db");
        string[] args =
        [
            "--Resolute:Store:SqlitePath=" + db,
            "--Logging:LogLevel:Default=Warning",
            "--Logging:LogLevel:Microsoft.EntityFrameworkCore=Warning",
            // The line the aimed kills wait for.
            "--Logging:LogLevel:Microsoft.EntityFrameworkCore.Migrations=Information",
            "--Logging:LogLevel:Resolute=Information",
        ];
        var restarts = new List<double>();
        var cleared = 0;
        for (var cycle = 0; cycle < cycles; cycle++)
        {
            var aimed = cycle % 2 == 0;
            var delay = TimeSpan.FromMilliseconds(aimed ? random.Next(0, 60) : random.Next(0, 2500));
            await using (var victim = WebProcess.Start(dir.Path, args))
            {
                if (aimed) await victim.WaitForOutputAsync(MigrationLock, TimeSpan.FromSeconds(60));
                await Task.Delay(delay);
                await victim.KillAsync();
            }

            await using var server = WebProcess.Start(dir.Path, args);
            var took = await server.HealthyAsync(Bound);
            restarts.Add(took.TotalMilliseconds);
            if (server.Output.Contains("Cleared a stale migration lock", StringComparison.Ordinal)) cleared++;
            Assert.Equal("ok", await IntegrityAsync(db));
            await server.KillAsync();
        }

        restarts.Sort();
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{cycles} kills during start-up, {cycles} restarts healthy; a stale migration lock cleared on {cleared}; restart to healthy: median {restarts[restarts.Count / 2]:0} ms, max {restarts[^1]:0} ms"));
    }

    private static async Task<string?> IntegrityAsync(string db)
    {
        await using var connection = new SqliteConnection($"Data Source={db};Mode=ReadOnly;Pooling=False");
        await connection.OpenAsync();
        await using var cmd = connection.CreateCommand();
        cmd.CommandText = "PRAGMA integrity_check;";
        return (string?)await cmd.ExecuteScalarAsync();
    }

    private static int Setting(string name, int fallback) =>
        int.TryParse(Environment.GetEnvironmentVariable(name), NumberStyles.Integer, CultureInfo.InvariantCulture, out var v) && v > 0 ? v : fallback;
}
