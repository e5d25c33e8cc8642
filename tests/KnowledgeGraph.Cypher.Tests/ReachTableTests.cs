using KnowledgeGraph.Driver;

namespace KnowledgeGraph.Cypher.Tests;

/// <summary>
/// A variable-length walk towards a bound far node is pruned by a distance table that follows only what the walk's
/// pushed path predicates admit, shared by the walks of one read-only statement towards the same node (the
/// per-length branches of a <c>paths</c> query), and its last hop only reads relationships into the far node. Every
/// answer is compared, rows and order, with the same walk whose far end is free while matching and filtered after
/// it (nothing pruned): on a graph with hubs, parallel relationships, self-loops, cycles, two types, missing and
/// mistyped properties and both directions, large enough that the walks build their table.
/// </summary>
public sealed class ReachTableTests
{
    private static Task<GraphDatabase> Seeded(int seed) => WalkTestGraph.CreateAsync(seed, 50, 170, tiers: false);

    private const string Distinct = WalkTestGraph.Distinct;

    private static readonly (string From, string To)[] Ends = [("n0", "n1"), ("n1", "n0"), ("n2", "n37"), ("n0", "n0"), ("n45", "n2")];

    public static TheoryData<string, string> Cases()
    {
        var patterns = new[] { "-[:T*2..2]-", "-[:T|U*3..3]-", "-[*4..4]-", "<-[:T*1..4]-", "-[:T|U*2..4]->", "-[rs:T*3..3]-" };
        var conditions = new[]
        {
            "true",
            Distinct,
            "all(v IN nodes(p)[1..-1] WHERE v:A OR v.w > 1)",
            "all(r IN relationships(p) WHERE r.c IN $cs)",
            Distinct + " AND all(v IN nodes(p)[1..-1] WHERE (v:A OR v:B) AND NOT (v:B AND v.w IN [1])) AND all(r IN relationships(p) WHERE r.c IN $cs)",
            "all(v IN nodes(p) WHERE v.w <> 2) AND all(v IN nodes(p)[1..-1] WHERE NOT v:B)",
        };
        var data = new TheoryData<string, string>();
        foreach (var p in patterns)
            foreach (var c in conditions) data.Add(p, c);
        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Match_Should_FindTheSamePathsInTheSameOrder_When_TheWalkIsPrunedByFilteredDistances(string rel, string condition)
    {
        await using var db = await Seeded(5);
        const string Return = " RETURN [x IN nodes(p) | x.key] AS ks, [r IN relationships(p) | id(r)] AS ids";
        foreach (var (from, to) in Ends)
        {
            var args = new Dictionary<string, object?> { ["a"] = from, ["b"] = to, ["cs"] = new List<object?> { "reported", 1L } };
            var bound = await db.Q("MATCH (a:N {key: $a}) MATCH (b:N {key: $b}) MATCH p = (a)" + rel + "(b) WHERE " + condition + Return, args, AccessMode.Read);
            var free = await db.Q("MATCH (a:N {key: $a}) MATCH p = (a)" + rel + "(b) WHERE " + condition + " WITH * WHERE b.key = $b" + Return, args, AccessMode.Read);
            Assert.Equal(free.Column("ids"), bound.Column("ids"));
            Assert.Equal(free.Column("ks"), bound.Column("ks"));
        }
    }

    [Fact]
    public async Task Match_Should_FindTheSamePathsPerLength_When_UnionBranchesShareOneDistanceTable()
    {
        await using var db = await Seeded(7);
        const string Where = " WHERE " + Distinct + " AND all(v IN nodes(p)[1..-1] WHERE v:A OR v:B) AND all(r IN relationships(p) WHERE r.c IN $cs)";
        string Branches(string end, string extra) => string.Join(" UNION ", Enumerable.Range(1, 4).Select(h =>
            "MATCH p = (a)-[:T|U*" + h + ".." + h + "]-(" + end + ")" + Where + extra + " RETURN [x IN nodes(p) | x.key] AS ks"));
        var checkedPairs = 0;
        foreach (var (from, to) in Ends)
        {
            var args = new Dictionary<string, object?> { ["a"] = from, ["b"] = to, ["cs"] = new List<object?> { "reported", 1L, "denied" } };
            var shared = await db.Q("MATCH (a:N {key: $a}) MATCH (b:N {key: $b}) CALL (a, b) { " + Branches("b", "") + " } RETURN ks", args, AccessMode.Read);
            var free = await db.Q("MATCH (a:N {key: $a}) MATCH (b:N {key: $b}) CALL (a, b) { " + Branches("c", " AND c = b") + " } RETURN ks", args, AccessMode.Read);
            Assert.Equal(free.Column("ks"), shared.Column("ks"));
            if (shared.Records.Count > 0) checkedPairs++;
        }
        Assert.True(checkedPairs >= 3, "the seeded graph connects most of the pairs");
    }

    [Fact]
    public async Task Match_Should_ReadFewerRelationships_When_OnlyRejectedRelationshipsLeadToTheFarEnd()
    {
        await using var db = GraphDatabase.CreateInMemory();
        // a reaches b in three admitted hops once (a-y-z-b); its 60 other neighbours x reach b only through
        // relationships the predicate rejects (directly or through 4 neighbours w each). Unfiltered, every x and w is
        // one or two hops from b; with the predicate, none is, so the walk never goes past a's neighbours.
        await db.Q("CREATE CONSTRAINT s_key FOR (s:S) REQUIRE s.key IS UNIQUE");
        await db.Q("""
            CREATE (a:S {key: 'a'}), (b:S {key: 'b'}), (a)-[:T {c: 'ok'}]->(:S {key: 'y'})-[:T {c: 'ok'}]->(:S {key: 'z'})-[:T {c: 'ok'}]->(b)
            WITH a, b
            UNWIND range(1, 60) AS i
            CREATE (a)-[:T {c: 'ok'}]->(x:S {key: 'x' + toString(i)})-[:T {c: 'bad'}]->(b)
            WITH b, x
            UNWIND range(1, 4) AS j
            CREATE (x)-[:T {c: 'ok'}]->(:S)-[:T {c: 'bad'}]->(b)
            """);
        const string Where = " WHERE all(r IN relationships(p) WHERE r.c = 'ok')";
        var bound = await db.Q("PROFILE MATCH (a:S {key: 'a'}) MATCH (b:S {key: 'b'}) MATCH p = (a)-[:T*3..3]-(b)" + Where + " RETURN [n IN nodes(p) | n.key] AS ks", null, AccessMode.Read);
        var free = await db.Q("PROFILE MATCH (a:S {key: 'a'}) MATCH p = (a)-[:T*3..3]-(b)" + Where + " WITH * WHERE b.key = 'b' RETURN [n IN nodes(p) | n.key] AS ks", null, AccessMode.Read);
        Assert.Equal([new List<object?> { "a", "y", "z", "b" }], bound.Column("ks"));
        Assert.Equal(free.Column("ks"), bound.Column("ks"));
        // The bound walk pays for the distance table (b's 301 relationships and their properties) and still reads
        // less than the free walk, which goes through every x and w.
        Assert.True(DbHits(bound.Summary.Plan) < DbHits(free.Summary.Plan),
            $"bound far end {DbHits(bound.Summary.Plan)} db hits, free {DbHits(free.Summary.Plan)}");
    }

    [Fact]
    public async Task Match_Should_FindEveryRelationshipBetweenBoundEnds_When_TheRelationshipHasAPropertyMap()
    {
        await using var db = await Seeded(9);
        foreach (var (from, to) in Ends)
        {
            var args = new { a = from, b = to };
            var bound = await db.Q("MATCH (a:N {key: $a}) MATCH (b:N {key: $b}) UNWIND [1, 2] AS k MATCH (a)-[r:T|U {c: 'reported'}]-(b) RETURN k, id(r) AS id", args, AccessMode.Read);
            var free = await db.Q("MATCH (a:N {key: $a}) UNWIND [1, 2] AS k MATCH (a)-[r:T|U {c: 'reported'}]-(b) WHERE b.key = $b RETURN k, id(r) AS id", args, AccessMode.Read);
            Assert.Equal(free.Column("id"), bound.Column("id"));
            Assert.Equal(free.Column("k"), bound.Column("k"));
        }
    }

    [Fact]
    public async Task Match_Should_SeeTheStatementsOwnWrites_When_AWritingStatementWalksTowardsABoundNode()
    {
        await using var db = await Seeded(5);
        // A writing statement never shares a table; each clause completes before the next (an eager barrier), so
        // both rows' walks see the relationships the CALL created for the second row.
        var r = await db.Q("""
            MATCH (a:N {key: 'n10'}), (z:N {key: 'n11'})
            UNWIND [1, 2] AS round
            CALL (a, z, round) { WITH a, z, round WHERE round = 2 CREATE (a)-[:V]->(:M)-[:V]->(z) }
            WITH a, z, round
            OPTIONAL MATCH p = (a)-[:V*2..2]-(z)
            RETURN round, length(p) AS len
            """);
        Assert.Equal([1L, 2L], r.Column("round"));
        Assert.Equal([2L, 2L], r.Column("len"));
    }

    private static long DbHits(PlanNode? node) => node is null ? 0 : node.DbHits + node.Children.Sum(DbHits);
}
