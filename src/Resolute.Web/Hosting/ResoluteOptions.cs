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
        return errors;
    }

    private static string Setting(string snake) =>
        string.Concat(snake.Split('_').Select(w => w.Length == 0 ? w : char.ToUpperInvariant(w[0]) + w[1..]));

    public static string Size(long bytes) => bytes >= 1024 * 1024
        ? string.Create(CultureInfo.InvariantCulture, $"{bytes / (1024.0 * 1024.0):0.#} MiB")
        : string.Create(CultureInfo.InvariantCulture, $"{bytes / 1024.0:0.#} KiB");
}
