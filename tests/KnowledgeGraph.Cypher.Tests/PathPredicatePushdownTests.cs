using KnowledgeGraph.Driver;

namespace KnowledgeGraph.Cypher.Tests;

/// <summary>
/// Conjuncts of a MATCH's WHERE on a variable-length path (<c>all(x IN nodes(p) …)</c>, <c>all(x IN nodes(p)[1..-1]
/// …)</c>, <c>all(r IN relationships(p) …)</c> or over the relationship list, and the node-uniqueness idiom) are checked
/// during the walk. Every answer is compared, rows and order, with the same query written with the condition in a
/// later <c>WITH * WHERE</c>, which the walk never sees: on a graph with missing and mistyped properties (nulls),
/// unlabelled nodes, parallel relationships, self-loops, cycles, two types and both directions.
/// </summary>
public sealed class PathPredicatePushdownTests
{
    private static Task<GraphDatabase> Seeded(int seed) => WalkTestGraph.CreateAsync(seed, 40, 110, tiers: true);

    private const string Distinct = WalkTestGraph.Distinct;

    public static TheoryData<string, string> Cases()
    {
        var patterns = new[] { "-[:T*1..3]-", "-[*0..3]-", "-[:T|U*2..3]->", "<-[:T*1..4]-", "-[rs:T*1..3]-", "-[:T]-{1,3}" };
        var conditions = new[]
        {
            Distinct,
            "all(v IN nodes(p)[1..-1] WHERE v:A OR v.w > 1)",
            "all(v IN nodes(p) WHERE v.w <> 2)",
            "all(r IN relationships(p) WHERE r.c IN $cs AND coalesce(r.tier, 'reported') IN ['reported'])",
            Distinct + " AND all(v IN nodes(p)[1..-1] WHERE (v:A OR v:B) AND NOT (v:B AND v.w IN [1])) AND all(r IN relationships(p) WHERE r.c IN $cs)",
            "all(v IN nodes(p)[1..-1] WHERE v <> a AND v.i <> $skip)",
            "size(nodes(p)) >= 2 AND all(v IN nodes(p)[1..-1] WHERE NOT v:B) AND all(y IN nodes(p) WHERE single(x IN nodes(p) WHERE x = y))",
            "all(v IN nodes(p)[1..-1] WHERE [k IN [v.w] WHERE k IS NOT NULL] <> [])",
        };
        var data = new TheoryData<string, string>();
        foreach (var p in patterns)
            foreach (var c in conditions) data.Add(p, c);
        data.Add("-[rs:T*1..3]-", "all(r IN rs WHERE r.c = 'reported' OR r.c IS NULL)");
        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Match_Should_ReturnTheSameRowsInTheSameOrder_When_PathPredicatesArePushedIntoTheWalk(string rel, string condition)
    {
        await using var db = await Seeded(5);
        var parameters = new { cs = new List<object?> { "reported", 1L, null }, skip = 7L };
        const string Return = " RETURN [x IN nodes(p) | x.key] AS ks, [r IN relationships(p) | id(r)] AS ids";
        foreach (var (from, to) in new[] { ("n0", "n1"), ("n1", "n0"), ("n2", "n2"), ("n5", "n17") })
        {
            var args = new Dictionary<string, object?> { ["a"] = from, ["b"] = to, ["cs"] = parameters.cs, ["skip"] = parameters.skip };
            // Far end bound (pruned towards it) and far end free.
            foreach (var head in new[] { "MATCH (a:N {key: $a}) MATCH (b:N {key: $b}) ", "MATCH (a:N {key: $a}) " })
            {
                var pushed = await db.Q(head + "MATCH p = (a)" + rel + "(b) WHERE " + condition + Return, args, AccessMode.Read);
                var after = await db.Q(head + "MATCH p = (a)" + rel + "(b) WITH * WHERE " + condition + Return, args, AccessMode.Read);
                Assert.Equal(after.Column("ids"), pushed.Column("ids"));
                Assert.Equal(after.Column("ks"), pushed.Column("ks"));
            }
        }
    }

    [Fact]
    public async Task Match_Should_ReturnZeroLengthPaths_When_InnerNodePredicatesAreFalseEverywhere()
    {
        await using var db = await Seeded(3);
        // [1..-1] of a path of length 0 or 1 is empty: those paths pass whatever the predicate.
        var rows = await db.Q("MATCH (a:N {key: 'n0'}) MATCH p = (a)-[*0..2]-(b) WHERE all(v IN nodes(p)[1..-1] WHERE false) RETURN length(p) AS len", null, AccessMode.Read);
        var lengths = rows.Column("len").Cast<long>().ToList();
        Assert.Contains(0L, lengths);
        Assert.DoesNotContain(2L, lengths);
        var after = await db.Q("MATCH (a:N {key: 'n0'}) MATCH p = (a)-[*0..2]-(b) WITH * WHERE all(v IN nodes(p)[1..-1] WHERE false) RETURN length(p) AS len", null, AccessMode.Read);
        Assert.Equal(after.Column("len"), rows.Column("len"));
    }

    [Fact]
    public async Task Match_Should_NeverRepeatANode_When_TheUniquenessIdiomIsPushed()
    {
        await using var db = await Seeded(9);
        var rows = await db.Q("MATCH (a:N {key: 'n0'}) MATCH p = (a)-[*1..4]-(b) WHERE " + Distinct + " RETURN [x IN nodes(p) | id(x)] AS ns", null, AccessMode.Read);
        Assert.NotEmpty(rows.Records);
        foreach (var ns in rows.Column("ns").Cast<IReadOnlyList<object?>>())
            Assert.Equal(ns.Count, ns.Distinct().Count());
        var all = await db.Q("MATCH (a:N {key: 'n0'}) MATCH p = (a)-[*1..4]-(b) RETURN count(*) AS c", null, AccessMode.Read);
        Assert.True((long)all.Records[0]["c"]! > rows.Records.Count, "the graph has walks that repeat a node");
    }

    [Fact]
    public async Task Match_Should_RaiseTheSameError_When_APushedPredicateFailsOnEveryPath()
    {
        await using var db = await Seeded(5);
        // n3 has w = 'x': 'x' * 2 is a type error, on the first node of every path.
        var pushed = await db.Fails("MATCH (a:N {key: 'n3'}) MATCH p = (a)-[*1..2]-(b) WHERE all(v IN nodes(p) WHERE v.w * 2 > 0) RETURN p", null, AccessMode.Read);
        var after = await db.Fails("MATCH (a:N {key: 'n3'}) MATCH p = (a)-[*1..2]-(b) WITH * WHERE all(v IN nodes(p) WHERE v.w * 2 > 0) RETURN p", null, AccessMode.Read);
        Assert.Equal(after.Code, pushed.Code);
    }

    [Fact]
    public async Task Match_Should_ReadFewerRelationships_When_TheWalkIsCutEarly()
    {
        await using var db = await Seeded(5);
        const string Where = " WHERE all(r IN relationships(p) WHERE r.c = 'reported') AND all(v IN nodes(p)[1..-1] WHERE v:A)";
        var pushed = await db.Q("PROFILE MATCH (a:N {key: 'n0'}) MATCH p = (a)-[*1..5]-(b)" + Where + " RETURN count(*) AS c", null, AccessMode.Read);
        var after = await db.Q("PROFILE MATCH (a:N {key: 'n0'}) MATCH p = (a)-[*1..5]-(b) WITH *" + Where + " RETURN count(*) AS c", null, AccessMode.Read);
        Assert.Equal(after.Records[0]["c"], pushed.Records[0]["c"]);
        Assert.True(DbHits(pushed.Summary.Plan) * 2 < DbHits(after.Summary.Plan),
            $"pushed {DbHits(pushed.Summary.Plan)} db hits, filtered after the walk {DbHits(after.Summary.Plan)}");
    }

    [Fact]
    public async Task Match_Should_FindEveryParallelRelationship_When_BothEndsAreBoundAndOneIsAHub()
    {
        await using var db = GraphDatabase.CreateInMemory();
        // A hub with 300 relationships, 3 of them (two parallel, one incoming) to a node of degree 4.
        await db.Q("CREATE (h:H {key: 'hub'}), (s:S {key: 'small'}) WITH h, s UNWIND range(1, 297) AS i CREATE (h)-[:T {i: i}]->(:X)");
        await db.Q("MATCH (h:H), (s:S) CREATE (h)-[:T {i: 1001}]->(s), (h)-[:T {i: 1002}]->(s), (s)-[:T {i: 1003}]->(h), (s)-[:U {i: 1004}]->(h), (s)-[:T {i: 1005}]->(:X)");
        var both = await db.Q("MATCH (h:H {key: 'hub'}) MATCH (s:S {key: 'small'}) UNWIND [1] AS one MATCH (h)-[r:T]-(s) RETURN r.i AS i ORDER BY i", null, AccessMode.Read);
        Assert.Equal([1001L, 1002L, 1003L], both.Column("i"));
        var outgoing = await db.Q("MATCH (h:H {key: 'hub'}) MATCH (s:S {key: 'small'}) UNWIND [1] AS one MATCH (h)-[r:T]->(s) RETURN r.i AS i ORDER BY i", null, AccessMode.Read);
        Assert.Equal([1001L, 1002L], outgoing.Column("i"));
        var incoming = await db.Q("MATCH (h:H {key: 'hub'}) MATCH (s:S {key: 'small'}) UNWIND [1] AS one MATCH (h)<-[r]-(s) RETURN r.i AS i ORDER BY i", null, AccessMode.Read);
        Assert.Equal([1003L, 1004L], incoming.Column("i"));
        var profiled = await db.Q("PROFILE MATCH (h:H {key: 'hub'}) MATCH (s:S {key: 'small'}) UNWIND [1] AS one MATCH (h)-[r:T]-(s) RETURN count(r) AS c", null, AccessMode.Read);
        Assert.Equal(3L, profiled.Records[0]["c"]);
        Assert.True(DbHits(profiled.Summary.Plan) < 100, $"{DbHits(profiled.Summary.Plan)} db hits: the match read the hub's adjacency");
    }

    private static long DbHits(PlanNode? node) => node is null ? 0 : node.DbHits + node.Children.Sum(DbHits);
}
