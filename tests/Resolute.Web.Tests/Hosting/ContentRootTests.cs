namespace Resolute.Web.Tests.Hosting;

/// <summary>The dashboard started as <c>dotnet …/Resolute.Web.dll</c> from another directory still reads the appsettings.json beside it.</summary>
public sealed class ContentRootTests
{
    [Fact]
    public async Task Start_FromAnotherDirectory_UsesItsOwnDirectoryAndSettings()
    {
        using var elsewhere = new TempDirectory();
        await using var server = WebProcess.Start(elsewhere.Path, "--Resolute:Store:SqlitePath=" + Path.Combine(elsewhere.Path, "resolute.db"));

        await server.HealthyAsync(TimeSpan.FromSeconds(60));
        await server.WaitForOutputAsync("Content root path:", TimeSpan.FromSeconds(5));

        // appsettings.json (beside the binary) holds EF Core at Warning: without it every SQL command is logged at Information.
        Assert.Contains($"Content root path: {AppContext.BaseDirectory}", server.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("Executed DbCommand", server.Output, StringComparison.Ordinal);
        Assert.False(Directory.Exists(Path.Combine(elsewhere.Path, "App_Data")));
    }
}
