using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Resolute.Domain.Diagnostics;
using Resolute.Data.Text;
using Resolute.Domain;
using Resolute.Domain.Assumptions;
using YamlDotNet.RepresentationModel;

namespace Resolute.Data;

/// <summary>Reads and writes scenario YAML files (format: docs/scenarios.md).</summary>
public static class ScenarioFile
{
    private static readonly string[] TopKeys =
        ["id", "name", "description", "references", "stance_date", "offer_date", "readiness_deadline", "stance_overrides", "ceasefire", "seed", "templates", "requirement", "rules", "objectives", "geography", "simulation", "assumptions"];
    private static readonly string[] ElementKeys = ["role", "count", "kinds", "types", "weight"];
    private static readonly string[] RuleKeys = ["group_share", "us_backstop", "stances", "rotation", "home_defence", "cohesion", "european_lead"];

    /// <summary>Loads a scenario file.</summary>
    /// <param name="path">The YAML file.</param>
    /// <param name="dataset">When given, nation codes, unit types and source ids are checked against it.</param>
    public static LoadResult<Scenario> Load(string path, Dataset? dataset = null)
    {
        var bag = new DiagnosticBag();
        var text = TextInput.ReadFile(path, InputLimits.ScenarioBytes, bag);
        return text is null ? bag.Result<Scenario>(() => null!) : Parse(text, path, dataset, bag);
    }

    /// <summary>Parses scenario text; <paramref name="file"/> names it in diagnostics.</summary>
    public static LoadResult<Scenario> Parse(string text, string file, Dataset? dataset = null) => Parse(text, file, dataset, new DiagnosticBag());

    private static LoadResult<Scenario> Parse(string text, string file, Dataset? dataset, DiagnosticBag bag)
    {
        // Text that did not come from a file (the dashboard's editor) has the file's limit too.
        if (text.Length > InputLimits.ScenarioBytes && Encoding.UTF8.GetByteCount(text) > InputLimits.ScenarioBytes)
        {
            bag.Add(new Position(file, 1, 1), Messages.TooLarge($"a scenario of at most {InputLimits.Size(InputLimits.ScenarioBytes)}", $"{InputLimits.Size(Encoding.UTF8.GetByteCount(text))}"));
            return bag.Result<Scenario>(() => null!);
        }
        var root = YamlMap.Of(YamlTree.Load(text, file, bag), file, bag, TopKeys, "a scenario");
        if (root is null) return bag.Result<Scenario>(() => null!);

        var id = root.Str("id", required: true, maxLength: ScenarioId.MaxLength);
        if (id.Length > 0 && !ScenarioId.IsValid(id)) bag.Add(root.At("id"), Messages.InvalidValue(ScenarioId.Expected, id));

        var templates = root.List("templates").Select(n => Template(n, file, bag)).OfType<ForceTemplate>().ToArray();
        var templateIds = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var (t, node) in templates.Zip(root.List("templates")))
            if (!templateIds.TryAdd(t.Id, (int)node.Start.Line)) bag.Add(node.At(file), Messages.DuplicateId(t.Id, templateIds[t.Id]));

        var requirement = Requirement(root.Map("requirement", ["formations", "elements"], required: true), templateIds.Keys.ToHashSet(StringComparer.Ordinal), file, bag);
        var rules = Rules(root.Map("rules", RuleKeys), bag);
        var objectives = root.Has("objectives")
            ? root.List("objectives").Select(n => YamlMap.Of(n, file, bag, ["name", "weight"], "an objective")).OfType<YamlMap>()
                .Select(m => new Objective(m.Code("name", ObjectiveKind.Fill, "objective", required: true), m.Double("weight", 1, 0))).ToArray()
            : ScenarioDefaults.Objectives;
        var geo = root.Map("geography", ["standoff_threats", "freed_brigades_per_brigade"]);
        var geography = geo is null ? ScenarioDefaults.Geography : new GeographySettings(
            geo.Codes("standoff_threats", "threat category", ScenarioDefaults.Geography.StandoffThreats),
            geo.Double("freed_brigades_per_brigade", ScenarioDefaults.Geography.FreedBrigadesPerBrigade, 0, 10));
        var sim = root.Map("simulation", ["runs", "days", "sectors"]);
        var d = ScenarioDefaults.Simulation;
        var simulation = sim is null ? d : new SimulationSettings(sim.Int("runs", d.Runs, 1, 10_000_000), sim.Int("days", d.Days, 1, 3650), sim.Int("sectors", d.Sectors, 1, 100));
        var assumptions = Assumptions(root.List("assumptions"), file, bag);
        var assumptionsAt = root.KeyAt("assumptions");
        CheckAgainstCatalogue(assumptions, assumptionsAt, bag);
        if (dataset is not null) CheckAgainst(dataset, root, file, bag);

        // Read every value before building, so each error is reported even when others came first.
        var name = root.Str("name", required: true, maxLength: InputLimits.NameLength);
        var description = root.Str("description", maxLength: InputLimits.DescriptionLength);
        var references = root.Strings("references");
        var stanceDate = root.Date("stance_date", default, required: true);
        var offer = root.Has("offer_date") ? root.Date("offer_date", default) : (DateOnly?)null;
        var deadline = root.Has("readiness_deadline") ? root.Date("readiness_deadline", default) : (DateOnly?)null;
        var ceasefire = root.Bool("ceasefire", false);
        var seed = root.ULong("seed", 1);
        var overrides = NationMap(root.Pairs("stance_overrides"), file, bag, v => Scalar.Code<StanceLevel>(v, file, bag, "stance"));
        if (root.Has("stance_date") && offer is { } o && o != default && o < stanceDate)
            bag.Add(root.At("offer_date"), Messages.Inconsistent($"an offer_date on or after stance_date {stanceDate:yyyy-MM-dd}", o.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)));
        var start = offer is { } o2 && o2 != default ? o2 : stanceDate;
        if (root.Has("stance_date") && deadline is { } dl && dl != default && dl < start)
            bag.Add(root.At("readiness_deadline"), Messages.Inconsistent(
                $"a readiness_deadline on or after {(offer is null ? "stance_date" : "offer_date")} {start:yyyy-MM-dd}", dl.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)));
        return bag.Result(() => new Scenario(
            id, name, description, references, stanceDate, deadline, ceasefire, seed,
            templates, requirement!, rules, objectives, geography, simulation, assumptions) { StanceOverrides = overrides, OfferDate = offer, AssumptionsAt = assumptionsAt });
    }

    /// <summary>References from the scenario into the dataset: sources, nations with floors, unit types of elements.</summary>
    private static void CheckAgainst(Dataset dataset, YamlMap root, string file, DiagnosticBag bag)
    {
        var sources = dataset.Sources.Select(s => s.Id).ToHashSet(StringComparer.Ordinal);
        foreach (var node in root.List("references"))
            if (node is YamlScalarNode { Value: { } id } && !sources.Contains(id))
                bag.Add(node.At(file), Messages.UnknownSource(id, sources));
        var rules = YamlMap.Of(root.Node("rules", false), file, new DiagnosticBag(), RuleKeys, "rules");
        var floors = YamlMap.Of(rules?.Node("home_defence", false), file, new DiagnosticBag(), ["exclude_home_defence_units", "exclude_committed", "default_floor", "floors"], "home_defence");
        foreach (var (key, _) in (floors?.Pairs("floors") ?? []).Concat(root.Pairs("stance_overrides")))
            if (key.Value is { } code && Nation.IsIso3(code) && !dataset.NationsByCode.ContainsKey(code))
                bag.Add(key.At(file), Messages.UnknownReference("nation", code, dataset.NationsByCode.Keys));
        var types = dataset.Units.Select(u => u.Type).ToHashSet(StringComparer.Ordinal);
        var elementLists = root.List("templates").Select(t => YamlMap.Of(t, file, new DiagnosticBag(), ["id", "description", "elements"], "template")?.Node("elements", false))
            .Append(YamlMap.Of(root.Node("requirement", false), file, new DiagnosticBag(), ["formations", "elements"], "requirement")?.Node("elements", false));
        foreach (var element in elementLists.OfType<YamlSequenceNode>().SelectMany(l => l.Children).OfType<YamlMappingNode>())
            if (element.Children.TryGetValue(new YamlScalarNode("types"), out var list) && list is YamlSequenceNode seq)
                foreach (var t in seq.Children.OfType<YamlScalarNode>())
                    if (t.Value is { } type && !types.Contains(type))
                        bag.Add(t.At(file), Messages.UnknownReference("unit type", type, types));
    }

    private static ForceTemplate? Template(YamlNode node, string file, DiagnosticBag bag)
    {
        var m = YamlMap.Of(node, file, bag, ["id", "description", "elements"], "a template");
        if (m is null) return null;
        return new ForceTemplate(m.Str("id", required: true), m.Str("description"), Elements(m.List("elements", required: true), file, bag));
    }

    private static ElementSpec[] Elements(IReadOnlyList<YamlNode> nodes, string file, DiagnosticBag bag)
    {
        var result = new List<ElementSpec>();
        var roles = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var n in nodes)
        {
            var m = YamlMap.Of(n, file, bag, ElementKeys, "an element");
            if (m is null) continue;
            var role = m.Str("role", required: true);
            if (role.Length > 0 && !roles.TryAdd(role, (int)n.Start.Line)) bag.Add(m.At("role"), Messages.DuplicateId(role, roles[role]));
            var kinds = m.Codes<UnitKind>("kinds", "unit kind", []);
            if (kinds.Count == 0 && !m.Has("kinds")) m.Node("kinds", required: true);
            result.Add(new ElementSpec(role, m.Int("count", 0, 0, 1000, required: true), kinds, m.Strings("types"), m.Double("weight", 1, 0)));
        }
        return [.. result];
    }

    private static Requirement? Requirement(YamlMap? m, HashSet<string> templates, string file, DiagnosticBag bag)
    {
        if (m is null) return null;
        var formations = new List<FormationDemand>();
        foreach (var n in m.List("formations"))
        {
            var f = YamlMap.Of(n, file, bag, ["template", "count"], "a formation");
            if (f is null) continue;
            var t = f.Str("template", required: true);
            if (t.Length > 0 && !templates.Contains(t)) bag.Add(f.At("template"), Messages.UnknownReference("template", t, templates));
            formations.Add(new FormationDemand(t, f.Int("count", 0, 0, 100, required: true)));
        }
        return new Requirement(formations, Elements(m.List("elements"), file, bag));
    }

    private static Rules Rules(YamlMap? m, DiagnosticBag bag)
    {
        var g = m?.Map("group_share", ["enabled", "group", "min_personnel_share", "min_equipment_share", "equipment_measures"]);
        var gd = ScenarioDefaults.GroupShare;
        var groupShare = g is null ? gd : new GroupShareRule(g.Bool("enabled", gd.Enabled), g.Code("group", gd.Group, "nation group"),
            g.Double("min_personnel_share", gd.MinPersonnelShare, 0, 1), g.Double("min_equipment_share", gd.MinEquipmentShare, 0, 1),
            g.Codes("equipment_measures", "equipment measure", gd.EquipmentMeasures));

        var u = m?.Map("us_backstop", ["enabled", "posture_only", "no_net_increase", "allowed_kinds", "location"]);
        var ud = ScenarioDefaults.UsBackstop;
        var us = u is null ? ud : new UsBackstopRule(u.Bool("enabled", ud.Enabled), u.Bool("posture_only", ud.PostureOnly), u.Bool("no_net_increase", ud.NoNetIncrease),
            u.Codes("allowed_kinds", "unit kind", ud.AllowedKinds)) { Location = u.Code("location", ud.Location, "backstop location") };
        if (u is not null && us.Enabled && us.AllowedKinds.Count == 0)
            bag.Add(u.At("allowed_kinds"), Messages.Inconsistent("at least one allowed kind while the US backstop is enabled", "none"));

        var stances = new Dictionary<StanceLevel, StancePolicy>(ScenarioDefaults.Stances);
        var s = m?.Map("stances", Codes.All<StanceLevel>().ToArray());
        if (s is not null)
            foreach (var level in Enum.GetValues<StanceLevel>())
            {
                var p = s.Map(level.ToCode(), ["contribute", "inside_ukraine", "enablers_only", "max_manoeuvre_brigades", "ceasefire_only"]);
                if (p is null) continue;
                var pd = ScenarioDefaults.Stances[level];
                stances[level] = new StancePolicy(p.Bool("contribute", pd.Contribute), p.Bool("inside_ukraine", pd.InsideUkraine), p.Bool("enablers_only", pd.EnablersOnly),
                    !p.Has("max_manoeuvre_brigades") ? pd.MaxManoeuvreBrigades : p.Str("max_manoeuvre_brigades") == "none" ? null : p.OptionalInt("max_manoeuvre_brigades"),
                    p.Bool("ceasefire_only", pd.CeasefireOnly));
                if (stances[level] is { EnablersOnly: true, MaxManoeuvreBrigades: > 0 } contradiction)
                    bag.Add(p.At("max_manoeuvre_brigades"), Messages.Inconsistent(
                        "max_manoeuvre_brigades 0 or none where enablers_only is true", contradiction.MaxManoeuvreBrigades.Value.ToString(CultureInfo.InvariantCulture)));
            }

        var r = m?.Map("rotation", ["enabled", "ratio", "accept_single_rotation"]);
        var rd = ScenarioDefaults.Rotation;
        var rotation = r is null ? rd : new RotationRule(r.Bool("enabled", rd.Enabled), r.Int("ratio", rd.Ratio, 1, RotationRule.MaxRatio), r.Bool("accept_single_rotation", rd.AcceptSingleRotation));

        var h = m?.Map("home_defence", ["exclude_home_defence_units", "exclude_committed", "default_floor", "floors"]);
        var hd = ScenarioDefaults.HomeDefence;
        HomeDefenceRule home = hd;
        if (h is not null)
        {
            var floors = NationMap(h.Pairs("floors"), h.File, bag, v => Scalar.Double(v, h.File, bag, 0, 1));
            home = new HomeDefenceRule(h.Bool("exclude_home_defence_units", hd.ExcludeHomeDefenceUnits), h.Bool("exclude_committed", hd.ExcludeCommitted),
                h.Double("default_floor", hd.DefaultFloor, 0, 1), floors);
        }

        var c = m?.Map("cohesion", ["enabled", "max_nations_per_division"]);
        var cd = ScenarioDefaults.Cohesion;
        var cohesion = c is null ? cd : new CohesionRule(c.Bool("enabled", cd.Enabled), c.Int("max_nations_per_division", cd.MaxNationsPerDivision, 1, CohesionRule.MaxNations));
        var e = m?.Map("european_lead", ["command", "division_hqs"]);
        var lead = e is null ? EuropeanLeadRule.Off : new EuropeanLeadRule(e.Bool("command", false), e.Bool("division_hqs", false));
        return new Rules(groupShare, us, stances, rotation, home, cohesion) { EuropeanLead = lead };
    }

    /// <summary>A map keyed by nation code (home-defence floors, stance overrides), every bad key and value reported.</summary>
    private static Dictionary<string, T> NationMap<T>(IEnumerable<(YamlScalarNode Key, YamlNode Value)> pairs, string file, DiagnosticBag bag, Func<YamlNode, T?> read)
        where T : struct
    {
        var map = new Dictionary<string, T>(StringComparer.Ordinal);
        foreach (var (key, value) in pairs)
        {
            var code = key.Value ?? "";
            if (!Nation.IsIso3(code)) bag.Add(key.At(file), Messages.InvalidValue("an ISO 3166-1 alpha-3 code", code));
            if (read(value) is { } v) map[code] = v;
        }
        return map;
    }

    private static Assumption[] Assumptions(IReadOnlyList<YamlNode> nodes, string file, DiagnosticBag bag)
    {
        var result = new List<Assumption>();
        var ids = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var n in nodes)
        {
            var m = YamlMap.Of(n, file, bag, ["id", "description", "unit", "value", "distribution", "reference"], "an assumption");
            if (m is null) continue;
            var id = m.Str("id", required: true);
            if (id.Length > 0 && !ids.TryAdd(id, (int)n.Start.Line)) bag.Add(m.At("id"), Messages.DuplicateId(id, ids[id]));
            var value = m.Double("value", 0, required: true);
            var reference = m.Str("reference", required: true);
            var dm = m.Map("distribution", ["kind", "min", "mode", "max", "mean", "sd", "alpha", "beta"]);
            var dist = dm is null ? Distribution.FixedAt(value) : DistributionOf(dm, value, bag);
            result.Add(new Assumption(id, m.Str("description"), m.Str("unit"), value, dist, reference)
                { At = m.At("id"), ValueAt = m.At("value"), DistributionAt = dm?.Self ?? m.At("value") });
        }
        return [.. result];
    }

    /// <summary>
    /// Every assumption against the catalogue: an id no stage reads (with the nearest one), a value or distribution
    /// outside its bounds, and each required assumption the scenario leaves out (at the <c>assumptions:</c> key).
    /// </summary>
    private static void CheckAgainstCatalogue(IReadOnlyList<Assumption> assumptions, Position listAt, DiagnosticBag bag)
    {
        foreach (var a in assumptions.Where(a => a.Id.Length > 0))
        {
            if (AssumptionCatalogue.Find(a.Id) is not { } spec)
                bag.Add(a.At ?? listAt, Messages.UnknownReference("assumption", a.Id, AssumptionCatalogue.All.Select(s => s.Id)));
            else
                bag.AddRange(AssumptionCatalogue.CheckBounds(a, spec, listAt));
        }
        var given = assumptions.Select(a => a.Id).ToHashSet(StringComparer.Ordinal);
        foreach (var spec in AssumptionCatalogue.All.Where(s => s.Required && !given.Contains(s.Id)))
            bag.Add(listAt, Messages.MissingAssumption(spec.Id, spec.Description));
    }

    private static Distribution DistributionOf(YamlMap m, double value, DiagnosticBag bag)
    {
        var kind = m.Code("kind", DistributionKind.Fixed, "distribution", required: true);
        var dist = new Distribution(kind, m.OptionalDouble("min"), m.OptionalDouble("mode"), m.OptionalDouble("max"),
            m.OptionalDouble("mean"), m.OptionalDouble("sd", 0), m.OptionalDouble("alpha", 0), m.OptionalDouble("beta", 0));
        string[] needed = kind switch
        {
            DistributionKind.Uniform => ["min", "max"],
            DistributionKind.Triangular => ["min", "mode", "max"],
            DistributionKind.Normal or DistributionKind.Lognormal => ["mean", "sd"],
            DistributionKind.Beta => ["alpha", "beta", "min", "max"],
            _ => [],
        };
        foreach (var key in needed.Where(k => !m.Has(k))) bag.Add(m.Self, Messages.MissingKey(key));
        if (dist is { Min: { } lo, Max: { } hi } && lo > hi)
            bag.Add(m.At("min"), Messages.Inconsistent("min ≤ max", FormattableString.Invariant($"min {lo} > max {hi}")));
        else if (kind is DistributionKind.Uniform or DistributionKind.Triangular or DistributionKind.Beta && dist is { Min: { } a, Max: { } b } && (value < a || value > b))
            bag.Add(m.Self, Messages.Inconsistent(FormattableString.Invariant($"the value inside [{a}, {b}]"), value.ToString(CultureInfo.InvariantCulture)));
        if (kind == DistributionKind.Triangular && dist is { Min: { } mn, Mode: { } mo, Max: { } mx } && (mo < mn || mo > mx))
            bag.Add(m.At("mode"), Messages.Inconsistent("min ≤ mode ≤ max", mo.ToString(CultureInfo.InvariantCulture)));
        return dist;
    }

    /// <summary>A SHA-256 of the scenario's canonical text: the same scenario hashes the same however it was formatted.</summary>
    public static string Hash(Scenario scenario) =>
        "sha256:" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(Write(scenario))))[..16];

    /// <summary>Writes a scenario as YAML with every key explicit; <see cref="Parse(string,string,Dataset)"/> reads it back unchanged.</summary>
    public static string Write(Scenario s)
    {
        var root = new YamlMappingNode
        {
            { "id", s.Id }, { "name", s.Name }, { "description", s.Description },
            { "references", Seq(s.References.Select(r => (YamlNode)new YamlScalarNode(r))) },
            { "stance_date", Date(s.StanceDate) },
            { "ceasefire", Bool(s.Ceasefire) }, { "seed", s.Seed.ToString(CultureInfo.InvariantCulture) },
            { "templates", Seq(s.Templates.Select(t => (YamlNode)new YamlMappingNode { { "id", t.Id }, { "description", t.Description }, { "elements", ElementsNode(t.Elements) } })) },
            { "requirement", new YamlMappingNode {
                { "formations", Seq(s.Requirement.Formations.Select(f => (YamlNode)new YamlMappingNode { { "template", f.Template }, { "count", Num(f.Count) } })) },
                { "elements", ElementsNode(s.Requirement.Elements) } } },
            { "rules", RulesNode(s.Rules) },
            { "objectives", Seq(s.Objectives.Select(o => (YamlNode)new YamlMappingNode { { "name", o.Kind.ToCode() }, { "weight", Num(o.Weight) } })) },
            { "geography", new YamlMappingNode {
                { "standoff_threats", CodeSeq(s.Geography.StandoffThreats) }, { "freed_brigades_per_brigade", Num(s.Geography.FreedBrigadesPerBrigade) } } },
            { "simulation", new YamlMappingNode { { "runs", Num(s.Simulation.Runs) }, { "days", Num(s.Simulation.Days) }, { "sectors", Num(s.Simulation.Sectors) } } },
            { "assumptions", Seq(s.Assumptions.Select(AssumptionNode)) },
        };
        // Optional dates only when set, so a scenario keeps the text (and hash) it had before they existed.
        if (s.OfferDate is { } offer) root.Children.Add(new YamlScalarNode("offer_date"), Date(offer));
        if (s.ReadinessDeadline is { } deadline) root.Children.Add(new YamlScalarNode("readiness_deadline"), Date(deadline));
        // Only when there are any, so a scenario without overrides keeps the text (and hash) it always had.
        if (s.StanceOverrides.Count > 0)
        {
            var overrides = new YamlMappingNode();
            foreach (var (nation, level) in s.StanceOverrides.OrderBy(kv => kv.Key, StringComparer.Ordinal)) overrides.Add(nation, level.ToCode());
            root.Children.Add(new YamlScalarNode("stance_overrides"), overrides);
        }
        var stream = new YamlStream(new YamlDocument(root));
        var writer = new StringWriter(CultureInfo.InvariantCulture);
        stream.Save(writer, assignAnchors: false);
        var text = writer.ToString();
        return text.EndsWith("...\n", StringComparison.Ordinal) ? text[..^4] : text;
    }

    private static YamlMappingNode RulesNode(Rules r)
    {
        var stances = new YamlMappingNode();
        foreach (var (level, p) in r.Stances.OrderBy(kv => kv.Key))
        {
            var node = new YamlMappingNode { { "contribute", Bool(p.Contribute) }, { "inside_ukraine", Bool(p.InsideUkraine) }, { "enablers_only", Bool(p.EnablersOnly) }, { "ceasefire_only", Bool(p.CeasefireOnly) } };
            node.Add("max_manoeuvre_brigades", p.MaxManoeuvreBrigades is { } max ? Num(max) : new YamlScalarNode("none"));
            stances.Add(level.ToCode(), node);
        }
        var floors = new YamlMappingNode();
        foreach (var (nation, floor) in r.HomeDefence.Floors) floors.Add(nation, Num(floor));
        var rules = new YamlMappingNode
        {
            { "group_share", new YamlMappingNode { { "enabled", Bool(r.GroupShare.Enabled) }, { "group", r.GroupShare.Group.ToCode() },
                { "min_personnel_share", Num(r.GroupShare.MinPersonnelShare) }, { "min_equipment_share", Num(r.GroupShare.MinEquipmentShare) },
                { "equipment_measures", CodeSeq(r.GroupShare.EquipmentMeasures) } } },
            { "us_backstop", new YamlMappingNode { { "enabled", Bool(r.UsBackstop.Enabled) }, { "posture_only", Bool(r.UsBackstop.PostureOnly) },
                { "no_net_increase", Bool(r.UsBackstop.NoNetIncrease) }, { "allowed_kinds", CodeSeq(r.UsBackstop.AllowedKinds) }, { "location", r.UsBackstop.Location.ToCode() } } },
            { "stances", stances },
            { "rotation", new YamlMappingNode { { "enabled", Bool(r.Rotation.Enabled) }, { "ratio", Num(r.Rotation.Ratio) }, { "accept_single_rotation", Bool(r.Rotation.AcceptSingleRotation) } } },
            { "home_defence", new YamlMappingNode { { "exclude_home_defence_units", Bool(r.HomeDefence.ExcludeHomeDefenceUnits) }, { "exclude_committed", Bool(r.HomeDefence.ExcludeCommitted) },
                { "default_floor", Num(r.HomeDefence.DefaultFloor) }, { "floors", floors } } },
            { "cohesion", new YamlMappingNode { { "enabled", Bool(r.Cohesion.Enabled) }, { "max_nations_per_division", Num(r.Cohesion.MaxNationsPerDivision) } } },
        };
        // Only when on, so a scenario without the rule keeps the text (and hash) it always had.
        if (r.EuropeanLead.Enabled)
            rules.Add("european_lead", new YamlMappingNode { { "command", Bool(r.EuropeanLead.Command) }, { "division_hqs", Bool(r.EuropeanLead.DivisionHqs) } });
        return rules;
    }

    private static YamlNode AssumptionNode(Assumption a)
    {
        var d = a.Distribution;
        var dist = new YamlMappingNode { { "kind", d.Kind.ToCode() } };
        foreach (var (key, v) in new[] { ("min", d.Min), ("mode", d.Mode), ("max", d.Max), ("mean", d.Mean), ("sd", d.Sd), ("alpha", d.Alpha), ("beta", d.Beta) })
            if (v is { } x) dist.Add(key, Num(x));
        return new YamlMappingNode { { "id", a.Id }, { "description", a.Description }, { "unit", a.Unit }, { "value", Num(a.Value) }, { "distribution", dist }, { "reference", a.Reference } };
    }

    private static YamlSequenceNode ElementsNode(IEnumerable<ElementSpec> elements) => Seq(elements.Select(e => (YamlNode)new YamlMappingNode
    {
        { "role", e.Role }, { "count", Num(e.Count) }, { "kinds", CodeSeq(e.Kinds) },
        { "types", Seq(e.Types.Select(t => (YamlNode)new YamlScalarNode(t))) }, { "weight", Num(e.Weight) },
    }));

    private static YamlSequenceNode Seq(IEnumerable<YamlNode> items) => new(items) { Style = YamlDotNet.Core.Events.SequenceStyle.Block };
    private static YamlSequenceNode CodeSeq<T>(IEnumerable<T> codes) where T : struct, Enum => new(codes.Select(c => (YamlNode)new YamlScalarNode(c.ToCode()))) { Style = YamlDotNet.Core.Events.SequenceStyle.Flow };
    private static YamlScalarNode Num(double v) => new(v.ToString("R", CultureInfo.InvariantCulture));
    private static YamlScalarNode Bool(bool v) => new(v ? "true" : "false");
    private static YamlScalarNode Date(DateOnly d) => new(d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
}
