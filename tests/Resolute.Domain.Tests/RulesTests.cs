using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace Resolute.Domain.Tests;

public sealed class RulesTests
{
    [Fact]
    public void Sends_DefaultPolicies_AreTheStanceTableOfTheScenarioDocs()
    {
        var rows = File.ReadAllLines(Path.Combine(Repo.Root, "docs", "scenarios.md"))
            .SkipWhile(l => !l.StartsWith("| level | keys (defaults) |", StringComparison.Ordinal)).Skip(2).TakeWhile(l => l.StartsWith('|'))
            .Select(l => l.Trim('|').Split(" | ").Select(c => c.Trim()).ToArray()).ToArray();

        Assert.Equal(Enum.GetValues<StanceLevel>().Select(l => l.ToCode()), rows.Select(r => r[0]));
        foreach (var r in rows)
        {
            var p = ScenarioDefaults.Stances[Enum.GetValues<StanceLevel>().Single(l => l.ToCode() == r[0])];
            Assert.Equal([p.Sends(false, true), p.Sends(false, false), p.Sends(true, true), p.Sends(true, false)], r[2..]);
        }
    }

    [Fact]
    public void EuropeanLead_Covers_CommandKindsAndDivisionHqsAsSet()
    {
        Assert.True(new EuropeanLeadRule(true, false).Covers(UnitKind.CorpsHq));
        Assert.True(new EuropeanLeadRule(true, false).Covers(UnitKind.CommandElement));
        Assert.False(new EuropeanLeadRule(true, false).Covers(UnitKind.DivisionHq));
        Assert.True(new EuropeanLeadRule(false, true).Covers(UnitKind.DivisionHq));
        Assert.False(new EuropeanLeadRule(true, true).Covers(UnitKind.ManoeuvreBrigade));
        Assert.False(EuropeanLeadRule.Off.Enabled);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-3)]
    public void RotationRule_RatioBelowOne_IsRefusedWhereItIsMade(int ratio)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new RotationRule(true, ratio, false));
        Assert.Throws<ArgumentOutOfRangeException>(() => new RotationRule(true, 3, false) with { Ratio = ratio });
    }

    [Property]
    public Property RotationRule_SustainsAtMostOneUnitPerRatioLikeUnits(PositiveInt ratio, NonNegativeInt pool)
    {
        var rule = new RotationRule(true, ratio.Get, false);
        var kept = rule.Sustainable(pool.Get);
        return (kept * ratio.Get <= pool.Get && (kept + 1) * ratio.Get > pool.Get).ToProperty();
    }

    [Fact]
    public void RotationPool_LeavesOutHomeDefenceAndCommittedUnits()
    {
        Unit U(string id, bool home = false, string commitment = "") =>
            new(id, "FRA", id, UnitKind.ManoeuvreBrigade, "mech", Echelon.Brigade, 5000, 30, commitment, home, new Citation("s", new DateOnly(2025, 1, 1), ""));

        Assert.Equal(2, RotationRule.Pool([U("a"), U("b"), U("c", home: true), U("d", commitment: "efp-est")]));
    }

    [Fact]
    public void StancePolicy_OutsideUkraineOnly_AllowsAircraftAndStrikeAlone()
    {
        var outside = new StancePolicy(Contribute: true, InsideUkraine: false, EnablersOnly: false, MaxManoeuvreBrigades: null, CeasefireOnly: false);

        var allowed = Enum.GetValues<UnitKind>().Where(k => outside.Allows(k, ceasefire: false));

        Assert.Equal([UnitKind.FighterSquadron, UnitKind.Lrs], allowed);
        Assert.All(allowed, k => Assert.True(k.ServesFromOutsideUkraine()));
    }

    [Fact]
    public void StancePolicy_EnablersOnlyOrACapOfZero_SendsNoBrigade()
    {
        var enablers = new StancePolicy(true, true, EnablersOnly: true, null, false);
        var zero = new StancePolicy(true, true, false, MaxManoeuvreBrigades: 0, false);

        Assert.False(enablers.Allows(UnitKind.ManoeuvreBrigade, false));
        Assert.True(enablers.Allows(UnitKind.Engineer, false));
        Assert.False(zero.Allows(UnitKind.ManoeuvreBrigade, false));
        Assert.Equal(0, enablers.ManoeuvreBrigadeCap);
        Assert.Equal(int.MaxValue, new StancePolicy(true, true, false, null, false).ManoeuvreBrigadeCap);
    }

    [Fact]
    public void StancePolicy_CeasefireOnly_ContributesInACeasefireAlone()
    {
        var peacekeeping = new StancePolicy(true, true, false, null, CeasefireOnly: true);

        Assert.False(peacekeeping.Allows(UnitKind.Medical, ceasefire: false));
        Assert.True(peacekeeping.Allows(UnitKind.Medical, ceasefire: true));
        Assert.False(new StancePolicy(false, true, false, null, false).Allows(UnitKind.Medical, ceasefire: true));
    }

    [Property]
    public Property ScenarioId_IsValidExactlyForTheGrammar(NonNull<string> text)
    {
        var id = text.Get;
        var grammar = id.Length is > 0 and <= ScenarioId.MaxLength && id.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c is '-' or '_');
        return (ScenarioId.IsValid(id) == grammar).ToProperty();
    }

    [Theory]
    [InlineData("seed-offer-2025-02", true)]
    [InlineData("us_walk_away", true)]
    [InlineData("Seed", false)]
    [InlineData("a b", false)]
    [InlineData("", false)]
    public void ScenarioId_Examples(string id, bool valid) => Assert.Equal(valid, ScenarioId.IsValid(id));

    [Fact]
    public void ScenarioId_LongerThanTheLimit_IsInvalid() => Assert.False(ScenarioId.IsValid(new string('a', ScenarioId.MaxLength + 1)));
}
