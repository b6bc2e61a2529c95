using System.Text.Json;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Resolute.Domain.Assumptions;
using Resolute.Domain.Diagnostics;
using Resolute.Domain.Edits;

namespace Resolute.Domain.Tests;

public sealed class ScenarioEditTests
{
    private static readonly ScenarioEdit[] Examples =
    [
        new SetStance("DEU", StanceLevel.NotRuledOut),
        new SetShares(0.75, 0.75),
        new SetShares(0.6, null),
        new SetShares(null, 0.9),
        new DisableGroupShare(),
        new SetDeadline(new DateOnly(2025, 5, 15)),
        new SetReadinessWindow(90),
        new SetHomeDefenceFloor("POL", 0.25),
        new SetCohesion(4),
        new SetRotation(RotationChange.Ratio, 2),
        new SetRotation(RotationChange.SingleRotation),
        new SetRotation(RotationChange.Off),
        new ReleaseUnits(ReleasedUnits.Committed),
        new ReleaseUnits(ReleasedUnits.HomeDefence),
        new DisableUsBackstop(),
        new AllowUsKind(UnitKind.ManoeuvreBrigade),
        new AllowUsNetIncrease(),
        new SetCeasefire(true),
        new SetAssumption(AssumptionCatalogue.Of(CampaignParameter.AidLevel).Id, 1.5),
    ];

    public static TheoryData<string> Texts() => [.. Examples.Select(e => e.Text)];

    [Theory]
    [MemberData(nameof(Texts))]
    public void Text_ReadsBackAsTheSameEdit(string text)
    {
        var edit = Examples.Single(e => e.Text == text);

        var (back, problem) = WhatIfText.Parse(text);

        Assert.Null(problem);
        Assert.Equal(edit, back);
    }

    [Property]
    public Property AnyShare_ReadsBack(NonNegativeInt hundredths)
    {
        var share = Math.Min(hundredths.Get, 100) / 100.0;
        var edit = new SetShares(share, share);
        return (WhatIfText.Parse(edit.Text).Edit == edit).ToProperty();
    }

    [Fact]
    public void Json_WritesTheTextAndReadsTheEdit()
    {
        var json = JsonSerializer.Serialize<ScenarioEdit[]>(Examples);

        Assert.Equal(JsonSerializer.Serialize(Examples.Select(e => e.Text)), json);
        Assert.Equal(Examples, JsonSerializer.Deserialize<ScenarioEdit[]>(json));
        Assert.Throws<JsonException>(() => JsonSerializer.Deserialize<ScenarioEdit>("\"share=2\""));
    }

    [Theory]
    [InlineData("nonsense", "RES020", "expected KEY=VALUE, e.g. DEU=not_ruled_out or share=0.75, found 'nonsense'")]
    [InlineData("share=1.5", "RES022", "expected a share between 0 and 1, found 1.5")]
    [InlineData("DEU=maybe", "RES021", "expected a stance (troops_discussed, not_ruled_out, peacekeeping_only, cautious, sceptical, opposed, unknown), found 'maybe'")]
    [InlineData("rotation=0", "RES022", "expected single, off or a rotation ratio (1..10), found 0")]
    [InlineData("cohesion=51", "RES022", "expected a number of nations per division (1..50), found 51")]
    [InlineData("assumption.aid_levl=1", "RES031", "unknown assumption 'aid_levl'; did you mean 'aid_level'?")]
    [InlineData("assumption.aid_level=-1", "RES022", "expected a value in [0, ∞) for 'aid_level' (ratio), found -1")]
    public void BadText_SaysWhatWasExpected(string text, string code, string message)
    {
        var (edit, problem) = WhatIfText.Parse(text);

        Assert.Null(edit);
        Assert.Equal((code, message), (problem!.Value.Code.Id(), problem.Value.Text));
    }

    [Fact]
    public void Constructors_RefuseWhatTheLoaderRefuses()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new SetRotation(RotationChange.Ratio, 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => new SetRotation(RotationChange.Ratio, RotationRule.MaxRatio + 1));
        Assert.Throws<ArgumentOutOfRangeException>(() => new SetCohesion(0));
        Assert.Throws<ArgumentOutOfRangeException>(() => new SetHomeDefenceFloor("POL", 1.2));
        Assert.Throws<ArgumentOutOfRangeException>(() => new SetShares(-0.1, null));
        Assert.Throws<ArgumentException>(() => new SetShares(0.5, 0.6));
        Assert.Throws<ArgumentException>(() => new SetAssumption("no_such_assumption", 1));
        Assert.Throws<ArgumentOutOfRangeException>(() => new SetAssumption(AssumptionCatalogue.Of(CampaignParameter.SanctionsCut).Id, 2));
    }
}
