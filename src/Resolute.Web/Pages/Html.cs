using System.Globalization;
using System.Net;
using System.Text;
using Microsoft.AspNetCore.Antiforgery;
using Resolute.Web.Hosting;

namespace Resolute.Web.Pages;

/// <summary>Server-rendered HTML: one layout, encoded text, and the antiforgery token on every form.</summary>
public static class Html
{
    public static string E(string? s) => WebUtility.HtmlEncode(s ?? "");

    public static string E(FormattableString s) => WebUtility.HtmlEncode(s.ToString(CultureInfo.InvariantCulture));

    public static string Time(DateTimeOffset? t) => t is { } x ? x.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss'Z'", CultureInfo.InvariantCulture) : "";

    /// <summary>The hidden antiforgery field for a form.</summary>
    public static string Token(HttpContext ctx)
    {
        var t = ctx.RequestServices.GetRequiredService<IAntiforgery>().GetAndStoreTokens(ctx);
        return $"<input type=\"hidden\" name=\"{E(t.FormFieldName)}\" value=\"{E(t.RequestToken)}\">";
    }

    /// <summary>The token for scripts that call the API (sent in <see cref="Errors.AntiforgeryHeader"/>).</summary>
    public static string RequestToken(HttpContext ctx) =>
        ctx.RequestServices.GetRequiredService<IAntiforgery>().GetAndStoreTokens(ctx).RequestToken ?? "";

    public static bool Can(HttpContext ctx, string policy) => policy switch
    {
        Roles.ManageUsers => ctx.User.IsInRole(Roles.Admin),
        Roles.Edit => ctx.User.IsInRole(Roles.Admin) || ctx.User.IsInRole(Roles.Analyst),
        _ => Roles.All.Any(ctx.User.IsInRole),
    };

    public static string Layout(HttpContext ctx, string title, string body, string? script = null)
    {
        var sb = new StringBuilder();
        sb.Append("<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">");
        sb.Append("<title>").Append(E(title)).Append(" · Resolute</title>");
        var signedIn = ctx.User.Identity?.IsAuthenticated == true;
        if (signedIn) sb.Append("<meta name=\"csrf-token\" content=\"").Append(E(RequestToken(ctx))).Append("\">");
        var nonce = E(ContentSecurity.Nonce(ctx));
        sb.Append("<style nonce=\"").Append(nonce).Append("\">").Append(Css).Append("</style></head><body><header><a class=\"brand\" href=\"/scenarios\">Resolute</a>");
        if (signedIn)
        {
            sb.Append("<nav><a href=\"/scenarios\">Scenarios</a><a href=\"/runs\">Runs</a><a href=\"/compare\">Compare</a>");
            if (Can(ctx, Roles.ManageUsers)) sb.Append("<a href=\"/admin/users\">Users</a>");
            var roles = string.Join(", ", Roles.All.Where(ctx.User.IsInRole));
            sb.Append("</nav><span class=\"who\">").Append(E(ctx.User.Identity!.Name)).Append(" <span class=\"role\" data-role=\"").Append(E(roles)).Append("\">")
                .Append(E(roles.Length == 0 ? "no role" : roles)).Append("</span></span>");
            sb.Append("<form method=\"post\" action=\"/logout\" class=\"inline\">").Append(Token(ctx)).Append("<button type=\"submit\">Sign out</button></form>");
        }
        sb.Append("</header><main>").Append(body).Append("</main>");
        if (script is not null) sb.Append("<script nonce=\"").Append(nonce).Append("\">").Append(script).Append("</script>");
        sb.Append("</body></html>");
        return sb.ToString();
    }

    public static string ErrorPage(HttpContext ctx, string title, string detail) =>
        Layout(ctx, title, $"<h1>{E(title)}</h1><p class=\"error\" role=\"alert\">{E(detail)}</p><p><a href=\"/scenarios\">Back to the scenarios</a></p>");

    public static IResult Page(HttpContext ctx, string title, string body, string? script = null, int status = 200) =>
        Results.Content(Layout(ctx, title, body, script), "text/html; charset=utf-8", Encoding.UTF8, status);

    public static IResult NotFound(HttpContext ctx, string detail) =>
        Results.Content(ErrorPage(ctx, "Not found", detail), "text/html; charset=utf-8", Encoding.UTF8, StatusCodes.Status404NotFound);

    public static async Task WriteAsync(HttpContext ctx, string html, int status)
    {
        ctx.Response.StatusCode = status;
        ctx.Response.ContentType = "text/html; charset=utf-8";
        await ctx.Response.WriteAsync(html, ctx.RequestAborted);
    }

    private const string Css = """
        :root{font-family:system-ui,-apple-system,"DejaVu Sans",sans-serif;color:#1b2430;background:#f6f7f9}
        body{margin:0}header{display:flex;gap:1.5rem;align-items:center;padding:.6rem 1.2rem;background:#0b3d6b;color:#fff}
        header a{color:#fff;text-decoration:none}header nav{display:flex;gap:1rem;flex:1}.brand{font-weight:700;letter-spacing:.05em}
        header .who{font-size:.9rem}header .role{background:#ffffff33;border-radius:.6rem;padding:.1rem .5rem}
        main{padding:1rem 1.5rem;max-width:1400px}h1{font-size:1.4rem}table{border-collapse:collapse;background:#fff;margin:.5rem 0 1rem}
        th,td{border:1px solid #d5dae1;padding:.3rem .6rem;text-align:left;vertical-align:top;font-size:.92rem}th{background:#eef1f5}
        td.num{text-align:right;font-variant-numeric:tabular-nums}.nowrap{white-space:nowrap}.inline{display:inline}
        button,input[type=submit]{background:#0b3d6b;color:#fff;border:0;border-radius:.3rem;padding:.35rem .8rem;cursor:pointer}
        header button{background:#ffffff22}button.danger{background:#a4262c}
        .error{color:#a4262c}.ok{color:#1e7b34}.notice{background:#fff6d5;border:1px solid #e6d27a;padding:.4rem .8rem}
        .status{border-radius:.6rem;padding:.05rem .5rem;font-size:.85rem;background:#e3e7ec}
        .status.succeeded{background:#d6f0dc}.status.failed,.status.interrupted{background:#f7d7d9}.status.running,.status.queued{background:#d9e8fb}
        .editor{display:flex;border:1px solid #b8c0cc;background:#fff;height:60vh;overflow:auto;font:13px/1.45 "DejaVu Sans Mono",monospace}
        .gutter{padding:.4rem .3rem;text-align:right;color:#8a94a3;background:#f0f2f5;user-select:none;min-width:3.2em}
        .gutter div.err{background:#f7d7d9;color:#a4262c;font-weight:700}
        .editor textarea{flex:1;border:0;padding:.4rem;font:inherit;resize:none;white-space:pre;overflow:hidden;outline:none;min-height:100%}
        ul.problems li{cursor:pointer;margin:.15rem 0}ul.problems li.warning{color:#8a6100}
        progress{width:30rem;height:1rem}iframe.briefing{width:100%;height:85vh;border:1px solid #b8c0cc;background:#fff}
        .cols{display:grid;grid-template-columns:1fr 1fr;gap:1rem}.delta-pos{color:#1e7b34}.delta-neg{color:#a4262c}
        """;
}
