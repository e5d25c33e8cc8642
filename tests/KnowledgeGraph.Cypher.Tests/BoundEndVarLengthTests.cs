using KnowledgeGraph.Driver;

namespace KnowledgeGraph.Cypher.Tests;

/// <summary>
/// A variable-length relationship whose far node is already bound only walks towards it (the `paths` shape:
/// <c>MATCH p = (a)-[:T*4..4]-(b)</c> after both ends are matched). Every answer is compared, in order, with the same
/// pattern written so that the far end is not bound while matching (<c>WHERE b.key = $b</c> after it), which
/// enumerates every walk of the length and filters: the pruning may cut only branches that cannot end at b.
/// </summary>
public sealed class BoundEndVarLengthTests
{
    /// <summary>Two hubs, a sparse random middle with parallel relationships, self-loops and a second type.</summary>
    private static async Task<GraphDatabase> Seeded(int seed)
    {
        var db = GraphDatabase.CreateInMemory();
        var rnd = new Random(seed);
        var rels = new List<object?>();
        const int Nodes = 60;
        for (var i = 0; i < 150; i++)
        {
            // Low numbers are hubs: endpoints skewed towards 0 and 1.
            var a = rnd.Next(4) == 0 ? rnd.Next(2) : rnd.Next(Nodes);
            var b = rnd.Next(3) == 0 ? rnd.Next(2) : rnd.Next(Nodes);
            rels.Add(new Dictionary<string, object?> { ["a"] = (long)a, ["b"] = (long)b, ["t"] = rnd.Next(5) == 0 ? "U" : "T" });
        }
        await db.Q("UNWIND range(0, $n - 1) AS i CREATE (:N {key: 'n' + toString(i), i: i})", new { n = (long)Nodes });
        await db.Q("""
            UNWIND $rels AS r
            MATCH (a:N {i: r.a}), (b:N {i: r.b})
            FOREACH (_ IN CASE WHEN r.t = 'T' THEN [1] ELSE [] END | CREATE (a)-[:T]->(b))
            FOREACH (_ IN CASE WHEN r.t = 'U' THEN [1] ELSE [] END | CREATE (a)-[:U]->(b))
            """, new { rels });
        return db;
    }

    public static TheoryData<string> Patterns() =>
    [
        "-[:T*1..1]-",
        "-[:T*2..2]-",
        "-[:T*3..3]-",
        "-[:T*4..4]-",
        "-[:T*1..4]-",
        "-[*0..3]-",
        "-[:T|U*2..4]->",
        "<-[:T*2..3]-",
        "-[rs:T*3..3]-",
    ];

    [Theory]
    [MemberData(nameof(Patterns))]
    public async Task Match_Should_FindTheSamePathsInTheSameOrder_When_TheFarEndIsBound(string rel)
    {
        await using var db = await Seeded(7);
        foreach (var (from, to) in new[] { ("n0", "n1"), ("n1", "n0"), ("n0", "n57"), ("n33", "n1"), ("n5", "n5"), ("n0", "n0") })
        {
            var bound = await db.Q("MATCH (a:N {key: $a}) MATCH (b:N {key: $b}) MATCH p = (a)" + rel + "(b) RETURN [x IN nodes(p) | x.key] AS ks, [r IN relationships(p) | id(r)] AS ids",
                new { a = from, b = to }, AccessMode.Read);
            var filtered = await db.Q("MATCH (a:N {key: $a}) MATCH p = (a)" + rel + "(b) WHERE b.key = $b RETURN [x IN nodes(p) | x.key] AS ks, [r IN relationships(p) | id(r)] AS ids",
                new { a = from, b = to }, AccessMode.Read);
            Assert.Equal(filtered.Column("ids"), bound.Column("ids"));
            Assert.Equal(filtered.Column("ks"), bound.Column("ks"));
        }
    }

    [Fact]
    public async Task Match_Should_FindPathsBetweenHubs_When_ManyWalksLeadElsewhere()
    {
        await using var db = await Seeded(11);
        var count = await db.Q("MATCH (a:N {key: 'n0'}) MATCH (b:N {key: 'n1'}) MATCH p = (a)-[:T*3..3]-(b) RETURN count(p) AS c", null, AccessMode.Read);
        var expected = await db.Q("MATCH (a:N {key: 'n0'}) MATCH p = (a)-[:T*3..3]-(b) WHERE b.key = 'n1' RETURN count(p) AS c", null, AccessMode.Read);
        Assert.True((long)expected.Records[0]["c"]! > 0, "the seeded graph connects the two hubs in three hops");
        Assert.Equal(expected.Records[0]["c"], count.Records[0]["c"]);
    }

    [Fact]
    public async Task Match_Should_SeeTheTransactionsOwnRelationships_When_TheFarEndIsBound()
    {
        await using var db = GraphDatabase.CreateInMemory();
        // The middle relationship is created in the same statement, after the walk's start is known.
        var r = await db.Q("""
            CREATE (a:N {key: 'a'})-[:T]->(m:N {key: 'm'}), (z:N {key: 'z'})
            WITH a, m, z
            CREATE (m)-[:T]->(:N {key: 'k'})-[:T]->(z)
            WITH a, z
            MATCH p = (a)-[:T*3..3]-(z)
            RETURN [x IN nodes(p) | x.key] AS ks
            """);
        Assert.Equal([new List<object?> { "a", "m", "k", "z" }], r.Column("ks"));
    }
}
