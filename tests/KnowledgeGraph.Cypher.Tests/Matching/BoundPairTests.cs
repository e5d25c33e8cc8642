using KnowledgeGraph.Driver;

namespace KnowledgeGraph.Cypher.Tests.Matching;

/// <summary>
/// <c>MATCH (x)-[r]-(y)</c> with both ends bound takes the matcher's bound-pair path (the per-hop lookup of
/// <c>paths</c>). Every answer is compared, rows and order, with the same MATCH written so the general matcher answers
/// it (an always-true inline WHERE on the far node), on the walk tests' random graph: hubs (whose adjacency the
/// matcher reads from the other end), parallel relationships, self-loops, two types, both directions.
/// </summary>
public sealed class BoundPairTests
{
    private static readonly string[] Relationships = ["-[r]-", "-[r:T]->", "<-[r:T|U]-", "-[:U]-", "-[r:T|U]-"];

    public static TheoryData<string> Cases()
    {
        var data = new TheoryData<string>();
        foreach (var r in Relationships) data.Add(r);
        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Match_Should_FindTheSameRelationshipsInTheSameOrder_When_BothEndsAreBound(string rel)
    {
        await using var db = await WalkTestGraph.CreateAsync(11, 40, 600, tiers: false);
        var ret = rel.Contains("[r", StringComparison.Ordinal) ? " RETURN x.key AS x, y.key AS y, id(r) AS id" : " RETURN x.key AS x, y.key AS y, 1 AS id";
        // Every ordered pair among hubs and ordinary nodes, the same node on both ends included (self-loops).
        const string Pairs = "UNWIND [0, 1, 2, 5, 17, 33] AS i UNWIND [0, 1, 2, 5, 17, 33] AS j MATCH (x:N {i: i}) MATCH (y:N {i: j}) ";
        var fast = await db.Q(Pairs + "MATCH (x)" + rel + "(y) WHERE true" + ret, null, AccessMode.Read);
        var general = await db.Q(Pairs + "MATCH (x)" + rel + "(y WHERE true)" + ret, null, AccessMode.Read);
        Assert.True(fast.Records.Count > 10, $"the graph connects the pairs ({fast.Records.Count} rows)");
        Assert.Equal(general.Column("id"), fast.Column("id"));
        Assert.Equal(general.Column("x"), fast.Column("x"));
        Assert.Equal(general.Column("y"), fast.Column("y"));
    }

    [Fact]
    public async Task Match_Should_ReadTheOtherEnd_When_TheFirstEndIsAHub()
    {
        await using var db = GraphDatabase.CreateInMemory();
        // A hub of 103 relationships and a leaf of 3 (both directions, two types): the matcher reads the leaf's
        // adjacency; only the three relationships between them may come back, in the general matcher's order.
        await db.Q("""
            CREATE (h:N {k: 'hub'}), (l:N {k: 'leaf'})
            CREATE (l)-[:T {n: 1}]->(h), (h)-[:T {n: 2}]->(l), (l)-[:U {n: 3}]->(h)
            WITH h UNWIND range(1, 100) AS i CREATE (h)-[:T {n: 10 + i}]->(:N {k: 'x' + i})
            """);
        const string Ends = "MATCH (h:N {k: 'hub'}) MATCH (l:N {k: 'leaf'}) ";
        foreach (var rel in new[] { "-[r]-", "-[r:T|U]-" })
        {
            var fast = await db.Q(Ends + "MATCH (h)" + rel + "(l) RETURN r.n AS n", null, AccessMode.Read);
            var general = await db.Q(Ends + "MATCH (h)" + rel + "(l WHERE true) RETURN r.n AS n", null, AccessMode.Read);
            Assert.Equal(3, fast.Records.Count);
            Assert.Equal(general.Column("n"), fast.Column("n"));
        }
    }

    [Fact]
    public async Task Match_Should_SkipRelationshipsDeletedInTheTransaction_When_BothEndsAreBound()
    {
        await using var db = GraphDatabase.CreateInMemory();
        await db.Q("CREATE (a:N {k: 1})-[:T {n: 1}]->(b:N {k: 2}), (a)-[:T {n: 2}]->(b), (a)-[:T {n: 3}]->(b)");
        var rows = await db.Q("""
            MATCH (a:N {k: 1})-[d:T {n: 2}]->(b:N {k: 2}) DELETE d
            WITH DISTINCT a, b MATCH (a)-[r]-(b) RETURN r.n AS n ORDER BY n
            """);
        Assert.Equal([1L, 3L], rows.Column("n"));
    }

    [Fact]
    public async Task Match_Should_YieldNothing_When_AnEndIsBoundToNull()
    {
        await using var db = GraphDatabase.CreateInMemory();
        await db.Q("CREATE (:N {k: 1})-[:T]->(:N {k: 2})");
        var rows = await db.Q("MATCH (a:N {k: 1}) OPTIONAL MATCH (z:Missing) WITH a, z MATCH (a)-[r]-(z) RETURN r", null, AccessMode.Read);
        Assert.Empty(rows.Records);
    }
}
