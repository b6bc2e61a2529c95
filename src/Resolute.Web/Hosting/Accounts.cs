using System.Text;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Resolute.Web.Api;
using Resolute.Web.Store;
using static Resolute.Web.Pages.Html;

namespace Resolute.Web.Hosting;

/// <summary>A user as listed.</summary>
public sealed record UserInfo(string UserName, IReadOnlyList<string> Roles, bool LockedOut);

/// <summary>A new user: name, password (Identity's rules: 8+ characters with upper, lower, digit and symbol) and role.</summary>
public sealed record NewUser(string UserName, string Password, string Role);

/// <summary>Sign-in, sign-out and user management (admins), as pages and API; and the <c>create-user</c> command.</summary>
public static partial class Accounts
{
    public static void MapAccounts(this WebApplication app)
    {
        app.MapSetup();
        app.MapGet("/login", async (HttpContext ctx, string? returnUrl, UserManager<IdentityUser> users, CancellationToken ct) =>
                LoginPage(ctx, returnUrl, null, await Setup.HasUsersAsync(users, ct)))
            .AllowAnonymous().ExcludeFromDescription();
        app.MapPost("/login", async (HttpContext ctx, [FromForm] string? userName, [FromForm] string? password, [FromForm] string? returnUrl,
                SignInManager<IdentityUser> signIn, CancellationToken ct) =>
            {
                var result = await SignInAsync(signIn, userName ?? "", password ?? "");
                if (result.Succeeded) return Results.LocalRedirect(IsLocal(returnUrl) ? returnUrl! : "/scenarios");
                return LoginPage(ctx, returnUrl, SignInFailed, await Setup.HasUsersAsync(signIn.UserManager, ct), StatusCodes.Status401Unauthorized);
            })
            .AllowAnonymous().RequireRateLimiting(Throttle.SignIn).ExcludeFromDescription();
        app.MapPost("/logout", async ([FromForm] string? confirm, SignInManager<IdentityUser> signIn) =>
            {
                await signIn.SignOutAsync();
                return Results.Redirect("/login");
            })
            .RequireAuthorization().ExcludeFromDescription();

        var admin = app.MapGroup("/admin/users").RequireAuthorization(Roles.ManageUsers).ExcludeFromDescription();
        admin.MapGet("/", async (HttpContext ctx, UserManager<IdentityUser> users) => UsersPage(ctx, await ListAsync(users), null));
        admin.MapPost("/", async (HttpContext ctx, [FromForm] string userName, [FromForm] string password, [FromForm] string role, UserManager<IdentityUser> users) =>
        {
            var error = await CreateAsync(users, new NewUser(userName, password, role));
            return UsersPage(ctx, await ListAsync(users), error ?? $"Created {userName} ({role}).", error is null ? 200 : 422, error is not null);
        });
        admin.MapPost("/{userName}/role", async (HttpContext ctx, string userName, [FromForm] string role, UserManager<IdentityUser> users) =>
        {
            var error = await SetRoleAsync(users, userName, role);
            return UsersPage(ctx, await ListAsync(users), error ?? $"{userName} is now {role}.", error is null ? 200 : 422, error is not null);
        });

        var api = app.MapGroup("/api/users").RequireAuthorization(Roles.ManageUsers).WithTags("Users").AddAntiforgeryCheck().RequireRateLimiting(Throttle.Api);
        api.MapGet("/", async (UserManager<IdentityUser> users) => TypedResults.Ok(await ListAsync(users)))
            .WithSummary("Lists the users and their roles (admin).");
        api.MapPost("/", async (NewUser body, UserManager<IdentityUser> users) =>
                await CreateAsync(users, body) is { } error
                    ? Results.Problem(error, statusCode: 422, title: "User not created")
                    : Results.Created($"/api/users/{Uri.EscapeDataString(body.UserName)}", new UserInfo(body.UserName, [body.Role], false)))
            .WithSummary("Creates a user with a role (admin).");
        api.MapPut("/{userName}/role", async (string userName, RoleChange body, UserManager<IdentityUser> users) =>
                await SetRoleAsync(users, userName, body.Role) is { } error
                    ? Results.Problem(error, statusCode: error.StartsWith("no user", StringComparison.Ordinal) ? 404 : 422, title: "Role not changed")
                    : Results.NoContent())
            .WithSummary("Sets a user's role (admin).");
        app.MapGet("/api/me", (HttpContext ctx) => TypedResults.Ok(new UserInfo(ctx.User.Identity!.Name ?? "", Roles.All.Where(ctx.User.IsInRole).ToArray(), false)))
            .RequireAuthorization(Roles.Read).RequireRateLimiting(Throttle.Api).WithTags("Users").WithSummary("Who is signed in, and their roles.");
    }

    /// <summary>
    /// The one answer to a failed sign-in, whether the name is unknown, the password wrong or the account locked: the page
    /// must not tell a guesser which names exist.
    /// </summary>
    public const string SignInFailed = "Wrong user name or password, or the account is locked after too many failed attempts.";

    /// <summary>
    /// Signs in with the same work whatever the outcome: an unknown name or a locked account still has a password hashed
    /// (against a dummy hash made once with the same hasher and cost), so the time taken does not reveal which names
    /// exist. A locked account is checked before its password, as Identity would skip the hash for it.
    /// </summary>
    public static async Task<Microsoft.AspNetCore.Identity.SignInResult> SignInAsync(SignInManager<IdentityUser> signIn, string userName, string password)
    {
        var users = signIn.UserManager;
        var user = await users.FindByNameAsync(userName);
        if (user is not null && !await users.IsLockedOutAsync(user))
            return await signIn.PasswordSignInAsync(user, password, isPersistent: false, lockoutOnFailure: true);
        var dummy = DummyAccount.Get(users.PasswordHasher);
        _ = users.PasswordHasher.VerifyHashedPassword(dummy.User, dummy.Hash, password);
        return user is null ? Microsoft.AspNetCore.Identity.SignInResult.Failed : Microsoft.AspNetCore.Identity.SignInResult.LockedOut;
    }

    /// <summary>An account that exists nowhere, with a hash of a random password, for <see cref="SignInAsync"/>'s equal work.</summary>
    private static class DummyAccount
    {
        private static (IdentityUser User, string Hash)? _value;
        private static readonly Lock Gate = new();

        public static (IdentityUser User, string Hash) Get(IPasswordHasher<IdentityUser> hasher)
        {
            lock (Gate)
            {
                if (_value is { } v) return v;
                var user = new IdentityUser("no-such-account");
                var password = Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(24));
                _value = (user, hasher.HashPassword(user, password));
                return _value.Value;
            }
        }
    }

    /// <summary>The role to give a user.</summary>
    public sealed record RoleChange(string Role);

    /// <summary>
    /// A path on this site to return to after sign-in. Control characters are refused too: browsers drop a tab or newline
    /// inside a URL, so "/\t/evil.example" would leave the site, and LocalRedirect threw on it (a 500).
    /// </summary>
    private static bool IsLocal(string? url) => !string.IsNullOrEmpty(url) && url.StartsWith('/') && !url.StartsWith("//", StringComparison.Ordinal)
        && !url.StartsWith("/\\", StringComparison.Ordinal) && !url.Any(char.IsControl) && url.Length <= MaxReturnUrl;

    /// <summary>The longest return address kept (a page's path and query are far shorter); a longer one returns to the scenario list.</summary>
    private const int MaxReturnUrl = 2048;

    private static IResult LoginPage(HttpContext ctx, string? returnUrl, string? error, bool hasUsers, int status = 200)
    {
        var body = new StringBuilder("<h1>Sign in</h1>");
        if (error is not null) body.Append("<p class=\"error\" role=\"alert\">").Append(E(error)).Append("</p>");
        body.Append("<form method=\"post\" action=\"/login\">").Append(Token(ctx))
            .Append("<input type=\"hidden\" name=\"returnUrl\" value=\"").Append(E(returnUrl)).Append("\">")
            .Append("<p><label>User name<br><input name=\"userName\" autocomplete=\"username\" required></label></p>")
            .Append("<p><label>Password<br><input name=\"password\" type=\"password\" autocomplete=\"current-password\" required></label></p>")
            .Append("<p><button type=\"submit\">Sign in</button></p></form>")
            .Append(hasUsers
                ? "<p>No account yet? An admin creates one at Users.</p>"
                : "<p class=\"notice\" id=\"setup-link\">Nobody can sign in yet: <a href=\"/setup\">create the first admin</a> (or run <code>dotnet run --project src/Resolute.Web -- create-user NAME --role admin</code>).</p>");
        return Page(ctx, "Sign in", body.ToString(), status: status);
    }

    private static IResult UsersPage(HttpContext ctx, IReadOnlyList<UserInfo> list, string? message, int status = 200, bool isError = false)
    {
        var b = new StringBuilder("<h1>Users</h1>");
        if (message is not null) b.Append("<p class=\"").Append(isError ? "error" : "ok").Append("\" role=\"status\">").Append(E(message)).Append("</p>");
        b.Append("<table><thead><tr><th>User</th><th>Role</th><th>Change role</th></tr></thead><tbody>");
        foreach (var u in list)
        {
            b.Append("<tr><td>").Append(E(u.UserName)).Append("</td><td>").Append(E(string.Join(", ", u.Roles))).Append("</td><td>")
                .Append("<form method=\"post\" action=\"/admin/users/").Append(E(Uri.EscapeDataString(u.UserName))).Append("/role\" class=\"inline\">").Append(Token(ctx))
                .Append(RoleSelect(u.Roles.Count > 0 ? u.Roles[0] : null)).Append(" <button type=\"submit\">Set</button></form></td></tr>");
        }
        b.Append("</tbody></table><h2>New user</h2><form method=\"post\" action=\"/admin/users\">").Append(Token(ctx))
            .Append("<p><label>User name <input name=\"userName\" required></label> <label>Password <input name=\"password\" type=\"password\" required></label> ")
            .Append(RoleSelect(Roles.Viewer)).Append(" <button type=\"submit\">Create</button></p></form>");
        return Page(ctx, "Users", b.ToString(), status: status);
    }

    private static string RoleSelect(string? selected) =>
        "<select name=\"role\">" + string.Concat(Roles.All.Select(r => $"<option{(r == selected ? " selected" : "")}>{r}</option>")) + "</select>";

    public static async Task<IReadOnlyList<UserInfo>> ListAsync(UserManager<IdentityUser> users)
    {
        var all = await users.Users.OrderBy(u => u.UserName).ToListAsync();
        var list = new List<UserInfo>();
        foreach (var u in all)
            list.Add(new UserInfo(u.UserName ?? "", (await users.GetRolesAsync(u)).Order(StringComparer.Ordinal).ToArray(), await users.IsLockedOutAsync(u)));
        return list;
    }

    /// <summary>Creates a user with one role; null on success, else every reason it failed.</summary>
    public static async Task<string?> CreateAsync(UserManager<IdentityUser> users, NewUser user)
    {
        if (!Roles.All.Contains(user.Role)) return $"unknown role '{user.Role}': expected viewer, analyst or admin";
        if (string.IsNullOrWhiteSpace(user.UserName)) return "expected a user name, found none";
        var u = new IdentityUser(user.UserName.Trim());
        var created = await users.CreateAsync(u, user.Password ?? "");
        if (!created.Succeeded) return string.Join(" ", created.Errors.Select(e => e.Description));
        var added = await users.AddToRoleAsync(u, user.Role);
        return added.Succeeded ? null : string.Join(" ", added.Errors.Select(e => e.Description));
    }

    public static async Task<string?> SetRoleAsync(UserManager<IdentityUser> users, string userName, string role)
    {
        if (!Roles.All.Contains(role)) return $"unknown role '{role}': expected viewer, analyst or admin";
        var u = await users.FindByNameAsync(userName);
        if (u is null) return $"no user '{userName}'";
        var current = await users.GetRolesAsync(u);
        var removed = await users.RemoveFromRolesAsync(u, current);
        if (!removed.Succeeded) return string.Join(" ", removed.Errors.Select(e => e.Description));
        var added = await users.AddToRoleAsync(u, role);
        return added.Succeeded ? null : string.Join(" ", added.Errors.Select(e => e.Description));
    }

    /// <summary>
    /// <c>create-user NAME [--role admin|analyst|viewer]</c>: creates a user in the configured store (the way to make the
    /// first admin). The password comes from <c>RESOLUTE_PASSWORD</c>, never the command line (it would stay in the
    /// shell history). Returns the process exit code.
    /// </summary>
    public static async Task<int> CreateUserCommandAsync(IServiceProvider services, IReadOnlyList<string> args, string? password)
    {
        var log = services.GetRequiredService<ILoggerFactory>().CreateLogger("Resolute.Web.CreateUser");
        var name = args.Count > 1 && !args[1].StartsWith("--", StringComparison.Ordinal) ? args[1] : null;
        var roleAt = args.ToList().IndexOf("--role");
        var role = roleAt >= 0 && roleAt + 1 < args.Count ? args[roleAt + 1] : Roles.Admin;
        if (name is null || string.IsNullOrEmpty(password))
        {
            LogUsage(log);
            return 2;
        }
        if (await services.GetRequiredService<StoreGate>().EnsureReadyAsync(CancellationToken.None) is { } unavailable)
        {
            LogFailed(log, unavailable);
            return 1;
        }
        await using var scope = services.CreateAsyncScope();
        var error = await CreateAsync(scope.ServiceProvider.GetRequiredService<UserManager<IdentityUser>>(), new NewUser(name, password, role));
        if (error is not null)
        {
            LogFailed(log, error);
            return 2;
        }
        LogCreated(log, name, role);
        return 0;
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "usage: create-user NAME [--role admin|analyst|viewer], with the password in the RESOLUTE_PASSWORD environment variable")]
    private static partial void LogUsage(ILogger logger);

    [LoggerMessage(Level = LogLevel.Error, Message = "user not created: {Reason}")]
    private static partial void LogFailed(ILogger logger, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "created user {Name} with role {Role}")]
    private static partial void LogCreated(ILogger logger, string name, string role);
}
