using System.Net;
using System.Net.Sockets;
using KnowledgeGraph.Bolt.Protocol.Messages;
using KnowledgeGraph.Bolt.Tests.Infrastructure;
using Xunit;

namespace KnowledgeGraph.Bolt.Tests.Server;

/// <summary>Who gets a slot: pending (not logged in) connections, per-address limits, the login deadline.</summary>
public sealed class AdmissionTests
{
    private static async Task<List<Socket>> OpenBareSocketsAsync(int count, IPAddress? from, int port)
    {
        var sockets = new List<Socket>();
        for (var i = 0; i < count; i++)
        {
            var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
            if (from is not null) socket.Bind(new IPEndPoint(from, 0));
            await socket.ConnectAsync(IPAddress.Loopback, port);
            sockets.Add(socket);
        }
        return sockets;
    }

    private static async Task AssertQueryWorksAsync(BoltTestServer server)
    {
        await using var client = await RawBoltClient.ConnectReadyAsync(server.EndPoint);
        await client.SendAsync(new RunMessage("RETURN 42 AS answer", Maps.Empty, Maps.Empty), new PullMessage(-1));
        Assert.IsType<SuccessMessage>(await client.ReceiveAsync());
        var (records, summary) = await client.ReceiveStreamAsync();
        Assert.IsType<SuccessMessage>(summary);
        Assert.Equal(42L, records.Single()[0]);
    }

    private static async Task WaitUntilAsync(Func<bool> condition, string what)
    {
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, $"gave up waiting until {what}");
            await Task.Delay(20);
        }
    }

    [Fact]
    public async Task BareConnections_Should_NotLockOutClients_When_PendingCapIsFull()
    {
        await using var server = await BoltTestServer.StartAsync(new Dictionary<string, string?>
        {
            ["Bolt:MaxPendingConnections"] = "10",
            ["Bolt:MaxConnections"] = "5",
            ["Bolt:MaxConnectionsPerAddress"] = "0",
        });
        var bare = await OpenBareSocketsAsync(60, null, server.Port);
        try
        {
            await WaitUntilAsync(() => server.Server.PendingCount == 10 && server.Server.ConnectionCount <= 10, "the pending cap holds");
            // Each login displaces the oldest bare socket, and logged-in clients do not count as pending.
            for (var i = 0; i < 5; i++) await AssertQueryWorksAsync(server);
            Assert.True(server.Server.PendingCount <= 10);
        }
        finally
        {
            foreach (var s in bare) s.Dispose();
        }
    }

    [Fact]
    public async Task Displacement_Should_TakeTheFloodingAddressesSockets_When_AnotherAddressHoldsTheOldestSilentOne()
    {
        await using var server = await BoltTestServer.StartAsync(new Dictionary<string, string?>
        {
            ["Bolt:MaxPendingConnections"] = "10",
            ["Bolt:MaxConnectionsPerAddress"] = "0",
        });
        // The oldest silent socket belongs to 127.0.0.1 (a client whose handshake is late); then 127.0.0.2 floods.
        var late = (await OpenBareSocketsAsync(1, IPAddress.Loopback, server.Port)).Single();
        await WaitUntilAsync(() => server.Server.PendingCount == 1, "the first socket is pending");
        var flood = await OpenBareSocketsAsync(40, IPAddress.Parse("127.0.0.2"), server.Port);
        try
        {
            await WaitUntilAsync(() => server.Server.PendingCount == 10 && server.Server.ConnectionCount <= 10, "the pending cap holds");
            // The late client still gets its handshake answered: the flood displaced only its own sockets.
            await late.SendAsync(new byte[] { 0x60, 0x60, 0xB0, 0x17, 0, 8, 8, 5, 0, 0, 0, 4, 0, 0, 0, 0, 0, 0, 0, 0 }, SocketFlags.None);
            var reply = new byte[4];
            var got = 0;
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
            while (got < 4)
            {
                var n = await late.ReceiveAsync(reply.AsMemory(got), SocketFlags.None, timeout.Token);
                Assert.True(n > 0, "the server closed the late client's socket: it was displaced by the flood from another address");
                got += n;
            }
            Assert.Equal(5, reply[3]);
        }
        finally
        {
            late.Dispose();
            foreach (var s in flood) s.Dispose();
        }
    }

    [Fact]
    public async Task PendingConnections_Should_NotCountTowardMaxConnections_When_ClientsLogIn()
    {
        await using var server = await BoltTestServer.StartAsync(new Dictionary<string, string?> { ["Bolt:MaxConnections"] = "2" });
        var bare = await OpenBareSocketsAsync(20, null, server.Port);
        try
        {
            await using var first = await RawBoltClient.ConnectReadyAsync(server.EndPoint);
            await using var second = await RawBoltClient.ConnectReadyAsync(server.EndPoint);
            Assert.Equal(2, server.Server.AuthenticatedCount);
        }
        finally
        {
            foreach (var s in bare) s.Dispose();
        }
    }

    [Fact]
    public async Task Login_Should_FailWithServiceUnavailable_When_LoggedInSlotsAreTaken()
    {
        await using var server = await BoltTestServer.StartAsync(new Dictionary<string, string?> { ["Bolt:MaxConnections"] = "1" });
        await using var late = await RawBoltClient.ConnectAsync(server.EndPoint);
        await late.HandshakeAsync([0, 8, 8, 5]);
        Assert.IsType<SuccessMessage>(await late.RequestAsync(new HelloMessage(new Dictionary<string, object?> { ["user_agent"] = "raw/1" })));
        await using var holder = await RawBoltClient.ConnectReadyAsync(server.EndPoint);
        var failure = Assert.IsType<FailureMessage>(await late.RequestAsync(new LogonMessage(new Dictionary<string, object?>
        {
            ["scheme"] = "basic", ["principal"] = BoltTestServer.User, ["credentials"] = BoltTestServer.Password,
        })));
        Assert.Equal("Neo.TransientError.General.ServiceUnavailable", failure.Metadata["neo4j_code"]);
        Assert.True(await late.IsClosedByServerAsync());
    }

    [Fact]
    public async Task PerAddressLimit_Should_CloseExtraConnections_When_OneAddressFloods()
    {
        await using var server = await BoltTestServer.StartAsync(new Dictionary<string, string?> { ["Bolt:MaxConnectionsPerAddress"] = "5" });
        var flooder = IPAddress.Parse("127.0.0.2"); // Linux routes all of 127/8 to loopback
        var bare = await OpenBareSocketsAsync(5, flooder, server.Port);
        try
        {
            await WaitUntilAsync(() => server.Server.PendingCount == 5, "the flooder's connections are admitted");
            var extra = (await OpenBareSocketsAsync(1, flooder, server.Port))[0];
            bare.Add(extra);
            var buffer = new byte[1];
            using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(10));
            Assert.Equal(0, await extra.ReceiveAsync(buffer, SocketFlags.None, cts.Token)); // closed by the server
            await AssertQueryWorksAsync(server); // another address is unaffected
        }
        finally
        {
            foreach (var s in bare) s.Dispose();
        }
    }

    [Fact]
    public async Task LoginDeadline_Should_CloseConnection_When_ClientTricklesItsHello()
    {
        await using var server = await BoltTestServer.StartAsync(new Dictionary<string, string?> { ["Bolt:HandshakeTimeoutSeconds"] = "1" });
        await using var client = await RawBoltClient.ConnectAsync(server.EndPoint);
        await client.HandshakeAsync([0, 8, 8, 5]);
        // One byte of a chunk header at a time, each well inside a per-read timeout: only a deadline for the whole
        // login ends this.
        var closed = false;
        for (var i = 0; i < 100 && !closed; i++)
        {
            try
            {
                await client.SendRawAsync([0x00]);
            }
            catch (IOException)
            {
                closed = true;
                break;
            }
            await Task.Delay(200);
            closed = server.Server.ConnectionCount == 0;
        }
        Assert.True(closed, "a client trickling its HELLO kept its pending slot");
        await AssertQueryWorksAsync(server);
    }
}
