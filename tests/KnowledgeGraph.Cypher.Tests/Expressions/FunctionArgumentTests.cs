using KnowledgeGraph.Errors;

namespace KnowledgeGraph.Cypher.Tests.Expressions;

/// <summary>
/// Built-in functions that never keep their argument array share one per arity and thread. Calls nested inside the
/// arguments of a call of the same arity, calls whose arguments fail, and many rows in a row must each still see their
/// own arguments.
/// </summary>
public sealed class FunctionArgumentTests
{
    [Fact]
    public async Task Call_Should_SeeItsOwnArguments_When_CallsOfTheSameArityAreNested()
    {
        await using var db = GraphDatabase.CreateInMemory();
        var r = await db.Q("""
            RETURN coalesce(null, size(coalesce(null, [1, 2, 3])), 9) AS a,
                   size([x IN range(1, 4) | toString(size(toString(x * 1000)))]) AS b,
                   toUpper(trim(toLower(' AbC '))) AS c,
                   coalesce(head([]), last(range(abs(-2), abs(-5))), 0) AS d
            """);
        Assert.Equal(3L, r.Records[0]["a"]);
        Assert.Equal(4L, r.Records[0]["b"]);
        Assert.Equal("ABC", r.Records[0]["c"]);
        Assert.Equal(5L, r.Records[0]["d"]);
    }

    [Fact]
    public async Task Call_Should_StillAnswer_When_AnEarlierCallsArgumentFailed()
    {
        await using var db = GraphDatabase.CreateInMemory();
        var failure = await Assert.ThrowsAsync<GraphException>(() => db.Q("RETURN coalesce(null, 1 / 0) AS x"));
        Assert.Contains("ArithmeticError", failure.Code, StringComparison.Ordinal);
        var r = await db.Q("UNWIND range(1, 300) AS i RETURN collect(coalesce(null, i)) AS xs, collect(size(toString(i))) AS ns");
        Assert.Equal(Enumerable.Range(1, 300).Select(i => (object?)(long)i).ToList(), r.Records[0]["xs"]);
        Assert.Equal(Enumerable.Range(1, 300).Select(i => (object?)(long)i.ToString(System.Globalization.CultureInfo.InvariantCulture).Length).ToList(), r.Records[0]["ns"]);
    }
}
