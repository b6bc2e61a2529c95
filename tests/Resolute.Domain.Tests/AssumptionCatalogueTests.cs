using System.Text.RegularExpressions;
using Resolute.Domain.Assumptions;

namespace Resolute.Domain.Tests;

public sealed partial class AssumptionCatalogueTests
{
    [Fact]
    public void EveryRow_HasAUniqueSnakeCaseIdAUnitAndADescription()
    {
        var all = AssumptionCatalogue.All;

        Assert.NotEmpty(all);
        Assert.Equal(all.Count, all.Select(a => a.Id).Distinct(StringComparer.Ordinal).Count());
        Assert.All(all, a =>
        {
            Assert.Matches(SnakeCase(), a.Id);
            Assert.False(string.IsNullOrWhiteSpace(a.Unit), a.Id);
            Assert.EndsWith(".", a.Description, StringComparison.Ordinal);
        });
    }

    [Fact]
    public void EveryStageParameter_HasItsRow()
    {
        Assert.Equal(Enum.GetValues<CampaignParameter>().Length, AssumptionCatalogue.Of<CampaignParameter>().Count);
        Assert.Equal(Enum.GetValues<WuvParameter>().Length, AssumptionCatalogue.Of<WuvParameter>().Count);
        Assert.Equal(Enum.GetValues<CostParameter>().Length, AssumptionCatalogue.Of<CostParameter>().Count);
        Assert.All(Enum.GetValues<CampaignParameter>(), p => Assert.Same(AssumptionCatalogue.Of(p), AssumptionCatalogue.Find(AssumptionCatalogue.Of(p).Id)));
    }

    [Fact]
    public void EveryDefault_IsInsideItsBoundsAndSaysWhy()
    {
        Assert.All(AssumptionCatalogue.All.Where(a => a.Default is not null), a =>
        {
            Assert.True(a.Admits(a.Default!.Value), $"{a.Id}: default {a.Default.Value} outside {a.Interval}");
            Assert.False(string.IsNullOrWhiteSpace(a.Default.Reason), a.Id);
            Assert.Equal(a.Default.Value, a.Absent().Value);
        });
    }

    [Fact]
    public void Bounds_AreAnInterval()
    {
        Assert.All(AssumptionCatalogue.All, a => Assert.True(a.Min < a.Max, a.Id));
        Assert.All(AssumptionCatalogue.All.Where(a => a.ExclusiveMin), a => Assert.False(a.Admits(a.Min), a.Id));
    }

    [Fact]
    public void RequiredAssumption_HasNoAbsentValue()
    {
        var required = AssumptionCatalogue.All.First(a => a.Required);

        Assert.Throws<InvalidOperationException>(() => required.Absent());
    }

    [Fact]
    public void TheAssumptionsDoc_ListsTheCatalogue()
    {
        var path = Path.Combine(Repo.Root, "docs", "assumptions.md");
        var expected = AssumptionTable.Markdown();
        if (Environment.GetEnvironmentVariable("RESOLUTE_WRITE_DOCS") == "1") File.WriteAllText(path, expected);

        Assert.True(File.ReadAllText(path) == expected,
            "docs/assumptions.md is not the catalogue's table; run the Domain tests with RESOLUTE_WRITE_DOCS=1 to write it.");
    }

    [GeneratedRegex("^[a-z][a-z0-9]*(_[a-z0-9]+)*$")]
    private static partial Regex SnakeCase();
}
