using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using KnowledgeGraph.Bolt.Protocol.Chunking;

namespace KnowledgeGraph.Benchmarks.Bolt;

/// <summary>
/// The <c>driver-floor</c> bench's stand-in server. Two listeners share one table of replies keyed by a request's exact
/// bytes: the recording one relays every request of a connection to a real Bolt server and keeps the bytes it answered;
/// the replaying one answers from the table alone and does no work at all (a PULL's or DISCARD's key also holds the
/// RUN before it, whose result it streams). A driver timed against the replaying
/// listener therefore pays its own cost and the loopback, with the very bytes our server sends, and nothing else.
/// <para>
/// Invariants: a recording connection relays every request, even one already in the table, so the real server's
/// state (a transaction begun, a bookmark) follows the driver's requests exactly; a replaying connection that meets a
/// request it has no reply for closes (<see cref="Misses"/> counts them) rather than answer with something else.
/// Replies are flushed when no request is buffered, as our server does, so the driver sees the same packets.
/// </para>
/// </summary>
internal sealed class ReplayBoltServer : IAsyncDisposable
{
    private const byte Goodbye = 0x02;
    private const byte Run = 0x10;
    private const byte Discard = 0x2F;
    private const byte Pull = 0x3F;
    private const byte Success = 0x70;
    private const byte Ignored = 0x7E;
    private const byte Failure = 0x7F;

    private readonly ConcurrentDictionary<string, byte[]> _replies = new(StringComparer.Ordinal);
    private readonly IPEndPoint _upstream;
    private readonly TcpListener _recording = new(IPAddress.Loopback, 0);
    private readonly TcpListener _replaying = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource _stop = new();
    private readonly List<Task> _loops = [];
    private int _misses;

    public ReplayBoltServer(IPEndPoint upstream)
    {
        _upstream = upstream;
        _recording.Start();
        _replaying.Start();
        _loops.Add(AcceptAsync(_recording, record: true));
        _loops.Add(AcceptAsync(_replaying, record: false));
    }

    public int RecordingPort => ((IPEndPoint)_recording.LocalEndpoint).Port;

    public int ReplayingPort => ((IPEndPoint)_replaying.LocalEndpoint).Port;

    /// <summary>Requests a replaying connection had no recorded reply for.</summary>
    public int Misses => Volatile.Read(ref _misses);

    private async Task AcceptAsync(TcpListener listener, bool record)
    {
        try
        {
            while (true)
            {
                var socket = await listener.AcceptSocketAsync(_stop.Token).ConfigureAwait(false);
                socket.NoDelay = true;
                _ = Task.Run(() => ServeAsync(socket, record));
            }
        }
        catch (Exception e) when (e is OperationCanceledException or ObjectDisposedException or SocketException)
        {
            // stopping
        }
    }

    private async Task ServeAsync(Socket socket, bool record)
    {
        var token = _stop.Token;
        await using var stream = new NetworkStream(socket, ownsSocket: true);
        Upstream? upstream = null;
        try
        {
            var reader = new ChunkReader(stream);
            var writer = new ChunkWriter(stream);
            await reader.ReadRawAsync(20, token).ConfigureAwait(false);
            writer.WriteRaw([0, 0, 8, 5]); // Bolt 5.8, the version our server settles on with the official drivers
            await writer.FlushAsync(token).ConfigureAwait(false);
            if (record) upstream = await Upstream.ConnectAsync(_upstream, token).ConfigureAwait(false);
            var lastRun = "";
            while (true)
            {
                var request = await reader.ReadMessageAsync(token).ConfigureAwait(false);
                var signature = request.Length > 1 ? request.Span[1] : (byte)0;
                if (signature == Goodbye) break;
                // A PULL or DISCARD is the same bytes for every query: its reply belongs to the RUN before it.
                var key = Convert.ToHexString(request.Span);
                if (signature == Run) lastRun = key;
                else if (signature is Pull or Discard) key = lastRun + "/" + key;
                byte[]? reply;
                if (upstream is not null)
                {
                    reply = await upstream.ExchangeAsync(request, token).ConfigureAwait(false);
                    _replies[key] = reply;
                }
                else if (!_replies.TryGetValue(key, out reply))
                {
                    Interlocked.Increment(ref _misses);
                    break;
                }
                writer.WriteRaw(reply);
                if (!reader.HasBufferedInput) await writer.FlushAsync(token).ConfigureAwait(false);
            }
        }
        catch (Exception e) when (e is IOException or EndOfStreamException or SocketException or OperationCanceledException or ObjectDisposedException)
        {
            // the driver closed its connection, or the bench is stopping
        }
        finally
        {
            if (upstream is not null) await upstream.DisposeAsync().ConfigureAwait(false);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync().ConfigureAwait(false);
        _recording.Stop();
        _replaying.Stop();
        await Task.WhenAll(_loops).ConfigureAwait(false);
        _stop.Dispose();
    }

    /// <summary>One connection to the real server, negotiated at 5.8; requests go one at a time (no pipelining).</summary>
    private sealed class Upstream(NetworkStream stream) : IAsyncDisposable
    {
        private readonly ChunkReader _reader = new(stream);
        private readonly ChunkWriter _writer = new(stream);

        public static async Task<Upstream> ConnectAsync(IPEndPoint endPoint, CancellationToken cancellationToken)
        {
            var socket = new Socket(endPoint.AddressFamily, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
            await socket.ConnectAsync(endPoint, cancellationToken).ConfigureAwait(false);
            var upstream = new Upstream(new NetworkStream(socket, ownsSocket: true));
            upstream._writer.WriteRaw([0x60, 0x60, 0xB0, 0x17, 0, 0, 8, 5, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0]);
            await upstream._writer.FlushAsync(cancellationToken).ConfigureAwait(false);
            var chosen = await upstream._reader.ReadRawAsync(4, cancellationToken).ConfigureAwait(false);
            if (!chosen.Span.SequenceEqual<byte>([0, 0, 8, 5])) throw new InvalidOperationException("The server did not agree to Bolt 5.8.");
            return upstream;
        }

        /// <summary>Relays one request and returns its replies (records, then one summary) as chunked bytes.</summary>
        public async Task<byte[]> ExchangeAsync(ReadOnlyMemory<byte> request, CancellationToken cancellationToken)
        {
            _writer.WriteMessage(request.Span);
            await _writer.FlushAsync(cancellationToken).ConfigureAwait(false);
            var framed = new MemoryStream();
            var relay = new ChunkWriter(framed);
            while (true)
            {
                var reply = await _reader.ReadMessageAsync(cancellationToken).ConfigureAwait(false);
                relay.WriteMessage(reply.Span);
                var signature = reply.Length > 1 ? reply.Span[1] : (byte)0;
                if (signature is Success or Failure or Ignored) break;
            }
            await relay.FlushAsync(cancellationToken).ConfigureAwait(false);
            return framed.ToArray();
        }

        public ValueTask DisposeAsync() => stream.DisposeAsync();
    }
}
