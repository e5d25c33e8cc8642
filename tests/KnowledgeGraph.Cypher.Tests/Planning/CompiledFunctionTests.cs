namespace KnowledgeGraph.Cypher.Tests.Planning;

/// <summary>
/// <c>coalesce</c>, <c>size</c> and <c>type</c> are compiled to direct calls without an argument array
/// (ExpressionCompiler.Functions.cs): each must answer, and fail, exactly as the registry's function under the
/// interpreter, including evaluating every argument of <c>coalesce</c> before choosing one.
/// </summary>
public sealed class CompiledFunctionTests
{
    private static readonly (string Query, string Expected)[] Cases =
    [
        ("UNWIND [[null, null, 3], [null, 2, 3], [1, null, null], [null, null, null], [false, true, null]] AS l "
            + "RETURN coalesce(l[0], l[1]) AS a, coalesce(l[0], l[1], l[2]) AS b",
            "a=null | b=3;a=2 | b=2;a=1 | b=1;a=null | b=null;a=False | b=False"),
        ("UNWIND [null, '', 'abc', 'é€𝄞', [], [1, [2, 3]], range(1, 4)] AS x RETURN size(x) AS s",
            "s=null;s=0;s=3;s=4;s=0;s=2;s=4"),
        ("MATCH (a)-[r]->(b) RETURN type(r) AS t, coalesce(size(r.origins), size(r.sources), 0) AS k ORDER BY t",
            "t='ATTENDED' | k=0;t='LEADS' | k=2;t='MEETS' | k=3"),
        ("UNWIND [null] AS x RETURN type(x) AS t, size(x) AS s, coalesce(x, x) AS c", "t=null | s=null | c=null"),
        // Errors: every argument of coalesce is evaluated, even after a non-null one; values the functions reject.
        ("UNWIND [5, 'x'] AS n RETURN coalesce(1, size(n)) AS v", "error"),
        ("UNWIND [5, 'x'] AS n RETURN coalesce(n, 2, size(n)) AS v", "error"),
        ("UNWIND [{a: 1}, 'x'] AS m RETURN size(m) AS v", "error"),
        ("MATCH (a)-[r:LEADS]->(b) WITH [a, 1][0] AS x RETURN size(x) AS v", "error"),
        ("UNWIND ['ATTENDED', 1] AS x RETURN type(x) AS v", "error"),
        ("MATCH (a)-[r:LEADS]->(b) WITH [a, 1][0] AS x RETURN type(x) AS v", "error"),
    ];

    [Fact]
    public async Task DirectFunctions_Should_AnswerAsTheInterpreter_When_Planned()
    {
        await using var db = GraphDatabase.CreateInMemory();
        await db.Q("CREATE (a:P {k: 'a'}), (b:P {k: 'b'}), (m:M {k: 'm'}), (a)-[:LEADS {origins: ['x', 'y']}]->(b), "
            + "(a)-[:MEETS {sources: ['s', 't', 'u']}]->(b), (b)-[:ATTENDED]->(m)");
        foreach (var (query, expected) in Cases)
            await PlanComparison.AssertPlannedAsInterpreted(db, query, null, expected);
    }
}
