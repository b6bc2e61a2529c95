namespace Resolute.Web.Tests.Runs;

public sealed class RunCancelTests
{
    [Fact]
    public async Task Cancel_DuringTheBalanceStage_EndsCancelledWithoutResult()
    {
        // 100,000 campaigns: the balance stage would take minutes, so the cancel surely lands mid-run (3.5 billion
        // sector-days, above the default ceiling, so the ceiling is raised as an admin would).
        await using var app = new ResoluteFactory(settings: new Dictionary<string, string?> { ["Resolute:Runs"] = "100000", ["Resolute:MaxSectorDays"] = "10000000000" });
        using var analyst = await app.SignInAsync(Roles.Analyst);
        var run = await Sse.StartAsync(analyst, Bundled.Quick);
        await Poll.UntilAsync(() => analyst.GetJsonAsync<RunSummary>($"/api/runs/{run.Id}"),
            r => r.Status == "running" && r.Stage.StartsWith("balance:", StringComparison.Ordinal), TimeSpan.FromSeconds(60), "the run to reach the balance stage");

        using var response = await analyst.PostJsonAsync($"/api/runs/{run.Id}/cancel");

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        Assert.Equal(new CancelResponse(run.Id, "cancelling"), await response.Content.ReadFromJsonAsync<CancelResponse>());
        var events = await Sse.ReadToEndAsync(analyst, run.Id, TimeSpan.FromSeconds(20));
        Assert.Equal(("cancelled", "cancelled by a user; nothing was saved"), (events[^1].Progress.Status, events[^1].Progress.Stage));
        var finished = await analyst.GetJsonAsync<RunSummary>($"/api/runs/{run.Id}");
        Assert.Equal(("cancelled", false), (finished.Status, finished.HasResult));
        using var result = await analyst.GetAsync($"/api/runs/{run.Id}/result");
        Assert.Equal(HttpStatusCode.Conflict, result.StatusCode);
        Assert.Equal($"Run {run.Id} has no result: its status is cancelled.", (await Bundled.ProblemAsync(result)).GetProperty("detail").GetString());
        using var briefing = await analyst.GetAsync($"/runs/{run.Id}/briefing");
        Assert.Equal(HttpStatusCode.Conflict, briefing.StatusCode);
        using var again = await analyst.PostJsonAsync($"/api/runs/{run.Id}/cancel");
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
    }
}
