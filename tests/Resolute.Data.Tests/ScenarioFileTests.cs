using System.Text.Json;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Resolute.Domain;
using Resolute.Domain.Assumptions;

namespace Resolute.Data.Tests;

public sealed class ScenarioFileTests
{
    [Fact]
    public void Parse_MinimalScenario_FillsDefaults()
    {
        var s = ScenarioFile.Load(Repo.Fixture("minimal-scenario.yaml")).Value!;

        Assert.Equal("minimal", s.Id);
        Assert.Equal(ScenarioDefaults.GroupShare, s.Rules.GroupShare);
        Assert.Equal(ScenarioDefaults.Rotation, s.Rules.Rotation);
        Assert.Equal(2, s.Templates.Single().Elements.Single().Count);
        Assert.Equal(DistributionKind.Triangular, s.Assumptions.Single(a => a.Id == AssumptionCatalogue.Of(CampaignParameter.RussianRecruitment).Id).Distribution.Kind);
        Assert.Equal(3, Slots.Of(s).Count);
    }

    [Fact]
    public void Parse_FiveMegabyteName_IsRefusedBeforeTheYamlIsRead()
    {
        var text = "id: x\nname: " + new string('x', 5 * 1024 * 1024) + "\n";

        var clock = System.Diagnostics.Stopwatch.StartNew();
        var result = ScenarioFile.Parse(text, "x.yaml");

        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(10), $"took {clock.Elapsed.TotalSeconds:0.0} s");
        var error = Assert.Single(result.Diagnostics);
        Assert.Equal("x.yaml:1:1: expected a scenario of at most 1 MiB, found 5 MiB", error.ToString());
    }

    [Fact]
    public void Parse_LongNameAndKey_AreReportedAtTheirNodes()
    {
        var text = "id: x\nname: " + new string('n', 201) + "\n? " + new string('k', 5000) + "\n: 1\n"; // a key this long must be explicit

        var result = ScenarioFile.Parse(text, "x.yaml");

        Assert.Contains("x.yaml:2:7: expected a text of at most 200 characters, found 201 characters", result.Diagnostics.Select(d => d.ToString()));
        Assert.Contains("x.yaml:3:3: expected a text of at most 4,000 characters, found 5,000 characters", result.Diagnostics.Select(d => d.ToString()));
        Assert.DoesNotContain(result.Diagnostics, d => d.Code == "RES041"); // the long key is not echoed as unknown
    }

    [Fact]
    public void Parse_EuropeanLead_IsReadAndKeptThroughWriteWhileOtherScenariosKeepTheirText()
    {
        var seed = ScenarioFile.Load(Path.Combine(Repo.Scenarios, "seed-offer-2025-02.yaml")).Value!;
        var minimal = ScenarioFile.Load(Repo.Fixture("minimal-scenario.yaml")).Value!;

        var back = ScenarioFile.Parse(ScenarioFile.Write(seed), "rewritten.yaml").Value!;

        Assert.Equal(new EuropeanLeadRule(Command: true, DivisionHqs: true), seed.Rules.EuropeanLead);
        Assert.Equal(seed.Rules.EuropeanLead, back.Rules.EuropeanLead);
        Assert.Equal(ScenarioFile.Hash(seed), ScenarioFile.Hash(back));
        Assert.False(minimal.Rules.EuropeanLead.Enabled);
        Assert.DoesNotContain("european_lead", ScenarioFile.Write(minimal), StringComparison.Ordinal);
    }

    [Fact]
    public void Load_BundledScenariosAtWar_SendNothingFromPeacekeepingOnlyNations()
    {
        foreach (var file in Directory.EnumerateFiles(Repo.Scenarios, "*.yaml"))
        {
            var s = ScenarioFile.Load(file).Value!;
            var policy = s.Rules.Stances[StanceLevel.PeacekeepingOnly];
            Assert.True(policy.CeasefireOnly, Path.GetFileName(file));
            Assert.Equal("nothing", policy.Sends(ceasefire: false, insideUkraine: true));
            Assert.Equal("enablers only (no manoeuvre brigades)", policy.Sends(ceasefire: true, insideUkraine: true));
        }
    }

    [Fact]
    public void Parse_SeveralErrors_ReportsAllOfThem()
    {
        const string text = "id: x\nname: y\nstance_date: 2025-13-01\nreadiness_deadline: soon\nceasefire: maybe\nrequirement: {elements: [{role: a, count: 1, kinds: [tank]}]}\n";

        var result = ScenarioFile.Parse(text, "x.yaml");

        Assert.Null(result.Value);
        // Besides the required assumptions it lacks (RES034, checked in the malformed corpus).
        Assert.Equal(["x.yaml:3:14", "x.yaml:4:21", "x.yaml:5:12", "x.yaml:6:54"],
            result.Diagnostics.Where(d => d.Code != "RES034").Select(d => $"{d.File}:{d.Line}:{d.Column}"));
    }

    [Fact]
    public void Parse_StanceOverrides_TakePrecedenceOverTheDatasetAndBadOnesAreReportedAtTheirPosition()
    {
        var dataset = DatasetLoader.Load(Repo.Data).Value!;
        var text = File.ReadAllText(Path.Combine(Repo.Root, "scenarios", "seed-offer-ready-90-days.yaml"));

        var good = ScenarioFile.Parse(text + "stance_overrides: {DEU: not_ruled_out}\n", "good.yaml", dataset);
        var bad = ScenarioFile.Parse(text + "stance_overrides:\n  XYZ: cautious\n  pol: cautious\n  FRA: keen\n", "bad.yaml", dataset);

        var s = good.Value!;
        Assert.Equal(StanceLevel.PeacekeepingOnly, dataset.StanceOn("DEU", s.StanceDate));
        Assert.Equal(StanceLevel.NotRuledOut, s.StanceOf(dataset, "DEU"));
        Assert.Equal(dataset.StanceOn("FRA", s.StanceDate), s.StanceOf(dataset, "FRA"));
        var lines = text.Split('\n').Length;
        Assert.Equal([$"bad.yaml:{lines + 1}:3", $"bad.yaml:{lines + 2}:3", $"bad.yaml:{lines + 3}:8"], bad.Diagnostics.Select(d => $"{d.File}:{d.Line}:{d.Column}"));
        Assert.Contains("XYZ", bad.Diagnostics[0].Message, StringComparison.Ordinal);
        Assert.Contains("keen", bad.Diagnostics[2].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_UsBackstopLocation_DefaultsOutsideUkraineReadsInsideAndReportsABadValueAtItsPosition()
    {
        var text = File.ReadAllText(Path.Combine(Repo.Root, "scenarios", "seed-offer-ready-90-days.yaml"));
        var without = text.Replace("  us_backstop:\n", "  us_backstop:\n    location: inside_ukraine\n", StringComparison.Ordinal);
        var bad = text.Replace("  us_backstop:\n", "  us_backstop:\n    location: kyiv\n", StringComparison.Ordinal);
        var line = text[..text.IndexOf("  us_backstop:\n", StringComparison.Ordinal)].Count(c => c == '\n') + 2;

        var outside = ScenarioFile.Parse(text, "default.yaml").Value!;
        var inside = ScenarioFile.Parse(without, "inside.yaml").Value!;
        var wrong = ScenarioFile.Parse(bad, "bad.yaml");

        Assert.Equal((BackstopLocation.OutsideUkraine, BackstopLocation.InsideUkraine), (outside.Rules.UsBackstop.Location, inside.Rules.UsBackstop.Location));
        var d = Assert.Single(wrong.Diagnostics);
        Assert.Equal($"bad.yaml:{line}:15", $"{d.File}:{d.Line}:{d.Column}");
        Assert.Contains("kyiv", d.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Hash_IgnoresFormatting_ButNotContent()
    {
        var a = ScenarioFile.Load(Repo.Fixture("minimal-scenario.yaml")).Value!;
        var b = ScenarioFile.Parse(ScenarioFile.Write(a), "rewritten.yaml").Value!;

        Assert.Equal(ScenarioFile.Hash(a), ScenarioFile.Hash(b));
        Assert.NotEqual(ScenarioFile.Hash(a), ScenarioFile.Hash(a with { Seed = a.Seed + 1 }));
        Assert.NotEqual(ScenarioFile.Hash(a), ScenarioFile.Hash(a with { StanceOverrides = new Dictionary<string, StanceLevel> { ["DEU"] = StanceLevel.Opposed } }));
    }

    [Property(MaxTest = 200)]
    public Property WriteThenParse_AnyValidScenario_IsUnchanged() =>
        Prop.ForAll(ScenarioGen.Arbitrary, scenario =>
        {
            var text = ScenarioFile.Write(scenario);
            var parsed = ScenarioFile.Parse(text, "roundtrip.yaml");
            return (parsed.Ok && Json(parsed.Value!) == Json(scenario))
                .Label(Difference(text, parsed.Diagnostics.Select(d => d.ToString()), Json(scenario), parsed.Value is null ? "" : Json(parsed.Value)));
        });

    private static string Difference(string text, IEnumerable<string> diagnostics, string expected, string actual)
    {
        var i = 0;
        while (i < Math.Min(expected.Length, actual.Length) && expected[i] == actual[i]) i++;
        var from = Math.Max(0, i - 80);
        return $"{text}\n{string.Join("\n", diagnostics)}\nexpected …{expected[from..Math.Min(expected.Length, i + 80)]}\nactual   …{actual[from..Math.Min(actual.Length, i + 80)]}";
    }

    /// <summary>Deep structural comparison: records holding lists compare by reference, their JSON does not.</summary>
    private static string Json(Scenario s) => JsonSerializer.Serialize(s);
}

/// <summary>Generates valid scenarios covering every field of the format.</summary>
internal static class ScenarioGen
{
    private static readonly Gen<string> Id = Gen.Elements("a", "b2", "seed_offer", "x-y", "division");
    private static readonly Gen<string> Text = Gen.Elements("", "plain", "with: colon", "multi\nline", "quote ' and \"", "# hash", "80 %", "true", "12");
    private static readonly Gen<double> Share = Gen.Choose(0, 1000).Select(i => i / 1000.0);
    private static readonly Gen<double> Real = Gen.Choose(-1_000_000, 1_000_000).Select(i => i / 7.0);

    private static Gen<IReadOnlyList<T>> ListOf<T>(Gen<T> g, int max) =>
        Gen.Choose(0, max).SelectMany(n => g.ArrayOf(n)).Select(a => (IReadOnlyList<T>)a);

    private static Gen<T> OneOf<T>() where T : struct, Enum => Gen.Elements(Enum.GetValues<T>());

    private static readonly Gen<bool> Bool = Gen.Elements(true, false);

    private static Gen<ElementSpec> Element(int i) =>
        from count in Gen.Choose(0, 20)
        from kinds in ListOf(OneOf<UnitKind>(), 3)
        from types in ListOf(Gen.Elements("armoured", "long", "tube"), 2)
        from weight in Share
        select new ElementSpec($"role_{i}", count, kinds, types, weight * 10);

    private static Gen<IReadOnlyList<ElementSpec>> Elements =>
        from n in Gen.Choose(0, 4)
        from a in Element(0) from b in Element(1) from c in Element(2) from d in Element(3)
        select (IReadOnlyList<ElementSpec>)new[] { a, b, c, d }.Take(n).ToArray();

    /// <summary>A distribution around <paramref name="value"/> whose parameters stay inside [lo, hi].</summary>
    private static Distribution DistributionOf(int kind, double value, double lo, double hi) => kind switch
    {
        0 => Domain.Distribution.FixedAt(value),
        1 => new Distribution(DistributionKind.Uniform, Min: (lo + value) / 2, Max: (value + hi) / 2),
        2 => new Distribution(DistributionKind.Triangular, Min: (lo + value) / 2, Mode: value, Max: (value + hi) / 2),
        3 => new Distribution(DistributionKind.Normal, Mean: value, Sd: 2.5),
        4 => new Distribution(DistributionKind.Lognormal, Mean: value, Sd: 0.25),
        _ => new Distribution(DistributionKind.Beta, Min: (lo + value) / 2, Max: (value + hi) / 2, Alpha: 2, Beta: 3),
    };

    /// <summary>Every catalogue assumption, each inside its bounds (optional ones only sometimes).</summary>
    private static Gen<IReadOnlyList<Assumption>> AssumptionsGen
    {
        get
        {
            var specs = AssumptionCatalogue.All;
            return from at in Gen.Choose(1, 999).ArrayOf(specs.Count)
                   from kind in Gen.Choose(0, 5).ArrayOf(specs.Count)
                   from description in Text
                   from keepOptional in Bool
                   select (IReadOnlyList<Assumption>)specs.Select((spec, i) =>
                   {
                       var hi = Math.Min(spec.Max, spec.Min + 1000);
                       var value = spec.Min + (hi - spec.Min) * at[i] / 1000.0;
                       return (spec, a: new Assumption(spec.Id, description, spec.Unit, value, DistributionOf(kind[i], value, spec.Min, hi), "assumption"));
                   }).Where(x => x.spec.Required || keepOptional).Select(x => x.a).ToArray();
        }
    }

    private static Gen<Rules> Rules =>
        from enabled in Bool
        from nationGroup in OneOf<NationGroup>()
        from p in Share
        from e in Share
        from measures in ListOf(OneOf<EquipmentMeasure>(), 2)
        from posture in Bool
        from allowed in ListOf(OneOf<UnitKind>(), 4)
        from cap in Gen.Choose(-1, 5)
        from level in OneOf<StanceLevel>()
        from ratio in Gen.Choose(1, 10)
        from single in Bool
        from floors in ListOf(Gen.Elements("POL", "FIN", "EST"), 3)
        from floor in Share
        from coh in Gen.Choose(1, 50)
        select new Rules(
            new GroupShareRule(enabled, nationGroup, p, e, measures),
            new UsBackstopRule(enabled && allowed.Count > 0, posture, !posture, allowed) { Location = posture ? BackstopLocation.OutsideUkraine : BackstopLocation.InsideUkraine },
            new Dictionary<StanceLevel, StancePolicy>(ScenarioDefaults.Stances) { [level] = new StancePolicy(true, false, cap <= 0, cap < 0 ? null : cap, posture) },
            new RotationRule(!single, ratio, single),
            new HomeDefenceRule(enabled, !enabled, p, floors.Distinct().ToDictionary(f => f, _ => floor)),
            new CohesionRule(posture, coh));

    public static Arbitrary<Scenario> Arbitrary { get; } = (
        from id in Id
        from name in Text.Where(t => t.Length > 0)
        from description in Text
        from refs in ListOf(Id, 2)
        from start in Gen.Choose(0, 4000)
        from span in Gen.Choose(0, 400)
        from seed in Gen.Choose(0, int.MaxValue).Select(i => (ulong)i * 3)
        from templateElements in Elements
        from count in Gen.Choose(0, 5)
        from forceElements in Elements
        from rules in Rules
        from objectiveKinds in ListOf(OneOf<ObjectiveKind>(), 5)
        from weight in Share
        from threats in ListOf(OneOf<ThreatCategory>(), 4)
        from runs in Gen.Choose(1, 100_000)
        from days in Gen.Choose(1, 3650)
        from sectors in Gen.Choose(1, 100)
        from assumptions in AssumptionsGen
        from overridden in ListOf(Gen.Elements("DEU", "POL", "ITA"), 3)
        from overrideLevel in OneOf<StanceLevel>()
        select new Scenario(
            id, name, description, refs,
            new DateOnly(2022, 1, 1).AddDays(start), new DateOnly(2022, 1, 1).AddDays(start + span),
            count % 2 == 0, seed,
            [new ForceTemplate("division", description, templateElements)],
            new Requirement([new FormationDemand("division", count)], forceElements),
            rules,
            objectiveKinds.Select(k => new Objective(k, weight)).ToArray(),
            new GeographySettings(threats, Math.Round(rules.GroupShare.MinPersonnelShare * 3, 3)),
            new SimulationSettings(runs, days, sectors),
            assumptions)
        { StanceOverrides = overridden.Distinct().Order(StringComparer.Ordinal).ToDictionary(c => c, _ => overrideLevel) }).ToArbitrary();
}
