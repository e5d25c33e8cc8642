using System.Buffers.Binary;
using System.IO.Hashing;
using Microsoft.Win32.SafeHandles;

namespace KnowledgeGraph.Storage.Wal;

/// <summary>
/// <c>wal.hwm</c>: the highest transaction the log has acknowledged, and where its record ends (segment and byte
/// offset). It is what lets recovery tell a torn last record (never acknowledged: recovered silently) from a log
/// that lost acknowledged records (zeroed, truncated or deleted: the store refuses to open).
/// <para>
/// Why this design: the mark is rewritten after every fsync of the log and before the commits that fsync covers are
/// acknowledged, but it is itself never fsynced on the commit path (an fsync per batch would halve group-commit
/// throughput; the write itself costs about 1.6 µs against 1.5-5 ms for the log's fsync, measured on this machine's
/// disk). It is a plain pwrite, not a shared memory mapping: a store into a mapped page of a full copy-on-write file
/// system would kill the process with SIGBUS instead of failing the write. So the mark is a lower bound of what was acknowledged: it survives a process crash exactly (the
/// kernel keeps the page), and after a power loss it may lag behind; recovery only ever trusts it as "at least these
/// transactions were acknowledged". It is fsynced when it is created and when recovery resets it.
/// </para>
/// <para>
/// Layout: two 64-byte slots at offsets 0 and 4096 (different sectors, so a torn write damages at most one), written
/// alternately: <c>"KGHW" | sequence (8) | tx id (8) | segment first tx (8) | end offset (8) | crc32 (4)</c>.
/// The valid slot with the highest sequence wins.
/// </para>
/// </summary>
internal sealed class HighWaterMark : IDisposable
{
    public const string FileName = "wal.hwm";
    private const uint Magic = 0x5748474B; // "KGHW"
    private const int SlotSize = 40;
    private const int SecondSlot = 4096;

    private readonly Lock _lock = new();
    private readonly SafeFileHandle _handle;
    private readonly byte[] _slot = new byte[SlotSize];
    private long _sequence;

    private HighWaterMark(SafeFileHandle handle, Mark mark, long sequence)
    {
        _handle = handle;
        Current = mark;
        _sequence = sequence;
    }

    /// <summary>A position in the log: the last acknowledged transaction and the end of its record.</summary>
    public readonly record struct Mark(long TxId, long SegmentFirstTxId, long EndOffset);

    /// <summary>The last mark written (or read).</summary>
    public Mark Current { get; private set; }

    /// <summary>Reads the mark of a directory: null when the file does not exist; throws when both slots are damaged.</summary>
    public static Mark? Read(string directory)
    {
        var path = Path.Combine(directory, FileName);
        if (!File.Exists(path)) return null;
        var data = File.ReadAllBytes(path);
        var best = ReadBest(data, out _);
        if (best is null && data.Length > 0)
        {
            throw new InvalidDataException($"'{path}' is damaged (no slot has a valid checksum)");
        }

        return best;
    }

    /// <summary>Opens (creating when needed) the mark for writing, starting from <paramref name="initial"/>, and
    /// makes that state durable (file content, and the directory entry when created).</summary>
    public static HighWaterMark Open(string directory, Mark initial)
    {
        var path = Path.Combine(directory, FileName);
        var created = !File.Exists(path);
        long sequence = 0;
        if (!created) ReadBest(File.ReadAllBytes(path), out sequence);
        var handle = File.OpenHandle(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.Read);
        try
        {
            var mark = new HighWaterMark(handle, initial, sequence);
            // Both slots hold the initial state, so neither an old slot nor a torn one can claim more.
            mark.WriteSlot(initial);
            mark.WriteSlot(initial);
            RandomAccess.FlushToDisk(handle);
            if (created) DirectorySync.Flush(directory);
            return mark;
        }
        catch
        {
            handle.Dispose();
            throw;
        }
    }

    /// <summary>Records that everything up to <paramref name="mark"/> is on disk (a no-op when not higher).</summary>
    public void Advance(Mark mark)
    {
        lock (_lock)
        {
            if (mark.TxId <= Current.TxId) return;
            WriteSlot(mark);
        }
    }

    private void WriteSlot(Mark mark)
    {
        _sequence++;
        var s = _slot.AsSpan();
        BinaryPrimitives.WriteUInt32LittleEndian(s, Magic);
        BinaryPrimitives.WriteInt64LittleEndian(s[4..], _sequence);
        BinaryPrimitives.WriteInt64LittleEndian(s[12..], mark.TxId);
        BinaryPrimitives.WriteInt64LittleEndian(s[20..], mark.SegmentFirstTxId);
        BinaryPrimitives.WriteInt64LittleEndian(s[28..], mark.EndOffset);
        BinaryPrimitives.WriteUInt32LittleEndian(s[36..], Crc32.HashToUInt32(s[..36]));
        RandomAccess.Write(_handle, s, (_sequence & 1) == 0 ? SecondSlot : 0);
        Current = mark;
    }

    private static Mark? ReadBest(byte[] data, out long sequence)
    {
        Mark? best = null;
        sequence = 0;
        foreach (var offset in (ReadOnlySpan<int>)[0, SecondSlot])
        {
            if (data.Length < offset + SlotSize) continue;
            var s = data.AsSpan(offset, SlotSize);
            if (BinaryPrimitives.ReadUInt32LittleEndian(s) != Magic || BinaryPrimitives.ReadUInt32LittleEndian(s[36..]) != Crc32.HashToUInt32(s[..36])) continue;
            var seq = BinaryPrimitives.ReadInt64LittleEndian(s[4..]);
            if (best is not null && seq <= sequence) continue;
            sequence = seq;
            best = new Mark(BinaryPrimitives.ReadInt64LittleEndian(s[12..]), BinaryPrimitives.ReadInt64LittleEndian(s[20..]), BinaryPrimitives.ReadInt64LittleEndian(s[28..]));
        }

        return best;
    }

    public void Dispose() => _handle.Dispose();
}
