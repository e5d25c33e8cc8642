using KnowledgeGraph.Cypher.Planning;

namespace KnowledgeGraph.Cypher.Tests.Planning;

/// <summary>
/// The CALL subquery's Apply joins the first row a subquery returns into the outer row itself and later ones into
/// copies of it, reads UNION's duplicates from the joined rows, and runs every branch (and every outer row) over one
/// argument row it clears between runs. Each statement runs planned and with the interpreter forced, and the rows
/// must be equal: an argument row not cleared would show a branch a stale binding (an OPTIONAL MATCH's variable, a
/// WITH's), a joined row written before its copies were made would leak its columns into them, and a duplicate key
/// read from a row written afterwards would let duplicates through or drop rows.
/// </summary>
public sealed class CallApplyRowsTests
{
    private static Task<GraphDatabase> Graph() => KnowsGraph.CreateAsync(seed: 5, people: 30, noAgeOneIn: 5, ageSpan: 60, relationships: 120, among: 18, weights: 3);

    /// <summary>Statements and whether their row order is defined.</summary>
    private static readonly (string Query, bool Ordered)[] Corpus =
    [
        // UNION of three branches per outer row, duplicates across branches, several rows per outer row, under a
        // Sort and under a Top; the third branch binds an OPTIONAL MATCH variable that is null unless stale.
        ("MATCH (a:Person) CALL (a) { MATCH (a)-[:KNOWS]->(b) RETURN b.key AS k UNION MATCH (a)<-[:KNOWS]-(b) RETURN b.key AS k UNION OPTIONAL MATCH (a)-[:KNOWS]->(c) WHERE c.age > 1000 RETURN c.key AS k } WITH a, k ORDER BY a.key, k RETURN a.key AS a, k", true),
        ("MATCH (a:Person) CALL (a) { MATCH (a)-[:KNOWS]->(b) RETURN b.key AS k, b.age AS g UNION MATCH (a)<-[:KNOWS]-(b) RETURN b.key AS k, b.age AS g } WITH a, k, g ORDER BY g DESC, k, a.key LIMIT 9 RETURN a.key AS a, k, g", true),
        // Branches whose plans write the argument row's other slots (WITH, UNWIND, OPTIONAL MATCH), the next branch
        // reading the same slots as unbound.
        ("MATCH (a:Person) CALL (a) { WITH a, a.age AS x UNWIND [x, x] AS y RETURN y AS v UNION ALL OPTIONAL MATCH (a)-[:NOT_THERE]->(z) RETURN z AS v UNION ALL WITH a, null AS x RETURN x AS v } RETURN a.key AS a, v", false),
        ("UNWIND range(1, 30) AS i CALL (i) { OPTIONAL MATCH (p:Person {key: 'p' + toString(i)}) RETURN p.key AS k UNION ALL OPTIONAL MATCH (q:Person {key: 'p' + toString(i * 1000)}) RETURN q.key AS k UNION ALL UNWIND range(1, i % 3) AS j RETURN toString(j) AS k } RETURN i, k", true),
        // More joined rows per outer row than a batch, aggregated and sorted above.
        ("UNWIND range(1, 6) AS i CALL (i) { UNWIND range(1, i * 300) AS x RETURN x UNION UNWIND range(1, i * 200) AS x RETURN x * 2 AS x } RETURN i, count(*) AS n, sum(x) AS s, min(x) AS lo, max(x) AS hi", false),
        ("UNWIND range(1, 3) AS i CALL (i) { UNWIND range(1, 700) AS x RETURN x, [x, i] AS l UNION ALL RETURN 0 AS x, [] AS l } WITH i, x, l ORDER BY x DESC, i LIMIT 12 RETURN i, x, l", true),
        // Nested CALLs: the inner Apply's argument rows and joined rows inside the outer one's runs.
        ("UNWIND range(1, 5) AS i CALL (i) { UNWIND range(1, i) AS j CALL (j) { UNWIND range(1, j) AS k RETURN k UNION RETURN j AS k } RETURN j, k UNION ALL RETURN 0 AS j, i AS k } WITH i, j, k ORDER BY i, j, k RETURN i, j, k", true),
        // OPTIONAL CALL finding nothing for some rows, with UNION; a subquery without RETURN.
        ("MATCH (a:Person) OPTIONAL CALL (a) { MATCH (a)-[:KNOWS]->(b) WHERE b.age > 40 RETURN b.key AS k UNION MATCH (a)<-[:KNOWS]-(b) WHERE b.age > 40 RETURN b.key AS k } WITH a, k ORDER BY a.key, k RETURN a.key AS a, k", true),
        // The paths statement's shape: a UNION per outer row whose rows are unwound, hops matched and grouped.
        ("MATCH (a:Person {key: $k}) CALL (a) { MATCH p = (a)-[:KNOWS*1..1]-(b) RETURN nodes(p) AS ns UNION MATCH p = (a)-[:KNOWS*2..2]-(b) RETURN nodes(p) AS ns } UNWIND range(0, size(ns) - 2) AS i WITH ns, i, ns[i] AS x, ns[i + 1] AS y MATCH (x)-[r:KNOWS]-(y) WITH ns, collect(r.w) AS ws RETURN [n IN ns | n.key] AS ks, size(ws) AS n", false),
    ];

    private static readonly object Parameters = new { k = "p3" };

    [Fact]
    public async Task CallApply_Should_GiveTheInterpretersRows_When_JoiningInPlaceAndReusingArguments()
    {
        await using var db = await Graph();
        foreach (var (query, ordered) in Corpus)
        {
            var planned = await PlanComparison.Rows(db, query, Parameters, ordered);
            List<string> interpreted;
            using (PlannerSwitch.UseInterpreter()) interpreted = await PlanComparison.Rows(db, query, Parameters, ordered);
            Assert.True(interpreted.SequenceEqual(planned),
                $"{query}\ninterpreted ({interpreted.Count}):\n  {string.Join("\n  ", interpreted.Take(12))}\nplanned ({planned.Count}):\n  {string.Join("\n  ", planned.Take(12))}");
            Assert.True(planned.Count > 0 && !planned[0].StartsWith("error", StringComparison.Ordinal), $"{query} returned no rows or failed: {string.Join(" ", planned.Take(2))}");
        }
    }
}
