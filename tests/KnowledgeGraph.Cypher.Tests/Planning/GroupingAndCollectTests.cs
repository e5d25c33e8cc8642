using KnowledgeGraph.Cypher.Planning;
using KnowledgeGraph.Driver;

namespace KnowledgeGraph.Cypher.Tests.Planning;

/// <summary>
/// Grouping keys that are lists (the same list object on many rows, equal lists built per row, lists holding null or
/// NaN), collect's result (the collected list itself, used again after the aggregation), the other aggregates over
/// no values, and compiled function calls bound once: each statement runs planned and with the interpreter forced;
/// rows (or the error code) must be equal.
/// </summary>
public sealed class GroupingAndCollectTests
{
    private static Task<GraphDatabase> Graph() => KnowsGraph.CreateAsync(seed: 7, people: 30, noAgeOneIn: 5, ageSpan: 60, relationships: 70, among: 30, weights: 3);

    /// <summary>Statements and whether their row order is defined.</summary>
    private static readonly (string Query, bool Ordered)[] Corpus =
    [
        // List keys: the same object twice, an equal list, 1 and 1.0, null lists, NaN inside lists.
        ("UNWIND [[1, null]] AS x UNWIND [x, x, [1, null], [1.0, null], null, null, [0.0 / 0.0], [0.0 / 0.0], [[2, x]], [[2, [1, null]]]] AS l RETURN l, count(*) AS n", false),
        // Node lists: one list object per path carried by every hop row, and equal lists built per row.
        ("MATCH p = (a:Person {key: $k})-[:KNOWS*1..2]-(b) WITH nodes(p) AS ns UNWIND range(0, size(ns) - 2) AS i WITH ns, i, ns[i] AS x MATCH (x)-[r:KNOWS]-() WITH ns, i, collect(r.w) AS ws RETURN [n IN ns | n.key] AS ks, i, size(ws) AS n, reduce(s = 0, w IN ws | s + w) AS total", false),
        ("MATCH (p:Person)-[:KNOWS]-(q) WITH [p, q] AS pair, q RETURN [n IN pair | n.key] AS ks, count(*) AS n, sum(q.age) AS ages", false),
        ("MATCH (p:Person)-[:KNOWS]-(q) WITH CASE WHEN p.key < q.key THEN [p, q] ELSE [q, p] END AS pair RETURN [n IN pair | n.key] AS ks, count(*) AS n", false),
        // collect: its list reused after the aggregation, concatenated, nested, over nulls and over no rows.
        ("UNWIND [1, null, 2] AS x WITH collect(x) AS c RETURN c, c + [9] AS d, [9] + c AS e, size(c) AS n, c[0] AS first", true),
        ("UNWIND [[1, 2], [3], []] AS l UNWIND CASE WHEN l = [] THEN [null] ELSE l END AS x WITH l, collect(x) AS c WITH collect(c) AS cs RETURN cs, reduce(o = [], c IN cs | o + c) AS flat, cs[0] + cs[1] AS both", true),
        ("MATCH (n:Nope) RETURN collect(n) AS c, count(*) AS k, sum(n.x) AS s, min(n.x) AS lo, max(n.x) AS hi, avg(n.x) AS mean", true),
        ("UNWIND [null, null] AS x RETURN collect(x) AS c, count(x) AS k, sum(x) AS s, avg(x) AS a, min(x) AS lo", true),
        ("UNWIND [1, 2, 2, 5, 6] AS x RETURN x % 2 AS g, collect(x) AS c, collect(DISTINCT x) AS d, sum(x) AS s, max(x) AS m ORDER BY g", true),
        ("MATCH (p:Person) WITH p.age % 3 AS g, collect(p.key) AS ks RETURN g, size(ks) AS n, [k IN ks WHERE k STARTS WITH 'p1'] AS ones ORDER BY g", true),
        // Function calls: scalars bound once, temporal ones, nulls, and an argument of the wrong type.
        ("UNWIND [1, 2, null] AS x RETURN toString(x) AS s, coalesce(x, 0) AS c, size([x]) AS n, date({year: 2000 + coalesce(x, 0)}) AS d, toUpper('a' + coalesce(toString(x), '-')) AS u, type(null) AS t", true),
        ("MATCH (p:Person)-[r:KNOWS]->(q) RETURN type(r) AS t, startNode(r).key AS s, endNode(r).key AS e, labels(q) AS l, toFloat(r.w) AS f", false),
        ("UNWIND [1] AS x RETURN toInteger([x]) AS e", true),
        // Consecutive rows holding the same key objects (taken as the previous row's group without a lookup) with a
        // second key that differs, groups interleaved, null keys in a row, a key object coming back after another.
        ("UNWIND [[1, 2]] AS a UNWIND [a, a, [3], a, null, null, a] AS l UNWIND [1, 2, 2, 1.0] AS i RETURN l, i, count(*) AS n, collect(i) AS c", false),
        ("UNWIND [[1, 2]] AS a UNWIND [a, a, [1, 2], a] AS l UNWIND range(0, 2) AS i WITH l, CASE WHEN i = 1 THEN l ELSE [1.0, 2] END AS m RETURN l, m, count(*) AS n", false),
    ];

    private static readonly object Parameters = new { k = "p3" };

    private static Task<List<string>> Run(GraphDatabase db, string query, bool ordered) => PlanComparison.Rows(db, query, Parameters, ordered);

    [Fact]
    public async Task GroupingAndCollect_Should_GiveTheInterpretersRows_When_Planned()
    {
        await using var db = await Graph();
        var errors = 0;
        var nonEmpty = 0;
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
            if (planned.Count > 0 && planned[0].StartsWith("error", StringComparison.Ordinal)) errors++;
            else if (planned.Count > 0) nonEmpty++;
        }
        // Every statement but the type error returns rows; the type error fails both ways.
        Assert.Equal(Corpus.Length - 1, nonEmpty);
        Assert.Equal(1, errors);
    }

    /// <summary>The grouped rows themselves, so equal-but-wrong answers both ways would still fail: a list key seen
    /// as the same object, as an equal list, as 1.0 for 1 and with NaN groups once.</summary>
    [Fact]
    public async Task Grouping_Should_PutEquivalentListsInOneGroup_When_TheKeyIsAList()
    {
        await using var db = await Graph();
        var rows = await Run(db, Corpus[0].Query, false);
        Assert.Equal(
            ["l=[1,null] | n=4", "l=[[2,[1,null]]] | n=2", "l=[dNaN] | n=2", "l=null | n=2"],
            rows);
        var collected = await Run(db, Corpus[4].Query, true);
        Assert.Equal(["c=[1,2] | d=[1,2,9] | e=[9,1,2] | n=2 | first=1"], collected);
    }

    /// <summary>stdev and the percentiles (left to the interpreter) keep their values only once they have one: over
    /// nulls alone they give 0.0 and null, over values the usual figures.</summary>
    [Fact]
    public async Task Aggregates_Should_AnswerOverNoValues_When_OnlyNullsArrive()
    {
        await using var db = await Graph();
        Assert.Equal(["sd=d0 | p=null | pd=null | c=[]"],
            await Run(db, "UNWIND [null, null] AS x RETURN stdev(x) AS sd, percentileCont(x, 0.5) AS p, percentileDisc(x, 0.5) AS pd, collect(x) AS c", true));
        Assert.Equal(["sd=d1 | p=d2 | pd=2 | c=[1,2,3]"],
            await Run(db, "UNWIND [1, null, 2, 3] AS x RETURN stdev(x) AS sd, percentileCont(x, 0.5) AS p, percentileDisc(x, 0.5) AS pd, collect(x) AS c", true));
    }
}
