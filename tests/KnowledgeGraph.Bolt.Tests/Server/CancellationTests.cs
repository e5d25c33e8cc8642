using KnowledgeGraph.Bolt.Protocol.Messages;
using KnowledgeGraph.Bolt.Tests.Infrastructure;
using KnowledgeGraph.Driver;
using KnowledgeGraph.Errors;
using Xunit;

namespace KnowledgeGraph.Bolt.Tests.Server;

/// <summary>
/// A statement whose client went away or asked for RESET/GOODBYE must stop. The long statement below writes first,
/// so it holds the store's single writer while it runs: a second write getting through (with a tx_timeout far
/// shorter than the statement would take) shows the first one ended, without asserting how fast anything is.
/// </summary>
public abstract class CancellationTestsBase(bool direct) : IAsyncLifetime
{
    // Counting to 10^12 would take hours; it only ends by cancellation.
    private const string Endless = "CREATE (:Abandoned) WITH 1 AS one UNWIND range(1, 1000000000000) AS x RETURN count(x) AS n";

    private BoltTestServer _server = null!;

    public async Task InitializeAsync() => _server = await BoltTestServer.StartAsync(new Dictionary<string, string?>
    {
        ["Bolt:DirectConnections"] = direct ? "64" : "0",
    });

    /// <summary>Connects and checks the connection runs in the mode under test (direct or async path).</summary>
    private async Task<RawBoltClient> ConnectAsync()
    {
        var client = await RawBoltClient.ConnectReadyAsync(_server.EndPoint);
        Assert.Equal(direct ? 1 : 0, _server.Server.DirectCount);
        return client;
    }

    public async Task DisposeAsync() => await _server.DisposeAsync();

    /// <summary>Waits until the endless statement holds the writer: a probe write times out behind it.</summary>
    private async Task WaitUntilWriterIsHeldAsync()
    {
        for (var attempt = 0; attempt < 100; attempt++)
        {
            try
            {
                await using var session = _server.Database.OpenSession();
                var result = await session.RunAsync("CREATE (p:Probe) DELETE p", null, new TransactionConfig { Timeout = TimeSpan.FromMilliseconds(300) });
                await result.ConsumeAsync();
            }
            catch (GraphException e) when (ErrorCodes.IsTimeout(e.Code))
            {
                return;
            }
            await Task.Delay(50);
        }
        Assert.Fail("the long statement never took the writer");
    }

    /// <summary>A write that needs the writer; with the statement still running it would time out.</summary>
    private async Task AssertWriterFreeAndNothingLeftAsync()
    {
        await using var session = _server.Database.OpenSession();
        var result = await session.RunAsync("CREATE (a:After) WITH a DELETE a RETURN 1", null, new TransactionConfig { Timeout = TimeSpan.FromSeconds(30) });
        await result.ConsumeAsync();
        var count = await _server.Database.ExecuteQueryAsync("MATCH (n:Abandoned) RETURN count(n) AS c");
        Assert.Equal(0L, count.Records.Single()["c"]);
    }

    [Fact]
    public async Task Disconnect_Should_CancelRunningStatement_When_ClientClosesItsSocket()
    {
        var client = await ConnectAsync();
        await client.SendAsync(new RunMessage(Endless, Maps.Empty, Maps.Empty), new PullMessage(-1));
        await WaitUntilWriterIsHeldAsync();
        client.Stream.Socket.Close(0); // RST, as a killed client
        await client.DisposeAsync();
        await AssertWriterFreeAndNothingLeftAsync();
    }

    [Fact]
    public async Task Reset_Should_InterruptRunningStatement_When_SentBehindIt()
    {
        await using var client = await ConnectAsync();
        await client.SendAsync(new RunMessage(Endless, Maps.Empty, Maps.Empty), new PullMessage(-1));
        await WaitUntilWriterIsHeldAsync();
        await client.SendAsync(ResetMessage.Instance);
        var replies = new List<IBoltMessage>();
        while (replies.Count < 3) replies.Add(await client.ReceiveAsync(timeoutMs: 30_000));
        var failure = Assert.IsType<FailureMessage>(replies[0]);
        Assert.Equal("Neo.ClientError.Transaction.Terminated", failure.Metadata["neo4j_code"]);
        Assert.IsType<IgnoredMessage>(replies[1]);
        Assert.IsType<SuccessMessage>(replies[2]);
        await AssertWriterFreeAndNothingLeftAsync();
        await client.SendAsync(new RunMessage("RETURN 1 AS one", Maps.Empty, Maps.Empty), new PullMessage(-1));
        Assert.IsType<SuccessMessage>(await client.ReceiveAsync());
        Assert.Equal(1L, (await client.ReceiveStreamAsync()).Records.Single()[0]);
    }

    [Fact]
    public async Task Goodbye_Should_EndRunningStatementAndConnection_When_SentBehindIt()
    {
        await using var client = await ConnectAsync();
        await client.SendAsync(new RunMessage(Endless, Maps.Empty, Maps.Empty), new PullMessage(-1));
        await WaitUntilWriterIsHeldAsync();
        await client.SendAsync(GoodbyeMessage.Instance);
        await AssertWriterFreeAndNothingLeftAsync();
        Assert.True(await client.IsClosedByServerAsync(timeoutMs: 30_000));
    }
}

/// <summary>The cancellation tests on a connection served in direct mode (its own thread; the watchdog sees the peer).</summary>
public sealed class CancellationTests() : CancellationTestsBase(direct: true);

/// <summary>The cancellation tests on the async path (the pump sees the peer).</summary>
public sealed class AsyncPathCancellationTests() : CancellationTestsBase(direct: false);
