using KnowledgeGraph.Tests.Shared;

namespace KnowledgeGraph.GraphQL.Tests;

/// <summary>Locates the repository (seeds/, the dialect checker, this project's folder).</summary>
public static class RepoPaths
{
    public static string Root => RepositoryRoot.Path;

    public static string Seeds => Path.Combine(Root, "seeds");

    public static string TestProject => Path.Combine(Root, "tests", "KnowledgeGraph.GraphQL.Tests");

    public static string CypherOut => Path.Combine(TestProject, "__cypher__");

    public static string Audit => Path.Combine(TestProject, "audit");

    public static string DialectProject => Path.Combine(Root, "tests", "cypher-dialect");
}
