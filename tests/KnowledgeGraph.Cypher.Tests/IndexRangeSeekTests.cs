using KnowledgeGraph.Driver;

namespace KnowledgeGraph.Cypher.Tests;

/// <summary>Range and prefix index seeks: the plan names NodeIndexSeekByRange and the results equal Cypher's
/// comparison semantics, including properties mixing strings and numbers (cross-type comparisons are null).</summary>
public sealed class IndexRangeSeekTests
{
    private static IEnumerable<PlanNode> Flatten(PlanNode p) => new[] { p }.Concat(p.Children.SelectMany(Flatten));

    private static async Task<GraphDatabase> Seeded()
    {
        var db = GraphDatabase.CreateInMemory();
        await db.Q("UNWIND range(1, 20) AS i CREATE (:Item {v: i, tag: 'n' + i})");
        await db.Q("UNWIND ['a', 'ab', 'abc', 'b', '10', '5'] AS s CREATE (:Item {v: s})");
        await db.Q("CREATE (:Item {v: 7.5}), (:Item {v: true}), (:Item {v: [1, 2]}), (:Item)");
        await db.Q("CREATE INDEX item_v FOR (i:Item) ON (i.v)");
        return db;
    }

    private static async Task<List<string>> Ops(GraphDatabase db, string query, object? p = null) =>
        Flatten((await db.Q("EXPLAIN " + query, p)).Summary.Plan!).Select(x => x.OperatorType).ToList();

    [Theory]
    [InlineData("MATCH (n:Item) WHERE n.v > $x RETURN n.v AS v", 7L, new object[] { 7.5, 8L, 9L, 10L, 11L, 12L, 13L, 14L, 15L, 16L, 17L, 18L, 19L, 20L })]
    [InlineData("MATCH (n:Item) WHERE n.v >= $x RETURN n.v AS v", 18L, new object[] { 18L, 19L, 20L })]
    [InlineData("MATCH (n:Item) WHERE n.v < $x RETURN n.v AS v", 3L, new object[] { 1L, 2L })]
    [InlineData("MATCH (n:Item) WHERE $x >= n.v RETURN n.v AS v", 2L, new object[] { 1L, 2L })]
    [InlineData("MATCH (n:Item) WHERE n.v >= $x AND n.v < 9 RETURN n.v AS v", 7L, new object[] { 7L, 7.5, 8L })]
    [InlineData("MATCH (n:Item) WHERE $x <= n.v < 'b' RETURN n.v AS v", "a", new object[] { "a", "ab", "abc" })]
    [InlineData("MATCH (n:Item) WHERE n.v > $x RETURN n.v AS v", "1", new object[] { "10", "5", "a", "ab", "abc", "b" })]
    [InlineData("MATCH (n:Item) WHERE n.v STARTS WITH $x RETURN n.v AS v", "ab", new object[] { "ab", "abc" })]
    public async Task RangeSeek_Should_ReturnOnlyComparableValues_When_PropertyMixesTypes(string query, object x, object[] expected)
    {
        await using var db = await Seeded();
        var query1 = query + " ORDER BY v";
        Assert.Contains("NodeIndexSeekByRange", await Ops(db, query1, new { x }));
        var rows = (await db.Q(query1, new { x })).Column("v");
        Assert.Equal(expected.Cast<object?>().ToList(), rows);

        // Same answer as without any index (label scan + filter).
        await db.Q("DROP INDEX item_v");
        Assert.DoesNotContain("NodeIndexSeekByRange", await Ops(db, query1, new { x }));
        Assert.Equal(expected.Cast<object?>().ToList(), (await db.Q(query1, new { x })).Column("v"));
    }

    [Fact]
    public async Task RangeSeek_Should_ReturnNothing_When_BoundIsNullOrPrefixNotString()
    {
        await using var db = await Seeded();
        Assert.Empty((await db.Q("MATCH (n:Item) WHERE n.v > $x RETURN n", new { x = (object?)null })).Records);
        Assert.Empty((await db.Q("MATCH (n:Item) WHERE n.v STARTS WITH $x RETURN n", new { x = 1L })).Records);
        Assert.Empty((await db.Q("MATCH (n:Item) WHERE n.v > 5 AND n.v < 'z' RETURN n")).Records);
    }

    [Fact]
    public async Task RangeSeek_Should_FallBackToScan_When_BoundTypeIsNotSeekable()
    {
        await using var db = await Seeded();
        var rows = await db.Q("MATCH (n:Item) WHERE n.v >= $x RETURN n.v AS v", new { x = false });
        Assert.Equal([true], rows.Column("v"));
    }

    [Fact]
    public async Task Anchor_Should_PreferEqualitySeek_Over_RangeSeek()
    {
        await using var db = await Seeded();
        await db.Q("CREATE INDEX item_tag FOR (i:Item) ON (i.tag)");
        await db.Q("MATCH (a:Item {v: 3}), (b:Item {tag: 'n4'}) CREATE (a)-[:NEXT]->(b)");
        const string q = "MATCH (a:Item)-[:NEXT]->(b:Item) WHERE a.v > 0 AND b.tag = $t RETURN a.v AS a, b.v AS b";
        var ops = await Ops(db, q, new { t = "n4" });
        Assert.Contains("NodeIndexSeek", ops);
        Assert.DoesNotContain("NodeIndexSeekByRange", ops);
        var row = Assert.Single((await db.Q(q, new { t = "n4" })).Records);
        Assert.Equal(3L, row["a"]);
        Assert.Equal(4L, row["b"]);
    }
}
