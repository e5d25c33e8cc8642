using KnowledgeGraph.Driver;

namespace KnowledgeGraph.Cypher.Tests;

/// <summary>
/// Value joins between the parts of a MATCH (<c>WHERE d.src = s.code</c>): with an index on one side it is a seek per
/// row of the other; without one, a table built once per statement (Neo4j's ValueHashJoin). Either way the database
/// hits grow with the sum of the two sides, not their product, and the rows equal a join computed outside the engine.
/// </summary>
public sealed class JoinTests
{
    private const int Docs = 3000;
    private const int Sources = 300;

    private static IEnumerable<PlanNode> Flatten(PlanNode p) => new[] { p }.Concat(p.Children.SelectMany(Flatten));

    private static async Task<GraphDatabase> Seeded()
    {
        var db = GraphDatabase.CreateInMemory();
        await db.Q("UNWIND range(1, $n) AS i CREATE (:Src {code: 'c' + i})", new { n = (long)Sources });
        // Every 7th document cites nobody (null), so nulls must never join.
        await db.Q("UNWIND range(1, $n) AS i CREATE (:Doc {id: i, src: CASE WHEN i % 7 = 0 THEN null ELSE 'c' + (i % $m + 1) END})", new { n = (long)Docs, m = (long)Sources });
        // Numbers join across integer and float, as = does.
        await db.Q("CREATE (:Src {code: 1.0}), (:Doc {id: -1, src: 1}), (:Doc {id: -2, src: 2})");
        return db;
    }

    private static async Task<List<string>> Expected(GraphDatabase db)
    {
        var docs = (await db.Q("MATCH (d:Doc) RETURN d.id AS id, d.src AS src")).Records.Select(r => (Id: r["id"], Src: r["src"])).ToList();
        var codes = (await db.Q("MATCH (s:Src) RETURN s.code AS code")).Records.Select(r => r["code"]).ToList();
        static bool Same(object? a, object? b) => a is not null && b is not null && (Equals(a, b) || (a is long l && b is double d && l == d) || (a is double d2 && b is long l2 && l2 == d2));
        return docs.SelectMany(d => codes.Where(c => Same(d.Src, c)).Select(c => $"{d.Id}|{Render(c)}")).Order(StringComparer.Ordinal).ToList();
    }

    private static string Render(object? v) => Convert.ToString(v, System.Globalization.CultureInfo.InvariantCulture) ?? "null";

    private static async Task<(List<string> Rows, List<string> Ops, long Hits)> Run(GraphDatabase db, string query)
    {
        var r = await db.Q("PROFILE " + query, mode: AccessMode.Read);
        var all = Flatten(r.Summary.Plan!).ToList();
        var rows = r.Records.Select(x => $"{Render(x["id"])}|{Render(x["code"])}").Order(StringComparer.Ordinal).ToList();
        return (rows, all.Select(p => p.OperatorType).ToList(), all.Sum(p => p.DbHits));
    }

    [Theory]
    [InlineData("MATCH (d:Doc), (s:Src) WHERE d.src = s.code RETURN d.id AS id, s.code AS code")]
    [InlineData("MATCH (s:Src), (d:Doc) WHERE s.code = d.src RETURN d.id AS id, s.code AS code")]
    [InlineData("MATCH (d:Doc) MATCH (s:Src) WHERE s.code = d.src RETURN d.id AS id, s.code AS code")]
    public async Task Join_Should_ProbeATable_When_NeitherSideIsIndexed(string query)
    {
        await using var db = await Seeded();
        var (rows, ops, hits) = await Run(db, query);
        Assert.Contains("ValueHashJoin", ops);
        Assert.InRange(hits, 1, 20L * (Docs + Sources)); // a nested scan would be Docs * Sources = 900,000
        Assert.Equal(await Expected(db), rows);
    }

    [Fact]
    public async Task Join_Should_SeekTheIndex_When_OneSideIsIndexed()
    {
        await using var db = await Seeded();
        // The smaller side (:Src) is scanned; each of its rows seeks the larger side's index.
        await db.Q("CREATE INDEX FOR (d:Doc) ON (d.src)");
        var (rows, ops, hits) = await Run(db, "MATCH (d:Doc), (s:Src) WHERE d.src = s.code RETURN d.id AS id, s.code AS code");
        Assert.Contains("NodeIndexSeek", ops);
        Assert.InRange(hits, 1, 20L * (Docs + Sources));
        Assert.Equal(await Expected(db), rows);
    }

    [Fact]
    public async Task Join_Should_ScanAsBefore_When_TheStatementWrites()
    {
        await using var db = await Seeded();
        var r = await db.Q("MATCH (d:Doc), (s:Src) WHERE d.src = s.code AND d.id < 10 SET d.seen = true RETURN count(*) AS n");
        Assert.Equal((long)(await Expected(db)).Count(x => int.Parse(x.Split('|')[0], System.Globalization.CultureInfo.InvariantCulture) < 10), r.Records.Single()["n"]);
    }
}
