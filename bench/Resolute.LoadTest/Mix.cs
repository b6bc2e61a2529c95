using System.Globalization;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace Resolute.LoadTest;

/// <summary>What the clients touch: the scenarios (ids and YAML, for the editor's validation) and one finished run.</summary>
internal sealed record Targets(IReadOnlyList<string> ScenarioIds, IReadOnlyList<string> Yaml, long? RunId);

/// <summary>One kind of request in the mix, with its share of the requests.</summary>
internal sealed record Operation(string Name, int Weight, Func<Session, Targets, Random, HttpRequestMessage> Build);

/// <summary>
/// The request mix of people reading and editing scenarios and watching runs: the lists and pages they open most,
/// a scenario's YAML, and the editor's live validation (one POST per pause in typing).
/// </summary>
internal static class Mix
{
    public static readonly IReadOnlyList<Operation> Operations =
    [
        new("GET /api/scenarios", 15, (_, _, _) => Get("/api/scenarios")),
        new("GET /api/scenarios/{id}", 15, (_, t, r) => Get("/api/scenarios/" + Uri.EscapeDataString(t.ScenarioIds[r.Next(t.ScenarioIds.Count)]))),
        new("POST /api/scenarios/validate", 20, (s, t, r) =>
        {
            var i = r.Next(t.Yaml.Count);
            var request = new HttpRequestMessage(HttpMethod.Post, new Uri("/api/scenarios/validate", UriKind.Relative))
            {
                Content = JsonContent.Create(new { yaml = t.Yaml[i], id = t.ScenarioIds[i] }),
            };
            request.Headers.Add("X-CSRF-TOKEN", s.Token);
            return request;
        }),
        new("GET /api/runs", 15, (_, _, _) => Get("/api/runs")),
        new("GET /scenarios (page)", 20, (_, _, _) => Get("/scenarios")),
        new("GET /runs/{id} (page)", 15, (_, t, _) => Get("/runs/" + t.RunId!.Value.ToString(CultureInfo.InvariantCulture))),
    ];

    /// <summary>Picks an operation by weight (operations that need a run are left out when there is none).</summary>
    public static Operation Pick(Random random, Targets targets)
    {
        var usable = targets.RunId is null ? Operations.Where(o => !o.Name.Contains("/runs/{id}", StringComparison.Ordinal)).ToList() : Operations;
        var roll = random.Next(usable.Sum(o => o.Weight));
        foreach (var o in usable)
        {
            if (roll < o.Weight) return o;
            roll -= o.Weight;
        }
        return usable[^1];
    }

    /// <summary>
    /// Reads the scenarios and finds a finished run; when there is none and the user may run scenarios, starts one and
    /// waits for it (at most five minutes).
    /// </summary>
    public static async Task<Targets> PrepareAsync(Session session, TextWriter log, CancellationToken ct)
    {
        var http = session.Http;
        using var list = await http.GetFromJsonAsync<JsonDocument>(new Uri("/api/scenarios", UriKind.Relative), ct) ?? throw new InvalidOperationException("no scenario list");
        var ids = list.RootElement.EnumerateArray().Select(s => s.GetProperty("id").GetString()!).ToList();
        if (ids.Count == 0) throw new InvalidOperationException("the dashboard has no scenarios");
        var yaml = new List<string>();
        foreach (var id in ids)
        {
            using var doc = await http.GetFromJsonAsync<JsonDocument>(new Uri("/api/scenarios/" + Uri.EscapeDataString(id), UriKind.Relative), ct);
            yaml.Add(doc!.RootElement.GetProperty("yaml").GetString()!);
        }

        using var runs = await http.GetFromJsonAsync<JsonDocument>(new Uri("/api/runs", UriKind.Relative), ct);
        var finished = runs!.RootElement.EnumerateArray().FirstOrDefault(r => r.GetProperty("hasResult").GetBoolean());
        if (finished.ValueKind == JsonValueKind.Object) return new Targets(ids, yaml, finished.GetProperty("id").GetInt64());

        var scenario = ids.Contains("seed-offer-ready-90-days") ? "seed-offer-ready-90-days" : ids[0];
        using var start = new HttpRequestMessage(HttpMethod.Post, new Uri($"/api/scenarios/{Uri.EscapeDataString(scenario)}/runs", UriKind.Relative));
        start.Headers.Add("X-CSRF-TOKEN", session.Token);
        using var started = await http.SendAsync(start, ct);
        if (!started.IsSuccessStatusCode)
        {
            await log.WriteLineAsync($"No finished run, and starting one answered {(int)started.StatusCode}: the mix leaves out GET /runs/{{id}}.");
            return new Targets(ids, yaml, null);
        }
        using var run = await started.Content.ReadFromJsonAsync<JsonDocument>(ct);
        var runId = run!.RootElement.GetProperty("id").GetInt64();
        await log.WriteLineAsync($"No finished run yet: started run {runId} of {scenario} and waiting for it.");
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(TimeSpan.FromMinutes(5));
        while (true)
        {
            await Task.Delay(TimeSpan.FromMilliseconds(500), timeout.Token);
            using var status = await http.GetFromJsonAsync<JsonDocument>(new Uri($"/api/runs/{runId}", UriKind.Relative), timeout.Token);
            var s = status!.RootElement.GetProperty("status").GetString();
            if (s == "succeeded") return new Targets(ids, yaml, runId);
            if (s is "failed" or "cancelled" or "interrupted")
            {
                await log.WriteLineAsync($"Run {runId} ended {s}: the mix leaves out GET /runs/{{id}}.");
                return new Targets(ids, yaml, null);
            }
        }
    }

    /// <summary>Reads the whole answer (a client reads what it asked for) and says whether it was a success.</summary>
    public static async Task<bool> ReadAsync(HttpResponseMessage response, CancellationToken ct)
    {
        var body = await response.Content.ReadAsByteArrayAsync(ct);
        return response.IsSuccessStatusCode && body.Length > 0;
    }

    public static string Describe(IEnumerable<Operation> operations)
    {
        var total = (double)operations.Sum(o => o.Weight);
        var b = new StringBuilder();
        foreach (var o in operations) b.Append(CultureInfo.InvariantCulture, $"{o.Name} {o.Weight / total:0%}, ");
        return b.ToString().TrimEnd(' ', ',');
    }

    private static HttpRequestMessage Get(string path) => new(HttpMethod.Get, new Uri(path, UriKind.Relative));
}
