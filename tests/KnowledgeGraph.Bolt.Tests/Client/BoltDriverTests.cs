using KnowledgeGraph.Bolt.Client;
using KnowledgeGraph.Bolt.Tests.Infrastructure;
using KnowledgeGraph.Cypher;
using KnowledgeGraph.Driver;
using KnowledgeGraph.Errors;
using KnowledgeGraph.Temporal;
using KnowledgeGraph.Values;
using Xunit;

namespace KnowledgeGraph.Bolt.Tests.Client;

public sealed class BoltDriverTests : IAsyncLifetime
{
    private BoltTestServer _server = null!;
    private BoltDriver _driver = null!;
    private int _flakyCalls;

    public async Task InitializeAsync()
    {
        var database = GraphDatabase.CreateInMemory();
        // Fails twice with a transient error, then succeeds: drives the managed-transaction retries.
        database.RegisterProcedure(
            new ProcedureSignature("test.flaky", [], [new ProcedureParameter("attempt", "INTEGER?")]),
            (_, _) =>
            {
                var attempt = Interlocked.Increment(ref _flakyCalls);
                if (attempt <= 2) throw new GraphException(ErrorCodes.DeadlockDetected, $"simulated deadlock {attempt}");
                return [[(long)attempt]];
            });
        _server = await BoltTestServer.StartAsync(database: database);
        _driver = NewDriver(_server.BoltUri);
    }

    private static BoltDriver NewDriver(string uri, string password = BoltTestServer.Password, long fetchSize = 1000) =>
        new(new BoltDriverOptions
        {
            Uri = uri,
            Username = BoltTestServer.User,
            Password = password,
            FetchSize = fetchSize,
            InitialRetryDelay = TimeSpan.FromMilliseconds(10),
            MaxTransactionRetryTime = TimeSpan.FromSeconds(10),
            ConnectionTimeout = TimeSpan.FromSeconds(5),
        });

    public async Task DisposeAsync()
    {
        await _driver.DisposeAsync();
        await _server.DisposeAsync();
    }

    [Fact]
    public async Task Run_Should_StreamAllRecords_When_FetchSizeIsSmallerThanResult()
    {
        await using var driver = NewDriver(_server.BoltUri, fetchSize: 7);
        var result = await driver.ExecuteQueryAsync("UNWIND range(1, 1000) AS i RETURN i, i * 2 AS twice");
        Assert.Equal(["i", "twice"], result.Keys);
        Assert.Equal(1000, result.Records.Count);
        Assert.Equal(Enumerable.Range(1, 1000).Select(i => (long)i), result.Records.Select(r => (long)r["i"]!));
        Assert.Equal(2000L, result.Records[^1]["twice"]);
        Assert.Equal("r", result.Summary.QueryType);
        Assert.Equal("neo4j", driver.Provider);
    }

    public static TheoryData<object?> Values() => new()
    {
        null, true, 0L, -17L, 128L, long.MaxValue, long.MinValue, 3.25, double.NaN, double.NegativeInfinity, "Київ 🇺🇦",
        new byte[] { 1, 2, 255 },
        new CypherDate(19782), new CypherLocalTime(1_000_000_001), new CypherTime(3_600_000_000_000, -3600),
        new CypherLocalDateTime(1_700_000_000, 42), new CypherDateTime(1_700_000_000, 7, 7200, null),
        new CypherDateTime(1_688_169_600, 0, 7200, "Europe/Berlin"), new CypherDuration(1, 2, 3, 4),
    };

    [Theory]
    [MemberData(nameof(Values))]
    public async Task Parameter_Should_RoundTrip_When_SentAndReturned(object? value)
    {
        var result = await _driver.ExecuteQueryAsync("RETURN $v AS v", new Dictionary<string, object?> { ["v"] = value });
        var back = result.Records.Single()["v"];
        if (value is double d && double.IsNaN(d)) Assert.True(double.IsNaN((double)back!));
        else Assert.Equal(value, back);
    }

    [Fact]
    public async Task Collections_Should_RoundTrip_When_Nested()
    {
        var value = new Dictionary<string, object?> { ["list"] = new List<object?> { 1L, "two", new Dictionary<string, object?> { ["three"] = 3.0 } } };
        var back = (IReadOnlyDictionary<string, object?>)(await _driver.ExecuteQueryAsync("RETURN $v AS v", new Dictionary<string, object?> { ["v"] = value })).Records.Single()["v"]!;
        var list = (IReadOnlyList<object?>)back["list"]!;
        Assert.Equal(1L, list[0]);
        Assert.Equal("two", list[1]);
        Assert.Equal(3.0, ((IReadOnlyDictionary<string, object?>)list[2]!)["three"]);
    }

    [Fact]
    public async Task Graph_Should_ComeBackWithElementIds_When_NodesAndPathsReturned()
    {
        var result = await _driver.ExecuteQueryAsync(
            "CREATE p = (a:Mediator {name: 'A'})-[r:TALKS_TO {since: 2022}]->(b:Party {name: 'B'}) RETURN a, r, p, elementId(a) AS aid");
        var record = result.Records.Single();
        var a = Assert.IsType<GraphNode>(record["a"]);
        var r = Assert.IsType<GraphRelationship>(record["r"]);
        var p = Assert.IsType<GraphPath>(record["p"]);
        Assert.Equal(record["aid"], a.ElementId);
        Assert.Equal(a.ElementId, r.StartNodeElementId);
        Assert.Equal("TALKS_TO", r.Type);
        Assert.Equal(2022L, r.Properties["since"]);
        Assert.Equal(1, p.Length);
        Assert.Equal(r.ElementId, p.Relationships[0].ElementId);
        Assert.Equal("B", p.End.Properties["name"]);
        Assert.Equal(2, result.Summary.Counters.NodesCreated);
    }

    [Fact]
    public async Task Transaction_Should_BeVisibleOnlyAfterCommit_And_LeaveNothingOnRollback()
    {
        await using (var session = _driver.OpenSession())
        {
            await using var tx = await session.BeginTransactionAsync(new TransactionConfig { Metadata = new Dictionary<string, object?> { ["app"] = "t" } });
            await (await tx.RunAsync("CREATE (:ClientTx {v: 1})")).ConsumeAsync();
            var inside = await (await tx.RunAsync("MATCH (n:ClientTx) RETURN count(n) AS c")).ToEagerAsync();
            Assert.Equal(1L, inside.Records.Single()["c"]);
            await tx.CommitAsync();
            Assert.NotNull(session.LastBookmark);
        }
        await using (var session = _driver.OpenSession())
        {
            var tx = await session.BeginTransactionAsync();
            await (await tx.RunAsync("CREATE (:ClientTx {v: 2})")).ConsumeAsync();
            await tx.RollbackAsync();
        }
        var count = await _driver.ExecuteQueryAsync("MATCH (n:ClientTx) RETURN count(n) AS c");
        Assert.Equal(1L, count.Records.Single()["c"]);
    }

    [Fact]
    public async Task ManagedTransaction_Should_Retry_When_ErrorIsTransient()
    {
        var attempt = await _driver.ExecuteWriteAsync(async tx =>
        {
            var result = await (await tx.RunAsync("CALL test.flaky() YIELD attempt RETURN attempt")).ToEagerAsync();
            return (long)result.Records.Single()["attempt"]!;
        });
        Assert.Equal(3L, attempt);
    }

    [Fact]
    public async Task ManagedTransaction_Should_NotRetry_When_ErrorIsAClientError()
    {
        var runs = 0;
        var error = await Assert.ThrowsAnyAsync<GraphException>(() => _driver.ExecuteReadAsync<int>(async tx =>
        {
            runs++;
            await (await tx.RunAsync("RETURN 1 +")).ConsumeAsync();
            return 0;
        }));
        Assert.Equal(ErrorCodes.SyntaxError, error.Code);
        Assert.Equal("42001", error.GqlStatus);
        Assert.Equal(1, runs);
    }

    [Fact]
    public async Task Session_Should_BufferPreviousResult_When_NextQueryStarts()
    {
        await using var driver = NewDriver(_server.BoltUri, fetchSize: 5);
        await using var session = driver.OpenSession();
        var first = await session.RunAsync("UNWIND range(1, 20) AS i RETURN i");
        var second = await session.RunAsync("RETURN 'second' AS s");
        Assert.Equal("second", (await second.ToEagerAsync()).Records.Single()["s"]);
        Assert.Equal(20, (await first.ToEagerAsync()).Records.Count);
    }

    [Fact]
    public async Task Pool_Should_ReuseOneConnection_When_QueriesAreSequential()
    {
        await using var driver = NewDriver(_server.BoltUri);
        for (var i = 0; i < 10; i++) await driver.ExecuteQueryAsync("RETURN $i AS i", new Dictionary<string, object?> { ["i"] = (long)i });
        Assert.Equal(1, driver.IdleConnectionCount);
        Assert.Equal(0, driver.InUseConnectionCount);
    }

    [Fact]
    public async Task Pool_Should_OpenSeveralConnections_When_SessionsRunConcurrently()
    {
        await using var driver = NewDriver(_server.BoltUri);
        var results = await Task.WhenAll(Enumerable.Range(0, 16).Select(async i =>
            (long)(await driver.ExecuteQueryAsync("UNWIND range(1, 100) AS x RETURN sum(x) + $i AS s", new Dictionary<string, object?> { ["i"] = (long)i })).Records.Single()["s"]!));
        Assert.Equal(Enumerable.Range(0, 16).Select(i => 5050L + i), results);
        Assert.InRange(driver.IdleConnectionCount, 2, 16);
    }

    [Fact]
    public async Task Error_Should_LeaveConnectionUsable_When_QueryFails()
    {
        await using var session = _driver.OpenSession();
        var error = await Assert.ThrowsAnyAsync<GraphException>(async () => await (await session.RunAsync("UNWIND [1, 0] AS x RETURN 1 / x")).ToEagerAsync());
        Assert.Equal(ErrorCodes.ArithmeticError, error.Code);
        var after = await (await session.RunAsync("RETURN 9 AS x")).ToEagerAsync();
        Assert.Equal(9L, after.Records.Single()["x"]);
    }

    [Fact]
    public async Task Transaction_Should_FailWithDatabaseNotFound_When_DatabaseUnknown()
    {
        await using (var session = _driver.OpenSession(new SessionOptions { Database = "nosuchdb" }))
        {
            // BEGIN is pipelined with the first RUN, so its failure surfaces there.
            await using var tx = await session.BeginTransactionAsync();
            var error = await Assert.ThrowsAnyAsync<GraphException>(() => tx.RunAsync("RETURN 1"));
            Assert.Equal(ErrorCodes.DatabaseNotFound, error.Code);
        }
        Assert.Equal(0, _driver.InUseConnectionCount);
        Assert.Equal(1L, (await _driver.ExecuteQueryAsync("RETURN 1 AS x")).Records.Single()["x"]);
    }

    [Fact]
    public async Task Connect_Should_FailWithUnauthorized_When_PasswordWrong()
    {
        await using var driver = NewDriver(_server.BoltUri, password: "wrong");
        var error = await Assert.ThrowsAnyAsync<GraphException>(() => driver.VerifyConnectivityAsync());
        Assert.Equal(ErrorCodes.Unauthorized, error.Code);
    }

    [Fact]
    public async Task Connect_Should_FailWithServiceUnavailable_When_NothingListens()
    {
        using var probe = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        probe.Start();
        var port = ((System.Net.IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        await using var driver = NewDriver($"bolt://127.0.0.1:{port}");
        var error = await Assert.ThrowsAnyAsync<GraphException>(() => driver.VerifyConnectivityAsync());
        Assert.Equal(ErrorCodes.ServiceUnavailable, error.Code);
        Assert.True(error.IsTransient);
    }

    [Fact]
    public async Task Cancellation_Should_StopStreaming_And_KeepDriverUsable_When_TokenCancelled()
    {
        await using var driver = NewDriver(_server.BoltUri, fetchSize: 10);
        using var cts = new CancellationTokenSource();
        await using (var session = driver.OpenSession())
        {
            var result = await session.RunAsync("UNWIND range(1, 100000) AS i RETURN i", cancellationToken: cts.Token);
            var seen = 0;
            await Assert.ThrowsAnyAsync<OperationCanceledException>(async () =>
            {
                await foreach (var _ in result.WithCancellation(cts.Token))
                {
                    if (++seen == 25) await cts.CancelAsync();
                }
            });
            Assert.Equal(25, seen);
        }
        var after = await driver.ExecuteQueryAsync("RETURN 1 AS x");
        Assert.Equal(1L, after.Records.Single()["x"]);
    }

    [Fact]
    public async Task Driver_Should_Reconnect_When_ServerRestarted()
    {
        await using var driver = NewDriver(_server.BoltUri);
        await driver.ExecuteQueryAsync("RETURN 1");
        await _server.RestartAsync();
        var after = await driver.ExecuteReadAsync(async tx => (await (await tx.RunAsync("RETURN 2 AS x")).ToEagerAsync()).Records.Single()["x"]);
        Assert.Equal(2L, after);
        Assert.Equal(3L, (await driver.ExecuteQueryAsync("RETURN 3 AS x")).Records.Single()["x"]);
    }
}
