using System.Text.Json;
using KnowledgeGraph.Cypher;
using KnowledgeGraph.Driver;
using KnowledgeGraph.GraphQL.Tests;
using KnowledgeGraph.Seeding;
using Xunit;

namespace KnowledgeGraph.Neo4j.Tests;

/// <summary>The same Cypher runs on a real Neo4j 5 through our Bolt client, with the same results as the embedded engine.</summary>
[Collection(Neo4jCollection.Name)]
public sealed class Neo4jIntegrationTests(Neo4jFixture neo4j)
{
    private static readonly string[] DialectQueries =
    [
        "RETURN 7 / 2 AS a, 7 % 3 AS b, 2 ^ 10 AS c, -7 / 2 AS d",
        "RETURN toUpper('kyiv') AS a, substring('diplomacy', 2, 4) AS b, split('a,b,c', ',') AS c, trim('  x ') AS d",
        "RETURN [x IN range(1, 10) WHERE x % 2 = 1 | x * x] AS odds, reduce(s = 0, x IN [1, 2, 3] | s + x) AS total",
        "RETURN coalesce(null, 'fallback') AS a, size([1, 2, 3]) AS b, head([4, 5]) AS c, last([4, 5]) AS d",
        "UNWIND [3, 1, 2] AS x WITH x ORDER BY x DESC RETURN collect(x) AS sorted",
        "RETURN CASE WHEN 1 > 2 THEN 'yes' ELSE 'no' END AS a, {k: 1, nested: {n: [true, null]}} AS m",
        "RETURN date('2024-02-28') + duration('P1D') AS leap, duration.between(date('2022-02-24'), date('2025-11-19')) AS span",
        "RETURN datetime('2025-11-19T10:00:00+02:00').epochSeconds AS s, localdatetime('2025-11-19T10:00:00').hour AS h",
        "WITH ['Witkoff', 'Dmitriev', 'Umerov'] AS names UNWIND names AS n RETURN n ORDER BY n SKIP 1 LIMIT 1",
        "RETURN toInteger('42') AS i, toFloat('1.5') AS f, toString(3) AS s, toBoolean('true') AS b",
    ];

    [Neo4jFact]
    public async Task Schema_Should_ApplyTwice_When_RunOnNeo4j()
    {
        foreach (var statement in SchemaScript.Statements) await neo4j.Driver.ExecuteQueryAsync(statement);
        foreach (var statement in SchemaScript.Statements) await neo4j.Driver.ExecuteQueryAsync(statement);
        var constraints = await neo4j.Driver.ExecuteQueryAsync("SHOW CONSTRAINTS YIELD name RETURN collect(name) AS names");
        Assert.Contains("country_key", (IReadOnlyList<object?>)constraints.Records.Single()["names"]!);
    }

    [Neo4jFact]
    public async Task Seeds_Should_LoadIdempotently_When_LoadedTwiceOverBolt()
    {
        var loader = new SeedLoader();
        var seeds = RepoPaths.Seeds;
        var first = await loader.LoadAsync(neo4j.Driver, seeds);
        Assert.All(first.Files, f => Assert.True(f.Loaded, string.Join("; ", f.Errors)));
        var count = (long)(await neo4j.Driver.ExecuteQueryAsync("MATCH (n) RETURN count(n) AS c")).Records.Single()["c"]!;
        var second = await loader.LoadAsync(neo4j.Driver, seeds);
        Assert.All(second.Files, f => Assert.Equal(0, f.NodesCreated));
        Assert.Equal(count, (long)(await neo4j.Driver.ExecuteQueryAsync("MATCH (n) RETURN count(n) AS c")).Records.Single()["c"]!);
    }

    [Neo4jFact]
    public async Task SeedScript_Should_RunIdempotently_When_PastedTwice()
    {
        var statements = SchemaScript.Split(await File.ReadAllTextAsync(Path.Combine(RepoPaths.Root, "cypher", "seed.cypher")));
        Assert.NotEmpty(statements);
        foreach (var statement in statements) await neo4j.Driver.ExecuteQueryAsync(statement);
        var count = (long)(await neo4j.Driver.ExecuteQueryAsync("MATCH (n) RETURN count(n) AS c")).Records.Single()["c"]!;
        var rels = (long)(await neo4j.Driver.ExecuteQueryAsync("MATCH ()-[r]->() RETURN count(r) AS c")).Records.Single()["c"]!;
        foreach (var statement in statements) await neo4j.Driver.ExecuteQueryAsync(statement);
        Assert.Equal(count, (long)(await neo4j.Driver.ExecuteQueryAsync("MATCH (n) RETURN count(n) AS c")).Records.Single()["c"]!);
        Assert.Equal(rels, (long)(await neo4j.Driver.ExecuteQueryAsync("MATCH ()-[r]->() RETURN count(r) AS c")).Records.Single()["c"]!);
        Assert.True(count > 0);
    }

    [Neo4jFact]
    public async Task Queries_Should_RunOnNeo4j_When_SeededWithTheirDefaultParameters()
    {
        await new SeedLoader().LoadAsync(neo4j.Driver, RepoPaths.Seeds);
        foreach (var file in Directory.GetFiles(Path.Combine(RepoPaths.Root, "cypher", "queries"), "*.cypher").Order())
        {
            var text = await File.ReadAllTextAsync(file);
            var parameters = ParametersOf(text);
            foreach (var statement in SchemaScript.Split(text))
            {
                var result = await neo4j.Driver.ExecuteQueryAsync(statement, parameters, AccessMode.Read);
                // Every analyst query answers with named columns, and Neo4j reports it as a read.
                Assert.True(result.Keys.Count > 0, $"{Path.GetFileName(file)}: no columns from {statement}");
                Assert.Equal("r", result.Summary.QueryType);
            }
        }
    }

    // Each query file names its parameters in a header line: // params: {"person": "person:kirill-dmitriev"}
    private static Dictionary<string, object?> ParametersOf(string text)
    {
        var line = text.Split('\n').FirstOrDefault(l => l.TrimStart().StartsWith("// params:", StringComparison.Ordinal));
        if (line is null) return [];
        using var json = JsonDocument.Parse(line[(line.IndexOf(':', StringComparison.Ordinal) + 1)..]);
        return json.RootElement.EnumerateObject().ToDictionary(p => p.Name, p => ToValue(p.Value));
    }

    private static object? ToValue(JsonElement e) => e.ValueKind switch
    {
        JsonValueKind.String => e.GetString(),
        JsonValueKind.Number when e.TryGetInt64(out var l) => l,
        JsonValueKind.Number => e.GetDouble(),
        JsonValueKind.True => true,
        JsonValueKind.False => false,
        JsonValueKind.Array => e.EnumerateArray().Select(ToValue).ToList(),
        JsonValueKind.Object => e.EnumerateObject().ToDictionary(p => p.Name, p => ToValue(p.Value)),
        _ => null,
    };

    [Neo4jFact]
    public async Task Dialect_Should_GiveSameResults_When_RunOnNeo4jAndEmbedded()
    {
        await using var embedded = GraphDatabase.CreateInMemory();
        foreach (var query in DialectQueries)
        {
            var expected = await embedded.ExecuteQueryAsync(query);
            var actual = await neo4j.Driver.ExecuteQueryAsync(query);
            Assert.Equal(expected.Keys, actual.Keys);
            Assert.Equal(Render(expected.Records.Select(r => r.Values)), Render(actual.Records.Select(r => r.Values)));
        }
    }

    private static string Render(object? value) => value switch
    {
        null => "null",
        string s => JsonSerializer.Serialize(s),
        IReadOnlyDictionary<string, object?> map => "{" + string.Join(",", map.OrderBy(kv => kv.Key, StringComparer.Ordinal).Select(kv => kv.Key + ":" + Render(kv.Value))) + "}",
        System.Collections.IEnumerable list => "[" + string.Join(",", list.Cast<object?>().Select(Render)) + "]",
        double d => d.ToString("R", System.Globalization.CultureInfo.InvariantCulture),
        _ => Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture) ?? "",
    };
}
