namespace Resolute.Web.Tests.Api;

/// <summary>
/// Each role against each API endpoint. Anonymous callers get 401 and roles without the policy 403, both as problem
/// details; allowed roles reach the handler and get its answer (2xx where a harmless call exists, otherwise the 404 of
/// an unknown run or scenario, which a refused call would never reach).
/// </summary>
public sealed class RoleAccessTests(AppFixture fixture) : IClassFixture<AppFixture>
{
    private sealed record Row(string Key, string Url, string Policy, HttpStatusCode Allowed, Func<string, object?>? Body = null);

    private static readonly Row[] Table =
    [
        new("GET /api/antiforgery", "/api/antiforgery", Roles.Read, HttpStatusCode.OK),
        new("GET /api/me", "/api/me", Roles.Read, HttpStatusCode.OK),
        new("GET /api/scenarios/", "/api/scenarios", Roles.Read, HttpStatusCode.OK),
        new("GET /api/scenarios/{id}", $"/api/scenarios/{Bundled.Quick}", Roles.Read, HttpStatusCode.OK),
        new("POST /api/scenarios/validate", "/api/scenarios/validate", Roles.Read, HttpStatusCode.OK, _ => new ValidateRequest(Bundled.Yaml(Bundled.Quick), Bundled.Quick)),
        new("POST /api/scenarios/", "/api/scenarios", Roles.Edit, HttpStatusCode.Created, role => new ValidateRequest(Bundled.WithId(Bundled.Yaml(Bundled.Quick), "added-by-" + role))),
        new("PUT /api/scenarios/{id}", $"/api/scenarios/{Bundled.Quick}", Roles.Edit, HttpStatusCode.OK, _ => new SaveRequest(Bundled.Yaml(Bundled.Quick))),
        new("POST /api/scenarios/{id}/copy", $"/api/scenarios/{Bundled.Quick}/copy", Roles.Edit, HttpStatusCode.Created, role => new CopyRequest("copied-by-" + role)),
        new("POST /api/scenarios/{id}/runs", "/api/scenarios/no-such-scenario/runs", Roles.Edit, HttpStatusCode.NotFound),
        new("GET /api/runs/", "/api/runs", Roles.Read, HttpStatusCode.OK),
        new("GET /api/runs/{id:long}", "/api/runs/424242", Roles.Read, HttpStatusCode.NotFound),
        new("GET /api/runs/{id:long}/result", "/api/runs/424242/result", Roles.Read, HttpStatusCode.NotFound),
        new("GET /api/runs/{id:long}/events", "/api/runs/424242/events", Roles.Read, HttpStatusCode.NotFound),
        new("POST /api/runs/{id:long}/cancel", "/api/runs/424242/cancel", Roles.Edit, HttpStatusCode.NotFound),
        new("GET /api/compare", "/api/compare?a=424241&b=424242", Roles.Read, HttpStatusCode.NotFound),
        new("GET /api/users/", "/api/users", Roles.ManageUsers, HttpStatusCode.OK),
        new("POST /api/users/", "/api/users", Roles.ManageUsers, HttpStatusCode.Created, role => new NewUser("made-by-" + role, ResoluteFactory.Password, Roles.Viewer)),
        new("PUT /api/users/{userName}/role", "/api/users/test-viewer/role", Roles.ManageUsers, HttpStatusCode.NoContent, _ => new Accounts.RoleChange(Roles.Viewer)),
        new("GET /openapi/{documentName}.json", "/openapi/v1.json", Roles.Read, HttpStatusCode.OK),
    ];

    private static readonly string[] Callers = ["anonymous", Roles.Viewer, Roles.Analyst, Roles.Admin];

    public static TheoryData<string, string> Cases()
    {
        var data = new TheoryData<string, string>();
        foreach (var row in Table)
            foreach (var caller in Callers) data.Add(row.Key, caller);
        return data;
    }

    [Fact]
    public void Table_CoversEveryApiEndpoint()
    {
        var api = Endpoints.All(fixture.App.Services).Where(e => e.IsApi).Select(e => e.Key).Order(StringComparer.Ordinal);

        Assert.Equal(api, Table.Select(r => r.Key).Order(StringComparer.Ordinal));
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Call_AsCaller_GetsTheExpectedStatus(string endpoint, string caller)
    {
        var row = Table.Single(r => r.Key == endpoint);
        // Every role signs in first, so the user the admin row renames exists whoever runs first.
        var sessions = new Dictionary<string, Session>(StringComparer.Ordinal);
        foreach (var role in Roles.All) sessions[role] = await fixture.As(role);
        using var anonymous = fixture.App.Anonymous();
        var session = caller == "anonymous" ? null : sessions[caller];
        var method = new HttpMethod(endpoint[..endpoint.IndexOf(' ', StringComparison.Ordinal)]);

        using var response = session is null
            ? await anonymous.SendAsync(new HttpRequestMessage(method, Session.Relative(row.Url)))
            : await session.SendAsync(method, row.Url, row.Body?.Invoke(caller));

        var expected = caller == "anonymous" ? HttpStatusCode.Unauthorized : Allows(row.Policy, caller) ? row.Allowed : HttpStatusCode.Forbidden;
        Assert.True(expected == response.StatusCode, $"{endpoint} as {caller}: expected {(int)expected}, got {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        if (expected is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden)
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    private static bool Allows(string policy, string role) => policy switch
    {
        Roles.Read => true,
        Roles.Edit => role is Roles.Analyst or Roles.Admin,
        Roles.ManageUsers => role == Roles.Admin,
        _ => false,
    };
}
