using KnowledgeGraph.Cypher.Execution;
using KnowledgeGraph.Cypher.Planning;
using KnowledgeGraph.Cypher.Runtime;
using KnowledgeGraph.Cypher.Syntax;
using KnowledgeGraph.Cypher.Syntax.Ast;

namespace KnowledgeGraph.Cypher.Tests.Planning;

/// <summary>
/// What compiled expressions cost per evaluation (the GraphQL <c>paths</c> statement evaluates hundreds per request):
/// each test compiles one expression as the planner does, runs it on this thread against a real store and counts the
/// bytes this thread allocated (exact, unlike sampling). The differential test beside them checks that the cheaper
/// forms answer as the interpreter does, errors included.
/// </summary>
public sealed class CompiledExpressionCostTests
{
    /// <summary>Bytes allocated by <paramref name="runs"/> evaluations of <paramref name="expression"/> after a
    /// first one (which may fill caches), and the last value.</summary>
    private static (long Bytes, object? Value) Cost(string expression, Dictionary<string, object?>? parameters = null, int runs = 20)
    {
        var db = GraphDatabase.CreateInMemory();
        try
        {
            return Cost(db, expression, parameters, runs);
        }
        finally
        {
            db.DisposeAsync().AsTask().GetAwaiter().GetResult();
        }
    }

    private static (long Bytes, object? Value) Cost(GraphDatabase db, string expression, Dictionary<string, object?>? parameters, int runs)
    {
        var statement = (QueryStatement)CypherParser.Parse("RETURN " + expression + " AS v");
        var e = ((ReturnClause)((SingleQuery)statement.Query).Clauses[0]).Body.Items[0].Expression;
        var layout = new SlotLayout();
        var compiled = ExpressionCompiler.Compile(e, _ => null, null, layout) ?? throw new InvalidOperationException("not compiled: " + expression);
        using var reader = db.Store.BeginRead();
        var prms = new Dictionary<string, object?>(StringComparer.Ordinal);
        foreach (var (k, v) in parameters ?? []) prms[k] = Output.FromClient(v);
        var ctx = new ExecContext(reader, null, prms, db, null, CancellationToken.None, DateTimeOffset.UtcNow) { Subqueries = SubqueryRunner.Instance };
        var row = new object?[Math.Max(1, layout.Width)];
        var value = compiled(row, ctx);
        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < runs; i++) value = compiled(row, ctx);
        return (GC.GetAllocatedBytesForCurrentThread() - before, value);
    }

    [Fact]
    public void StringFold_Should_AllocateInProportionToItsResult_When_ItAppendsStrings()
    {
        // 2,000 pieces of 21 characters: copying the accumulator at each addition allocates about 170 MB per
        // evaluation; appending allocates the result (84 KB) and little else.
        var words = Enumerable.Range(0, 2000).Select(i => (object?)("word" + i.ToString("D16", System.Globalization.CultureInfo.InvariantCulture))).ToList();
        var (bytes, value) = Cost("reduce(t = '', w IN $words | t + w + ' ')", new() { ["words"] = words }, runs: 1);
        Assert.Equal(string.Concat(words.Select(w => w + " ")), value);
        Assert.True(bytes < 1_000_000, $"{bytes:N0} bytes for one fold");
    }

    [Theory]
    [InlineData("reduce(o = [], x IN $items | o + [x])")]
    [InlineData("reduce(o = [], x IN $items | o + [y IN [x, 1] WHERE NOT y IN o])")]
    public void ListFold_Should_AllocateInProportionToItsResult_When_ItAppendsToTheAccumulator(string expression)
    {
        // 3,000 additions: copying the accumulator at each allocates about 36 MB per evaluation.
        var items = Enumerable.Range(2, 3000).Select(i => (object?)(long)i).ToList();
        var (bytes, value) = Cost(expression, new() { ["items"] = items }, runs: 1);
        Assert.Equal(3000, ((IReadOnlyList<object?>)value!).Count - (expression.Contains("NOT", StringComparison.Ordinal) ? 1 : 0));
        Assert.True(bytes < 1_000_000, $"{bytes:N0} bytes for one fold");
    }

    [Theory]
    [InlineData("all(i IN range(0, 20) WHERE i >= 0)")]
    [InlineData("reduce(s = 0, i IN range(1, 20, 2) | s + i)")]
    [InlineData("any(i IN range($n, 0, -1) WHERE i = 3)")]
    public void RangeLoop_Should_BuildNoList_When_ItIteratesARange(string expression)
    {
        var (bytes, _) = Cost(expression, new() { ["n"] = 10L });
        Assert.Equal(0, bytes);
    }

    [Fact]
    public void DoubleArithmetic_Should_ReuseBoxes_When_ItRepeatsAValue()
    {
        var (bytes, value) = Cost("reduce(s = 0.5, i IN range(1, 50) | s * 1.0 + 0.0)");
        Assert.Equal(0.5, value);
        Assert.Equal(0, bytes);
    }

    [Fact]
    public void SharedDoubleBoxes_Should_HoldTheExactBits_When_ValuesCollide()
    {
        var random = new Random(7);
        double[] specials = [0.0, -0.0, double.NaN, BitConverter.Int64BitsToDouble(0x7FF8_0000_0000_0001), double.PositiveInfinity, double.Epsilon, 1.0, 0.1 + 0.2];
        for (var round = 0; round < 3; round++)
        {
            foreach (var x in specials.Concat(Enumerable.Range(0, 5000).Select(_ => random.NextDouble() * 10)))
                Assert.Equal(BitConverter.DoubleToInt64Bits(x), BitConverter.DoubleToInt64Bits((double)KnowledgeGraph.Cypher.Values.Boxed.Of(x)));
        }
    }

    [Fact]
    public void ListOfLiterals_Should_BeBuiltOnce_When_EvaluatedAgain()
    {
        var (bytes, value) = Cost("size(coalesce($missing, [])) + size(['a', 'b'])", new() { ["missing"] = null });
        Assert.Equal(2L, value);
        Assert.Equal(0, bytes);
    }

    [Fact]
    public async Task ValuesCrossingTheEngineEdge_Should_AllocateNothing_When_TheyNeedNoCopy()
    {
        await using var db = GraphDatabase.CreateInMemory();
        using var reader = db.Store.BeginRead();
        var ctx = new ExecContext(reader, null, new Dictionary<string, object?>(), db, null, CancellationToken.None, DateTimeOffset.UtcNow) { Subqueries = SubqueryRunner.Instance };
        var built = new List<object?> { "a", 1L, 2.5, new Dictionary<string, object?>(StringComparer.Ordinal) { ["k"] = "v" } };
        object scalar = 3L;
        Output.ToClient(built, ctx);
        Output.FromClient(scalar);
        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < 10; i++)
        {
            Assert.Same(built, Output.ToClient(built, ctx));
            Output.FromClient("x");
            Output.FromClient(scalar);
        }
        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
    }

    private static readonly (string Query, bool Ordered)[] Corpus =
    [
        // String folds: numbers appended, a null or a list met half way, a non-string start, the item named like
        // the accumulator, a piece that reads the accumulator, results past the concatenation guard's 1,024.
        ("UNWIND [['a', 'b'], ['a', 1, 2.5], ['a', null, 'c'], ['a', [1], 'c'], [], null] AS l RETURN reduce(t = '', x IN l | t + x + '-') AS v", true),
        ("UNWIND [0, 'x', null, [1]] AS s RETURN reduce(t = s, x IN ['a', 'b'] | t + x) AS v", true),
        ("UNWIND [['a', 'b']] AS l RETURN reduce(x = '', x IN l | x + x) AS a, reduce(t = '', x IN l | t + size(t) + x) AS b, reduce(t = '', x IN l | t + [y IN [x] | y][0]) AS c", true),
        ("MATCH (p:P) RETURN reduce(t = 'k:', q IN [p, p] | t + q.k + ' ') AS seq, reduce(t = '', q IN [p] | t + q.n) AS n", false),
        ("UNWIND [200, 300] AS n RETURN size(reduce(t = '', i IN range(1, n) | t + 'abcde' + i)) AS len", true),
        ("UNWIND [1] AS one RETURN reduce(t = '', x IN ['a', one = 1] | t + x) AS e", true),
        ("UNWIND [1] AS one RETURN reduce(t = '', x IN ['a', {k: one}] | t + x) AS e", true),
        ("UNWIND [1] AS one RETURN reduce(t = 'd', x IN [date('2020-01-01')] | t + x) AS e", true),
        // List folds: appending lists, scalars, strings, null; initial values (a literal, a variable, a parameter, a
        // range) that must stay as they were; pieces that test membership in the accumulator, or keep it (not
        // appended in place); results past the guard's 1,024.
        ("UNWIND [[[1], [2, 3]], [[1], null, [2]], [1, [2]], ['a', 'b'], []] AS l RETURN reduce(o = [], x IN l | o + x) AS a, reduce(o = [0], x IN l | o + x + [9]) AS b", true),
        ("UNWIND [1] AS one WITH [one] AS init, one RETURN reduce(o = init, x IN [2, 3] | o + x) AS r, init, reduce(o = [], x IN [one] | o + x) AS e, [] AS empty, reduce(o = $ints, x IN [9] | o + x) AS p, $ints AS ints", true),
        ("UNWIND [2] AS n RETURN reduce(o = range(1, n), x IN [3] | o + x) AS a, reduce(t = 'a', x IN [[1], 'b'] | t + x) AS b", true),
        ("UNWIND [[1, 2, 1, 3], [], null] AS l RETURN reduce(o = [], x IN l | o + [y IN [x, x * 2] WHERE NOT y IN o]) AS a, reduce(o = [], x IN l | o + [x] + [y IN [x] WHERE y IN o]) AS b", true),
        ("UNWIND [[1, 2]] AS l RETURN reduce(o = [], x IN l | o + [o]) AS a, reduce(o = [], m IN [{a: 1}, {a: 2}] | o + [m{.a, o}]) AS b, reduce(o = [], x IN l | o + size(o)) AS c", true),
        ("UNWIND [1500] AS n RETURN size(reduce(o = [], i IN range(1, n) | o + [i])) AS a, reduce(o = [], i IN range(1, n) | o + i)[1499] AS b", true),
        // Ranges iterated in place: steps, empty and backward ranges, null, wrong types, step 0.
        ("UNWIND [0, 1, 5] AS n RETURN [i IN range(0, n - 2) | i * 10] AS a, [i IN range(n, 0, -2) WHERE i > 1] AS b, reduce(s = 0, i IN range(1, n) | s + i) AS c, any(i IN range(0, n) WHERE i = 3) AS d", true),
        ("UNWIND [null, 1] AS n RETURN [i IN range(0, n) | i] AS a, all(i IN range(n, 2) WHERE i > 0) AS b, reduce(s = 0, i IN range(0, 2, n) | s + i) AS c", true),
        ("UNWIND [1.5] AS f RETURN [i IN range(0, f) | i] AS e", true),
        ("UNWIND [0] AS z RETURN reduce(s = 0, i IN range(0, 5, z) | s + i) AS e", true),
        ("UNWIND ['a'] AS a RETURN none(i IN range(a, 2) WHERE i = 1) AS e", true),
        ("UNWIND [3] AS n WITH range(0, n) AS r, n RETURN [i IN r | i] AS a, [i IN range(0, n) | i] AS b", true),
        // Constant lists: returned, concatenated, tested against, in a fold's start.
        ("UNWIND [1, 2] AS x RETURN [] AS e, [1, 'a', null, 2.5] AS l, [] + [x] AS c, x IN [1, 3] AS i, reduce(o = [], y IN [x] | o + [y]) AS r, coalesce(null, []) AS z", true),
    ];

    private static readonly Dictionary<string, object?> Parameters = new() { ["ints"] = new List<object?> { 1L, 2L } };

    [Fact]
    public async Task CheaperForms_Should_AnswerAsTheInterpreter_When_Planned()
    {
        await using var db = GraphDatabase.CreateInMemory();
        await db.Q("CREATE (:P {k: 'a', n: 1}), (:P {k: 'b', n: 2.5}), (:P {k: 'c'})");
        var errors = await PlanComparison.AssertCorpusPlannedAsInterpreted(db, Corpus, Parameters);
        Assert.Equal(6, errors);
    }

    [Fact]
    public async Task StringFold_Should_FailAsInterpreted_When_ItOutgrowsTheMemoryLimit()
    {
        await using var db = GraphDatabase.CreateInMemory(new GraphDatabaseOptions { TransactionMemoryLimit = 64 * 1024 });
        // Accounting reserves a megabyte at a time: the fold must pass that to meet the limit (1.6 MB here).
        const string query = "RETURN size(reduce(t = '', i IN range(1, 200) | t + $piece)) AS len";
        var parameters = new { piece = new string('x', 4096) };
        var planned = await PlanComparison.Rows(db, query, parameters, true);
        List<string> interpreted;
        using (PlannerSwitch.UseInterpreter()) interpreted = await PlanComparison.Rows(db, query, parameters, true);
        Assert.Equal(interpreted, planned);
        Assert.StartsWith("error", Assert.Single(planned), StringComparison.Ordinal);
    }
}
