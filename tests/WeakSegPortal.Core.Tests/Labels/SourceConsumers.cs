using System.Text.RegularExpressions;

namespace WeakSegPortal.Core.Tests.Labels;

/// <summary>
/// The scan behind the geometry-consumer tests: every source file under src/ that reads a kind of geometry must be listed
/// with the test class that covers its handling of a plane (a name without spaces), or with the reason it needs none.
/// </summary>
internal static class SourceConsumers
{
    /// <summary>Fails on files that read the geometry but are not listed, and on listed files that no longer read it.</summary>
    public static void AssertListed(IReadOnlyDictionary<string, string> consumers, Regex reads, string listedIn, string fix)
    {
        var src = Path.Combine(RepositoryRoot(), "src");
        var readers = Directory.EnumerateFiles(src, "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .Where(f => reads.IsMatch(File.ReadAllText(f)))
            .Select(f => Path.GetRelativePath(src, f).Replace(Path.DirectorySeparatorChar, '/'))
            .Order(StringComparer.Ordinal)
            .ToList();
        var unknown = readers.Where(f => !consumers.ContainsKey(f)).ToList();
        Assert.True(unknown.Count == 0, $"These files are not in {listedIn}: {fix}, and list them: {string.Join(", ", unknown)}");
        var gone = consumers.Keys.Where(f => !readers.Contains(f)).ToList();
        Assert.True(gone.Count == 0, $"Listed in {listedIn} but no longer reading that geometry (remove them): {string.Join(", ", gone)}");
    }

    /// <summary>Every test class a consumer names (a value without spaces) exists under tests/.</summary>
    public static void AssertNamedTestsExist(IReadOnlyDictionary<string, string> consumers)
    {
        var tests = Directory.EnumerateFiles(Path.Combine(RepositoryRoot(), "tests"), "*.cs", SearchOption.AllDirectories)
            .Select(Path.GetFileNameWithoutExtension).ToHashSet(StringComparer.Ordinal);
        var named = consumers.Values.Where(v => !v.Contains(' ', StringComparison.Ordinal)).Distinct();
        Assert.All(named, name => Assert.Contains(name, tests));
    }

    public static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "WeakSegPortal.sln")))
            {
                return dir.FullName;
            }
        }
        throw new DirectoryNotFoundException("The repository root (WeakSegPortal.sln) was not found.");
    }
}
