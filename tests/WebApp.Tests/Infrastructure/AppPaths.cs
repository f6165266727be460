namespace WebApp.Tests.Infrastructure;

/// <summary>Where the repository and the built app are, found from the test assembly's location.</summary>
public static class AppPaths
{
    public static string RepoRoot { get; } = FindRepoRoot();

    /// <summary>The app as built alongside this test run (same configuration).</summary>
    public static string WebAppDll { get; } = Path.Combine(
        RepoRoot, "src", "WebApp", "bin", Configuration, "net10.0", "WebApp.dll");

    private static string Configuration =>
        AppContext.BaseDirectory.Contains($"{Path.DirectorySeparatorChar}Release{Path.DirectorySeparatorChar}") ? "Release" : "Debug";

    private static string FindRepoRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "WebApp.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("WebApp.sln not found above the test assembly.");
    }
}
