namespace KnowledgeGraph.Cypher.Tests;

/// <summary>COUNT { } over one hop from a bound node (answered from the store's degree or adjacency), top-k in
/// COLLECT { } subqueries and the statement cache: results must equal the general evaluation.</summary>
public sealed class SubqueryFastPathTests
{
    private static async Task<GraphDatabase> Seeded()
    {
        var db = GraphDatabase.CreateInMemory();
        await db.Q("""
            CREATE (h:Hub {name: 'h'}), (x:X {name: 'x'})
            CREATE (h)-[:T]->(x), (h)-[:T]->(x), (h)-[:U]->(x), (x)-[:T]->(h), (h)-[:T]->(h)
            WITH h UNWIND range(1, 30) AS i CREATE (h)-[:T]->(:Leaf {name: 'leaf' + i})
            """);
        return db;
    }

    [Theory]
    [InlineData("COUNT { MATCH (h)-[:T]->(m) }", 33L)]
    [InlineData("COUNT { (h)-[:T]->(m) }", 33L)]
    [InlineData("COUNT { MATCH (h)<-[r:T]-(m) }", 2L)]
    [InlineData("COUNT { MATCH (h)-[:T|U]->() }", 34L)]
    [InlineData("COUNT { MATCH (h)-->() }", 34L)]
    [InlineData("COUNT { MATCH (h)-[:T]->(m:Leaf) }", 30L)]
    [InlineData("COUNT { MATCH (h)-[:T]->(m:X|Hub) }", 3L)]
    [InlineData("COUNT { MATCH (h)-[:T]-(m) }", 34L)]
    [InlineData("COUNT { MATCH (h)-[:T]->(h) }", 1L)]
    [InlineData("COUNT { MATCH (h)-[:T]->(m) WHERE m.name STARTS WITH 'leaf1' }", 11L)]
    [InlineData("COUNT { MATCH (h)-[:NONE]->(m) }", 0L)]
    public async Task Count_Should_EqualExpansion_When_SingleHopFromBoundNode(string count, long expected)
    {
        await using var db = await Seeded();
        var r = await db.Q($"MATCH (h:Hub) RETURN {count} AS c");
        Assert.Equal(expected, r.Records.Single()["c"]);
    }

    [Fact]
    public async Task Count_Should_SeeOwnWrites_When_InsideWritingQuery()
    {
        await using var db = await Seeded();
        var r = await db.Q("MATCH (h:Hub)-[r:U]->() DELETE r WITH DISTINCT 1 AS one MATCH (h:Hub) CREATE (h)-[:U]->(:Leaf) RETURN COUNT { (h)-[:U]->() } AS c");
        Assert.Equal(1L, r.Records.Single()["c"]);
    }

    [Fact]
    public async Task Collect_Should_ReturnTopK_When_OrderByLimitInsideSubquery()
    {
        await using var db = await Seeded();
        var r = await db.Q("""
            MATCH (h:Hub)
            RETURN COLLECT { MATCH (h)-[r:T]->(m:Leaf) WITH r, m ORDER BY m.name DESC LIMIT $n RETURN m.name } AS top,
                   COUNT { MATCH (h)-[r:T]->(m:Leaf) } AS total
            """, new { n = 3L });
        var row = r.Records.Single();
        Assert.Equal(new List<object?> { "leaf9", "leaf8", "leaf7" }, row["top"]);
        Assert.Equal(30L, row["total"]);
    }

    [Fact]
    public async Task SameQueryText_Should_UseNewParameters_When_RunRepeatedly()
    {
        await using var db = await Seeded();
        const string q = "MATCH (m:Leaf) WHERE m.name = $name RETURN m.name AS n";
        for (var i = 1; i <= 5; i++)
            Assert.Equal(["leaf" + i], (await db.Q(q, new { name = "leaf" + i })).Column("n"));
        var bad = await db.Fails("MATCH (m) RETURN nope(m)");
        Assert.Equal("Neo.ClientError.Statement.SyntaxError", (await db.Fails("MATCH (m) RETURN nope(m)")).Code);
        Assert.Equal(bad.Code, (await db.Fails("MATCH (m) RETURN nope(m)")).Code);
    }

    [Fact]
    public async Task CachedStatement_Should_BeRechecked_When_ProcedureIsRegisteredAgain()
    {
        await using var db = GraphDatabase.CreateInMemory();
        const string q = "CALL test.p(1) YIELD y RETURN y";
        await db.Fails(q);
        db.RegisterProcedure(new ProcedureSignature("test.p", [new("x", "INTEGER?")], [new("y", "INTEGER?")]), (args, _) => [[args[0]]]);
        Assert.Equal([1L], (await db.Q(q)).Column("y"));
        // Same text, new signature without `y`: the cached check must not be reused.
        db.RegisterProcedure(new ProcedureSignature("test.p", [new("x", "INTEGER?")], [new("z", "INTEGER?")]), (args, _) => [[args[0]]]);
        await db.Fails(q);
    }
}
