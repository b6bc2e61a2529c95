using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Resolute.Web.Tests.Hosting;

/// <summary>Every endpoint the app maps needs a signed-in user with a role, except the few a stranger must reach.</summary>
public sealed class EndpointSecurityTests(AppFixture fixture) : IClassFixture<AppFixture>
{
    /// <summary>
    /// The only endpoints open to anonymous callers: signing in, the one-time setup (which closes itself once a user
    /// exists) and the health probe. Logout needs a signed-in user; there are no static files. Adding an anonymous
    /// endpoint means adding it here, on purpose.
    /// </summary>
    private static readonly string[] Anonymous = ["GET /health", "GET /login", "GET /setup", "POST /login", "POST /setup"];

    [Fact]
    public void Endpoints_AllButLoginSetupAndHealth_RequireAuthorisation()
    {
        var all = Endpoints.All(fixture.App.Services);

        Assert.True(all.Count > 30, $"expected the app's endpoints, found {all.Count}");
        Assert.Equal(Anonymous, all.Where(e => e.IsAnonymous).Select(e => e.Key).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Endpoints_WithoutTheirOwnPolicy_FallBackToRequiringARole()
    {
        var provider = fixture.App.Services.GetRequiredService<IAuthorizationPolicyProvider>();

        var fallback = await provider.GetFallbackPolicyAsync();

        Assert.NotNull(fallback);
        var roles = Assert.IsType<RolesAuthorizationRequirement>(Assert.Single(fallback.Requirements));
        Assert.Equal(["admin", "analyst", "viewer"], roles.AllowedRoles.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Endpoints_CalledAnonymously_AreChallenged()
    {
        using var client = fixture.App.Anonymous();
        var failures = new List<string>();

        foreach (var e in Endpoints.All(fixture.App.Services).Where(e => !e.IsAnonymous))
        {
            using var request = new HttpRequestMessage(new HttpMethod(e.Method), Session.Relative(e.SampleUrl));
            if (e.Method != "GET") request.Content = new StringContent("{}", System.Text.Encoding.UTF8, "application/json");
            using var response = await client.SendAsync(request);
            var ok = e.IsApi
                ? response.StatusCode == HttpStatusCode.Unauthorized && response.Content.Headers.ContentType?.MediaType == "application/problem+json"
                : response.StatusCode == HttpStatusCode.Redirect && response.Headers.Location?.AbsolutePath == "/login";
            if (!ok) failures.Add($"{e.Key} ({e.SampleUrl}): {(int)response.StatusCode} {response.Headers.Location}");
        }

        Assert.Empty(failures);
    }

    [Theory]
    [InlineData("/health")]
    [InlineData("/login")]
    [InlineData("/setup")]
    public async Task Endpoints_OpenToAnonymous_Answer(string path)
    {
        using var client = fixture.App.Anonymous();

        using var response = await client.GetAsync(Session.Relative(path));

        // This class never creates a user, so /setup is still open.
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }
}
