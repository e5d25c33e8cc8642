namespace KnowledgeGraph.Cypher.Tests.Planning;

/// <summary>
/// Arithmetic and comparisons on numbers are computed in the compiled operator when both operands are integers or
/// doubles (ExpressionCompiler.Numbers.cs), and by the evaluator otherwise: every case must answer, and fail,
/// exactly as the interpreter, at the edges where the two could part (overflow, integer division, NaN, -0.0, an
/// integer against a double, nulls, strings, lists, temporals).
/// </summary>
public sealed class CompiledArithmeticTests
{
    private const string Pairs = "UNWIND [[1, 2], [7, -2], [2.5, 2], [2, 0.5], [0.1, 0.2], [-0.0, 0.0], [0.0, -0.0], [9007199254740993, 9007199254740992.0], "
        + "[9223372036854775807, 9.223372036854776E18], [1, null], [null, 1.5], ['a', 1], [1, 'a'], [[1], 2], [2, [1]]] AS p WITH p[0] AS a, p[1] AS b ";

    private static readonly (string Query, string? Expected)[] Cases =
    [
        (Pairs + "RETURN a + b AS s", null),
        (Pairs + "WHERE NOT a IN ['a'] AND NOT b IN ['a'] AND NOT a IN [[1]] AND NOT b IN [[1]] OR a IS NULL OR b IS NULL "
            + "RETURN a - b AS d, a * b AS m, a < b AS lt, a <= b AS le, a > b AS gt, a >= b AS ge", null),
        (Pairs + "WHERE (b <> 0 OR b IS NULL) AND NOT a IN ['a'] AND NOT b IN ['a'] AND NOT a IN [[1]] AND NOT b IN [[1]] OR a IS NULL OR b IS NULL RETURN a / b AS q", null),
        ("UNWIND [[1.0, 0.0], [-1.0, 0.0], [0.0, 0.0], [1, 0.0], [0.0 / 0.0, 1.0], [1.0, 0.0 / 0.0], [0.0 / 0.0, 1]] AS p WITH p[0] AS a, p[1] AS b "
            + "RETURN a / b AS q, a < b AS lt, a <= b AS le, a > b AS gt, a >= b AS ge, a + b AS s", null),
        ("UNWIND [3] AS x RETURN x + 4 AS a, x - 5 AS b, x * -6 AS c, x / 2 AS d, x * 0.5 AS e, 0.5 + x AS f, x - 0.25 AS g", "a=7 | b=-2 | c=-18 | d=1 | e=d1.5 | f=d3.5 | g=d2.75"),
        ("UNWIND [date('2020-01-01')] AS d RETURN d + duration('P1D') AS a, d - duration('P1D') AS b, duration('P1D') * 2 AS c, d < date('2021-01-01') AS e", null),
        ("UNWIND [[1, 2], 'ab'] AS l RETURN l + 3 AS a", null),
        // Overflow and integer division: the evaluator's errors.
        ("UNWIND [9223372036854775807] AS x RETURN x + 1 AS v", "error"),
        ("UNWIND [-9223372036854775807] AS x RETURN x - 2 AS v", "error"),
        ("UNWIND [4611686018427387904] AS x RETURN x * 2 AS v", "error"),
        ("UNWIND [-4611686018427387904] AS x RETURN x * 2 AS v", "v=-9223372036854775808"),
        ("UNWIND [3037000500] AS x RETURN x * -3037000500 AS v", "error"),
        ("UNWIND [0] AS z RETURN 7 / z AS v", "error"),
        ("UNWIND ['a', 1] AS x RETURN x * 2 AS v", "error"),
        ("UNWIND ['a', 1] AS x RETURN x < 2 AS v", "v=null;v=True"),
    ];

    [Fact]
    public async Task NumericOperators_Should_AnswerAsTheInterpreter_When_Planned()
    {
        await using var db = GraphDatabase.CreateInMemory();
        foreach (var (query, expected) in Cases)
            await PlanComparison.AssertPlannedAsInterpreted(db, query, null, expected);
    }

    [Fact]
    public async Task DoubleResults_Should_KeepTheirBits_When_ComputedByTheCompiledOperator()
    {
        // -0.0 and the sign of a zero divisor survive; a long beside a double is converted as the evaluator does.
        await using var db = GraphDatabase.CreateInMemory();
        var rows = await PlanComparison.Rows(db, "UNWIND [-0.0] AS z RETURN z + -0.0 AS a, 1.0 / z AS b, z * 3 AS c, 9007199254740993 * 1.0 AS d", null, true);
        Assert.Equal("a=d-0 | b=d-Infinity | c=d-0 | d=d9007199254740992", Assert.Single(rows));
    }
}
