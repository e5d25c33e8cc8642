using KnowledgeGraph.Cypher.Planning;
using KnowledgeGraph.Cypher.Session;
using KnowledgeGraph.Cypher.Syntax.Ast;
using KnowledgeGraph.Driver;

namespace KnowledgeGraph.Cypher.Tests.Planning;

/// <summary>
/// EagerAggregation keeping its groups flat (collect building its list in the output row, counts in one array, the
/// evaluator's aggregator only for the other aggregates), and Expand(Into) passing its input rows up unpooled below
/// an aggregation (the aggregation then keeps each group's first row as its output row). Each statement runs planned
/// and with the interpreter forced and must answer the same; the plan of the `paths` hop shape must write in place.
/// </summary>
public sealed class AggregationRowsTests
{
    // Parallel relationships, so Expand(Into) finds several per pair; people without an age give nulls.
    private static Task<GraphDatabase> Graph() => KnowsGraph.CreateAsync(seed: 17, people: 40, noAgeOneIn: 4, ageSpan: 50, relationships: 170, among: 18, weights: 4);

    private const string HopShape = "MATCH (a:Person)-[:KNOWS]->(b) WITH collect([a, b]) AS pairs UNWIND pairs AS p WITH p[0] AS x, p[1] AS y "
        + "MATCH (x)-[r:KNOWS]-(y) RETURN x.key AS x, y.key AS y, collect(r.w) AS ws, count(*) AS n, count(r.w) AS nw";

    /// <summary>Statements and whether their row order is defined.</summary>
    private static readonly (string Query, bool Ordered)[] Corpus =
    [
        // Expand(Into) over fresh rows (Unwind) under an aggregation: several matches per input row, more rows than a batch.
        (HopShape, false),
        ("MATCH (a:Person)-[:KNOWS]->(b) WITH collect([a, b]) AS pairs UNWIND pairs AS p WITH p[0] AS x, p[1] AS y MATCH (x)-[r:KNOWS]-(y) WHERE r.w > 1 WITH x, collect(r) AS rs RETURN x.key AS x, size(rs) AS n, [r IN rs | r.w] AS ws", false),
        // Every kind of aggregate side by side, over nulls, one group and many, and over no rows at all.
        ("MATCH (a:Person)-[r:KNOWS]-(b) RETURN a.age % 4 AS g, collect(b.age) AS ages, count(b.age) AS n, count(*) AS all, sum(r.w) AS s, min(b.age) AS lo, max(b.key) AS hi, avg(r.w) AS mean, collect(DISTINCT b.age % 3) AS kinds, count(DISTINCT b) AS people", false),
        ("MATCH (a:Person) RETURN collect(a.age) AS ages, count(a.age) AS n, count(*) AS all, sum(a.age) AS s", false),
        ("MATCH (a:Person) WHERE a.age > 1000 RETURN collect(a.age) AS ages, count(a.age) AS n, count(*) AS all, sum(a.age) AS s, min(a.age) AS lo", false),
        ("MATCH (a:Person) WHERE a.age > 1000 RETURN a.age AS g, collect(a.key) AS ks, count(*) AS n", false),
        ("UNWIND [null, null, 1, 1.0, [1], [1.0], null] AS x RETURN x, collect(x) AS xs, count(x) AS n, count(*) AS all", false),
        // A group's first row kept as its output row, with stages above writing into it.
        ("UNWIND range(1, 3000) AS i WITH i % 13 AS g, i WITH g, collect(i) AS is, count(*) AS n WITH g, is, n, size(is) + n AS t RETURN g, t, is[0] AS first, is[-1] AS last", false),
    ];

    private static Task<List<string>> Run(GraphDatabase db, string query, bool ordered) => PlanComparison.Rows(db, query, null, ordered);

    [Fact]
    public async Task Aggregations_Should_GiveTheInterpretersRows_When_Planned()
    {
        await using var db = await Graph();
        foreach (var (query, ordered) in Corpus)
        {
            var plan = (await db.Q("EXPLAIN " + query, null, AccessMode.Read)).Summary.Plan!;
            Assert.True("PIPELINED".Equals(plan.Arguments["runtime"]), query);
            var planned = await Run(db, query, ordered);
            List<string> interpreted;
            using (PlannerSwitch.UseInterpreter()) interpreted = await Run(db, query, ordered);
            Assert.True(interpreted.SequenceEqual(planned), $"{query}\n interpreted: {string.Join(" ; ", interpreted.Take(6))}\n planned:     {string.Join(" ; ", planned.Take(6))}");
        }
    }

    [Fact]
    public async Task ExpandInto_Should_WriteInPlace_When_AnAggregationKeepsItsRows()
    {
        await using var db = await Graph();
        Assert.NotEmpty(await Run(db, HopShape, ordered: false));
        var plan = PlanCache.Peek((SingleQuery)((QueryStatement)StatementRunner.Parse(HopShape, db)).Query);
        Assert.NotNull(plan);
        var ops = new List<PlanOperator>();
        for (PlanOperator? op = plan.Root; op is not null; op = op.Child) ops.Add(op);
        var aggregation = ops.OfType<AggregationOperator>().First();
        var into = ops.OfType<ExpandOperator>().Single(e => e.Into);
        Assert.True(aggregation.ReusesInputRows, "the aggregation keeps each group's first row");
        Assert.False(into.ReuseRows, "Expand(Into) writes into its input rows instead of pooling copies");
    }
}
