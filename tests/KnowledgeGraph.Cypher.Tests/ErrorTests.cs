using KnowledgeGraph.Driver;
using KnowledgeGraph.Errors;

namespace KnowledgeGraph.Cypher.Tests;

public sealed class ErrorTests
{
    [Fact]
    public async Task SyntaxError_Should_CarryPositionAndCompilePhase_And_BeThrownByRunAsync()
    {
        await using var db = GraphDatabase.CreateInMemory();
        await using var session = db.OpenSession();
        var e = await Assert.ThrowsAsync<GraphException>(() => session.RunAsync("MATCH (n) RETRN n"));
        Assert.Equal(ErrorCodes.SyntaxError, e.Code);
        Assert.Equal(ErrorPhase.CompileTime, e.Phase);
        Assert.Contains("line 1, column 11 (offset: 10)", e.Message);
    }

    [Theory]
    [InlineData("RETURN 9223372036854775807 + 1", ErrorCodes.ArithmeticError)]
    [InlineData("RETURN 1 / 0", ErrorCodes.ArithmeticError)]
    [InlineData("RETURN toInteger([1])", ErrorCodes.TypeError)]
    [InlineData("RETURN substring('abc', -1)", ErrorCodes.ArgumentError)]
    [InlineData("RETURN $missing", ErrorCodes.ParameterMissing)]
    [InlineData("RETURN {a: 1}[1]", ErrorCodes.TypeError)]
    public async Task RuntimeErrors_Should_CarryNeo4jCodes(string query, string code)
    {
        await using var db = GraphDatabase.CreateInMemory();
        var e = await db.Fails(query);
        Assert.Equal(code, e.Code);
    }

    [Fact]
    public async Task MissingParameter_Should_FailAtCompileTime_When_TheGraphIsEmptyOrTheWriteWouldNotRun()
    {
        await using var db = GraphDatabase.CreateInMemory();
        await using var session = db.OpenSession();

        // Neo4j checks every named parameter before running, even where no row would ever evaluate it.
        var e = await Assert.ThrowsAsync<GraphException>(() => session.RunAsync("MATCH (n:Nowhere) SET n.x = $a, n.y = $b RETURN n", new Dictionary<string, object?> { ["b"] = 1L }));

        Assert.Equal(ErrorCodes.ParameterMissing, e.Code);
        Assert.Equal(ErrorPhase.CompileTime, e.Phase);
        Assert.Equal("MissingParameter", e.Detail);
        Assert.Contains("a", e.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(", b", e.Message, StringComparison.Ordinal);
        var plan = await (await session.RunAsync("EXPLAIN MATCH (n) WHERE n.x = $a RETURN n")).ConsumeAsync();
        Assert.NotNull(plan.Plan); // EXPLAIN needs no parameter values
    }

    [Fact]
    public async Task Parameters_Should_KeepTheirValues_When_AStatementReadsMoreThanItsContextRemembers()
    {
        // The context remembers the last eight parameters it read (ExecContext.Param); twelve, each read once per row
        // of three rows and in two orders, must still each give its own value.
        await using var db = GraphDatabase.CreateInMemory();
        var parameters = Enumerable.Range(0, 12).ToDictionary(i => "p" + i, i => (object?)(long)(i * 10));
        var sum = string.Join(" + ", Enumerable.Range(0, 12).Select(i => "$p" + i));
        var reversed = string.Join(" + ", Enumerable.Range(0, 12).Reverse().Select(i => "$p" + i + " * i"));
        var rows = (await db.Q($"UNWIND [1, 2, 3] AS i RETURN {sum} AS s, {reversed} AS r, [$p11, $p0, $p7] AS l", parameters)).Records;

        Assert.Equal(3, rows.Count);
        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(660L, rows[i]["s"]);
            Assert.Equal(660L * (i + 1), rows[i]["r"]);
            Assert.Equal(new List<object?> { 110L, 0L, 70L }, rows[i]["l"]);
        }
    }

    [Fact]
    public async Task AddingBooleanParameter_Should_RaiseTypeErrorAtRuntime()
    {
        await using var db = GraphDatabase.CreateInMemory();
        var e = await db.Fails("RETURN 1 + $b AS x", new { b = true });
        Assert.Equal(ErrorCodes.TypeError, e.Code);
        Assert.Equal(ErrorPhase.Runtime, e.Phase);
    }

    [Fact]
    public async Task UndefinedVariable_Should_BeSyntaxErrorAtCompileTime_AsInNeo4j()
    {
        await using var db = GraphDatabase.CreateInMemory();
        var e = await db.Fails("MATCH (n) RETURN m");
        Assert.Equal(ErrorCodes.SyntaxError, e.Code);
        Assert.Contains("not defined", e.Message);
        Assert.Equal(ErrorPhase.CompileTime, e.Phase);
    }

    [Fact]
    public async Task ReadSession_Should_RejectWrites_And_ForbiddenSession_Should_RaiseForbidden()
    {
        await using var db = GraphDatabase.CreateInMemory();
        var e = await db.Fails("CREATE (n)", mode: AccessMode.Read);
        Assert.Equal(ErrorCodes.AccessMode, e.Code);
        Assert.Empty((await db.Q("MATCH (n) RETURN n", mode: AccessMode.Read)).Records);
        await using var s = db.OpenSession(new SessionOptions { WritesForbidden = true });
        var f = await Assert.ThrowsAsync<GraphException>(() => s.RunAsync("CREATE (n)"));
        Assert.Equal(ErrorCodes.Forbidden, f.Code);
    }

    [Fact]
    public async Task Timeout_Should_TerminateLongQuery()
    {
        await using var db = GraphDatabase.CreateInMemory();
        await using var session = db.OpenSession();
        var cfg = new TransactionConfig { Timeout = TimeSpan.FromMilliseconds(50) };
        // A timeout the client set is reported as Neo4j 5 reports it.
        var e = await Assert.ThrowsAsync<GraphException>(async () =>
        {
            var r = await session.RunAsync("UNWIND range(1, 100000000) AS x WITH x WHERE x < 0 RETURN count(*)", null, cfg);
            await r.ToEagerAsync();
        });
        Assert.Equal(ErrorCodes.TransactionTimedOutClientConfiguration, e.Code);
    }

    [Fact]
    public async Task DefaultTimeout_Should_ApplyToExpansions()
    {
        await using var db = GraphDatabase.CreateInMemory(new GraphDatabaseOptions { DefaultTransactionTimeout = TimeSpan.FromMilliseconds(50) });
        await db.Q("UNWIND range(1, 30) AS i CREATE (:K {i: i})");
        await db.Q("MATCH (a:K), (b:K) WHERE a <> b CREATE (a)-[:E]->(b)");
        var e = await db.Fails("MATCH p = (:K {i: 1})-[*]->() RETURN count(p)");
        Assert.Equal(ErrorCodes.TransactionTimedOut, e.Code);
    }

    [Fact]
    public async Task Cancellation_Should_StopStreaming()
    {
        await using var db = GraphDatabase.CreateInMemory();
        await using var session = db.OpenSession();
        using var cts = new CancellationTokenSource();
        var r = await session.RunAsync("UNWIND range(1, 100000000) AS x RETURN x", cancellationToken: cts.Token);
        var seen = 0;
        await Assert.ThrowsAnyAsync<Exception>(async () =>
        {
            await foreach (var _ in r.WithCancellation(cts.Token))
            {
                if (++seen == 10) await cts.CancelAsync();
            }
        });
        Assert.Equal(10, seen);
    }
}
