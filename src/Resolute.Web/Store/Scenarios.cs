using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Resolute.Data;
using Resolute.Domain.Diagnostics;
using Resolute.Domain;
using Resolute.Web.Hosting;

namespace Resolute.Web.Store;

/// <summary>One validation problem of a scenario, at its line and column (1-based): a diagnostic as the API and editor show it.</summary>
public sealed record ScenarioProblem(string Code, string Severity, string Message, int Line, int Column)
{
    public static ScenarioProblem Of(Diagnostic d) =>
        new(d.Code, d.Severity == Domain.Diagnostics.Severity.Warning ? "warning" : "error", d.Message, d.Line, d.Column);
}

/// <summary>The dataset, loaded once (it changes only with a new deployment); its problems are reported, not thrown.</summary>
public sealed class DatasetProvider(IOptions<ResoluteOptions> options)
{
    private readonly Lazy<LoadResult<Dataset>> _dataset = new(() => DatasetLoader.Load(options.Value.DataPath));

    public LoadResult<Dataset> Load() => _dataset.Value;

    /// <summary>The dataset, or why it cannot be used.</summary>
    public (Dataset? Dataset, Problem? Error) Get()
    {
        var r = Load();
        return r.Value is { } d ? (d, null) : (null, Messages.DatasetUnavailable(r.Diagnostics.Where(x => x.Severity == Severity.Error)));
    }
}

/// <summary>What saving a scenario came to.</summary>
public enum SaveOutcome { Saved, Created, Invalid, NotFound, Conflict, Exists }

/// <summary>The result of a save: the record when saved, the problems when invalid.</summary>
public sealed record SaveResult(SaveOutcome Outcome, ScenarioRecord? Scenario, IReadOnlyList<ScenarioProblem> Problems, string? Message = null);

/// <summary>The team's scenarios: list, validate (with line and column), save with a revision check, copy.</summary>
public sealed partial class ScenarioService(StoreDb db, DatasetProvider dataset, TimeProvider time)
{
    public Task<List<ScenarioRecord>> ListAsync(CancellationToken ct) =>
        db.Scenarios.AsNoTracking().OrderBy(s => s.Id).ToListAsync(ct);

    public Task<ScenarioRecord?> GetAsync(string id, CancellationToken ct) =>
        db.Scenarios.AsNoTracking().FirstOrDefaultAsync(s => s.Id == id, ct);

    /// <summary>Validates YAML text against the dataset; <paramref name="expectedId"/>, when given, must be the YAML's <c>id</c>.</summary>
    public (Scenario? Scenario, IReadOnlyList<ScenarioProblem> Problems) Validate(string yaml, string? expectedId)
    {
        var (d, error) = dataset.Get();
        var file = (expectedId ?? "scenario") + ".yaml";
        var result = ScenarioFile.Parse(yaml, file, d);
        var problems = result.Diagnostics.Select(ScenarioProblem.Of).ToList();
        if (error is { } e) problems.Add(ScenarioProblem.Of(Diagnostic.At(new Position(file, 1, 1), e)));
        if (result.Value is { } s && expectedId is not null && !string.Equals(s.Id, expectedId, StringComparison.Ordinal))
            problems.Add(ScenarioProblem.Of(Diagnostic.At(IdPosition(yaml, file), Messages.Inconsistent(
                $"id '{expectedId}' (the scenario being edited)", $"'{s.Id}': to keep a variant under a new id, use 'Save as a new scenario'"))));
        problems.Sort((a, b) => a.Line != b.Line ? a.Line.CompareTo(b.Line) : a.Column.CompareTo(b.Column));
        return (problems.Exists(p => p.Severity == "error") ? null : result.Value, problems);
    }

    /// <summary>Saves YAML over an existing scenario, refusing invalid text and stale revisions (the caller keeps the text).</summary>
    public async Task<SaveResult> SaveAsync(string id, string yaml, int? baseRevision, string user, CancellationToken ct)
    {
        var record = await db.Scenarios.FirstOrDefaultAsync(s => s.Id == id, ct);
        if (record is null) return new SaveResult(SaveOutcome.NotFound, null, [], $"no scenario '{id}'");
        var (scenario, problems) = Validate(yaml, id);
        if (scenario is null) return new SaveResult(SaveOutcome.Invalid, null, problems);
        if (baseRevision is { } rev && rev != record.Revision)
            return new SaveResult(SaveOutcome.Conflict, null, problems,
                $"'{id}' was saved by {record.UpdatedBy} (revision {record.Revision}) after you opened it (revision {rev}); your text is kept below — copy it, reload and merge");
        record.Yaml = yaml;
        record.Name = scenario.Name;
        record.UpdatedBy = user;
        record.UpdatedUtc = time.GetUtcNow();
        record.Revision++;
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return new SaveResult(SaveOutcome.Conflict, null, problems, $"'{id}' was saved by someone else at the same moment; your text is kept below — reload and merge");
        }
        return new SaveResult(SaveOutcome.Saved, record, problems);
    }

    /// <summary>Adds a new scenario whose id is the YAML's <c>id</c>.</summary>
    public async Task<SaveResult> CreateAsync(string yaml, string user, CancellationToken ct)
    {
        var (scenario, problems) = Validate(yaml, null);
        if (scenario is null) return new SaveResult(SaveOutcome.Invalid, null, problems);
        if (await db.Scenarios.AnyAsync(s => s.Id == scenario.Id, ct))
            return new SaveResult(SaveOutcome.Exists, null, problems, $"a scenario '{scenario.Id}' exists already: choose another id");
        var record = new ScenarioRecord { Id = scenario.Id, Name = scenario.Name, Yaml = yaml, UpdatedBy = user, UpdatedUtc = time.GetUtcNow(), Revision = 1 };
        db.Scenarios.Add(record);
        await db.SaveChangesAsync(ct);
        return new SaveResult(SaveOutcome.Created, record, problems);
    }

    /// <summary>Copies a scenario under a new id (the YAML's <c>id:</c> line is rewritten; everything else is kept).</summary>
    public async Task<SaveResult> CopyAsync(string id, string newId, string user, CancellationToken ct)
    {
        var source = await GetAsync(id, ct);
        if (source is null) return new SaveResult(SaveOutcome.NotFound, null, [], $"no scenario '{id}'");
        if (!ScenarioId.IsValid(newId))
            return new SaveResult(SaveOutcome.Invalid, null, [ScenarioProblem.Of(Diagnostic.At(new Position("copy", 1, 1), Messages.InvalidValue(ScenarioId.Expected, newId)))]);
        var yaml = IdLine().Replace(source.Yaml, "id: " + newId, 1);
        return await CreateAsync(yaml, user, ct);
    }

    private static Position IdPosition(string yaml, string file)
    {
        var m = IdLine().Match(yaml);
        if (!m.Success) return new Position(file, 1, 1);
        var line = 1 + yaml.AsSpan(0, m.Index).Count('\n');
        return new Position(file, line, 5);
    }

    [GeneratedRegex(@"^id:[^\r\n]*", RegexOptions.Multiline)]
    private static partial Regex IdLine();
}
