using System.Buffers.Binary;
using System.Globalization;
using System.IO.Hashing;

namespace KnowledgeGraph.Storage.Wal;

/// <summary>
/// Layout of the write-ahead log. The log is a series of segment files <c>wal-&lt;first tx id&gt;.log</c>; each is a
/// sequence of records: <c>magic (4) | payload length (4) | tx id (8) | crc32 (4) | payload</c>, little-endian, where
/// the CRC covers the length, the transaction id and the payload. One record is one committed transaction.
/// </summary>
internal static class WalFormat
{
    public const uint Magic = 0x5457474B; // "KGWT"
    public const int HeaderSize = 20;
    public const int MaxPayload = int.MaxValue - HeaderSize;
    private const string Prefix = "wal-";
    private const string Suffix = ".log";

    public static string SegmentName(long firstTxId) => $"{Prefix}{firstTxId.ToString("D20", CultureInfo.InvariantCulture)}{Suffix}";

    /// <summary>The segments of a directory ordered by their first transaction id.</summary>
    public static List<(long FirstTxId, string Path)> ListSegments(string directory)
    {
        var result = new List<(long, string)>();
        foreach (var path in System.IO.Directory.EnumerateFiles(directory, Prefix + "*" + Suffix))
        {
            var name = Path.GetFileName(path);
            var digits = name.AsSpan(Prefix.Length, name.Length - Prefix.Length - Suffix.Length);
            if (long.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out var first)) result.Add((first, path));
        }

        result.Sort((a, b) => a.Item1.CompareTo(b.Item1));
        return result;
    }

    public static void WriteHeader(Span<byte> header, long txId, ReadOnlySpan<byte> payload)
    {
        BinaryPrimitives.WriteUInt32LittleEndian(header, Magic);
        BinaryPrimitives.WriteInt32LittleEndian(header[4..], payload.Length);
        BinaryPrimitives.WriteInt64LittleEndian(header[8..], txId);
        BinaryPrimitives.WriteUInt32LittleEndian(header[16..], Checksum(header[4..16], payload));
    }

    public static uint Checksum(ReadOnlySpan<byte> lengthAndTx, ReadOnlySpan<byte> payload)
    {
        var crc = new Crc32();
        crc.Append(lengthAndTx);
        crc.Append(payload);
        return crc.GetCurrentHashAsUInt32();
    }

    /// <summary>Checks whether a complete, valid record starts at <paramref name="offset"/>.</summary>
    public static bool TryReadRecord(ReadOnlySpan<byte> data, int offset, out long txId, out int payloadLength)
    {
        txId = 0;
        payloadLength = 0;
        if (data.Length - offset < HeaderSize) return false;
        var header = data.Slice(offset, HeaderSize);
        if (BinaryPrimitives.ReadUInt32LittleEndian(header) != Magic) return false;
        var length = BinaryPrimitives.ReadInt32LittleEndian(header[4..]);
        if (length < 0 || length > data.Length - offset - HeaderSize) return false;
        var payload = data.Slice(offset + HeaderSize, length);
        if (BinaryPrimitives.ReadUInt32LittleEndian(header[16..]) != Checksum(header[4..16], payload)) return false;
        txId = BinaryPrimitives.ReadInt64LittleEndian(header[8..]);
        payloadLength = length;
        return true;
    }
}
