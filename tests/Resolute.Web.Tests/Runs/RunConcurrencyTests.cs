namespace Resolute.Web.Tests.Runs;

public sealed class RunConcurrencyTests
{
    // 100,000 campaigns: the balance stage would take minutes, so both runs are surely still going when they are looked at
    // (3.5 billion sector-days, above the default ceiling, so the ceiling is raised as an admin would).
    private static Dictionary<string, string?> Long(int concurrent) => new()
    {
        ["Resolute:Runs"] = "100000",
        ["Resolute:MaxSectorDays"] = "10000000000",
        ["Resolute:ConcurrentRuns"] = concurrent.ToString(System.Globalization.CultureInfo.InvariantCulture),
    };

    [Theory]
    [InlineData(1, "queued")]
    [InlineData(2, "running")]
    public async Task Start_TwoRuns_TheSecondWaitsOrRunsAsConcurrentRunsSays(int concurrent, string second)
    {
        await using var app = new ResoluteFactory(settings: Long(concurrent));
        using var analyst = await app.SignInAsync(Roles.Analyst);
        var a = await Sse.StartAsync(analyst, Bundled.Quick);
        var b = await Sse.StartAsync(analyst, Bundled.Quick);

        await Poll.UntilAsync(() => analyst.GetJsonAsync<RunSummary>($"/api/runs/{a.Id}"),
            r => r.Status == "running" && r.Stage.StartsWith("balance:", StringComparison.Ordinal), TimeSpan.FromSeconds(60), "the first run to reach the balance stage");
        var seen = await Poll.UntilAsync(() => analyst.GetJsonAsync<RunSummary>($"/api/runs/{b.Id}"),
            r => r.Status == second, TimeSpan.FromSeconds(60), $"the second run to be {second}");
        var first = await analyst.GetJsonAsync<RunSummary>($"/api/runs/{a.Id}");

        Assert.Equal(second, seen.Status);
        Assert.Equal("running", first.Status);
        foreach (var id in new[] { a.Id, b.Id })
        {
            using var cancel = await analyst.PostJsonAsync($"/api/runs/{id}/cancel");
            Assert.True(cancel.IsSuccessStatusCode, $"cancel {id}: {cancel.StatusCode}");
        }
    }

    [Fact]
    public void Validate_ConcurrentRunsOutOfRange_IsReported()
    {
        Assert.Contains("Resolute:ConcurrentRuns: expected 1 to 16, found 0", new ResoluteOptions { ConcurrentRuns = 0 }.Validate().Select(d => d.ToString()));
        Assert.Empty(new ResoluteOptions { ConcurrentRuns = 4 }.Validate());
        // The plan options' settings keep the dashboard's names.
        Assert.Equal(["Resolute:Threads: expected at least 1, found 0", "Resolute:SobolSamples: expected 0 or at least 2, found 1"],
            new ResoluteOptions { Threads = 0, SobolSamples = 1 }.Validate().Select(d => d.ToString()));
    }
}
