using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Resolute.LoadTest;

/// <summary>
/// One simulated user: its own connection and cookie jar, signed in through the login form (cookie), holding the
/// antiforgery token that the API's POSTs need, as the editor page does.
/// </summary>
internal sealed partial class Session : IDisposable
{
    private readonly HttpClient _http;

    private Session(HttpClient http, string token)
    {
        _http = http;
        Token = token;
    }

    /// <summary>The antiforgery request token, sent in the <c>X-CSRF-TOKEN</c> header.</summary>
    public string Token { get; }

    public HttpClient Http => _http;

    /// <summary>Signs in with the login form; throws with the reason when that fails (a set-up error, not a measured one).</summary>
    public static async Task<Session> SignInAsync(Uri baseUrl, string user, string password, CancellationToken ct)
    {
        var handler = new SocketsHttpHandler
        {
            CookieContainer = new CookieContainer(),
            UseCookies = true,
            AllowAutoRedirect = false,
            MaxConnectionsPerServer = 1,
            PooledConnectionIdleTimeout = TimeSpan.FromMinutes(5),
        };
        var http = new HttpClient(handler) { BaseAddress = baseUrl, Timeout = TimeSpan.FromSeconds(30) };
        try
        {
            var login = await http.GetStringAsync(new Uri("/login", UriKind.Relative), ct);
            var field = FormToken().Match(login);
            if (!field.Success) throw new InvalidOperationException("the login page has no antiforgery field");
            using var form = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["userName"] = user,
                ["password"] = password,
                ["returnUrl"] = "/scenarios",
                [WebUtility.HtmlDecode(field.Groups["name"].Value)] = WebUtility.HtmlDecode(field.Groups["value"].Value),
            });
            using var signedIn = await http.PostAsync(new Uri("/login", UriKind.Relative), form, ct);
            if (signedIn.StatusCode != HttpStatusCode.Redirect)
                throw new InvalidOperationException($"sign-in as '{user}' answered {(int)signedIn.StatusCode} instead of a redirect: wrong user or password?");
            using var token = await http.GetFromJsonAsync<JsonDocument>(new Uri("/api/antiforgery", UriKind.Relative), ct)
                ?? throw new InvalidOperationException("GET /api/antiforgery answered nothing");
            return new Session(http, token.RootElement.GetProperty("token").GetString()!);
        }
        catch
        {
            http.Dispose();
            throw;
        }
    }

    public void Dispose() => _http.Dispose();

    [GeneratedRegex("<input type=\"hidden\" name=\"(?<name>[^\"]*RequestVerificationToken[^\"]*)\" value=\"(?<value>[^\"]+)\">")]
    private static partial Regex FormToken();
}
