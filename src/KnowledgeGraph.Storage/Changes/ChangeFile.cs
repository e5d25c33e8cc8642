using System.Buffers.Binary;
using System.Globalization;
using System.IO.Hashing;
using KnowledgeGraph.Storage.Wal;

namespace KnowledgeGraph.Storage.Changes;

/// <summary>
/// The change window on disk, so that it survives a restart: segments <c>changes-&lt;floor&gt;.log</c> in the data
/// directory, each a sequence of records <c>payload length (4) | crc32 (4) | payload</c> (<see cref="ChangeCodec"/>).
/// A segment's name is the transaction its coverage starts after: together the segments hold every data change of
/// the transactions after the first one's name, up to the last record (or <see cref="ChangeCodec.RecordKind.CoveredThrough"/> mark).
/// Records are buffered (written to the OS in 64 KB chunks) and fsynced only when a segment is closed, before a
/// checkpoint drops the log and on close: what a crash cuts off the file's tail the log still holds, and opening the store recomputes it
/// from there (<see cref="GraphStore"/> recovery). A torn or corrupt record ends the file: it and everything after it
/// are dropped (and recomputed from the log). A write that fails (disk full, I/O error) never fails the commit: the
/// file stops being written until the next reset or open, so it covers less, and the next open recomputes what the log
/// still holds or, when a checkpoint dropped it meanwhile, starts the window afresh (clients get "expired", never a gap).
/// </summary>
internal sealed class ChangeFile : IDisposable
{
    private const string Prefix = "changes-";
    private const string Suffix = ".log";
    private const int HeaderBytes = 8;

    /// <summary>Records reach the OS in chunks of this size (and at every sync): a commit does not pay a system call.</summary>
    private const int WriteBuffer = 64 * 1024;

    private readonly string _directory;
    private readonly int _recordsPerSegment;
    private readonly List<(long Floor, string Path)> _segments;
    private readonly ByteWriter _buffer = new(4096);
    private FileStream? _current;
    private int _currentRecords;

    /// <summary>The last transaction the file covers (every data change up to it is written).</summary>
    private long _covered;

    /// <summary>A write failed: nothing more is written until <see cref="Reset"/>.</summary>
    private bool _broken;

    private ChangeFile(string directory, int recordsPerSegment, List<(long Floor, string Path)> segments)
    {
        _directory = directory;
        _recordsPerSegment = recordsPerSegment;
        _segments = segments;
    }

    /// <summary>What the file held when opened.</summary>
    public sealed record Content(long Floor, long CoveredThrough, List<CommittedChanges> Transactions);

    /// <summary>Removes every change file of <paramref name="directory"/> (capture is off: they would go stale).</summary>
    public static void DeleteAll(string directory)
    {
        foreach (var (_, path) in List(directory)) File.Delete(path);
    }

    /// <summary>Opens the file, reading what it holds (null when there is none), cutting off a torn or corrupt tail.</summary>
    public static (ChangeFile File, Content? Content) Open(string directory, int recordsPerSegment)
    {
        var segments = List(directory);
        var file = new ChangeFile(directory, recordsPerSegment, []);
        if (segments.Count == 0) return (file, null);
        var transactions = new List<CommittedChanges>();
        var covered = segments[0].Floor;
        for (var i = 0; i < segments.Count; i++)
        {
            var (floor, path) = segments[i];
            if (floor > covered)
            {
                // A hole (an earlier segment lost its tail): nothing from here on can be trusted to be complete.
                foreach (var (_, later) in segments.Skip(i)) File.Delete(later);
                break;
            }
            file._segments.Add((floor, path));
            var bytes = File.ReadAllBytes(path);
            var offset = 0;
            var records = 0;
            while (offset + HeaderBytes <= bytes.Length)
            {
                var length = BinaryPrimitives.ReadInt32LittleEndian(bytes.AsSpan(offset));
                var crc = BinaryPrimitives.ReadUInt32LittleEndian(bytes.AsSpan(offset + 4));
                if (length <= 0 || offset + HeaderBytes + length > bytes.Length) break;
                var payload = bytes.AsMemory(offset + HeaderBytes, length);
                if (Crc32.HashToUInt32(payload.Span) != crc) break;
                ChangeCodec.RecordKind kind;
                long txId;
                CommittedChanges? changes;
                try
                {
                    (kind, txId, changes) = ChangeCodec.Read(new ByteReader(payload));
                }
                catch (Exception e) when (e is InvalidDataException or ArgumentOutOfRangeException or IndexOutOfRangeException)
                {
                    break;
                }
                switch (kind)
                {
                    case ChangeCodec.RecordKind.Transaction when txId > covered:
                        transactions.Add(changes!);
                        covered = txId;
                        break;
                    case ChangeCodec.RecordKind.CoveredThrough:
                        covered = Math.Max(covered, txId);
                        break;
                    case ChangeCodec.RecordKind.RevokeAfter:
                        transactions.RemoveAll(t => t.TxId > txId);
                        covered = Math.Min(covered, txId);
                        break;
                }
                offset += HeaderBytes + length;
                records++;
            }
            if (offset < bytes.Length)
            {
                // Torn or corrupt: cut it off here, and drop later segments (they would follow a hole).
                using (var stream = new FileStream(path, FileMode.Open, FileAccess.Write)) stream.SetLength(offset);
                foreach (var (_, later) in segments.Skip(i + 1)) File.Delete(later);
                file._currentRecords = records;
                break;
            }
            file._currentRecords = records;
        }
        file._covered = covered;
        var last = file._segments[^1].Path;
        file._current = new FileStream(last, FileMode.Append, FileAccess.Write, FileShare.Read, bufferSize: WriteBuffer);
        return (file, new Content(file._segments[0].Floor, covered, transactions));
    }

    /// <summary>Appends a transaction's changes (to the OS, not fsynced).</summary>
    public void Append(CommittedChanges tx)
    {
        if (_broken) return;
        _buffer.Clear();
        _buffer.Reserve(HeaderBytes);
        ChangeCodec.WriteTransaction(_buffer, tx);
        Write();
        _covered = tx.TxId;
    }

    /// <summary>Appends a mark (<see cref="ChangeCodec.RecordKind.CoveredThrough"/> or <see cref="ChangeCodec.RecordKind.RevokeAfter"/>).</summary>
    public void Mark(ChangeCodec.RecordKind kind, long txId)
    {
        if (_broken) return;
        _buffer.Clear();
        _buffer.Reserve(HeaderBytes);
        ChangeCodec.WriteMark(_buffer, kind, txId);
        Write();
        _covered = kind == ChangeCodec.RecordKind.CoveredThrough ? Math.Max(_covered, txId) : Math.Min(_covered, txId);
    }

    private void Write()
    {
        var length = _buffer.Length - HeaderBytes;
        var record = _buffer.At(0, _buffer.Length);
        BinaryPrimitives.WriteInt32LittleEndian(record, length);
        BinaryPrimitives.WriteUInt32LittleEndian(record[4..], Crc32.HashToUInt32(record[HeaderBytes..]));
        Guard(() =>
        {
            if (_current is null || _currentRecords >= _recordsPerSegment) Rotate(_covered);
            _current!.Write(_buffer.WrittenSpan);
            _currentRecords++;
        });
    }

    private void Guard(Action io)
    {
        if (_broken) return;
        try
        {
            io();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            _broken = true;
            try
            {
                _current?.Dispose();
            }
            catch (IOException)
            {
                // Closing a stream whose last write failed may fail again: the file is abandoned either way.
            }
            _current = null;
        }
    }

    /// <summary>Closes the current segment durably and starts the next one, covering the transactions after <paramref name="floor"/>.</summary>
    private void Rotate(long floor)
    {
        if (_current is not null)
        {
            _current.Flush(flushToDisk: true);
            _current.Dispose();
        }
        _current = Create(floor);
    }

    private FileStream Create(long floor)
    {
        var path = Path.Combine(_directory, Prefix + floor.ToString("D20", CultureInfo.InvariantCulture) + Suffix);
        var stream = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.Read, bufferSize: WriteBuffer);
        _segments.Add((floor, path));
        _currentRecords = 0;
        DirectorySync.Flush(_directory);
        return stream;
    }

    /// <summary>Makes what was written durable.</summary>
    public void Sync() => Guard(() => _current?.Flush(flushToDisk: true));

    /// <summary>Forgets everything: the file covers the transactions after <paramref name="floor"/> only (durably).</summary>
    public void Reset(long floor)
    {
        _broken = false;
        Guard(() =>
        {
            _current?.Dispose();
            _current = null;
            foreach (var (_, path) in _segments) File.Delete(path);
            _segments.Clear();
            _current = Create(floor);
        });
        _covered = floor;
    }

    /// <summary>Deletes the segments whose every record is at or before <paramref name="floor"/> (evicted from the window).</summary>
    public void DropBefore(long floor)
    {
        while (_segments.Count > 1 && _segments[1].Floor <= floor)
        {
            try
            {
                File.Delete(_segments[0].Path);
            }
            catch (IOException)
            {
                return; // tried again when the window moves on
            }
            _segments.RemoveAt(0);
        }
    }

    private static List<(long Floor, string Path)> List(string directory)
    {
        var list = new List<(long, string)>();
        foreach (var path in Directory.EnumerateFiles(directory, Prefix + "*" + Suffix))
        {
            var name = Path.GetFileName(path);
            if (long.TryParse(name.AsSpan(Prefix.Length, name.Length - Prefix.Length - Suffix.Length), NumberStyles.None, CultureInfo.InvariantCulture, out var floor))
                list.Add((floor, path));
        }
        list.Sort((a, b) => a.Item1.CompareTo(b.Item1));
        return list;
    }

    public void Dispose()
    {
        _current?.Dispose();
        _current = null;
    }
}
