using System.Text.Json;
using KnowledgeGraph.Cypher;
using KnowledgeGraph.Driver;

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

    /// <summary>Reads a query file: its text without the trailing ';' and the parameters of its "// params:" header.</summary>
    public static (string Query, Dictionary<string, object?> Parameters) ReadQueryFile(string name)
    {
        var text = File.ReadAllText(Path.Combine(RepoPaths.Queries, name));
        var header = text.Split('\n').FirstOrDefault(l => l.StartsWith("// params:", StringComparison.Ordinal))
            ?? throw new InvalidOperationException($"{name} has no '// params:' header line.");
        var parameters = new Dictionary<string, object?>(StringComparer.Ordinal);
        using (var json = JsonDocument.Parse(header["// params:".Length..]))
        {
            foreach (var p in json.RootElement.EnumerateObject())
            {
                parameters[p.Name] = p.Value.ValueKind switch
                {
                    JsonValueKind.String => p.Value.GetString(),
                    JsonValueKind.Number => p.Value.GetInt64(),
                    JsonValueKind.True => true,
                    JsonValueKind.False => false,
                    JsonValueKind.Null => null,
                    _ => throw new InvalidOperationException($"{name}: unsupported parameter {p.Name}"),
                };
            }
        }
        var statements = SchemaScript.Split(text);
        return (Assert.Single(statements), parameters);
    }
}
