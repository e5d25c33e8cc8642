using System.Globalization;
using KnowledgeGraph.Errors;
using KnowledgeGraph.Storage.Checkpoints;
using KnowledgeGraph.Storage.Mvcc;
using KnowledgeGraph.Storage.Wal;

namespace KnowledgeGraph.Storage;

/// <summary>
/// Recovery on open: load the checkpoint, replay the log after it, cut off a torn last record, and compare what the
/// log holds with the durable high-water mark (<c>wal.hwm</c>, see <see cref="HighWaterMark"/>). A torn last record
/// was never acknowledged, so the mark never covers it and it is dropped silently (reported in
/// <see cref="Recovery"/>). When the mark names a transaction the log no longer holds (tail zeroed or truncated
/// across records, a 0-byte or deleted segment, a checkpoint whose later log is gone), acknowledged commits are
/// missing: the store refuses to open, naming what is missing, unless <see cref="GraphStoreOptions.AcceptDataLoss"/>.
/// </summary>
public sealed partial class GraphStore
{
    /// <summary><see cref="GraphException.Detail"/> of the error raised when the log lost acknowledged transactions.</summary>
    public const string MissingLogDetail = "LogMissingAcknowledgedTransactions";

    private HighWaterMark? _mark;

    /// <summary>What the last open recovered (null for an in-memory store).</summary>
    public StoreRecoveryReport? Recovery { get; private set; }

    private void Recover()
    {
        var directory = Directory!;
        ThrowIfLoadInterrupted(directory);
        var warnings = new List<string>();
        var mark = ReadMark(directory, warnings);
        var checkpointPath = Path.Combine(directory, CheckpointFormat.FileName);
        GraphVersion baseVersion;
        if (File.Exists(checkpointPath))
        {
            var loaded = CheckpointReader.Load(checkpointPath, _labelSets, NextGeneration());
            if (loaded.DatabaseId != DatabaseId)
            {
                throw new GraphException(ErrorCodes.StorageError, $"Checkpoint '{checkpointPath}' belongs to database {loaded.DatabaseId}, not {DatabaseId}.");
            }

            baseVersion = loaded.Version;
        }
        else
        {
            baseVersion = _latest;
        }

        _checkpointTxId = baseVersion.TxId;
        var changes = OpenChanges(directory, baseVersion.TxId);
        try
        {
            RecoverLog(directory, mark, baseVersion, changes, warnings);
        }
        catch
        {
            changes?.File.Dispose();
            throw;
        }
    }

    private void RecoverLog(string directory, HighWaterMark.Mark? mark, GraphVersion baseVersion, ChangeRecovery? changes, List<string> warnings)
    {
        var working = baseVersion.Fork(NextGeneration());
        var segments = WalFormat.ListSegments(directory);
        var lastTx = baseVersion.TxId;
        WalScanner.SegmentContent? last = null;
        long replayed = 0;
        for (var i = 0; i < segments.Count; i++)
        {
            var isLast = i == segments.Count - 1;
            if (!isLast && segments[i + 1].FirstTxId <= baseVersion.TxId + 1)
            {
                continue; // wholly covered by the checkpoint (deleting it was interrupted)
            }

            var content = WalScanner.ReadSegment(segments[i].Path, isLast, 0);
            foreach (var record in content.Records)
            {
                if (record.TxId <= lastTx) continue;
                if (record.TxId != lastTx + 1)
                {
                    throw new GraphException(ErrorCodes.StorageError, $"Write-ahead log '{segments[i].Path}' skips from transaction {lastTx} to {record.TxId}; refusing to open the store.");
                }

                working = Replay(changes, working, record.TxId, record.Payload);
                lastTx = record.TxId;
                replayed++;
            }

            if (isLast) last = content;
        }

        if (mark is { } m && m.TxId > lastTx)
        {
            var message = DescribeMissingLog(directory, m, lastTx, baseVersion.TxId, segments, last);
            if (!_options.AcceptDataLoss)
            {
                throw new GraphException(ErrorCodes.StorageError, message + " Refusing to open the store. To open it with those transactions lost, open it once with AcceptDataLoss (the service: --Graph:Recovery:AcceptDataLoss=true, or `admin recover --accept-data-loss`), or load a backup/dump instead.")
                {
                    Detail = MissingLogDetail,
                };
            }

            warnings.Add(message + $" Data loss accepted: the store opens at transaction {lastTx}.");
        }

        working.TxId = lastTx;
        working.Freeze();
        _latest = working;
        _published = working;
        FinishChanges(changes, working.TxId);

        FileStream segment;
        long segmentFirstTx;
        long tornBytes = 0;
        if (last is null)
        {
            segmentFirstTx = lastTx + 1;
            segment = WalWriter.CreateSegment(directory, segmentFirstTx);
        }
        else
        {
            segmentFirstTx = segments[^1].FirstTxId;
            segment = new FileStream(last.Path, FileMode.Open, FileAccess.Write, FileShare.Read, bufferSize: 0);
            if (last.TornTail)
            {
                // Never acknowledged (the mark does not cover it, checked above); cut it off so new records do not
                // land behind garbage.
                tornBytes = segment.Length - last.ValidLength;
                segment.SetLength(last.ValidLength);
                segment.Flush(flushToDisk: true);
            }

            segment.Seek(0, SeekOrigin.End);
        }

        try
        {
            // The mark now states exactly what the log holds (also after an accepted loss, so later opens succeed).
            _mark = HighWaterMark.Open(directory, new HighWaterMark.Mark(lastTx, segmentFirstTx, segment.Length));
        }
        catch
        {
            segment.Dispose();
            throw;
        }

        _wal = new WalWriter(directory, segment, segmentFirstTx, _mark);
        Recovery = new StoreRecoveryReport(baseVersion.TxId, replayed, lastTx, tornBytes, tornBytes > 0 ? last!.Path : null, warnings);
    }

    private HighWaterMark.Mark? ReadMark(string directory, List<string> warnings)
    {
        var path = Path.Combine(directory, HighWaterMark.FileName);
        HighWaterMark.Mark? mark;
        try
        {
            mark = HighWaterMark.Read(directory);
        }
        catch (InvalidDataException e)
        {
            if (!_options.AcceptDataLoss)
            {
                throw new GraphException(ErrorCodes.StorageError, $"The log high-water mark {e.Message}: cannot tell whether acknowledged transactions are missing. Refusing to open the store (open it once with AcceptDataLoss to trust the log as it is).")
                {
                    Detail = MissingLogDetail,
                };
            }

            warnings.Add($"The log high-water mark {e.Message}; data loss accepted: trusting the log as it is.");
            return null;
        }

        if (mark is null && (File.Exists(Path.Combine(directory, CheckpointFormat.FileName)) || WalFormat.ListSegments(directory).Count > 0))
        {
            // A store written before the mark existed, or the file was deleted: recovery cannot check the tail this
            // once; the mark is created from what the log holds.
            warnings.Add($"'{path}' was missing: the log tail could not be checked for lost transactions on this open; the mark was recreated.");
        }

        return mark;
    }

    private static string DescribeMissingLog(
        string directory, HighWaterMark.Mark mark, long lastTx, long checkpointTx,
        List<(long FirstTxId, string Path)> segments, WalScanner.SegmentContent? last)
    {
        var missing = mark.TxId - lastTx;
        var segmentPath = Path.Combine(directory, WalFormat.SegmentName(mark.SegmentFirstTxId));
        string found;
        if (segments.Count == 0)
        {
            found = checkpointTx > 0 ? $"no log segment exists after the checkpoint at transaction {checkpointTx}" : "no log segment exists at all";
        }
        else if (!File.Exists(segmentPath))
        {
            found = $"'{segmentPath}' is missing";
        }
        else
        {
            var length = new FileInfo(segmentPath).Length;
            found = length == 0
                ? $"'{segmentPath}' is empty (0 bytes)"
                : $"the log ends at transaction {lastTx} (valid records end at byte {(last?.Path == segmentPath ? last.ValidLength : length).ToString(CultureInfo.InvariantCulture)} of '{segmentPath}', {length.ToString(CultureInfo.InvariantCulture)} bytes long)";
        }

        return $"The write-ahead log lost {missing} acknowledged transaction(s), {lastTx + 1} to {mark.TxId}: the high-water mark '{Path.Combine(directory, HighWaterMark.FileName)}' records transaction {mark.TxId} ending at byte {mark.EndOffset} of '{WalFormat.SegmentName(mark.SegmentFirstTxId)}', but {found} (checkpoint at transaction {checkpointTx}). The log tail was truncated, zeroed or deleted.";
    }
}
