using System.Buffers;

namespace KnowledgeGraph.Bolt.Server;

/// <summary>
/// Wraps a connection's stream with a background reader that keeps reading the socket while the connection is
/// busy (running a statement, streaming records), so that a disconnect, a reset, or a RESET/GOODBYE sent meanwhile
/// is seen at once instead of after the statement ends. Bytes are buffered (at most <c>limit</c> plus one read; the
/// pump then waits until they are consumed) and handed to the single consumer through <see cref="ReadAsync(Memory{byte}, CancellationToken)"/>.
/// Writes go straight to the inner stream (one reader and one writer at a time is what NetworkStream and
/// SslStream allow). <c>onInput</c> runs on the pump after each read and once when the peer is gone.
/// When the consumer is waiting for bytes, the read that brings them resumes it on the same thread (one thread-pool
/// hop per request burst, not two): the pump first starts its next read, so the socket stays watched while the
/// consumer works on that thread.
/// </summary>
internal sealed class PeerWatchStream : ReadWrappingStream, IPeerInput
{
    private const int ReadSize = 16 * 1024;

    private readonly int _limit;
    private readonly Action _onInput;
    private readonly object _gate = new();
    private byte[] _buffer = [];
    private int _start;
    private int _end;
    private bool _ended;
    private Exception? _error;
    private TaskCompletionSource? _dataWaiter;
    private TaskCompletionSource? _spaceWaiter;

    public PeerWatchStream(Stream inner, int limit, Action onInput)
        : base(inner)
    {
        _limit = limit;
        _onInput = onInput;
    }

    /// <inheritdoc />
    public bool PeerGone
    {
        get { lock (_gate) return _ended; }
    }

    /// <summary>Starts the pump; it ends when the peer closes, on an I/O error, or when <paramref name="stop"/> fires.</summary>
    public void Start(CancellationToken stop)
    {
        _stop = stop;
        _ = Task.Run(PumpAsync, CancellationToken.None);
    }

    private CancellationToken _stop;

    /// <inheritdoc />
    public bool ContainsInterrupt(ReadOnlySpan<byte> consumerBuffered)
    {
        lock (_gate) return InterruptScanner.ContainsInterrupt(consumerBuffered, _buffer.AsSpan(_start, _end - _start));
    }

    /// <inheritdoc />
    public bool ContainsCompleteMessage(ReadOnlySpan<byte> consumerBuffered)
    {
        lock (_gate) return InterruptScanner.ContainsCompleteMessage(consumerBuffered, _buffer.AsSpan(_start, _end - _start));
    }

    /// <summary>
    /// One generation of the pump: reads until a read wakes the waiting consumer; then it starts the next generation
    /// (which runs until its first pending read) and resumes the consumer on this thread. Invariant: exactly one
    /// generation is reading at any time, so reads of the inner stream never overlap.
    /// </summary>
    private async Task PumpAsync()
    {
        var stop = _stop;
        try
        {
            while (true)
            {
                await WaitForSpaceAsync(stop).ConfigureAwait(false);
                // A zero-byte read waits for data without holding a buffer: idle connections cost no read buffer.
                await Inner.ReadAsync(Memory<byte>.Empty, stop).ConfigureAwait(false);
                // A WebSocket's input ends with the client's close frame, which the zero-byte read may consume: the
                // stream is then no longer readable, and that is the end of input, not an error.
                if (!Inner.CanRead) break;
                var rented = ArrayPool<byte>.Shared.Rent(ReadSize);
                TaskCompletionSource? consumer;
                try
                {
                    var read = await Inner.ReadAsync(rented.AsMemory(0, ReadSize), stop).ConfigureAwait(false);
                    if (read == 0) break;
                    consumer = Append(rented.AsSpan(0, read));
                }
                finally
                {
                    ArrayPool<byte>.Shared.Return(rented);
                }
                _onInput();
                if (consumer is null) continue;
                _ = PumpAsync();
                consumer.TrySetResult();
                return;
            }
        }
        catch (Exception e)
        {
            // Reset, abort or disposal: the consumer sees it as an IOException once the buffered bytes are read.
            lock (_gate) _error = e;
        }
        TaskCompletionSource? waiter;
        lock (_gate)
        {
            _ended = true;
            waiter = _dataWaiter;
            _dataWaiter = null;
        }
        waiter?.TrySetResult();
        _onInput();
    }

    private async Task WaitForSpaceAsync(CancellationToken stop)
    {
        while (true)
        {
            Task wait;
            lock (_gate)
            {
                if (_end - _start < _limit) return;
                _spaceWaiter ??= new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
                wait = _spaceWaiter.Task;
            }
            await wait.WaitAsync(stop).ConfigureAwait(false);
        }
    }

    /// <summary>Buffers the bytes; returns the consumer's waiter (now detached) for the caller to complete.</summary>
    private TaskCompletionSource? Append(ReadOnlySpan<byte> bytes)
    {
        TaskCompletionSource? waiter;
        lock (_gate)
        {
            var buffered = _end - _start;
            if (_end + bytes.Length > _buffer.Length)
            {
                if (buffered + bytes.Length > _buffer.Length)
                {
                    var grown = new byte[Math.Max(buffered + bytes.Length, Math.Min(_buffer.Length * 2, _limit + ReadSize))];
                    _buffer.AsSpan(_start, buffered).CopyTo(grown);
                    _buffer = grown;
                }
                else
                {
                    _buffer.AsSpan(_start, buffered).CopyTo(_buffer);
                }
                _start = 0;
                _end = buffered;
            }
            bytes.CopyTo(_buffer.AsSpan(_end));
            _end += bytes.Length;
            waiter = _dataWaiter;
            _dataWaiter = null;
        }
        return waiter;
    }

    public override async ValueTask<int> ReadAsync(Memory<byte> destination, CancellationToken cancellationToken = default)
    {
        while (true)
        {
            Task wait;
            lock (_gate)
            {
                if (_end > _start)
                {
                    var count = Math.Min(destination.Length, _end - _start);
                    _buffer.AsSpan(_start, count).CopyTo(destination.Span);
                    _start += count;
                    if (_start == _end)
                    {
                        _start = _end = 0;
                        // A connection between bursts keeps no buffer (an idle pool of connections costs nothing).
                        if (_buffer.Length > ReadSize) _buffer = [];
                    }
                    // Continuations run asynchronously, so releasing the pump under the lock is safe.
                    _spaceWaiter?.TrySetResult();
                    _spaceWaiter = null;
                    return count;
                }
                if (_ended)
                {
                    if (_error is null || _error is OperationCanceledException) return 0;
                    throw _error as IOException ?? new IOException($"Reading from the client failed: {_error.Message}", _error);
                }
                // Completed outside the lock by the pump, which lets the consumer continue on its thread.
                _dataWaiter ??= new TaskCompletionSource();
                wait = _dataWaiter.Task;
            }
            await wait.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
    }
}
