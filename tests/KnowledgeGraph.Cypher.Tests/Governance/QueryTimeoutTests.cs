using System.Diagnostics;
using KnowledgeGraph.Driver;
using KnowledgeGraph.Errors;

namespace KnowledgeGraph.Cypher.Tests.Governance;

/// <summary>The timeout is checked inside single expressions and operators, not only between rows.</summary>
public sealed class QueryTimeoutTests
{
    private static async Task<(GraphException Error, TimeSpan Took)> RunWithTimeout(GraphDatabase db, string query, TimeSpan? timeout)
    {
        await using var session = db.OpenSession();
        var watch = Stopwatch.StartNew();
        var e = await Assert.ThrowsAsync<GraphException>(async () =>
        {
            var r = await session.RunAsync(query, config: timeout is null ? null : new TransactionConfig { Timeout = timeout });
            await r.ToEagerAsync();
        });
        return (e, watch.Elapsed);
    }

    [Theory]
    [InlineData("RETURN size(reduce(s = '', x IN range(1, 10000000) | s + 'x')) AS n")]
    [InlineData("RETURN size([x IN range(1, 100000000) | x * 2]) AS n")]
    [InlineData("RETURN size([x IN range(1, 100000000) WHERE x % 2 = 0]) AS n")]
    [InlineData("RETURN any(x IN range(1, 1000000000) WHERE x < 0) AS n")]
    [InlineData("RETURN reduce(s = 0, x IN range(1, 1000000000) | s + x) AS n")]
    [InlineData("RETURN size(reduce(l = [], x IN range(1, 1000000) | l + [x])) AS n")]
    [InlineData("UNWIND range(1, 100000000) AS x RETURN x ORDER BY x DESC LIMIT 1")]
    [InlineData("UNWIND range(1, 100000000) AS x RETURN count(DISTINCT x) AS n")]
    public async Task LongExpression_Should_FailWithClientTimeout_When_TheClientTimeoutPasses(string query)
    {
        await using var db = GraphDatabase.CreateInMemory(new GraphDatabaseOptions { TransactionMemoryLimit = 0, GlobalMemoryLimit = 0 });
        var (e, took) = await RunWithTimeout(db, query, TimeSpan.FromMilliseconds(300));
        Assert.Equal(ErrorCodes.TransactionTimedOutClientConfiguration, e.Code);
        // Generous bound for a loaded machine: without checks inside the expression these run for minutes.
        Assert.True(took < TimeSpan.FromSeconds(20), $"stopped after {took}");
    }

    [Fact]
    public async Task CartesianProduct_Should_FailWithServerTimeout_When_TheDefaultTimeoutPasses()
    {
        await using var db = GraphDatabase.CreateInMemory(new GraphDatabaseOptions { DefaultTransactionTimeout = TimeSpan.FromMilliseconds(300) });
        await db.Q("UNWIND range(1, 40) AS i CREATE (:P {i: i})");
        var (e, took) = await RunWithTimeout(db, "MATCH (a:P), (b:P), (c:P), (d:P), (e:P) RETURN count(*) AS n", null);
        Assert.Equal(ErrorCodes.TransactionTimedOut, e.Code);
        Assert.True(took < TimeSpan.FromSeconds(20), $"stopped after {took}");
        Assert.Equal(40L, (await db.Q("MATCH (p:P) RETURN count(p) AS n")).Records[0]["n"]);
    }

    [Fact]
    public async Task Cancellation_Should_StopAReduceWithTerminated_When_TheTokenFires()
    {
        await using var db = GraphDatabase.CreateInMemory();
        await using var session = db.OpenSession();
        using var cts = new CancellationTokenSource(TimeSpan.FromMilliseconds(300));
        var watch = Stopwatch.StartNew();
        var e = await Assert.ThrowsAsync<GraphException>(async () =>
        {
            var r = await session.RunAsync("RETURN reduce(s = 0, x IN range(1, 2000000000) | s + x) AS n", cancellationToken: cts.Token);
            await r.ToEagerAsync();
        });
        Assert.Equal(ErrorCodes.TransactionTerminated, e.Code);
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(20), $"stopped after {watch.Elapsed}");
        Assert.Empty(db.RunningTransactions());
    }

    [Fact]
    public async Task Cancellation_Should_StopAReduce_When_OnlyTheReadingTokenFires()
    {
        await using var db = GraphDatabase.CreateInMemory();
        await using var session = db.OpenSession();
        var r = await session.RunAsync("RETURN reduce(s = 0, x IN range(1, 2000000000) | s + x) AS n");
        using var cts = new CancellationTokenSource(TimeSpan.FromMilliseconds(300));
        var watch = Stopwatch.StartNew();
        var e = await Assert.ThrowsAsync<GraphException>(() => r.ToEagerAsync(cts.Token));
        Assert.Equal(ErrorCodes.TransactionTerminated, e.Code);
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(20), $"stopped after {watch.Elapsed}");
        Assert.Empty(db.RunningTransactions());
    }

    [Fact]
    public async Task DefaultTimeout_Should_NotApply_When_TheClientSetsItsOwn()
    {
        await using var db = GraphDatabase.CreateInMemory(new GraphDatabaseOptions { DefaultTransactionTimeout = TimeSpan.FromMilliseconds(1) });
        await using var session = db.OpenSession();
        var r = await session.RunAsync("RETURN size([x IN range(1, 200000) | x]) AS n", config: new TransactionConfig { Timeout = TimeSpan.FromMinutes(1) });
        Assert.Equal(200000L, (await r.ToEagerAsync()).Records[0]["n"]);
    }
}
