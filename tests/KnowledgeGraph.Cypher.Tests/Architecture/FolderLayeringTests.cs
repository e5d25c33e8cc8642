using System.Text.RegularExpressions;
using KnowledgeGraph.Tests.Shared;

namespace KnowledgeGraph.Cypher.Tests.Architecture;

/// <summary>
/// The folders of src/KnowledgeGraph.Cypher are layers: each folder is one namespace, and the namespaces a folder
/// names (by <c>using</c> or qualified name) never lead back to it. The root folder is the public façade
/// (<c>GraphDatabase</c> and its public records); below it only the session layer names <c>GraphDatabase</c>, the runtime
/// reaches the database through <c>IEngineServices</c>.
/// </summary>
public sealed partial class FolderLayeringTests
{
    private static readonly string Source = RepositoryRoot.Combine("src", "KnowledgeGraph.Cypher");

    [Fact]
    public void CypherFolders_Should_FormNoCycle()
    {
        var edges = FolderEdges();
        Assert.True(edges.Count > 10, $"expected the engine's folder references, found {edges.Count} folders with any");
        var cycle = FindCycle(edges);
        Assert.True(cycle is null, "Folder cycle in src/KnowledgeGraph.Cypher: " + string.Join(" -> ", cycle ?? []));
    }

    /// <summary>Planning sits between Explain and Execution: it builds on the layers below (runtime, expressions,
    /// matcher facts) and Execution calls into it, never the other way round.</summary>
    [Fact]
    public void Planning_Should_SitBetweenExplainAndExecution()
    {
        var edges = FolderEdges();
        string[] below = ["QueryErrors", "Values", "Memory", "Runtime", "Functions", "Expressions", "Matching", "Procedures", "Explain"];
        Assert.True(edges.ContainsKey("Planning"), "the Planning folder names no other layer");
        Assert.Empty(edges["Planning"].Except(below));
        Assert.Contains("Planning", edges["Execution"]);
    }

    [Fact]
    public void CypherFolders_Should_NameTheirNamespace()
    {
        var wrong = Files()
            .Select(f => (File: f, Folder: FolderOf(f), Namespace: NamespaceLine().Match(File.ReadAllText(f)).Groups[1].Value))
            .Where(x => x.Namespace != (x.Folder.Length == 0 ? "KnowledgeGraph.Cypher" : "KnowledgeGraph.Cypher." + x.Folder.Replace('/', '.')))
            .Select(x => $"{Path.GetRelativePath(Source, x.File)}: {x.Namespace}")
            .ToList();
        Assert.Empty(wrong);
    }

    [Fact]
    public void Runtime_Should_ReachTheDatabaseOnlyThroughEngineServices()
    {
        var users = Files()
            .Where(f => FolderOf(f) is not ("" or "Session"))
            .Where(f => GraphDatabaseName().IsMatch(Strip(File.ReadAllText(f))))
            .Select(f => Path.GetRelativePath(Source, f))
            .ToList();
        Assert.Empty(users);
    }

    private static Dictionary<string, HashSet<string>> FolderEdges()
    {
        var edges = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        foreach (var file in Files())
        {
            var folder = FolderOf(file);
            if (folder.Length == 0) continue; // the façade may name every layer
            foreach (Match m in CypherNamespace().Matches(Strip(File.ReadAllText(file))))
            {
                var target = m.Groups[1].Value;
                if (target == folder || target == "Syntax" || target == "Tests") continue;
                if (!edges.TryGetValue(folder, out var set)) edges[folder] = set = new(StringComparer.Ordinal);
                set.Add(target);
            }
        }
        return edges;
    }

    private static List<string>? FindCycle(Dictionary<string, HashSet<string>> edges)
    {
        var state = new Dictionary<string, int>(StringComparer.Ordinal); // 1 visiting, 2 done
        var stack = new List<string>();
        List<string>? Visit(string n)
        {
            if (state.GetValueOrDefault(n) == 2) return null;
            if (state.GetValueOrDefault(n) == 1) return [.. stack.SkipWhile(s => s != n), n];
            state[n] = 1;
            stack.Add(n);
            foreach (var next in edges.GetValueOrDefault(n) ?? [])
                if (Visit(next) is { } found) return found;
            stack.RemoveAt(stack.Count - 1);
            state[n] = 2;
            return null;
        }
        foreach (var n in edges.Keys)
            if (Visit(n) is { } cycle) return cycle;
        return null;
    }

    private static IEnumerable<string> Files() =>
        Directory.EnumerateFiles(Source, "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal));

    private static string FolderOf(string file) =>
        Path.GetRelativePath(Source, Path.GetDirectoryName(file)!).Replace('\\', '/') is var d && d == "." ? "" : d;

    /// <summary>The text without comments (XML docs may cite any type).</summary>
    private static string Strip(string text) => Comment().Replace(text, "");

    [GeneratedRegex(@"KnowledgeGraph\.Cypher\.([A-Z][A-Za-z]*)")]
    private static partial Regex CypherNamespace();

    [GeneratedRegex(@"^namespace ([\w.]+);", RegexOptions.Multiline)]
    private static partial Regex NamespaceLine();

    [GeneratedRegex(@"\bGraphDatabase\b(?!Options)")]
    private static partial Regex GraphDatabaseName();

    [GeneratedRegex(@"//[^\n]*")]
    private static partial Regex Comment();
}
