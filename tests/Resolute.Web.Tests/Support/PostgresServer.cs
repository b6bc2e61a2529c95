using System.Diagnostics;
using System.Net.Sockets;
using Npgsql;

namespace Resolute.Web.Tests.Support;

/// <summary>
/// A PostgreSQL server for the store tests: the one named by <c>RESOLUTE_TEST_POSTGRES</c> (CI starts one), else a
/// throwaway cluster started here with the machine's <c>initdb</c> (trust auth, 127.0.0.1 only, a free port, a temp
/// directory) and stopped afterwards. With neither, every test that asks for a database fails and says how to get
/// a server: these tests never pass or skip without PostgreSQL.
/// </summary>
public sealed class PostgresServer : IAsyncLifetime
{
    public const string Variable = "RESOLUTE_TEST_POSTGRES";

    private string? _cluster;
    private string? _bin;
    private string? _problem;

    /// <summary>A connection string with rights to create databases (its database is used only to do that).</summary>
    public string AdminConnectionString { get; private set; } = "";

    public async Task InitializeAsync()
    {
        var given = Environment.GetEnvironmentVariable(Variable);
        if (!string.IsNullOrWhiteSpace(given))
        {
            AdminConnectionString = given;
            return;
        }
        var initdb = Directory.Exists("/usr/lib/postgresql")
            ? Directory.GetDirectories("/usr/lib/postgresql").Select(d => Path.Combine(d, "bin", "initdb")).Where(File.Exists)
                .OrderByDescending(p => int.TryParse(Path.GetFileName(Path.GetDirectoryName(Path.GetDirectoryName(p))), out var v) ? v : 0).FirstOrDefault()
            : null;
        if (initdb is null)
        {
            _problem = $"No PostgreSQL server for the store tests: set {Variable} to a connection string that may create databases "
                + "(e.g. Host=127.0.0.1;Port=5433;Username=postgres;Database=resolute_test), or install Debian's server "
                + "(apt-get install -y --no-install-recommends postgresql) so the tests can start a throwaway cluster; .ci/run does both.";
            return;
        }
        try
        {
            await StartClusterAsync(Path.GetDirectoryName(initdb)!);
        }
        catch (Exception e) when (e is InvalidOperationException or IOException or System.ComponentModel.Win32Exception)
        {
            _problem = "Could not start a throwaway PostgreSQL cluster with " + initdb + ": " + e.Message;
        }
    }

    /// <summary>Creates an empty database of its own for one test; returns its connection string.</summary>
    public async Task<string> CreateDatabaseAsync()
    {
        if (_problem is not null) Assert.Fail(_problem);
        var name = "resolute_t_" + Guid.NewGuid().ToString("N")[..16];
        await ExecuteAsync($"CREATE DATABASE {name}");
        return new NpgsqlConnectionStringBuilder(AdminConnectionString) { Database = name }.ConnectionString;
    }

    /// <summary>Drops a database made by <see cref="CreateDatabaseAsync"/>, closing whatever still uses it.</summary>
    public async Task DropDatabaseAsync(string connectionString)
    {
        NpgsqlConnection.ClearAllPools();
        await ExecuteAsync($"DROP DATABASE IF EXISTS {new NpgsqlConnectionStringBuilder(connectionString).Database} WITH (FORCE)");
    }

    public async Task DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        if (_cluster is null) return;
        try
        {
            await RunAsync(Path.Combine(_bin!, "pg_ctl"), "-D", _cluster, "-m", "immediate", "-w", "stop");
        }
        finally
        {
            try
            {
                Directory.Delete(_cluster, recursive: true);
            }
            catch (IOException)
            {
                // Best effort; the directory is under the temp path.
            }
        }
    }

    private async Task ExecuteAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(AdminConnectionString);
        try
        {
            await connection.OpenAsync();
        }
        catch (NpgsqlException e)
        {
            var b = new NpgsqlConnectionStringBuilder(AdminConnectionString);
            Assert.Fail($"Cannot reach the PostgreSQL server for the store tests ({b.Host}:{b.Port}, database '{b.Database}', user '{b.Username}'"
                + $"{(_cluster is null ? $", from {Variable}" : ", a throwaway cluster")}): {e.Message}. Check that the server is running and accepts this user.");
        }
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    /// <summary>As toolchain.md's option B: initdb as the postgres user into a temp directory, trust auth, its own port.</summary>
    private async Task StartClusterAsync(string bin)
    {
        _bin = bin;
        _cluster = Directory.CreateTempSubdirectory("resolute-pg-").FullName;
        if (IsRoot) await RunAsync("chown", "postgres:postgres", _cluster);
        var port = FreePort();
        await RunAsync(Path.Combine(bin, "initdb"), "-D", _cluster, "-U", "postgres", "--auth=trust", "-E", "UTF8", "--no-sync");
        // Durability is not under test here; fsync off makes the many CREATE DATABASEs quick.
        await RunAsync(Path.Combine(bin, "pg_ctl"), "-D", _cluster, "-l", Path.Combine(_cluster, "server.log"), "-w", "-o",
            $"-p {port} -k {_cluster} -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off", "start");
        AdminConnectionString = $"Host=127.0.0.1;Port={port};Username=postgres;Database=postgres";
    }

    private static bool IsRoot => Environment.UserName == "root";

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>Runs a PostgreSQL tool (as the postgres user when we are root: the server refuses to run as root).</summary>
    private static async Task RunAsync(string program, params string[] args)
    {
        var info = new ProcessStartInfo(IsRoot && program != "chown" ? "runuser" : program) { RedirectStandardOutput = true, RedirectStandardError = true };
        if (IsRoot && program != "chown")
        {
            foreach (var a in new[] { "-u", "postgres", "--", program }) info.ArgumentList.Add(a);
        }
        foreach (var a in args) info.ArgumentList.Add(a);
        using var process = Process.Start(info) ?? throw new InvalidOperationException($"could not start {program}");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await process.WaitForExitAsync(timeout.Token);
        if (process.ExitCode != 0)
            throw new InvalidOperationException($"{Path.GetFileName(program)} {string.Join(' ', args)} exited with {process.ExitCode}: {(await stderr).Trim()} {(await stdout).Trim()}");
    }
}

/// <summary>The PostgreSQL tests share one server (each test has its own database).</summary>
[CollectionDefinition(Name)]
public sealed class PostgresGroup : ICollectionFixture<PostgresServer>
{
    public const string Name = "postgres";
}
