using KnowledgeGraph.Errors;

namespace KnowledgeGraph.Cypher.Tests.Governance;

/// <summary>Deep input, deep values and long paths get clean errors on the small stacks of thread-pool threads.</summary>
public sealed class DeepNestingTests
{
    private static object Nest(int depth, bool map)
    {
        object value = 1L;
        for (var i = 0; i < depth; i++)
            value = map ? new Dictionary<string, object?> { ["a"] = value } : new List<object?> { value };
        return value;
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task MillionDeepParameter_Should_FailWithArgumentError_When_HandedToTheEngine(bool map)
    {
        await using var db = GraphDatabase.CreateInMemory();
        var deep = Nest(1_000_000, map);
        var e = await Task.Run(() => db.Fails("RETURN $p AS p", new Dictionary<string, object?> { ["p"] = deep }));
        Assert.Equal(ErrorCodes.ArgumentError, e.Code);
        Assert.Contains("nested too deeply", e.Message, StringComparison.Ordinal);
        Assert.Equal(1L, (await db.Q("RETURN 1 AS x")).Records[0]["x"]);
    }

    [Fact]
    public async Task ModeratelyDeepParameter_Should_RoundTrip_When_WithinTheLimit()
    {
        await using var db = GraphDatabase.CreateInMemory();
        var r = await Task.Run(() => db.Q("RETURN $p = $p AS same, $p AS p", new Dictionary<string, object?> { ["p"] = Nest(500, map: false) }));
        Assert.Equal(true, r.Records[0]["same"]);
    }

    [Theory]
    [InlineData("WITH reduce(a = [], x IN range(1, 200000) | [a]) AS deep RETURN deep")]
    [InlineData("WITH reduce(a = {}, x IN range(1, 200000) | {a: a}) AS deep RETURN deep")]
    [InlineData("WITH reduce(a = [], x IN range(1, 200000) | [a]) AS deep RETURN deep = deep AS same")]
    [InlineData("WITH reduce(a = [], x IN range(1, 200000) | [a]) AS deep RETURN count(DISTINCT deep) AS n")]
    [InlineData("WITH reduce(a = [], x IN range(1, 200000) | [a]) AS deep RETURN deep < deep AS less")]
    public async Task DeepValueBuiltByTheQuery_Should_FailCleanly_When_ReturnedComparedOrHashed(string query)
    {
        await using var db = GraphDatabase.CreateInMemory();
        var e = await Task.Run(() => db.Fails(query));
        Assert.Equal(ErrorCodes.ArgumentError, e.Code);
        Assert.Equal(1L, (await db.Q("RETURN 1 AS x")).Records[0]["x"]);
    }

    [Theory]
    [InlineData("RETURN 1{0} AS x", " + 1", 990, 991L)]
    [InlineData("RETURN {1}1{2} AS x", "(", 390, 1L)]
    [InlineData("RETURN {1}1{2} AS x", "[", 390, null)]
    [InlineData("RETURN {1}1{2} AS x", "CASE WHEN true THEN ", 390, 1L)]
    [InlineData("RETURN {1}1{2} AS x", "-", 390, 1L)]
    public async Task DeepestAcceptedQuery_Should_Evaluate_When_RunOnAThreadPoolThread(string shape, string piece, int count, long? expected)
    {
        await using var db = GraphDatabase.CreateInMemory();
        var repeated = string.Concat(Enumerable.Repeat(piece, count));
        var closing = piece switch
        {
            "(" => new string(')', count),
            "[" => new string(']', count),
            "CASE WHEN true THEN " => string.Concat(Enumerable.Repeat(" END", count)),
            _ => "",
        };
        var query = shape.Contains("{0}", StringComparison.Ordinal)
            ? shape.Replace("{0}", repeated, StringComparison.Ordinal)
            : shape.Replace("{1}", repeated, StringComparison.Ordinal).Replace("{2}", closing, StringComparison.Ordinal);
        var r = await Task.Run(() => db.Q(query));
        var value = r.Records[0]["x"];
        if (expected is { } e) Assert.Equal(e, value is long l && piece == "-" ? Math.Abs(l) : value);
        else Assert.NotNull(value);
    }

    [Fact]
    public async Task UnboundedVariableLengthPattern_Should_FailCleanlyOrFinish_When_TheChainIsVeryLong()
    {
        await using var db = GraphDatabase.CreateInMemory();
        await db.Q("UNWIND range(1, 30000) AS i CREATE (:C {i: i})");
        await db.Q("MATCH (a:C) WITH a ORDER BY a.i WITH collect(a) AS ns UNWIND range(0, size(ns) - 2) AS k WITH ns[k] AS a, ns[k + 1] AS b CREATE (a)-[:N]->(b)");
        try
        {
            var r = await Task.Run(() => db.Q("MATCH p = (:C {i: 1})-[:N*]->(x) RETURN max(length(p)) AS n"));
            Assert.Equal(29999L, r.Records[0]["n"]);
        }
        catch (GraphException e)
        {
            Assert.Equal(ErrorCodes.MemoryPoolOutOfMemory, e.Code);
            Assert.Contains("upper bound", e.Message, StringComparison.Ordinal);
        }
        Assert.Equal(1L, (await db.Q("RETURN 1 AS x")).Records[0]["x"]);
    }
}
