using System.Globalization;
using Resolute.Planning;
using Resolute.Balance;
using Resolute.Domain;
using Resolute.Domain.Edits;
using Resolute.Sourcing;
using static Resolute.Reports.D;

namespace Resolute.Reports;

/// <summary>Builds the briefing's document from a <see cref="PlanResult"/>: the sections of issue #7, in reading order.</summary>
internal static partial class BriefingBuilder
{
    /// <summary>Section ids and titles, in order.</summary>
    public static readonly IReadOnlyList<(string Id, string Title)> SectionIds =
    [
        ("bluf", "Bottom line up front"),
        ("force-package", "Force package"),
        ("deployment", "When it arrives: deployment and build-up"),
        ("sustainment", "Sustainment: the force that can be held"),
        ("burden", "Burden sharing"),
        ("checks", "The 80 % checks and the US backstop"),
        ("stances", "Stances: what each nation may send"),
        ("geography", "Geography"),
        ("balance", "Balance across scenarios"),
        ("sensitivity", "Sensitivity: which assumption decides the answer"),
        ("durability", "Would a ceasefire hold? The historical record"),
        ("assumptions", "Assumptions"),
        ("sources", "Sources used"),
        ("provenance", "Provenance"),
    ];

    private const string Fg = "force_generation", Geo = "geography.result", Bal = "balance.result";

    /// <summary>A share check of a plan that deploys nothing by its measure (0 of 0): neither holding nor failing.</summary>
    private const string NothingDeployed = "n/a — nothing deployed";
    private static readonly CultureInfo C = CultureInfo.InvariantCulture;

    /// <summary>The document; charts are drawn only when <paramref name="charts"/> is set (the Markdown does not need them).</summary>
    public static BriefingDocument Build(PlanResult r, bool charts)
    {
        ArgumentNullException.ThrowIfNull(r);
        var sections = new[]
        {
            Bluf(r), ForcePackage(r, charts), DeploymentSection(r, charts), SustainmentSection(r, charts), Burden(r, charts), Checks(r), StancesSection(r), Geography(r), Balance(r, charts), SensitivitySection(r, charts),
            DurabilitySection(r, charts), Assumptions(r), Sources(r), Provenance(r),
        };
        var dates = r.Scenario.ReadinessDeadline is { } deadline ? $", ready by {deadline:yyyy-MM-dd}" : r.Scenario.OfferDate is { } offer ? $", offer tabled {offer:yyyy-MM-dd}" : "";
        var subtitle = L($"Scenario {r.Scenario.Id}: stances as of {r.Scenario.StanceDate:yyyy-MM-dd}{dates}",
            r.Scenario.Ceasefire ? ", in a ceasefire" : "", $". Planned {r.Provenance.CreatedUtc.UtcDateTime:yyyy-MM-dd HH:mm} UTC; seed ", N("provenance.seed", r.Provenance.Seed, NumFormat.Plain), ".");
        return new BriefingDocument(r.Scenario.Name, subtitle, sections);
    }

    private static string Title(string id) => SectionIds.First(s => s.Id == id).Title;

    private static StageStatus Status(PlanResult r, string stage) => r.Stages.TryGetValue(stage, out var s) ? s : StageStatus.Pending;

    private static NotComputed Missing(PlanResult r, string stage) => new((Status(r, stage) is { Ran: false } s ? s : StageStatus.Pending).ToString());

    internal static Section Bluf(PlanResult r)
    {
        var items = new List<IReadOnlyList<Inline>>();
        if (r.ForceGeneration is { } f)
        {
            var fill = f.Fill;
            // Short of which elements, e.g. "medium_range_air_defence ×1", so "not in full" says what is missing at a glance.
            var missing = string.Join(", ", f.Shortfalls.GroupBy(x => x.Role, StringComparer.Ordinal).Select(g => $"{g.Key} ×{g.Count().ToString(C)}"));
            items.Add(L(new Strong("Can the coalition field it? "), f.IsFilled ? "Yes: " : fill.FilledSlots > 0 ? "Not in full: " : "No: ", "it fills ", N($"{Fg}.fill.filled_slots", fill.FilledSlots), " of ",
                N($"{Fg}.fill.slots", fill.Slots), " slots with ", N($"{Fg}.fill.personnel", fill.Personnel), " personnel from ",
                N($"{Fg}.breadth.nations", f.Breadth.Nations), f.Us.Units.Count > 0 ? " coalition nations and the US backstop" : " nations",
                f.IsFilled || fill.FilledSlots == 0 ? "." : $"; short: {missing}."));
            if (DeploymentBullet(r) is { } arrives) items.Add(arrives);
            var shares = f.ShareChecks.Select((c, i) => (c, i)).Where(x => x.c.Enforced).ToArray();
            if (shares.Length > 0)
            {
                var parts = new List<object?> { new Strong("80 % checks: ") };
                foreach (var (c, i) in shares)
                {
                    if (parts.Count > 1) parts.Add("; ");
                    if (c.Share is not { } share) parts.Add($"{Measure(c.Measure)} {NothingDeployed}");
                    else parts.AddRange([$"{Measure(c.Measure)} ", N($"{Fg}.share_checks[{i}].share", share, NumFormat.Pct), " (needs ",
                        N($"{Fg}.share_checks[{i}].threshold", c.Threshold, NumFormat.Pct), ") ", c.Holds == true ? "holds" : "FAILS"]);
                }
                parts.Add(".");
                items.Add(L([.. parts]));
            }
            items.Add(L(new Strong("US backstop: "), N($"{Fg}.us.personnel", f.Us.Personnel), " US personnel; net change of US personnel in Europe ",
                N($"{Fg}.us.net_change", f.Us.NetChange, NumFormat.Int), f.Us.NoNetIncreaseHolds ? ": no net increase." : ": a NET INCREASE."));
            var lead = f.Burden.Select((x, i) => (x, i)).Where(x => x.x.ShareOfForce is not null).OrderByDescending(x => x.x.ShareOfForce).FirstOrDefault();
            var gap = f.Burden.Select((x, i) => (x, i)).FirstOrDefault(x => x.x.Nation == f.Fairness.MaxGapNation && x.x.GapToGdp is not null);
            if (lead.x is not null && gap.x is not null)
                items.Add(L(new Strong("Who carries the burden: "), $"{lead.x.Name} sends ", N($"{Fg}.burden[{lead.i}].share_of_force", lead.x.ShareOfForce, NumFormat.Pct),
                    " of the coalition's personnel (", N($"{Fg}.burden[{lead.i}].share_of_gdp", lead.x.ShareOfGdp, NumFormat.Pct), " of its GDP); furthest from its GDP share is ",
                    $"{gap.x.Name} (", N($"{Fg}.burden[{gap.i}].gap_to_gdp", gap.x.GapToGdp, NumFormat.Pp), "); Jain index ", N($"{Fg}.fairness.jain_index", f.Fairness.JainIndex, NumFormat.D2),
                    " (1 = every nation in proportion to its GDP)."));
            items.Add(f.BindingRules.Count == 0
                ? L(new Strong("What binds: "), f.IsFilled ? "nothing — the requirement is filled." : "no single rule; see the shortfalls.")
                : L(new Strong("What binds: "), string.Join("; ", f.BindingRules.Select(b => b.Text)), "."));
            if (f.Suggestions.Count > 0)
            {
                var s = f.Suggestions[0];
                items.Add(L(new Strong("What would close the gap first: "), s.Text, " (", N($"{Fg}.suggestions[0].slots_gained", s.SlotsGained), s.SlotsGained == 1 ? " more slot" : " more slots",
                    s.FillsRequirement ? ", fills the requirement" : "", ")."));
            }
        }
        else items.Add(L(new Strong("Can the coalition field it? "), Status(r, PlanResult.ForceGenerationStage), "."));
        if (SustainmentBullet(r) is { } held) items.Insert(Math.Min(DeploymentBullet(r) is null ? 1 : 2, items.Count), held);

        if (r.Balance is { } b)
        {
            var w = b.Result.WithCoalition;
            var wo = b.Result.WithoutCoalition;
            var tw = Summary(w, Metrics.Territory.Id);
            var two = Summary(wo, Metrics.Territory.Id);
            items.Add(L(new Strong("What it changes: "), "deterrence holds (Russia's cost per km² reaches the threshold) in ",
                N($"{Bal}.with_coalition.probabilities.deterrence_holds", w.Probabilities.DeterrenceHolds, NumFormat.Pct), " of campaigns with the coalition against ",
                N($"{Bal}.without_coalition.probabilities.deterrence_holds", wo.Probabilities.DeterrenceHolds, NumFormat.Pct), " without",
                Difference(Bal, b.Result.Deterrence, " (run by run, ", ", 95 % confidence)"), "; median territory lost in ",
                N($"{Bal}.with_coalition.days", w.Days), " days ", N($"{Bal}.with_coalition.summaries[{tw.Index}].p50", tw.S.P50), " km² with, ",
                N($"{Bal}.without_coalition.summaries[{two.Index}].p50", two.S.P50), " km² without."));
        }
        else items.Add(L(new Strong("What it changes: "), Status(r, PlanResult.BalanceStage), "."));

        if (r.Geography is { } g)
        {
            var a = g.Result.AirDefence;
            items.Add(L(new Strong("Where it stands: "), "at least ", N($"{Geo}.standoff_km", g.Result.StandoffKm), " km from the line of contact; its air defence covers ",
                N($"{Geo}.air_defence.share_covered", a.ShareCovered, NumFormat.Pct), " of the people in the listed Kyiv-held cities; it frees ",
                N($"{Geo}.freed_forces.ukrainian_brigades", g.Result.FreedForces.UkrainianBrigades, NumFormat.D1), " Ukrainian brigades for the front."));
        }
        if (DurabilityBullet(r) is { } durability) items.Add(durability);
        return new Section("bluf", Title("bluf"), [new Bullets(items)]);
    }

    /// <summary>"+1.8 pp ± 0.7 pp" between <paramref name="lead"/> and <paramref name="tail"/>, or nothing when the result has no paired difference.</summary>
    private static IReadOnlyList<Inline> Difference(string path, DeterrenceResult d, string lead, string tail = " (95 % confidence)") =>
        d.HoldsDifference is { } diff && d.HoldsDifferenceMargin95 is { } margin
            ? L(lead, N($"{path}.deterrence.holds_difference", diff, NumFormat.Pp), " ± ", N($"{path}.deterrence.holds_difference_margin95", margin, NumFormat.PpMargin), tail)
            : [];

    private static (Summary S, int Index) Summary(EnsembleResult e, string metric)
    {
        var i = e.Summaries.Select((s, k) => (s, k)).FirstOrDefault(x => x.s.Metric == metric);
        return i.s is null ? (new Summary(metric, "", double.NaN, double.NaN, double.NaN, double.NaN), 0) : (i.s, i.k);
    }

    private static string Measure(ShareMeasure m) => m switch
    {
        ShareMeasure.Personnel => "personnel",
        ShareMeasure.EquipmentCount => "major end items",
        _ => "combat value",
    };

    private static Section ForcePackage(PlanResult r, bool charts)
    {
        if (r.ForceGeneration is not { } f) return new Section("force-package", Title("force-package"), [Missing(r, PlanResult.ForceGenerationStage)]);
        var s = f.Solver;
        var blocks = new List<Block>
        {
            P("Filled ", N($"{Fg}.fill.filled_slots", f.Fill.FilledSlots), " of ", N($"{Fg}.fill.slots", f.Fill.Slots), " slots (",
                N($"{Fg}.fill.weighted_fill", f.Fill.WeightedFill, NumFormat.D1), " of ", N($"{Fg}.fill.weighted_demand", f.Fill.WeightedDemand, NumFormat.D1),
                " weighted): ", N($"{Fg}.fill.personnel", f.Fill.Personnel), " personnel, ", N($"{Fg}.fill.major_equipment", f.Fill.MajorEquipment),
                " major end items, combat value ", N($"{Fg}.fill.combat_value", f.Fill.CombatValue, NumFormat.D1), "."),
            P($"Solver: CP-SAT {s.Status}", s.ProvenOptimal ? " (proven optimal)" : " (not proven optimal)", s.Stopped ? ", stopped early" : "", "; objective ",
                N($"{Fg}.solver.objective", s.Objective, NumFormat.D2), ", bound ", N($"{Fg}.solver.bound", s.Bound, NumFormat.D2), "; greedy baseline ",
                N($"{Fg}.solver.greedy_objective", s.GreedyObjective, NumFormat.D2), " (", N($"{Fg}.solver.greedy_filled_slots", s.GreedyFilledSlots), $" slots); plan from {s.Source}."),
        };
        blocks.Add(new Table("By nation", ["nation", "stance", "units", "personnel", "major end items", "combat value", "slots"],
            f.Burden.Select((b, i) => Row($"{b.Nation} ({b.Name})", b.Stance.ToCode(), N($"{Fg}.burden[{i}].units", b.Units), N($"{Fg}.burden[{i}].personnel", b.Personnel),
                N($"{Fg}.burden[{i}].major_equipment", b.MajorEquipment), N($"{Fg}.burden[{i}].combat_value", b.CombatValue, NumFormat.D1),
                string.Join(", ", f.Assignments.Where(a => a.Nation == b.Nation).GroupBy(a => a.Role).Select(g => $"{g.Key} ×{g.Count()}")))).ToArray()));
        blocks.Add(new Table("By division and formation", ["formation", "template", "framework nation", "nations", "slots filled", "slots"],
            f.Formations.Select((x, i) => Row(x.Formation, x.Template, x.FrameworkNation ?? "none", string.Join(" ", x.Nations),
                N($"{Fg}.formations[{i}].filled_slots", x.FilledSlots), N($"{Fg}.formations[{i}].slots", x.Slots))).ToArray()));
        blocks.Add(new Table("Every slot and its unit", ["slot", "unit", "nation", "kind", "personnel", "major end items", "annual cost (USD m)"],
            f.Assignments.Select((a, i) => Row(a.Slot, $"{a.UnitName} ({a.Unit})", a.Nation, $"{a.Kind.ToCode()} {a.Type}", N($"{Fg}.assignments[{i}].personnel", a.Personnel),
                N($"{Fg}.assignments[{i}].major_equipment", a.MajorEquipment), N($"{Fg}.assignments[{i}].annual_cost_usd", a.AnnualCostUsd, NumFormat.Millions))).ToArray(), Collapsed: true));
        if (f.Shortfalls.Count > 0)
            blocks.Add(new Table("Shortfalls: what is missing and why", ["slot", "candidates", "why", "binding rules"],
                f.Shortfalls.Select((x, i) => Row(x.Slot, N($"{Fg}.shortfalls[{i}].candidates", x.Candidates),
                    string.Join("; ", x.Reasons.Select(y => $"{y.Units.ToString(C)}: {y.Text}")), string.Join("; ", x.BindingRules.Select(y => y.Text)))).ToArray()));
        else blocks.Add(P("No shortfalls: every slot is filled."));
        if (f.Suggestions.Count > 0)
        {
            blocks.Add(new Table("What would close the gap (each a `--what-if` of `resolute source`)", ["what-if", "change", "slots gained", "fills all"],
                f.Suggestions.Select((x, i) => Row(x.Edit.Text, x.Text, N($"{Fg}.suggestions[{i}].slots_gained", x.SlotsGained), Yes(x.FillsRequirement))).ToArray()));
            // A stance what-if can be planned in full through the scenario.
            if (f.Suggestions.Select(x => x.Edit).OfType<SetStance>().FirstOrDefault() is { } stance)
                blocks.Add(P("To plan in full with a changed stance, add it to the scenario, e.g. ", new Code($"stance_overrides: {{{stance.Nation}: {stance.Level.ToCode()}}}"),
                    ": the scenario's stance takes the place of the dataset's, which stays as cited."));
        }
        if (charts && f.Burden.Count > 0)
            blocks.Add(new Chart("contributions", "Each nation's share of the force by personnel, major end items and combat value; the dashed line is the Europe-and-Canada threshold.", Charts.Contributions(f)));
        return new Section("force-package", Title("force-package"), blocks);
    }

    private static Section Burden(PlanResult r, bool charts)
    {
        if (r.ForceGeneration is not { } f) return new Section("burden", Title("burden"), [Missing(r, PlanResult.ForceGenerationStage)]);
        var blocks = new List<Block>
        {
            new Table("Burden by nation", ["nation", "stance", "personnel", "major end items", "annual cost (USD m)", "% of defence budget", "share of the coalition's personnel", "share of its GDP", "share of its defence spending", "force − GDP share"],
                f.Burden.Select((b, i) => Row(b.Nation, b.Stance.ToCode(), N($"{Fg}.burden[{i}].personnel", b.Personnel), N($"{Fg}.burden[{i}].major_equipment", b.MajorEquipment),
                    N($"{Fg}.burden[{i}].annual_cost_usd", b.AnnualCostUsd, NumFormat.Millions), N($"{Fg}.burden[{i}].cost_pct_of_defence", b.CostPctOfDefence, NumFormat.D1),
                    N($"{Fg}.burden[{i}].share_of_force", b.ShareOfForce, NumFormat.Pct), N($"{Fg}.burden[{i}].share_of_gdp", b.ShareOfGdp, NumFormat.Pct),
                    N($"{Fg}.burden[{i}].share_of_defence", b.ShareOfDefence, NumFormat.Pct), N($"{Fg}.burden[{i}].gap_to_gdp", b.GapToGdp, NumFormat.Pp))).ToArray()),
            P("Shares compare the coalition's nations with one another: the US backstop is bounded by its own rules (posture in Europe, no net increase), not by GDP, so its personnel and GDP are left out of both sides and its row shows n/a."),
            P("Fairness among the coalition: Jain index ", N($"{Fg}.fairness.jain_index", f.Fairness.JainIndex, NumFormat.D2), " (1 = every nation in proportion to its GDP); largest gap ",
                N($"{Fg}.fairness.max_gap_to_gdp", f.Fairness.MaxGapToGdp, NumFormat.Pct), f.Fairness.MaxGapNation is { } n ? $" ({n})." : "."),
        };
        if (charts && f.Burden.Count > 0)
            blocks.Add(new Chart("burden", "Each coalition nation's share of the coalition's personnel against its share of the coalition's GDP (the US backstop is not plotted); above the diagonal a nation carries more than its economic weight.", Charts.BurdenVsGdp(f)));
        return new Section("burden", Title("burden"), blocks);
    }

    private static Section Checks(PlanResult r)
    {
        if (r.ForceGeneration is not { } f) return new Section("checks", Title("checks"), [Missing(r, PlanResult.ForceGenerationStage)]);
        var u = f.Us;
        var blocks = new List<Block>
        {
            new Table("Group-share checks", ["measure", "group", "share", "threshold", "margin", "required by the scenario", "holds"],
                f.ShareChecks.Select((c, i) => Row(Measure(c.Measure), c.Group.ToCode(), c.Share is { } share ? N($"{Fg}.share_checks[{i}].share", share, NumFormat.Pct) : "n/a",
                    N($"{Fg}.share_checks[{i}].threshold", c.Threshold, NumFormat.Pct), c.Margin is { } margin ? N($"{Fg}.share_checks[{i}].margin", margin, NumFormat.Pp) : "n/a",
                    Yes(c.Enforced), c.Status switch { ShareStatus.NotApplicable => NothingDeployed, ShareStatus.Holds => "yes", _ => "NO" })).ToArray()),
            new Table("US backstop", ["check", "value"],
            [
                Row("US backstop rule", u.Enabled ? "on: " + string.Join(", ", u.AllowedKinds.Select(k => k.ToCode())) : "off"),
                Row("US units in the plan", u.Units.Count == 0 ? "none" : string.Join(" ", u.Units)),
                Row("US personnel deployed", N($"{Fg}.us.personnel", u.Personnel)),
                Row("US share of the force's personnel", N($"{Fg}.us.share_of_personnel", u.ShareOfPersonnel, NumFormat.Pct)),
                Row("US personnel in Europe before", N($"{Fg}.us.posture_in_europe_before", u.PostureInEuropeBefore)),
                Row("backfill from outside Europe", N($"{Fg}.us.backfill", u.Backfill)),
                Row("US personnel in Europe after", N($"{Fg}.us.posture_in_europe_after", u.PostureInEuropeAfter)),
                Row("net change", N($"{Fg}.us.net_change", u.NetChange)),
                Row("no net increase", u.NoNetIncreaseHolds ? "holds" : "FAILS", u.NoNetIncrease ? " (required)" : " (not required)"),
                Row("only allowed kinds", u.KindsHold ? "holds" : "FAILS"),
            ]),
            P("Coalition breadth: ", N($"{Fg}.breadth.nations", f.Breadth.Nations), " of ", N($"{Fg}.breadth.eligible_nations", f.Breadth.EligibleNations),
                " eligible coalition nations contribute (", string.Join(" ", f.Breadth.Contributors), f.Us.Units.Count > 0 ? "; the US backstop is not counted)." : ")."),
        };
        if (f.SingleRotation.Count > 0)
            blocks.Add(P("Single rotation only (accepted by the scenario): ", string.Join(", ", f.SingleRotation.Select(x => $"{x.Nation} {x.Kind.ToCode()} {x.Deployed.ToString(C)} of {x.Pool.ToString(C)} (ratio {x.Ratio.ToString(C)})")), "."));
        return new Section("checks", Title("checks"), blocks);
    }

    private static Section Geography(PlanResult r)
    {
        if (r.Geography is not { } section) return new Section("geography", Title("geography"), [Missing(r, PlanResult.GeographyStage)]);
        var g = section.Result;
        var a = g.AirDefence;
        var blocks = new List<Block>
        {
            P($"Front line: {g.TheatreSource} as of {g.TheatreAsOf:yyyy-MM-dd}, ", N($"{Geo}.front_length_km", g.FrontLengthKm), " km. Kyiv-controlled territory ",
                N($"{Geo}.controlled_area_km2", g.ControlledAreaKm2), " km² (occupied ", N($"{Geo}.occupied_area_km2", g.OccupiedAreaKm2), " km²). Stand-off ",
                N($"{Geo}.standoff_km", g.StandoffKm), " km from the line of contact leaves deployment areas of ", N($"{Geo}.deployment_area_km2", g.DeploymentAreaKm2),
                " km² in ", N($"{Geo}.deployment_area_parts", g.DeploymentAreaParts), " parts."),
            P("Air and missile defence covers ", N($"{Geo}.air_defence.population_covered", a.PopulationCovered), " of ", N($"{Geo}.air_defence.controlled_population", a.ControlledPopulation),
                " people in the listed Kyiv-held cities (", N($"{Geo}.air_defence.share_covered", a.ShareCovered, NumFormat.Pct), "), choosing among ",
                N($"{Geo}.air_defence.candidate_sites", a.CandidateSites), $" candidate sites (CP-SAT {a.SolverStatus}). The coalition frees ",
                N($"{Geo}.freed_forces.ukrainian_brigades", g.FreedForces.UkrainianBrigades, NumFormat.D1), " Ukrainian brigades (", N($"{Geo}.freed_forces.coalition_brigades", g.FreedForces.CoalitionBrigades),
                " coalition brigades × ", N($"{Geo}.freed_forces.per_brigade", g.FreedForces.PerBrigade, NumFormat.D2), "). Units from: ", section.Force, "."),
            new MapBlock(),
        };
        blocks.AddRange(GeographyPlacement(g));
        blocks.AddRange(new Block[]
        {
            new Table("Threat zones (reach from the line of contact)", ["category", "longest-range system", "range (km)", "stand-off", "Kyiv-held area in reach (km²)", "city population in reach"],
                g.ThreatZones.Select((z, i) => Row(z.Category.ToCode(), z.System, N($"{Geo}.threat_zones[{i}].range_km", z.RangeKm), Yes(z.Standoff),
                    N($"{Geo}.threat_zones[{i}].controlled_area_km2", z.ControlledAreaKm2), N($"{Geo}.threat_zones[{i}].city_population_in_reach", z.CityPopulationInReach))).ToArray()),
            new Table("Cities and air-defence cover", ["city", "oblast", "population", "Kyiv-held", "km to front", "exposure", "covered", "covered by"],
                a.Cities.Select((c, i) => Row(c.Name, c.Oblast, N($"{Geo}.air_defence.cities[{i}].population", c.Population), Yes(c.Controlled),
                    N($"{Geo}.air_defence.cities[{i}].distance_to_front_km", c.DistanceToFrontKm), N($"{Geo}.air_defence.cities[{i}].exposure", c.Exposure, NumFormat.Pct),
                    c.Covered ? "yes" : "no", string.Join(" ", c.CoveredBy))).ToArray()),
            new Table("Unit positions", ["unit", "nation", "kind", "SIDC (APP-6 D)", "km to front", "lat", "lon", "assignment"],
                g.Units.Select((x, i) => Row($"{x.Name} ({x.UnitId})", x.Nation, $"{x.Kind.ToCode()} {x.Type}", new Code(x.Sidc),
                    x.DistanceToFrontKm is null ? "" : N($"{Geo}.units[{i}].distance_to_front_km", x.DistanceToFrontKm),
                    x.Position is { } p ? N($"{Geo}.units[{i}].position.lat", p.Lat, NumFormat.D3) : "", x.Position is { } q ? N($"{Geo}.units[{i}].position.lon", q.Lon, NumFormat.D3) : "",
                    x.Assignment)).ToArray(), Collapsed: true),
            new Table("Air-defence fire units", ["unit", "system", "radius (km)", "site", "km to front", "cities covered"],
                a.Batteries.Select((b, i) => Row(b.UnitId, b.System, N($"{Geo}.air_defence.batteries[{i}].radius_km", b.RadiusKm), b.Site,
                    b.DistanceToFrontKm is null ? "" : N($"{Geo}.air_defence.batteries[{i}].distance_to_front_km", b.DistanceToFrontKm),
                    (b.CitiesCovered.Count == 0 ? "none" : string.Join(", ", b.CitiesCovered)) + (b.AddsCoverage ? "" : " (second layer)"))).ToArray()),
            new Table("One more battery", ["system", "radius (km)", "extra people covered", "extra share"],
                a.MarginalGains.Select((m, i) => Row(m.System, N($"{Geo}.air_defence.marginal_gains[{i}].radius_km", m.RadiusKm),
                    N($"{Geo}.air_defence.marginal_gains[{i}].additional_population", m.AdditionalPopulation), N($"{Geo}.air_defence.marginal_gains[{i}].additional_share", m.AdditionalShare, NumFormat.Pct))).ToArray()),
        });
        return new Section("geography", Title("geography"), blocks);
    }

    private static readonly (string Metric, string Label)[] Headline = new[]
    {
        Metrics.Territory, Metrics.RussianCasualties, Metrics.UkrainianCasualties, Metrics.RussianCasualtiesPerDay, Metrics.UkrainianCasualtiesPerDay,
        Metrics.RussianCostPerKm2, Metrics.CitiesReached,
    }.Select(m => (m.Id, m.Label)).ToArray();

    private static Section Balance(PlanResult r, bool charts)
    {
        if (r.Balance is not { } section) return new Section("balance", Title("balance"), [Missing(r, PlanResult.BalanceStage)]);
        var b = section.Result;
        var w = b.WithCoalition;
        var wo = b.WithoutCoalition;
        var blocks = new List<Block>
        {
            P("Monte Carlo: ", N($"{Bal}.with_coalition.completed", w.Completed), " campaigns × ", N($"{Bal}.with_coalition.days", w.Days), " days × ",
                N($"{Bal}.with_coalition.sectors", w.Sectors), $" sectors for each case, {w.Law.ToString().ToLowerInvariant()} law, master seed ",
                N($"{Bal}.with_coalition.seed", w.Seed, NumFormat.Plain), w.Partial ? " (PARTIAL: stopped early)" : "",
                "; the two cases share their random numbers, so the difference is the coalition's. Coalition: ", section.Coalition, "."),
            P("What the model can and cannot show: the force stands back from the line, so here it acts through the Ukrainian brigades it frees and small cuts to Russian combat power from its long-range strike and aircraft. ",
                "It does not represent the political signal or the tripwire the offer counts on, so these figures bound the force's battlefield effect, not its deterrent value."),
            new Table("Outcome probabilities", ["outcome", "with the coalition", "without"],
            [
                Row("deterrence holds (cost per km² at or above the threshold)", N($"{Bal}.with_coalition.probabilities.deterrence_holds", w.Probabilities.DeterrenceHolds, NumFormat.Pct),
                    N($"{Bal}.without_coalition.probabilities.deterrence_holds", wo.Probabilities.DeterrenceHolds, NumFormat.Pct)),
                Row("a defended city is reached", N($"{Bal}.with_coalition.probabilities.city_reached", w.Probabilities.CityReached, NumFormat.Pct),
                    N($"{Bal}.without_coalition.probabilities.city_reached", wo.Probabilities.CityReached, NumFormat.Pct)),
                Row("a sector is broken through", N($"{Bal}.with_coalition.probabilities.breakthrough", w.Probabilities.Breakthrough, NumFormat.Pct),
                    N($"{Bal}.without_coalition.probabilities.breakthrough", wo.Probabilities.Breakthrough, NumFormat.Pct)),
                Row("Russia's force shrinks", N($"{Bal}.with_coalition.probabilities.russian_force_shrinks", w.Probabilities.RussianForceShrinks, NumFormat.Pct),
                    N($"{Bal}.without_coalition.probabilities.russian_force_shrinks", wo.Probabilities.RussianForceShrinks, NumFormat.Pct)),
            ]),
            P("What the coalition changes in P(deterrence holds), run by run: each campaign is run twice on the same random numbers, with and without the coalition, so the difference is measured on pairs",
                Difference(Bal, b.Deterrence, ": ") is { Count: > 0 } d ? d : L(": not available for this result (its ensembles were not run on the same seeds)"), "."),
            new Table("Deterrence: the Russian cost of ground", ["measure", "with the coalition", "without"],
            [
                Row("expected casualties per km² gained", N($"{Bal}.deterrence.cost_per_km2_with", b.Deterrence.CostPerKm2With), N($"{Bal}.deterrence.cost_per_km2_without", b.Deterrence.CostPerKm2Without)),
                Row("equipment items lost per km² (median)", N($"{Bal}.deterrence.equipment_per_km2_with", b.Deterrence.EquipmentPerKm2With, NumFormat.D2), N($"{Bal}.deterrence.equipment_per_km2_without", b.Deterrence.EquipmentPerKm2Without, NumFormat.D2)),
                Row("combat days per 100 km² (median)", N($"{Bal}.deterrence.days_per100_km2_with", b.Deterrence.DaysPer100Km2With, NumFormat.D1), N($"{Bal}.deterrence.days_per100_km2_without", b.Deterrence.DaysPer100Km2Without, NumFormat.D1)),
            ]),
        };
        blocks.AddRange(AcrossScenarios(r, section, charts));
        var rows = new List<IReadOnlyList<IReadOnlyList<Inline>>>();
        foreach (var (metric, label) in Headline)
        {
            var (sw, iw) = Summary(w, metric);
            var (so, io) = Summary(wo, metric);
            var f = Math.Abs(sw.P50) < 10 ? NumFormat.D2 : NumFormat.Int;
            rows.Add(Row($"{label} ({sw.Unit})",
                N($"{Bal}.with_coalition.summaries[{iw}].p10", sw.P10, f), N($"{Bal}.with_coalition.summaries[{iw}].p50", sw.P50, f), N($"{Bal}.with_coalition.summaries[{iw}].p90", sw.P90, f),
                N($"{Bal}.without_coalition.summaries[{io}].p10", so.P10, f), N($"{Bal}.without_coalition.summaries[{io}].p50", so.P50, f), N($"{Bal}.without_coalition.summaries[{io}].p90", so.P90, f)));
        }
        blocks.Add(new Table("End of the campaign: P10 / P50 / P90", ["outcome", "with P10", "with P50", "with P90", "without P10", "without P50", "without P90"], rows));
        if (charts)
        {
            blocks.Add(new Chart("band-territory", "Territory gained by Russia: median and P10–P90 band, with and without the coalition.", Charts.Bands(b, Metrics.Territory.Id, "Territory gained by Russia", "Territory (km²)", "band-territory")));
            blocks.Add(new Chart("band-ukr-casualties", "Ukrainian casualties, cumulative: median and P10–P90 band.", Charts.Bands(b, Metrics.UkrainianCasualties.Id, "Ukrainian casualties (cumulative)", "Casualties (persons)", "band-ukr-casualties")));
            blocks.Add(new Chart("band-rus-casualties", "Russian casualties, cumulative: median and P10–P90 band.", Charts.Bands(b, Metrics.RussianCasualties.Id, "Russian casualties (cumulative)", "Casualties (persons)", "band-rus-casualties")));
        }
        blocks.Add(new Table("Correlation of forces by sector (base case; Russian : Ukrainian combat power)", ["sector", "Russian at start", "Ukrainian at start", "ratio at start", "ratio at end", "advance (km)"],
            b.Sectors.Select((x, i) => Row(N($"{Bal}.sectors[{i}].sector", x.Sector, NumFormat.Plain), N($"{Bal}.sectors[{i}].russian_start", x.RussianStart), N($"{Bal}.sectors[{i}].ukrainian_start", x.UkrainianStart),
                N($"{Bal}.sectors[{i}].power_ratio_start", x.PowerRatioStart, NumFormat.D2), N($"{Bal}.sectors[{i}].power_ratio_end", x.PowerRatioEnd, NumFormat.D2), N($"{Bal}.sectors[{i}].depth_km", x.DepthKm, NumFormat.D1))).ToArray()));
        if (b.CoalitionScore is { } s)
            blocks.Add(P("Coalition force score: ", N($"{Bal}.coalition_score.units", s.Units), " units, ", N($"{Bal}.coalition_score.personnel", s.Personnel), " personnel, WUV ",
                N($"{Bal}.coalition_score.wuv", s.Wuv), " = ", N($"{Bal}.coalition_score.ade", s.Ade, NumFormat.D2), " armoured-division equivalents."));
        return new Section("balance", Title("balance"), blocks);
    }

    /// <summary>
    /// This scenario and every compared one (the US paths by default), all with the same sourced coalition: outcome
    /// probabilities, deterrence, and end-of-campaign territory and casualty ranges.
    /// </summary>
    private static IEnumerable<Block> AcrossScenarios(PlanResult r, PlanResult.BalanceSection section, bool charts)
    {
        if (section.AcrossScenarios is not { Count: > 0 } others)
        {
            yield return P("Across scenarios: not computed — no other scenario was compared with this one (`resolute plan` compares the US paths by default; `resolute simulate --all` compares the bundled scenarios).");
            yield break;
        }
        const string Across = "balance.across_scenarios";
        var cases = new List<(string Label, string Name, string Path, BalanceResult Result)> { (r.Scenario.Id, r.Scenario.Name + " (this plan)", Bal, section.Result) };
        cases.AddRange(others.Select((o, i) => (o.Scenario, o.Name, $"{Across}[{i}].result", o.Result)));
        yield return P("The same coalition, as sourced and placed above, under each scenario's assumptions (aid, sanctions, ceasefire, Russian recruitment …); each row is two ensembles of ",
            N($"{Bal}.with_coalition.completed", section.Result.WithCoalition.Completed), " campaigns, with and without the coalition.");
        yield return new Table("Across scenarios: outcome probabilities and deterrence", ["scenario", "deterrence holds, with", "without", "difference, run by run (95 %)", "a defended city is reached, with", "without", "Russian casualties per km², with", "without"],
            cases.Select(c => Row(c.Name,
                N($"{c.Path}.with_coalition.probabilities.deterrence_holds", c.Result.WithCoalition.Probabilities.DeterrenceHolds, NumFormat.Pct),
                N($"{c.Path}.without_coalition.probabilities.deterrence_holds", c.Result.WithoutCoalition.Probabilities.DeterrenceHolds, NumFormat.Pct),
                Difference(c.Path, c.Result.Deterrence, "", "") is { Count: > 0 } d ? d : L("n/a"),
                N($"{c.Path}.with_coalition.probabilities.city_reached", c.Result.WithCoalition.Probabilities.CityReached, NumFormat.Pct),
                N($"{c.Path}.without_coalition.probabilities.city_reached", c.Result.WithoutCoalition.Probabilities.CityReached, NumFormat.Pct),
                N($"{c.Path}.deterrence.cost_per_km2_with", c.Result.Deterrence.CostPerKm2With),
                N($"{c.Path}.deterrence.cost_per_km2_without", c.Result.Deterrence.CostPerKm2Without))).ToArray());
        foreach (var (metric, label) in new[] { Metrics.Territory, Metrics.RussianCasualties, Metrics.UkrainianCasualties }.Select(m => (m.Id, m.Label)))
        {
            yield return new Table($"Across scenarios: {label} at the end of the campaign, P10 / P50 / P90", ["scenario", "with P10", "with P50", "with P90", "without P10", "without P50", "without P90"],
                cases.Select(c =>
                {
                    var (sw, iw) = Summary(c.Result.WithCoalition, metric);
                    var (so, io) = Summary(c.Result.WithoutCoalition, metric);
                    return Row($"{c.Name} ({sw.Unit})",
                        N($"{c.Path}.with_coalition.summaries[{iw}].p10", sw.P10), N($"{c.Path}.with_coalition.summaries[{iw}].p50", sw.P50), N($"{c.Path}.with_coalition.summaries[{iw}].p90", sw.P90),
                        N($"{c.Path}.without_coalition.summaries[{io}].p10", so.P10), N($"{c.Path}.without_coalition.summaries[{io}].p50", so.P50), N($"{c.Path}.without_coalition.summaries[{io}].p90", so.P90));
                }).ToArray());
        }
        if (charts)
        {
            var ranges = cases.Select(c => (c.Label, c.Result)).ToList();
            yield return new Chart("scenarios-territory", "Territory gained by Russia at the end of the campaign, per scenario: P10–P90 and median, with and without the coalition.",
                Charts.ScenarioRanges(ranges, Metrics.Territory.Id, "Territory gained by Russia, by scenario", "Territory at the end (km²)", "scenarios-territory"));
            yield return new Chart("scenarios-rus-casualties", "Russian casualties at the end of the campaign, per scenario: P10–P90 and median, with and without the coalition.",
                Charts.ScenarioRanges(ranges, Metrics.RussianCasualties.Id, "Russian casualties, by scenario", "Casualties at the end (persons)", "scenarios-rus-casualties"));
        }
    }

    private static string OutputName(SensitivityOutput o) => o switch
    {
        SensitivityOutput.TerritoryKm2 => "territory gained by Russia (km²)",
        SensitivityOutput.RussianCostPerKm2 => "Russian casualties per km² gained",
        _ => "Russian casualties per combat day",
    };

    private static Section SensitivitySection(PlanResult r, bool charts)
    {
        if (r.Balance is not { } section) return new Section("sensitivity", Title("sensitivity"), [Missing(r, PlanResult.BalanceStage)]);
        var blocks = new List<Block>();
        if (section.Tornado.Count == 0 && section.Sobol.Count == 0) blocks.Add(new NotComputed("not computed: sensitivity was switched off for this run"));
        for (var j = 0; j < section.Tornado.Count; j++)
        {
            var t = section.Tornado[j];
            if (charts && j == 0)
                blocks.Add(new Chart("tornado", $"Tornado: {OutputName(t.Output)} with each assumption at its P10 and P90, all others at base; widest swing at the top.", Charts.Tornado(t, OutputName(t.Output))));
            var path = $"balance.tornado[{j}]";
            blocks.Add(new Table($"Tornado: {OutputName(t.Output)} (base {t.Base.ToString("#,0.#", C)}; {t.RunsPerPoint.ToString(C)} campaigns per point)",
                ["assumption", "P10", "output at P10", "P90", "output at P90", "swing"],
                t.Bars.Take(10).Select((x, i) => Row(x.Parameter, N($"{path}.bars[{i}].low", x.Low, Fmt(x.Low)), N($"{path}.bars[{i}].output_low", x.OutputLow, NumFormat.D1),
                    N($"{path}.bars[{i}].high", x.High, Fmt(x.High)), N($"{path}.bars[{i}].output_high", x.OutputHigh, NumFormat.D1), N($"{path}.bars[{i}].swing", x.Swing, NumFormat.D1))).ToArray(), Collapsed: j > 0));
        }
        for (var j = 0; j < section.Sobol.Count; j++)
        {
            var s = section.Sobol[j];
            var path = $"balance.sobol[{j}]";
            blocks.Add(new Table($"Sobol indices: {OutputName(s.Output)} (N = {s.BaseSamples.ToString(C)}, {s.Runs.ToString("#,0", C)} campaigns; ± 95 % bootstrap half-width)",
                ["assumption", "S1 (first order)", "± S1", "ST (total; ST − S1 measures interactions)", "± ST"],
                s.Indices.Take(10).Select((x, i) => Row(x.Parameter, N($"{path}.indices[{i}].s1", x.S1, NumFormat.D3), N($"{path}.indices[{i}].s1_conf", x.S1Conf, NumFormat.D3),
                    N($"{path}.indices[{i}].st", x.ST, NumFormat.D3), N($"{path}.indices[{i}].st_conf", x.STConf, NumFormat.D3))).ToArray(), Collapsed: j > 0));
        }
        return new Section("sensitivity", Title("sensitivity"), blocks);
    }

    private static NumFormat Fmt(double v) => Math.Abs(v) >= 100 ? NumFormat.Int : Math.Abs(v) >= 1 ? NumFormat.D2 : NumFormat.D3;

    private static Section Assumptions(PlanResult r)
    {
        var blocks = new List<Block>
        {
            new Table("Scenario assumptions (inputs of the campaign model)", ["id", "value", "unit", "distribution (range)", "reference"],
                r.Assumptions.Select((a, i) => Row(a.Id, N($"assumptions[{i}].value", a.Value, Fmt(a.Value)), a.Unit, a.Distribution, a.Reference)).ToArray()),
            new Bullets(r.Rules.Select(x => L(x)).ToArray()),
        };
        if (r.ForceGeneration is { } f && f.Assumptions.Count > 0)
            blocks.Add(new Table("Force-generation model assumptions", ["id", "what", "value", "unit", "reference"],
                f.Assumptions.Select((a, i) => Row(a.Id, a.Description, N($"{Fg}.assumptions[{i}].value", a.Value, Fmt(a.Value)), a.Unit, a.Reference + (a.FromScenario ? " (scenario)" : ""))).ToArray()));
        if (r.Geography is { } g)
            blocks.Add(new Bullets([L("Placement rule: ", g.Result.PlacementRule), .. g.Result.Notes.Select(n => L(n))]));
        return new Section("assumptions", Title("assumptions"), blocks);
    }

    private static Section Sources(PlanResult r)
    {
        var blocks = new List<Block>
        {
            P("Every dataset row this plan used (nations, stances, deployed units with their holdings and equipment, cities, threats, the front line) cites one of these ",
                N("sources.length", r.Sources.Count), " sources."),
            new Table("Sources", ["source", "title", "publisher", "accessed", "rows used", "rows describe"],
                r.Sources.Select(s => Row(s.Id, s.Address.Length > 0 ? $"{s.Title} <{s.Address}>" : s.Title, s.Publisher, s.Accessed?.ToString("yyyy-MM-dd", C) ?? "",
                    s.Rows.Count.ToString(C), DateRange(s.Rows))).ToArray()),
            new Table("Dataset rows used, with their dates", ["source", "table", "row", "as of", "note"],
                r.Sources.SelectMany(s => s.Rows.Select(x => Row(s.Id, x.Table, x.Row, x.AsOf.ToString("yyyy-MM-dd", C), x.Note))).ToArray(), Collapsed: true),
        };
        return new Section("sources", Title("sources"), blocks);
    }

    private static string DateRange(IReadOnlyList<PlanResult.CitedRow> rows)
    {
        if (rows.Count == 0) return "";
        var min = rows.Min(x => x.AsOf);
        var max = rows.Max(x => x.AsOf);
        return min == max ? min.ToString("yyyy-MM-dd", C) : $"{min.ToString("yyyy-MM-dd", C)} to {max.ToString("yyyy-MM-dd", C)}";
    }

    private static Section Provenance(PlanResult r)
    {
        var p = r.Provenance;
        var rows = new List<IReadOnlyList<IReadOnlyList<Inline>>>
        {
            Row("result.json schema version", N("schema_version", r.SchemaVersion, NumFormat.Plain)),
            Row("scenario", $"{r.Scenario.Id}: {r.Scenario.Name}"),
            Row("scenario hash", p.ScenarioHash),
            Row("dataset version", p.DatasetVersion),
            Row("dataset", $"{r.Dataset.Nations.ToString(C)} nations, {r.Dataset.Units.ToString(C)} units, {r.Dataset.EquipmentTypes.ToString(C)} equipment types, {r.Dataset.Cities.ToString(C)} cities, {r.Dataset.Threats.ToString(C)} threats, {r.Dataset.Sources.ToString(C)} sources"),
            Row("seed", N("provenance.seed", p.Seed, NumFormat.Plain)),
            Row("tool version", $"resolute {p.ToolVersion}"),
            Row("created (UTC)", p.CreatedUtc.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss", C)),
        };
        foreach (var (stage, status) in r.Stages) rows.Add(Row($"stage: {stage}", status.ToString()));
        if (r.ForceGeneration is { } f) rows.Add(Row("CP-SAT parameters (force generation)", f.Solver.Parameters));
        if (r.Geography is { } g) rows.Add(Row("CP-SAT parameters (air-defence siting)", g.Result.AirDefence.SolverParameters));
        if (r.Balance is { } b) rows.Add(Row("random numbers (balance)", b.Result.WithCoalition.Rng));
        return new Section("provenance", Title("provenance"),
        [
            new Table("Provenance", ["item", "value"], rows),
            P("Re-render this briefing from its result.json with `resolute report result.json --out DIR`; re-run the plan with the same dataset version, scenario hash and seed to reproduce every figure."),
        ]);
    }
}
