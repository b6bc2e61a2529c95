namespace Resolute.Web.Tests.Hosting;

public sealed class HealthTests(AppFixture fixture) : IClassFixture<AppFixture>
{
    [Fact]
    public async Task Health_Anonymous_IsOkOnceTheStoreIsOpen()
    {
        using var client = fixture.App.Anonymous();

        using var response = await client.GetAsync(Session.Relative("/health"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("ok", body.RootElement.GetProperty("status").GetString());
    }
}
