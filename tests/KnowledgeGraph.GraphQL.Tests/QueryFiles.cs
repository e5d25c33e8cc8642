using KnowledgeGraph.Testing;

namespace KnowledgeGraph.GraphQL.Tests;

/// <summary>Reads a <c>cypher/queries</c> file and the parameters its <c>// params:</c> header names.</summary>
internal static class QueryFiles
{
    public static (string Query, Dictionary<string, object?> Parameters) Read(string name) =>
        CypherQueryFile.Read(Path.Combine(RepoPaths.Root, "cypher", "queries", name));
}
