using KnowledgeGraph.Bolt.Protocol.PackStream;
using KnowledgeGraph.Cypher;
using KnowledgeGraph.Driver;
using Xunit;

namespace KnowledgeGraph.Bolt.Tests.Protocol;

/// <summary>
/// The maps the engine's compiled map literals and projections build are not dictionaries (a shared keys array and
/// a values array per map); PackStream must write them exactly as a dictionary holding the same entries in the same
/// order, nested maps and lists included, and read them back as equal maps.
/// </summary>
public sealed class EngineMapPackStreamTests
{
    private static byte[] Write(object? value)
    {
        var writer = new PackStreamWriter();
        writer.WriteValue(value);
        return writer.Written.ToArray();
    }

    [Fact]
    public async Task EngineMaps_Should_SerializeAsDictionaries_When_BuiltByProjectionsAndLiterals()
    {
        await using var db = GraphDatabase.CreateInMemory();
        await db.ExecuteQueryAsync("CREATE (:P {key: 'p1', n: 2})", null, AccessMode.Write);
        var result = await db.ExecuteQueryAsync(
            "MATCH (p:P) RETURN p{.key, .n, inner: {b: [1, 2.5], a: null}} AS m", null, AccessMode.Read);
        var map = Assert.IsAssignableFrom<IReadOnlyDictionary<string, object?>>(result.Records[0]["m"]);
        // The engine's own map type, not a dictionary: otherwise this test would not exercise it.
        Assert.IsNotType<Dictionary<string, object?>>(map);
        var expected = new Dictionary<string, object?>(StringComparer.Ordinal)
        {
            ["key"] = "p1",
            ["n"] = 2L,
            ["inner"] = new Dictionary<string, object?>(StringComparer.Ordinal) { ["b"] = new List<object?> { 1L, 2.5 }, ["a"] = null },
        };
        var bytes = Write(map);
        Assert.Equal(Write(expected), bytes);
        var back = Assert.IsAssignableFrom<IReadOnlyDictionary<string, object?>>(new PackStreamReader(bytes).ReadValue());
        Assert.Equal(["key", "n", "inner"], back.Keys);
        Assert.Equal(Write(expected), Write(back));
    }
}
