using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Resolute.Web.Hosting;
using Resolute.Web.Store;

namespace Resolute.LoadTest;

/// <summary>
/// The dashboard hosted in this process the way Program.cs hosts it (<see cref="WebApp.AddResolute"/> and
/// <see cref="WebApp.UseResolute"/>), on Kestrel at 127.0.0.1 with an OS-chosen port and a fresh SQLite file, plus
/// one analyst for the clients. The planner settings are small (200 campaigns, no tornado, no Sobol), so the one run
/// the <c>/runs/{id}</c> page needs finishes in seconds.
/// </summary>
/// <remarks>
/// In-process rather than a child process: nothing to locate or build first, and the figures are still for real HTTP
/// over loopback sockets. Server and clients share the machine either way; on a small machine read the figures as
/// "what this box serves while also generating the load".
/// </remarks>
internal sealed class SelfHost : IAsyncDisposable
{
    public const string User = "load-analyst", Password = "Load-test-password-1";

    private readonly WebApplication _app;
    private readonly DirectoryInfo _temp;

    private SelfHost(WebApplication app, DirectoryInfo temp, Uri url)
    {
        _app = app;
        _temp = temp;
        Url = url;
    }

    public Uri Url { get; }

    public static async Task<SelfHost> StartAsync()
    {
        var temp = Directory.CreateTempSubdirectory("resolute-load-");
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { ContentRootPath = temp.FullName, EnvironmentName = "Production" });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Resolute:Store:Provider"] = "sqlite",
            ["Resolute:Store:SqlitePath"] = Path.Combine(temp.FullName, "resolute.db"),
            ["Resolute:Runs"] = "200",
            ["Resolute:TornadoRunsPerPoint"] = "0",
            ["Resolute:SobolSamples"] = "0",
            // Every simulated user signs in from 127.0.0.1: the per-client throttles would measure themselves.
            ["Resolute:SignIn:AttemptsPerClient"] = "100000",
            ["Resolute:SignIn:ApiRequestsPerMinute"] = "1000000",
        });
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.AddResolute();
        var app = builder.Build();
        app.UseResolute();
        await app.StartAsync();

        if (await app.Services.GetRequiredService<StoreGate>().EnsureReadyAsync(CancellationToken.None) is { } unavailable)
            throw new InvalidOperationException(unavailable);
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<IdentityUser>>();
            if (await Accounts.CreateAsync(users, new NewUser(User, Password, Roles.Analyst)) is { } error) throw new InvalidOperationException(error);
        }
        return new SelfHost(app, temp, new Uri(app.Urls.First()));
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
        try
        {
            _temp.Delete(recursive: true);
        }
        catch (IOException)
        {
            // A SQLite handle still closing: the OS cleans the temp directory.
        }
    }
}
