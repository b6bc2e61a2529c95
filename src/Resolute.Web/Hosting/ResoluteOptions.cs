using System.Globalization;
using Resolute.Domain.Diagnostics;
using Resolute.Planning;

namespace Resolute.Web.Hosting;

/// <summary>The dashboard's settings (section <c>Resolute</c>), validated once at start; defaults documented in README.md.</summary>
public sealed class ResoluteOptions
{
    public const string Section = "Resolute";

    /// <summary>The dataset directory; default: the bundled <c>data/</c> beside the binary.</summary>
    public string? DataDirectory { get; set; }

    /// <summary>Scenarios to seed an empty store with; default: the bundled <c>scenarios/</c> beside the binary.</summary>
    public string? ScenarioDirectory { get; set; }

    /// <summary>The largest request body accepted (a scenario upload or edit), in bytes. Default 256 KiB.</summary>
    public long MaxUploadBytes { get; set; } = 256 * 1024;

    /// <summary>Planner worker threads per run.</summary>
    public int Threads { get; set; } = Math.Clamp(Environment.ProcessorCount, 1, 2);

    /// <summary>Runs planned at the same time (each uses <see cref="Threads"/>); later ones wait in the queue. Default 1, for a small machine.</summary>
    public int ConcurrentRuns { get; set; } = 1;

    /// <summary>Campaigns per ensemble; null = each scenario's <c>simulation.runs</c>.</summary>
    public int? Runs { get; set; }

    /// <summary>Campaigns per tornado point.</summary>
    public int TornadoRunsPerPoint { get; set; } = PlanOptions.Default.TornadoRunsPerPoint;

    /// <summary>Sobol base samples.</summary>
    public int SobolSamples { get; set; } = PlanOptions.Default.SobolSamples;

    /// <summary>
    /// The most slot × candidate-unit pairs a run's force generation may weigh; a run above it is refused when it is
    /// started, with its estimate. Default 200,000: about 120 times the default scenario's (1,617), a fifth of the CLI's.
    /// </summary>
    public long MaxAssignments { get; set; } = 200_000;

    /// <summary>
    /// The most campaign sector-days (days × sectors × campaigns, every ensemble of the run) a run may simulate; a run above
    /// it is refused when it is started, with its estimate. Default 2 billion: about 14 times a default plan's (147 million),
    /// so one user cannot hold the server's cores for more than some minutes.
    /// </summary>
    public long MaxSectorDays { get; set; } = 2_000_000_000;

    /// <summary>
    /// The wall-clock budget of a running run, in seconds: past it the run stops and ends <c>failed</c>, saying so. Default
    /// 1,800 (30 minutes), about 30 times a default plan on two cores; a guard against a stuck solver more than a work limit.
    /// </summary>
    public int RunTimeLimitSeconds { get; set; } = 1800;

    public TimeSpan RunTimeLimit => TimeSpan.FromSeconds(RunTimeLimitSeconds);

    /// <summary>The ceilings as the planner checks them; a refusal names the settings to raise.</summary>
    public WorkLimits Limits => new(MaxAssignments, MaxSectorDays)
    {
        RaiseAssignments = $"the setting {Section}:{nameof(MaxAssignments)} (an admin's)",
        RaiseSectorDays = $"the setting {Section}:{nameof(MaxSectorDays)} (an admin's)",
    };

    /// <summary>Sign-in lockout and per-client throttles (section <c>Resolute:SignIn</c>).</summary>
    public SignInOptions SignIn { get; set; } = new();

    public string DataPath => DataDirectory ?? Path.Combine(AppContext.BaseDirectory, "data");

    public string ScenarioPath => ScenarioDirectory ?? Path.Combine(AppContext.BaseDirectory, "scenarios");

    public PlanOptions PlanOptions => new(Threads, Runs, TornadoRunsPerPoint, SobolSamples) { Limits = Limits };

    /// <summary>Every invalid setting, in one list.</summary>
    public IReadOnlyList<Diagnostic> Validate()
    {
        var errors = new List<Diagnostic>();
        if (MaxUploadBytes is < 1024 or > 64 * 1024 * 1024)
            errors.Add(Diagnostic.Setting($"{Section}:{nameof(MaxUploadBytes)}", Messages.OutOfRange("1024 to 67108864", MaxUploadBytes)));
        if (ConcurrentRuns is < 1 or > 16)
            errors.Add(Diagnostic.Setting($"{Section}:{nameof(ConcurrentRuns)}", Messages.OutOfRange("1 to 16", ConcurrentRuns)));
        if (MaxAssignments < 1)
            errors.Add(Diagnostic.Setting($"{Section}:{nameof(MaxAssignments)}", Messages.OutOfRange("at least 1", MaxAssignments)));
        if (MaxSectorDays < 1)
            errors.Add(Diagnostic.Setting($"{Section}:{nameof(MaxSectorDays)}", Messages.OutOfRange("at least 1", MaxSectorDays)));
        if (RunTimeLimitSeconds is < 1 or > 7 * 24 * 3600)
            errors.Add(Diagnostic.Setting($"{Section}:{nameof(RunTimeLimitSeconds)}", Messages.OutOfRange("1 to 604800 (a week)", RunTimeLimitSeconds)));
        // The plan options name their settings in snake case (threads, sobol_samples); here they are Resolute:Threads, Resolute:SobolSamples.
        errors.AddRange((PlanOptions with { Limits = WorkLimits.Default }).Validate().Select(e => e with { File = $"{Section}:{Setting(e.File)}" }));
        errors.AddRange(SignIn.Validate());
        return errors;
    }

    private static string Setting(string snake) =>
        string.Concat(snake.Split('_').Select(w => w.Length == 0 ? w : char.ToUpperInvariant(w[0]) + w[1..]));

    public static string Size(long bytes) => bytes >= 1024 * 1024
        ? string.Create(CultureInfo.InvariantCulture, $"{bytes / (1024.0 * 1024.0):0.#} MiB")
        : string.Create(CultureInfo.InvariantCulture, $"{bytes / 1024.0:0.#} KiB");
}

/// <summary>
/// How sign-in resists guessing (section <c>Resolute:SignIn</c>): an account locks after <see cref="MaxFailedAttempts"/>
/// wrong passwords in a row, and each client (IP address) may try <see cref="AttemptsPerClient"/> times per
/// <see cref="AttemptWindowSeconds"/>, fewer than the lockout takes, so one client is slowed before it can lock anyone out.
/// </summary>
public sealed class SignInOptions
{
    /// <summary>Wrong passwords in a row that lock an account. Default 10.</summary>
    public int MaxFailedAttempts { get; set; } = 10;

    /// <summary>How long a locked account stays locked, in minutes. Default 15.</summary>
    public int LockoutMinutes { get; set; } = 15;

    /// <summary>Sign-in attempts (POST /login, POST /setup) one client may make per window. Default 5.</summary>
    public int AttemptsPerClient { get; set; } = 5;

    /// <summary>The sliding window of <see cref="AttemptsPerClient"/>, in seconds. Default 300.</summary>
    public int AttemptWindowSeconds { get; set; } = 300;

    /// <summary>API requests one client (a signed-in user, else an IP address) may make per minute. Default 600.</summary>
    public int ApiRequestsPerMinute { get; set; } = 600;

    public TimeSpan Lockout => TimeSpan.FromMinutes(LockoutMinutes);

    public TimeSpan AttemptWindow => TimeSpan.FromSeconds(AttemptWindowSeconds);

    /// <summary>Every invalid setting, in one list.</summary>
    public IReadOnlyList<Diagnostic> Validate()
    {
        var errors = new List<Diagnostic>();
        void Range(string name, int value, int min, int max)
        {
            if (value < min || value > max)
                errors.Add(Diagnostic.Setting($"Resolute:SignIn:{name}", Messages.OutOfRange(string.Create(CultureInfo.InvariantCulture, $"{min} to {max}"), value)));
        }
        Range(nameof(MaxFailedAttempts), MaxFailedAttempts, 1, 1000);
        Range(nameof(LockoutMinutes), LockoutMinutes, 1, 24 * 60);
        Range(nameof(AttemptsPerClient), AttemptsPerClient, 1, 100_000);
        Range(nameof(AttemptWindowSeconds), AttemptWindowSeconds, 1, 24 * 3600);
        Range(nameof(ApiRequestsPerMinute), ApiRequestsPerMinute, 1, 1_000_000);
        return errors;
    }
}
