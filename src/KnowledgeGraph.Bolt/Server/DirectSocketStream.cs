using System.Net.Sockets;

namespace KnowledgeGraph.Bolt.Server;

/// <summary>
/// The stream of a direct-mode connection (see <see cref="BoltServer"/>): a plain TCP socket used only with blocking
/// calls, by the connection's own thread, so a request costs one wake-up of that thread and no thread-pool hop.
/// No asynchronous socket operation is ever started on it: on Linux the first one would switch the socket to
/// non-blocking mode, after which .NET emulates blocking calls through its epoll engine (the hop would come back).
/// Invariants:
/// <list type="bullet">
/// <item>Reads happen on the owner thread between requests, and on the watchdog (<see cref="TakeArrived"/>) only
/// while the connection works (under its work gate); the connection never reads while it works, so the two never
/// read at once. Bytes the watchdog took are returned first (<c>_ahead</c>, under <c>_gate</c>).</item>
/// <item>Writes happen on the owner thread, or are posted to it while it serves a request (see
/// <see cref="ServeUntil"/>), so a blocking send never holds a thread-pool thread.</item>
/// <item>A cancellation of any token passed to a read or a write disposes the socket, which ends the blocking call
/// (and the connection): every such token is a deadline, the login deadline, a linger bound or the abort.</item>
/// </list>
/// </summary>
internal sealed partial class DirectSocketStream : Stream, IPeerInput
{
    private readonly Socket _socket;
    private readonly int _limit;
    private readonly object _gate = new();
    private readonly ReadAheadBuffer _ahead; // under _gate
    private volatile bool _peerGone;
    private volatile bool _received;

    /// <summary>Wraps <paramref name="socket"/> (owned: disposing the stream closes it); the calling thread becomes
    /// the owner. <paramref name="limit"/> bounds the bytes the watchdog reads ahead.</summary>
    public DirectSocketStream(Socket socket, int limit)
    {
        _socket = socket;
        _limit = limit;
        // Used only while a request runs longer than the watchdog's interval, so a drained buffer is always dropped.
        _ahead = new ReadAheadBuffer(limit, keepWhenDrained: 0);
        _owner = Environment.CurrentManagedThreadId;
    }

    /// <summary>True once any byte arrived from the client.</summary>
    public bool Received => _received;

    /// <inheritdoc />
    public bool PeerGone => _peerGone;

    /// <inheritdoc />
    public bool ContainsInterrupt(ReadOnlySpan<byte> consumerBuffered)
    {
        lock (_gate) return InterruptScanner.ContainsInterrupt(consumerBuffered, _ahead.Buffered);
    }

    /// <inheritdoc />
    public bool ContainsCompleteMessage(ReadOnlySpan<byte> consumerBuffered)
    {
        lock (_gate) return InterruptScanner.ContainsCompleteMessage(consumerBuffered, _ahead.Buffered);
    }

    /// <summary>Puts bytes already read (the transport sniffer's) back in front of the input.</summary>
    public void Unread(ReadOnlySpan<byte> bytes)
    {
        lock (_gate) _ahead.Prepend(bytes);
    }

    /// <summary>
    /// Moves bytes already waiting in the socket into the buffer without blocking (at most up to the read-ahead
    /// limit), and notices a peer that closed or reset. True when bytes arrived or the peer is gone. Called by the
    /// watchdog while the connection works, or by the owner thread between requests; never concurrently with a read.
    /// </summary>
    public bool TakeArrived()
    {
        if (_peerGone) return false;
        try
        {
            // One poll() when nothing arrived (the common case while a long statement runs).
            if (!_socket.Poll(0, SelectMode.SelectRead)) return false;
            var available = _socket.Available;
            if (available == 0)
            {
                // Readable with nothing to read: the peer closed (FIN) or reset the connection.
                _peerGone = true;
                return true;
            }
            lock (_gate)
            {
                var room = _limit - _ahead.Count;
                if (room <= 0) return false;
                // Does not block: at least that many bytes are waiting.
                var read = _socket.Receive(_ahead.Reserve(Math.Min(available, room)), SocketFlags.None);
                if (read == 0)
                {
                    _peerGone = true;
                    return true;
                }
                _ahead.Commit(read);
                _received = true;
                return true;
            }
        }
        catch (Exception e) when (e is SocketException or ObjectDisposedException)
        {
            _peerGone = true;
            return true;
        }
    }

    public override int Read(Span<byte> buffer)
    {
        if (buffer.IsEmpty) return 0;
        lock (_gate)
        {
            if (_ahead.Count > 0) return _ahead.Read(buffer);
        }
        // Not under the lock: the watchdog does not read while the owner does (see the invariants).
        var read = _socket.Receive(buffer, SocketFlags.None);
        if (read > 0) _received = true;
        return read;
    }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        if (cancellationToken.IsCancellationRequested) return ValueTask.FromCanceled<int>(cancellationToken);
        var watch = Watch(cancellationToken);
        try
        {
            return new ValueTask<int>(Read(buffer.Span));
        }
        catch (Exception e) when (e is SocketException or ObjectDisposedException)
        {
            throw Failure(e, cancellationToken);
        }
        finally
        {
            watch.Dispose();
        }
    }

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override void Write(ReadOnlySpan<byte> buffer)
    {
        // A blocking send returns once every byte is in the socket's buffer.
        while (!buffer.IsEmpty) buffer = buffer[_socket.Send(buffer, SocketFlags.None)..];
    }

    public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

    public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
    {
        if (cancellationToken.IsCancellationRequested) return ValueTask.FromCanceled(cancellationToken);
        if (Environment.CurrentManagedThreadId != _owner && PostWrite(buffer, cancellationToken) is { } posted) return posted;
        WriteNow(buffer.Span, cancellationToken);
        return default;
    }

    public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        WriteAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    private void WriteNow(ReadOnlySpan<byte> buffer, CancellationToken cancellationToken)
    {
        var watch = Watch(cancellationToken);
        try
        {
            Write(buffer);
        }
        catch (Exception e) when (e is SocketException or ObjectDisposedException)
        {
            throw Failure(e, cancellationToken);
        }
        finally
        {
            watch.Dispose();
        }
    }

    /// <summary>Ends a blocking call when the token fires: the socket is closed (the connection ends anyway).</summary>
    private CancellationTokenRegistration Watch(CancellationToken cancellationToken) =>
        cancellationToken.CanBeCanceled
            ? cancellationToken.UnsafeRegister(static socket => ((Socket)socket!).Dispose(), _socket)
            : default;

    private static Exception Failure(Exception e, CancellationToken cancellationToken) =>
        cancellationToken.IsCancellationRequested
            ? new OperationCanceledException("The connection's deadline passed or it was closed.", e, cancellationToken)
            : new IOException($"The connection to the client failed: {e.Message}", e);

    public override void Flush()
    {
    }

    public override Task FlushAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public override bool CanRead => true;

    public override bool CanWrite => true;

    public override bool CanSeek => false;

    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => throw new NotSupportedException();
        set => throw new NotSupportedException();
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing) _socket.Dispose();
        base.Dispose(disposing);
    }
}
