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

    /// <summary>Sign-in lockout and per-client throttles (section <c>Resolute:SignIn</c>).</summary>
    public SignInOptions SignIn { get; set; } = new();

    public string DataPath => DataDirectory ?? Path.Combine(AppContext.BaseDirectory, "data");

    public string ScenarioPath => ScenarioDirectory ?? Path.Combine(AppContext.BaseDirectory, "scenarios");

    public PlanOptions PlanOptions => new(Threads, Runs, TornadoRunsPerPoint, SobolSamples);

    /// <summary>Every invalid setting, in one list.</summary>
    public IReadOnlyList<Diagnostic> Validate()
    {
        var errors = new List<Diagnostic>();
        if (MaxUploadBytes is < 1024 or > 64 * 1024 * 1024)
            errors.Add(Diagnostic.Setting($"{Section}:{nameof(MaxUploadBytes)}", Messages.OutOfRange("1024 to 67108864", MaxUploadBytes)));
        if (ConcurrentRuns is < 1 or > 16)
            errors.Add(Diagnostic.Setting($"{Section}:{nameof(ConcurrentRuns)}", Messages.OutOfRange("1 to 16", ConcurrentRuns)));
        // The plan options name their settings in snake case (threads, sobol_samples); here they are Resolute:Threads, Resolute:SobolSamples.
        errors.AddRange(PlanOptions.Validate().Select(e => e with { File = $"{Section}:{Setting(e.File)}" }));
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
