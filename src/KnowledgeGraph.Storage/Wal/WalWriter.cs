using KnowledgeGraph.Errors;

namespace KnowledgeGraph.Storage.Wal;

/// <summary>
/// Appends transaction records to the current log segment with group commit. Committers append under the store's
/// writer slot (so records are in transaction order) into an in-memory batch and get the batch's completion task; a
/// dedicated flusher thread writes the batch and fsyncs it, so one fsync covers every record appended before it.
/// A rotation (for checkpoints) seals the bytes of the old segment; the flusher writes and fsyncs them, then starts
/// the new segment. After an I/O failure every pending and later append fails; nothing is acknowledged unless its
/// fsync succeeded.
/// </summary>
internal sealed class WalWriter : IDisposable
{
    private readonly object _gate = new();
    private readonly string _directory;
    private readonly Thread _flusher;
    private FileStream _file;
    private Batch _pending = new();
    private Batch? _sealed;
    private long _rotateTo;
    private TaskCompletionSource? _rotationDone;
    private bool _closing;
    private Exception? _failure;

    public WalWriter(string directory, FileStream segment)
    {
        _directory = directory;
        _file = segment;
        _flusher = new Thread(FlushLoop) { IsBackground = true, Name = "KnowledgeGraph WAL flusher" };
        _flusher.Start();
    }

    /// <summary>Bytes appended since the last checkpoint (drives automatic checkpoints).</summary>
    public long BytesSinceCheckpoint => Interlocked.Read(ref _bytesSinceCheckpoint);

    private long _bytesSinceCheckpoint;

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
            batch.Completion ??= new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
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
        while (true)
        {
            Batch? sealedBatch;
            Batch batch;
            long rotateTo;
            TaskCompletionSource? rotationDone;
            lock (_gate)
            {
                while (_sealed is null && _pending.Bytes.Length == 0 && !_closing) Monitor.Wait(_gate);
                if (_sealed is null && _pending.Bytes.Length == 0 && _closing) return;
                sealedBatch = _sealed;
                _sealed = null;
                rotateTo = _rotateTo;
                rotationDone = _rotationDone;
                _rotationDone = null;
                batch = _pending;
                _pending = new Batch();
            }

            try
            {
                if (sealedBatch is not null)
                {
                    WriteAndSync(sealedBatch);
                    sealedBatch.Completion?.TrySetResult();
                    _file.Dispose();
                    _file = CreateSegment(_directory, rotateTo);
                    rotationDone?.TrySetResult();
                }

                if (batch.Bytes.Length > 0)
                {
                    WriteAndSync(batch);
                    batch.Completion?.TrySetResult();
                }
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or ObjectDisposedException)
            {
                var failure = Failure(e);
                lock (_gate)
                {
                    _failure = e;
                    sealedBatch?.Completion?.TrySetException(failure);
                    rotationDone?.TrySetException(failure);
                    batch.Completion?.TrySetException(failure);
                    _pending.Completion?.TrySetException(failure);
                    _sealed?.Completion?.TrySetException(failure);
                    _rotationDone?.TrySetException(failure);
                }

                return;
            }
        }
    }

    private void WriteAndSync(Batch batch)
    {
        _file.Write(batch.Bytes.WrittenSpan);
        _file.Flush(flushToDisk: true);
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

    /// <summary>Flushes what is pending, stops the flusher and closes the segment.</summary>
    public void Dispose()
    {
        lock (_gate)
        {
            if (_closing) return;
            _closing = true;
            Monitor.Pulse(_gate);
        }

        _flusher.Join();
        _file.Dispose();
    }

    private sealed class Batch
    {
        public ByteWriter Bytes { get; } = new(4096);

        public TaskCompletionSource? Completion { get; set; }
    }
}
