using KnowledgeGraph.Bolt.Protocol.Messages;
using KnowledgeGraph.Bolt.Tests.Infrastructure;
using Xunit;

namespace KnowledgeGraph.Bolt.Tests.Server;

public sealed class RobustnessTests : IAsyncLifetime
{
    private BoltTestServer _server = null!;

    public async Task InitializeAsync() => _server = await BoltTestServer.StartAsync(new Dictionary<string, string?>
    {
        ["Bolt:MaxMessageBytes"] = "65536",
        ["Bolt:MaxConnections"] = "20",
        ["Bolt:HandshakeTimeoutSeconds"] = "2",
    });

    public async Task DisposeAsync() => await _server.DisposeAsync();

    /// <summary>After each abuse the server must still answer a well-behaved client.</summary>
    private async Task AssertServerStillServesAsync()
    {
        await using var client = await RawBoltClient.ConnectReadyAsync(_server.EndPoint);
        await client.SendAsync(new RunMessage("RETURN 42 AS answer", Maps.Empty, Maps.Empty), new PullMessage(-1));
        Assert.IsType<SuccessMessage>(await client.ReceiveAsync());
        var (records, summary) = await client.ReceiveStreamAsync();
        Assert.IsType<SuccessMessage>(summary);
        Assert.Equal(42L, records.Single()[0]);
    }

    [Fact]
    public async Task Garbage_Should_CloseConnection_When_MagicIsWrong()
    {
        await using var client = await RawBoltClient.ConnectAsync(_server.EndPoint);
        await client.SendRawAsync("GET / HTTP/1.1\r\nHost: x\r\n\r\n"u8.ToArray());
        Assert.True(await client.IsClosedByServerAsync());
        await AssertServerStillServesAsync();
    }

    [Fact]
    public async Task MalformedPackStream_Should_FailAndClose_When_MessageBodyIsGarbage()
    {
        await using var client = await RawBoltClient.ConnectReadyAsync(_server.EndPoint);
        // One chunk holding a RUN header with a string that claims 2 GB.
        await client.SendRawAsync([0x00, 0x08, 0xB3, 0x10, 0xD2, 0x7F, 0xFF, 0xFF, 0xFF, 0x41, 0x00, 0x00]);
        var failure = Assert.IsType<FailureMessage>(await client.ReceiveAsync());
        Assert.Equal("Neo.ClientError.Request.InvalidFormat", failure.Metadata["neo4j_code"]);
        Assert.True(await client.IsClosedByServerAsync());
        await AssertServerStillServesAsync();
    }

    [Fact]
    public async Task UnknownSignature_Should_FailAndClose_When_Sent()
    {
        await using var client = await RawBoltClient.ConnectReadyAsync(_server.EndPoint);
        await client.SendRawAsync([0x00, 0x02, 0xB0, 0x55, 0x00, 0x00]);
        var failure = Assert.IsType<FailureMessage>(await client.ReceiveAsync());
        Assert.Equal("Neo.ClientError.Request.Invalid", failure.Metadata["neo4j_code"]);
        Assert.True(await client.IsClosedByServerAsync());
        await AssertServerStillServesAsync();
    }

    [Fact]
    public async Task OversizedMessage_Should_FailAndClose_When_OverTheLimit()
    {
        await using var client = await RawBoltClient.ConnectReadyAsync(_server.EndPoint);
        // Two full chunks (131070 bytes) exceed the 64 KiB limit before the message even ends.
        var chunk = new byte[2 + 65535];
        chunk[0] = 0xFF;
        chunk[1] = 0xFF;
        await client.SendRawAsync(chunk);
        await client.SendRawAsync(chunk);
        var failure = Assert.IsType<FailureMessage>(await client.ReceiveAsync());
        Assert.Equal("Neo.ClientError.Request.Invalid", failure.Metadata["neo4j_code"]);
        Assert.True(await client.IsClosedByServerAsync());
        await AssertServerStillServesAsync();
    }

    [Fact]
    public async Task TruncatedHandshake_Should_TimeOut_When_ClientStalls()
    {
        await using var client = await RawBoltClient.ConnectAsync(_server.EndPoint);
        await client.SendRawAsync([0x60, 0x60]);
        Assert.True(await client.IsClosedByServerAsync(timeoutMs: 10_000));
        await AssertServerStillServesAsync();
    }

    [Fact]
    public async Task SlowClient_Should_NotStallOthers_When_ItNeverReadsItsResult()
    {
        // A client pulls a big result and never reads it: its socket buffers fill and its task blocks on write.
        await using var slow = await RawBoltClient.ConnectReadyAsync(_server.EndPoint);
        await slow.SendAsync(new RunMessage("UNWIND range(1, 300000) AS i RETURN i, 'padding-padding-padding' AS s", Maps.Empty, Maps.Empty), new PullMessage(-1));
        await Task.Delay(200);
        var others = Enumerable.Range(0, 5).Select(_ => AssertServerStillServesAsync());
        await Task.WhenAll(others).WaitAsync(TimeSpan.FromSeconds(20));
    }

    [Fact]
    public async Task ConnectionLimit_Should_CloseExtraConnections_When_LimitReached()
    {
        var held = new List<RawBoltClient>();
        try
        {
            for (var i = 0; i < 20; i++) held.Add(await RawBoltClient.ConnectReadyAsync(_server.EndPoint));
            await using var extra = await RawBoltClient.ConnectAsync(_server.EndPoint);
            Assert.True(await extra.IsClosedByServerAsync());
        }
        finally
        {
            foreach (var c in held) await c.DisposeAsync();
        }
        // Freed slots are reusable (the server notices the closed sockets).
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (_server.Server.ConnectionCount > 0 && DateTime.UtcNow < deadline) await Task.Delay(20);
        await AssertServerStillServesAsync();
    }

    [Fact]
    public async Task AbruptDisconnect_Should_RollBackOpenTransaction_When_ClientVanishes()
    {
        var client = await RawBoltClient.ConnectReadyAsync(_server.EndPoint);
        Assert.IsType<SuccessMessage>(await client.RequestAsync(new BeginMessage(Maps.Empty)));
        await client.SendAsync(new RunMessage("CREATE (:Vanished)", Maps.Empty, Maps.Empty), new PullMessage(-1));
        Assert.IsType<SuccessMessage>(await client.ReceiveAsync());
        await client.ReceiveStreamAsync();
        client.Stream.Socket.Close(0);
        await client.DisposeAsync();
        await using var check = await RawBoltClient.ConnectReadyAsync(_server.EndPoint);
        await check.SendAsync(new RunMessage("MATCH (n:Vanished) RETURN count(n)", Maps.Empty, Maps.Empty), new PullMessage(-1));
        Assert.IsType<SuccessMessage>(await check.ReceiveAsync());
        Assert.Equal(0L, (await check.ReceiveStreamAsync()).Records.Single()[0]);
    }
}
