namespace Resolute.Web.Tests.Api;

/// <summary>The scenario API: read, validate with positions, save with revision checks, copy, and the request limits.</summary>
public sealed class ScenarioApiTests(AppFixture fixture) : IClassFixture<AppFixture>
{
    [Fact]
    public async Task List_Viewer_ReturnsEveryBundledScenario()
    {
        var viewer = await fixture.As(Roles.Viewer);

        var list = await viewer.GetJsonAsync<List<ScenarioSummary>>("/api/scenarios");

        Assert.Subset(list.Select(s => s.Id).ToHashSet(), Bundled.Ids().ToHashSet());
        Assert.All(list, s => Assert.True(s.Revision >= 1));
    }

    [Fact]
    public async Task Get_Known_ReturnsTheBundledText()
    {
        var viewer = await fixture.As(Roles.Viewer);

        var doc = await viewer.GetJsonAsync<ScenarioDocument>($"/api/scenarios/{Bundled.Quick}");

        Assert.Equal(Bundled.Quick, doc.Id);
        Assert.Equal(Bundled.Yaml(Bundled.Quick), doc.Yaml);
        Assert.Equal("bundled", doc.UpdatedBy);
    }

    [Fact]
    public async Task Get_Unknown_Returns404Problem()
    {
        var viewer = await fixture.As(Roles.Viewer);

        using var response = await viewer.GetAsync("/api/scenarios/no-such-scenario");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        var problem = await Bundled.ProblemAsync(response);
        Assert.Equal("No scenario 'no-such-scenario'.", problem.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task Validate_TwoBadValues_ReportsEachAtItsLineAndColumn()
    {
        var viewer = await fixture.As(Roles.Viewer);
        var yaml = Bundled.Yaml(Bundled.Quick).Replace("\nceasefire: false", "\nceasefire: maybe", StringComparison.Ordinal)
            .Replace("\nseed: 20250210", "\nseed: [1, 2]", StringComparison.Ordinal);

        var body = await ValidateAsync(viewer, yaml, Bundled.Quick);

        Assert.False(body.Valid);
        var errors = body.Problems.Where(p => p.Severity == "error").ToList();
        Assert.Equal(
            [
                (Bundled.LineOf(yaml, "ceasefire:"), 12, "expected true or false, found 'maybe'"),
                (Bundled.LineOf(yaml, "seed:"), 7, "expected a whole number, found a list"),
            ],
            errors.Select(p => (p.Line, p.Column, p.Message)));
    }

    [Fact]
    public async Task Validate_AssumptionsAgainstTheCatalogue_ReportsEachAtItsNode()
    {
        // The three mistakes the catalogue catches: a misspelt id, a required one left out, a rotation ratio of 0.
        var viewer = await fixture.As(Roles.Viewer);
        var yaml = Bundled.Yaml(Bundled.Quick)
            .Replace("  - id: aid_level\n", "  - id: aid_levl\n", StringComparison.Ordinal)
            .Replace("rotation: {ratio: 3,", "rotation: {ratio: 0,", StringComparison.Ordinal);

        var body = await ValidateAsync(viewer, yaml, Bundled.Quick);

        Assert.False(body.Valid);
        var errors = body.Problems.Where(p => p.Severity == "error").Select(p => (p.Code, p.Line, p.Message)).ToList();
        Assert.Contains(("RES022", Bundled.LineOf(yaml, "  rotation:"), "expected a number from 1 to 10, found 0"), errors);
        Assert.Contains(("RES031", Bundled.LineOf(yaml, "  - id: aid_levl"), "unknown assumption 'aid_levl'; did you mean 'aid_level'?"), errors);
        Assert.Contains(errors, e => e.Code == "RES034" && e.Line == Bundled.LineOf(yaml, "assumptions:") && e.Message.StartsWith("expected an assumption 'aid_level'", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Validate_SyntaxError_ReportsLineAndColumn()
    {
        var viewer = await fixture.As(Roles.Viewer);

        var body = await ValidateAsync(viewer, "id: x\nname: y\ndescription: \"unclosed\nstance_date: 2025-02-10\n", null);

        var problem = Assert.Single(body.Problems);
        Assert.Equal((3, 14, "error"), (problem.Line, problem.Column, problem.Severity));
        Assert.StartsWith("invalid syntax", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Validate_IdOtherThanTheEditedOne_ReportsTheIdLine()
    {
        var viewer = await fixture.As(Roles.Viewer);
        var yaml = Bundled.WithId(Bundled.Yaml(Bundled.Quick), "something-else");

        var body = await ValidateAsync(viewer, yaml, Bundled.Quick);

        var problem = Assert.Single(body.Problems, p => p.Code == "RES060");
        Assert.Equal((Bundled.LineOf(yaml, "id:"), 5), (problem.Line, problem.Column));
    }

    [Fact]
    public async Task Save_Invalid_Returns422WithProblemsAndChangesNothing()
    {
        var analyst = await fixture.As(Roles.Analyst);
        var id = await CopyAsync(analyst, "save-invalid");
        var yaml = Bundled.WithId(Bundled.Yaml(Bundled.Quick), id).Replace("\nceasefire: false", "\nceasefire: maybe", StringComparison.Ordinal);

        using var response = await analyst.PutJsonAsync($"/api/scenarios/{id}", new SaveRequest(yaml, 1));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var problem = await Bundled.ProblemAsync(response);
        Assert.Equal("The scenario does not validate", problem.GetProperty("title").GetString());
        var line = Bundled.LineOf(yaml, "ceasefire:");
        Assert.Equal($"line {line}, column 12: expected true or false, found 'maybe'", problem.GetProperty("detail").GetString());
        var listed = problem.GetProperty("problems").EnumerateArray().Single();
        Assert.Equal((line, 12), (listed.GetProperty("line").GetInt32(), listed.GetProperty("column").GetInt32()));
        var stored = await analyst.GetJsonAsync<ScenarioDocument>($"/api/scenarios/{id}");
        Assert.Equal(1, stored.Revision);
        Assert.DoesNotContain("maybe", stored.Yaml, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Save_CurrentRevision_SavesAndIncrementsRevision()
    {
        var analyst = await fixture.As(Roles.Analyst);
        var id = await CopyAsync(analyst, "save-ok");
        var yaml = Bundled.WithName(Bundled.WithId(Bundled.Yaml(Bundled.Quick), id), "Edited once");

        using var response = await analyst.PutJsonAsync($"/api/scenarios/{id}", new SaveRequest(yaml, 1));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var saved = (await response.Content.ReadFromJsonAsync<ScenarioDocument>())!;
        Assert.Equal((2, "Edited once", "test-analyst"), (saved.Revision, saved.Name, saved.UpdatedBy));
        Assert.Equal(yaml, (await analyst.GetJsonAsync<ScenarioDocument>($"/api/scenarios/{id}")).Yaml);
    }

    [Fact]
    public async Task Save_StaleRevision_Returns409AndKeepsTheNewerText()
    {
        var analyst = await fixture.As(Roles.Analyst);
        var id = await CopyAsync(analyst, "save-stale");
        var yaml = Bundled.WithId(Bundled.Yaml(Bundled.Quick), id);
        using (var first = await analyst.PutJsonAsync($"/api/scenarios/{id}", new SaveRequest(Bundled.WithName(yaml, "First edit"), 1)))
            Assert.Equal(HttpStatusCode.OK, first.StatusCode);

        using var second = await analyst.PutJsonAsync($"/api/scenarios/{id}", new SaveRequest(Bundled.WithName(yaml, "Second edit"), 1));

        Assert.Equal(HttpStatusCode.Conflict, second.StatusCode);
        var problem = await Bundled.ProblemAsync(second);
        Assert.Contains("(revision 2) after you opened it (revision 1)", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        var stored = await analyst.GetJsonAsync<ScenarioDocument>($"/api/scenarios/{id}");
        Assert.Equal((2, "First edit"), (stored.Revision, stored.Name));
    }

    [Fact]
    public async Task Copy_NewId_CreatesTheSameScenarioUnderThatId()
    {
        var analyst = await fixture.As(Roles.Analyst);

        using var response = await analyst.PostJsonAsync($"/api/scenarios/{Bundled.Quick}/copy", new CopyRequest("copied-once"));

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal("/api/scenarios/copied-once", response.Headers.Location?.OriginalString);
        var copy = await analyst.GetJsonAsync<ScenarioDocument>("/api/scenarios/copied-once");
        Assert.Equal((1, "test-analyst"), (copy.Revision, copy.UpdatedBy));
        Assert.Equal(Bundled.WithId(Bundled.Yaml(Bundled.Quick), "copied-once"), copy.Yaml);
    }

    [Fact]
    public async Task Copy_ExistingId_Returns409()
    {
        var analyst = await fixture.As(Roles.Analyst);

        using var response = await analyst.PostJsonAsync($"/api/scenarios/{Bundled.Quick}/copy", new CopyRequest(Bundled.Realistic));

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Contains($"a scenario '{Bundled.Realistic}' exists already", (await Bundled.ProblemAsync(response)).GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Save_BodyOverTheLimit_Returns413WithTheLimitInTheMessage()
    {
        var analyst = await fixture.As(Roles.Analyst);
        var yaml = Bundled.Yaml(Bundled.Quick) + "\n# " + new string('x', 300 * 1024) + "\n";

        using var response = await analyst.PutJsonAsync($"/api/scenarios/{Bundled.Quick}", new SaveRequest(yaml));

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        var problem = await Bundled.ProblemAsync(response);
        Assert.Equal("Upload too large", problem.GetProperty("title").GetString());
        Assert.Matches(@"^The upload is [0-9.]+ KiB; the limit is 256 KiB\. Nothing was saved", problem.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task Save_ChunkedBodyOverTheLimit_Returns413Problem()
    {
        var analyst = await fixture.As(Roles.Analyst);
        var json = JsonSerializer.SerializeToUtf8Bytes(new SaveRequest(new string('#', 300 * 1024)), JsonSerializerOptions.Web);
        using var request = new HttpRequestMessage(HttpMethod.Put, Session.Relative($"/api/scenarios/{Bundled.Quick}"));
        // A stream of unknown length: the server learns the size only while reading.
        request.Content = new StreamContent(new UnknownLengthStream(json));
        request.Content.Headers.ContentType = new("application/json");
        request.Headers.Add(Errors.AntiforgeryHeader, analyst.Token);

        using var response = await analyst.Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Contains("the limit is 256 KiB", (await Bundled.ProblemAsync(response)).GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(1, (await analyst.GetJsonAsync<ScenarioDocument>($"/api/scenarios/{Bundled.Quick}")).Revision);
    }

    [Fact]
    public async Task Save_WithoutAntiforgeryToken_Returns400AndChangesNothing()
    {
        var analyst = await fixture.As(Roles.Analyst);
        var id = await CopyAsync(analyst, "no-token");
        var yaml = Bundled.WithName(Bundled.WithId(Bundled.Yaml(Bundled.Quick), id), "Forged");

        using var response = await analyst.PutJsonAsync($"/api/scenarios/{id}", new SaveRequest(yaml), antiforgery: false);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await Bundled.ProblemAsync(response);
        Assert.Equal("Antiforgery token required", problem.GetProperty("title").GetString());
        Assert.Contains(Errors.AntiforgeryHeader, problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(1, (await analyst.GetJsonAsync<ScenarioDocument>($"/api/scenarios/{id}")).Revision);
    }

    [Fact]
    public async Task Run_WithAnotherUsersToken_Returns400()
    {
        var analyst = await fixture.As(Roles.Analyst);
        var admin = await fixture.As(Roles.Admin);
        using var request = new HttpRequestMessage(HttpMethod.Post, Session.Relative($"/api/scenarios/{Bundled.Quick}/runs"));
        request.Headers.Add(Errors.AntiforgeryHeader, admin.Token);

        using var response = await analyst.Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Empty(await analyst.GetJsonAsync<List<Resolute.Web.Runs.RunSummary>>("/api/runs"));
    }

    [Fact]
    public async Task Run_UnknownId_Returns404Problem()
    {
        var viewer = await fixture.As(Roles.Viewer);

        foreach (var path in new[] { "/api/runs/424242", "/api/runs/424242/result", "/api/runs/424242/events" })
        {
            using var response = await viewer.GetAsync(path);
            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
            var problem = await Bundled.ProblemAsync(response);
            Assert.Equal(("Run not found", "No run 424242."), (problem.GetProperty("title").GetString(), problem.GetProperty("detail").GetString()));
        }
    }

    private static async Task<ValidateResponse> ValidateAsync(Session session, string yaml, string? id)
    {
        using var response = await session.PostJsonAsync("/api/scenarios/validate", new ValidateRequest(yaml, id));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<ValidateResponse>())!;
    }

    /// <summary>A fresh copy of the quick scenario, so a test that saves never meets another test's revisions.</summary>
    private static async Task<string> CopyAsync(Session session, string id)
    {
        using var response = await session.PostJsonAsync($"/api/scenarios/{Bundled.Quick}/copy", new CopyRequest(id));
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return id;
    }

    /// <summary>A read-only stream that does not say how long it is (so the request is sent chunked).</summary>
    private sealed class UnknownLengthStream(byte[] bytes) : MemoryStream(bytes, writable: false)
    {
        public override bool CanSeek => false;
    }
}
