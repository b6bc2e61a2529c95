using AngleSharp.Html.Dom;

namespace Resolute.Web.Tests.Pages;

/// <summary>The scenario editor page as analysts and viewers see it.</summary>
public sealed class EditorPageTests(AppFixture fixture) : IClassFixture<AppFixture>
{
    [Fact]
    public async Task Save_InvalidYaml_ShowsTheProblemAtItsLineAndKeepsTheText()
    {
        var analyst = await fixture.As(Roles.Analyst);
        var id = await CopyAsync(analyst, "page-invalid");
        var editor = await analyst.PageAsync($"/scenarios/{id}");
        var broken = (await analyst.GetJsonAsync<ScenarioDocument>($"/api/scenarios/{id}")).Yaml.Replace("\nceasefire: false", "\nceasefire: maybe", StringComparison.Ordinal);
        var line = Bundled.LineOf(broken, "ceasefire:");

        using var response = await analyst.PostFormAsync($"/scenarios/{id}", new() { ["yaml"] = broken, ["revision"] = Field(editor, "revision") }, Field(editor, "__RequestVerificationToken"));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var page = await Session.ParseAsync(response);
        Assert.Equal("Not saved: the scenario has errors (listed below, at their lines). Your text is kept.", page.QuerySelector("#message")?.TextContent);
        var problem = Assert.Single(page.QuerySelectorAll("#problems li.error"));
        Assert.Equal(line.ToString(System.Globalization.CultureInfo.InvariantCulture), problem.GetAttribute("data-line"));
        Assert.StartsWith($"Line {line}, column 12: expected true or false, found 'maybe'", problem.TextContent, StringComparison.Ordinal);
        Assert.Equal(broken, ((IHtmlTextAreaElement)page.QuerySelector("textarea#yaml")!).Value);
        Assert.Equal(1, (await analyst.GetJsonAsync<ScenarioDocument>($"/api/scenarios/{id}")).Revision);
    }

    [Fact]
    public async Task Save_ValidYaml_RedirectsToTheSavedRevision()
    {
        var analyst = await fixture.As(Roles.Analyst);
        var id = await CopyAsync(analyst, "page-valid");
        var editor = await analyst.PageAsync($"/scenarios/{id}");
        var yaml = Bundled.WithName(((IHtmlTextAreaElement)editor.QuerySelector("textarea#yaml")!).Value, "Saved from the page");

        using var response = await analyst.PostFormAsync($"/scenarios/{id}", new() { ["yaml"] = yaml, ["revision"] = "1" }, Field(editor, "__RequestVerificationToken"));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal($"/scenarios/{id}?saved=1", response.Headers.Location?.OriginalString);
        var saved = await analyst.PageAsync($"/scenarios/{id}?saved=1");
        Assert.Equal("Saved (revision 2).", saved.QuerySelector("#message")?.TextContent);
        Assert.Equal("Saved from the page", saved.QuerySelector("h1")?.TextContent);
    }

    [Fact]
    public async Task Editor_Analyst_HasSaveRunAndCopy()
    {
        var analyst = await fixture.As(Roles.Analyst);

        var page = await analyst.PageAsync($"/scenarios/{Bundled.Quick}");

        Assert.NotNull(page.QuerySelector("#editor-form button#save"));
        Assert.NotNull(page.QuerySelector("button#run"));
        Assert.NotNull(page.QuerySelector("input[name=newId]"));
        Assert.False(page.QuerySelector("textarea#yaml")!.HasAttribute("readonly"));
    }

    [Fact]
    public async Task Editor_Viewer_HasNoSaveButtonAndPostingIsForbidden()
    {
        var viewer = await fixture.As(Roles.Viewer);

        var page = await viewer.PageAsync($"/scenarios/{Bundled.Quick}");
        using var save = await viewer.PostFormAsync($"/scenarios/{Bundled.Quick}", new() { ["yaml"] = Bundled.WithName(Bundled.Yaml(Bundled.Quick), "Viewer edit"), ["revision"] = "1" });
        using var run = await viewer.PostFormAsync($"/scenarios/{Bundled.Quick}/runs", []);
        using var copy = await viewer.PostFormAsync($"/scenarios/{Bundled.Quick}/copy", new() { ["newId"] = "viewer-copy" });

        Assert.Null(page.QuerySelector("button#save"));
        Assert.Null(page.QuerySelector("button#run"));
        Assert.Null(page.QuerySelector("input[name=newId]"));
        Assert.True(page.QuerySelector("textarea#yaml")!.HasAttribute("readonly"));
        Assert.NotNull(page.QuerySelector("#readonly"));
        foreach (var response in new[] { save, run, copy })
        {
            Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
            var forbidden = await Session.ParseAsync(response);
            Assert.Equal("Not allowed", forbidden.QuerySelector("h1")?.TextContent);
            Assert.StartsWith("Your role (viewer) does not allow this", forbidden.QuerySelector("p.error")?.TextContent, StringComparison.Ordinal);
        }
        var stored = await viewer.GetJsonAsync<ScenarioDocument>($"/api/scenarios/{Bundled.Quick}");
        Assert.Equal((1, Bundled.Yaml(Bundled.Quick)), (stored.Revision, stored.Yaml));
        using var missing = await viewer.GetAsync("/api/scenarios/viewer-copy");
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
    }

    [Fact]
    public async Task Editor_FormWithoutToken_ExplainsAndChangesNothing()
    {
        var analyst = await fixture.As(Roles.Analyst);
        var before = await analyst.GetJsonAsync<ScenarioDocument>($"/api/scenarios/{Bundled.Quick}");

        using var forged = await analyst.PostFormAsync($"/scenarios/{Bundled.Quick}/copy", new() { ["newId"] = "forged-copy" }, token: "not-a-token");
        using var unknown = await analyst.GetAsync("/no-such-page");

        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
        var page = await Session.ParseAsync(forged);
        Assert.Equal("Form expired", page.QuerySelector("h1")?.TextContent);
        Assert.Contains("reload the page", page.QuerySelector("p.error")?.TextContent, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal("Not found", (await Session.ParseAsync(unknown)).QuerySelector("h1")?.TextContent);
        using var copy = await analyst.GetAsync("/api/scenarios/forged-copy");
        Assert.Equal(HttpStatusCode.NotFound, copy.StatusCode);
        Assert.Equal(before.Revision, (await analyst.GetJsonAsync<ScenarioDocument>($"/api/scenarios/{Bundled.Quick}")).Revision);
    }

    private static string Field(IHtmlDocument page, string name) =>
        page.QuerySelector($"#editor-form input[name={name}]")?.GetAttribute("value") ?? throw new InvalidOperationException($"the editor form has no field '{name}'");

    private static async Task<string> CopyAsync(Session session, string id)
    {
        using var response = await session.PostJsonAsync($"/api/scenarios/{Bundled.Quick}/copy", new CopyRequest(id));
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return id;
    }
}
