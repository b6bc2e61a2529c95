using Resolute.Web.Hosting;

// The content root is the app's own directory, not the working directory: started as `dotnet /srv/resolute/Resolute.Web.dll`
// from anywhere, it reads the appsettings.json beside it (without it, every SQL command was logged at Information) and
// keeps App_Data/ there. `--contentRoot DIR` (or ASPNETCORE_CONTENTROOT) still chooses another; test hosts set their own.
var builder = WebApplication.CreateBuilder(new WebApplicationOptions
{
    Args = args,
    ContentRootPath = ContentRoot.Chosen(args) ? null : AppContext.BaseDirectory,
});
builder.AddResolute();
var app = builder.Build();

// `create-user NAME [--role admin|analyst|viewer]` (password in RESOLUTE_PASSWORD) makes the first admin and exits.
if (args.Length > 0 && args[0] == "create-user")
{
    Environment.ExitCode = await Accounts.CreateUserCommandAsync(app.Services, args, app.Configuration["RESOLUTE_PASSWORD"]);
    return;
}

app.UseResolute();
await app.RunAsync();

/// <summary>Visible to the functional tests' WebApplicationFactory.</summary>
public partial class Program;

/// <summary>Whether the content root was chosen on the command line or in the environment (then it is left alone).</summary>
internal static class ContentRoot
{
    public static bool Chosen(IReadOnlyList<string> args) =>
        args.Any(a => a.StartsWith("--contentRoot", StringComparison.OrdinalIgnoreCase) || a.StartsWith("/contentRoot", StringComparison.OrdinalIgnoreCase))
        || Environment.GetEnvironmentVariable("ASPNETCORE_CONTENTROOT") is { Length: > 0 }
        || Environment.GetEnvironmentVariable("DOTNET_CONTENTROOT") is { Length: > 0 };
}
