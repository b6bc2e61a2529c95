using Resolute.Domain;

namespace Resolute.Data.Tests;

/// <summary>The dataset and scenarios that ship with the tool load cleanly and meet the coverage the project promises.</summary>
public sealed class BundledDatasetTests
{
    private static readonly Lazy<Dataset> Bundled = new(() =>
    {
        var result = DatasetLoader.Load(Repo.Data);
        Assert.True(result.Ok, string.Join("\n", result.Diagnostics));
        return result.Value!;
    });

    [Fact]
    public void Load_BundledData_HasNoDiagnostics()
    {
        Assert.Empty(DatasetLoader.Load(Repo.Data).Diagnostics);
    }

    [Fact]
    public void Bundled_EveryRow_HasAResolvableSourceAndAnAsOfDate()
    {
        var d = Bundled.Value;
        var sources = d.Sources.Select(s => s.Id).Append("assumption").ToHashSet(StringComparer.Ordinal);
        var citations = d.Nations.Select(x => x.Citation).Concat(d.Stances.Select(x => x.Citation)).Concat(d.EquipmentTypes.Select(x => x.Citation))
            .Concat(d.Units.Select(x => x.Citation)).Concat(d.Holdings.Select(x => x.Citation)).Concat(d.Cities.Select(x => x.Citation))
            .Concat(d.Threats.Select(x => x.Citation)).ToList();

        Assert.All(citations, c =>
        {
            Assert.Contains(c.Source, sources);
            Assert.True(c.AsOf.Year >= 1945, $"as_of {c.AsOf} is not a real date");
            if (c.Source == "assumption") Assert.NotEmpty(c.Note);
        });
        Assert.All(d.Sources, s => Assert.StartsWith("http", s.Address, StringComparison.Ordinal));
    }

    /// <summary>
    /// Names stand before the source and as_of columns, so a comma in a name (valid CSV when quoted) shifts those
    /// columns for anyone who reads the files by splitting lines on commas, and a row looks as if it had no source.
    /// </summary>
    [Fact]
    public void Bundled_Names_HoldNoComma()
    {
        var d = Bundled.Value;
        var names = d.Nations.Select(x => x.Name).Concat(d.EquipmentTypes.Select(x => x.Name)).Concat(d.Units.Select(x => x.Name))
            .Concat(d.Cities.Select(x => x.Name)).Concat(d.Threats.Select(x => x.Name)).Concat(d.Garrisons.Select(x => x.Name)).Concat(d.Crossings.Select(x => x.Name));
        Assert.All(names, n => Assert.DoesNotContain(",", n, StringComparison.Ordinal));
    }

    [Fact]
    public void Bundled_Coverage_MeetsTheMinimums()
    {
        var d = Bundled.Value;
        Assert.True(d.Nations.Count >= 35, $"{d.Nations.Count} nations");
        Assert.True(d.Units.Count >= 150, $"{d.Units.Count} units");
        var contributors = d.Units.Select(u => d.NationsByCode[u.Nation]).Where(n => n.Group == NationGroup.EuropeCanada).Select(n => n.Iso3).Distinct().Count();
        Assert.True(contributors >= 20, $"{contributors} European nations and Canada with units");
        Assert.True(d.Cities.Count >= 25, $"{d.Cities.Count} cities");
        Assert.True(d.Theatre.FrontLine.Count >= 50, $"{d.Theatre.FrontLine.Count} front-line vertices");
        foreach (var c in Enum.GetValues<ThreatCategory>()) Assert.Contains(d.Threats, t => t.Category == c);
        foreach (var c in new[] { "mbt", "ifv", "apc", "sp_artillery", "towed_artillery", "mlrs", "sam_long", "sam_medium", "shorad", "fighter", "attack_helicopter", "lrs_missile", "isr_uav" })
            Assert.Contains(d.EquipmentTypes, e => e.Category.ToCode() == c);
    }

    [Fact]
    public void Bundled_SeedStances_MatchTheOpEdOf10February2025()
    {
        var d = Bundled.Value;
        var date = new DateOnly(2025, 2, 10);
        Assert.Equal(StanceLevel.TroopsDiscussed, d.StanceOn("FRA", date));
        Assert.Equal(StanceLevel.TroopsDiscussed, d.StanceOn("GBR", date));
        Assert.Equal(StanceLevel.PeacekeepingOnly, d.StanceOn("DEU", date));
        Assert.Equal(StanceLevel.Sceptical, d.StanceOn("POL", date));
        foreach (var n in new[] { "SWE", "LTU", "EST" }) Assert.Equal(StanceLevel.NotRuledOut, d.StanceOn(n, date));
        foreach (var n in new[] { "FIN", "NLD", "LVA" }) Assert.Equal(StanceLevel.Cautious, d.StanceOn(n, date));
    }

    public static TheoryData<string> ScenarioFiles()
    {
        var data = new TheoryData<string>();
        foreach (var f in Directory.EnumerateFiles(Repo.Scenarios, "*.yaml").Order(StringComparer.Ordinal)) data.Add(Path.GetFileName(f));
        return data;
    }

    [Theory]
    [MemberData(nameof(ScenarioFiles))]
    public void Load_BundledScenario_IsValidAgainstTheDataset(string file)
    {
        var result = ScenarioFile.Load(Path.Combine(Repo.Scenarios, file), Bundled.Value);

        Assert.True(result.Ok, string.Join("\n", result.Diagnostics));
        Assert.Equal(Path.GetFileNameWithoutExtension(file), result.Value!.Id);
        Assert.Equal(result.Value.Requirement.Formations.Count > 0 || result.Value.Requirement.Elements.Any(e => e.Count > 0), Slots.Of(result.Value).Count > 0);
    }

    [Fact]
    public void Bundled_UsInsideVariant_IsTheDefaultWithTheBackstopInsideUkraine()
    {
        var @default = ScenarioFile.Load(Path.Combine(Repo.Scenarios, "seed-offer-2025-02.yaml"), Bundled.Value).Value!;
        var inside = ScenarioFile.Load(Path.Combine(Repo.Scenarios, "seed-offer-us-inside-ukraine.yaml"), Bundled.Value).Value!;

        Assert.Equal(BackstopLocation.InsideUkraine, inside.Rules.UsBackstop.Location);
        var relocated = @default.Rules with { UsBackstop = @default.Rules.UsBackstop with { Location = BackstopLocation.InsideUkraine } };
        Assert.Equal(ScenarioFile.Hash(@default with { Id = inside.Id, Name = inside.Name, Description = inside.Description, Rules = relocated }), ScenarioFile.Hash(inside));
    }

    [Fact]
    public void Bundled_DefaultScenario_EncodesTheSeedOffer()
    {
        var s = ScenarioFile.Load(Path.Combine(Repo.Scenarios, "seed-offer-2025-02.yaml"), Bundled.Value).Value!;

        Assert.Equal(3, s.Requirement.Formations.Single().Count);
        Assert.Equal(0.8, s.Rules.GroupShare.MinPersonnelShare);
        Assert.Equal(0.8, s.Rules.GroupShare.MinEquipmentShare);
        Assert.Equal(NationGroup.EuropeCanada, s.Rules.GroupShare.Group);
        Assert.True(s.Rules.UsBackstop is { Enabled: true, PostureOnly: true, NoNetIncrease: true });
        Assert.Equal([UnitKind.CommandElement, UnitKind.FighterSquadron, UnitKind.Amd, UnitKind.Lrs], s.Rules.UsBackstop.AllowedKinds);
        Assert.Equal(BackstopLocation.OutsideUkraine, s.Rules.UsBackstop.Location);
        Assert.Equal(new DateOnly(2025, 2, 10), s.StanceDate);
        Assert.Equal(new DateOnly(2025, 2, 14), s.OfferDate);
        Assert.Null(s.ReadinessDeadline);
    }
}
