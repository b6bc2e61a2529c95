using System.Text;

namespace Resolute.Web.Tests.Support;

/// <summary>Reads a run's server-sent event stream to its end.</summary>
public static class Sse
{
    /// <summary>Every event (name and progress) until the server closes the stream; fails if that takes longer than <paramref name="timeout"/>.</summary>
    public static async Task<List<(string Event, RunProgress Progress)>> ReadToEndAsync(Session session, long runId, TimeSpan timeout)
    {
        using var cts = new CancellationTokenSource(timeout);
        var events = new List<(string, RunProgress)>();
        try
        {
            using var response = await session.Client.GetAsync(Session.Relative($"/api/runs/{runId}/events"), HttpCompletionOption.ResponseHeadersRead, cts.Token);
            response.EnsureSuccessStatusCode();
            Assert.Equal("text/event-stream", response.Content.Headers.ContentType?.MediaType);
            await using var stream = await response.Content.ReadAsStreamAsync(cts.Token);
            using var reader = new StreamReader(stream, Encoding.UTF8);
            var name = "message";
            var data = new StringBuilder();
            while (await reader.ReadLineAsync(cts.Token) is { } line)
            {
                if (line.Length == 0)
                {
                    if (data.Length > 0) events.Add((name, JsonSerializer.Deserialize<RunProgress>(data.ToString(), JsonSerializerOptions.Web)!));
                    name = "message";
                    data.Clear();
                }
                else if (line.StartsWith("event:", StringComparison.Ordinal)) name = line["event:".Length..].Trim();
                else if (line.StartsWith("data:", StringComparison.Ordinal)) data.Append(line["data:".Length..].TrimStart());
            }
        }
        catch (OperationCanceledException) when (cts.IsCancellationRequested)
        {
            Assert.Fail($"the event stream of run {runId} did not end within {timeout.TotalSeconds:0} s; events so far: {string.Join(", ", events.Select(e => e.Item2.Status + "/" + e.Item2.Stage))}");
        }
        return events;
    }

    /// <summary>Polls <c>GET /api/runs/{id}</c> until the run has finished.</summary>
    public static Task<RunSummary> FinishedAsync(Session session, long runId, TimeSpan timeout) =>
        Poll.UntilAsync(() => session.GetJsonAsync<RunSummary>($"/api/runs/{runId}"), r => r.Status is not ("queued" or "running"), timeout, $"run {runId} to finish");

    /// <summary>Starts a run of a saved scenario through the API.</summary>
    public static async Task<RunSummary> StartAsync(Session session, string scenarioId)
    {
        using var response = await session.PostJsonAsync($"/api/scenarios/{scenarioId}/runs");
        Assert.Equal(System.Net.HttpStatusCode.Accepted, response.StatusCode);
        var run = (await response.Content.ReadFromJsonAsync<RunSummary>())!;
        Assert.Equal($"/api/runs/{run.Id}", response.Headers.Location?.OriginalString);
        return run;
    }
}
