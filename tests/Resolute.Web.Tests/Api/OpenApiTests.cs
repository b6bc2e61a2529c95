namespace Resolute.Web.Tests.Api;

public sealed class OpenApiTests(AppFixture fixture) : IClassFixture<AppFixture>
{
    [Fact]
    public async Task Document_Viewer_ListsEveryApiPathAndNoPage()
    {
        var viewer = await fixture.As(Roles.Viewer);
        var expected = Endpoints.All(fixture.App.Services).Where(e => e.Pattern.StartsWith("/api/", StringComparison.Ordinal))
            .Select(e => (Path(e.Pattern), e.Method.ToLowerInvariant())).ToHashSet();

        using var response = await viewer.GetAsync("/openapi/v1.json");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var doc = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.StartsWith("3.", doc.RootElement.GetProperty("openapi").GetString(), StringComparison.Ordinal);
        Assert.Equal("Resolute dashboard API", doc.RootElement.GetProperty("info").GetProperty("title").GetString());
        var listed = doc.RootElement.GetProperty("paths").EnumerateObject()
            .SelectMany(p => p.Value.EnumerateObject().Select(op => (Path(p.Name), op.Name))).ToHashSet();
        Assert.Equal(expected.Order(), listed.Order());
        Assert.Contains(("/api/runs/{id}/events", "get"), listed);
    }

    /// <summary>A route pattern as OpenAPI writes it: no constraints, no trailing slash.</summary>
    private static string Path(string pattern) => Endpoints.Parameter().Replace(pattern, m => "{" + m.Groups[1].Value + "}").TrimEnd('/');
}
