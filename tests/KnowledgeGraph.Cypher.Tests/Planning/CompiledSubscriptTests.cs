namespace KnowledgeGraph.Cypher.Tests.Planning;

/// <summary>
/// <c>l[i]</c> and <c>m[k]</c> read the engine's own lists and maps directly when compiled
/// (ExpressionCompiler.Lists.cs, Subscript): each case must answer, and fail, as the interpreter's
/// <c>Evaluator.Index</c>: negative indexes from the end, out of range and missing keys as null, lists from
/// parameters, collect and the store, ranges, and the errors of a wrong index type.
/// </summary>
public sealed class CompiledSubscriptTests
{
    private static readonly (string Query, string Expected)[] Cases =
    [
        ("UNWIND [0, 2, -1, -3, 3, -4] AS i WITH i, [10, 20, 30] AS l RETURN l[i] AS v, [x IN l | x * 2][i] AS d, range(1, 3)[i] AS r",
            "v=10 | d=20 | r=1;v=30 | d=60 | r=3;v=30 | d=60 | r=3;v=10 | d=20 | r=1;v=null | d=null | r=null;v=null | d=null | r=null"),
        ("UNWIND ['a', 'b', 'z'] AS k WITH k, {a: 1, b: null} AS m RETURN m[k] AS v, $weights[k] AS w",
            "v=1 | w=d0.5;v=null | w=null;v=null | w=null"),
        ("UNWIND [1, -1] AS i RETURN $names[i] AS n, $ints[i] AS v", "n='y' | v=2;n='y' | v=2"),
        ("MATCH (p:P) WITH collect(p.k) AS ks, p.k AS k ORDER BY k RETURN ks[0] AS a, [ks, k][1] AS b", "a='a' | b='a';a='b' | b='b'"),
        ("MATCH (p:P {k: 'a'}) RETURN p['k'] AS k, p['missing'] AS m", "k='a' | m=null"),
        ("UNWIND [null] AS x RETURN [1][x] AS a, x[0] AS b, {a: 1}[x] AS c", "a=null | b=null | c=null"),
        ("UNWIND [1.0, 1] AS i RETURN [1, 2][i] AS v", "error"),
        ("UNWIND ['0', 1] AS i RETURN [1, 2][i] AS v", "error"),
        ("UNWIND [0, 'a'] AS k RETURN {a: 1}[k] AS v", "error"),
        ("UNWIND [5, [1]] AS t RETURN t[0] AS v", "error"),
    ];

    private static readonly object Parameters = new
    {
        weights = new Dictionary<string, object?> { ["a"] = 0.5, ["b"] = null },
        names = new[] { "x", "y" },
        ints = new List<object?> { 1L, 2L },
    };

    [Fact]
    public async Task Subscripts_Should_AnswerAsTheInterpreter_When_Planned()
    {
        await using var db = GraphDatabase.CreateInMemory();
        await db.Q("CREATE (:P {k: 'a'}), (:P {k: 'b'})");
        foreach (var (query, expected) in Cases)
            await PlanComparison.AssertPlannedAsInterpreted(db, query, Parameters, expected);
    }
}
