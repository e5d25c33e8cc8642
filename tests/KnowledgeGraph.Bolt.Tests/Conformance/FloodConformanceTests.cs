using System.Net;
using System.Net.Sockets;
using KnowledgeGraph.Bolt.Tests.Infrastructure;
using Xunit;
using Xunit.Abstractions;

namespace KnowledgeGraph.Bolt.Tests.Conformance;

/// <summary>
/// The official driver must still get in while a thousand sockets that never send a byte flood the port from the
/// same address (per-address limit off, so only the pending cap and its displacement protect the driver), and the
/// flood reopens every socket the server closes. A connection of the driver that has not sent its handshake yet is a
/// silent socket from the flood's address like all the others: it goes once the flood has opened a pending cap's worth
/// of newer ones (a few hundred milliseconds here, less on a quiet machine). Under heavy load the driver's process can
/// be starved that long between its connect and its first write, and its run fails with ServiceUnavailable (a reset);
/// so the script tries such a run again (CONNECT_RETRIES), as the driver's managed transactions do by themselves.
/// </summary>
[Collection("conformance")]
public sealed class FloodConformanceTests(ITestOutputHelper output) : IAsyncLifetime
{
    private BoltTestServer _server = null!;

    public async Task InitializeAsync() => _server = await BoltTestServer.StartAsync(new Dictionary<string, string?>
    {
        ["Bolt:MaxConnectionsPerAddress"] = "0",
        ["Bolt:MaxPendingConnections"] = "256",
    });

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [NodeFact]
    public async Task Driver_Should_RunConcurrentSessions_When_BareSocketsFloodThePort()
    {
        using var stop = new CancellationTokenSource();
        var opened = 0;
        async Task HoldOneAsync()
        {
            // One flood slot: connect, never send, reconnect as soon as the server closes it.
            while (!stop.IsCancellationRequested)
            {
                using var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
                try
                {
                    await socket.ConnectAsync(IPAddress.Loopback, _server.Port, stop.Token);
                    Interlocked.Increment(ref opened);
                    await socket.ReceiveAsync(new byte[1], SocketFlags.None, stop.Token);
                }
                catch (Exception e) when (e is SocketException or OperationCanceledException)
                {
                    if (!stop.IsCancellationRequested) await Task.Delay(10);
                }
            }
        }
        var flood = Enumerable.Range(0, 1000).Select(_ => Task.Run(HoldOneAsync)).ToList();
        try
        {
            var deadline = DateTime.UtcNow.AddSeconds(20);
            while (_server.Server.PendingCount < 256 && DateTime.UtcNow < deadline) await Task.Delay(20);
            Assert.Equal(256, _server.Server.PendingCount);
            var json = await NodeConformance.RunScriptAsync("concurrency", new Dictionary<string, string>
            {
                ["BOLT_URI"] = _server.BoltUri,
                ["BOLT_USER"] = BoltTestServer.User,
                ["BOLT_PASSWORD"] = BoltTestServer.Password,
                ["SESSIONS"] = "20",
                ["CONNECT_RETRIES"] = "10",
            });
            output.WriteLine($"{json}; flood sockets opened: {Volatile.Read(ref opened)}");
            Assert.True(json.GetProperty("ok").GetBoolean(), json.ToString());
        }
        finally
        {
            await stop.CancelAsync();
            await Task.WhenAll(flood);
        }
    }
}
