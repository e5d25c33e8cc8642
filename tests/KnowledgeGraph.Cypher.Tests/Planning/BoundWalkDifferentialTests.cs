using KnowledgeGraph.Cypher.Planning;
using KnowledgeGraph.Driver;

namespace KnowledgeGraph.Cypher.Tests.Planning;

/// <summary>
/// The planned VarLengthExpand(Into) walk between two bound nodes with pushed path predicates
/// (Planning/VarLengthIntoOperator, Matching/BoundWalk, Matching/WalkGraph) must find the interpreter's paths in the
/// interpreter's order: each statement runs planned and with the interpreter forced on small random graphs (parallel
/// relationships, self-loops, cycles, filtered labels, null properties), and the rows, in order, or the error code,
/// must be equal. LIMIT inside the per-pair subquery makes the order decide which paths are kept.
/// </summary>
public sealed class BoundWalkDifferentialTests
{
    internal static async Task<GraphDatabase> RandomGraph(int seed)
    {
        var random = new Random(seed);
        var db = GraphDatabase.CreateInMemory();
        var nodes = Enumerable.Range(0, 24).Select(i => (object?)new Dictionary<string, object?>
        {
            ["key"] = "n" + i,
            ["age"] = random.Next(5) == 0 ? null : (long)(20 + random.Next(60)),
            ["status"] = random.Next(3) == 0 ? null : new[] { "held", "denied", "rumoured" }[random.Next(3)],
            ["kind"] = (long)random.Next(3),
        }).ToList();
        await db.Q("UNWIND $nodes AS p CREATE (n:Node) SET n = p", new { nodes });
        await db.Q("MATCH (n:Node) WHERE n.kind = 0 SET n:Person");
        await db.Q("MATCH (n:Node) WHERE n.kind = 1 SET n:Meeting");
        await db.Q("MATCH (n:Node) WHERE n.kind = 2 SET n:Country");
        // Random ends: self-loops and parallel relationships happen; a few pairs are linked twice on purpose.
        var rels = Enumerable.Range(0, 60).Select(_ => (object?)new List<object?>
        {
            (long)random.Next(24), (long)random.Next(24), (long)random.Next(3), random.Next(4) == 0 ? null : new[] { "reported", "background" }[random.Next(2)],
            random.Next(3) == 0 ? "MET" : "KNOWS",
        }).ToList();
        rels.Add(new List<object?> { 0L, 1L, 1L, null, "KNOWS" });
        rels.Add(new List<object?> { 1L, 0L, 2L, "reported", "KNOWS" });
        rels.Add(new List<object?> { 0L, 0L, 1L, null, "KNOWS" });
        await db.Q("UNWIND $rels AS k MATCH (a:Node {key: 'n' + k[0]}), (b:Node {key: 'n' + k[1]}) " +
            "FOREACH (_ IN CASE WHEN k[4] = 'KNOWS' THEN [1] ELSE [] END | CREATE (a)-[:KNOWS {w: k[2], tier: k[3]}]->(b)) " +
            "FOREACH (_ IN CASE WHEN k[4] = 'MET' THEN [1] ELSE [] END | CREATE (a)-[:MET {w: k[2], tier: k[3]}]->(b))", new { rels });
        return db;
    }

    private const string Distinct = "all(x IN nodes(p) WHERE single(y IN nodes(p) WHERE y = x))";
    private const string Inner = "all(v IN nodes(p)[1..-1] WHERE (v:Person OR v:Meeting) AND NOT (v:Meeting AND v.status IN $bad))";
    private const string Rels = "all(r IN relationships(p) WHERE r.w IN $ws AND coalesce(r.tier, 'reported') IN $tiers)";

    private static string Branch(string range, string dir = "-", string limit = "$cap") =>
        $"MATCH p = (a){(dir == "<" ? "<-" : "-")}[:KNOWS|MET*{range}]{(dir == ">" ? "->" : "-")}(b) WHERE {Distinct} AND {Inner} AND {Rels} RETURN nodes(p) AS ns, p AS path LIMIT {limit}";

    /// <summary>(statement, the walk must be planned as VarLengthExpand(Into)).</summary>
    private static readonly (string Query, bool Into)[] Corpus =
    [
        // The `paths` shape: one branch per length, UNION, a cap per branch.
        ($"MATCH (a:Node {{key: $k}}) MATCH (b:Node) WHERE a <> b CALL (a, b) {{ {Branch("1..1")} UNION {Branch("2..2")} UNION {Branch("3..3")} UNION {Branch("4..4")} }} RETURN b.key AS b, ns, path", true),
        ($"MATCH (a:Node {{key: $k}}) MATCH (b:Node {{key: $k2}}) CALL (a, b) {{ {Branch("1..1", limit: "2")} UNION {Branch("2..2", limit: "2")} UNION {Branch("3..3", limit: "2")} UNION {Branch("4..4", limit: "2")} }} RETURN ns, path", true),
        // Ranges, directions, zero length, a LIMIT smaller than the number of paths.
        ($"MATCH (a:Node {{key: $k}}) MATCH (b:Node) CALL (a, b) {{ {Branch("0..2")} }} RETURN b.key AS b, path", true),
        ($"MATCH (a:Node {{key: $k}}) MATCH (b:Node) CALL (a, b) {{ {Branch("1..3", ">", "3")} }} RETURN b.key AS b, path", true),
        ($"MATCH (a:Node {{key: $k}}) MATCH (b:Node) CALL (a, b) {{ {Branch("2..3", "<", "1")} }} RETURN b.key AS b, path", true),
        ("MATCH (a:Node {key: $k}) MATCH (b:Node) MATCH p = (a)-[:KNOWS*1..4]-(b) WHERE all(r IN relationships(p) WHERE r.w > 0) RETURN b.key AS b, [n IN nodes(p) | n.key] AS ks", true),
        ("MATCH (a:Node {key: $k}) MATCH (b:Node {key: $k}) MATCH p = (a)-[*0..3]-(b) WHERE all(r IN relationships(p) WHERE r.w <> 0) RETURN p", true),
        // Without distinct nodes: trails that revisit nodes, self-loops included.
        ("MATCH (a:Node {key: $k}) MATCH (b:Node {key: $k2}) MATCH p = (a)-[:KNOWS*..3]->(b) WHERE all(x IN nodes(p) WHERE x.age IS NULL OR x.age > 25) RETURN p", true),
        // Unbounded, distinct nodes, a sparse type.
        ("MATCH (a:Node {key: $k}) MATCH (b:Node) MATCH p = (a)-[:MET*]-(b) WHERE all(x IN nodes(p) WHERE single(y IN nodes(p) WHERE y = x)) RETURN b.key AS b, p", true),
        // A relationship list variable, predicates over it.
        ("MATCH (a:Node {key: $k}) MATCH (b:Node) MATCH p = (a)-[rs:KNOWS*1..3]-(b) WHERE all(r IN rs WHERE r.w IN $ws) AND all(x IN nodes(p) WHERE single(y IN nodes(p) WHERE y = x)) RETURN b.key AS b, rs, p", true),
        // Predicates reading a variable of the row (the graph is then the walk's own), and a conjunct the walk does not check.
        ("MATCH (a:Node {key: $k}) MATCH (b:Node) MATCH p = (a)-[:KNOWS*1..3]-(b) WHERE all(r IN relationships(p) WHERE r.w < coalesce(b.age, 0) % 3) AND length(p) > 1 RETURN b.key AS b, p", true),
        // Predicates failing with an error: the same error code, or none, both ways.
        ("MATCH (a:Node {key: $k}) MATCH (b:Node) MATCH p = (a)-[:KNOWS*1..3]-(b) WHERE all(r IN relationships(p) WHERE 10 / r.w > 1) RETURN count(*) AS n", true),
        ("MATCH (a:Node {key: $k}) MATCH (b:Node) MATCH p = (a)-[:KNOWS*1..3]-(b) WHERE all(v IN nodes(p)[1..-1] WHERE v.age IS NULL OR v.age / 0 > 1) RETURN count(*) AS n", true),
        // The `paths` tail: each hop of the paths found expanded again (Expand(Into) binds the values the walk made
        // for the relationships it admitted, and its own for the others), the relationships then read and returned.
        ($"MATCH (a:Node {{key: $k}}) MATCH (b:Node) WHERE a <> b CALL (a, b) {{ {Branch("1..1")} UNION {Branch("2..2")} UNION {Branch("3..3")} }} " +
            "UNWIND range(0, size(ns) - 2) AS i WITH ns, i, ns[i] AS x, ns[i + 1] AS y MATCH (x)-[r:KNOWS|MET]-(y) WHERE r.w IN $ws OR r.tier IS NULL " +
            "WITH ns, collect(r) AS rs RETURN [n IN ns | n.key] AS ks, rs, [r IN rs | [type(r), r.w, r.tier, startNode(r).key, endNode(r).key]] AS hops", true),
        // Two walks active at once (the outer one suspended on a batch while the inner one runs per row, in a CALL
        // whose branches take turns): each must walk with its own walker, whatever walkers the statement reuses.
        ("MATCH (a:Node {key: $k}) MATCH (b:Node) MATCH p = (a)-[:KNOWS|MET*1..2]-(b) WHERE all(r IN relationships(p) WHERE r.w IN $ws) " +
            "MATCH (c:Node {key: $k2}) CALL (b, c) { MATCH q = (b)-[:KNOWS*1..3]-(c) WHERE all(r IN relationships(q) WHERE r.w > 0) RETURN q LIMIT 3 " +
            "UNION MATCH q = (b)-[:KNOWS|MET*2..2]->(c) WHERE all(x IN nodes(q) WHERE x.age IS NULL OR x.age > 30) RETURN q LIMIT 3 } RETURN b.key AS b, p, q", true),
        // Paths made from the walk graph's node values (shared by every path of the statement): nodes(p), their
        // identities and labels, path equality across branches (UNION of overlapping ranges), membership, DISTINCT.
        ($"MATCH (a:Node {{key: $k}}) MATCH (b:Node) WHERE a <> b CALL (a, b) {{ MATCH p = (a)-[:KNOWS|MET*1..2]-(b) WHERE {Distinct} AND {Rels} RETURN p " +
            $"UNION MATCH p = (a)-[:KNOWS|MET*2..3]-(b) WHERE {Distinct} AND {Rels} RETURN p }} WITH a, b, collect(p) AS ps UNWIND ps AS q " +
            "RETURN DISTINCT b.key AS b, q, q IN ps AS member, nodes(q)[0] = a AS first, last(nodes(q)) = b AS last, [n IN nodes(q) | [id(n), labels(n), n.key]] AS ns, " +
            "size([x IN ps WHERE x = q]) AS same, nodes(q) = [n IN nodes(q) | n] AS listed", true),
        // Not the Into shape (a label on the far end, the far end bound by the pattern): the matcher's walk, VarLengthExpand(Pruning).
        ("MATCH (a:Node {key: $k}) MATCH p = (a)-[:KNOWS*1..3]-(b) WHERE all(r IN relationships(p) WHERE r.w > 0) RETURN b.key AS b, p", false),
        ("MATCH (a:Node {key: $k}) MATCH (b:Node) MATCH p = (a)-[:KNOWS*1..3]-(b:Person) WHERE all(r IN relationships(p) WHERE r.w > 0) RETURN b.key AS b, p", false),
    ];

    private static readonly object Parameters = new
    {
        k = "n0",
        k2 = "n1",
        bad = new List<object?> { "denied", "rumoured" },
        ws = new List<object?> { 1L, 2L },
        tiers = new List<object?> { "reported" },
        cap = 1000L,
    };

    private static async Task<List<string>> Rows(GraphDatabase db, string query, object parameters) => await PlanComparison.Rows(db, query, parameters, ordered: true);

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public async Task Walk_Should_GiveTheInterpretersPathsInOrder_When_BothEndsAreBound(int seed)
    {
        await using var db = await RandomGraph(seed);
        var nonEmpty = 0;
        foreach (var start in new[] { "n0", "n5" })
        {
            var parameters = new Dictionary<string, object?>
            {
                ["k"] = start, ["k2"] = "n1", ["bad"] = new List<object?> { "denied", "rumoured" }, ["ws"] = new List<object?> { 1L, 2L },
                ["tiers"] = new List<object?> { "reported" }, ["cap"] = 1000L,
            };
            foreach (var (query, into) in Corpus)
            {
                var plan = (await db.Q("EXPLAIN " + query, parameters, AccessMode.Read)).Summary.Plan!;
                Assert.True("PIPELINED".Equals(plan.Arguments["runtime"]), $"not planned: {query}");
                Assert.Equal(into, Flatten(plan).Any(o => o.OperatorType == "VarLengthExpand(Into)"));
                var planned = await Rows(db, query, parameters);
                List<string> interpreted;
                using (PlannerSwitch.UseInterpreter()) interpreted = await Rows(db, query, parameters);
                Assert.True(interpreted.SequenceEqual(planned),
                    $"seed {seed} from {start}: {query}\ninterpreted ({interpreted.Count}):\n  {string.Join("\n  ", interpreted.Take(12))}\nplanned ({planned.Count}):\n  {string.Join("\n  ", planned.Take(12))}");
                if (planned.Count > 0 && !planned[0].StartsWith("error", StringComparison.Ordinal) && planned[0] != "n=0") nonEmpty++;
            }
        }
        // The corpus finds paths on these graphs (a comparison of empty answers would prove little).
        Assert.True(nonEmpty >= Corpus.Length, $"only {nonEmpty} of {2 * Corpus.Length} runs returned paths");
    }

    [Fact]
    public async Task Walk_Should_GiveTheInterpretersPathsInOrder_When_AnEndIsAHub()
    {
        // A hub with more relationships than the walk keeps per node (it is then read from the store at each visit,
        // and the last hop towards it is not answered from its side).
        await using var db = GraphDatabase.CreateInMemory();
        var random = new Random(11);
        await db.Q("CREATE (:Node:Country {key: 'hub'}) WITH 1 AS one UNWIND range(0, 29) AS i CREATE (:Node:Person {key: 'l' + i})");
        var spokes = Enumerable.Range(0, 2300).Select(_ => (object?)new List<object?> { (long)random.Next(30), (long)random.Next(3) }).ToList();
        await db.Q("UNWIND $spokes AS s MATCH (h:Node {key: 'hub'}), (l:Node {key: 'l' + s[0]}) CREATE (h)-[:KNOWS {w: s[1]}]->(l)", new { spokes });
        var links = Enumerable.Range(0, 45).Select(_ => (object?)new List<object?> { (long)random.Next(30), (long)random.Next(30), (long)random.Next(3) }).ToList();
        await db.Q("UNWIND $links AS k MATCH (a:Node {key: 'l' + k[0]}), (b:Node {key: 'l' + k[1]}) CREATE (a)-[:KNOWS {w: k[2]}]->(b)", new { links });
        var parameters = new Dictionary<string, object?> { ["ws"] = new List<object?> { 1L, 2L } };
        foreach (var (from, to) in new[] { ("hub", "l3"), ("l3", "hub"), ("l1", "l2") })
        {
            var query = $"MATCH (a:Node {{key: '{from}'}}) MATCH (b:Node {{key: '{to}'}}) CALL (a, b) {{ " +
                $"MATCH p = (a)-[:KNOWS*1..3]-(b) WHERE {Distinct} AND all(r IN relationships(p) WHERE r.w IN $ws) RETURN [r IN relationships(p) | id(r)] AS ids LIMIT 40 " +
                $"UNION MATCH p = (a)-[:KNOWS*2..2]->(b) WHERE all(r IN relationships(p) WHERE r.w IN $ws) RETURN [r IN relationships(p) | id(r)] AS ids LIMIT 40 }} RETURN ids";
            var plan = (await db.Q("EXPLAIN " + query, parameters, AccessMode.Read)).Summary.Plan!;
            Assert.Equal(2, Flatten(plan).Count(o => o.OperatorType == "VarLengthExpand(Into)"));
            var planned = await Rows(db, query, parameters);
            List<string> interpreted;
            using (PlannerSwitch.UseInterpreter()) interpreted = await Rows(db, query, parameters);
            Assert.NotEmpty(planned);
            Assert.Equal(interpreted, planned);
        }
    }

    [Theory]
    [InlineData("all(r IN relationships(p) WHERE r.w <> 2 AND 10 / r.w > 1)")]
    [InlineData("all(r IN relationships(p) WHERE r.w <> 2) AND all(x IN nodes(p) WHERE 10 / x.d > 1)")]
    public async Task Walk_Should_TestTheWhereInFull_When_ALaterBranchWalksAnElementAdmittedAfterAnError(string where)
    {
        // a-[w:0]->m (m.d = 0): the predicate fails (10 / 0) on that relationship or node, so the walk admits it and the
        // operator must test the WHERE of every path found after it in full. The *2..2 branch walks it and finds nothing
        // (m's relationship to b is refused); the *3..3 branch walks it again (from the kept adjacency, whose positions
        // remember verdicts) to a path a-m-n-b, whose WHERE then fails.
        await using var db = GraphDatabase.CreateInMemory();
        await db.Q("CREATE (a:Node {key: 'a', d: 1})-[:KNOWS {w: 0}]->(m:Node {key: 'm', d: 0})-[:KNOWS {w: 2}]->(b:Node {key: 'b', d: 1}), " +
            "(m)-[:KNOWS {w: 1}]->(:Node {key: 'n', d: 1})-[:KNOWS {w: 1}]->(b)");
        var query = "MATCH (a:Node {key: 'a'}) MATCH (b:Node {key: 'b'}) CALL (a, b) { " +
            $"MATCH p = (a)-[:KNOWS*2..2]-(b) WHERE {where} RETURN p UNION MATCH p = (a)-[:KNOWS*3..3]-(b) WHERE {where} RETURN p }} RETURN p";
        var plan = (await db.Q("EXPLAIN " + query, null, AccessMode.Read)).Summary.Plan!;
        Assert.Equal(2, Flatten(plan).Count(o => o.OperatorType == "VarLengthExpand(Into)"));
        var planned = await Rows(db, query, new { });
        List<string> interpreted;
        using (PlannerSwitch.UseInterpreter()) interpreted = await Rows(db, query, new { });
        Assert.StartsWith("error", Assert.Single(interpreted), StringComparison.Ordinal);
        Assert.Equal(interpreted, planned);
    }

    [Fact]
    public async Task Walk_Should_GiveTheInterpretersRows_When_TheStatementWrites()
    {
        await using var db = await RandomGraph(4);
        const string query = "MATCH (a:Node {key: 'n0'}) MATCH (b:Node) MATCH p = (a)-[:KNOWS*1..3]-(b) WHERE all(x IN nodes(p) WHERE single(y IN nodes(p) WHERE y = x)) " +
            "AND all(r IN relationships(p) WHERE r.w > 0) CREATE (m:Mark {len: length(p)}) RETURN b.key AS b, [n IN nodes(p) | n.key] AS ks, m.len AS len";
        var planned = (await db.Q(query)).Records.Select(r => PlanComparison.Render(r["ks"])).ToList();
        await db.Q("MATCH (m:Mark) DELETE m");
        List<string> interpreted;
        using (PlannerSwitch.UseInterpreter()) interpreted = (await db.Q(query)).Records.Select(r => PlanComparison.Render(r["ks"])).ToList();
        Assert.NotEmpty(planned);
        Assert.Equal(interpreted, planned);
    }

    [Fact]
    public async Task Profile_Should_ShowVarLengthExpandIntoWithRowsAndDbHits_When_BothEndsAreBound()
    {
        await using var db = await RandomGraph(1);
        var query = $"PROFILE MATCH (a:Node {{key: 'n0'}}) MATCH (b:Node {{key: 'n1'}}) MATCH p = (a)-[:KNOWS|MET*1..3]-(b) WHERE {Distinct} AND {Rels} RETURN count(*) AS n";
        var result = await db.Q(query, Parameters, AccessMode.Read);
        var walk = Flatten(result.Summary.Plan!).Single(o => o.OperatorType == "VarLengthExpand(Into)");
        Assert.Equal((long)result.Records[0]["n"]!, walk.Rows);
        Assert.True(walk.DbHits > 0);
        Assert.Contains("[:KNOWS|MET*1..3]", walk.Arguments["Details"]?.ToString(), StringComparison.Ordinal);
    }

    private static IEnumerable<PlanNode> Flatten(PlanNode p) => new[] { p }.Concat(p.Children.SelectMany(Flatten));
}
