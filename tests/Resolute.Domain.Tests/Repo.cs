namespace Resolute.Domain.Tests;

/// <summary>The repository the tests run in.</summary>
internal static class Repo
{
    public static string Root { get; } = FindRoot();

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Resolute.slnx"))) return dir.FullName;
        throw new DirectoryNotFoundException("Resolute.slnx not found above " + AppContext.BaseDirectory);
    }
}
