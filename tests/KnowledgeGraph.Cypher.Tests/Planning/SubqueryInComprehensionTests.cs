using KnowledgeGraph.Cypher.Planning;
using KnowledgeGraph.Driver;

namespace KnowledgeGraph.Cypher.Tests.Planning;

/// <summary>
/// A COLLECT / COUNT / EXISTS subquery inside a list comprehension, quantifier or reduce the compiler covers reads
/// that expression's locals (the `paths` statement sorts each hop's relationships with
/// <c>[j IN … | COLLECT { UNWIND q.hrs[j] AS r … ORDER BY … }]</c>): it is planned with its statement and must give the
/// interpreter's rows, locals shadowing outer variables included.
/// </summary>
public sealed class SubqueryInComprehensionTests
{
    private static async Task<GraphDatabase> Graph()
    {
        var db = GraphDatabase.CreateInMemory();
        await db.Q("UNWIND range(0, 5) AS i CREATE (:P {k: i, name: 'p' + i})");
        await db.Q("MATCH (a:P), (b:P) WHERE (a.k + b.k) % 3 = 0 AND a.k < b.k CREATE (a)-[:R {w: a.k * 10 + b.k}]->(b)");
        return db;
    }

    /// <summary>Runs <paramref name="query"/> planned (asserting the plan has a RollUpApply, so the subquery is
    /// planned, not left to the interpreter) and interpreted, and compares the rows in order.</summary>
    private static async Task<List<string>> Same(GraphDatabase db, string query, object? parameters = null)
    {
        var plan = (await db.Q("EXPLAIN " + query, parameters, AccessMode.Read)).Summary.Plan!;
        Assert.Equal("PIPELINED", plan.Arguments["runtime"]);
        var rows = await PlanComparison.Rows(db, query, parameters, true);
        List<string> interpreted;
        using (PlannerSwitch.UseInterpreter())
            interpreted = await PlanComparison.Rows(db, query, parameters, true);
        Assert.Equal(interpreted, rows);
        return rows;
    }

    [Fact]
    public async Task Collect_Should_SortEachItem_When_ItReadsTheComprehensionsVariable()
    {
        await using var db = await Graph();
        var rows = await Same(db, "WITH [[3, 1, 2], [], [5, 4], null] AS ls RETURN [j IN range(0, size(ls) - 1) | COLLECT { UNWIND ls[j] AS x RETURN x ORDER BY x DESC }] AS sorted");
        Assert.Equal("sorted=[[3,2,1],[],[5,4],[]]", rows.Single());
    }

    [Fact]
    public async Task Subqueries_Should_GiveTheInterpretersRows_When_TheyReadLocalsOfComprehensionsQuantifiersAndReduce()
    {
        await using var db = await Graph();
        foreach (var query in new[]
        {
            // A node local: each person's neighbours, sorted, per outer row.
            "MATCH (a:P) WITH a ORDER BY a.k RETURN a.k AS k, [n IN COLLECT { MATCH (a)--(m) RETURN m } | [x IN [n] | COLLECT { MATCH (x)-[r]-(y) RETURN r.w AS w ORDER BY w }]] AS ws",
            // A local shadowing an outer variable of the same name.
            "MATCH (a:P) WITH a ORDER BY a.k RETURN [a IN [1, 2] | COUNT { MATCH (b:P) WHERE b.k > a }] AS counts",
            // Quantifiers and reduce.
            "MATCH (a:P) WITH a ORDER BY a.k RETURN a.k, any(x IN [1, 4] WHERE EXISTS { MATCH (a)--(b:P {k: x}) }) AS near, all(x IN range(0, 2) WHERE COUNT { MATCH (a)--(b) WHERE b.k > x } > 0) AS every",
            "MATCH (a:P) WITH a ORDER BY a.k RETURN reduce(s = [], x IN [2, 0, 1] | s + COLLECT { MATCH (a)--(b) WHERE b.k >= x RETURN b.k ORDER BY b.k LIMIT 1 }) AS firsts",
            // A parameter-bounded LIMIT inside, read per item.
            "UNWIND [0, 1] AS o RETURN o, [j IN range(0, 2) | COLLECT { MATCH (p:P) WHERE p.k >= j + o RETURN p.k ORDER BY p.k LIMIT $n }] AS firsts",
        })
            Assert.NotEmpty(await Same(db, query, new { n = 2L }));
    }

    [Fact]
    public async Task Explain_Should_ShowARollUpApply_When_ACollectInsideAComprehensionIsPlanned()
    {
        await using var db = await Graph();
        var plan = (await db.Q("EXPLAIN MATCH (a:P) RETURN [j IN range(0, 2) | COLLECT { MATCH (a)--(b) WHERE b.k > j RETURN b.k }] AS x", null, AccessMode.Read)).Summary.Plan!;
        Assert.Equal("PIPELINED", plan.Arguments["runtime"]);
        Assert.Contains(Flatten(plan), p => p.OperatorType == "RollUpApply");
    }

    private static IEnumerable<PlanNode> Flatten(PlanNode p) => new[] { p }.Concat(p.Children.SelectMany(Flatten));
}
