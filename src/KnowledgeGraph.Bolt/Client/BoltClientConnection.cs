using System.Net.Sockets;
using KnowledgeGraph.Bolt.Protocol;
using KnowledgeGraph.Bolt.Protocol.Chunking;
using KnowledgeGraph.Bolt.Protocol.Messages;
using KnowledgeGraph.Bolt.Protocol.PackStream;
using KnowledgeGraph.Errors;

namespace KnowledgeGraph.Bolt.Client;

/// <summary>
/// One client connection. Requests are queued with <see cref="Enqueue"/> (pipelining) and sent by
/// <see cref="FlushAsync"/>; responses are read in order with <see cref="ReceiveAsync"/>.
/// Invariant: <see cref="Outstanding"/> counts requests whose response has not been read yet. After a FAILURE
/// the server ignores the rest, so <see cref="RecoverAsync"/> drains them and sends RESET.
/// Any I/O error, cancellation mid-exchange or protocol surprise makes the connection <see cref="IsDefunct"/>.
/// </summary>
internal sealed partial class BoltClientConnection : IAsyncDisposable
{
    private readonly Socket _socket;
    private readonly Stream _stream;
    private readonly ChunkReader _reader;
    private readonly ChunkWriter _writer;
    private readonly PackStreamWriter _packer = new();

    private BoltClientConnection(ServerAddress address, Socket socket, Stream stream)
    {
        Address = address;
        _socket = socket;
        _stream = stream;
        _reader = new ChunkReader(stream, int.MaxValue);
        _writer = new ChunkWriter(stream);
        LastUsedUtc = DateTime.UtcNow;
    }

    public ServerAddress Address { get; }

    /// <summary>The negotiated Bolt 5 minor version.</summary>
    public int Minor { get; private set; }

    /// <summary>The server agent from HELLO, e.g. <c>Neo4j/5.26.0</c>.</summary>
    public string? ServerAgent { get; private set; }

    public bool IsDefunct { get; private set; }

    /// <summary>True after a FAILURE until <see cref="RecoverAsync"/> ran.</summary>
    public bool NeedsReset { get; private set; }

    public int Outstanding { get; private set; }

    public DateTime LastUsedUtc { get; set; }

    /// <summary>True when the socket is closed by the peer or broken (cheap check before reuse).</summary>
    public bool LooksBroken()
    {
        if (IsDefunct) return true;
        try
        {
            // Readable with nothing to read means the peer closed the connection.
            return _socket.Poll(0, SelectMode.SelectRead) && _socket.Available == 0;
        }
        catch (Exception e) when (e is SocketException or ObjectDisposedException)
        {
            return true;
        }
    }

    public void Enqueue(IBoltMessage message)
    {
        _packer.Reset();
        message.Write(_packer);
        _writer.WriteMessage(_packer.Written.Span);
        if (message is not GoodbyeMessage) Outstanding++;
    }

    public async ValueTask FlushAsync(CancellationToken cancellationToken)
    {
        try
        {
            await _writer.FlushAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (IsTransportError(e))
        {
            throw Defunct(e);
        }
    }

    /// <summary>Reads the next response. Transport errors become <c>ServiceUnavailable</c> and make the connection defunct.</summary>
    public async ValueTask<IBoltMessage> ReceiveAsync(CancellationToken cancellationToken)
    {
        IBoltMessage message;
        try
        {
            var raw = await _reader.ReadMessageAsync(cancellationToken).ConfigureAwait(false);
            message = BoltMessageCodec.ReadResponse(raw);
        }
        catch (Exception e) when (IsTransportError(e) || e is PackStreamException or BoltProtocolException)
        {
            throw Defunct(e);
        }
        if (message is not RecordMessage)
        {
            Outstanding--;
            if (message is FailureMessage) NeedsReset = true;
        }
        return message;
    }

    /// <summary>Reads one response that must be SUCCESS; FAILURE becomes the server's <see cref="GraphException"/>.</summary>
    public async ValueTask<IReadOnlyDictionary<string, object?>> ExpectSuccessAsync(CancellationToken cancellationToken)
    {
        var message = await ReceiveAsync(cancellationToken).ConfigureAwait(false);
        return message switch
        {
            SuccessMessage s => s.Metadata,
            FailureMessage f => throw ToException(f),
            IgnoredMessage => throw new GraphException(ErrorCodes.ProtocolError, "The server ignored the request (the connection had failed)."),
            _ => throw Defunct(new BoltProtocolException($"Unexpected {message.GetType().Name} from the server.")),
        };
    }

    /// <summary>Drains pending responses and RESETs, leaving the connection READY; on any problem it becomes defunct.</summary>
    public async Task RecoverAsync(CancellationToken cancellationToken)
    {
        if (IsDefunct) return;
        try
        {
            Enqueue(ResetMessage.Instance);
            await FlushAsync(cancellationToken).ConfigureAwait(false);
            while (Outstanding > 0)
            {
                var message = await ReceiveAsync(cancellationToken).ConfigureAwait(false);
                if (Outstanding == 0 && message is not SuccessMessage)
                    throw Defunct(new BoltProtocolException("RESET did not succeed."));
            }
            NeedsReset = false;
        }
        catch (Exception e) when (e is GraphException or OperationCanceledException)
        {
            IsDefunct = true;
        }
    }

    internal static GraphException ToException(FailureMessage failure)
    {
        var code = failure.Metadata.GetString("neo4j_code") ?? failure.Metadata.GetString("code") ?? ErrorCodes.UnknownError;
        var message = failure.Metadata.GetString("message") ?? "The server reported a failure without a message.";
        return new ServerGraphException(code, message, failure.Metadata.GetString("gql_status"));
    }

    private static bool IsTransportError(Exception e) =>
        e is IOException or SocketException or EndOfStreamException or ObjectDisposedException or OperationCanceledException;

    /// <summary>Marks the connection unusable and wraps the transport exception.</summary>
    internal Exception Defunct(Exception cause)
    {
        IsDefunct = true;
        if (cause is OperationCanceledException) return cause;
        return new GraphException(ErrorCodes.ServiceUnavailable, $"Connection to {Address} failed: {cause.Message}", cause);
    }

    public async ValueTask DisposeAsync()
    {
        if (!IsDefunct)
        {
            IsDefunct = true;
            try
            {
                using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(1));
                Enqueue(GoodbyeMessage.Instance);
                await _writer.FlushAsync(cts.Token).ConfigureAwait(false);
            }
            catch (Exception e) when (IsTransportError(e))
            {
                // closing anyway
            }
        }
        await _stream.DisposeAsync().ConfigureAwait(false);
        _socket.Dispose();
    }
}

/// <summary>A failure reported by the server, carrying its GQL status when it sent one (Bolt 5.7+).</summary>
public sealed class ServerGraphException : GraphException
{
    private readonly string? _gqlStatus;

    /// <summary>Creates the exception.</summary>
    public ServerGraphException(string code, string message, string? gqlStatus) : base(code, message) => _gqlStatus = gqlStatus;

    /// <inheritdoc />
    public override string GqlStatus => _gqlStatus ?? base.GqlStatus;
}
