using System.Diagnostics;
using System.Net;
using KnowledgeGraph.Bolt.Client;
using KnowledgeGraph.Driver;
using KnowledgeGraph.Errors;
using Xunit;

namespace KnowledgeGraph.Api.Tests.Faults;

/// <summary>
/// The service started with small query limits (a 3 s default timeout, 4 MB per transaction), as an operator would
/// start it, and reached over Bolt with our client.
/// </summary>
public sealed class QueryLimitService() : ApiProcessFixture(TimeSpan.FromSeconds(60),
    $"--Bolt:Username={User}", $"--Bolt:Password={Password}", "--Seed:OnStartup=false",
    "--Graph:TransactionTimeout=00:00:03", "--Graph:MemoryLimit:Transaction=4MB", "--Graph:MemoryLimit:Global=200MB")
{
    public const string User = "neo4j";
    public const string Password = "query-limit-test-password";

    public BoltDriver Driver { get; private set; } = null!;

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        Driver = new BoltDriver($"bolt://127.0.0.1:{Api.BoltPort}", User, Password);
    }

    public override async Task DisposeAsync()
    {
        if (Driver is not null) await Driver.DisposeAsync();
        await base.DisposeAsync();
    }
}

/// <summary>The fault campaign's query defects (issue 15), repeated against the running service: each statement gets
/// its Neo4j status code, and the process stays up and keeps answering.</summary>
public sealed class QueryLimitFaultTests(QueryLimitService service) : IClassFixture<QueryLimitService>
{
    private async Task<GraphException> FailsAsync(string query, TransactionConfig? config = null)
    {
        var e = await Assert.ThrowsAnyAsync<GraphException>(() =>
            service.Driver.ExecuteQueryAsync(query, accessMode: AccessMode.Read, config: config));
        return e;
    }

    private async Task AssertStillServingAsync()
    {
        Assert.False(service.Api.HasExited, $"the service exited:\n{service.Api.Output}");
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(10) };
        using var health = await http.GetAsync(new Uri(service.Api.BaseAddress, "/health"));
        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
        var result = await service.Driver.ExecuteQueryAsync("RETURN 1 + 1 AS two");
        Assert.Equal(2L, result.Records.Single()["two"]);
    }

    [Theory]
    [InlineData('-')]
    [InlineData('+')]
    public async Task DeepUnaryChain_Should_GetSyntaxErrorAndLeaveTheServiceUp_When_SentOverBolt(char op)
    {
        // Defect 1: 40,000+ prefix operators used to overflow the parser's stack and kill the process.
        var e = await FailsAsync("RETURN " + new string(op, 150_000) + "1");
        Assert.Equal(ErrorCodes.SyntaxError, e.Code);
        Assert.Contains("nested too deeply", e.Message, StringComparison.Ordinal);
        await AssertStillServingAsync();
    }

    [Fact]
    public async Task CollectOverAHugeRange_Should_GetMemoryPoolOutOfMemory_When_PastTheTransactionLimit()
    {
        // Defect 3 (memory): this used to grow the process past 6 GB.
        var e = await FailsAsync("UNWIND range(1, 300000000) AS x RETURN size(collect(x)) AS n");
        Assert.Equal(ErrorCodes.MemoryPoolOutOfMemory, e.Code);
        await AssertStillServingAsync();
    }

    [Fact]
    public async Task StringBuildingReduce_Should_TimeOut_When_TheDefaultTimeoutPasses()
    {
        // Defect 4: the timeout was not checked inside one expression (no answer within 60 s).
        var watch = Stopwatch.StartNew();
        var e = await FailsAsync("RETURN size(reduce(s = '', x IN range(1, 10000000) | s + 'x')) AS n");
        Assert.Equal(ErrorCodes.TransactionTimedOut, e.Code);
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(20), $"answered after {watch.Elapsed}");
        await AssertStillServingAsync();
    }

    [Fact]
    public async Task StringBuildingReduce_Should_TimeOut_When_TheClientTimeoutPasses()
    {
        var watch = Stopwatch.StartNew();
        var e = await FailsAsync("RETURN size(reduce(s = '', x IN range(1, 10000000) | s + 'x')) AS n",
            new TransactionConfig { Timeout = TimeSpan.FromSeconds(1) });
        // The engine answers TransactionTimedOutClientConfiguration; the Bolt server's own watchdog for tx_timeout may
        // answer first with TransactionTimedOut. Either way it is a timeout, and it is prompt.
        Assert.True(ErrorCodes.IsTimeout(e.Code), e.Code);
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(20), $"answered after {watch.Elapsed}");
        await AssertStillServingAsync();
    }

    [Fact]
    public async Task HugeListComprehension_Should_StopPromptly_When_ItPassesTheMemoryLimitOrTheTimeout()
    {
        // Defect 4: a 10^8 list comprehension with a 2 s timeout stopped only after 38.7 s, at 3.8 GB.
        var watch = Stopwatch.StartNew();
        var e = await FailsAsync("RETURN size([x IN range(1, 100000000) | x]) AS n");
        Assert.True(e.Code is ErrorCodes.MemoryPoolOutOfMemory or ErrorCodes.TransactionTimedOut, e.Code);
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(20), $"answered after {watch.Elapsed}");
        await AssertStillServingAsync();
    }

    [Fact]
    public async Task TerminateTransactions_Should_StopAnotherClientsQuery_When_RunOverBolt()
    {
        var ct = CancellationToken.None;
        await using var other = new BoltDriver($"bolt://127.0.0.1:{service.Api.BoltPort}", QueryLimitService.User, QueryLimitService.Password);
        // Long enough to still run when terminated, short enough to end by itself under the 3 s default timeout.
        var running = Task.Run(() => other.ExecuteQueryAsync("RETURN reduce(s = 0, x IN range(1, 2000000000) | s + x) AS n", cancellationToken: ct), ct);
        string? id = null;
        for (var i = 0; i < 100 && id is null && !running.IsCompleted; i++)
        {
            var shown = await service.Driver.ExecuteQueryAsync(
                "SHOW TRANSACTIONS YIELD transactionId, currentQuery, username WHERE currentQuery STARTS WITH 'RETURN reduce' RETURN transactionId",
                cancellationToken: ct);
            id = shown.Records.Count == 1 ? (string)shown.Records[0]["transactionId"]! : null;
            if (id is null) await Task.Delay(20, ct);
        }
        Assert.NotNull(id);
        var terminated = await service.Driver.ExecuteQueryAsync("TERMINATE TRANSACTIONS $id", new Dictionary<string, object?> { ["id"] = id }, cancellationToken: ct);
        Assert.Equal(id, terminated.Records.Single()["transactionId"]);
        var e = await Assert.ThrowsAnyAsync<GraphException>(() => running);
        // Terminated, unless the 3 s default timeout happened to fire first on a very slow machine.
        Assert.True(e.Code is ErrorCodes.TransactionTerminatedWhileRunning or ErrorCodes.TransactionTimedOut, e.Code);
        await AssertStillServingAsync();
    }
}
