using System.Buffers.Binary;
using System.IO.Hashing;
using System.IO.MemoryMappedFiles;

namespace KnowledgeGraph.Storage.Wal;

/// <summary>
/// <c>wal.hwm</c>: the highest transaction the log has acknowledged, and where its record ends (segment and byte
/// offset). It is what lets recovery tell a torn last record (never acknowledged: recovered silently) from a log
/// that lost acknowledged records (zeroed, truncated or deleted: the store refuses to open).
/// <para>
/// Why this design: the mark is rewritten after every fsync of the log and before the commits that fsync covers are
/// acknowledged, but it is itself never fsynced on the commit path (an fsync per batch would halve group-commit
/// throughput). It is not even a write system call: the file is memory-mapped (shared), so advancing the mark is a
/// store into the page cache, which the kernel keeps when the process dies and writes back later. So the mark is a
/// lower bound of what was acknowledged: exact after a process crash, possibly behind after a power loss; recovery
/// only ever trusts it as "at least these transactions were acknowledged". It is flushed to disk (msync + fsync) when
/// it is created and when recovery resets it.
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
    private const int FileLength = 8192;

    private readonly Lock _lock = new();
    private readonly FileStream _file;
    private readonly MemoryMappedFile _map;
    private readonly MemoryMappedViewAccessor _view;
    private readonly byte[] _slot = new byte[SlotSize];
    private long _sequence;

    private HighWaterMark(FileStream file, Mark mark, long sequence)
    {
        _file = file;
        _map = MemoryMappedFile.CreateFromFile(file, null, FileLength, MemoryMappedFileAccess.ReadWrite, HandleInheritability.None, leaveOpen: true);
        try
        {
            _view = _map.CreateViewAccessor(0, FileLength, MemoryMappedFileAccess.ReadWrite);
        }
        catch
        {
            _map.Dispose();
            throw;
        }

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
        var file = new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.Read, bufferSize: 0);
        HighWaterMark? mark = null;
        try
        {
            if (file.Length != FileLength)
            {
                // Real zeros, not a sparse file: the mapped pages then have their blocks, and storing into them never
                // needs an allocation (which a full disk would answer with SIGBUS instead of an error).
                var existing = file.Length == 0 ? [] : File.ReadAllBytes(path);
                var content = new byte[FileLength];
                existing.AsSpan(0, Math.Min(existing.Length, FileLength)).CopyTo(content);
                file.Seek(0, SeekOrigin.Begin);
                file.Write(content);
                file.SetLength(FileLength);
                file.Flush(flushToDisk: true);
            }

            mark = new HighWaterMark(file, initial, sequence);
            // Both slots hold the initial state, so neither an old slot nor a torn one can claim more.
            mark.WriteSlot(initial);
            mark.WriteSlot(initial);
            mark._view.Flush();
            file.Flush(flushToDisk: true);
            if (created) DirectorySync.Flush(directory);
            return mark;
        }
        catch
        {
            if (mark is not null) mark.Dispose();
            else file.Dispose();
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
        _view.WriteArray((_sequence & 1) == 0 ? SecondSlot : 0, _slot, 0, SlotSize);
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

    public void Dispose()
    {
        _view.Dispose();
        _map.Dispose();
        _file.Dispose();
    }
}
