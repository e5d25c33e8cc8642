using KnowledgeGraph.Cypher.Planning;
using KnowledgeGraph.Driver;

namespace KnowledgeGraph.Cypher.Tests.Planning;

/// <summary>
/// The `paths` tail: each hop of the paths the walks found is expanded again between its two bound nodes
/// (Expand(Into)) and filtered. The planned Expand(Into) reads the walks' kept adjacency and degrees when it asks
/// for the same types and direction (or the opposite one), and its filter takes the walks' verdicts when its
/// conjuncts are the walks' relationship predicate (Matching/RelationshipVerdicts). Each statement runs planned and
/// with the interpreter forced, and the rows, in order, or the error code, must be equal: a kept adjacency of other
/// types or another direction, or a verdict given by another predicate, would add or drop relationships.
/// </summary>
public sealed class HopReexpansionDifferentialTests
{
    private const string Distinct = "all(x IN nodes(p) WHERE single(y IN nodes(p) WHERE y = x))";
    private const string Rels = "all(r IN relationships(p) WHERE r.w IN $ws AND coalesce(r.tier, 'reported') IN $tiers)";

    /// <summary>The walks (undirected unless <paramref name="arrow"/> says otherwise), then each hop re-expanded by
    /// <paramref name="hop"/> (a pattern between x and y) filtered by <paramref name="where"/>.</summary>
    private static string Tail(string hop, string where, string types = "KNOWS|MET", string arrow = "-", string walkWhere = Rels)
    {
        var (left, right) = arrow switch { ">" => ("-", "->"), "<" => ("<-", "-"), _ => ("-", "-") };
        string Branch(int n) => $"MATCH p = (a){left}[:{types}*{n}..{n}]{right}(b) WHERE {Distinct} AND {walkWhere} RETURN nodes(p) AS ns LIMIT 1000";
        return $"MATCH (a:Node {{key: $k}}) MATCH (b:Node) WHERE a <> b CALL (a, b) {{ {Branch(1)} UNION {Branch(2)} UNION {Branch(3)} }} " +
            $"UNWIND range(0, size(ns) - 2) AS i WITH ns, i, ns[i] AS x, ns[i + 1] AS y MATCH {hop} {(where.Length == 0 ? "" : "WHERE " + where)} " +
            "WITH ns, collect(r) AS rs, collect(i) AS ri RETURN [n IN ns | n.key] AS ks, ri, [r IN rs | [id(r), type(r), r.w, r.tier]] AS hops";
    }

    private const string Same = "r.w IN $ws AND coalesce(r.tier, 'reported') IN $tiers";

    private static readonly string[] Corpus =
    [
        // The `paths` shape: same types, undirected, the walks' predicate.
        Tail("(x)-[r:KNOWS|MET]-(y)", Same),
        // The same types named in another order; the filter's conjuncts written as two conjuncts of a longer WHERE.
        Tail("(x)-[r:MET|KNOWS]-(y)", "r.w IN $ws AND (coalesce(r.tier, 'reported') IN $tiers)"),
        // Fewer types than the walks followed: the kept adjacency holds relationships this Expand must not bind.
        Tail("(x)-[r:KNOWS]-(y)", Same),
        // Every type, and more types than the walks followed.
        Tail("(x)-[r]-(y)", Same),
        // A direction other than the walks': the kept adjacency is undirected.
        Tail("(x)-[r:KNOWS|MET]->(y)", Same),
        Tail("(x)<-[r:KNOWS|MET]-(y)", Same),
        // Directed walks, hops expanded forwards and backwards (the walks keep some adjacency both ways).
        Tail("(x)-[r:KNOWS|MET]->(y)", Same, arrow: ">"),
        Tail("(y)<-[r:KNOWS|MET]-(x)", Same, arrow: ">"),
        Tail("(x)<-[r:KNOWS|MET]-(y)", Same, arrow: "<"),
        // Filters that are not the walks' predicate: one conjunct of it, its conjuncts swapped, another parameter,
        // a conjunct more, a conjunct on another variable, none.
        Tail("(x)-[r:KNOWS|MET]-(y)", "r.w IN $ws"),
        Tail("(x)-[r:KNOWS|MET]-(y)", "coalesce(r.tier, 'reported') IN $tiers AND r.w IN $ws"),
        Tail("(x)-[r:KNOWS|MET]-(y)", "r.w IN $ws2 AND coalesce(r.tier, 'reported') IN $tiers"),
        Tail("(x)-[r:KNOWS|MET]-(y)", Same + " AND r.w > 1"),
        Tail("(x)-[r:KNOWS|MET]-(y)", Same + " AND y.kind <> 1"),
        Tail("(x)-[r:KNOWS|MET]-(y)", ""),
        // The walks' predicate negated by the filter: every relationship the walks admitted is dropped here.
        Tail("(x)-[r:KNOWS|MET]-(y)", "NOT (r.w IN $ws AND coalesce(r.tier, 'reported') IN $tiers)"),
        // A predicate that fails with an error on some relationships (w = 0): the walk admits them after the error,
        // and the filter raises it.
        Tail("(x)-[r:KNOWS|MET]-(y)", "10 / r.w > 1", walkWhere: "all(r IN relationships(p) WHERE 10 / r.w > 1)"),
        Tail("(x)-[r:KNOWS|MET]-(y)", "r.w > 0 AND 10 / r.w > 1", walkWhere: "all(r IN relationships(p) WHERE r.w > 0 AND 10 / r.w > 1)"),
        // A predicate the filter writes on a differently named variable (the element variable's name does not matter).
        Tail("(x)-[h:KNOWS|MET]-(y) WITH ns, i, h AS r", "h.w IN $ws AND coalesce(h.tier, 'reported') IN $tiers"),
    ];

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(4)]
    [InlineData(5)]
    [InlineData(6)]
    public async Task HopExpansion_Should_GiveTheInterpretersRowsInOrder_When_WalksKeptTheAdjacencyAndVerdicts(int seed)
    {
        await using var db = await BoundWalkDifferentialTests.RandomGraph(seed);
        var nonEmpty = 0;
        foreach (var start in new[] { "n0", "n5" })
        {
            var parameters = new Dictionary<string, object?>
            {
                ["k"] = start, ["ws"] = new List<object?> { 1L, 2L }, ["ws2"] = new List<object?> { 2L }, ["tiers"] = new List<object?> { "reported" },
            };
            foreach (var query in Corpus)
            {
                var plan = (await db.Q("EXPLAIN " + query, parameters, AccessMode.Read)).Summary.Plan!;
                Assert.True("PIPELINED".Equals(plan.Arguments["runtime"]), $"not planned: {query}");
                Assert.Contains(Flatten(plan), o => o.OperatorType == "Expand(Into)");
                var planned = await PlanComparison.Rows(db, query, parameters, ordered: true);
                List<string> interpreted;
                using (PlannerSwitch.UseInterpreter()) interpreted = await PlanComparison.Rows(db, query, parameters, ordered: true);
                Assert.True(interpreted.SequenceEqual(planned),
                    $"seed {seed} from {start}: {query}\ninterpreted ({interpreted.Count}):\n  {string.Join("\n  ", interpreted.Take(12))}\nplanned ({planned.Count}):\n  {string.Join("\n  ", planned.Take(12))}");
                if (planned.Count > 0 && !planned[0].StartsWith("error", StringComparison.Ordinal)) nonEmpty++;
            }
        }
        Assert.True(nonEmpty >= Corpus.Length, $"only {nonEmpty} of {2 * Corpus.Length} runs returned rows");
    }

    [Fact]
    public async Task HopExpansion_Should_GiveTheInterpretersRows_When_AnEndIsAHub()
    {
        // A hub with more relationships than a walk keeps per node (read from the store), whose hops are expanded
        // from the small end (the hub is four times its degree), with the degrees taken from the walks' kept adjacency.
        await using var db = GraphDatabase.CreateInMemory();
        var random = new Random(5);
        await db.Q("CREATE (:Node {key: 'hub', kind: 0}) WITH 1 AS one UNWIND range(0, 29) AS i CREATE (:Node {key: 'l' + i, kind: i % 3})");
        var spokes = Enumerable.Range(0, 2300).Select(_ => (object?)new List<object?> { (long)random.Next(30), (long)random.Next(3) }).ToList();
        await db.Q("UNWIND $spokes AS s MATCH (h:Node {key: 'hub'}), (l:Node {key: 'l' + s[0]}) CREATE (h)-[:KNOWS {w: s[1]}]->(l)", new { spokes });
        var links = Enumerable.Range(0, 45).Select(_ => (object?)new List<object?> { (long)random.Next(30), (long)random.Next(30), (long)random.Next(3) }).ToList();
        await db.Q("UNWIND $links AS k MATCH (a:Node {key: 'l' + k[0]}), (b:Node {key: 'l' + k[1]}) CREATE (a)-[:KNOWS {w: k[2]}]->(b)", new { links });
        // A mid-sized node: over the hub threshold when kept, so the other end's kept degree decides.
        await db.Q("MATCH (a:Node {key: 'l7'}) UNWIND range(1, 80) AS i CREATE (a)-[:KNOWS {w: 1}]->(:Node {key: 'm' + i, kind: 1})");
        foreach (var (from, to) in new[] { ("hub", "l3"), ("l3", "hub"), ("l7", "l2"), ("l2", "l7") })
        {
            var parameters = new Dictionary<string, object?> { ["k"] = from, ["k2"] = to, ["ws"] = new List<object?> { 1L, 2L } };
            const string Walk = "MATCH p = (a)-[:KNOWS*{0}..{0}]-(b) WHERE " + Distinct + " AND all(r IN relationships(p) WHERE r.w IN $ws) RETURN nodes(p) AS ns LIMIT 60";
            var query = "MATCH (a:Node {key: $k}) MATCH (b:Node {key: $k2}) CALL (a, b) { " + string.Format(Walk, 1) + " UNION " + string.Format(Walk, 2) + " UNION " + string.Format(Walk, 3) + " } " +
                "UNWIND range(0, size(ns) - 2) AS i WITH ns, i, ns[i] AS x, ns[i + 1] AS y MATCH (x)-[r:KNOWS]-(y) WHERE r.w IN $ws " +
                "WITH ns, collect(id(r)) AS rs RETURN [n IN ns | n.key] AS ks, rs";
            var planned = await PlanComparison.Rows(db, query, parameters, ordered: true);
            List<string> interpreted;
            using (PlannerSwitch.UseInterpreter()) interpreted = await PlanComparison.Rows(db, query, parameters, ordered: true);
            Assert.NotEmpty(planned);
            Assert.Equal(interpreted, planned);
        }
    }

    [Theory]
    [InlineData(0L)]
    [InlineData(1L)]
    public async Task HopFilter_Should_RaiseTheError_When_AWalkAdmittedTheRelationshipOnlyAfterAnError(long w)
    {
        // x -> a (w = 0 fails with / by zero) is judged by the three-hop walk (a -> x -> a, cut at a, which may not be
        // an inner node) and is never on a path found; the one-hop path a -> x is, and re-expanding its hop both ways
        // meets x -> a again, where the filter must raise the error the walk only counted. With w = 1 nothing fails.
        await using var db = GraphDatabase.CreateInMemory();
        await db.Q("CREATE (a:Node {key: 'a'}), (x:Node:Inner {key: 'x'}), (a)-[:R {w: 1}]->(x), (x)-[:R {w: $w}]->(a)", new { w });
        const string Walk = "MATCH p = (a)-[:R*{0}..{0}]->(b) WHERE all(v IN nodes(p)[1..-1] WHERE v:Inner) AND all(r IN relationships(p) WHERE 10 / r.w > 1) RETURN nodes(p) AS ns";
        var query = "MATCH (a:Node {key: 'a'}) MATCH (b:Node {key: 'x'}) CALL (a, b) { " + string.Format(Walk, 3) + " UNION " + string.Format(Walk, 1) + " } " +
            "UNWIND range(0, size(ns) - 2) AS i WITH ns, i, ns[i] AS x, ns[i + 1] AS y MATCH (x)-[r:R]-(y) WHERE 10 / r.w > 1 RETURN [n IN ns | n.key] AS ks, id(r) AS r";
        var planned = await PlanComparison.Rows(db, query, null, ordered: true);
        List<string> interpreted;
        using (PlannerSwitch.UseInterpreter()) interpreted = await PlanComparison.Rows(db, query, null, ordered: true);
        Assert.Equal(interpreted, planned);
        Assert.Equal(w == 0, planned is [var only] && only.StartsWith("error", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Profile_Should_ShowNoPropertyReadsInTheHopFilter_When_TheWalksJudgedItsRelationships()
    {
        // The hop filter repeats the walks' relationship predicate: it takes their verdicts instead of reading the
        // relationships' properties again; the Expand(Into) below it still counts one db hit per relationship it reads.
        await using var db = await BoundWalkDifferentialTests.RandomGraph(1);
        var parameters = new Dictionary<string, object?> { ["k"] = "n0", ["ws"] = new List<object?> { 1L, 2L }, ["ws2"] = new List<object?> { 2L }, ["tiers"] = new List<object?> { "reported" } };
        var same = await db.Q("PROFILE " + Tail("(x)-[r:KNOWS|MET]-(y)", Same), parameters, AccessMode.Read);
        var other = await db.Q("PROFILE " + Tail("(x)-[r:KNOWS|MET]-(y)", "r.w IN $ws2 AND coalesce(r.tier, 'reported') IN $tiers"), parameters, AccessMode.Read);
        var filter = HopFilter(same.Summary.Plan!);
        Assert.True(filter.Rows > 0);
        Assert.Equal(0, filter.DbHits);
        Assert.True(HopFilter(other.Summary.Plan!).DbHits > 0);
        // The expansion reads the same relationships either way.
        Assert.Equal(HopExpand(other.Summary.Plan!).DbHits, HopExpand(same.Summary.Plan!).DbHits);
    }

    private static PlanNode HopFilter(PlanNode plan) => Flatten(plan).Single(o => o.OperatorType == "Filter" && o.Children.Any(c => c.OperatorType == "Expand(Into)"));

    private static PlanNode HopExpand(PlanNode plan) => Flatten(plan).Single(o => o.OperatorType == "Expand(Into)");

    private static IEnumerable<PlanNode> Flatten(PlanNode p) => new[] { p }.Concat(p.Children.SelectMany(Flatten));
}
