using KnowledgeGraph.Errors;

namespace KnowledgeGraph.Storage.Wal;

/// <summary>
/// Reads the log back on open. Every record is checked (magic, length, CRC, consecutive transaction ids). An
/// invalid record at the very end of the last segment is a torn write that was never acknowledged: it is reported
/// so the caller can truncate it. An invalid record followed by any valid one, or in an older segment, is
/// corruption: opening fails with the file and offset, never silently dropping committed data.
/// </summary>
internal static class WalScanner
{
    public readonly record struct Record(long TxId, ReadOnlyMemory<byte> Payload);

    /// <summary>The valid records of a segment and, for a torn tail, the offset where the valid prefix ends.</summary>
    public sealed record SegmentContent(string Path, List<Record> Records, long ValidLength, bool TornTail);

    public static SegmentContent ReadSegment(string path, bool isLast, long expectedFirstTxId)
    {
        byte[] data;
        try
        {
            data = File.ReadAllBytes(path);
        }
        catch (IOException e)
        {
            throw new GraphException(ErrorCodes.StorageError, $"Cannot read write-ahead log '{path}': {e.Message}", e);
        }

        var records = new List<Record>();
        var offset = 0;
        var expected = expectedFirstTxId;
        while (offset < data.Length)
        {
            if (WalFormat.TryReadRecord(data, offset, out var txId, out var length))
            {
                if (expected > 0 && txId != expected)
                {
                    throw Corrupt(path, offset, $"expected transaction {expected} but found {txId}");
                }

                records.Add(new Record(txId, data.AsMemory(offset + WalFormat.HeaderSize, length)));
                expected = txId + 1;
                offset += WalFormat.HeaderSize + length;
                continue;
            }

            if (!isLast || HasValidRecordAfter(data, offset + 1))
            {
                throw Corrupt(path, offset, "the record's checksum or header is invalid");
            }

            return new SegmentContent(path, records, offset, TornTail: true);
        }

        return new SegmentContent(path, records, data.Length, TornTail: false);
    }

    private static bool HasValidRecordAfter(byte[] data, int from)
    {
        var span = data.AsSpan();
        for (var i = from; i <= data.Length - WalFormat.HeaderSize; i++)
        {
            // Cheap pre-filter on the first magic byte before the full check.
            if (data[i] == (byte)(WalFormat.Magic & 0xFF) && WalFormat.TryReadRecord(span, i, out _, out _)) return true;
        }

        return false;
    }

    private static GraphException Corrupt(string path, long offset, string reason) =>
        new(ErrorCodes.StorageError, $"Write-ahead log '{path}' is corrupt at offset {offset}: {reason}. Refusing to open the store to avoid losing committed data.");
}
