using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using KnowledgeGraph.Bolt.Diagnostics;
using KnowledgeGraph.Bolt.Protocol.Messages;
using KnowledgeGraph.Bolt.Server;
using KnowledgeGraph.Bolt.Tests.Infrastructure;
using KnowledgeGraph.Driver;
using Xunit;

namespace KnowledgeGraph.Bolt.Tests.Server;

/// <summary>
/// Direct mode: a plain-TCP connection runs on a thread of its own (Bolt:DirectConnections caps how many), with
/// blocking socket calls, so its requests need no thread-pool work. Which thread ran a statement is read from the
/// server's <c>bolt.run</c> activity. Cancellation, deadlines and transports in both modes are covered by
/// CancellationTests / AsyncPathCancellationTests, IdleTimeoutTests and WebSocketTransportTests.
/// </summary>
public sealed class DirectModeTests
{
    // Counting to 10^12 would take hours; it only ends by cancellation.
    private const string Endless = "CREATE (:Abandoned) WITH 1 AS one UNWIND range(1, 1000000000000) AS x RETURN count(x) AS n";

    public static TheoryData<bool> Modes => new() { true, false };

    private static Task<BoltTestServer> StartAsync(int directConnections) =>
        BoltTestServer.StartAsync(new Dictionary<string, string?> { ["Bolt:DirectConnections"] = directConnections.ToString(System.Globalization.CultureInfo.InvariantCulture) });

    /// <summary>Logs in and returns the client with its server-side connection id (from HELLO's connection_id).</summary>
    private static async Task<(RawBoltClient Client, long Id)> ConnectAsync(BoltTestServer server)
    {
        var client = await RawBoltClient.ConnectAsync(server.EndPoint);
        await client.HandshakeAsync([0, 8, 8, 5]);
        var hello = Assert.IsType<SuccessMessage>(await client.RequestAsync(new HelloMessage(new Dictionary<string, object?> { ["user_agent"] = "raw/1" })));
        Assert.IsType<SuccessMessage>(await client.RequestAsync(new LogonMessage(new Dictionary<string, object?>
        {
            ["scheme"] = "basic", ["principal"] = BoltTestServer.User, ["credentials"] = BoltTestServer.Password,
        })));
        var id = long.Parse(((string)hello.Metadata["connection_id"]!)["bolt-".Length..], System.Globalization.CultureInfo.InvariantCulture);
        return (client, id);
    }

    private static async Task WaitUntilAsync(Func<bool> condition, string what)
    {
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (!condition())
        {
            if (DateTime.UtcNow > deadline) Assert.Fail($"timed out waiting until {what}");
            await Task.Delay(10);
        }
    }

    // Reads only: it holds no writer, so only a cancellation ends it (the writer wait of a write statement has a
    // timeout of its own, which would end a blocked test without telling whether the statement was cancelled).
    private const string EndlessRead = "UNWIND range(1, 1000000000000) AS x RETURN count(x) AS n";

    private static async Task<bool> EndlessRunsAsync(BoltTestServer server, string query = Endless)
    {
        var shown = await server.Database.ExecuteQueryAsync("SHOW TRANSACTIONS YIELD currentQuery RETURN currentQuery");
        return shown.Records.Any(r => (string?)r["currentQuery"] == query);
    }

    private static async Task WaitUntilEndlessRunsAsync(BoltTestServer server, string query = Endless, bool runs = true)
    {
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (await EndlessRunsAsync(server, query) != runs)
        {
            if (DateTime.UtcNow > deadline) Assert.Fail(runs ? "the endless statement never started" : "the endless statement was not cancelled");
            await Task.Delay(10);
        }
    }

    [Theory]
    [MemberData(nameof(Modes))]
    public async Task Disconnect_Should_CancelRunningStatement_When_ClientResetsItsSocket(bool direct)
    {
        await using var server = await StartAsync(direct ? 4 : 0);
        var (client, _) = await ConnectAsync(server);
        await using (client)
        {
            Assert.Equal(direct ? 1 : 0, server.Server.DirectCount);
            await client.SendAsync(new RunMessage(EndlessRead, Maps.Empty, Maps.Empty), new PullMessage(-1));
            await WaitUntilEndlessRunsAsync(server, EndlessRead);
            client.Reset(); // RST, as a killed client
            await WaitUntilEndlessRunsAsync(server, EndlessRead, runs: false);
            await WaitUntilAsync(() => server.Server.ConnectionCount == 0, "the connection ended");
        }
    }

    [Theory]
    [MemberData(nameof(Modes))]
    public async Task Goodbye_Should_CancelRunningStatement_When_SentBehindIt(bool direct)
    {
        await using var server = await StartAsync(direct ? 4 : 0);
        var (client, _) = await ConnectAsync(server);
        await using (client)
        {
            await client.SendAsync(new RunMessage(EndlessRead, Maps.Empty, Maps.Empty), new PullMessage(-1));
            await WaitUntilEndlessRunsAsync(server, EndlessRead);
            await client.SendAsync(GoodbyeMessage.Instance);
            await WaitUntilEndlessRunsAsync(server, EndlessRead, runs: false);
            Assert.True(await client.IsClosedByServerAsync(timeoutMs: 20_000));
        }
    }

    /// <summary>Records, per connection id of one server (tests run in parallel, each server's ids count from 1), the
    /// thread each <c>bolt.run</c> activity started on.</summary>
    private sealed class RunThreads : IDisposable
    {
        private readonly ActivityListener _listener;
        private readonly ConcurrentDictionary<(int Port, long Id), (bool Pool, string? Name)> _threads = new();
        private int _port;

        public RunThreads()
        {
            _listener = new ActivityListener
            {
                ShouldListenTo = source => source.Name == BoltTelemetry.Name,
                Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllData,
                ActivityStarted = activity => activity.SetCustomProperty("thread", (Thread.CurrentThread.IsThreadPoolThread, Thread.CurrentThread.Name)),
                ActivityStopped = activity =>
                {
                    if (activity.GetTagItem("bolt.connection.id") is long id && activity.GetTagItem("server.port") is int port
                        && activity.GetCustomProperty("thread") is ValueTuple<bool, string?> thread)
                        _threads[(port, id)] = thread;
                },
            };
            ActivitySource.AddActivityListener(_listener);
        }

        /// <summary>The server whose connections <see cref="Of"/> looks up.</summary>
        public BoltTestServer Server
        {
            set => _port = value.Port;
        }

        public (bool Pool, string? Name) Of(long connectionId) =>
            _threads.TryGetValue((_port, connectionId), out var thread) ? thread : throw new InvalidOperationException($"no RUN seen on connection {connectionId}");

        public void Dispose() => _listener.Dispose();
    }

    private static async Task<long> AnswerAsync(RawBoltClient client, string query)
    {
        var (records, summary) = await client.RunAsync(new RunMessage(query, Maps.Empty, Maps.Empty));
        Assert.IsType<SuccessMessage>(summary);
        return (long)records.Single()[0]!;
    }

    [Theory]
    [MemberData(nameof(Modes))]
    public async Task Statement_Should_RunOnTheConnectionsOwnThread_When_DirectSlotIsFree(bool direct)
    {
        using var threads = new RunThreads();
        await using var server = await StartAsync(direct ? 4 : 0);
        threads.Server = server;
        var (client, id) = await ConnectAsync(server);
        await using (client)
        {
            Assert.Equal(direct ? 1 : 0, server.Server.DirectCount);
            Assert.Equal(1L, await AnswerAsync(client, "RETURN 1"));
            var thread = threads.Of(id);
            Assert.Equal(!direct, thread.Pool);
            if (direct) Assert.Equal($"Bolt connection {id}", thread.Name);
        }
        await WaitUntilAsync(() => server.Server.ConnectionCount == 0, "the connection ended");
        // The connection's thread gives its slot back just after the connection leaves the server's list.
        await WaitUntilAsync(() => server.Server.DirectCount == 0, "the direct slot was given back");
    }

    [Fact]
    public async Task Connection_Should_UseAsyncPath_When_DirectSlotsAreTaken()
    {
        using var threads = new RunThreads();
        await using var server = await StartAsync(1);
        threads.Server = server;
        var (first, firstId) = await ConnectAsync(server);
        var (second, secondId) = await ConnectAsync(server);
        await using (second)
        {
            await using (first)
            {
                Assert.Equal(1, server.Server.DirectCount);
                Assert.Equal(1L, await AnswerAsync(first, "RETURN 1"));
                Assert.Equal(2L, await AnswerAsync(second, "RETURN 2"));
                Assert.False(threads.Of(firstId).Pool);
                Assert.True(threads.Of(secondId).Pool);
            }
            // The slot is free again once the direct connection ends: the next connection gets it.
            await WaitUntilAsync(() => server.Server.DirectCount == 0, "the direct slot was given back");
            var (third, thirdId) = await ConnectAsync(server);
            await using (third)
            {
                Assert.Equal(1, server.Server.DirectCount);
                Assert.Equal(3L, await AnswerAsync(third, "RETURN 3"));
                Assert.False(threads.Of(thirdId).Pool);
                Assert.Equal(4L, await AnswerAsync(second, "RETURN 4"));
            }
        }
    }

    [Fact]
    public async Task LongStatement_Should_NotHoldUpAnotherDirectConnection_When_BothRunAtOnce()
    {
        await using var server = await StartAsync(4);
        var (busy, _) = await ConnectAsync(server);
        await using (busy)
        {
            var (other, _) = await ConnectAsync(server);
            await using (other)
            {
                Assert.Equal(2, server.Server.DirectCount);
                await busy.SendAsync(new RunMessage(Endless, Maps.Empty, Maps.Empty), new PullMessage(-1));
                await WaitUntilEndlessRunsAsync(server);
                // The other connection is answered while the endless statement still runs (it only ends by RESET).
                for (var i = 0; i < 3; i++) Assert.Equal(i, await AnswerAsync(other, $"RETURN {i}"));
                Assert.True(await EndlessRunsAsync(server));
                await busy.SendAsync(ResetMessage.Instance);
                Assert.IsType<FailureMessage>(await busy.ReceiveAsync(timeoutMs: 30_000));
            }
        }
    }

    [Theory]
    [MemberData(nameof(Modes))]
    public async Task Stop_Should_CloseEveryConnection_When_DirectConnectionsAreIdleOrBusy(bool direct)
    {
        await using var server = await StartAsync(direct ? 4 : 0);
        var (idle, _) = await ConnectAsync(server);
        var (busy, _) = await ConnectAsync(server);
        await using (idle)
        await using (busy)
        {
            Assert.Equal(direct ? 2 : 0, server.Server.DirectCount);
            await busy.SendAsync(new RunMessage(Endless, Maps.Empty, Maps.Empty), new PullMessage(-1));
            await WaitUntilEndlessRunsAsync(server);
            await server.Server.StopAsync(CancellationToken.None);
            Assert.Equal(0, server.Server.ConnectionCount);
            Assert.Equal(0, server.Server.DirectCount);
            Assert.True(await idle.IsClosedByServerAsync(timeoutMs: 10_000));
            Assert.True(await busy.IsClosedByServerAsync(timeoutMs: 10_000));
            Assert.False(await EndlessRunsAsync(server));
        }
    }

    [Fact]
    public async Task ServeUntil_Should_SendWritesOfWorkThatContinuesOnThePool_When_OwnerWaits()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        using var client = new TcpClient();
        await client.ConnectAsync((IPEndPoint)listener.LocalEndpoint);
        using var accepted = listener.AcceptSocket();
        using var stream = new DirectSocketStream(accepted, 64 * 1024);
        var payload = new byte[300_000]; // more than the socket buffers: the owner's send waits for the reader
        Random.Shared.NextBytes(payload);
        var received = Task.Run(async () =>
        {
            var buffer = new byte[payload.Length];
            await client.GetStream().ReadExactlyAsync(buffer);
            return buffer;
        });
        stream.BeginServing();
        var work = WorkAsync();
        stream.ServeUntil(work);
        Assert.True(work.IsCompletedSuccessfully);
        Assert.Equal(payload, await received);

        async Task WorkAsync()
        {
            await Task.Yield(); // continues on the pool, as an engine await would
            await stream.WriteAsync(payload);
        }
    }
}
