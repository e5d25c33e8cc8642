using System.Net;
using System.Net.Sockets;
using KnowledgeGraph.Bolt.Protocol.Chunking;
using KnowledgeGraph.Bolt.Protocol.Messages;
using KnowledgeGraph.Bolt.Protocol.PackStream;

// Linked into Bolt.Tests (the server state machine, in process) and Api.Tests (faults against the service process);
// each project adds its own ConnectReadyAsync in a partial part, for its own server and credentials.
namespace KnowledgeGraph.Testing;

/// <summary>A bare socket speaking Bolt message by message, for requests and orders a driver would never send.</summary>
public sealed partial class RawBoltClient : IAsyncDisposable
{
    private readonly Socket _socket;
    private readonly NetworkStream _stream;
    private readonly ChunkReader _reader;
    private readonly ChunkWriter _writer;

    private RawBoltClient(Socket socket, int maxMessageSize)
    {
        _socket = socket;
        _stream = new NetworkStream(socket, ownsSocket: true);
        _reader = new ChunkReader(_stream, maxMessageSize);
        _writer = new ChunkWriter(_stream);
    }

    public int Minor { get; private set; }

    public NetworkStream Stream => _stream;

    /// <summary>How long <see cref="ReceiveAsync"/> waits for a message when not told.</summary>
    public int ReceiveTimeoutMs { get; set; } = 10_000;

    /// <summary>How long <see cref="IsClosedByServerAsync"/> waits for the server to close when not told.</summary>
    public int CloseTimeoutMs { get; set; } = 5000;

    /// <summary>Connects (from <paramref name="from"/>, e.g. 127.0.0.2, when given); no handshake yet.</summary>
    public static async Task<RawBoltClient> ConnectAsync(IPEndPoint endPoint, IPAddress? from = null, int maxMessageSize = 16 * 1024 * 1024)
    {
        var socket = new Socket(endPoint.AddressFamily, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            if (from is not null) socket.Bind(new IPEndPoint(from, 0));
            await socket.ConnectAsync(endPoint);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
        return new RawBoltClient(socket, maxMessageSize);
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

    /// <summary>HELLO then LOGON (Bolt 5.1+); returns HELLO's reply when it fails, else LOGON's.</summary>
    public async Task<IBoltMessage> LogInAsync(string user, string password, string userAgent)
    {
        var hello = await RequestAsync(new HelloMessage(new Dictionary<string, object?> { ["user_agent"] = userAgent }));
        if (hello is not SuccessMessage) return hello;
        return await RequestAsync(new LogonMessage(new Dictionary<string, object?>
        {
            ["scheme"] = "basic", ["principal"] = user, ["credentials"] = password,
        }));
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

    public async Task<IBoltMessage> ReceiveAsync(int? timeoutMs = null)
    {
        using var cts = new CancellationTokenSource(timeoutMs ?? ReceiveTimeoutMs);
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

    /// <summary>RUN + PULL; the records and the final reply (SUCCESS, FAILURE or IGNORED).</summary>
    public async Task<(List<IReadOnlyList<object?>> Records, IBoltMessage Summary)> RunAsync(IBoltMessage run)
    {
        await SendAsync(run, new PullMessage(-1));
        var first = await ReceiveAsync();
        if (first is not SuccessMessage)
        {
            await ReceiveAsync(); // the PULL's IGNORED
            return ([], first);
        }
        return await ReceiveStreamAsync();
    }

    /// <summary>True when the server closed the connection (a read returns end of stream or a reset).</summary>
    public async Task<bool> IsClosedByServerAsync(int? timeoutMs = null)
    {
        try
        {
            using var cts = new CancellationTokenSource(timeoutMs ?? CloseTimeoutMs);
            var buffer = new byte[4096];
            while (await _stream.ReadAsync(buffer, cts.Token) > 0) { }
            return true;
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

    /// <summary>Closes with a TCP reset, as a killed client.</summary>
    public void Reset() => _socket.Close(0);

    public static string Describe(IBoltMessage message) => message is FailureMessage f
        ? $"FAILURE {Code(f)}: {f.Metadata.GetValueOrDefault("message")}"
        : message.GetType().Name;

    public static string? Code(IBoltMessage message) =>
        message is FailureMessage f ? (f.Metadata.GetValueOrDefault("neo4j_code") ?? f.Metadata.GetValueOrDefault("code")) as string : null;

    public ValueTask DisposeAsync()
    {
        _stream.Dispose();
        return ValueTask.CompletedTask;
    }
}
