namespace Resolute.Data.Tests;

/// <summary>Paths of the repository the tests run in, and of the test fixtures copied beside the test assembly.</summary>
internal static class Repo
{
    public static string Root { get; } = FindRoot();

    public static string Data => Path.Combine(Root, "data");
    public static string Scenarios => Path.Combine(Root, "scenarios");
    public static string Fixture(string name) => Path.Combine(AppContext.BaseDirectory, "Fixtures", name);
    public static string Malformed(string name) => Path.Combine(AppContext.BaseDirectory, "Malformed", name);

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Resolute.slnx"))) return dir.FullName;
        throw new InvalidOperationException("The tests must run inside the repository.");
    }
}
