using System.Globalization;
using System.Text.Json;
using Resolute.Balance;
using Resolute.Data;
using Resolute.Domain;
using Resolute.Domain.Diagnostics;
using Resolute.Geo;
using Resolute.Sourcing;

namespace Resolute.Planning;

/// <summary>How much work the planner does; defaults give a briefing in seconds on two cores.</summary>
/// <param name="Threads">Worker threads for the Monte Carlo stage (results are identical for any value).</param>
/// <param name="Runs">Campaigns per ensemble; null = the scenario's <c>simulation.runs</c>.</param>
/// <param name="TornadoRunsPerPoint">Campaigns per tornado point (0 = no tornado).</param>
/// <param name="SobolSamples">Sobol base samples N (runs = N·(D+2); 0 = no Sobol indices).</param>
/// <param name="Solve">CP-SAT settings of the force-generation stage; null = <see cref="SolveOptions.Default"/>.</param>
/// <param name="Compare">Other scenarios whose assumptions the sourced coalition is also run under (the balance "across
/// scenarios"); their own requirements are ignored. Null or empty = none. <see cref="Planner.UsPaths"/> lists the usual ones.</param>
/// <param name="Geography">Method settings of the geography stage; null = <see cref="GeographyOptions.Default"/>.</param>
public sealed record PlanOptions(int Threads = 1, int? Runs = null, int TornadoRunsPerPoint = 100, int SobolSamples = 256, SolveOptions? Solve = null,
    IReadOnlyList<Scenario>? Compare = null, GeographyOptions? Geography = null)
{
    /// <summary>The defaults.</summary>
    public static PlanOptions Default { get; } = new();

    /// <summary>Draws of the survival model's parameters behind the ceasefire-durability bands.</summary>
    public int DurabilityDraws { get; init; } = 2000;

    /// <summary>Ceilings on the plan's work, checked by <see cref="PlanJob.Check"/> before it starts.</summary>
    public WorkLimits Limits { get; init; } = WorkLimits.Default;

    /// <summary>Every invalid option, in one list (empty when valid).</summary>
    public IReadOnlyList<Diagnostic> Validate()
    {
        var errors = new List<Diagnostic>();
        if (Threads < 1) errors.Add(Diagnostic.Setting("threads", Messages.OutOfRange("at least 1", Threads)));
        if (Runs is < 1) errors.Add(Diagnostic.Setting("runs", Messages.OutOfRange("a positive number of campaigns", Runs.Value)));
        if (TornadoRunsPerPoint < 0) errors.Add(Diagnostic.Setting("tornado_runs_per_point", Messages.OutOfRange("0 or more", TornadoRunsPerPoint)));
        if (SobolSamples is < 0 or 1) errors.Add(Diagnostic.Setting("sobol_samples", Messages.OutOfRange("0 or at least 2", SobolSamples)));
        if (DurabilityDraws < 2) errors.Add(Diagnostic.Setting("durability_draws", Messages.OutOfRange("at least 2", DurabilityDraws)));
        if (Solve is not null) errors.AddRange(Solve.Validate());
        if (Geography is not null) errors.AddRange(Geography.Validate());
        errors.AddRange(Limits.Validate());
        return errors;
    }
}

/// <summary>Where a plan is: the stage under way, in words, and the share of the whole plan done (0 to 1).</summary>
/// <param name="Stage">What the planner is doing, e.g. "balance: 12,000 of 40,000 campaigns".</param>
/// <param name="Done">The share of the expected work done; stages are weighted by their usual share of the time.</param>
public sealed record PlanProgress(string Stage, double Done);

/// <summary>Composes the planning stages for one scenario into a <see cref="PlanResult"/>. The CLI and the web app both call this.</summary>
public static class Planner
{
    /// <summary>The bundled scenarios of the three US paths, the default comparison for a plan's balance across scenarios.</summary>
    public static IReadOnlyList<string> UsPaths { get; } = ["us-imposed-ceasefire", "us-walk-away", "us-decisive-action"];

    /// <summary>Plans <paramref name="scenario"/> on <paramref name="dataset"/> with the default options; <paramref name="now"/> stamps the provenance.</summary>
    public static PlanResult Run(Dataset dataset, Scenario scenario, DateTimeOffset now, CancellationToken cancellationToken = default) =>
        Run(dataset, scenario, now, PlanOptions.Default, cancellationToken);

    /// <summary>
    /// Plans <paramref name="scenario"/>: force generation (CP-SAT) fills the requirement; geography places the units it
    /// picked and sites their air defence; balance runs the campaign ensembles with the coalition as sourced (its manoeuvre,
    /// long-range-strike and fighter units, and the Ukrainian brigades geography says they free) and without it, then the
    /// sensitivity of the headline outputs.
    /// </summary>
    /// <exception cref="ArgumentException">The options are invalid (validate them at the boundary).</exception>
    public static PlanResult Run(Dataset dataset, Scenario scenario, DateTimeOffset now, PlanOptions options, CancellationToken cancellationToken = default) =>
        Run(dataset, scenario, now, options, null, cancellationToken);

    /// <summary>As <see cref="Run(Dataset, Scenario, DateTimeOffset, PlanOptions, CancellationToken)"/>, reporting each stage and the campaigns done to <paramref name="progress"/>.</summary>
    /// <exception cref="ArgumentException">The options are invalid (validate them at the boundary).</exception>
    public static PlanResult Run(Dataset dataset, Scenario scenario, DateTimeOffset now, PlanOptions options, IProgress<PlanProgress>? progress, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        ArgumentNullException.ThrowIfNull(scenario);
        ArgumentNullException.ThrowIfNull(options);
        if (options.Validate() is { Count: > 0 } errors) throw new ArgumentException(string.Join("; ", errors), nameof(options));
        cancellationToken.ThrowIfCancellationRequested();
        var result = PlanResult.Of(dataset, scenario, ScenarioFile.Hash(scenario), now);
        var stages = new Dictionary<string, StageStatus>(result.Stages, StringComparer.Ordinal);

        // 1. Force generation.
        ForcePlan? plan = null;
        if (Slots.Of(scenario).Count == 0)
            stages[PlanResult.ForceGenerationStage] = StageStatus.NotComputed("the scenario has no requirement");
        else
        {
            progress?.Report(new PlanProgress("force generation: CP-SAT fills the requirement", 0));
            plan = ForceGenerator.Solve(dataset, scenario, options.Solve ?? SolveOptions.Default, null, cancellationToken);
            stages[PlanResult.ForceGenerationStage] = plan.Solver.Stopped ? StageStatus.ComputedWith("stopped early: the best plan found, not proven optimal") : StageStatus.Computed;
        }

        // 1b. Sustainment: the force that can be held under the scenario's rotation, beside the one-off plan.
        cancellationToken.ThrowIfCancellationRequested();
        SustainmentResult? sustainment = null;
        if (plan is null) stages[PlanResult.SustainmentStage] = StageStatus.NotComputed("the scenario has no requirement");
        else
        {
            progress?.Report(new PlanProgress("sustainment: the force that can be held under rotation", StageStart.Sustainment));
            sustainment = Sustainment.Assess(dataset, scenario, plan, options.Solve ?? SolveOptions.Default, cancellationToken);
            stages[PlanResult.SustainmentStage] = sustainment is null ? StageStatus.NotComputed("the scenario's rotation rule is off")
                : sustainment.Plan.Solver.Stopped ? StageStatus.ComputedWith("stopped early: the best sustained plan found, not proven optimal") : StageStatus.Computed;
        }

        // 2. Geography, on the units force generation picked.
        cancellationToken.ThrowIfCancellationRequested();
        progress?.Report(new PlanProgress("geography: deployment areas, unit positions, air-defence coverage", StageStart.Geography));
        var sourced = Coalition.Place(dataset, scenario, plan, options.Geography);
        var (deployed, geo) = (sourced.Deployed, sourced.Geography);
        using (var map = JsonDocument.Parse(GeoJson.Write(geo)))
        {
            result = result with { Geography = new PlanResult.GeographySection(geo, map.RootElement.Clone(), plan is null ? "none (no requirement)" : PlanResult.ForceGenerationStage) };
        }
        stages[PlanResult.GeographyStage] = StageStatus.Computed;

        // 3. Balance, with the coalition as sourced and placed.
        cancellationToken.ThrowIfCancellationRequested();
        var (assumptions, problems) = CampaignAssumptions.From(scenario);
        PlanResult.BalanceSection? balance = null;
        if (assumptions is null)
            stages[PlanResult.BalanceStage] = StageStatus.NotComputed(string.Join("; ", problems));
        else
        {
            var coalition = sourced.Input;
            var settings = CampaignSettings.From(scenario) with { Coalition = coalition };
            var (weights, _) = WuvWeights.From(scenario);
            var score = weights is null || deployed.Count == 0 ? null : ForceScoring.Score(dataset, deployed.Select(u => u.Id), weights);
            var ensemble = new EnsembleOptions(options.Threads) { Cancellation = cancellationToken };
            var runs = options.Runs ?? scenario.Simulation.Runs;
            // Campaign counts per stage, so that progress can say how far each has got.
            var balanceRuns = 2 * runs; // with and without the coalition
            var tornadoRuns = (1 + (2 * CampaignAssumptions.Parameters.Count)) * options.TornadoRunsPerPoint;
            var sobolRuns = options.SobolSamples * (CampaignAssumptions.Parameters.Count(p => assumptions[p].Distribution.Kind != DistributionKind.Fixed) + 2);
            EnsembleOptions Reporting(string stage, int total, double from, double to) => progress is null ? ensemble : ensemble with
            {
                Progress = done => progress.Report(new PlanProgress(
                    string.Create(CultureInfo.InvariantCulture, $"{stage}: {Math.Min(total, done):#,0} of {total:#,0} campaigns"),
                    from + ((to - from) * Math.Min(1.0, (double)done / Math.Max(1, total))))),
            };

            // The two ensembles (with and without the coalition) run one after the other through the same options: each
            // reports its own count, so add the runs of the ensembles already finished.
            var finished = 0;
            var balanceOptions = progress is null ? ensemble : ensemble with
            {
                Progress = done =>
                {
                    var total = done >= runs ? Interlocked.Increment(ref finished) * runs : (Volatile.Read(ref finished) * runs) + done;
                    progress.Report(new PlanProgress(
                        string.Create(CultureInfo.InvariantCulture, $"balance: {Math.Min(balanceRuns, total):#,0} of {balanceRuns:#,0} campaigns (with and without the coalition)"),
                        StageStart.Balance + ((StageStart.Tornado - StageStart.Balance) * Math.Min(1.0, (double)total / Math.Max(1, balanceRuns)))));
                },
            };
            progress?.Report(new PlanProgress("balance: Monte Carlo campaigns", StageStart.Balance));
            var balanceResult = BalanceAnalysis.Run(scenario.Id, assumptions, settings, runs, scenario.Seed, balanceOptions, score);
            var across = AcrossScenarios(options, scenario, coalition, runs, ensemble, score, progress, cancellationToken);
            cancellationToken.ThrowIfCancellationRequested();
            var tornado = options.TornadoRunsPerPoint > 0
                ? Sensitivity.Tornado(assumptions, settings, options.TornadoRunsPerPoint, scenario.Seed, Reporting("sensitivity, tornado", tornadoRuns, StageStart.Tornado, StageStart.Sobol))
                : [];
            cancellationToken.ThrowIfCancellationRequested();
            var sobol = options.SobolSamples > 0
                ? Sensitivity.Sobol(assumptions, settings, options.SobolSamples, scenario.Seed, Reporting("sensitivity, Sobol indices", sobolRuns, StageStart.Sobol, StageStart.Durability))
                : [];
            cancellationToken.ThrowIfCancellationRequested();
            balance = new PlanResult.BalanceSection(balanceResult, tornado, sobol, sourced.Description, across);
            stages[PlanResult.BalanceStage] = StageStatus.Computed;
        }

        // 4. Ceasefire durability: the historical record read for this settlement, with the force and without it.
        cancellationToken.ThrowIfCancellationRequested();
        progress?.Report(new PlanProgress("ceasefire durability: survival model of the historical record", StageStart.Durability));
        var (durability, durabilityStatus) = DurabilityStage.Run(dataset, scenario, options.DurabilityDraws);
        stages[PlanResult.DurabilityStage] = durabilityStatus;

        progress?.Report(new PlanProgress("done", 1));
        return result with
        {
            Stages = stages,
            ForceGeneration = plan,
            Balance = balance,
            Durability = durability,
            Sustainment = sustainment,
            Sources = SourcesUsed(dataset, scenario, deployed, result.Stances.Values.SelectMany(n => n), durability is not null),
        };
    }

    /// <summary>The coalition as sourced, under each compared scenario's assumptions (with and without it); null when none asked.</summary>
    private static PlanResult.ScenarioBalance[]? AcrossScenarios(PlanOptions options, Scenario scenario, CoalitionInput coalition, int runs,
        EnsembleOptions ensemble, ForceScore? score, IProgress<PlanProgress>? progress, CancellationToken ct)
    {
        var others = (options.Compare ?? []).Where(c => c.Id != scenario.Id).ToList();
        if (others.Count == 0) return null;
        var list = new List<PlanResult.ScenarioBalance>();
        foreach (var other in others)
        {
            ct.ThrowIfCancellationRequested();
            var (assumptions, _) = CampaignAssumptions.From(other);
            if (assumptions is null) continue; // a scenario without a campaign model has nothing to compare
            progress?.Report(new PlanProgress($"balance across scenarios: {other.Id}", StageStart.Tornado));
            var settings = CampaignSettings.From(other) with { Coalition = coalition };
            var result = BalanceAnalysis.Run(other.Id, assumptions, settings, runs, other.Seed, ensemble with { Bands = false }, score);
            list.Add(new PlanResult.ScenarioBalance(other.Id, other.Name, ScenarioFile.Hash(other), result));
        }
        return [.. list];
    }

    /// <summary>Where each stage starts in the progress scale: their usual shares of a default plan's time on two cores.</summary>
    private static class StageStart
    {
        public const double Sustainment = 0.05;
        public const double Geography = 0.10;
        public const double Balance = 0.20;
        public const double Tornado = 0.45;
        public const double Sobol = 0.65;
        public const double Durability = 0.99; // a fit and 2,000 draws: well under a second
    }

    /// <summary>Every dataset row the plan used (nations, stances, deployed units with their holdings and equipment, cities, threats, front line,
    /// and the ceasefires the durability model was fitted to), grouped by source.</summary>
    private static PlanResult.SourceUse[] SourcesUsed(Dataset d, Scenario s, IReadOnlyList<Unit> deployed, IEnumerable<string> stanceNations, bool ceasefires)
    {
        var rows = new List<(Citation Citation, PlanResult.CitedRow Row)>();
        void Add(string table, string key, Citation c) => rows.Add((c, new PlanResult.CitedRow(table, key, c.AsOf, c.Note)));

        var nations = stanceNations.Concat(deployed.Select(u => u.Nation)).ToHashSet(StringComparer.Ordinal);
        foreach (var n in d.Nations.Where(n => nations.Contains(n.Iso3))) Add("nations", n.Iso3, n.Citation);
        // A stance the scenario overrides comes from the scenario (listed among the rules), not from a dataset row.
        foreach (var st in d.Stances.Where(x => nations.Contains(x.Nation) && !s.StanceOverrides.ContainsKey(x.Nation) && x.Date <= s.StanceDate)
                     .GroupBy(x => x.Nation).Select(g => g.MaxBy(x => x.Date)!))
            Add("stances", string.Create(CultureInfo.InvariantCulture, $"{st.Nation} {st.Date:yyyy-MM-dd}"), st.Citation);
        var equipment = new HashSet<string>(StringComparer.Ordinal);
        foreach (var u in deployed)
        {
            Add("units", u.Id, u.Citation);
            foreach (var h in d.HoldingsOf(u.Id))
            {
                Add("holdings", $"{h.UnitId} {h.EquipmentId}", h.Citation);
                equipment.Add(h.EquipmentId);
            }
        }
        foreach (var e in d.EquipmentTypes.Where(e => equipment.Contains(e.Id))) Add("equipment_types", e.Id, e.Citation);
        foreach (var c in d.Cities) Add("cities", c.Name, c.Citation);
        foreach (var t in d.Threats) Add("threats", t.Id, t.Citation);
        rows.Add((new Citation(d.Theatre.Source, d.Theatre.AsOf, ""), new PlanResult.CitedRow("front_line", "line of contact", d.Theatre.AsOf, "")));
        if (ceasefires)
            foreach (var c in d.Ceasefires) Add("ceasefires", c.Id, c.Citation);

        var sources = d.Sources.ToDictionary(x => x.Id, StringComparer.Ordinal);
        return rows.GroupBy(r => r.Citation.Source, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g =>
        {
            var list = g.Select(r => r.Row).ToArray();
            return sources.TryGetValue(g.Key, out var src)
                ? new PlanResult.SourceUse(src.Id, src.Title, src.Publisher, src.Address, src.Accessed, list)
                : new PlanResult.SourceUse(g.Key, g.Key == "assumption" ? "assumption (no published source)" : g.Key, "", "", null, list);
        }).ToArray();
    }
}
