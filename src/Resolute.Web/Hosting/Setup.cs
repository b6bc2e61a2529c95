using System.Text;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using static Resolute.Web.Pages.Html;

namespace Resolute.Web.Hosting;

/// <summary>
/// The one-time setup page: while the store has no user, <c>/setup</c> (anonymous) creates the first admin and signs
/// them in. Once any user exists it answers 404, so it cannot be used to add accounts later; admins do that at
/// <c>/admin/users</c>, and <c>create-user</c> still works from the command line.
/// </summary>
public static class Setup
{
    /// <summary>Serialises setup within the process, so two people pressing Create at once make one admin, not two.</summary>
    private static readonly SemaphoreSlim Gate = new(1, 1);

    public static void MapSetup(this WebApplication app)
    {
        app.MapGet("/setup", async (HttpContext ctx, UserManager<IdentityUser> users, CancellationToken ct) =>
                await HasUsersAsync(users, ct) ? Finished(ctx) : SetupPage(ctx, "", new FieldErrors()))
            .AllowAnonymous().ExcludeFromDescription();
        app.MapPost("/setup", async (HttpContext ctx, [FromForm] string? userName, [FromForm] string? password, [FromForm] string? confirm,
                UserManager<IdentityUser> users, SignInManager<IdentityUser> signIn, CancellationToken ct) =>
            {
                await Gate.WaitAsync(ct);
                try
                {
                    if (await HasUsersAsync(users, ct)) return Finished(ctx);
                    var name = (userName ?? "").Trim();
                    var errors = await CheckAsync(users, name, password ?? "", confirm ?? "");
                    if (errors.Any) return SetupPage(ctx, name, errors, StatusCodes.Status422UnprocessableEntity);

                    var user = new IdentityUser(name);
                    var created = await users.CreateAsync(user, password!);
                    if (!created.Succeeded) return SetupPage(ctx, name, Assign(created.Errors, new FieldErrors()), StatusCodes.Status422UnprocessableEntity);
                    var role = await users.AddToRoleAsync(user, Roles.Admin);
                    if (!role.Succeeded)
                    {
                        // Never leave a first user without the admin role: nobody could then manage users or reach setup.
                        await users.DeleteAsync(user);
                        return SetupPage(ctx, name, new FieldErrors { Form = string.Join(" ", role.Errors.Select(e => e.Description)) }, StatusCodes.Status500InternalServerError);
                    }
                    await signIn.SignInAsync(user, isPersistent: false);
                    return Results.Redirect("/scenarios");
                }
                finally
                {
                    Gate.Release();
                }
            })
            .AllowAnonymous().RequireRateLimiting(Throttle.SignIn).ExcludeFromDescription();
    }

    /// <summary>True once the store holds any user (setup is then over).</summary>
    public static Task<bool> HasUsersAsync(UserManager<IdentityUser> users, CancellationToken ct) => users.Users.AnyAsync(ct);

    /// <summary>Problems with the form, per field (null where the field is fine).</summary>
    private sealed class FieldErrors
    {
        public string? UserName { get; set; }

        public string? Password { get; set; }

        public string? Confirm { get; set; }

        public string? Form { get; set; }

        public bool Any => UserName is not null || Password is not null || Confirm is not null || Form is not null;
    }

    /// <summary>Every problem at once, each beside its field: Identity's own user-name and password rules, and the confirmation.</summary>
    private static async Task<FieldErrors> CheckAsync(UserManager<IdentityUser> users, string name, string password, string confirm)
    {
        var errors = new FieldErrors();
        var probe = new IdentityUser(name);
        if (name.Length == 0) errors.UserName = "Enter a user name.";
        else
        {
            foreach (var v in users.UserValidators)
                if (await v.ValidateAsync(users, probe) is { Succeeded: false } r) errors.UserName = Join(errors.UserName, r.Errors);
        }
        if (password.Length == 0) errors.Password = "Enter a password.";
        else
        {
            foreach (var v in users.PasswordValidators)
                if (await v.ValidateAsync(users, probe, password) is { Succeeded: false } r) errors.Password = Join(errors.Password, r.Errors);
        }
        if (!string.Equals(password, confirm, StringComparison.Ordinal)) errors.Confirm = "The two passwords differ: type the same password twice.";
        return errors;
    }

    private static FieldErrors Assign(IEnumerable<IdentityError> errors, FieldErrors into)
    {
        foreach (var e in errors)
        {
            if (e.Code.Contains("Password", StringComparison.Ordinal)) into.Password = Join(into.Password, [e]);
            else if (e.Code.Contains("UserName", StringComparison.Ordinal)) into.UserName = Join(into.UserName, [e]);
            else into.Form = Join(into.Form, [e]);
        }
        return into;
    }

    private static string Join(string? before, IEnumerable<IdentityError> errors) =>
        string.Join(" ", new[] { before }.Concat(errors.Select(e => e.Description)).Where(s => !string.IsNullOrEmpty(s)));

    private static IResult Finished(HttpContext ctx) =>
        Results.Content(ErrorPage(ctx, "Setup is done", "The first admin exists already; sign in at /login. Admins add users at /admin/users."),
            "text/html; charset=utf-8", Encoding.UTF8, StatusCodes.Status404NotFound);

    private static IResult SetupPage(HttpContext ctx, string userName, FieldErrors errors, int status = StatusCodes.Status200OK)
    {
        var b = new StringBuilder("<h1>Set up Resolute</h1><p>The store has no user yet. Create the first admin: they can then add analysts and viewers at <a href=\"/admin/users\">Users</a>.</p>");
        if (errors.Form is not null) b.Append("<p class=\"error\" role=\"alert\" id=\"error-form\">").Append(E(errors.Form)).Append("</p>");
        b.Append("<form method=\"post\" action=\"/setup\" id=\"setup-form\" novalidate>").Append(Token(ctx))
            .Append(Field("userName", "User name", "text", "username", userName, errors.UserName))
            .Append(Field("password", "Password", "password", "new-password", null, errors.Password, "At least 8 characters with upper- and lower-case letters, a digit and a symbol."))
            .Append(Field("confirm", "Confirm the password", "password", "new-password", null, errors.Confirm))
            .Append("<p><button type=\"submit\" id=\"create\">Create the admin and sign in</button></p></form>");
        return Page(ctx, "Set up", b.ToString(), status: status);
    }

    private static string Field(string name, string label, string type, string autocomplete, string? value, string? error, string? hint = null)
    {
        var described = error is not null ? $" aria-invalid=\"true\" aria-describedby=\"error-{name}\"" : hint is not null ? $" aria-describedby=\"hint-{name}\"" : "";
        var b = new StringBuilder("<p><label>").Append(E(label)).Append("<br><input id=\"").Append(name).Append("\" name=\"").Append(name).Append("\" type=\"").Append(type)
            .Append("\" autocomplete=\"").Append(autocomplete).Append("\" required").Append(described);
        if (value is not null) b.Append(" value=\"").Append(E(value)).Append('"');
        b.Append("></label>");
        if (hint is not null) b.Append(" <small id=\"hint-").Append(name).Append("\">").Append(E(hint)).Append("</small>");
        if (error is not null) b.Append(" <span class=\"error\" role=\"alert\" id=\"error-").Append(name).Append("\">").Append(E(error)).Append("</span>");
        return b.Append("</p>").ToString();
    }
}
