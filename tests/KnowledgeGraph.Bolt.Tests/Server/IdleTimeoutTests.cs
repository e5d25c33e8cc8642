using KnowledgeGraph.Bolt.Protocol.Messages;
using KnowledgeGraph.Bolt.Tests.Infrastructure;
using Xunit;

namespace KnowledgeGraph.Bolt.Tests.Server;

public sealed class IdleTimeoutTests
{
    // Each test runs on a connection in direct mode (its own thread, blocking socket calls: a deadline closes the
    // socket) and on the async path (a deadline cancels the awaited read or write).
    public static TheoryData<bool> Modes => new() { true, false };

    private static Task<BoltTestServer> StartAsync(bool direct, string key, string value) =>
        BoltTestServer.StartAsync(new Dictionary<string, string?> { [key] = value, ["Bolt:DirectConnections"] = direct ? "64" : "0" });

    [Theory]
    [MemberData(nameof(Modes))]
    public async Task IdleConnection_Should_BeClosed_When_IdleTimeoutPasses(bool direct)
    {
        await using var server = await StartAsync(direct, "Bolt:IdleTimeoutSeconds", "1");
        await using var client = await RawBoltClient.ConnectReadyAsync(server.EndPoint);
        Assert.Equal(direct ? 1 : 0, server.Server.DirectCount);
        Assert.True(await client.IsClosedByServerAsync(timeoutMs: 10_000));
    }

    [Theory]
    [MemberData(nameof(Modes))]
    public async Task LoginDeadline_Should_CloseConnection_When_ClientSendsNothing(bool direct)
    {
        await using var server = await StartAsync(direct, "Bolt:HandshakeTimeoutSeconds", "1");
        await using var client = await RawBoltClient.ConnectAsync(server.EndPoint);
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (server.Server.ConnectionCount == 0 && DateTime.UtcNow < deadline) await Task.Delay(10);
        Assert.Equal(direct ? 1 : 0, server.Server.DirectCount);
        Assert.True(await client.IsClosedByServerAsync(timeoutMs: 10_000));
    }

    [Theory]
    [MemberData(nameof(Modes))]
    public async Task LoginDeadline_Should_CloseConnection_When_ClientNeverLogsOn(bool direct)
    {
        await using var server = await StartAsync(direct, "Bolt:HandshakeTimeoutSeconds", "1");
        await using var client = await RawBoltClient.ConnectAsync(server.EndPoint);
        await client.HandshakeAsync([0, 8, 8, 5]);
        Assert.IsType<SuccessMessage>(await client.RequestAsync(new HelloMessage(new Dictionary<string, object?> { ["user_agent"] = "raw/1" })));
        Assert.Equal(direct ? 1 : 0, server.Server.DirectCount);
        Assert.True(await client.IsClosedByServerAsync(timeoutMs: 10_000));
    }

    [Theory]
    [MemberData(nameof(Modes))]
    public async Task StalledReader_Should_BeDropped_When_RepliesCannotBeWrittenWithinIdleTimeout(bool direct)
    {
        await using var server = await StartAsync(direct, "Bolt:IdleTimeoutSeconds", "1");
        await using var stalled = await RawBoltClient.ConnectReadyAsync(server.EndPoint);
        Assert.Equal(direct ? 1 : 0, server.Server.DirectCount);
        // Pull a result far bigger than the socket buffers and never read it: the server's write blocks.
        await stalled.SendAsync(new RunMessage("UNWIND range(1, 2000000) AS i RETURN i, 'padding-padding-padding-padding' AS s", Maps.Empty, Maps.Empty), new PullMessage(-1));
        var deadline = DateTime.UtcNow.AddSeconds(15);
        while (server.Server.ConnectionCount > 0 && DateTime.UtcNow < deadline) await Task.Delay(50);
        Assert.Equal(0, server.Server.ConnectionCount);
    }
}
