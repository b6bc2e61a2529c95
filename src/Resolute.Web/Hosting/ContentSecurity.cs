using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;

namespace Resolute.Web.Hosting;

/// <summary>
/// The Content-Security-Policy of every answer. Pages inline one style and at most one script, each carrying the request's
/// nonce, so nothing else (an injected tag, an event-handler attribute) runs or styles the page. The briefing, a stored
/// document that inlines its libraries, gets a policy from the hashes of its own inline scripts and styles, in a sandbox.
/// </summary>
public sealed partial class ContentSecurity(RequestDelegate next)
{
    private const string NonceKey = "resolute.csp-nonce";

    /// <summary>The request's nonce for inline <c>&lt;script&gt;</c> and <c>&lt;style&gt;</c> elements.</summary>
    public static string Nonce(HttpContext ctx)
    {
        ArgumentNullException.ThrowIfNull(ctx);
        if (ctx.Items[NonceKey] is string nonce) return nonce;
        nonce = Convert.ToBase64String(RandomNumberGenerator.GetBytes(18));
        ctx.Items[NonceKey] = nonce;
        return nonce;
    }

    public Task InvokeAsync(HttpContext ctx)
    {
        ctx.Response.OnStarting(() =>
        {
            var headers = ctx.Response.Headers;
            // An endpoint that set its own policy (the briefing) keeps it.
            if (headers.ContentSecurityPolicy.Count == 0) headers.ContentSecurityPolicy = Pages(Nonce(ctx));
            headers.XContentTypeOptions = "nosniff";
            return Task.CompletedTask;
        });
        return next(ctx);
    }

    /// <summary>The pages' policy: only this site, and inline code only with <paramref name="nonce"/>.</summary>
    public static string Pages(string nonce) =>
        $"default-src 'none'; script-src 'nonce-{nonce}'; style-src 'nonce-{nonce}'; img-src 'self' data:; connect-src 'self'; " +
        "frame-src 'self'; form-action 'self'; frame-ancestors 'self'; base-uri 'none'";

    /// <summary>
    /// The briefing's policy: sandboxed (no access to this site's cookies or pages), its inline scripts and style elements
    /// allowed by their SHA-256 hashes, nothing loaded from anywhere. Style attributes are allowed: the map library and the
    /// symbols it draws set them, and a style attribute cannot run code.
    /// </summary>
    public static string Briefing(string html)
    {
        ArgumentNullException.ThrowIfNull(html);
        var scripts = string.Join(' ', ScriptElement().Matches(html).Select(m => Hash(m.Groups["body"].Value)).Distinct(StringComparer.Ordinal));
        var styles = string.Join(' ', StyleElement().Matches(html).Select(m => Hash(m.Groups["body"].Value)).Distinct(StringComparer.Ordinal));
        return $"sandbox allow-scripts; default-src 'none'; script-src {Or(scripts)}; style-src-elem {Or(styles)}; style-src-attr 'unsafe-inline'; " +
            $"style-src {Or(styles)}; img-src data: blob:; font-src data:; frame-ancestors 'self'; base-uri 'none'; form-action 'none'";
    }

    private static string Or(string sources) => sources.Length == 0 ? "'none'" : sources;

    /// <summary>A CSP hash source of an element's text as the browser sees it (the HTML parser turns CR LF and CR into LF).</summary>
    private static string Hash(string body) =>
        $"'sha256-{Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(body.Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n'))))}'";

    [GeneratedRegex(@"<script(?:\s[^>]*)?>(?<body>.*?)</script>", RegexOptions.Singleline | RegexOptions.IgnoreCase, matchTimeoutMilliseconds: 2000)]
    private static partial Regex ScriptElement();

    [GeneratedRegex(@"<style(?:\s[^>]*)?>(?<body>.*?)</style>", RegexOptions.Singleline | RegexOptions.IgnoreCase, matchTimeoutMilliseconds: 2000)]
    private static partial Regex StyleElement();
}
