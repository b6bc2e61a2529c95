namespace Resolute.Web.Tests.Hosting;

/// <summary>The one-time setup page, and the <c>create-user</c> command that does the same from a shell.</summary>
public sealed class SetupTests
{
    [Fact]
    public async Task Setup_EmptyStore_CreatesTheFirstAdminOnceAndSignsThemIn()
    {
        await using var app = new ResoluteFactory();
        using var browser = new Session(app.Anonymous());
        var login = await browser.PageAsync("/login");
        Assert.Equal("/setup", login.QuerySelector("#setup-link a")?.GetAttribute("href"));
        var token = await browser.FormTokenAsync("/setup");

        using var invalid = await browser.PostFormAsync("/setup", new() { ["userName"] = "", ["password"] = "short", ["confirm"] = "other" }, token);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, invalid.StatusCode);
        var form = await Session.ParseAsync(invalid);
        Assert.Equal("Enter a user name.", form.QuerySelector("#error-userName")?.TextContent);
        Assert.StartsWith("Passwords must be at least 8 characters.", form.QuerySelector("#error-password")?.TextContent, StringComparison.Ordinal);
        Assert.Equal("The two passwords differ: type the same password twice.", form.QuerySelector("#error-confirm")?.TextContent);
        Assert.Equal("true", form.QuerySelector("input#password")?.GetAttribute("aria-invalid"));

        using var created = await browser.PostFormAsync("/setup", new() { ["userName"] = "first-admin", ["password"] = ResoluteFactory.Password, ["confirm"] = ResoluteFactory.Password }, token);

        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        Assert.Equal("/scenarios", created.Headers.Location?.OriginalString);
        await browser.RefreshTokenAsync();
        var me = await browser.GetJsonAsync<UserInfo>("/api/me");
        Assert.Equal("first-admin", me.UserName);
        Assert.Equal([Roles.Admin], me.Roles);

        // Setup is over, for the admin and for strangers alike.
        using var stranger = new Session(app.Anonymous());
        var loginToken = await stranger.FormTokenAsync("/login");
        using var again = await stranger.GetAsync("/setup");
        using var secondAdmin = await stranger.PostFormAsync("/setup", new() { ["userName"] = "second-admin", ["password"] = ResoluteFactory.Password, ["confirm"] = ResoluteFactory.Password }, loginToken);
        using var adminAgain = await browser.GetAsync("/setup");
        Assert.Equal(HttpStatusCode.NotFound, again.StatusCode);
        Assert.Equal("Setup is done", (await Session.ParseAsync(again)).QuerySelector("h1")?.TextContent);
        Assert.Equal(HttpStatusCode.NotFound, secondAdmin.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, adminAgain.StatusCode);
        Assert.Null((await stranger.PageAsync("/login")).QuerySelector("#setup-link"));
        Assert.Equal(["first-admin"], (await browser.GetJsonAsync<List<UserInfo>>("/api/users")).Select(u => u.UserName));
        using var signIn = await Session.SignInAsync(app.Anonymous(), "first-admin", ResoluteFactory.Password);
    }

    [Fact]
    public async Task Setup_PostWithoutAntiforgeryToken_Returns400AndCreatesNoUser()
    {
        await using var app = new ResoluteFactory();
        using var browser = new Session(app.Anonymous());
        await browser.PageAsync("/setup");

        using var response = await browser.PostFormAsync("/setup", new() { ["userName"] = "forged", ["password"] = ResoluteFactory.Password, ["confirm"] = ResoluteFactory.Password });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("missing its security token", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        using var still = await browser.GetAsync("/setup");
        Assert.Equal(HttpStatusCode.OK, still.StatusCode);
    }

    [Fact]
    public async Task CreateUserCommand_MakesTheFirstAdmin_AndSetupCloses()
    {
        await using var app = new ResoluteFactory();

        var withoutPassword = await Accounts.CreateUserCommandAsync(app.Services, ["create-user", "boss"], null);
        var created = await Accounts.CreateUserCommandAsync(app.Services, ["create-user", "boss", "--role", "admin"], ResoluteFactory.Password);
        var duplicate = await Accounts.CreateUserCommandAsync(app.Services, ["create-user", "boss"], ResoluteFactory.Password);

        Assert.Equal((2, 0, 2), (withoutPassword, created, duplicate));
        using var browser = await Session.SignInAsync(app.Anonymous(), "boss", ResoluteFactory.Password);
        Assert.Equal([Roles.Admin], (await browser.GetJsonAsync<UserInfo>("/api/me")).Roles);
        using var setup = await browser.GetAsync("/setup");
        Assert.Equal(HttpStatusCode.NotFound, setup.StatusCode);
    }
}
