using KnowledgeGraph.Errors;
using KnowledgeGraph.Storage.Wal;

namespace KnowledgeGraph.Storage;

/// <summary>
/// I/O faults of the log (disk full, EIO): the commit that hit one is not acknowledged, and later writes are refused
/// with <see cref="ErrorCodes.DatabaseUnavailable"/> (transient: retry later) while readers keep the last durable
/// version. Writes resume without a restart once the cause is gone: a background retry with exponential backoff
/// (<see cref="GraphStoreOptions.WriteRetryInitialDelay"/>) calls <see cref="TryResumeWritesAsync"/>, which an
/// operator may also call directly.
/// </summary>
public sealed partial class GraphStore
{
    /// <summary>Bytes written and removed again at the end of the log to check there is room before resuming.</summary>
    private const int SpaceProbeBytes = 64 * 1024;

    private readonly CancellationTokenSource _lifetime = new();
    private Task _writeRetry = Task.CompletedTask;

    /// <summary>Why writes are refused (the I/O failure's message), or null while the store accepts writes.</summary>
    public string? WritesRefusedReason => Volatile.Read(ref _failure)?.Message;

    /// <summary>
    /// Tries to resume writes after an I/O failure: waits for in-flight commits to settle, cuts the log back to the
    /// last acknowledged record (a failed batch may have left part of a record), checks there is room by writing
    /// and removing a 64 KiB probe (fsynced), and opens a new log writer. Returns true when writes are accepted.
    /// </summary>
    public async ValueTask<bool> TryResumeWritesAsync(CancellationToken ct = default)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (Volatile.Read(ref _failure) is null) return true;
        await _writerSlot.WaitAsync(ct).ConfigureAwait(false);
        try
        {
            if (Volatile.Read(ref _failure) is null) return true;
            if (_disposed || _wal is null || _mark is null) return false;

            // Every commit appended before the failure either published (acknowledged) or failed; wait for both.
            while (Volatile.Read(ref _commitsInFlight) > 0) await Task.Delay(1, ct).ConfigureAwait(false);

            var old = _wal;
            var (segmentPath, segmentFirstTx) = old.CurrentSegment;
            old.Dispose();
            var acknowledged = _mark.Current;
            if (_published.TxId != acknowledged.TxId)
            {
                Volatile.Write(ref _failure, new IOException(
                    $"cannot resume writes: readers see transaction {_published.TxId} but the log acknowledged {acknowledged.TxId}; restart the service"));
                return false;
            }

            long keep;
            if (acknowledged.SegmentFirstTxId == segmentFirstTx) keep = acknowledged.EndOffset;
            else if (segmentFirstTx == acknowledged.TxId + 1) keep = 0;
            else
            {
                Volatile.Write(ref _failure, new IOException($"cannot resume writes: the log segment '{segmentPath}' does not follow transaction {acknowledged.TxId}; restart the service"));
                return false;
            }

            FileStream? segment = null;
            try
            {
                segment = new FileStream(segmentPath, FileMode.Open, FileAccess.Write, FileShare.Read, bufferSize: 0);
                if (segment.Length < keep)
                {
                    throw new IOException($"the log segment '{segmentPath}' is shorter ({segment.Length} bytes) than its acknowledged records ({keep} bytes)");
                }

                // Drop what the failed batch left, then prove there is room: the probe's blocks are allocated and
                // fsynced, then released again.
                segment.SetLength(keep);
                segment.Seek(keep, SeekOrigin.Begin);
                segment.Write(new byte[SpaceProbeBytes]);
                segment.Flush(flushToDisk: true);
                segment.SetLength(keep);
                segment.Flush(flushToDisk: true);
                segment.Seek(keep, SeekOrigin.Begin);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                TryTruncate(segment, keep);
                segment?.Dispose();
                Volatile.Write(ref _failure, e);
                return false;
            }

            _wal = new WalWriter(Directory!, segment, segmentFirstTx, _mark);
            _latest = _published;
            _changes.TruncateAfter(_published.TxId);
            Volatile.Write(ref _failure, null);
            return true;
        }
        finally
        {
            _writerSlot.Release();
        }
    }

    /// <summary>Records an I/O failure of the log (the first one wins), starts the retry loop and returns the error
    /// for the committer: transient, since the same commit may succeed once writes resume.</summary>
    private GraphException OnWriteFailure(GraphException logError)
    {
        var cause = logError.InnerException ?? logError;
        Interlocked.CompareExchange(ref _failure, cause, null);
        StartWriteRetry();
        return new GraphException(
            ErrorCodes.DatabaseUnavailable,
            $"The transaction was not acknowledged: writing the transaction log failed ({cause.Message}). The database refuses writes until the cause is fixed; reads keep working.",
            cause);
    }

    private void ThrowIfFailed()
    {
        if (Volatile.Read(ref _failure) is { } failure)
        {
            StartWriteRetry();
            throw new GraphException(
                ErrorCodes.DatabaseUnavailable,
                $"The database refuses writes after an I/O failure of its transaction log ({failure.Message}); reads keep working, and writes resume once the cause is fixed.",
                failure);
        }
    }

    private void StartWriteRetry()
    {
        if (_options.WriteRetryInitialDelay <= TimeSpan.Zero || _disposed) return;
        lock (_publishLock)
        {
            if (!_writeRetry.IsCompleted) return;
            _writeRetry = Task.Run(RetryWritesAsync);
        }
    }

    private async Task RetryWritesAsync()
    {
        var delay = _options.WriteRetryInitialDelay;
        var ct = _lifetime.Token;
        try
        {
            while (!ct.IsCancellationRequested && Volatile.Read(ref _failure) is not null)
            {
                await Task.Delay(delay, ct).ConfigureAwait(false);
                if (await TryResumeWritesAsync(ct).ConfigureAwait(false)) return;
                delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, _options.WriteRetryMaxDelay.Ticks));
            }
        }
        catch (Exception e) when (e is OperationCanceledException or ObjectDisposedException)
        {
            // The store is closing.
        }
    }

    private async ValueTask StopWriteRetryAsync()
    {
        await _lifetime.CancelAsync().ConfigureAwait(false);
        await _writeRetry.ConfigureAwait(false);
    }

    private static void TryTruncate(FileStream? segment, long length)
    {
        try
        {
            segment?.SetLength(length);
        }
        catch (IOException)
        {
            // The next attempt truncates again.
        }
    }
}
