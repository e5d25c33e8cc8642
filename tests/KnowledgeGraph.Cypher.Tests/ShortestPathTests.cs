using KnowledgeGraph.Values;

namespace KnowledgeGraph.Cypher.Tests;

public sealed class ShortestPathTests
{
    // s -> a -> t, s -> b -> t (two shortest, length 2); s -> c -> d -> t (length 3, type Y on the last hop);
    // a parallel X relationship from b to t makes a third path of length 2.
    private static async Task<GraphDatabase> DiamondAsync()
    {
        var db = GraphDatabase.CreateInMemory();
        await db.Q("""
            CREATE (s:N {name: 's'}), (a:N {name: 'a'}), (b:N {name: 'b'}), (c:N {name: 'c'}), (d:N {name: 'd'}), (t:N {name: 't'}),
                   (s)-[:X]->(a), (a)-[:X]->(t), (s)-[:X]->(b), (b)-[:X]->(t), (b)-[:X]->(t),
                   (s)-[:X]->(c), (c)-[:X]->(d), (d)-[:Y]->(t)
            """);
        return db;
    }

    private static string Names(object? path) =>
        string.Join("", ((GraphPath)path!).Nodes.Select(n => (string)n.Properties["name"]!));

    [Fact]
    public async Task ShortestPath_Should_ReturnOnePathOfMinimalLength()
    {
        await using var db = await DiamondAsync();
        var r = await db.Q("MATCH p = shortestPath((s:N {name: 's'})-[*]->(t:N {name: 't'})) RETURN p, length(p) AS len");
        var rec = Assert.Single(r.Records);
        Assert.Equal(2L, rec["len"]);
        Assert.Contains(Names(rec["p"]), new[] { "sat", "sbt" });
    }

    [Fact]
    public async Task AllShortestPaths_Should_EnumerateEachShortestPathExactlyOnce()
    {
        await using var db = await DiamondAsync();
        var r = await db.Q("MATCH p = allShortestPaths((s:N {name: 's'})-[*]->(t:N {name: 't'})) RETURN p");
        var paths = r.Records.Select(x => (GraphPath)x["p"]!).ToList();
        Assert.Equal(3, paths.Count);
        Assert.All(paths, p => Assert.Equal(2, p.Length));
        Assert.Equal(3, paths.Select(p => string.Join(",", p.Relationships.Select(x => x.Id))).Distinct().Count());
        Assert.Equal(["sat", "sbt", "sbt"], paths.Select(Names).Order());
    }

    [Fact]
    public async Task ShortestPath_Should_HonourDirectionTypesAndHopLimits()
    {
        await using var db = await DiamondAsync();
        Assert.Empty((await db.Q("MATCH p = shortestPath((s:N {name: 's'})<-[*]-(t:N {name: 't'})) RETURN p")).Records);
        var undirected = await db.Q("MATCH p = shortestPath((t:N {name: 't'})-[*]-(s:N {name: 's'})) RETURN length(p) AS len");
        Assert.Equal(2L, undirected.Records[0]["len"]);
        Assert.Empty((await db.Q("MATCH p = shortestPath((s:N {name: 's'})-[*..1]->(t:N {name: 't'})) RETURN p")).Records);
        Assert.Empty((await db.Q("MATCH p = shortestPath((s:N {name: 's'})-[:Y*]->(t:N {name: 't'})) RETURN p")).Records);
    }

    [Fact]
    public async Task ShortestK_Should_ReturnPathsInLengthOrder()
    {
        await using var db = await DiamondAsync();
        var r = await db.Q("MATCH p = SHORTEST 4 (s:N {name: 's'})-[:X|Y]->+(t:N {name: 't'}) RETURN length(p) AS len");
        Assert.Equal([2L, 2L, 2L, 3L], r.Column("len"));
        var all = await db.Q("MATCH p = ALL SHORTEST (s:N {name: 's'})-[]->{1,5}(t:N {name: 't'}) RETURN length(p) AS len");
        Assert.Equal([2L, 2L, 2L], all.Column("len"));
        var any = await db.Q("MATCH p = ANY (s:N {name: 's'})-[:X]->+(d:N {name: 'd'}) RETURN length(p) AS len");
        Assert.Equal([2L], any.Column("len"));
    }

    [Fact]
    public async Task ShortestPath_Should_ReturnNothing_When_NoPathExists()
    {
        await using var db = await DiamondAsync();
        await db.Q("CREATE (:N {name: 'island'})");
        Assert.Empty((await db.Q("MATCH p = shortestPath((s:N {name: 's'})-[*]-(i:N {name: 'island'})) RETURN p")).Records);
        var opt = await db.Q("MATCH (s:N {name: 's'}), (i:N {name: 'island'}) OPTIONAL MATCH p = shortestPath((s)-[*]-(i)) RETURN p");
        Assert.Null(Assert.Single(opt.Records)["p"]);
    }

    [Fact]
    public async Task ShortestPath_Should_FindLongChainsQuickly()
    {
        await using var db = GraphDatabase.CreateInMemory();
        await db.Q("UNWIND range(1, 200) AS i CREATE (:C {i: i})");
        await db.Q("MATCH (a:C), (b:C) WHERE b.i = a.i + 1 CREATE (a)-[:NEXT]->(b)");
        var r = await db.Q("MATCH p = shortestPath((a:C {i: 1})-[:NEXT*]->(b:C {i: 200})) RETURN length(p) AS len");
        Assert.Equal(199L, r.Records[0]["len"]);
    }
}
