using KnowledgeGraph.Driver;
using KnowledgeGraph.Errors;

namespace KnowledgeGraph.Cypher.Tests;

/// <summary>Compile-time function resolution and the error classes of function argument checks.</summary>
public sealed class FunctionCheckTests
{
    [Theory]
    [InlineData("MATCH (a) RETURN foo(a)")]
    [InlineData("MATCH (a) WHERE bar(a.x) RETURN a")]
    [InlineData("RETURN date.bogus() AS d")]
    [InlineData("UNWIND [] AS x RETURN apoc.coll.sum(x) AS s")]
    public async Task UnknownFunction_Should_FailAtCompileTime_When_TheCallIsNeverEvaluated(string query)
    {
        // The graph is empty (or the list is), so only a compile-time check can catch the name.
        await using var db = GraphDatabase.CreateInMemory();
        var e = await db.Fails(query);
        Assert.Equal(ErrorCodes.SyntaxError, e.Code);
        Assert.Equal(ErrorPhase.CompileTime, e.Phase);
        Assert.Equal("UnknownFunction", e.Detail);
    }

    [Fact]
    public async Task UnknownFunction_Should_NotRunAnyPartOfTheStatement()
    {
        await using var db = GraphDatabase.CreateInMemory();
        await db.Fails("CREATE (n:Made) RETURN nope(n)");
        var count = await db.Q("MATCH (n:Made) RETURN count(n) AS c");
        Assert.Equal(0L, count.Records[0]["c"]);
    }

    [Theory]
    [InlineData("RETURN duration.between(date('2020-01-01'), date('2020-03-01')).months AS v", 2L)]
    [InlineData("RETURN date.truncate('month', date('2020-05-17')).day AS v", 1L)]
    [InlineData("RETURN datetime.fromepoch(0, 0).year AS v", 1970L)]
    [InlineData("RETURN DATE('2021-02-03').month AS v", 2L)]
    [InlineData("RETURN coalesce(null, 7) AS v", 7L)]
    [InlineData("RETURN toUpper('a') + ToLower('B') AS v", "Ab")]
    [InlineData("UNWIND [1, 2, 3] AS x RETURN sum(x) + COUNT(x) AS v", 9L)]
    [InlineData("UNWIND [4, 5] AS x RETURN percentileDisc(x, 0.5) AS v", 4L)]
    [InlineData("RETURN size(range(1, 3)) AS v", 3L)]
    public async Task KnownFunctions_Should_PassTheCompileTimeCheck_InAnyCase(string query, object expected)
    {
        await using var db = GraphDatabase.CreateInMemory();
        var result = await db.Q(query);
        Assert.Equal(expected, result.Records[0]["v"]);
    }

    [Fact]
    public async Task ExistsFunction_Should_StillResolve_AsTheOpenCypherPropertyPredicate()
    {
        // exists(n.prop) is openCypher (TCK) but not Neo4j 5, so it is run directly, outside the dialect-checked Q().
        await using var db = GraphDatabase.CreateInMemory();
        var result = await db.ExecuteQueryAsync("UNWIND [{a: 1}, {b: 2}] AS m RETURN exists(m.a) AS v");
        Assert.Equal(new object?[] { true, false }, result.Records.Select(r => r["v"]).ToArray());
    }

    [Theory]
    [InlineData("RETURN range(true, 1, 1)")]
    [InlineData("RETURN range(0, 1.1, 1)")]
    [InlineData("RETURN range(0.0, 1)")]
    [InlineData("RETURN range('xyz', 1, 1)")]
    [InlineData("RETURN range(0, [1], 1)")]
    [InlineData("RETURN range(0, 1, {step: 1})")]
    public async Task Range_Should_RaiseArgumentError_When_AnArgumentIsNotAnInteger(string query)
    {
        await using var db = GraphDatabase.CreateInMemory();
        var e = await db.Fails(query);
        Assert.Equal(ErrorCodes.ArgumentError, e.Code);
        Assert.Equal("InvalidArgumentType", e.Detail);
        Assert.Equal(ErrorPhase.Runtime, e.Phase);
    }

    [Fact]
    public async Task Range_Should_RaiseNumberOutOfRange_When_StepIsZero()
    {
        await using var db = GraphDatabase.CreateInMemory();
        var e = await db.Fails("RETURN range(2, 8, 0)");
        Assert.Equal(ErrorCodes.ArgumentError, e.Code);
        Assert.Equal("NumberOutOfRange", e.Detail);
    }

    [Fact]
    public async Task TypeConversion_Should_KeepRaisingTypeError_When_TheArgumentHasTheWrongType()
    {
        // Unlike range(), TCK TypeConversion1-4 expect a TypeError for a wrong argument type.
        await using var db = GraphDatabase.CreateInMemory();
        var e = await db.Fails("RETURN [x IN [1, []] | toInteger(x)] AS list");
        Assert.Equal(ErrorCodes.TypeError, e.Code);
    }
}
