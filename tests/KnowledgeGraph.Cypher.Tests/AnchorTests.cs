using KnowledgeGraph.Driver;

namespace KnowledgeGraph.Cypher.Tests;

/// <summary>
/// Where a pattern starts: at its most selective node, a middle one included, and with the most selective part of a
/// MATCH first. Each test checks the plan (the operator and the database hits, which a scan of every :P would make
/// exceed the graph's size) and that the rows equal those of the same pattern forced to start at its first node.
/// </summary>
public sealed class AnchorTests
{
    private const int People = 2000;

    private static IEnumerable<PlanNode> Flatten(PlanNode p) => new[] { p }.Concat(p.Children.SelectMany(Flatten));

    private static async Task<GraphDatabase> Seeded()
    {
        var db = GraphDatabase.CreateInMemory();
        await db.Q("UNWIND range(1, $n) AS i CREATE (:P {key: 'p' + i, i: i})", new { n = (long)People });
        await db.Q("UNWIND range(1, 200) AS i CREATE (:M {key: 'm' + i})");
        await db.Q("CREATE INDEX FOR (m:M) ON (m.key)");
        await db.Q("MATCH (p:P) MATCH (m:M {key: 'm' + (p.i % 200 + 1)}) CREATE (p)-[:A {w: p.i}]->(m)");
        await db.Q("CREATE INDEX p_i FOR (p:P) ON (p.i)");
        await db.Q("MATCH (p:P) MATCH (q:P {i: p.i + 200}) CREATE (p)-[:K]->(q)");
        await db.Q("DROP INDEX p_i"); // only :M(key) is indexed in the tests

        return db;
    }

    private static async Task<(List<string> Ops, long DbHits)> Profile(GraphDatabase db, string query)
    {
        var plan = (await db.Q("PROFILE " + query)).Summary.Plan!;
        var all = Flatten(plan).ToList();
        return (all.Select(p => p.OperatorType).ToList(), all.Sum(p => p.DbHits));
    }

    private static async Task<List<string>> Rows(GraphDatabase db, string query) =>
        (await db.Q(query)).Records.Select(r => string.Join("|", r.Values.Select(Render))).Order(StringComparer.Ordinal).ToList();

    private static string Render(object? v) => v switch
    {
        IEnumerable<object?> list => "[" + string.Join(",", list.Select(Render)) + "]",
        _ => Convert.ToString(v, System.Globalization.CultureInfo.InvariantCulture) ?? "null",
    };

    [Fact]
    public async Task Match_Should_StartAtTheMiddleNode_When_OnlyItHasAnIndexSeek()
    {
        await using var db = await Seeded();
        const string pattern = "(a:P)-[r:A]->(m:M {key: 'm5'})<-[s:A]-(c:P)";
        const string returns = " RETURN a.key, r.w, c.key, s.w";
        var (ops, hits) = await Profile(db, "MATCH " + pattern + returns);
        Assert.Contains("NodeIndexSeek", ops);
        Assert.DoesNotContain("NodeByLabelScan", ops);
        Assert.InRange(hits, 1, People / 2); // a scan of :P alone would be People hits

        var rows = await Rows(db, "MATCH " + pattern + returns);
        Assert.Equal(10 * 9, rows.Count); // 10 people per meeting, ordered pairs of distinct relationships
        Assert.Equal(await Rows(db, "MATCH (a:P) WITH a MATCH " + pattern + returns), rows);
    }

    [Fact]
    public async Task Match_Should_ReturnPathsInWrittenOrder_When_StartedInTheMiddle()
    {
        await using var db = await Seeded();
        string[] shapes =
        [
            "p = (a:P)-[r:A]->(m:M {key: 'm5'})<-[s:A]-(c:P) RETURN [n IN nodes(p) | n.key], [x IN relationships(p) | x.w], a.key, c.key",
            // A variable-length relationship on the side matched backwards: its list is in written order.
            "p = (a:P)-[ks:K*1..2]->(b:P)-[:A]->(m:M {key: 'm5'}) RETURN [n IN nodes(p) | n.key], [k IN ks | startNode(k).key], a.key, b.key",
            // A quantified path pattern there: its group variables too.
            "p = (a:P) ((u)-[:K]->(v)){1,2} (b:P)-[:A]->(m:M {key: 'm5'})<-[:A]-(c:P) RETURN [n IN nodes(p) | n.key], [x IN u | x.key], [x IN v | x.key], c.key",
        ];
        foreach (var shape in shapes)
        {
            var (ops, _) = await Profile(db, "MATCH " + shape);
            Assert.Contains("NodeIndexSeek", ops);
            var rows = await Rows(db, "MATCH " + shape);
            Assert.NotEmpty(rows);
            Assert.Equal(await Rows(db, "MATCH (a:P) WITH a MATCH " + shape), rows);
        }
    }

    [Fact]
    public async Task Match_Should_MatchTheSeekablePartFirst_When_PartsShareAVariable()
    {
        await using var db = await Seeded();
        const string query = "MATCH (a:P)-[:A]->(m), (m:M {key: 'm7'}) RETURN a.key";
        var (ops, hits) = await Profile(db, query);
        Assert.Contains("NodeIndexSeek", ops);
        Assert.InRange(hits, 1, People / 2); // a scan of :P alone would be People hits
        var rows = await Rows(db, query);
        Assert.Equal(10, rows.Count);
        Assert.Equal(await Rows(db, "MATCH (a:P) WITH a MATCH (a)-[:A]->(m), (m:M {key: 'm7'}) RETURN a.key"), rows);
    }

    [Fact]
    public async Task Match_Should_ReturnTheSameRows_When_StartedAtTheSmallestLabel()
    {
        await using var db = await Seeded();
        const string query = "MATCH (a:P)-[:A]->(m:M)<-[:A]-(c:P) WHERE a.i = 1 RETURN c.key";
        var (ops, _) = await Profile(db, query);
        Assert.Contains("NodeByLabelScan", ops);
        var rows = await Rows(db, query);
        Assert.Equal(9, rows.Count);
        Assert.Equal(await Rows(db, "MATCH (a:P) WITH a MATCH (a)-[:A]->(m:M)<-[:A]-(c:P) WHERE a.i = 1 RETURN c.key"), rows);
    }
}
