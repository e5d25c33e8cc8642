using System.Net;
using System.Net.Sockets;
using KnowledgeGraph.Bolt.Protocol.Chunking;
using KnowledgeGraph.Bolt.Protocol.Messages;
using KnowledgeGraph.Bolt.Protocol.PackStream;

namespace KnowledgeGraph.Api.Tests.Faults;

/// <summary>A bare Bolt 5 connection to the API process, for requests a driver would never send.</summary>
internal sealed class RawBolt : IAsyncDisposable
{
    public const string User = "neo4j";
    public const string Password = "knowledgegraph"; // the Development default the API falls back to

    private readonly Socket _socket;
    private readonly NetworkStream _stream;
    private readonly ChunkReader _reader;
    private readonly ChunkWriter _writer;

    private RawBolt(Socket socket)
    {
        _socket = socket;
        _stream = new NetworkStream(socket, ownsSocket: true);
        _reader = new ChunkReader(_stream, 64 * 1024 * 1024);
        _writer = new ChunkWriter(_stream);
    }

    /// <summary>Connects (from <paramref name="from"/>, e.g. 127.0.0.2, when given) and negotiates Bolt 5.8..5.0.</summary>
    public static async Task<RawBolt> ConnectAsync(int port, IPAddress? from = null)
    {
        var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        if (from is not null) socket.Bind(new IPEndPoint(from, 0));
        await socket.ConnectAsync(IPAddress.Loopback, port);
        var bolt = new RawBolt(socket);
        await bolt._stream.WriteAsync(new byte[] { 0x60, 0x60, 0xB0, 0x17, 0, 8, 8, 5, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0 });
        var version = (await bolt._reader.ReadRawAsync(4, CancellationToken.None)).ToArray();
        if (version[3] != 5 || version[2] < 1) throw new InvalidOperationException($"unexpected version {version[3]}.{version[2]}");
        return bolt;
    }

    /// <summary>HELLO then LOGON; returns LOGON's reply.</summary>
    public async Task<IBoltMessage> LogInAsync(string user = User, string password = Password)
    {
        var hello = await RequestAsync(new HelloMessage(new Dictionary<string, object?> { ["user_agent"] = "fault-tests/1" }));
        if (hello is not SuccessMessage) return hello;
        return await RequestAsync(new LogonMessage(new Dictionary<string, object?>
        {
            ["scheme"] = "basic", ["principal"] = user, ["credentials"] = password,
        }));
    }

    public static async Task<RawBolt> ConnectReadyAsync(int port)
    {
        var bolt = await ConnectAsync(port);
        var reply = await bolt.LogInAsync();
        if (reply is not SuccessMessage) throw new InvalidOperationException($"login failed: {Describe(reply)}");
        return bolt;
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

    public async Task<IBoltMessage> ReceiveAsync(int timeoutMs = 30_000)
    {
        using var cts = new CancellationTokenSource(timeoutMs);
        return BoltMessageCodec.ReadResponse(await _reader.ReadMessageAsync(cts.Token));
    }

    public async Task<IBoltMessage> RequestAsync(IBoltMessage message)
    {
        await SendAsync(message);
        return await ReceiveAsync();
    }

    /// <summary>RUN + PULL; the records and the final reply (SUCCESS, FAILURE or IGNORED).</summary>
    public async Task<(List<IReadOnlyList<object?>> Records, IBoltMessage Summary)> RunAsync(IBoltMessage run)
    {
        await SendAsync(run, new PullMessage(-1));
        var first = await ReceiveAsync();
        var records = new List<IReadOnlyList<object?>>();
        if (first is not SuccessMessage)
        {
            await ReceiveAsync(); // the PULL's IGNORED
            return (records, first);
        }
        while (true)
        {
            var message = await ReceiveAsync();
            if (message is RecordMessage r) records.Add(r.Fields);
            else return (records, message);
        }
    }

    /// <summary>True when the server closed the connection (end of stream or reset) within the timeout.</summary>
    public async Task<bool> IsClosedByServerAsync(int timeoutMs = 10_000)
    {
        try
        {
            using var cts = new CancellationTokenSource(timeoutMs);
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

/// <summary>A request written by hand (values our writer would never produce).</summary>
internal sealed class HandWritten(byte signature, Action<PackStreamWriter> write) : IBoltMessage
{
    public byte Signature => signature;

    public void Write(PackStreamWriter writer) => write(writer);

    /// <summary>RUN <paramref name="query"/> with one parameter <c>p</c> written by <paramref name="writeParameter"/>.</summary>
    public static HandWritten Run(string query, Action<PackStreamWriter> writeParameter) => new(RunMessage.Sig, w =>
    {
        w.WriteStructHeader(3, RunMessage.Sig);
        w.WriteString(query);
        w.WriteMapHeader(1);
        w.WriteString("p");
        writeParameter(w);
        w.WriteMapHeader(0);
    });
}
