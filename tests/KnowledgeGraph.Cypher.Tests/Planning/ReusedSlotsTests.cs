using KnowledgeGraph.Cypher.Planning;
using KnowledgeGraph.Cypher.Session;
using KnowledgeGraph.Cypher.Syntax.Ast;
using KnowledgeGraph.Driver;

namespace KnowledgeGraph.Cypher.Tests.Planning;

/// <summary>
/// Slots reused by liveness (<see cref="SlotLayout"/>): a projection frees its input's variables for what is planned
/// after it, and expression locals (comprehension, quantifier, reduce variables) share slots, so rows are as wide as
/// what is live at the widest point, not as every variable of the statement. Each statement runs planned and with the
/// interpreter forced and must answer the same: old variables read by ORDER BY and WHERE after a projection,
/// locals of several items and of nested comprehensions, Distinct's streamed rows under stages that allocate again,
/// subqueries with stages of their own, and the `paths` statement's hop shape.
/// </summary>
public sealed class ReusedSlotsTests
{
    private static Task<GraphDatabase> Graph() => KnowsGraph.CreateAsync(seed: 5, people: 40, noAgeOneIn: 5, ageSpan: 60, relationships: 150, among: 25, weights: 3);

    private static readonly object Parameters = new { k = "p3" };

    /// <summary>Statements and whether their row order is defined.</summary>
    private static readonly (string Query, bool Ordered)[] Corpus =
    [
        // ORDER BY, SKIP / LIMIT and WHERE after a projection read variables it projected away.
        ("MATCH (a:Person)-[r:KNOWS]->(b) WITH a.key AS k, b ORDER BY r.w, a.key, b.key, id(r) WITH k, b.key AS bk, b.age AS age RETURN k, bk, age", true),
        ("MATCH (a:Person)-[r:KNOWS]->(b) WITH a.key AS k, b.key AS bk WHERE a.age > 30 AND r.w > 1 WITH k, bk, k + bk AS kb RETURN k, bk, kb", false),
        ("MATCH (a:Person) WITH a.key AS k ORDER BY a.age DESC, a.key SKIP 3 LIMIT 10 WITH k, size(k) AS n UNWIND range(1, n) AS i RETURN k, i", true),
        // A chain of projections, each slot dead after the next one; an Unwind copying rows above them.
        ("UNWIND range(1, 40) AS i WITH i, i + 1 AS a WITH a, a * 2 AS b WITH a, b, b - a AS c WITH c, [a, b] AS l UNWIND l AS x WITH c, x, c + x AS y RETURN c, x, y", false),
        // Locals of several items, of nested comprehensions, and of the WHERE after them.
        ("UNWIND [[1, 2, 3], [4, null], [], null, [5]] AS l WITH l, [x IN l | x + 1] AS a, [x IN l WHERE x > 1 | [y IN range(1, x) | y * x]] AS b, reduce(s = 0, x IN l | s + coalesce(x, 0)) AS c WHERE all(x IN a WHERE x IS NULL OR x > 1) OR size(a) = 0 RETURN l, a, b, c", false),
        ("UNWIND range(1, 30) AS i WITH i, [j IN range(1, i % 5) | [k IN range(1, j) | k + i]] AS nested WITH i, nested, reduce(t = 0, row IN nested | t + reduce(u = 0, v IN row | u + v)) AS total WITH i, total, any(x IN nested WHERE size(x) > 2) AS long RETURN i, total, long", false),
        // Distinct streams and keeps reading the tuples of the rows it passed up: stages above it allocate again.
        ("UNWIND range(1, 3000) AS i WITH DISTINCT i % 50 AS g WITH g, g * 10 AS h WITH h, h + 1 AS k WITH k, [k] AS l RETURN count(*) AS n, sum(k) AS s", false),
        ("UNWIND range(1, 2000) AS i WITH DISTINCT i % 7 AS a, i % 3 AS b WITH a, b, [a, b] AS p WITH p, a + b AS s UNWIND p AS x RETURN p, s, x", false),
        // Grouping above stages whose slots it may take; a MATCH after a projection.
        ("MATCH (a:Person)-[r:KNOWS]-(b) WITH a, b, r.w AS w WITH a, collect(w) AS ws, count(b) AS n WITH a.key AS k, ws, n MATCH (p:Person {key: k})-[:KNOWS]->(q) RETURN k, size(ws) AS ws, n, count(q) AS out", false),
        ("UNWIND range(1, 60) AS i WITH i % 6 AS g, i WITH g, collect(i) AS is WITH g, is, [x IN is WHERE x % 2 = 0] AS even ORDER BY g WITH g, size(even) AS n, even[0] AS first RETURN g, n, first", true),
        // Subqueries with stages of their own, per outer row.
        ("MATCH (a:Person) CALL (a) { MATCH (a)-[r:KNOWS]->(b) WITH b, r.w AS w WITH b.key AS bk, w * 2 AS w2 RETURN bk, w2 } WITH a.key AS k, bk, w2 ORDER BY k, bk, w2 RETURN k, bk, w2", true),
        ("MATCH (a:Person) WITH a, COLLECT { MATCH (a)-[r:KNOWS]-(b) WITH b.key AS bk, r.w AS w ORDER BY w DESC, bk LIMIT 3 RETURN bk + ':' + toString(w) } AS top WITH a.key AS k, top ORDER BY k RETURN k, top", true),
        // The paths statement's hop shape, grouped back per path.
        ("MATCH p = (a:Person {key: $k})-[:KNOWS*1..2]-(b) WITH nodes(p) AS ns UNWIND range(0, size(ns) - 2) AS i WITH ns, i, ns[i] AS x, ns[i + 1] AS y MATCH (x)-[r:KNOWS]-(y) WITH ns, collect(i) AS ri, collect(r) AS rr WITH ns, [j IN range(0, size(ns) - 2) | [m IN range(0, size(rr) - 1) WHERE ri[m] = j | rr[m].w]] AS hops WITH ns, hops, [h IN hops | reduce(b = 0, w IN h | CASE WHEN w > b THEN w ELSE b END)] AS best RETURN [n IN ns | n.key] AS ks, hops, best", false),
    ];

    private static Task<List<string>> Run(GraphDatabase db, string query, bool ordered) => PlanComparison.Rows(db, query, Parameters, ordered);

    [Fact]
    public async Task ReusedSlots_Should_GiveTheInterpretersRows_When_Planned()
    {
        await using var db = await Graph();
        var notPlanned = new List<string>();
        foreach (var (query, _) in Corpus)
        {
            var plan = (await db.Q("EXPLAIN " + query, Parameters, AccessMode.Read)).Summary.Plan!;
            if (!"PIPELINED".Equals(plan.Arguments["runtime"])) notPlanned.Add(query);
        }
        Assert.Empty(notPlanned);
        foreach (var (query, ordered) in Corpus)
        {
            var planned = await Run(db, query, ordered);
            List<string> interpreted;
            using (PlannerSwitch.UseInterpreter()) interpreted = await Run(db, query, ordered);
            Assert.True(interpreted.SequenceEqual(planned), $"{query}\n interpreted: {string.Join(" ; ", interpreted.Take(8))}\n planned:     {string.Join(" ; ", planned.Take(8))}");
        }
    }

    [Fact]
    public async Task Rows_Should_HoldOnlyWhatIsLive_When_ProjectionsEndScopes()
    {
        await using var db = await Graph();
        // Nine projections of two variables each, and three comprehensions in one of them: 22 variables and locals
        // in all, at most two old, two new and their locals live at once.
        const string Chain = "UNWIND range(1, 5) AS i WITH i, i + 1 AS a WITH a, a + 1 AS b WITH b, b + 1 AS c WITH c, c + 1 AS d "
            + "WITH d, [x IN range(1, d) | x] AS l WITH l, [y IN l | y * 2] AS m WITH l, [z IN m WHERE z > 2] AS n "
            + "WITH l, n, size(n) AS s RETURN s, size(l) AS t";
        var planned = await Run(db, Chain, ordered: false);
        Assert.Equal(["s=4 | t=5", "s=5 | t=6", "s=6 | t=7", "s=7 | t=8", "s=8 | t=9"], planned);
        var plan = PlanCache.Peek((SingleQuery)((QueryStatement)StatementRunner.Parse(Chain, db)).Query);
        Assert.NotNull(plan);
        Assert.InRange(plan.RowWidth, 1, 6);
    }
}
