using System.Data.Common;
using Microsoft.AspNetCore.Identity;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Resolute.Data;
using Resolute.Data.Text;
using Resolute.Domain.Diagnostics;
using Resolute.Web.Hosting;

namespace Resolute.Web.Store;

/// <summary>
/// Opens the store once per process, in the background from the moment the host starts: applies migrations, creates
/// the roles, seeds the scenario list from the bundled scenarios when the store has none, and marks runs that an
/// earlier process left queued or running as <c>interrupted</c>. No request's token reaches the migrations (a client
/// that gives up must not stop them half-way); a request that arrives while the store opens waits for it a bounded time
/// (<see cref="RunStoreOptions.OpenWaitSeconds"/>) and is then answered 503 with <c>Retry-After</c>. A failed attempt is
/// retried every <see cref="RetryAfter"/> until the store opens or the server stops.
/// </summary>
public sealed partial class StoreGate(IServiceScopeFactory scopes, IOptions<RunStoreOptions> store, IOptions<ResoluteOptions> options,
    IHostEnvironment env, TimeProvider time, ILogger<StoreGate> log) : IDisposable
{
    /// <summary>How long after a failed attempt the next one starts; also the <c>Retry-After</c> a 503 carries.</summary>
    public static readonly TimeSpan RetryAfter = TimeSpan.FromSeconds(3);

    /// <summary>The SQLite lock table EF Core's migrations insert their one row into (and delete when done).</summary>
    internal const string MigrationLockTable = "__EFMigrationsLock";

    private readonly CancellationTokenSource _stopping = new();
    private readonly TaskCompletionSource _opened = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private Task<string?> _attempt = Task.FromResult<string?>(null);
    private int _started;
    private int _disposed;

    /// <summary>True once the store is open (it stays open for the life of the process).</summary>
    public bool IsOpen => _opened.Task.IsCompleted;

    /// <summary>The SQLite file's companion that a process holds (an OS lock, released when the process dies) while it opens the store.</summary>
    public static string OpenLockFile(string sqliteFile) => sqliteFile + "-open.lock";

    /// <summary>Starts opening the store in the background (once; later calls do nothing).</summary>
    public void Start()
    {
        if (Interlocked.Exchange(ref _started, 1) == 1) return;
        var first = new TaskCompletionSource<string?>(TaskCreationOptions.RunContinuationsAsynchronously);
        Volatile.Write(ref _attempt, first.Task);
        _ = Task.Run(() => OpenLoopAsync(first), CancellationToken.None);
    }

    /// <summary>Stops retrying (an attempt under way finishes on its own: migrations are never cut off half-way).</summary>
    public void Stop()
    {
        if (Volatile.Read(ref _disposed) == 0) _stopping.Cancel();
    }

    /// <summary>
    /// Null when the store is open; otherwise why not, in one sentence, once the current attempt has finished (for the
    /// command line and tests, which want the outcome rather than a quick answer). <paramref name="ct"/> only stops the
    /// waiting, never the attempt.
    /// </summary>
    public async Task<string?> EnsureReadyAsync(CancellationToken ct)
    {
        if (IsOpen) return null;
        Start();
        return await Volatile.Read(ref _attempt).WaitAsync(ct);
    }

    /// <summary>
    /// For a request: null when the store is open or opens within <paramref name="wait"/>; otherwise why not (the last
    /// attempt's failure, or that it is still opening). <paramref name="ct"/> only stops the waiting.
    /// </summary>
    public async Task<string?> WaitAsync(TimeSpan wait, CancellationToken ct)
    {
        if (IsOpen) return null;
        Start();
        try
        {
            return await Volatile.Read(ref _attempt).WaitAsync(wait, time, ct);
        }
        catch (TimeoutException)
        {
            return $"The run store ({Describe()}) is still opening (applying its migrations); nothing was changed. Try again in a few seconds.";
        }
    }

    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1) return;
        _stopping.Cancel();
        _stopping.Dispose();
    }

    private string Describe() => store.Value.Describe(env.ContentRootPath);

    private async Task OpenLoopAsync(TaskCompletionSource<string?> attempt)
    {
        var stopping = _stopping.Token;
        while (true)
        {
            string message;
            try
            {
                await OpenAsync(stopping);
                _opened.TrySetResult();
                attempt.SetResult(null);
                return;
            }
            catch (OperationCanceledException) when (stopping.IsCancellationRequested)
            {
                attempt.SetResult($"The run store ({Describe()}) was not opened: the server is stopping.");
                return;
            }
            catch (Exception e) when (StoreErrors.Describe(e, Describe()) is { } described)
            {
                message = described;
                LogUnavailable(log, message);
            }
            catch (Exception e)
            {
                message = $"The run store ({Describe()}) could not be opened: an unexpected error, written to the server log. Nothing was changed; the server tries again in a few seconds.";
                LogOpenFailed(log, e);
            }
            attempt.SetResult(message);
            try
            {
                await Task.Delay(RetryAfter, time, stopping);
            }
            catch (OperationCanceledException)
            {
                return;
            }
            attempt = new TaskCompletionSource<string?>(TaskCreationOptions.RunContinuationsAsynchronously);
            Volatile.Write(ref _attempt, attempt.Task);
        }
    }

    /// <summary>
    /// One attempt. <paramref name="stopping"/> (the server shutting down) may end a wait for another process, never a
    /// migration: those run to the end with no token.
    /// </summary>
    private async Task OpenAsync(CancellationToken stopping)
    {
        FileStream? owner = null;
        try
        {
            if (!store.Value.IsPostgres)
            {
                var file = store.Value.SqliteFile(env.ContentRootPath);
                Directory.CreateDirectory(Path.GetDirectoryName(file)!);
                owner = await HoldOpenLockAsync(file, stopping);
            }
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<StoreDb>();
            if (db.Database.IsSqlite())
            {
                // WAL: readers never wait for the run worker's writes, and a killed process leaves a consistent file.
                await db.Database.OpenConnectionAsync(CancellationToken.None);
                try
                {
                    await using (var cmd = db.Database.GetDbConnection().CreateCommand())
                    {
                        cmd.CommandText = "PRAGMA journal_mode=WAL;";
                        await cmd.ExecuteScalarAsync(CancellationToken.None);
                    }
                    await ClearStaleMigrationLockAsync(db.Database.GetDbConnection());
                }
                finally
                {
                    await db.Database.CloseConnectionAsync();
                }
            }
            // PostgreSQL needs no such step: Npgsql's migration lock is LOCK TABLE inside the migration's transaction,
            // which the server releases the moment the holder's connection dies.
            await db.Database.MigrateAsync(CancellationToken.None);
            await FinishOpeningAsync(scope.ServiceProvider, db);
        }
        finally
        {
            if (owner is not null) await owner.DisposeAsync();
        }
    }

    /// <summary>
    /// Holds <see cref="OpenLockFile"/> exclusively (an OS file lock, which the kernel releases when the holder dies,
    /// however it dies). Every process of this app that opens the store holds it while it does, so whoever holds it
    /// knows that no live process is applying migrations. Waits <see cref="RunStoreOptions.TimeoutSeconds"/> at most
    /// for another process to finish opening.
    /// </summary>
    private async Task<FileStream> HoldOpenLockAsync(string sqliteFile, CancellationToken stopping)
    {
        var path = OpenLockFile(sqliteFile);
        var deadline = time.GetUtcNow() + TimeSpan.FromSeconds(store.Value.TimeoutSeconds);
        while (true)
        {
            try
            {
                return new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
            }
            catch (IOException) when (time.GetUtcNow() < deadline)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(100), time, stopping);
            }
            catch (IOException e)
            {
                throw new StoreBusyException($"The run store ({Describe()}) is being opened by another process (it holds {path}); nothing was changed. Try again in a moment.", e);
            }
        }
    }

    /// <summary>
    /// EF Core's SQLite migrations take their lock by inserting a row into <c>__EFMigrationsLock</c> and wait, retrying
    /// forever, while one is there; a process killed between the insert and the delete leaves the row behind. Called
    /// while this process holds <see cref="OpenLockFile"/>, so no live process of this app can own such a row: it is
    /// stale, and is deleted with a warning saying so.
    /// </summary>
    private async Task ClearStaleMigrationLockAsync(DbConnection connection)
    {
        await using var find = connection.CreateCommand();
        find.CommandText = $"SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND name = '{MigrationLockTable}';";
        if (Convert.ToInt64(await find.ExecuteScalarAsync(CancellationToken.None), System.Globalization.CultureInfo.InvariantCulture) == 0) return;
        await using var read = connection.CreateCommand();
        read.CommandText = $"SELECT \"Timestamp\" FROM \"{MigrationLockTable}\" ORDER BY \"Id\" LIMIT 1;";
        if (await read.ExecuteScalarAsync(CancellationToken.None) is not { } taken || taken is DBNull) return;
        await using var delete = connection.CreateCommand();
        delete.CommandText = $"DELETE FROM \"{MigrationLockTable}\";";
        await delete.ExecuteNonQueryAsync(CancellationToken.None);
        LogClearedStaleLock(log, Describe(), Convert.ToString(taken, System.Globalization.CultureInfo.InvariantCulture) ?? "", OpenLockFile(store.Value.SqliteFile(env.ContentRootPath)));
    }

    private async Task FinishOpeningAsync(IServiceProvider services, StoreDb db)
    {
        var ct = CancellationToken.None;
        var roles = services.GetRequiredService<RoleManager<IdentityRole>>();
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
            // Read as any scenario is: within the size limit, as strict UTF-8; a file that is not is skipped like an invalid one.
            if (TextInput.ReadFile(path, InputLimits.ScenarioBytes, new DiagnosticBag()) is not { } text) continue;
            var parsed = ScenarioFile.Parse(text, Path.GetFileName(path));
            if (parsed.Value is not { } s || db.Scenarios.Local.Any(x => x.Id == s.Id)) continue;
            db.Scenarios.Add(new ScenarioRecord { Id = s.Id, Name = s.Name, Yaml = text, UpdatedBy = "bundled", UpdatedUtc = now, Revision = 1 });
        }
        await db.SaveChangesAsync(ct);
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "{Message}")]
    private static partial void LogUnavailable(ILogger logger, string message);

    [LoggerMessage(Level = LogLevel.Error, Message = "The run store could not be opened")]
    private static partial void LogOpenFailed(ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Cleared a stale migration lock on the run store ({Store}), taken at {Taken}: no live process held {LockFile}, so the process that took it had died")]
    private static partial void LogClearedStaleLock(ILogger logger, string store, string taken, string lockFile);

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
                case StoreBusyException busy:
                    return busy.Message;
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

/// <summary>Another process is opening the store and did not finish in time (the message says so).</summary>
public sealed class StoreBusyException(string message, Exception inner) : Exception(message, inner);
