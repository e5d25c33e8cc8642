using System.Runtime.CompilerServices;

namespace KnowledgeGraph.Tests.Shared;

/// <summary>
/// The repository root (the folder holding <c>KnowledgeGraph.sln</c>), for tests that read the tree: seeds, README,
/// sources, the npm judges. Found from this file's compile-time path first (builds may put binaries in an artifacts
/// folder outside the tree), then from the test binary's folder and the working directory.
/// </summary>
public static class RepositoryRoot
{
    private static readonly Lazy<string> Root = new(() => Find(SourceDirectory()));

    /// <summary>The root's full path; throws when the tests run outside a checkout.</summary>
    public static string Path => Root.Value;

    /// <summary>A path under the root, from its segments (<c>RepositoryRoot.Combine("tests", "cypher-dialect")</c>).</summary>
    public static string Combine(params string[] segments) => System.IO.Path.Combine([Path, .. segments]);

    private static string Find(string sourceDirectory)
    {
        foreach (var start in new[] { sourceDirectory, AppContext.BaseDirectory, Environment.CurrentDirectory })
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
                if (File.Exists(System.IO.Path.Combine(dir.FullName, "KnowledgeGraph.sln")))
                    return dir.FullName;
        throw new InvalidOperationException("Repository root (the folder holding KnowledgeGraph.sln) not found.");
    }

    private static string SourceDirectory([CallerFilePath] string path = "") => System.IO.Path.GetDirectoryName(path) ?? ".";
}
