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

    // A 6 x 6 grid, edges right and down (every path between two nodes has the same length, so allShortestPaths is every
    // path); ok is false on the edges out of 3 nodes and null out of 2; 3 nodes are bad.
    private static async Task<GraphDatabase> Grid()
    {
        var db = GraphDatabase.CreateInMemory();
        await db.Q("UNWIND range(0, 5) AS x UNWIND range(0, 5) AS y CREATE (:G {key: x + ',' + y, x: x, y: y, bad: (x = 2 AND y < 3)})");
        await db.Q("""
            MATCH (a:G), (b:G) WHERE (b.x = a.x + 1 AND b.y = a.y) OR (b.x = a.x AND b.y = a.y + 1)
            CREATE (a)-[:E {ok: CASE WHEN ((a.x + 1) * 7 + (a.y + 2) * 3) % 11 = 0 THEN false WHEN [a.x, a.y] IN [[1, 1], [4, 3]] THEN null ELSE true END}]->(b)
            """);
        return db;
    }

    private static async Task<List<string>> Paths(GraphDatabase db, string query) =>
        (await db.Q(query)).Records.Select(r => string.Join(">", (IEnumerable<object?>)r["keys"]!)).Order(StringComparer.Ordinal).ToList();

    [Theory]
    [InlineData("all(r IN relationships(p) WHERE r.ok)", "size([r IN relationships(p) WHERE r.ok IS NULL OR NOT r.ok]) = 0")]
    [InlineData("none(n IN nodes(p) WHERE n.bad)", "size([n IN nodes(p) WHERE n.bad]) = 0")]
    [InlineData("all(r IN relationships(p) WHERE r.ok) AND none(n IN nodes(p) WHERE n.bad)", "size([r IN relationships(p) WHERE r.ok IS NULL OR NOT r.ok]) + size([n IN nodes(p) WHERE n.bad]) = 0")]
    public async Task AllShortestPaths_Should_EqualTheEnumeratedAnswer_When_PredicateIsTestedPerElement(string pushed, string enumerated)
    {
        await using var db = await Grid();
        var found = 0;
        foreach (var (from, to) in new[] { ("0,0", "5,5"), ("0,0", "3,4"), ("1,0", "4,5"), ("0,3", "5,3") })
        {
            const string shape = "MATCH (s:G {key: '{0}'}), (t:G {key: '{1}'}) MATCH p = allShortestPaths((s)-[:E*..12]->(t)) WHERE {2} RETURN [n IN nodes(p) | n.key] AS keys";
            var expected = await Paths(db, shape.Replace("{0}", from).Replace("{1}", to).Replace("{2}", enumerated));
            var actual = await Paths(db, shape.Replace("{0}", from).Replace("{1}", to).Replace("{2}", pushed));
            Assert.Equal(expected, actual);
            found += actual.Count;
        }
        Assert.True(found > 3, "the grid leaves too few paths to compare");
    }

    [Fact]
    public async Task ShortestPath_Should_TestElementsDuringTheSearch_When_PredicateIsPerElement()
    {
        await using var db = await Grid();
        async Task<(long Length, long Hits)> Run(string pattern)
        {
            var r = await db.Q("PROFILE MATCH (s:G {key: '0,0'}), (t:G {key: '5,5'}) MATCH p = shortestPath(" + pattern + ") " +
                "WHERE all(r IN relationships(p) WHERE r.ok) RETURN length(p) AS len");
            static IEnumerable<Driver.PlanNode> All(Driver.PlanNode n) => new[] { n }.Concat(n.Children.SelectMany(All));
            return ((long)r.Records.Single()["len"]!, All(r.Summary.Plan!).Sum(n => n.DbHits));
        }
        var searched = await Run("(s)-[:E*..12]->(t)");
        // Two relationship patterns: a shape only the generic matcher takes, which enumerates every path, then filters.
        var enumerated = await Run("(s)-[:E]->()-[:E*..11]->(t)");
        Assert.Equal(enumerated.Length, searched.Length);
        Assert.True(searched.Hits * 5 < enumerated.Hits, $"searched {searched.Hits} db hits, enumerated {enumerated.Hits}");
    }

    [Fact]
    public async Task ShortestPath_Should_FindNothing_When_AnEndNodeFailsTheNodeTest()
    {
        await using var db = await Grid();
        var r = await db.Q("MATCH (s:G {key: '2,0'}), (t:G {key: '5,5'}) MATCH p = shortestPath((s)-[:E*]->(t)) WHERE none(n IN nodes(p) WHERE n.bad) RETURN p");
        Assert.Empty(r.Records);
    }

    [Fact]
    public async Task ShortestPath_Should_StillFilterThePath_When_PredicateReadsThePathAsAWhole()
    {
        await using var db = await Grid();
        var r = await db.Q("MATCH (s:G {key: '0,0'}), (t:G {key: '0,2'}) MATCH p = shortestPath((s)-[:E*]-(t)) WHERE length(p) > 2 AND all(r IN relationships(p) WHERE r.ok IS NOT NULL) RETURN length(p) AS len");
        Assert.Equal(4L, Assert.Single(r.Records)["len"]);
    }

    [Fact]
    public async Task Selectors_Should_MatchTheEnumeratedPaths_When_SearchedByLength()
    {
        await using var db = await Grid();
        const string ends = "MATCH (s:G {key: '0,0'}), (t:G {key: '2,2'}) ";
        var all = (await db.Q(ends + "MATCH p = (s)-[:E]-{1,8}(t) RETURN [n IN nodes(p) | n.key] AS keys")).Records
            .Select(r => ((IEnumerable<object?>)r["keys"]!).Cast<string>().ToList()).ToList();
        var byLength = all.GroupBy(p => p.Count - 1).OrderBy(g => g.Key).ToList();
        Assert.True(byLength.Count >= 3, "the reference needs paths of three lengths");
        static string Key(IEnumerable<string> keys) => string.Join(">", keys);

        var groups = await Paths(db, ends + "MATCH p = SHORTEST 3 GROUPS (s)-[:E]-{1,8}(t) RETURN [n IN nodes(p) | n.key] AS keys");
        Assert.Equal(byLength.Take(3).SelectMany(g => g).Select(Key).Order(StringComparer.Ordinal), groups);

        var shortest = (await db.Q(ends + "MATCH p = SHORTEST 8 (s)-[:E]-{1,8}(t) RETURN length(p) AS len")).Column("len").Cast<long>().ToList();
        Assert.Equal(all.Select(p => (long)p.Count - 1).Order().Take(8), shortest.Order());

        var any = await Paths(db, ends + "MATCH p = ANY 2 (s)-[:E]-{1,8}(t) RETURN [n IN nodes(p) | n.key] AS keys");
        Assert.Equal(2, any.Count);
        Assert.Subset(all.Select(Key).ToHashSet(), any.ToHashSet());

        var longer = (await db.Q(ends + "MATCH p = shortestPath((s)-[:E*5..8]-(t)) RETURN length(p) AS len")).Column("len");
        Assert.Equal(byLength.First(g => g.Key >= 5).Key, (long)Assert.Single(longer)!);
    }
}
