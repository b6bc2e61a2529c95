using System.Diagnostics;
using System.Text;
using System.Text.RegularExpressions;
using AngleSharp.Html.Dom;

namespace Resolute.Web.Tests.Hosting;

/// <summary>
/// Input that would hold the server's cores or memory is refused with a clear answer, within seconds: an alias bomb, a
/// huge name, a requirement or a campaign count far beyond the ceilings; a return address with a tab is not a 500; every
/// page sends a Content-Security-Policy whose nonce its inline code carries. The time bound is a guard, not a benchmark.
/// </summary>
public sealed partial class BoundedInputTests(AppFixture fixture) : IClassFixture<AppFixture>
{
    private static readonly TimeSpan Guard = TimeSpan.FromSeconds(10);

    /// <summary>Nested aliases, each nine of the one before, used as mapping keys: under a kilobyte, 9⁹ nodes expanded.</summary>
    private static string AliasBomb()
    {
        var b = new StringBuilder("stance_overrides:\n  ? &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n  : ruled_out\n");
        for (var i = 1; i <= 8; i++)
            b.Append("  ? &a").Append(i).Append(" [").Append(string.Join(", ", Enumerable.Repeat($"*a{i - 1}", 9))).Append("]\n  : ruled_out\n");
        return b.ToString();
    }

    private static string Seed(string id) => Bundled.WithId(Bundled.Yaml(Bundled.Quick), id);

    private static async Task<(T Value, TimeSpan Took)> TimedAsync<T>(Func<Task<T>> work)
    {
        var clock = Stopwatch.StartNew();
        var value = await work();
        return (value, clock.Elapsed);
    }

    [Fact]
    public async Task Validate_AliasBombAsAMappingKey_ReportsTheAliasWithinSeconds()
    {
        var viewer = await fixture.As(Roles.Viewer);
        var bomb = AliasBomb();
        var yaml = Seed("alias-bomb").Replace("\nceasefire: false\n", "\nceasefire: false\n" + bomb, StringComparison.Ordinal);
        Assert.True(Encoding.UTF8.GetByteCount(bomb) < 1024, "the bomb is under a kilobyte");

        var (response, took) = await TimedAsync(() => viewer.PostJsonAsync("/api/scenarios/validate", new ValidateRequest(yaml, "alias-bomb")));
        using var _ = response;

        Assert.True(took < Guard, $"took {took.TotalSeconds:0.0} s");
        var body = (await response.Content.ReadFromJsonAsync<ValidateResponse>())!;
        Assert.False(body.Valid);
        var problem = Assert.Single(body.Problems);
        Assert.Equal(("RES003", Bundled.LineOf(yaml, "  ? &a5 "), 10), (problem.Code, problem.Line, problem.Column));
        Assert.Equal("expected a document of at most 100,000 YAML nodes, found an alias after which aliases expand to more than 100,000 nodes", problem.Message);
    }

    [Fact]
    public async Task Validate_NameOfAHundredThousandCharacters_IsRefusedAtTheName()
    {
        var viewer = await fixture.As(Roles.Viewer);
        var yaml = Bundled.WithName(Seed("long-name"), new string('x', 100_000));

        var (response, took) = await TimedAsync(() => viewer.PostJsonAsync("/api/scenarios/validate", new ValidateRequest(yaml, "long-name")));
        using var _ = response;

        Assert.True(took < Guard, $"took {took.TotalSeconds:0.0} s");
        var problem = Assert.Single((await response.Content.ReadFromJsonAsync<ValidateResponse>())!.Problems);
        Assert.Equal((Bundled.LineOf(yaml, "name:"), 7, "expected a text of at most 200 characters, found 100,000 characters"), (problem.Line, problem.Column, problem.Message));
    }

    [Fact]
    public async Task Validate_FiveMegabyteName_Answers413BeforeReadingIt()
    {
        var viewer = await fixture.As(Roles.Viewer);
        var yaml = Bundled.WithName(Seed("huge-name"), new string('x', 5 * 1024 * 1024));

        var (response, took) = await TimedAsync(() => viewer.PostJsonAsync("/api/scenarios/validate", new ValidateRequest(yaml, "huge-name")));
        using var _ = response;

        Assert.True(took < Guard, $"took {took.TotalSeconds:0.0} s");
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.StartsWith("The upload is 5 MiB; the limit is 256 KiB.", (await Bundled.ProblemAsync(response)).GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task StartRun_HundredDivisionsOfAThousandBrigades_Answers422AndQueuesNothing()
    {
        var analyst = await fixture.As(Roles.Analyst);
        var yaml = Seed("huge-requirement").Replace("{template: plussed_up_division, count: 3}", "{template: plussed_up_division, count: 100}", StringComparison.Ordinal)
            .Replace("{role: manoeuvre_brigade, count: 3,", "{role: manoeuvre_brigade, count: 1000,", StringComparison.Ordinal);

        var problem = await RefusedAsync(analyst, "huge-requirement", yaml);

        Assert.StartsWith("expected at most 200,000 slot × candidate-unit pairs for force generation before the work starts, found an estimate of ",
            problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Contains("100,722 slots", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task StartRun_TenMillionCampaigns_Answers422AndQueuesNothing()
    {
        // The shared test host plans 200 campaigns whatever the scenario says; this one takes the scenario's count.
        await using var app = new ResoluteFactory(settings: new Dictionary<string, string?> { ["Resolute:Runs"] = null });
        using var analyst = await app.SignInAsync(Roles.Analyst);
        var yaml = Seed("ten-million-runs").Replace("simulation: {runs: 2000,", "simulation: {runs: 10000000,", StringComparison.Ordinal);

        var problem = await RefusedAsync(analyst, "ten-million-runs", yaml);

        Assert.StartsWith("expected at most 2,000,000,000 campaign sector-days before the work starts, found an estimate of ",
            problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    /// <summary>Saves <paramref name="yaml"/> (valid: within the format's bounds), starts a run of it and checks it is refused at once.</summary>
    private static async Task<JsonElement> RefusedAsync(Session analyst, string id, string yaml)
    {
        using (var created = await analyst.PostJsonAsync("/api/scenarios", new ValidateRequest(yaml)))
            Assert.Equal(HttpStatusCode.Created, created.StatusCode);

        var (response, took) = await TimedAsync(() => analyst.PostJsonAsync($"/api/scenarios/{id}/runs"));
        using var _ = response;

        Assert.True(took < Guard, $"took {took.TotalSeconds:0.0} s");
        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var problem = await Bundled.ProblemAsync(response);
        Assert.Equal("The run is larger than the server allows", problem.GetProperty("title").GetString());
        Assert.Contains("raise the ceiling with the setting Resolute:Max", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.EndsWith("Nothing was queued.", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal("RES080", problem.GetProperty("problems")[0].GetProperty("code").GetString());
        Assert.Empty(await analyst.GetJsonAsync<List<RunSummary>>($"/api/runs?scenario={id}"));
        return problem;
    }

    [Fact]
    public async Task Run_PastItsTimeLimit_StopsAndSaysSo()
    {
        // 50,000 campaigns per ensemble: within the work ceilings, and far more than a second's work.
        await using var app = new ResoluteFactory(settings: new Dictionary<string, string?> { ["Resolute:RunTimeLimitSeconds"] = "1", ["Resolute:Runs"] = "50000" });
        using var analyst = await app.SignInAsync(Roles.Analyst);

        var started = await Sse.StartAsync(analyst, Bundled.Realistic);
        var run = await Sse.FinishedAsync(analyst, started.Id, TimeSpan.FromSeconds(60));

        Assert.Equal(("failed", false), (run.Status, run.HasResult));
        Assert.Equal("failed: stopped after 1 s, the server's time limit for a run; nothing was saved", run.Stage);
        Assert.Equal("the run passed its time limit of 1 s (setting Resolute:RunTimeLimitSeconds)", run.Error);
        Assert.True(run.FinishedUtc - run.StartedUtc < Guard, $"stopped {(run.FinishedUtc - run.StartedUtc)?.TotalSeconds:0.0} s after it started");
    }

    [Fact]
    public async Task RunButton_WorkAboveTheCeiling_ShowsTheEditorWithTheEstimate()
    {
        var analyst = await fixture.As(Roles.Analyst);
        var yaml = Seed("page-huge").Replace("{role: manoeuvre_brigade, count: 3,", "{role: manoeuvre_brigade, count: 1000,", StringComparison.Ordinal);
        using (var created = await analyst.PostJsonAsync("/api/scenarios", new ValidateRequest(yaml)))
            Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var editor = await analyst.PageAsync("/scenarios/page-huge");
        var token = ((IHtmlInputElement)editor.QuerySelector("form[action$='/runs'] input[name=__RequestVerificationToken]")!).Value;

        using var response = await analyst.PostFormAsync("/scenarios/page-huge/runs", new() { ["from"] = "editor" }, token);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var message = (await Session.ParseAsync(response)).QuerySelector("#message")?.TextContent ?? "";
        Assert.StartsWith("Not run: the run is larger than the server allows (expected at most 200,000 slot × candidate-unit pairs", message, StringComparison.Ordinal);
        Assert.EndsWith("Nothing was queued.", message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Upload_InvalidUtf8_IsRefusedAtTheByte()
    {
        var analyst = await fixture.As(Roles.Analyst);
        var editor = await analyst.PageAsync($"/scenarios/{Bundled.Quick}");
        var token = ((IHtmlInputElement)editor.QuerySelector("form[action$='/upload'] input[name=__RequestVerificationToken]")!).Value;
        using var form = new MultipartFormDataContent
        {
            { new StringContent(token), "__RequestVerificationToken" },
            { new ByteArrayContent([.. "id: x\nname: Caf"u8, 0xE9, .. "\n"u8]), "file", "latin1.yaml" },
        };

        using var response = await analyst.Client.PostAsync(Session.Relative($"/scenarios/{Bundled.Quick}/upload"), form);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var page = await Session.ParseAsync(response);
        Assert.Equal("Not loaded: latin1.yaml is not UTF-8 text (the problems below give the lines).", page.QuerySelector("#message")?.TextContent);
        Assert.StartsWith("Line 2, column 10: expected UTF-8 text, found the byte 0xE9", page.QuerySelector("#problems li.error")?.TextContent, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/\t/evil.example")]
    [InlineData("/scenarios\t")]
    [InlineData("/\n/evil.example")]
    public async Task Login_ReturnUrlWithAControlCharacter_RedirectsToTheScenarioList(string returnUrl)
    {
        await fixture.As(Roles.Viewer); // creates the user
        var session = new Session(fixture.App.Anonymous());
        using var page = await session.GetAsync("/login?returnUrl=" + Uri.EscapeDataString(returnUrl));
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        var token = await session.FormTokenAsync("/login");

        using var response = await session.PostFormAsync("/login", new() { ["userName"] = "test-" + Roles.Viewer, ["password"] = ResoluteFactory.Password, ["returnUrl"] = returnUrl }, token);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/scenarios", response.Headers.Location?.OriginalString);
    }

    [Theory]
    [InlineData("/login", null)]
    [InlineData("/scenarios", Roles.Viewer)]
    [InlineData("/scenarios/" + Bundled.Quick, Roles.Analyst)]
    [InlineData("/no-such-page", Roles.Viewer)]
    public async Task Page_Any_SendsAPolicyWhoseNonceItsInlineCodeCarries(string path, string? role)
    {
        var session = role is null ? new Session(fixture.App.Anonymous()) : await fixture.As(role);

        using var response = await session.GetAsync(path);

        var policy = response.Headers.GetValues("Content-Security-Policy").Single();
        var nonce = NonceIn().Match(policy);
        Assert.True(nonce.Success, policy);
        Assert.Contains("default-src 'none'", policy, StringComparison.Ordinal);
        Assert.Contains("frame-ancestors 'self'", policy, StringComparison.Ordinal);
        var doc = await Session.ParseAsync(response);
        var inline = doc.QuerySelectorAll("script, style").ToList();
        Assert.NotEmpty(inline);
        Assert.All(inline, e => Assert.Equal(nonce.Groups[1].Value, e.GetAttribute("nonce")));
        Assert.DoesNotContain(doc.QuerySelectorAll("*").SelectMany(e => e.Attributes), a => a.Name.StartsWith("on", StringComparison.Ordinal) || a.Name == "style");
    }

    [Fact]
    public async Task Page_TwoRequests_GetDifferentNonces()
    {
        var viewer = await fixture.As(Roles.Viewer);

        using var a = await viewer.GetAsync("/scenarios");
        using var b = await viewer.GetAsync("/scenarios");

        Assert.NotEqual(a.Headers.GetValues("Content-Security-Policy").Single(), b.Headers.GetValues("Content-Security-Policy").Single());
    }

    [GeneratedRegex("script-src 'nonce-([A-Za-z0-9+/=]+)'")]
    private static partial Regex NonceIn();
}
