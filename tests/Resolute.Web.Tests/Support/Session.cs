using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;

namespace Resolute.Web.Tests.Support;

/// <summary>A signed-in (or anonymous) browser-like client: cookies, and the antiforgery token for unsafe calls.</summary>
public sealed class Session(HttpClient client) : IDisposable
{
    public HttpClient Client { get; } = client;

    /// <summary>The antiforgery request token for this session's user (null when not fetched).</summary>
    public string? Token { get; private set; }

    /// <summary>Signs in through the login form, then fetches an antiforgery token for the signed-in user.</summary>
    public static async Task<Session> SignInAsync(HttpClient client, string userName, string password)
    {
        var session = new Session(client);
        var form = await session.FormTokenAsync("/login");
        var response = await session.PostFormAsync("/login", new() { ["userName"] = userName, ["password"] = password }, form);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        await session.RefreshTokenAsync();
        return session;
    }

    /// <summary>Gets a fresh token from <c>GET /api/antiforgery</c> (tokens are bound to the signed-in user).</summary>
    public async Task RefreshTokenAsync()
    {
        var t = await GetJsonAsync<AntiforgeryToken>("/api/antiforgery");
        Assert.Equal(Errors.AntiforgeryHeader, t.HeaderName);
        Token = t.Token;
    }

    public Task<HttpResponseMessage> GetAsync(string path) => Client.GetAsync(Relative(path));

    public async Task<T> GetJsonAsync<T>(string path)
    {
        using var response = await GetAsync(path);
        Assert.True(response.IsSuccessStatusCode, $"GET {path}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return (await response.Content.ReadFromJsonAsync<T>())!;
    }

    /// <summary>Sends JSON (or nothing) with the antiforgery header unless <paramref name="antiforgery"/> is false.</summary>
    public async Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, object? json = null, bool antiforgery = true)
    {
        using var request = new HttpRequestMessage(method, Relative(path));
        if (json is not null) request.Content = JsonContent.Create(json);
        if (antiforgery && Token is not null) request.Headers.Add(Errors.AntiforgeryHeader, Token);
        return await Client.SendAsync(request);
    }

    public Task<HttpResponseMessage> PostJsonAsync(string path, object? json = null, bool antiforgery = true) => SendAsync(HttpMethod.Post, path, json, antiforgery);

    public Task<HttpResponseMessage> PutJsonAsync(string path, object? json = null, bool antiforgery = true) => SendAsync(HttpMethod.Put, path, json, antiforgery);

    /// <summary>Posts a form as a browser would: with the antiforgery field (from <paramref name="token"/> or this session's token).</summary>
    public async Task<HttpResponseMessage> PostFormAsync(string path, Dictionary<string, string> fields, string? token = null)
    {
        var all = new Dictionary<string, string>(fields);
        if ((token ?? Token) is { } t) all["__RequestVerificationToken"] = t;
        using var content = new FormUrlEncodedContent(all);
        return await Client.PostAsync(Relative(path), content);
    }

    /// <summary>The antiforgery field of the first form on a page (what a browser would submit).</summary>
    public async Task<string> FormTokenAsync(string page)
    {
        var doc = await PageAsync(page);
        var input = doc.QuerySelector("form input[name=__RequestVerificationToken]") as IHtmlInputElement;
        Assert.NotNull(input);
        return input.Value;
    }

    public async Task<IHtmlDocument> PageAsync(string path)
    {
        using var response = await GetAsync(path);
        Assert.True(response.IsSuccessStatusCode, $"GET {path}: {(int)response.StatusCode}");
        return await ParseAsync(response);
    }

    public static async Task<IHtmlDocument> ParseAsync(HttpResponseMessage response) =>
        new HtmlParser().ParseDocument(await response.Content.ReadAsStringAsync());

    public static Uri Relative(string path) => new(path, UriKind.Relative);

    public void Dispose() => Client.Dispose();
}
