using System.Net;
using System.Net.Security;
using System.Net.Sockets;
using KnowledgeGraph.Bolt.Protocol;
using KnowledgeGraph.Bolt.Protocol.Chunking;
using KnowledgeGraph.Bolt.Protocol.Messages;
using KnowledgeGraph.Bolt.Protocol.PackStream;
using KnowledgeGraph.Bolt.Server.Transport;
using KnowledgeGraph.Errors;
using Microsoft.Extensions.Logging;

namespace KnowledgeGraph.Bolt.Server;

/// <summary>
/// One client connection: the handshake, then a strict request/response loop driving the Bolt 5 state machine.
/// Requests are handled one at a time in arrival order (Bolt pipelining only queues them); replies are
/// buffered and flushed when no further request is already buffered, so a pipelined RUN+PULL costs one write.
/// Any protocol violation, malformed message, timeout or I/O error ends the connection, never the server; a
/// well-framed message with a refused value (nesting too deep, a temporal value out of range) only fails its request.
/// While a request runs, <see cref="PeerWatchStream"/> keeps reading: a disconnect cancels the running statement,
/// and a RESET or GOODBYE that arrives meanwhile interrupts it (see <see cref="OnPeerInput"/>).
/// </summary>
internal sealed partial class BoltServerConnection : IAsyncDisposable
{
    private const int FlushThreshold = 256 * 1024;
    private const int ReadAheadLimit = 64 * 1024;

    private readonly BoltServer _server;
    private readonly Socket _socket;
    private readonly CancellationTokenSource _abort;
    private readonly CancellationTokenSource _loginDeadline;
    private readonly System.Diagnostics.Stopwatch _connectedFor = System.Diagnostics.Stopwatch.StartNew();
    private readonly object _workGate = new();
    private CancellationTokenSource _interrupt;
    private bool _working;
    private long _workStarted; // Stopwatch timestamp of the running request's start (under _workGate)
    private PeerWatchStream? _pump;
    private DirectSocketStream? _direct; // set in direct mode (see BoltServerConnection.Direct.cs), else _pump is
    private readonly PackStreamWriter _packer = new();
    private Stream? _stream;
    private ChunkReader? _reader;
    private ChunkWriter? _writer;
    private BoltConnectionState _state = BoltConnectionState.Negotiation;
    private int _minor;
    private bool _readOnlyUser;
    private string? _user; // the logged-in user, shown by SHOW TRANSACTIONS
    private string? _routingAddress;

    public BoltServerConnection(BoltServer server, Socket socket, long id, IPAddress address)
    {
        _server = server;
        _socket = socket;
        try
        {
            _socket.NoDelay = true;
        }
        catch (SocketException)
        {
            // reset by the peer between accept and here: RunAsync ends at its first read
        }
        Id = id;
        Address = address;
        try
        {
            RemotePort = (socket.RemoteEndPoint as IPEndPoint)?.Port ?? 0;
        }
        catch (Exception e) when (e is SocketException or ObjectDisposedException)
        {
            // reset by the peer already: the port only labels SHOW TRANSACTIONS rows
        }
        _abort = CancellationTokenSource.CreateLinkedTokenSource(server.Stopping);
        _interrupt = CancellationTokenSource.CreateLinkedTokenSource(_abort.Token);
        // One deadline from connect to a completed login (not one per read), so a client cannot trickle bytes to
        // keep a pending slot.
        _loginDeadline = CancellationTokenSource.CreateLinkedTokenSource(_abort.Token);
        _loginDeadline.CancelAfter(server.Options.HandshakeTimeout);
    }

    public long Id { get; }

    public IPAddress Address { get; }

    /// <summary>The client's port (0 when the socket was reset before it could be read).</summary>
    public int RemotePort { get; }

    /// <summary>This connection's place in the server's pending list while it has not logged in (under the admission lock).</summary>
    internal LinkedListNode<BoltServerConnection>? PendingNode { get; set; }

    /// <summary>
    /// True once the client sent anything: bytes read by the pump, or still waiting in the socket (the connection's
    /// task may not have run yet when the accept loop asks). Such connections are displaced only after bare sockets.
    /// </summary>
    internal bool HasSpoken
    {
        get
        {
            if (Volatile.Read(ref _spoke) || _direct?.Received == true) return true;
            try
            {
                return _socket.Available > 0;
            }
            catch (Exception e) when (e is SocketException or ObjectDisposedException)
            {
                return false;
            }
        }
    }

    private bool _spoke;

    /// <summary>True once the connection logged in and holds an authenticated slot (under the admission lock).</summary>
    internal bool Promoted { get; set; }

    public BoltConnectionState State => _state;

    private BoltServerOptions Options => _server.Options;

    private ILogger Logger => _server.Logger;

    /// <summary>Closes the socket; the loop notices at its next await.</summary>
    public void Abort()
    {
        try
        {
            _abort.Cancel();
        }
        catch (ObjectDisposedException)
        {
            // already finished
        }
        _socket.Dispose();
    }

    /// <summary>
    /// Serves the connection until it ends. <paramref name="direct"/>: the caller is the connection's own thread and
    /// the socket plain TCP (see <see cref="StartDirect"/>); the returned task is then complete when this returns,
    /// unless the client asked for a WebSocket, which moves the connection to the pumped path.
    /// </summary>
    public async Task RunAsync(bool direct = false)
    {
        try
        {
            // Inside the try: a connection displaced before its task ran has a closed socket already.
            if (!direct || !StartDirect())
            {
                _stream ??= new NetworkStream(_socket, ownsSocket: true);
                if (Options.Certificate is { } certificate)
                {
                    var ssl = new SslStream(_stream, leaveInnerStreamOpen: false);
                    _stream = ssl;
                    await ssl.AuthenticateAsServerAsync(new SslServerAuthenticationOptions { ServerCertificate = certificate }, _loginDeadline.Token).ConfigureAwait(false);
                }
                // Plain Bolt or Bolt over WebSocket, told apart by the first bytes (after TLS, so wss:// works too).
                var transport = await BoltTransport.SelectAsync(_stream, Id, Logger, _loginDeadline.Token).ConfigureAwait(false);
                if (transport is null) return;
                _stream = transport;
                _pump = new PeerWatchStream(_stream, ReadAheadLimit, OnPeerInput);
                _pump.Start(_abort.Token);
            }
            var input = Input;
            _reader = new ChunkReader(input, Options.MaxMessageBytes);
            _writer = new ChunkWriter(input);
            if (!await HandshakeAsync().ConfigureAwait(false)) return;
            while (_state != BoltConnectionState.Defunct)
            {
                var raw = await ReadWithTimeoutAsync().ConfigureAwait(false);
                IBoltMessage message;
                try
                {
                    message = BoltMessageCodec.ReadRequest(raw);
                }
                catch (PackStreamException e) when (e.MessageIntact && IsLoggedIn)
                {
                    await Served((e.Code, e.Message), static (c, refusal) => c.RefuseRequestAsync(refusal.Code, refusal.Message)).ConfigureAwait(false);
                    continue;
                }
                catch (PackStreamException e)
                {
                    await CloseWithFailureAsync(e.Code, e.Message).ConfigureAwait(false);
                    return;
                }
                catch (Exception e) when (e is not (BoltProtocolException or OperationCanceledException))
                {
                    // A decoder bug must still end in a FAILURE and a clean close, never an unobserved exception.
                    Logger.LogWarning(e, "Bolt connection {Id}: a request could not be decoded.", Id);
                    await CloseWithFailureAsync(ErrorCodes.InvalidFormat, $"The request could not be decoded: {e.Message}").ConfigureAwait(false);
                    return;
                }
                lock (_workGate)
                {
                    _working = true;
                    _workStarted = System.Diagnostics.Stopwatch.GetTimestamp();
                }
                try
                {
                    await Served(message, static (c, m) => c.HandleAsync(m)).ConfigureAwait(false);
                }
                finally
                {
                    lock (_workGate) _working = false;
                }
                if (_writer.PendingBytes > FlushThreshold || !NextRequestArrived())
                    await FlushRepliesAsync().ConfigureAwait(false);
            }
            await FlushRepliesAsync().ConfigureAwait(false);
        }
        catch (BoltProtocolException e)
        {
            Logger.LogDebug("Bolt connection {Id}: protocol violation: {Message}", Id, e.Message);
            await CloseWithFailureAsync(ErrorCodes.ProtocolError, e.Message).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            Logger.LogDebug("Bolt connection {Id} timed out or the server is stopping.", Id);
        }
        catch (Exception e) when (e is IOException or SocketException or EndOfStreamException or ObjectDisposedException or System.Security.Authentication.AuthenticationException or System.Net.WebSockets.WebSocketException)
        {
            Logger.LogDebug("Bolt connection {Id} closed: {Message}", Id, e.Message);
        }
        finally
        {
            _state = BoltConnectionState.Defunct;
            await CloseWorkAsync().ConfigureAwait(false);
        }
    }

    /// <summary>
    /// Whether the replies buffered so far can wait for the next request's: only when a complete request has arrived
    /// already (in the reader's or the pump's buffer), so it is read at once and its replies leave in the same write.
    /// A partial request or a NOOP alone does not hold replies back: a client may wait for them before it sends more.
    /// Bytes still in the socket are not waited for: measured with the JavaScript driver's <c>executeQuery</c>
    /// (BEGIN, then RUN and PULL in a second write), waiting for a request already in the receive buffer did not
    /// change how often BEGIN's SUCCESS left alone (110 and 119 of 600 calls): the RUN is mostly not sent yet.
    /// </summary>
    private bool NextRequestArrived()
    {
        var buffered = _reader!.BufferedInput;
        if (_direct is not { } direct) return _pump!.ContainsCompleteMessage(buffered);
        // No pump reads ahead in direct mode: bytes already in the socket are taken now, without blocking.
        return direct.ContainsCompleteMessage(buffered) || (direct.TakeArrived() && direct.ContainsCompleteMessage(buffered));
    }

    private bool IsLoggedIn => _state is not (BoltConnectionState.Negotiation or BoltConnectionState.Connected or BoltConnectionState.Authentication or BoltConnectionState.Defunct);

    /// <summary>
    /// A well-framed request whose content was refused: FAILURE and the FAILED state (RESET recovers), as for any
    /// failed request; already FAILED or INTERRUPTED, it is IGNORED like every request there.
    /// </summary>
    private async Task RefuseRequestAsync(string code, string message)
    {
        if (_state is BoltConnectionState.Failed or BoltConnectionState.Interrupted) SendIgnored();
        else await FailAsync(code, message).ConfigureAwait(false);
        if (!_reader!.HasBufferedInput) await FlushRepliesAsync().ConfigureAwait(false);
    }

    /// <summary>
    /// Runs on the pump after it read bytes or saw the peer go. A peer that went away cancels everything the
    /// connection runs (its replies could not be delivered). While a request runs, a complete RESET or GOODBYE
    /// among the bytes that arrived behind it interrupts the running statement; the main loop then answers the
    /// interrupted request with a FAILURE and handles the RESET or GOODBYE as usual.
    /// </summary>
    private void OnPeerInput()
    {
        Volatile.Write(ref _spoke, true);
        var pump = Peer;
        if (pump.PeerGone)
        {
            // A WebSocket client that ends sends a close frame and then waits for ours (sent when the connection is
            // disposed). Cancelling _abort here would cancel a reply's send still in flight (the client may read the
            // reply and close before that send returns), and ManagedWebSocket aborts on a cancelled send: an aborted
            // WebSocket closes TCP without its close frame. So only the running work stops; the request loop ends at
            // its next read, which finds the input ended.
            Cancel(PeerAwaitsCloseFrame ? _interrupt : _abort);
            return;
        }
        bool interrupt;
        lock (_workGate)
        {
            // Only while working: then the main loop is not reading, so the reader's buffer is stable and starts at
            // a message boundary.
            if (!_working) return;
            interrupt = pump.ContainsInterrupt(_reader!.BufferedInput);
        }
        if (interrupt) Cancel(_interrupt);
    }

    /// <summary>True when the client sent a WebSocket close frame: it waits for ours and reads until it comes.</summary>
    private bool PeerAwaitsCloseFrame =>
        _stream is System.Net.WebSockets.WebSocketStream { WebSocket.State: System.Net.WebSockets.WebSocketState.CloseReceived };

    private static void Cancel(CancellationTokenSource source)
    {
        try
        {
            source.Cancel();
        }
        catch (ObjectDisposedException)
        {
            // the connection already finished
        }
        catch (AggregateException)
        {
            // a cancellation callback failed; the work it belonged to ends anyway
        }
    }

    private async Task<ReadOnlyMemory<byte>> ReadWithTimeoutAsync()
    {
        if (!Promoted) return await _reader!.ReadMessageAsync(_loginDeadline.Token).ConfigureAwait(false);
        var timeout = _state is BoltConnectionState.Connected or BoltConnectionState.Authentication
            ? Options.HandshakeTimeout
            : Options.IdleTimeout;
        var deadline = ArmDeadline(timeout);
        var message = await _reader!.ReadMessageAsync(deadline).ConfigureAwait(false);
        DisarmDeadline();
        return message;
    }

    /// <summary>
    /// One deadline source per connection, re-armed for each wait (a read between requests, a flush) instead of a
    /// linked source and a timer per message. Invariant: armed only while the connection waits on the client, so it
    /// never fires during a request; once it fires the connection ends, so it is never reset.
    /// </summary>
    private CancellationToken ArmDeadline(TimeSpan timeout)
    {
        _deadline ??= CancellationTokenSource.CreateLinkedTokenSource(_abort.Token);
        _deadline.CancelAfter(timeout);
        return _deadline.Token;
    }

    private void DisarmDeadline() => _deadline!.CancelAfter(Timeout.InfiniteTimeSpan);

    private CancellationTokenSource? _deadline;

    /// <summary>
    /// Reads the 4-byte magic and four 4-byte proposals (<c>00 range minor major</c>). When a proposal is the
    /// manifest v1 (<c>00 00 01 FF</c>), answers with the manifest: <c>00 00 01 FF</c>, varint 1, the range
    /// <c>00 08 08 05</c> (5.8 down to 5.0), varint capabilities 0; the client then sends its choice
    /// (<c>00 00 minor major</c> + varint capabilities). Otherwise picks the highest 5.x minor (≤ 8) any proposal
    /// covers and answers old-style with 4 bytes, or zeros (then closes) when none fits.
    /// </summary>
    private async Task<bool> HandshakeAsync()
    {
        var hello = await _reader!.ReadRawAsync(20, _loginDeadline.Token).ConfigureAwait(false);
        var bytes = hello.Span;
        if (bytes[0] != 0x60 || bytes[1] != 0x60 || bytes[2] != 0xB0 || bytes[3] != 0x17)
        {
            Logger.LogDebug("Bolt connection {Id}: not a Bolt client (bad magic); closing.", Id);
            return false;
        }
        var chosen = -1;
        var manifest = false;
        for (var i = 0; i < 4; i++)
        {
            var p = bytes.Slice(4 + i * 4, 4);
            int range = p[1], minor = p[2], major = p[3];
            if (major == 0xFF && minor == 1) manifest = true;
            if (major != 5) continue;
            var top = Math.Min(minor, 8);
            var bottom = minor - range;
            if (top >= bottom && top > chosen) chosen = top;
        }
        if (manifest) return await ManifestHandshakeAsync(_loginDeadline.Token).ConfigureAwait(false);
        if (chosen < 0)
        {
            _writer!.WriteRaw([0, 0, 0, 0]);
            await _writer.FlushAsync(_abort.Token).ConfigureAwait(false);
            Logger.LogDebug("Bolt connection {Id}: no common protocol version; closing.", Id);
            return false;
        }
        _minor = chosen;
        _writer!.WriteRaw([0, 0, (byte)chosen, 5]);
        await _writer.FlushAsync(_abort.Token).ConfigureAwait(false);
        _state = BoltConnectionState.Connected;
        return true;
    }

    private async Task<bool> ManifestHandshakeAsync(CancellationToken cancellationToken)
    {
        // Everything in one write: clients parse the manifest from the same read as the 4-byte reply.
        _writer!.WriteRaw([0, 0, 1, 0xFF, 0x01, 0x00, 0x08, 0x08, 0x05, 0x00]);
        await _writer.FlushAsync(cancellationToken).ConfigureAwait(false);
        var choice = (await _reader!.ReadRawAsync(4, cancellationToken).ConfigureAwait(false)).ToArray();
        // Capabilities: a varint (7 bits per byte, high bit = more); we offer none and ignore what comes back.
        for (var i = 0; ; i++)
        {
            var b = (await _reader.ReadRawAsync(1, cancellationToken).ConfigureAwait(false)).Span[0];
            if ((b & 0x80) == 0) break;
            if (i >= 9) throw new BoltProtocolException("Malformed capabilities varint in the handshake.");
        }
        if (choice[3] != 5 || choice[2] > 8)
        {
            Logger.LogDebug("Bolt connection {Id}: client chose {Major}.{Minor} from the manifest; closing.", Id, choice[3], choice[2]);
            return false;
        }
        _minor = choice[2];
        _state = BoltConnectionState.Connected;
        return true;
    }

    /// <summary>
    /// Sends buffered replies. A client that stops reading fills its socket buffers and would park this task on
    /// the write forever (holding its transaction); the idle timeout bounds that wait too.
    /// </summary>
    private async Task FlushRepliesAsync()
    {
        var deadline = ArmDeadline(Options.IdleTimeout);
        try
        {
            await _writer!.FlushAsync(deadline).ConfigureAwait(false);
        }
        finally
        {
            DisarmDeadline();
        }
    }

    private void Send(IBoltMessage message)
    {
        _packer.Reset();
        message.Write(_packer);
        _writer!.WriteMessage(_packer.Written.Span);
    }

    private void SendSuccess(IReadOnlyDictionary<string, object?> metadata) => Send(new SuccessMessage(metadata));

    private void SendIgnored() => Send(IgnoredMessage.Instance);

    private async Task CloseWithFailureAsync(string code, string message)
    {
        try
        {
            Send(new FailureMessage(FailureMetadata(code, message)));
            await _writer!.FlushAsync(_abort.Token).ConfigureAwait(false);
            await LingerAsync().ConfigureAwait(false);
        }
        catch (Exception e) when (e is IOException or SocketException or ObjectDisposedException or OperationCanceledException or System.Net.WebSockets.WebSocketException)
        {
            // the peer is gone; nothing more to tell it
        }
        _state = BoltConnectionState.Defunct;
    }

    /// <summary>
    /// A lingering close: after the FAILURE, stop sending (FIN) and read and drop what the client is still sending
    /// (at most 16 MiB, for at most a second). Closing with unread input would send a TCP reset, and a reset can
    /// destroy the FAILURE in the client's buffers before it reads it (e.g. while it still writes an oversized message).
    /// </summary>
    private async Task LingerAsync()
    {
        if (_pump is null && _direct is null) return;
        // Over WebSocket the end of sending is a close frame (a TCP FIN would cut the frame stream short).
        if (_stream is System.Net.WebSockets.WebSocketStream) await BoltTransport.CloseOutputAsync(_stream, _abort.Token).ConfigureAwait(false);
        else _socket.Shutdown(SocketShutdown.Send);
        using var cts = CancellationTokenSource.CreateLinkedTokenSource(_abort.Token);
        cts.CancelAfter(TimeSpan.FromSeconds(1));
        var buffer = new byte[16 * 1024];
        for (long total = 0; total < 16 * 1024 * 1024;)
        {
            var read = await Input.ReadAsync(buffer, cts.Token).ConfigureAwait(false);
            if (read == 0) return;
            total += read;
        }
    }

    private string RouteAddress()
    {
        if (Options.AdvertisedAddress is { } advertised) return advertised;
        if (_routingAddress is { } dialled) return dialled;
        var local = (IPEndPoint)_socket.LocalEndPoint!;
        var host = local.Address.IsIPv4MappedToIPv6 ? local.Address.MapToIPv4().ToString() : local.Address.ToString();
        return local.AddressFamily == AddressFamily.InterNetworkV6 && !local.Address.IsIPv4MappedToIPv6
            ? $"[{host}]:{local.Port}"
            : $"{host}:{local.Port}";
    }

    public async ValueTask DisposeAsync()
    {
        await CloseWorkAsync().ConfigureAwait(false);
        if (_stream is not null) await _stream.DisposeAsync().ConfigureAwait(false);
        _socket.Dispose();
        _interrupt.Dispose();
        _deadline?.Dispose();
        _loginDeadline.Dispose();
        _abort.Dispose();
    }
}
