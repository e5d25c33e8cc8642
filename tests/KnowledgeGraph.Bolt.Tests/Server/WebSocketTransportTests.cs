using System.Net;
using System.Net.Sockets;
using System.Net.WebSockets;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using KnowledgeGraph.Bolt.Protocol.Chunking;
using KnowledgeGraph.Bolt.Protocol.Messages;
using KnowledgeGraph.Bolt.Protocol.PackStream;
using KnowledgeGraph.Bolt.Tests.Infrastructure;
using Xunit;

namespace KnowledgeGraph.Bolt.Tests.Server;

/// <summary>
/// Bolt over WebSocket on the Bolt port, through .NET's own client WebSocket: the same handshake and chunked messages
/// in binary frames, however the client splits them into frames and messages; close frames; refused upgrades.
/// </summary>
public sealed class WebSocketTransportTests : IAsyncLifetime
{
    private static readonly byte[] Handshake = [0x60, 0x60, 0xB0, 0x17, 0, 8, 8, 5, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0];

    private BoltTestServer _server = null!;

    public async Task InitializeAsync() => _server = await BoltTestServer.StartAsync(new Dictionary<string, string?>
    {
        ["Bolt:HandshakeTimeoutSeconds"] = "2",
    });

    public async Task DisposeAsync() => await _server.DisposeAsync();

    private Uri WsUri => new($"ws://127.0.0.1:{_server.Port}");

    private static byte[] Chunked(params IBoltMessage[] messages)
    {
        using var buffer = new MemoryStream();
        var writer = new ChunkWriter(buffer);
        foreach (var message in messages)
        {
            var packer = new PackStreamWriter();
            message.Write(packer);
            writer.WriteMessage(packer.Written.Span);
        }
        writer.FlushAsync(CancellationToken.None).AsTask().GetAwaiter().GetResult();
        return buffer.ToArray();
    }

    private static IBoltMessage Hello() => new HelloMessage(new Dictionary<string, object?> { ["user_agent"] = "ws-test/1" });

    private static IBoltMessage Logon() => new LogonMessage(new Dictionary<string, object?>
    {
        ["scheme"] = "basic", ["principal"] = BoltTestServer.User, ["credentials"] = BoltTestServer.Password,
    });

    /// <summary>Bolt messages read from the socket's binary messages, joined into one byte stream.</summary>
    private static async Task<IBoltMessage> ReceiveAsync(ChunkReader reader)
    {
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        return BoltMessageCodec.ReadResponse(await reader.ReadMessageAsync(cts.Token));
    }

    private async Task<(ClientWebSocket Socket, ChunkReader Reader)> ConnectLoggedInAsync(Uri? uri = null)
    {
        var socket = new ClientWebSocket();
        await socket.ConnectAsync(uri ?? WsUri, CancellationToken.None);
        var reader = new ChunkReader(WebSocketStream.Create(socket, WebSocketMessageType.Binary, ownsWebSocket: false), 1 << 20);
        await socket.SendAsync(Handshake, WebSocketMessageType.Binary, true, CancellationToken.None);
        Assert.Equal(new byte[] { 0, 0, 8, 5 }, (await reader.ReadRawAsync(4, CancellationToken.None)).ToArray());
        await socket.SendAsync(Chunked(Hello(), Logon()), WebSocketMessageType.Binary, true, CancellationToken.None);
        Assert.IsType<SuccessMessage>(await ReceiveAsync(reader));
        Assert.IsType<SuccessMessage>(await ReceiveAsync(reader));
        return (socket, reader);
    }

    private static async Task<long> AnswerAsync(ClientWebSocket socket, ChunkReader reader, string query)
    {
        await socket.SendAsync(Chunked(new RunMessage(query, Maps.Empty, Maps.Empty), new PullMessage(-1)), WebSocketMessageType.Binary, true, CancellationToken.None);
        Assert.IsType<SuccessMessage>(await ReceiveAsync(reader));
        var record = Assert.IsType<RecordMessage>(await ReceiveAsync(reader));
        Assert.IsType<SuccessMessage>(await ReceiveAsync(reader));
        return (long)record.Fields[0]!;
    }

    [Fact]
    public async Task WebSocket_Should_RunQuery_When_BoltTravelsInBinaryFrames()
    {
        var (socket, reader) = await ConnectLoggedInAsync();
        using (socket)
        {
            Assert.Equal(42L, await AnswerAsync(socket, reader, "RETURN 42 AS answer"));
            Assert.Equal(WebSocketState.Open, socket.State);
        }
    }

    [Fact]
    public async Task WebSocket_Should_LeaveDirectMode_When_ClientUpgradesAPlainConnection()
    {
        // Plain TCP connections start in direct mode; an upgrade moves the connection to the async path (its thread
        // and slot are given back) and it keeps working there.
        await using var server = await BoltTestServer.StartAsync(new Dictionary<string, string?> { ["Bolt:DirectConnections"] = "4" });
        var (socket, reader) = await ConnectLoggedInAsync(new Uri($"ws://127.0.0.1:{server.Port}"));
        using (socket)
        {
            Assert.Equal(0, server.Server.DirectCount);
            Assert.Equal(1, server.Server.ConnectionCount);
            Assert.Equal(7L, await AnswerAsync(socket, reader, "RETURN 7"));
        }
    }

    [Fact]
    public async Task WebSocket_Should_JoinFragments_When_HandshakeAndMessagesAreSplitAcrossFramesAndMessages()
    {
        using var socket = new ClientWebSocket();
        await socket.ConnectAsync(WsUri, CancellationToken.None);
        var reader = new ChunkReader(WebSocketStream.Create(socket, WebSocketMessageType.Binary, ownsWebSocket: false), 1 << 20);
        // The 20-byte handshake as one message of three continuation frames (FIN only on the last).
        await socket.SendAsync(Handshake.AsMemory(0, 3), WebSocketMessageType.Binary, false, CancellationToken.None);
        await socket.SendAsync(Handshake.AsMemory(3, 9), WebSocketMessageType.Binary, false, CancellationToken.None);
        await socket.SendAsync(Handshake.AsMemory(12), WebSocketMessageType.Binary, true, CancellationToken.None);
        Assert.Equal(5, (await reader.ReadRawAsync(4, CancellationToken.None)).Span[3]);
        // HELLO + LOGON + RUN + PULL cut into 5-byte messages: Bolt chunk boundaries and WebSocket boundaries are unrelated.
        var bytes = Chunked(Hello(), Logon(), new RunMessage("RETURN 7 AS n", Maps.Empty, Maps.Empty), new PullMessage(-1));
        for (var at = 0; at < bytes.Length; at += 5)
            await socket.SendAsync(bytes.AsMemory(at, Math.Min(5, bytes.Length - at)), WebSocketMessageType.Binary, true, CancellationToken.None);
        Assert.IsType<SuccessMessage>(await ReceiveAsync(reader));
        Assert.IsType<SuccessMessage>(await ReceiveAsync(reader));
        Assert.IsType<SuccessMessage>(await ReceiveAsync(reader));
        Assert.Equal(7L, Assert.IsType<RecordMessage>(await ReceiveAsync(reader)).Fields[0]);
        Assert.IsType<SuccessMessage>(await ReceiveAsync(reader));
    }

    [Fact]
    public async Task CloseFrame_Should_BeAnsweredAndFreeTheConnection_When_ClientCloses()
    {
        var (socket, reader) = await ConnectLoggedInAsync();
        using (socket)
        {
            Assert.Equal(1L, await AnswerAsync(socket, reader, "RETURN 1"));
            using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(10));
            await socket.CloseAsync(WebSocketCloseStatus.NormalClosure, "bye", cts.Token);
            Assert.Equal(WebSocketState.Closed, socket.State);
            Assert.Equal(WebSocketCloseStatus.NormalClosure, socket.CloseStatus);
        }
        await WaitUntilAsync(() => _server.Server.ConnectionCount == 0);
    }

    [Fact]
    public async Task CloseFrame_Should_BeAnswered_When_ClientClosesWhileRepliesAreStillBeingSent()
    {
        // The client asks for ~20 MB of records and closes without reading them, so the server's send of the replies
        // is still in flight (the socket buffers are full) when the close frame arrives. The close must not cancel
        // that send: ManagedWebSocket aborts on a cancelled send, and an aborted WebSocket ends TCP without a close
        // frame. The client's close reads and drops the data frames until the server's close frame comes.
        var (socket, _) = await ConnectLoggedInAsync();
        using (socket)
        {
            var query = "UNWIND range(1, 20000) AS i RETURN i, $pad AS pad";
            var parameters = new Dictionary<string, object?> { ["pad"] = new string('x', 1000) };
            await socket.SendAsync(Chunked(new RunMessage(query, parameters, Maps.Empty), new PullMessage(-1)), WebSocketMessageType.Binary, true, CancellationToken.None);
            await Task.Delay(500); // let the server fill the socket buffers (earlier, the close would only come sooner)
            using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(30));
            await socket.CloseAsync(WebSocketCloseStatus.NormalClosure, "bye", cts.Token);
            Assert.Equal(WebSocketState.Closed, socket.State);
            Assert.Equal(WebSocketCloseStatus.NormalClosure, socket.CloseStatus);
        }
        await WaitUntilAsync(() => _server.Server.ConnectionCount == 0);
    }

    [Theory]
    [InlineData("GET / HTTP/1.1\r\nHost: x\r\n\r\n", "HTTP/1.1 426 ")]
    [InlineData("POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 0\r\n\r\n", "HTTP/1.1 405 ")]
    [InlineData("GET / HTTP/1.1\r\nHost: x\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Version: 13\r\nSec-WebSocket-Key: short\r\n\r\n", "HTTP/1.1 400 ")]
    [InlineData("GET / HTTP/1.1\r\nHost: x\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Version: 8\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n\r\n", "HTTP/1.1 426 ")]
    [InlineData("GET / HTTP/1.1\r\nthis line has no colon\r\n\r\n", "HTTP/1.1 400 ")]
    public async Task BadUpgrade_Should_GetHttpErrorAndServerKeepsServing_When_RequestIsNotAWebSocketUpgrade(string request, string expectedStatusLine)
    {
        using (var tcp = new TcpClient())
        {
            await tcp.ConnectAsync(IPAddress.Loopback, _server.Port);
            var stream = tcp.GetStream();
            await stream.WriteAsync(Encoding.ASCII.GetBytes(request));
            var response = await ReadToEndAsync(stream);
            Assert.StartsWith(expectedStatusLine, response, StringComparison.Ordinal);
            Assert.Contains("Bolt", response, StringComparison.Ordinal);
        }
        var (socket, reader) = await ConnectLoggedInAsync();
        using (socket) Assert.Equal(3L, await AnswerAsync(socket, reader, "RETURN 1 + 2"));
        await using var plain = await RawBoltClient.ConnectReadyAsync(_server.EndPoint);
    }

    [Fact]
    public async Task UpgradeRequest_Should_BeClosedAtHandshakeTimeout_When_ClientStopsMidRequest()
    {
        using var tcp = new TcpClient();
        await tcp.ConnectAsync(IPAddress.Loopback, _server.Port);
        var stream = tcp.GetStream();
        await stream.WriteAsync("GET / HTTP/1.1\r\nHost: x\r\n"u8.ToArray());
        var started = DateTime.UtcNow;
        Assert.Equal("", await ReadToEndAsync(stream, TimeSpan.FromSeconds(10)));
        Assert.True(DateTime.UtcNow - started < TimeSpan.FromSeconds(9), "the server did not close the stalled upgrade");
    }

    [Fact]
    public async Task PerAddressCap_Should_RefuseWebSocket_When_AddressHasItsConnections()
    {
        await using var server = await BoltTestServer.StartAsync(new Dictionary<string, string?> { ["Bolt:MaxConnectionsPerAddress"] = "1" });
        using var first = new ClientWebSocket();
        await first.ConnectAsync(new Uri($"ws://127.0.0.1:{server.Port}"), CancellationToken.None);
        using var second = new ClientWebSocket();
        await Assert.ThrowsAnyAsync<WebSocketException>(() => second.ConnectAsync(new Uri($"ws://127.0.0.1:{server.Port}"), CancellationToken.None));
    }

    [Fact]
    public async Task SecureWebSocket_Should_RunQuery_When_BoltPortHasTls()
    {
        using var certificate = SelfSignedCertificate();
        var pfx = Path.Combine(Path.GetTempPath(), $"bolt-ws-test-{Guid.NewGuid():N}.pfx");
        await File.WriteAllBytesAsync(pfx, certificate.Export(X509ContentType.Pfx, "pw"));
        try
        {
            await using var server = await BoltTestServer.StartAsync(new Dictionary<string, string?>
            {
                ["Bolt:Tls:CertificatePath"] = pfx,
                ["Bolt:Tls:CertificatePassword"] = "pw",
            });
            using var socket = new ClientWebSocket();
            socket.Options.RemoteCertificateValidationCallback = (_, cert, _, _) => cert?.GetCertHashString() == certificate.GetCertHashString();
            await socket.ConnectAsync(new Uri($"wss://localhost:{server.Port}"), CancellationToken.None);
            var reader = new ChunkReader(WebSocketStream.Create(socket, WebSocketMessageType.Binary, ownsWebSocket: false), 1 << 20);
            await socket.SendAsync(Handshake, WebSocketMessageType.Binary, true, CancellationToken.None);
            Assert.Equal(5, (await reader.ReadRawAsync(4, CancellationToken.None)).Span[3]);
            await socket.SendAsync(Chunked(Hello(), Logon()), WebSocketMessageType.Binary, true, CancellationToken.None);
            Assert.IsType<SuccessMessage>(await ReceiveAsync(reader));
            Assert.IsType<SuccessMessage>(await ReceiveAsync(reader));
            Assert.Equal(9L, await AnswerAsync(socket, reader, "RETURN 9"));
            Assert.Equal(0, server.Server.DirectCount); // TLS connections are never served in direct mode

            // Plain ws:// to the TLS port is not served: TLS comes first on that port, as for bolt://.
            using var plain = new ClientWebSocket();
            using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(10));
            await Assert.ThrowsAnyAsync<Exception>(() => plain.ConnectAsync(new Uri($"ws://localhost:{server.Port}"), cts.Token));
        }
        finally
        {
            File.Delete(pfx);
        }
    }

    private static X509Certificate2 SelfSignedCertificate()
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest("CN=localhost", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var san = new SubjectAlternativeNameBuilder();
        san.AddDnsName("localhost");
        request.CertificateExtensions.Add(san.Build());
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(1));
        return X509CertificateLoader.LoadPkcs12(certificate.Export(X509ContentType.Pfx, "pw"), "pw");
    }

    private static async Task<string> ReadToEndAsync(Stream stream, TimeSpan? timeout = null)
    {
        using var cts = new CancellationTokenSource(timeout ?? TimeSpan.FromSeconds(10));
        using var buffer = new MemoryStream();
        var chunk = new byte[4096];
        try
        {
            int read;
            while ((read = await stream.ReadAsync(chunk, cts.Token)) > 0) buffer.Write(chunk, 0, read);
        }
        catch (IOException)
        {
            // a reset after the response: what arrived is the answer
        }
        return Encoding.ASCII.GetString(buffer.ToArray());
    }

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "condition not reached in 10 s");
            await Task.Delay(20);
        }
    }
}
