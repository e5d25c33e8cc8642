using KnowledgeGraph.Errors;

namespace KnowledgeGraph.Storage.Wal;

/// <summary>
/// Appends transaction records to the current log segment with group commit. Committers append under the store's
/// writer slot (so records are in transaction order) into an in-memory batch and get the batch's completion task.
/// Flusher threads take the pending batch, write it in order (under a file lock) and fsync it; a batch is durable
/// once any fsync that started after it was written returns, so one fsync covers every earlier batch. Several
/// fsyncs may be in flight at once: the kernel joins them into shared journal commits, which is what lets many
/// concurrent committers share the cost of a slow disk flush.
/// A rotation (for checkpoints) seals the bytes of the old segment; they are written and fsynced before the next
/// segment starts. After an I/O failure every pending and later append fails: nothing is acknowledged unless a
/// covering fsync succeeded.
/// </summary>
internal sealed class WalWriter : IDisposable
{
    private const int FlusherCount = 8;

    private readonly object _gate = new();
    private readonly object _fileLock = new();
    private readonly string _directory;
    private readonly Thread[] _flushers;
    private readonly Queue<Batch> _inFlight = new();
    private readonly List<FileStream> _retired = [];
    private FileStream _file;
    private Batch _pending = new();
    private Batch? _sealed;
    private long _rotateTo;
    private TaskCompletionSource? _rotationDone;
    private long _nextSequence;
    private long _durableSequence;
    private long _bytesSinceCheckpoint;
    private bool _closing;
    private Exception? _failure;

    public WalWriter(string directory, FileStream segment)
    {
        _directory = directory;
        _file = segment;
        _flushers = new Thread[FlusherCount];
        for (var i = 0; i < _flushers.Length; i++)
        {
            _flushers[i] = new Thread(FlushLoop) { IsBackground = true, Name = $"KnowledgeGraph WAL flusher {i}" };
            _flushers[i].Start();
        }
    }

    /// <summary>Test hook: the next batch write fails with this exception (simulates a disk fault).</summary>
    internal Exception? InjectedFault { get; set; }

    /// <summary>Bytes appended since the last checkpoint (drives automatic checkpoints).</summary>
    public long BytesSinceCheckpoint => Interlocked.Read(ref _bytesSinceCheckpoint);

    public void ResetBytesSinceCheckpoint(long covered) => Interlocked.Add(ref _bytesSinceCheckpoint, -Math.Min(covered, BytesSinceCheckpoint));

    /// <summary>Appends a record; the task completes once it is on disk.</summary>
    public Task AppendAsync(long txId, ByteWriter payload)
    {
        if (payload.Length > WalFormat.MaxPayload) throw new GraphException(ErrorCodes.StorageError, "The transaction is too large for one log record; use the bulk loader.");
        lock (_gate)
        {
            ThrowIfFailed();
            ObjectDisposedException.ThrowIf(_closing, this);
            var batch = _pending;
            WalFormat.WriteHeader(batch.Bytes.Reserve(WalFormat.HeaderSize), txId, payload.WrittenSpan);
            batch.Bytes.WriteRaw(payload.WrittenSpan);
            Interlocked.Add(ref _bytesSinceCheckpoint, WalFormat.HeaderSize + payload.Length);
            Monitor.Pulse(_gate);
            return batch.Completion.Task;
        }
    }

    /// <summary>
    /// Ends the current segment: records appended so far stay in it, later ones go to <c>wal-&lt;firstTxId&gt;.log</c>.
    /// Must be called while no append runs (the caller holds the writer slot). Completes once the old segment is
    /// durable and the new one exists.
    /// </summary>
    public Task RotateAsync(long firstTxId)
    {
        lock (_gate)
        {
            ThrowIfFailed();
            if (_rotationDone is not null) throw new InvalidOperationException("A log rotation is already pending.");
            _sealed = _pending;
            _pending = new Batch();
            _rotateTo = firstTxId;
            _rotationDone = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            Monitor.Pulse(_gate);
            return _rotationDone.Task;
        }
    }

    private void ThrowIfFailed()
    {
        if (_failure is not null) throw Failure(_failure);
    }

    private static GraphException Failure(Exception cause) =>
        new(ErrorCodes.StorageError, $"Writing the transaction log failed: {cause.Message}", cause);

    private void FlushLoop()
    {
        // Batches this thread has taken but not yet handed to the in-flight queue: failed with everything else.
        Batch? batch = null;
        Batch? sealedBatch = null;
        TaskCompletionSource? rotationDone = null;
        try
        {
            while (true)
            {
                FileStream file;
                long sequence;
                batch = null;
                sealedBatch = null;
                rotationDone = null;
                lock (_fileLock)
                {
                    long rotateTo;
                    lock (_gate)
                    {
                        while (_failure is null && _sealed is null && _pending.Bytes.Length == 0 && !_closing) Monitor.Wait(_gate);
                        if (_failure is not null) return;
                        if (_sealed is null && _pending.Bytes.Length == 0) return; // closing and drained
                        sealedBatch = _sealed;
                        _sealed = null;
                        rotationDone = _rotationDone;
                        _rotationDone = null;
                        rotateTo = _rotateTo;
                        batch = _pending;
                        _pending = new Batch();
                        if (sealedBatch is not null) sealedBatch.Sequence = ++_nextSequence;
                        if (batch.Bytes.Length > 0) batch.Sequence = ++_nextSequence;
                    }

                    if (sealedBatch is not null)
                    {
                        // The old segment is finished and fsynced before the new one starts, which also makes
                        // every batch written to it earlier durable.
                        _file.Write(sealedBatch.Bytes.WrittenSpan);
                        Diagnostics.StorageTelemetry.Fsync(_file);
                        _retired.Add(_file);
                        _file = CreateSegment(_directory, rotateTo);
                        MarkDurable(sealedBatch.Sequence, sealedBatch);
                        rotationDone?.TrySetResult();
                    }

                    sealedBatch = null;
                    rotationDone = null;
                    if (batch.Bytes.Length == 0) continue;
                    if (InjectedFault is { } fault) throw fault;
                    _file.Write(batch.Bytes.WrittenSpan);
                    file = _file;
                    lock (_gate) _inFlight.Enqueue(batch);
                    sequence = batch.Sequence;
                    batch = null;
                }

                Diagnostics.StorageTelemetry.Fsync(file);
                MarkDurable(sequence, null);
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ObjectDisposedException)
        {
            var failure = Failure(e);
            batch?.Completion.TrySetException(failure);
            sealedBatch?.Completion.TrySetException(failure);
            rotationDone?.TrySetException(failure);
            Fail(e);
        }
    }

    /// <summary>Everything written up to <paramref name="sequence"/> is on disk: complete those batches in order.</summary>
    private void MarkDurable(long sequence, Batch? extra)
    {
        lock (_gate)
        {
            if (sequence > _durableSequence) _durableSequence = sequence;
            while (_inFlight.Count > 0 && _inFlight.Peek().Sequence <= _durableSequence) _inFlight.Dequeue().Completion.TrySetResult();
        }

        extra?.Completion.TrySetResult();
    }

    private void Fail(Exception e)
    {
        var failure = Failure(e);
        lock (_gate)
        {
            _failure ??= e;
            while (_inFlight.Count > 0) _inFlight.Dequeue().Completion.TrySetException(failure);
            _pending.Completion.TrySetException(failure);
            _sealed?.Completion.TrySetException(failure);
            _rotationDone?.TrySetException(failure);
            Monitor.PulseAll(_gate);
        }
    }

    /// <summary>Creates a new, empty segment and makes its directory entry durable.</summary>
    public static FileStream CreateSegment(string directory, long firstTxId)
    {
        var path = Path.Combine(directory, WalFormat.SegmentName(firstTxId));
        var file = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.Read, bufferSize: 0);
        file.Flush(flushToDisk: true);
        DirectorySync.Flush(directory);
        return file;
    }

    /// <summary>Flushes what is pending, stops the flushers and closes the segments.</summary>
    public void Dispose()
    {
        lock (_gate)
        {
            if (_closing) return;
            _closing = true;
            Monitor.PulseAll(_gate);
        }

        foreach (var flusher in _flushers) flusher.Join();
        _file.Dispose();
        foreach (var file in _retired) file.Dispose();
    }

    private sealed class Batch
    {
        public ByteWriter Bytes { get; } = new(4096);

        public TaskCompletionSource Completion { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public long Sequence { get; set; }
    }
}
