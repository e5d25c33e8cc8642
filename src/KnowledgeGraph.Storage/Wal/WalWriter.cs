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
/// covering fsync succeeded. The failure is recorded before the file lock is released, so no later batch can be
/// written (and acknowledged) behind a failed one. A failed writer is not reused: the store opens a new one on the
/// same segment (see <c>GraphStore.ResumeWritesAsync</c>).
/// After each fsync, and before acknowledging the batches it covers, the durable high-water mark is advanced (a
/// plain write, no extra fsync: see <see cref="HighWaterMark"/>).
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
    private readonly HighWaterMark _mark;
    private FileStream _file;
    private long _segmentFirstTxId;
    private Batch _pending = new();
    private Batch? _sealed;
    private long _rotateTo;
    private TaskCompletionSource? _rotationDone;
    private long _nextSequence;
    private long _durableSequence;
    private long _bytesSinceCheckpoint;
    private bool _closing;
    private Exception? _failure;

    public WalWriter(string directory, FileStream segment, long segmentFirstTxId, HighWaterMark mark)
    {
        _directory = directory;
        _file = segment;
        _segmentFirstTxId = segmentFirstTxId;
        _mark = mark;
        _flushers = new Thread[FlusherCount];
        for (var i = 0; i < _flushers.Length; i++)
        {
            _flushers[i] = new Thread(FlushLoop) { IsBackground = true, Name = $"KnowledgeGraph WAL flusher {i}" };
            _flushers[i].Start();
        }
    }

    /// <summary>Test hook: the next batch write fails with this exception (simulates a disk fault).</summary>
    internal Exception? InjectedFault { get; set; }

    /// <summary>The failure that stopped this writer, if any.</summary>
    public Exception? FailureCause
    {
        get
        {
            lock (_gate) return _failure;
        }
    }

    /// <summary>The current segment's path and first transaction id.</summary>
    public (string Path, long FirstTxId) CurrentSegment
    {
        get
        {
            lock (_fileLock) return (_file.Name, _segmentFirstTxId);
        }
    }

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
            batch.LastTxId = txId;
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

                    try
                    {
                        if (sealedBatch is not null)
                        {
                            // The old segment is finished and fsynced before the new one starts, which also makes
                            // every batch written to it earlier durable.
                            _file.Write(sealedBatch.Bytes.WrittenSpan);
                            sealedBatch.End = new HighWaterMark.Mark(sealedBatch.LastTxId, _segmentFirstTxId, _file.Position);
                            _file.Flush(flushToDisk: true);
                            _retired.Add(_file);
                            _file = CreateSegment(_directory, rotateTo);
                            _segmentFirstTxId = rotateTo;
                            MarkDurable(sealedBatch.Sequence, sealedBatch);
                            rotationDone?.TrySetResult();
                        }

                        sealedBatch = null;
                        rotationDone = null;
                        if (batch.Bytes.Length == 0) continue;
                        if (InjectedFault is { } fault)
                        {
                            InjectedFault = null;
                            throw fault;
                        }

                        _file.Write(batch.Bytes.WrittenSpan);
                        batch.End = new HighWaterMark.Mark(batch.LastTxId, _segmentFirstTxId, _file.Position);
                    }
                    catch (Exception e) when (e is IOException or UnauthorizedAccessException or ObjectDisposedException)
                    {
                        // Still under the file lock: no other flusher writes a later batch behind this one.
                        FailTaken(e, batch, sealedBatch, rotationDone);
                        return;
                    }

                    file = _file;
                    lock (_gate) _inFlight.Enqueue(batch);
                    sequence = batch.Sequence;
                    batch = null;
                }

                file.Flush(flushToDisk: true);
                MarkDurable(sequence, null);
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ObjectDisposedException)
        {
            FailTaken(e, batch, sealedBatch, rotationDone);
        }
    }

    private void FailTaken(Exception e, Batch? batch, Batch? sealedBatch, TaskCompletionSource? rotationDone)
    {
        Fail(e);
        var failure = Failure(e);
        batch?.Completion.TrySetException(failure);
        sealedBatch?.Completion.TrySetException(failure);
        rotationDone?.TrySetException(failure);
    }

    /// <summary>Everything written up to <paramref name="sequence"/> is on disk: advance the high-water mark, then
    /// complete those batches in order (a commit is acknowledged only once the mark covers it).</summary>
    private void MarkDurable(long sequence, Batch? extra)
    {
        List<Batch>? done = null;
        lock (_gate)
        {
            if (_failure is not null)
            {
                // An fsync that failed elsewhere may have covered these bytes (Linux reports a failed writeback to
                // one fsync only): acknowledge nothing more.
                extra?.Completion.TrySetException(Failure(_failure));
                return;
            }

            if (sequence > _durableSequence) _durableSequence = sequence;
            while (_inFlight.Count > 0 && _inFlight.Peek().Sequence <= _durableSequence) (done ??= []).Add(_inFlight.Dequeue());
        }

        if (extra is not null) (done ??= []).Add(extra);
        if (done is null) return;
        HighWaterMark.Mark? highest = null;
        foreach (var b in done)
        {
            if (b.LastTxId > 0 && (highest is null || b.LastTxId > highest.Value.TxId)) highest = b.End;
        }

        try
        {
            if (highest is { } mark) _mark.Advance(mark);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            var failure = Failure(e);
            foreach (var b in done) b.Completion.TrySetException(failure);
            throw;
        }

        foreach (var b in done) b.Completion.TrySetResult();
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

        /// <summary>The last transaction appended to this batch (0 when empty).</summary>
        public long LastTxId { get; set; }

        /// <summary>Where the batch ends in the log, once written.</summary>
        public HighWaterMark.Mark End { get; set; }
    }
}
