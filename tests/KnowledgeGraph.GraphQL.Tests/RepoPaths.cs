namespace KnowledgeGraph.GraphQL.Tests;

/// <summary>Locates the repository (seeds/, the dialect checker, this project's folder).</summary>
public static class RepoPaths
{
    public static string Root { get; } = FindRoot();

    public static string Seeds => Path.Combine(Root, "seeds");

    public static string TestProject => Path.Combine(Root, "tests", "KnowledgeGraph.GraphQL.Tests");

    public static string CypherOut => Path.Combine(TestProject, "__cypher__");

    public static string Audit => Path.Combine(TestProject, "audit");

    public static string DialectProject => Path.Combine(Root, "tests", "cypher-dialect");

    private static string FindRoot()
    {
        // The source path compiled into this assembly finds the tree even when built with --artifacts-path.
        foreach (var start in new[] { AppContext.BaseDirectory, Environment.CurrentDirectory, SourceDirectory() })
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
                if (File.Exists(Path.Combine(dir.FullName, "KnowledgeGraph.sln")) && Directory.Exists(Path.Combine(dir.FullName, "seeds")))
                    return dir.FullName;
        throw new InvalidOperationException("Cannot find the repository root (KnowledgeGraph.sln with seeds/).");
    }

    private static string SourceDirectory([System.Runtime.CompilerServices.CallerFilePath] string path = "") =>
        Path.GetDirectoryName(path) ?? ".";
}
