namespace KnowledgeGraph.Cypher.Tests;

public sealed class ShortestPathPredicateTests
{
    [Fact]
    public async Task ShortestPath_Should_ApplyPathPredicateDuringSearch()
    {
        await using var db = GraphDatabase.CreateInMemory();
        await db.Q("CREATE (s:N {name: 's'})-[:X]->(a:N {name: 'a'})-[:X]->(t:N {name: 't'}), (s)-[:X]->(:N {name: 'c'})-[:X]->(:N {name: 'd'})-[:X]->(t)");
        var r = await db.Q(
            "MATCH p = shortestPath((s:N {name: 's'})-[*]->(t:N {name: 't'})) WHERE none(n IN nodes(p) WHERE n.name = 'a') " +
            "RETURN [n IN nodes(p) | n.name] AS names");
        Assert.Equal(new List<object?> { "s", "c", "d", "t" }, Assert.Single(r.Records)["names"]);
    }
}
