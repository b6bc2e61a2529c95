using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Resolute.Web.Tests.Support;

/// <summary>
/// The app on its own store — a SQLite file in a temp directory unless told otherwise — with planner settings small
/// enough that a run of a bundled scenario takes seconds (200 campaigns, no tornado, no Sobol, one thread).
/// </summary>
public sealed class ResoluteFactory : WebApplicationFactory<Program>
{
    /// <summary>Every test user's password (meets Identity's rules).</summary>
    public const string Password = "Test-pass-1!";

    private readonly Dictionary<string, string?> _settings;
    private readonly TempDirectory? _owned;

    /// <param name="databasePath">The SQLite file; default: a new one in a temp directory deleted with the factory.</param>
    /// <param name="settings">Settings that replace or add to the defaults above (e.g. the PostgreSQL store).</param>
    public ResoluteFactory(string? databasePath = null, IReadOnlyDictionary<string, string?>? settings = null)
    {
        if (databasePath is null)
        {
            _owned = new TempDirectory();
            databasePath = Path.Combine(_owned.Path, "resolute.db");
        }
        DatabasePath = databasePath;
        _settings = new(StringComparer.OrdinalIgnoreCase)
        {
            ["Resolute:Store:Provider"] = "sqlite",
            ["Resolute:Store:SqlitePath"] = databasePath,
            ["Resolute:Runs"] = "200",
            ["Resolute:TornadoRunsPerPoint"] = "0",
            ["Resolute:SobolSamples"] = "0",
            ["Resolute:Threads"] = "1",
            // Every test client has the same (no) address: the throttles would couple independent tests. SignInTests sets
            // the documented defaults back where it tests them.
            ["Resolute:SignIn:AttemptsPerClient"] = "100000",
            ["Resolute:SignIn:ApiRequestsPerMinute"] = "1000000",
            ["Logging:LogLevel:Default"] = "Warning",
            ["Logging:LogLevel:Microsoft.AspNetCore"] = "Warning",
            ["Logging:LogLevel:Microsoft.EntityFrameworkCore"] = "Error",
        };
        foreach (var (k, v) in settings ?? new Dictionary<string, string?>()) _settings[k] = v;
    }

    /// <summary>The SQLite file (unused when the settings choose PostgreSQL).</summary>
    public string DatabasePath { get; }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        // Added last, so these win over appsettings.json (which names App_Data/resolute.db under the project).
        builder.ConfigureAppConfiguration(c => c.AddInMemoryCollection(_settings));
        builder.ConfigureServices(s => s.AddTransient<IStartupFilter, ClientAddressFromHeader>());
    }

    /// <summary>The header a test sets to be a client at that IP address (the test server has no network, so no addresses).</summary>
    public const string ClientAddressHeader = "X-Test-Client-Address";

    /// <summary>Test host only: gives a request the client address named in <see cref="ClientAddressHeader"/>, before any other middleware.</summary>
    private sealed class ClientAddressFromHeader : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use((ctx, inner) =>
            {
                if (ctx.Request.Headers[ClientAddressHeader] is [{ } address]) ctx.Connection.RemoteIpAddress = System.Net.IPAddress.Parse(address);
                return inner(ctx);
            });
            next(app);
        };
    }

    /// <summary>An anonymous client (cookies, no redirects) at its own IP address.</summary>
    public HttpClient AnonymousAt(string address)
    {
        var client = Anonymous();
        client.DefaultRequestHeaders.Add(ClientAddressHeader, address);
        return client;
    }

    /// <summary>Opens the store (migrations, roles, seed scenarios) and checks it is the one this factory was given.</summary>
    public async Task<StoreGate> ReadyAsync()
    {
        var store = Services.GetRequiredService<IOptions<RunStoreOptions>>().Value;
        if (!store.IsPostgres) Assert.Equal(Path.GetFullPath(DatabasePath), store.SqliteFile("/"));
        var gate = Services.GetRequiredService<StoreGate>();
        Assert.Null(await gate.EnsureReadyAsync(CancellationToken.None));
        return gate;
    }

    /// <summary>Creates a user with <see cref="Password"/> and one role.</summary>
    public async Task CreateUserAsync(string userName, string role)
    {
        await ReadyAsync();
        await using var scope = Services.CreateAsyncScope();
        var error = await Accounts.CreateAsync(scope.ServiceProvider.GetRequiredService<UserManager<IdentityUser>>(), new NewUser(userName, Password, role));
        Assert.Null(error);
    }

    /// <summary>A client that keeps cookies and does not follow redirects (so tests see 302s).</summary>
    public HttpClient Anonymous() => CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });

    /// <summary>Creates a user named after the role (once) and signs in as them through the login form.</summary>
    public async Task<Session> SignInAsync(string role)
    {
        var name = "test-" + role;
        await ReadyAsync();
        await using (var scope = Services.CreateAsyncScope())
        {
            if (await scope.ServiceProvider.GetRequiredService<UserManager<IdentityUser>>().FindByNameAsync(name) is null) await CreateUserAsync(name, role);
        }
        return await Session.SignInAsync(Anonymous(), name, Password);
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        // Pooled connections keep the file open; release them before the directory goes.
        SqliteConnection.ClearAllPools();
        _owned?.Dispose();
    }
}

/// <summary>A directory under the temp path, deleted on dispose.</summary>
public sealed class TempDirectory : IDisposable
{
    public TempDirectory() => Path = Directory.CreateTempSubdirectory("resolute-web-tests-").FullName;

    public string Path { get; }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
            // Best effort: a file still held open stays in /tmp; it never affects another test (each has its own directory).
        }
    }
}
