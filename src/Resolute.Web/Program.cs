using Resolute.Web.Hosting;

var builder = WebApplication.CreateBuilder(args);
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
