using KnowledgeGraph.Bolt.Protocol.Messages;
using KnowledgeGraph.Bolt.Tests.Infrastructure;
using Xunit;

namespace KnowledgeGraph.Bolt.Tests.Server;

public sealed class IdleTimeoutTests
{
    [Fact]
    public async Task IdleConnection_Should_BeClosed_When_IdleTimeoutPasses()
    {
        await using var server = await BoltTestServer.StartAsync(new Dictionary<string, string?> { ["Bolt:IdleTimeoutSeconds"] = "1" });
        await using var client = await RawBoltClient.ConnectReadyAsync(server.EndPoint);
        Assert.True(await client.IsClosedByServerAsync(timeoutMs: 10_000));
    }

    [Fact]
    public async Task StalledReader_Should_BeDropped_When_RepliesCannotBeWrittenWithinIdleTimeout()
    {
        await using var server = await BoltTestServer.StartAsync(new Dictionary<string, string?> { ["Bolt:IdleTimeoutSeconds"] = "1" });
        await using var stalled = await RawBoltClient.ConnectReadyAsync(server.EndPoint);
        // Pull a result far bigger than the socket buffers and never read it: the server's write blocks.
        await stalled.SendAsync(new RunMessage("UNWIND range(1, 2000000) AS i RETURN i, 'padding-padding-padding-padding' AS s", Maps.Empty, Maps.Empty), new PullMessage(-1));
        var deadline = DateTime.UtcNow.AddSeconds(15);
        while (server.Server.ConnectionCount > 0 && DateTime.UtcNow < deadline) await Task.Delay(50);
        Assert.Equal(0, server.Server.ConnectionCount);
    }
}
