using KnowledgeGraph.Cypher.Planning;
using KnowledgeGraph.Driver;

namespace KnowledgeGraph.Cypher.Tests.Planning;

/// <summary>
/// The planned operators that write their last output row per input into the input row itself (Expand(All),
/// Expand(Into), Unwind, the CALL subquery's Apply), Sort and Top keeping their keys in one flat array, and grouping
/// and DISTINCT keys read from the output row: each statement runs planned and with the interpreter forced, and the
/// rows (or the error code) must be equal. The shapes give several output rows per input row (so a row written in
/// place would leak into its copies if the copies were made after it), more rows than a batch holds, row-keeping
/// operators (Sort) above and below, and grouping on lists, maps, nulls and NaN.
/// </summary>
public sealed class InPlaceRowsTests
{
    // Parallel relationships between the same two people, so Expand(Into) finds several per pair.
    private static Task<GraphDatabase> Graph() => KnowsGraph.CreateAsync(seed: 11, people: 40, noAgeOneIn: 6, ageSpan: 50, relationships: 160, among: 20, weights: 4);

    /// <summary>Statements and whether their row order is defined.</summary>
    private static readonly (string Query, bool Ordered)[] Corpus =
    [
        // Expand(All) under a Sort (the Sort keeps its input rows: the expand writes in place), one hop and two.
        ("MATCH (a:Person)-[r:KNOWS]-(b) WITH a, r, b ORDER BY a.key, b.key, r.w, id(r) RETURN a.key AS a, b.key AS b, r.w AS w", true),
        ("MATCH (a:Person {key: $k})-[:KNOWS]->(b)-[r:KNOWS]->(c) WITH a, b, r, c ORDER BY b.key, c.key, id(r) RETURN b.key AS b, c.key AS c, r.w AS w", true),
        ("MATCH (a:Person)-[r:KNOWS]->(b) WITH a, r, b ORDER BY r.w DESC, id(r) LIMIT 7 RETURN a.key AS a, b.key AS b, r.w AS w", true),
        // Expand(Into) between bound nodes with parallel relationships, under a Sort and under an aggregation.
        ("MATCH (a:Person), (b:Person) WHERE a.key < b.key MATCH (a)-[r:KNOWS]-(b) WITH a, b, r ORDER BY a.key, b.key, id(r) RETURN a.key AS a, b.key AS b, r.w AS w", true),
        ("MATCH (a:Person), (b:Person) WHERE a.key < b.key MATCH (a)-[r:KNOWS]-(b) RETURN a.key AS a, b.key AS b, collect(r.w) AS ws, count(*) AS n", false),
        // The paths statement's hop shape: a path's nodes unwound by index, each hop matched between its two ends.
        ("MATCH p = (a:Person {key: $k})-[:KNOWS*1..2]-(b) WITH nodes(p) AS ns UNWIND range(0, size(ns) - 2) AS i WITH ns, i, ns[i] AS x, ns[i + 1] AS y MATCH (x)-[r:KNOWS]-(y) WITH ns, i, r ORDER BY $weights[toString(r.w)] DESC, id(r) WITH ns, i, collect(r.w) AS ws RETURN [n IN ns | n.key] AS ks, i, ws", false),
        // Unwind: several elements per row (the last one in place), a non-list value, null and empty lists, rows
        // kept by a Sort above, and more rows than a batch.
        ("UNWIND [[1, 2, 3], [4], [], null, 5, [6, 7]] AS l UNWIND l AS x WITH l, x ORDER BY x DESC RETURN l, x", true),
        ("UNWIND range(1, 2500) AS i WITH i, i % 7 AS g ORDER BY g, i DESC WITH g, collect(i) AS is RETURN g, size(is) AS n, is[0] AS first, is[-1] AS last", true),
        ("UNWIND range(1, 3000) AS i UNWIND [i, -i] AS j WITH i, j ORDER BY j LIMIT 20 RETURN i, j", true),
        ("UNWIND range(1, 2000) AS i WITH i ORDER BY i % 10, i DESC SKIP 1990 RETURN i", true),
        // CALL subqueries per row: several rows per outer row, UNION (distinct per outer row), OPTIONAL, under a
        // Sort and under an aggregation.
        ("MATCH (a:Person) CALL (a) { MATCH (a)-[:KNOWS]->(b) RETURN b UNION MATCH (a)<-[:KNOWS]-(b) RETURN b } WITH a, b ORDER BY a.key, b.key RETURN a.key AS a, b.key AS b", true),
        ("MATCH (a:Person) CALL (a) { MATCH (a)-[r:KNOWS]->(b) RETURN b, r.w AS w UNION ALL MATCH (a)<-[r:KNOWS]-(b) RETURN b, r.w AS w } RETURN a.key AS a, count(*) AS n, sum(w) AS s", false),
        ("MATCH (a:Person) OPTIONAL CALL (a) { MATCH (a)-[:KNOWS]->(b) WHERE b.age > 60 RETURN b } WITH a, b ORDER BY a.key, b.key RETURN a.key AS a, b.key AS b", true),
        ("UNWIND range(1, 40) AS i CALL (i) { UNWIND range(1, i % 4) AS j RETURN j } WITH i, j ORDER BY i DESC, j RETURN i, j", true),
        // Grouping and DISTINCT on lists, maps, nulls and NaN (Cypher equivalence: 1 and 1.0 together, null with
        // null, NaN with NaN), with operators above writing into the output rows.
        ("UNWIND [{a: 1}, {a: 1.0}, {a: null}, {a: null}, null, null, {b: [0.0 / 0.0]}, {b: [0.0 / 0.0]}, {a: 1, b: 2}, {b: 2, a: 1}, [1, {a: 1}], [1.0, {a: 1.0}]] AS m RETURN m, count(*) AS n", false),
        ("UNWIND [[1, null], [1.0, null], null, [0.0 / 0.0], [0.0 / 0.0], 0.0 / 0.0, 0.0 / 0.0, 1, 1.0, '1'] AS k WITH k, count(*) AS n WITH k, n, [k] AS wrapped RETURN k, n, wrapped", false),
        ("UNWIND [[1, null], [1.0, null], null, [0.0 / 0.0], [0.0 / 0.0], {a: 1}, {a: 1.0}, null] AS k WITH DISTINCT k WITH k, [k, k] AS pair RETURN k, pair", false),
        ("MATCH (a:Person)-[:KNOWS]-(b) WITH DISTINCT a.age % 3 AS g, [a.age % 2] AS l WITH g, l ORDER BY g, l[0] RETURN g, l", true),
        ("MATCH (a:Person)-[:KNOWS]-(b) WITH a.age % 3 AS g, b.age % 2 AS h, collect(DISTINCT b.key) AS ks RETURN g, h, size(ks) AS n ORDER BY g, h", true),
        // Aggregations whose input rows nothing pools keep each group's first row as its output row: over Unwind,
        // over another aggregation, over a Sort, over a CALL; the output rows hold only keys and aggregates.
        ("UNWIND range(1, 50) AS i WITH i, i % 3 AS g, [i, null] AS l WITH g, collect(l) AS ls, sum(i) AS s WITH g, ls, s, size(ls) AS n RETURN g, n, s, ls[0] AS first, ls[-1] AS last", false),
        ("UNWIND range(1, 60) AS i WITH i % 6 AS a, i % 4 AS b, count(*) AS n WITH a, collect(b) AS bs, sum(n) AS total WITH a, bs, total, count(*) AS one RETURN a, bs, total, one", false),
        ("MATCH (a:Person) CALL (a) { MATCH (a)-[r:KNOWS]-(b) RETURN r.w AS w } WITH a.age % 4 AS g, w, count(*) AS n WITH g, collect([w, n]) AS pairs RETURN g, size(pairs) AS n, pairs[0] AS first", false),
        ("UNWIND [1, 1, 2, null, null, 0.0 / 0.0, 0.0 / 0.0] AS x WITH x, 'k' AS k ORDER BY x WITH x, collect(k) AS ks OPTIONAL MATCH (p:Person {key: 'p' + toString(x)}) RETURN x, ks, p.key AS key", false),
        // Sort and Top: map-parameter lookups as keys, ties kept in input order, more rows than the first key array.
        ("UNWIND range(1, 300) AS i WITH i, $weights[toString(i % 4)] AS w ORDER BY w DESC RETURN i, w", true),
        ("UNWIND range(1, 300) AS i WITH i ORDER BY $weights[toString(i % 4)] DESC, i % 5 LIMIT 13 RETURN i", true),
        ("MATCH (p:Person) RETURN p.key AS k, p.age AS a ORDER BY a DESC, k LIMIT 9", true),
        // Top over rows nothing refills (Unwind, Projections) keeps those rows themselves: in a COLLECT subquery (whose
        // RETURN writes into the kept rows) and a CALL, replacing kept rows, one run per outer row.
        ("UNWIND [[3, 1, 2, 9, 4], [5, 4], [], [7], [2, 2, 8, 1]] AS l RETURN l, COLLECT { UNWIND l AS x WITH x, x * 10 AS y ORDER BY y DESC, x LIMIT 2 RETURN [x, y] } AS top, size(l) AS n", true),
        ("UNWIND range(1, 4) AS k CALL (k) { UNWIND range(1, k * 700) AS x WITH x, [x] AS l ORDER BY x % 7, x DESC LIMIT 3 RETURN collect(l[0]) AS xs } RETURN k, xs", true),
        // Boolean results of compiled predicates (shared boxes) used as values.
        ("UNWIND [true, false, null] AS x UNWIND [true, false, null] AS y RETURN x, y, x AND y AS a, x OR y AS o, x XOR y AS xo, x = y AS e, x IS NULL AS n, y IS NOT NULL AS nn", true),
    ];

    private static readonly object Parameters = new
    {
        k = "p3",
        weights = new Dictionary<string, object?> { ["0"] = 0.5, ["1"] = 1L, ["2"] = 0.5, ["3"] = null },
    };

    private static Task<List<string>> Run(GraphDatabase db, string query, bool ordered) => PlanComparison.Rows(db, query, Parameters, ordered);

    [Fact]
    public async Task InPlaceOperators_Should_GiveTheInterpretersRows_When_Planned()
    {
        await using var db = await Graph();
        var notPlanned = new List<string>();
        foreach (var (query, _) in Corpus)
        {
            var plan = (await db.Q("EXPLAIN " + query, Parameters, AccessMode.Read)).Summary.Plan!;
            if (!"PIPELINED".Equals(plan.Arguments["runtime"])) notPlanned.Add(query);
        }
        Assert.True(notPlanned.Count == 0, "not planned:\n" + string.Join("\n", notPlanned));
        foreach (var (query, ordered) in Corpus)
        {
            var planned = await Run(db, query, ordered);
            List<string> interpreted;
            using (PlannerSwitch.UseInterpreter()) interpreted = await Run(db, query, ordered);
            Assert.True(interpreted.SequenceEqual(planned),
                $"{query}\ninterpreted ({interpreted.Count}):\n  {string.Join("\n  ", interpreted.Take(12))}\nplanned ({planned.Count}):\n  {string.Join("\n  ", planned.Take(12))}");
            Assert.True(planned.Count > 0 && !planned[0].StartsWith("error", StringComparison.Ordinal), $"{query} returned no rows or failed: {string.Join(" ", planned.Take(2))}");
        }
    }

    [Fact]
    public async Task InPlaceExpand_Should_KeepEachRowsOwnRelationship_When_OneInputRowHasSeveralMatches()
    {
        await using var db = GraphDatabase.CreateInMemory();
        await db.Q("CREATE (a:A {k: 'a'}), (b:B {k: 'b'}) CREATE (a)-[:R {i: 1}]->(b), (a)-[:R {i: 2}]->(b), (a)-[:R {i: 3}]->(b), (a)-[:S {i: 4}]->(b)");
        // Into (both ends bound) and All (far end new), each under a Sort that keeps the expanded rows.
        var into = await db.Q("MATCH (a:A), (b:B) MATCH (a)-[r:R]->(b) WITH r ORDER BY r.i DESC RETURN r.i AS i", mode: AccessMode.Read);
        Assert.Equal([3L, 2L, 1L], into.Column("i"));
        var all = await db.Q("MATCH (a:A)-[r]->(b) WITH a, r, b ORDER BY r.i RETURN r.i AS i, type(r) AS t, b.k AS k", mode: AccessMode.Read);
        Assert.Equal([1L, 2L, 3L, 4L], all.Column("i"));
        Assert.Equal(["R", "R", "R", "S"], all.Column("t"));
        Assert.All(all.Column("k"), k => Assert.Equal("b", k));
    }

    [Fact]
    public async Task Top_Should_ReleaseWhatItAccounted_When_ItReplacesKeptRows()
    {
        await using var db = GraphDatabase.CreateInMemory(new GraphDatabaseOptions { TransactionMemoryLimit = 50L << 20 });
        var r = await db.Q("UNWIND range(1, 20000) AS x WITH x, [x, toString(x)] AS l ORDER BY x DESC LIMIT 3 RETURN x, l[1] AS s", mode: AccessMode.Read);
        Assert.Equal([20000L, 19999L, 19998L], r.Column("x"));
        Assert.Equal(["20000", "19999", "19998"], r.Column("s"));
        Assert.Equal(0, db.Memory.UsedBytes);
    }
}
