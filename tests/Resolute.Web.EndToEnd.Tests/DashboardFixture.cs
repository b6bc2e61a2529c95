using System.Runtime.CompilerServices;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Resolute.Web.Hosting;
using Resolute.Web.Store;

namespace Resolute.Web.EndToEnd.Tests;

/// <summary>
/// One real dashboard for the end-to-end tests: the app itself (Program, the same services and pipeline) on Kestrel at
/// 127.0.0.1 with an OS-chosen port, over a fresh SQLite file in a temp directory, plus one headless Debian chromium.
/// </summary>
/// <remarks>
/// The server is hosted in-process with .NET 10's <c>WebApplicationFactory.UseKestrel(0)</c> rather than by starting
/// the built app as a child process: the browser still talks HTTP over a real socket (cookies, redirects, server-sent
/// events, the sandboxed briefing frame), while the test can create the users directly through
/// <see cref="UserManager{TUser}"/> (no <c>create-user</c> process per user) and the server's log and lifetime stay
/// with the test run. Planner settings are small (200 campaigns, no tornado or Sobol) so a run takes seconds.
/// </remarks>
public sealed class DashboardFixture : IAsyncLifetime, IDisposable
{
    public const string Password = "E2e-password-1";
    public const string Analyst = "ana", Viewer = "vic";

    private static string Chromium => Environment.GetEnvironmentVariable("CHROMIUM_PATH") is { Length: > 0 } path ? path : "/usr/bin/chromium";

    private readonly DirectoryInfo _temp = Directory.CreateTempSubdirectory("resolute-e2e-");
    private DashboardFactory? _factory;
    private IPlaywright? _playwright;

    /// <summary>The server's root, e.g. <c>http://127.0.0.1:40123/</c>.</summary>
    public Uri BaseAddress { get; private set; } = null!;

    public IBrowser Browser { get; private set; } = null!;

    /// <summary>Where the screenshots go: <c>tests/Resolute.Web.EndToEnd.Tests/TestResults/e2e/</c> (git-ignored; CI can keep it as an artifact).</summary>
    public static string Screenshots => Path.Combine(ProjectDirectory(), "TestResults", "e2e");

    public async Task InitializeAsync()
    {
        Assert.True(File.Exists(Chromium),
            $"No chromium at '{Chromium}'. Install it with `apt-get install -y chromium fonts-dejavu-core` (.ci/run does) or set CHROMIUM_PATH; never `playwright install`.");
        _factory = new DashboardFactory(Path.Combine(_temp.FullName, "resolute.db"));
        _factory.UseKestrel(0);
        _factory.StartServer();
        BaseAddress = _factory.ClientOptions.BaseAddress;
        Assert.True(BaseAddress.IsLoopback, $"the server listens on {BaseAddress}, not loopback");

        var services = _factory.Services;
        Assert.Null(await services.GetRequiredService<StoreGate>().EnsureReadyAsync(CancellationToken.None));
        await using (var scope = services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<IdentityUser>>();
            Assert.Null(await Accounts.CreateAsync(users, new NewUser(Analyst, Password, Roles.Analyst)));
            Assert.Null(await Accounts.CreateAsync(users, new NewUser(Viewer, Password, Roles.Viewer)));
        }

        Directory.CreateDirectory(Screenshots);
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions { ExecutablePath = Chromium, Headless = true });
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null) await Browser.DisposeAsync();
        _playwright?.Dispose();
        if (_factory is not null) await _factory.DisposeAsync();
        try
        {
            _temp.Delete(recursive: true);
        }
        catch (IOException)
        {
            // A SQLite handle still closing: the OS cleans the temp directory.
        }
    }

    /// <summary>
    /// A fresh browser context (its own cookies) in which every request that is not to the loopback server is aborted
    /// and recorded in <paramref name="offLoopback"/>; tests assert it stays empty.
    /// </summary>
    public async Task<IBrowserContext> NewContextAsync(List<string> offLoopback)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = BaseAddress.ToString(),
            ViewportSize = new ViewportSize { Width = 1280, Height = 900 },
        });
        // Generous: `dotnet test` runs the test projects side by side on a small machine, and the first validation
        // loads the dataset.
        context.SetDefaultTimeout(30_000);
        await context.RouteAsync("**/*", route =>
        {
            var url = route.Request.Url;
            if (Uri.TryCreate(url, UriKind.Absolute, out var uri) && (uri.Scheme is "data" or "blob" or "about" || uri.IsLoopback))
                return route.ContinueAsync();
            lock (offLoopback) offLoopback.Add(url);
            return route.AbortAsync();
        });
        return context;
    }

    /// <summary>Only for the analyzer: xunit calls <see cref="DisposeAsync"/>, which releases everything.</summary>
    public void Dispose() => _factory?.Dispose();

    private static string ProjectDirectory([CallerFilePath] string path = "") => Path.GetDirectoryName(path)!;

    private sealed class DashboardFactory(string sqlitePath) : WebApplicationFactory<Program>
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            builder.UseSetting("Resolute:Store:Provider", "sqlite");
            builder.UseSetting("Resolute:Store:SqlitePath", sqlitePath);
            builder.UseSetting("Resolute:Runs", "200");
            builder.UseSetting("Resolute:TornadoRunsPerPoint", "0");
            builder.UseSetting("Resolute:SobolSamples", "0");
            // The browser tests sign in many times from one address; the throttle has its own tests.
            builder.UseSetting("Resolute:SignIn:AttemptsPerClient", "100000");
            builder.UseSetting("Logging:LogLevel:Default", "Warning");
        }
    }
}

[CollectionDefinition(Collection)]
public sealed class DashboardTests : ICollectionFixture<DashboardFixture>
{
    /// <summary>The tests share one server and browser and run one after another (one run worker, two cores).</summary>
    public const string Collection = "dashboard";
}
