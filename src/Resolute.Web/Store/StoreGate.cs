using System.Data.Common;
using Microsoft.AspNetCore.Identity;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Resolute.Data;
using Resolute.Web.Hosting;

namespace Resolute.Web.Store;

/// <summary>
/// Opens the store once per process: applies migrations, creates the roles, seeds the scenario list from the bundled
/// scenarios when the store has none, and marks runs that an earlier process left queued or running as
/// <c>interrupted</c>. Until that succeeds every request gets a clear 503 (it is retried, at most every few seconds).
/// </summary>
public sealed partial class StoreGate(IServiceScopeFactory scopes, IOptions<RunStoreOptions> store, IOptions<ResoluteOptions> options,
    IHostEnvironment env, TimeProvider time, ILogger<StoreGate> log) : IDisposable
{
    private static readonly TimeSpan RetryAfter = TimeSpan.FromSeconds(3);
    private readonly SemaphoreSlim _lock = new(1, 1);
    private volatile bool _ready;
    private string? _error;
    private DateTimeOffset _failedAt;

    /// <summary>Null when the store is open; otherwise why not, in one sentence.</summary>
    public async Task<string?> EnsureReadyAsync(CancellationToken ct)
    {
        if (_ready) return null;
        await _lock.WaitAsync(ct);
        try
        {
            if (_ready) return null;
            if (_error is not null && time.GetUtcNow() - _failedAt < RetryAfter) return _error;
            await OpenAsync(ct);
            _ready = true;
            _error = null;
            return null;
        }
        catch (Exception e) when (StoreErrors.Describe(e, Describe()) is { } message)
        {
            _error = message;
            _failedAt = time.GetUtcNow();
            LogUnavailable(log, message);
            return message;
        }
        finally
        {
            _lock.Release();
        }
    }

    public void Dispose() => _lock.Dispose();

    private string Describe() => store.Value.Describe(env.ContentRootPath);

    private async Task OpenAsync(CancellationToken ct)
    {
        if (!store.Value.IsPostgres)
        {
            var file = store.Value.SqliteFile(env.ContentRootPath);
            Directory.CreateDirectory(Path.GetDirectoryName(file)!);
        }
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<StoreDb>();
        if (db.Database.IsSqlite())
        {
            // WAL: readers never wait for the run worker's writes, and a killed process leaves a consistent file.
            await db.Database.OpenConnectionAsync(ct);
            try
            {
                await using var cmd = db.Database.GetDbConnection().CreateCommand();
                cmd.CommandText = "PRAGMA journal_mode=WAL;";
                await cmd.ExecuteScalarAsync(ct);
            }
            finally
            {
                await db.Database.CloseConnectionAsync();
            }
        }
        await db.Database.MigrateAsync(ct);

        var roles = scope.ServiceProvider.GetRequiredService<RoleManager<IdentityRole>>();
        foreach (var role in Roles.All)
            if (!await roles.RoleExistsAsync(role)) await roles.CreateAsync(new IdentityRole(role));

        if (!await db.Scenarios.AnyAsync(ct)) await SeedAsync(db, ct);

        var now = time.GetUtcNow();
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var stale = await db.Runs.Where(r => r.Status == RunStatus.Queued || r.Status == RunStatus.Running).ToListAsync(ct);
        foreach (var r in stale)
        {
            r.Status = RunStatus.Interrupted;
            r.Stage = "interrupted: the server stopped before the run finished; start it again";
            r.FinishedUtc = now;
        }
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        if (stale.Count > 0) LogInterrupted(log, stale.Count);
    }

    private async Task SeedAsync(StoreDb db, CancellationToken ct)
    {
        var dir = options.Value.ScenarioPath;
        if (!Directory.Exists(dir)) return;
        var now = time.GetUtcNow();
        foreach (var path in Directory.EnumerateFiles(dir, "*.yaml").Order(StringComparer.Ordinal))
        {
            var text = await File.ReadAllTextAsync(path, ct);
            var parsed = ScenarioFile.Parse(text, Path.GetFileName(path));
            if (parsed.Value is not { } s || db.Scenarios.Local.Any(x => x.Id == s.Id)) continue;
            db.Scenarios.Add(new ScenarioRecord { Id = s.Id, Name = s.Name, Yaml = text, UpdatedBy = "bundled", UpdatedUtc = now, Revision = 1 });
        }
        await db.SaveChangesAsync(ct);
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "{Message}")]
    private static partial void LogUnavailable(ILogger logger, string message);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Count} run(s) left unfinished by an earlier process marked interrupted")]
    private static partial void LogInterrupted(ILogger logger, int count);
}

/// <summary>Turns store failures into one clear sentence; null for exceptions that are not about the store.</summary>
public static class StoreErrors
{
    public static string? Describe(Exception e, string store)
    {
        for (var x = (Exception?)e; x is not null; x = x.InnerException)
        {
            switch (x)
            {
                case SqliteException { SqliteErrorCode: 5 or 6 }:
                    return $"The run store ({store}) is locked by another process or connection; nothing was changed. Try again in a moment.";
                case SqliteException s:
                    return $"The run store ({store}) cannot be used: {s.Message.TrimEnd('.')}. Nothing was changed.";
                case Npgsql.NpgsqlException n when n.InnerException is System.Net.Sockets.SocketException or TimeoutException || n.IsTransient:
                    return $"The run store ({store}) is unreachable: {n.Message.TrimEnd('.')}. Nothing was changed; check that the server is running.";
                case DbException d:
                    return $"The run store ({store}) reported an error: {d.Message.TrimEnd('.')}. Nothing was changed.";
                case TimeoutException:
                    return $"The run store ({store}) did not answer in time; nothing was changed. Try again in a moment.";
            }
        }
        return null;
    }
}
