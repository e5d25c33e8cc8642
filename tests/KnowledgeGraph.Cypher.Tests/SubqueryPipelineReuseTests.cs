using KnowledgeGraph.Driver;

namespace KnowledgeGraph.Cypher.Tests;

/// <summary>
/// A read-only statement builds each subquery expression's pipeline once and re-runs it for every outer row: each
/// run must see its own outer row (not the first one's), a run abandoned early (EXISTS) must not leak into the next,
/// nested subqueries must see both outer rows, and a writing statement (which builds afresh per row) must still see
/// the writes of earlier rows.
/// </summary>
public sealed class SubqueryPipelineReuseTests
{
    private static async Task<GraphDatabase> Chain()
    {
        var db = GraphDatabase.CreateInMemory();
        // n1 -> n2 -> ... -> n6, and each ni also points to i leaves.
        await db.Q("""
            UNWIND range(1, 6) AS i
            CREATE (n:N {i: i})
            WITH n, i
            UNWIND range(1, i) AS j
            CREATE (n)-[:HAS]->(:Leaf {v: i * 10 + j})
            """);
        await db.Q("MATCH (a:N), (b:N) WHERE b.i = a.i + 1 CREATE (a)-[:NEXT]->(b)");
        return db;
    }

    [Fact]
    public async Task Collect_Should_SeeEachOuterRow_When_ThePipelineIsReused()
    {
        await using var db = await Chain();
        var r = await db.Q("""
            MATCH (n:N)
            RETURN n.i AS i, COLLECT { MATCH (n)-[:HAS]->(l) WITH l ORDER BY l.v DESC LIMIT 2 RETURN l.v } AS top,
                   COUNT { MATCH (n)-[:HAS]->(l) RETURN l } AS leaves
            ORDER BY i
            """, null, AccessMode.Read);
        Assert.Equal(6, r.Records.Count);
        foreach (var rec in r.Records)
        {
            var i = (long)rec["i"]!;
            Assert.Equal(i, rec["leaves"]);
            var expected = new List<object?> { i * 10 + i };
            if (i > 1) expected.Add(i * 10 + i - 1);
            Assert.Equal(expected, rec["top"]);
        }
    }

    [Fact]
    public async Task Exists_Should_AnswerPerRow_When_AnEarlierRunStoppedEarly()
    {
        await using var db = await Chain();
        // EXISTS stops at the first leaf above the threshold; the next row's run starts over with its own node.
        var r = await db.Q("""
            MATCH (n:N)
            RETURN n.i AS i, EXISTS { MATCH (n)-[:HAS]->(l) WHERE l.v > 43 RETURN l } AS big
            ORDER BY i
            """, null, AccessMode.Read);
        Assert.Equal(new object?[] { false, false, false, true, true, true }, r.Records.Select(x => x["big"]).ToArray());
    }

    [Fact]
    public async Task NestedCollect_Should_SeeBothOuterRows_When_BothPipelinesAreReused()
    {
        await using var db = await Chain();
        var r = await db.Q("""
            MATCH (n:N) WHERE n.i <= 4
            RETURN n.i AS i, COLLECT {
                MATCH (n)-[:NEXT]->(m)
                RETURN [m.i, COUNT { MATCH (m)-[:HAS]->(l) WHERE l.v % 2 = n.i % 2 RETURN l }]
            } AS next
            ORDER BY i
            """, null, AccessMode.Read);
        // m = n.i + 1 has leaves (m*10+1 .. m*10+m); those with the parity of n.i.
        foreach (var rec in r.Records)
        {
            var i = (long)rec["i"]!;
            var m = i + 1;
            var same = Enumerable.Range(1, (int)m).Count(j => (m * 10 + j) % 2 == i % 2);
            Assert.Equal(new List<object?> { new List<object?> { m, (long)same } }, rec["next"]);
        }
    }

    [Fact]
    public async Task Count_Should_SeeEarlierRowsWrites_When_TheStatementWrites()
    {
        await using var db = GraphDatabase.CreateInMemory();
        await db.Q("UNWIND range(1, 4) AS i CREATE (:A {i: i, seen: COUNT { MATCH (a:A) RETURN a }})");
        var r = await db.Q("MATCH (a:A) RETURN a.i AS i, a.seen AS seen ORDER BY i", null, AccessMode.Read);
        Assert.Equal(new object?[] { 0L, 1L, 2L, 3L }, r.Records.Select(x => x["seen"]).ToArray());
    }
}
