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
    private readonly ReadAheadBuffer _ahead; // under _gate
    private bool _ended;
    private Exception? _error;
    private TaskCompletionSource? _dataWaiter;
    private TaskCompletionSource? _spaceWaiter;

    public PeerWatchStream(Stream inner, int limit, Action onInput)
        : base(inner)
    {
        _limit = limit;
        _onInput = onInput;
        // Holds at most the limit plus one read (the pump waits for room before it reads); a drained buffer of one
        // read's size or less is kept for the next burst.
        _ahead = new ReadAheadBuffer(limit + ReadSize, keepWhenDrained: ReadSize);
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
        lock (_gate) return InterruptScanner.ContainsInterrupt(consumerBuffered, _ahead.Buffered);
    }

    /// <inheritdoc />
    public bool ContainsCompleteMessage(ReadOnlySpan<byte> consumerBuffered)
    {
        lock (_gate) return InterruptScanner.ContainsCompleteMessage(consumerBuffered, _ahead.Buffered);
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
                if (_ahead.Count < _limit) return;
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
            _ahead.Append(bytes);
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
                if (_ahead.Count > 0)
                {
                    var count = _ahead.Read(destination.Span);
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
