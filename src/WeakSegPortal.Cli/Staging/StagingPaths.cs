namespace WeakSegPortal.Cli.Staging;

/// <summary>Paths inside the staging folder as the importer names them: relative, '/'-separated.</summary>
internal static class StagingPaths
{
    public static string Relative(string root, string path) =>
        Path.GetRelativePath(root, path).Replace(Path.DirectorySeparatorChar, '/');
}
