using Xunit;
using System.Net;
using System.Net.Sockets;
using KnowledgeGraph.Bolt.Protocol.Chunking;
using KnowledgeGraph.Bolt.Protocol.Messages;
using KnowledgeGraph.Bolt.Protocol.PackStream;

namespace KnowledgeGraph.Bolt.Tests.Infrastructure;

/// <summary>A bare socket speaking Bolt message by message, to drive the server state machine exactly.</summary>
public sealed class RawBoltClient : IAsyncDisposable
{
    private readonly TcpClient _tcp;
    private readonly NetworkStream _stream;
    private readonly ChunkReader _reader;
    private readonly ChunkWriter _writer;

    private RawBoltClient(TcpClient tcp)
    {
        _tcp = tcp;
        _stream = tcp.GetStream();
        _reader = new ChunkReader(_stream);
        _writer = new ChunkWriter(_stream);
    }

    public int Minor { get; private set; }

    public NetworkStream Stream => _stream;

    public static async Task<RawBoltClient> ConnectAsync(IPEndPoint endPoint)
    {
        var tcp = new TcpClient { NoDelay = true };
        await tcp.ConnectAsync(endPoint);
        return new RawBoltClient(tcp);
    }

    /// <summary>Connects, negotiates (5.8..5.0 by default), and for a known version sends HELLO (+LOGON).</summary>
    public static async Task<RawBoltClient> ConnectReadyAsync(IPEndPoint endPoint, int maxMinor = 8, string user = BoltTestServer.User, string password = BoltTestServer.Password)
    {
        var client = await ConnectAsync(endPoint);
        var version = await client.HandshakeAsync([0, (byte)maxMinor, (byte)maxMinor, 5]);
        Assert.Equal(5, version[3]);
        var auth = new Dictionary<string, object?> { ["scheme"] = "basic", ["principal"] = user, ["credentials"] = password };
        if (client.Minor == 0)
        {
            var hello = new Dictionary<string, object?>(auth) { ["user_agent"] = "raw/1" };
            Assert.IsType<SuccessMessage>(await client.RequestAsync(new HelloMessage(hello)));
        }
        else
        {
            Assert.IsType<SuccessMessage>(await client.RequestAsync(new HelloMessage(new Dictionary<string, object?> { ["user_agent"] = "raw/1" })));
            Assert.IsType<SuccessMessage>(await client.RequestAsync(new LogonMessage(auth)));
        }
        return client;
    }

    public async Task<byte[]> HandshakeAsync(params byte[][] proposals)
    {
        var bytes = new List<byte> { 0x60, 0x60, 0xB0, 0x17 };
        for (var i = 0; i < 4; i++) bytes.AddRange(i < proposals.Length ? proposals[i] : [0, 0, 0, 0]);
        await SendRawAsync(bytes.ToArray());
        var reply = (await _reader.ReadRawAsync(4, CancellationToken.None)).ToArray();
        Minor = reply[2];
        return reply;
    }

    public async Task<byte[]> ReadRawAsync(int count) => (await _reader.ReadRawAsync(count, CancellationToken.None)).ToArray();

    /// <summary>Sets the minor version chosen through a manifest handshake.</summary>
    public void UseMinor(int minor) => Minor = minor;

    public async Task SendRawAsync(byte[] bytes)
    {
        await _stream.WriteAsync(bytes);
        await _stream.FlushAsync();
    }

    public async Task SendAsync(params IBoltMessage[] messages)
    {
        foreach (var message in messages)
        {
            var packer = new PackStreamWriter();
            message.Write(packer);
            _writer.WriteMessage(packer.Written.Span);
        }
        await _writer.FlushAsync(CancellationToken.None);
    }

    public async Task<IBoltMessage> ReceiveAsync(int timeoutMs = 10_000)
    {
        using var cts = new CancellationTokenSource(timeoutMs);
        return BoltMessageCodec.ReadResponse(await _reader.ReadMessageAsync(cts.Token));
    }

    public async Task<IBoltMessage> RequestAsync(IBoltMessage message)
    {
        await SendAsync(message);
        return await ReceiveAsync();
    }

    /// <summary>Reads responses until a non-RECORD one; returns the records and that response.</summary>
    public async Task<(List<IReadOnlyList<object?>> Records, IBoltMessage Summary)> ReceiveStreamAsync()
    {
        var records = new List<IReadOnlyList<object?>>();
        while (true)
        {
            var message = await ReceiveAsync();
            if (message is RecordMessage r) records.Add(r.Fields);
            else return (records, message);
        }
    }

    /// <summary>True when the server closed the connection (a read returns end of stream or a reset).</summary>
    public async Task<bool> IsClosedByServerAsync(int timeoutMs = 5000)
    {
        try
        {
            using var cts = new CancellationTokenSource(timeoutMs);
            var buffer = new byte[1024];
            while (true)
            {
                var read = await _stream.ReadAsync(buffer, cts.Token);
                if (read == 0) return true;
            }
        }
        catch (IOException)
        {
            return true;
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    public ValueTask DisposeAsync()
    {
        _tcp.Dispose();
        return ValueTask.CompletedTask;
    }
}
