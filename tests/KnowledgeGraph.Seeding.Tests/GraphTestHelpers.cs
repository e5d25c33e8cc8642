using KnowledgeGraph.Cypher;

namespace KnowledgeGraph.Seeding.Tests;

internal static class GraphTestHelpers
{
    public static async Task<GraphDatabase> SeededDatabaseAsync(string? seedsDirectory = null)
    {
        var db = GraphDatabase.CreateInMemory();
        var report = await new SeedLoader().LoadAsync(db, seedsDirectory ?? RepoPaths.Seeds);
        report.ThrowIfFailed();
        return db;
    }

    public static async Task<long> CountAsync(IGraphDriver db, string query, IReadOnlyDictionary<string, object?>? parameters = null)
    {
        var result = await db.ExecuteQueryAsync(query, parameters);
        return (long)Assert.Single(result.Records)[0]!;
    }

    public static async Task<Dictionary<string, long>> CountsPerLabelAsync(IGraphDriver db)
    {
        var counts = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var label in KnowledgeGraph.Model.KnowledgeModel.Labels)
            counts[label.Name] = await CountAsync(db, $"MATCH (n:{label.Name}) RETURN count(n) AS c");
        counts["*relationships"] = await CountAsync(db, "MATCH ()-[r]->() RETURN count(r) AS c");
        return counts;
    }

    public static List<string?> Strings(object? value) =>
        Assert.IsAssignableFrom<IEnumerable<object?>>(value).Select(v => (string?)v).ToList();

    /// <summary>Reads a query file: its one statement (the file holds exactly one) and the parameters of its "// params:" header.</summary>
    public static (string Query, Dictionary<string, object?> Parameters) ReadQueryFile(string name)
    {
        var (text, parameters) = KnowledgeGraph.Testing.CypherQueryFile.Read(Path.Combine(RepoPaths.Queries, name));
        return (Assert.Single(SchemaScript.Split(text)), parameters);
    }
}
