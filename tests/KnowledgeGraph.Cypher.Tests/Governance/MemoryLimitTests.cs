using KnowledgeGraph.Errors;

namespace KnowledgeGraph.Cypher.Tests.Governance;

/// <summary>Estimated memory per transaction and in total is limited; a query past it fails cleanly and frees it.</summary>
public sealed class MemoryLimitTests
{
    private const long FiftyMegabytes = 50L << 20;

    private static GraphDatabase Db(long transaction = FiftyMegabytes, long global = 0) =>
        GraphDatabase.CreateInMemory(new GraphDatabaseOptions { TransactionMemoryLimit = transaction, GlobalMemoryLimit = global });

    [Theory]
    [InlineData("UNWIND range(1, 300000000) AS x RETURN size(collect(x)) AS n")]
    [InlineData("UNWIND range(1, 300000000) AS x WITH x % 3 AS k, collect(x) AS xs RETURN k, size(xs) AS n")]
    [InlineData("RETURN size([x IN range(1, 100000000) | x]) AS n")]
    [InlineData("RETURN size(range(1, 100000000) + [0]) AS n")]
    [InlineData("RETURN range(1, 100000000) AS r")]
    [InlineData("UNWIND range(1, 100000000) AS x RETURN x ORDER BY x DESC")]
    [InlineData("UNWIND range(1, 100000000) AS x RETURN DISTINCT x")]
    [InlineData("UNWIND range(1, 100000000) AS x RETURN count(DISTINCT x) AS n")]
    [InlineData("UNWIND range(1, 100000000) AS x WITH x, toString(x) AS s RETURN s, count(*) AS n")]
    [InlineData("RETURN size(reduce(s = '', x IN range(1, 100) | s + s + 'xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx')) AS n")]
    [InlineData("RETURN size(COLLECT { UNWIND range(1, 100000000) AS x RETURN x }) AS n")]
    public async Task GrowingQuery_Should_FailWithMemoryPoolOutOfMemory_When_PastTheTransactionLimit(string query)
    {
        await using var db = Db();
        var e = await db.Fails(query);
        Assert.Equal(ErrorCodes.MemoryPoolOutOfMemory, e.Code);
        Assert.True(e.IsTransient);
        Assert.Contains("Graph:MemoryLimit:Transaction", e.Message, StringComparison.Ordinal);
        // The failed transaction gave back everything it held, and the next query runs.
        Assert.Equal(0, db.Memory.UsedBytes);
        Assert.Equal(3L, (await db.Q("RETURN size(collect(1) + [2, 3]) AS n")).Records[0]["n"]);
    }

    [Fact]
    public async Task GrowingQuery_Should_FailOnTheGlobalLimit_When_ItIsLowerThanTheTransactionLimit()
    {
        await using var db = Db(transaction: 0, global: FiftyMegabytes);
        var e = await db.Fails("UNWIND range(1, 300000000) AS x RETURN size(collect(x)) AS n");
        Assert.Equal(ErrorCodes.MemoryPoolOutOfMemory, e.Code);
        Assert.Contains("Graph:MemoryLimit:Global", e.Message, StringComparison.Ordinal);
        Assert.Equal(0, db.Memory.UsedBytes);
    }

    [Fact]
    public async Task Memory_Should_BeReportedWhileATransactionHoldsIt_And_ReleasedAfter()
    {
        await using var db = Db(transaction: 0);
        // A streaming auto-commit read holds its collected list while its rows are being read.
        await using var reader = db.OpenSession();
        var r = await reader.RunAsync("UNWIND range(1, 200000) AS x WITH collect(x) AS xs UNWIND xs AS y RETURN y");
        await using var e = r.GetAsyncEnumerator();
        Assert.True(await e.MoveNextAsync());
        Assert.True(db.Memory.UsedBytes >= 200000 * 8, $"pool reports {db.Memory.UsedBytes} bytes");
        Assert.Contains(db.RunningTransactions(), t => t.EstimatedMemoryBytes > 200000 * 8);
        while (await e.MoveNextAsync()) { }
        Assert.Equal(0, db.Memory.UsedBytes);
        Assert.Empty(db.RunningTransactions());
    }

    [Fact]
    public async Task UnlimitedSettings_Should_LetABigButFiniteQueryRun_When_LimitsAreZero()
    {
        await using var db = Db(transaction: 0, global: 0);
        var n = (await db.Q("UNWIND range(1, 3000000) AS x RETURN size(collect(x)) AS n")).Records[0]["n"];
        Assert.Equal(3000000L, n);
    }
}
