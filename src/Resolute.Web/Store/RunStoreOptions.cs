using System.Globalization;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using Resolute.Domain.Diagnostics;

namespace Resolute.Web.Store;

/// <summary>Where the run store lives. Bound from the <c>Resolute:Store</c> section and validated once at start.</summary>
public sealed class RunStoreOptions
{
    public const string Section = "Resolute:Store";

    /// <summary><c>sqlite</c> (default) or <c>postgres</c>. When empty, <c>postgres</c> is chosen if <see cref="ConnectionString"/> is set.</summary>
    public string Provider { get; set; } = "";

    /// <summary>The SQLite file (relative paths are under the content root). Default <c>App_Data/resolute.db</c>.</summary>
    public string SqlitePath { get; set; } = Path.Combine("App_Data", "resolute.db");

    /// <summary>The PostgreSQL connection string (Npgsql syntax), also read from <c>ConnectionStrings:Resolute</c>.</summary>
    public string? ConnectionString { get; set; }

    /// <summary>How long a command waits for a locked SQLite database, and for a PostgreSQL connection, before reporting it.</summary>
    public int TimeoutSeconds { get; set; } = 15;

    /// <summary>
    /// How long start-up waits for the store to open before the server listens anyway, and how long a request that
    /// arrives while it is still opening waits before it is answered 503 with <c>Retry-After</c>.
    /// </summary>
    public int OpenWaitSeconds { get; set; } = 5;

    public TimeSpan OpenWait => TimeSpan.FromSeconds(OpenWaitSeconds);

    public bool IsPostgres => Provider.Equals("postgres", StringComparison.OrdinalIgnoreCase)
        || (Provider.Length == 0 && !string.IsNullOrWhiteSpace(ConnectionString));

    /// <summary>Every invalid setting (empty when valid).</summary>
    public IReadOnlyList<Diagnostic> Validate()
    {
        const string At = "Resolute:Store:";
        var errors = new List<Diagnostic>();
        if (Provider.Length > 0 && !Provider.Equals("sqlite", StringComparison.OrdinalIgnoreCase) && !Provider.Equals("postgres", StringComparison.OrdinalIgnoreCase))
            errors.Add(Diagnostic.Setting(At + nameof(Provider), Messages.InvalidValue("'sqlite' or 'postgres'", Provider)));
        if (IsPostgres && string.IsNullOrWhiteSpace(ConnectionString))
            errors.Add(Diagnostic.Setting(At + "ConnectionString (or ConnectionStrings:Resolute)", Messages.MissingSetting("a PostgreSQL connection string for provider 'postgres'")));
        if (!IsPostgres && string.IsNullOrWhiteSpace(SqlitePath))
            errors.Add(Diagnostic.Setting(At + nameof(SqlitePath), Messages.MissingSetting("a file path")));
        if (TimeoutSeconds is < 1 or > 600)
            errors.Add(Diagnostic.Setting(At + nameof(TimeoutSeconds), Messages.OutOfRange("1 to 600", TimeoutSeconds)));
        if (OpenWaitSeconds is < 0 or > 600)
            errors.Add(Diagnostic.Setting(At + nameof(OpenWaitSeconds), Messages.OutOfRange("0 to 600", OpenWaitSeconds)));
        return errors;
    }

    /// <summary>A one-line description for messages (never the password).</summary>
    public string Describe(string contentRoot)
    {
        if (!IsPostgres) return $"SQLite file {SqliteFile(contentRoot)}";
        try
        {
            var b = new Npgsql.NpgsqlConnectionStringBuilder(ConnectionString);
            return string.Create(CultureInfo.InvariantCulture, $"PostgreSQL database '{b.Database}' on {b.Host}:{b.Port}");
        }
        catch (ArgumentException)
        {
            return "PostgreSQL (connection string not readable)";
        }
    }

    public string SqliteFile(string contentRoot) => Path.GetFullPath(SqlitePath, contentRoot);

    public string SqliteConnectionString(string contentRoot) => new SqliteConnectionStringBuilder
    {
        DataSource = SqliteFile(contentRoot),
        Mode = SqliteOpenMode.ReadWriteCreate,
        Cache = SqliteCacheMode.Private,
        DefaultTimeout = TimeoutSeconds,
        Pooling = true,
    }.ToString();

    public string PostgresConnectionString()
    {
        var b = new Npgsql.NpgsqlConnectionStringBuilder(ConnectionString);
        if (!b.ContainsKey("Timeout") || b.Timeout == 15) b.Timeout = Math.Min(TimeoutSeconds, 1024);
        return b.ToString();
    }
}

/// <summary>Lets <c>dotnet ef migrations add X --context SqliteStoreDb</c> build the context without the app.</summary>
internal sealed class SqliteDesignFactory : IDesignTimeDbContextFactory<SqliteStoreDb>
{
    public SqliteStoreDb CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqliteStoreDb>().UseSqlite("Data Source=design.db").Options);
}

/// <summary>Lets <c>dotnet ef migrations add X --context PostgresStoreDb</c> build the context without a server.</summary>
internal sealed class PostgresDesignFactory : IDesignTimeDbContextFactory<PostgresStoreDb>
{
    public PostgresStoreDb CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<PostgresStoreDb>().UseNpgsql("Host=localhost;Database=design").Options);
}
