using KnowledgeGraph.Driver;

namespace KnowledgeGraph.Cypher.Tests;

/// <summary>
/// List comprehensions, list predicates and reduce bind their variable once per element in one scratch row rather
/// than a copy of the row per element: nested scopes, shadowing, subqueries and pattern comprehensions reading the
/// element, and results kept across elements must see each element's own binding.
/// </summary>
public sealed class ListScopeTests
{
    private static async Task<object?> One(GraphDatabase db, string expression)
    {
        var r = await db.Q("RETURN " + expression + " AS v", null, AccessMode.Read);
        return r.Records[0]["v"];
    }

    [Fact]
    public async Task Evaluate_Should_BindEachElement_When_ScopesAreNestedAndShadowed()
    {
        await using var db = GraphDatabase.CreateInMemory();
        Assert.Equal(new List<object?> { new List<object?> { 2L, 3L }, new List<object?> { 3L }, new List<object?>() },
            await One(db, "[x IN [1, 2, 3] | [y IN [1, 2, 3] WHERE y > x]]"));
        // The inner x shadows the outer one only inside the inner comprehension.
        Assert.Equal(new List<object?> { new List<object?> { 10L, 1L }, new List<object?> { 20L, 2L } },
            await One(db, "[x IN [1, 2] | [x IN [x * 10] | x] + [x]]"));
        Assert.Equal(true, await One(db, "all(x IN [1, 2, 3] WHERE any(x IN [x, -x] WHERE x > 0))"));
        Assert.Equal(false, await One(db, "all(x IN [1, 2, 3] WHERE none(y IN [1, 2, 3] WHERE y = x + 1))"));
        Assert.Equal(true, await One(db, "single(x IN [1, 2, 3] WHERE x = 2)"));
        Assert.Equal(new List<object?> { 1L, 2L, 3L, 2L, 3L, 3L },
            await One(db, "reduce(acc = [], x IN [1, 2, 3] | acc + [y IN [1, 2, 3] WHERE y >= x])"));
        Assert.Equal(6L, await One(db, "reduce(s = 0, x IN [1, 2, 3] | s + reduce(t = 0, x IN [x] | t + x))"));
        Assert.Equal("c b a ", await One(db, "reduce(s = '', x IN ['a', 'b', 'c'] | x + ' ' + s)"));
    }

    [Fact]
    public async Task Evaluate_Should_KeepEachElementsResult_When_ResultsAreCollectedAcrossElements()
    {
        await using var db = GraphDatabase.CreateInMemory();
        // Maps and lists built per element hold that element's values, not the last one's.
        Assert.Equal(new List<object?>
            {
                new Dictionary<string, object?> { ["x"] = 1L, ["l"] = new List<object?> { 1L } },
                new Dictionary<string, object?> { ["x"] = 2L, ["l"] = new List<object?> { 2L } },
            },
            await One(db, "[x IN [1, 2] | {x: x, l: [x]}]"));
        Assert.Equal(new List<object?> { 1L, 2L, 3L }, await One(db, "[x IN [1, 2, 3]]"));
        Assert.Null(await One(db, "[x IN null | x]"));
        Assert.Null(await One(db, "reduce(s = 0, x IN null | s + x)"));
        Assert.Equal(5L, await One(db, "reduce(s = 5, x IN [] | s + x)"));
    }

    [Fact]
    public async Task Evaluate_Should_SeeTheElement_When_ASubqueryOrPatternComprehensionReadsIt()
    {
        await using var db = GraphDatabase.CreateInMemory();
        await db.Q("UNWIND range(1, 4) AS i CREATE (:N {i: i})-[:T]->(:M {i: i * 10})");
        var r = await db.Q("""
            RETURN [x IN [3, 1, 2] | COLLECT { MATCH (n:N) WHERE n.i <= x RETURN n.i ORDER BY n.i }] AS sub,
                   [x IN [2, 4] | [(n:N)-[:T]->(m) WHERE n.i = x | m.i]] AS pc,
                   [x IN [1, 2, 3, 4] WHERE EXISTS { MATCH (n:N {i: x})-[:T]->(m:M) WHERE m.i > 15 }] AS ex,
                   reduce(acc = [], x IN [2, 1] | acc + [COUNT { MATCH (n:N) WHERE n.i > x }]) AS counts
            """, null, AccessMode.Read);
        Assert.Equal(new List<object?> { new List<object?> { 1L, 2L, 3L }, new List<object?> { 1L }, new List<object?> { 1L, 2L } }, r.Records[0]["sub"]);
        Assert.Equal(new List<object?> { new List<object?> { 20L }, new List<object?> { 40L } }, r.Records[0]["pc"]);
        Assert.Equal(new List<object?> { 2L, 3L, 4L }, r.Records[0]["ex"]);
        Assert.Equal(new List<object?> { 2L, 3L }, r.Records[0]["counts"]);
    }

    [Fact]
    public async Task Evaluate_Should_UseEachRowsValues_When_AComprehensionRunsOncePerRow()
    {
        await using var db = GraphDatabase.CreateInMemory();
        var r = await db.Q("UNWIND [1, 2, 3] AS k RETURN k, [x IN range(1, k) | x * k] AS l, reduce(s = 0, x IN range(1, k) | s + x) AS s ORDER BY k", null, AccessMode.Read);
        Assert.Equal(new List<object?> { new List<object?> { 1L }, new List<object?> { 2L, 4L }, new List<object?> { 3L, 6L, 9L } }, r.Column("l"));
        Assert.Equal(new List<object?> { 1L, 3L, 6L }, r.Column("s"));
    }
}
