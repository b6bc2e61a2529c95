using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace Resolute.Web.Store;

/// <summary>
/// The run store: Identity's users and roles, the scenarios a team edits and the runs it starts. One model, two
/// providers; each provider has its own migrations (<see cref="SqliteStoreDb"/>, <see cref="PostgresStoreDb"/>) because
/// EF Core migrations are provider-specific.
/// </summary>
public abstract class StoreDb(DbContextOptions options) : IdentityDbContext<IdentityUser, IdentityRole, string>(options)
{
    public DbSet<ScenarioRecord> Scenarios => Set<ScenarioRecord>();

    public DbSet<RunRecord> Runs => Set<RunRecord>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.Entity<ScenarioRecord>(e =>
        {
            e.ToTable("scenarios");
            e.HasKey(x => x.Id);
            e.Property(x => x.Id).HasMaxLength(100);
            e.Property(x => x.Name).HasMaxLength(400);
            e.Property(x => x.UpdatedBy).HasMaxLength(256);
            e.Property(x => x.Revision).IsConcurrencyToken();
        });
        builder.Entity<RunRecord>(e =>
        {
            e.ToTable("runs");
            e.HasKey(x => x.Id);
            e.Property(x => x.ScenarioId).HasMaxLength(100);
            e.Property(x => x.ScenarioName).HasMaxLength(400);
            e.Property(x => x.ScenarioHash).HasMaxLength(128);
            e.Property(x => x.Status).HasMaxLength(20).HasConversion(v => v.ToCode(), v => RunStatusCodes.Parse(v));
            e.Property(x => x.Stage).HasMaxLength(400);
            e.Property(x => x.CreatedBy).HasMaxLength(256);
            e.HasIndex(x => x.Status);
            e.HasIndex(x => x.ScenarioId);
        });
    }
}

/// <summary>The store on SQLite (the default: one file).</summary>
public sealed class SqliteStoreDb(DbContextOptions<SqliteStoreDb> options) : StoreDb(options);

/// <summary>The store on PostgreSQL (for teams).</summary>
public sealed class PostgresStoreDb(DbContextOptions<PostgresStoreDb> options) : StoreDb(options);

/// <summary>A scenario as the team keeps it: its YAML text, exactly as last saved.</summary>
public sealed class ScenarioRecord
{
    public required string Id { get; set; }

    public required string Name { get; set; }

    public required string Yaml { get; set; }

    public DateTimeOffset UpdatedUtc { get; set; }

    public string UpdatedBy { get; set; } = "";

    /// <summary>Incremented on every save; a save based on an older revision is refused (nothing is overwritten silently).</summary>
    public int Revision { get; set; }
}

/// <summary>One planning run: a snapshot of the scenario it ran, its status and, once succeeded, its result and briefing.</summary>
public sealed class RunRecord
{
    public long Id { get; set; }

    public required string ScenarioId { get; set; }

    public required string ScenarioName { get; set; }

    /// <summary>The YAML that was run (later edits of the scenario do not change a run).</summary>
    public required string ScenarioYaml { get; set; }

    public int ScenarioRevision { get; set; }

    public string? ScenarioHash { get; set; }

    public RunStatus Status { get; set; }

    /// <summary>What the run is doing, or why it stopped.</summary>
    public string Stage { get; set; } = "";

    public string? Error { get; set; }

    public DateTimeOffset CreatedUtc { get; set; }

    public DateTimeOffset? StartedUtc { get; set; }

    public DateTimeOffset? FinishedUtc { get; set; }

    public string CreatedBy { get; set; } = "";

    /// <summary>result.json; written in the same transaction that marks the run succeeded.</summary>
    public string? ResultJson { get; set; }

    /// <summary>The self-contained briefing.html rendered from the result.</summary>
    public string? BriefingHtml { get; set; }
}

/// <summary>A run's life: queued → running → succeeded | failed | cancelled; a run the process never finished is interrupted.</summary>
public enum RunStatus
{
    Queued,
    Running,
    Succeeded,
    Failed,
    Cancelled,
    Interrupted,
}

/// <summary>Run status codes as stored and shown.</summary>
public static class RunStatusCodes
{
    public static string ToCode(this RunStatus status) => status switch
    {
        RunStatus.Queued => "queued",
        RunStatus.Running => "running",
        RunStatus.Succeeded => "succeeded",
        RunStatus.Failed => "failed",
        RunStatus.Cancelled => "cancelled",
        _ => "interrupted",
    };

    public static RunStatus Parse(string code) => code switch
    {
        "queued" => RunStatus.Queued,
        "running" => RunStatus.Running,
        "succeeded" => RunStatus.Succeeded,
        "failed" => RunStatus.Failed,
        "cancelled" => RunStatus.Cancelled,
        _ => RunStatus.Interrupted,
    };

    public static bool IsFinished(this RunStatus status) => status is not (RunStatus.Queued or RunStatus.Running);
}
