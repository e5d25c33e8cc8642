using KnowledgeGraph.Cypher.Planning;
using KnowledgeGraph.Cypher.Runtime;
using KnowledgeGraph.Cypher.Session;
using KnowledgeGraph.Cypher.Syntax.Ast;
using KnowledgeGraph.Driver;

namespace KnowledgeGraph.Cypher.Tests.Planning;

/// <summary>
/// Plans kept across statements (<see cref="PlanCache"/>): the same text with other parameters reuses its plan and
/// answers for its own parameters; a schema change, counts that moved a lot, or another SKIP/LIMIT value plan again;
/// EXPLAIN and PROFILE never share a plan; concurrent runs of one cached plan each get their own answers.
/// </summary>
public sealed class PlanCacheTests
{
    private const string ByKey = "MATCH (p:Person {key: $k})-[:MEMBER_OF]->(o:Org) RETURN o.key AS org";

    private static async Task<GraphDatabase> People(int people = 60)
    {
        var db = GraphDatabase.CreateInMemory();
        await db.Q("UNWIND range(0, $n - 1) AS i CREATE (:Person {key: 'p' + i, age: 20 + i % 60})", new { n = (long)people });
        await db.Q("UNWIND range(0, 9) AS i CREATE (:Org {key: 'o' + i})");
        await db.Q("MATCH (p:Person), (o:Org) WHERE toInteger(substring(p.key, 1)) % 10 = toInteger(substring(o.key, 1)) CREATE (p)-[:MEMBER_OF]->(o)");
        return db;
    }

    /// <summary>The query tree the database keeps for <paramref name="text"/> (the cache's key).</summary>
    private static SingleQuery Tree(GraphDatabase db, string text) => (SingleQuery)((QueryStatement)StatementRunner.Parse(text, db)).Query;

    private static PlannedQuery? Cached(GraphDatabase db, string text) => PlanCache.Peek(Tree(db, text));

    private static List<string> Operators(ProfileNode node)
    {
        var ops = new List<string>();
        for (ProfileNode? n = node; n is not null; n = n.Children.Length > 0 ? n.Children[0] : null) ops.Add(n.Name);
        return ops;
    }

    private static async Task<string?> Org(GraphDatabase db, string key) =>
        (string?)(await db.Q(ByKey, new { k = key }, AccessMode.Read)).Records.Single()["org"];

    [Fact]
    public async Task CachedPlan_Should_AnswerForEachRunsParameters_When_TheSameTextRunsAgain()
    {
        await using var db = await People();
        Assert.Equal("o3", await Org(db, "p13"));
        var plan = Cached(db, ByKey);
        Assert.NotNull(plan);
        Assert.Equal("o7", await Org(db, "p27"));
        Assert.Equal("o0", await Org(db, "p50"));
        Assert.Same(plan, Cached(db, ByKey));
    }

    [Fact]
    public async Task CachedPlan_Should_BeReplacedByAnIndexSeek_When_AnIndexIsCreated()
    {
        await using var db = await People();
        Assert.Equal("o3", await Org(db, "p13"));
        Assert.Contains("NodeByLabelScan", Operators(Cached(db, ByKey)!.Profile));

        await db.Q("CREATE INDEX person_key FOR (p:Person) ON (p.key)");
        Assert.Equal("o4", await Org(db, "p14"));
        var seeking = Operators(Cached(db, ByKey)!.Profile);
        Assert.Contains("NodeIndexSeek", seeking);
        Assert.DoesNotContain("NodeByLabelScan", seeking);
        // EXPLAIN (planned afresh) shows the same choice.
        var explained = (await db.Q("EXPLAIN " + ByKey, new { k = "p14" })).Summary.Plan!;
        Assert.Contains("NodeIndexSeek", Flatten(explained).Select(n => n.OperatorType));

        await db.Q("DROP INDEX person_key");
        Assert.Equal("o5", await Org(db, "p15"));
        Assert.Contains("NodeByLabelScan", Operators(Cached(db, ByKey)!.Profile));
    }

    [Fact]
    public async Task CachedPlan_Should_BeReplaced_When_AConstraintIsCreated()
    {
        await using var db = await People();
        await db.Q("CREATE INDEX person_key FOR (p:Person) ON (p.key)");
        Assert.Equal("o3", await Org(db, "p13"));
        var before = Cached(db, ByKey);
        await db.Q("CREATE CONSTRAINT org_key FOR (o:Org) REQUIRE o.key IS UNIQUE");
        Assert.Equal("o3", await Org(db, "p13"));
        Assert.NotSame(before, Cached(db, ByKey));
    }

    [Fact]
    public async Task CachedPlan_Should_BeReplaced_When_TheCountsItWasPlannedFromDiverge()
    {
        await using var db = await People();
        Assert.Equal("o3", await Org(db, "p13"));
        var small = Cached(db, ByKey);
        // A few more nodes keep the plan; many more (the label's count multiplied) plan again.
        await db.Q("UNWIND range(1, 5) AS i CREATE (:Person {key: 'x' + i})");
        Assert.Equal("o3", await Org(db, "p13"));
        Assert.Same(small, Cached(db, ByKey));
        await db.Q("UNWIND range(1, 500) AS i CREATE (:Person {key: 'y' + i})");
        Assert.Equal("o3", await Org(db, "p13"));
        Assert.NotSame(small, Cached(db, ByKey));
    }

    [Fact]
    public async Task CachedPlan_Should_FollowTheLimitParameter_When_ItChangesBetweenRuns()
    {
        await using var db = await People();
        const string top = "MATCH (p:Person) WHERE p.age >= $min RETURN p.key AS k ORDER BY p.age DESC, p.key LIMIT $n";
        for (var n = 0L; n <= 5; n++)
        {
            var r = await db.Q(top, new { min = 70L, n }, AccessMode.Read);
            Assert.Equal(Math.Min(n, 10), r.Records.Count);
        }
        var keys = (await db.Q(top, new { min = 75L, n = 3L }, AccessMode.Read)).Column("k");
        Assert.Equal(["p59", "p58", "p57"], keys);
        await db.Fails(top, new { min = 75L, n = -1L }, AccessMode.Read);
    }

    [Fact]
    public async Task Profile_Should_CountOnlyItsOwnRun_When_ThePlanIsCachedForNormalRuns()
    {
        await using var db = await People();
        for (var i = 0; i < 3; i++) Assert.Equal("o3", await Org(db, "p13"));
        var profiled = (await db.Q("PROFILE " + ByKey, new { k = "p13" })).Summary.Plan!;
        Assert.Equal(1, profiled.Rows);
        var scanned = Flatten(profiled).Single(n => n.OperatorType == "NodeByLabelScan").Rows;
        Assert.InRange(scanned, 1, 60);
        // PROFILE's plan is its own: running it again counts the same, not the sum of both runs.
        var again = (await db.Q("PROFILE " + ByKey, new { k = "p13" })).Summary.Plan!;
        Assert.Equal(1, again.Rows);
        Assert.Equal(scanned, Flatten(again).Single(n => n.OperatorType == "NodeByLabelScan").Rows);
    }

    [Fact]
    public async Task Plan_Should_NotBeShared_When_ItHasAnOptionalMatchArgument()
    {
        await using var db = await People();
        const string optional = "MATCH (p:Person {key: $k}) OPTIONAL MATCH (p)-[:MEMBER_OF]->(o:Org {key: $o}) RETURN o.key AS org";
        var r = await db.Q(optional, new { k = "p13", o = "o3" }, AccessMode.Read);
        Assert.Equal("o3", r.Records.Single()["org"]);
        Assert.Null(Cached(db, optional));
        r = await db.Q(optional, new { k = "p13", o = "o4" }, AccessMode.Read);
        Assert.Null(r.Records.Single()["org"]);
    }

    [Fact]
    public async Task CachedPlan_Should_GiveEachConcurrentRunItsOwnAnswer_When_ManyThreadsRunIt()
    {
        await using var db = await People(200);
        Assert.Equal("o0", await Org(db, "p0"));
        const string ranked = "MATCH (p:Person)-[:MEMBER_OF]->(o:Org {key: $o}) WITH p ORDER BY p.key DESC LIMIT 5 RETURN collect(p.key) AS ks";
        await db.Q(ranked, new { o = "o1" }, AccessMode.Read);
        Assert.NotNull(Cached(db, ranked));
        var failures = 0;
        await Task.WhenAll(Enumerable.Range(0, 8).Select(t => Task.Run(async () =>
        {
            for (var i = 0; i < 40; i++)
            {
                var person = (t * 40 + i) % 200;
                if (await Org(db, "p" + person) != "o" + (person % 10)) Interlocked.Increment(ref failures);
                var org = (t + i) % 10;
                var keys = (IReadOnlyList<object?>)(await db.Q(ranked, new { o = "o" + org }, AccessMode.Read)).Records.Single()["ks"]!;
                var expected = Enumerable.Range(0, 200).Where(n => n % 10 == org).Select(n => "p" + n).OrderDescending(StringComparer.Ordinal).Take(5);
                if (!keys.Cast<string>().SequenceEqual(expected)) Interlocked.Increment(ref failures);
            }
        })));
        Assert.Equal(0, failures);
    }

    [Fact]
    public void Diverged_Should_IgnoreSmallChanges_And_NoticeLargeOnes()
    {
        Assert.False(PlanCache.Diverged([100, 1_000], [130, 1_400]));
        Assert.False(PlanCache.Diverged([0], [PlanCache.CountSlack]));
        Assert.True(PlanCache.Diverged([100, 1_000], [100, 2_500]));
        Assert.True(PlanCache.Diverged([10_000], [4_000]));
    }

    private static IEnumerable<PlanNode> Flatten(PlanNode p) => new[] { p }.Concat(p.Children.SelectMany(Flatten));
}
