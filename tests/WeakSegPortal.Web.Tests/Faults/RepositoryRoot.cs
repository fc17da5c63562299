namespace WeakSegPortal.Web.Tests.Faults;

/// <summary>The checkout the running test or benchmark was built from (the folder holding WeakSegPortal.sln).</summary>
public static class RepositoryRoot
{
    public static string Path { get; } = Find();

    private static string Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(dir.FullName, "WeakSegPortal.sln")))
            {
                return dir.FullName;
            }
        }
        throw new InvalidOperationException($"No WeakSegPortal.sln above {AppContext.BaseDirectory}.");
    }
}
