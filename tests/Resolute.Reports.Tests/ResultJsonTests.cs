using Resolute.Planning;

namespace Resolute.Reports.Tests;

[Collection(PlannedDefault.Name)]
public sealed class ResultJsonTests(PlanFixture fixture)
{
    [Fact]
    public void Read_WrittenResult_RoundTripsToTheSameJson()
    {
        var json = ResultJson.Write(fixture.Result);

        var read = ResultJson.Read(json);

        Assert.Null(read.Error);
        Assert.Equal(json, ResultJson.Write(read.Value!));
    }

    [Fact]
    public void Read_RoundTrippedResult_RendersTheSameBriefing()
    {
        var read = ResultJson.Read(fixture.Files.Json).Value!;

        var again = Briefing.Render(read);

        Assert.Equal(fixture.Files.Markdown, again.Markdown);
        Assert.Equal(fixture.Files.Html, again.Html);
    }

    [Fact]
    public void Read_OtherSchemaVersion_SaysWhichVersionsDiffer()
    {
        var json = fixture.Files.Json.Replace("\"schema_version\": 2", "\"schema_version\": 1", StringComparison.Ordinal);

        var read = ResultJson.Read(json);

        Assert.Null(read.Value);
        Assert.Equal("schema version 1; this resolute reads schema version 2 only (re-run `resolute plan` with this version to regenerate it)", read.Error);
    }

    [Fact]
    public void Read_TruncatedFile_ReportsInvalidJsonWithPosition()
    {
        var read = ResultJson.Read(fixture.Files.Json[..200]);

        Assert.Null(read.Value);
        Assert.StartsWith("not a valid schema-2 result", read.Error, StringComparison.Ordinal);
        var lines = fixture.Files.Json[..200].Split('\n');
        Assert.Equal(lines.Length, read.Line);
        Assert.Equal(lines[^1].Length + 1, read.Column);
    }

    [Fact]
    public void Read_ErrorAfterNonAsciiText_ColumnCountsCharactersNotBytes()
    {
        var read = ResultJson.Read("{\n  \"a\": \"é€\", x}");

        Assert.Equal((2, 14), (read.Line, read.Column));
        Assert.Equal("result.json:2:14: " + read.Error, read.Describe("result.json"));
    }

    [Theory]
    [InlineData("[]", "expected a JSON object, found array: not a Resolute result")]
    [InlineData("{}", "no schema_version: not a Resolute result of schema version 2 (re-run `resolute plan` to write one)")]
    [InlineData("{\"schema_version\": \"2\"}", "no schema_version: not a Resolute result of schema version 2 (re-run `resolute plan` to write one)")]
    public void Read_NotAResult_SaysSo(string json, string error)
    {
        Assert.Equal(error, ResultJson.Read(json).Error);
    }

    [Fact]
    public void Read_MissingSections_NamesTheMissingFields()
    {
        var read = ResultJson.Read("{\"schema_version\": 2}");

        Assert.Null(read.Value);
        Assert.Contains("missing required properties including: 'scenario'", read.Error, StringComparison.Ordinal);
    }
}
