using Microsoft.AspNetCore.Mvc.Testing;

namespace Resolute.Web.Tests;

public sealed class HealthTests(WebApplicationFactory<Program> factory) : IClassFixture<WebApplicationFactory<Program>>
{
    [Fact]
    public async Task Health_Anonymous_IsOk()
    {
        var response = await factory.CreateClient().GetAsync(new Uri("/health", UriKind.Relative));
        Assert.True(response.IsSuccessStatusCode);
    }
}
