using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Resolute.Web.Tests.Support;

/// <summary>One mapped route and method, as the app's endpoint data source lists it.</summary>
public sealed record MappedEndpoint(string Method, string Pattern, Endpoint Endpoint)
{
    public string Key => Method + " " + Pattern;

    public bool IsAnonymous => Endpoint.Metadata.GetMetadata<IAllowAnonymous>() is not null;

    public bool IsApi => Pattern.StartsWith("/api", StringComparison.Ordinal) || Pattern.StartsWith("/openapi", StringComparison.Ordinal);

    /// <summary>A concrete URL for the pattern: numbers for <c>long</c> parameters, a word for the rest.</summary>
    public string SampleUrl => Endpoints.Parameter().Replace(Pattern, m => m.Groups[2].Value.Contains("long", StringComparison.Ordinal) ? "424242" : "sample");
}

public static partial class Endpoints
{
    /// <summary>Every route endpoint with each of its methods (GET when it names none).</summary>
    public static IReadOnlyList<MappedEndpoint> All(IServiceProvider services) =>
        services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .SelectMany(e => (e.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? ["GET"]).Select(m => new MappedEndpoint(m, "/" + e.RoutePattern.RawText!.TrimStart('/'), e)))
            .OrderBy(e => e.Pattern, StringComparer.Ordinal).ThenBy(e => e.Method, StringComparer.Ordinal).ToList();

    [GeneratedRegex(@"\{([^}:]+)(:[^}]*)?\}")]
    internal static partial Regex Parameter();
}
