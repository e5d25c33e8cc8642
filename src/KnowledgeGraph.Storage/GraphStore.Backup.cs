using KnowledgeGraph.Errors;
using KnowledgeGraph.Storage.Admin;
using KnowledgeGraph.Storage.Checkpoints;
using KnowledgeGraph.Storage.Model;
using KnowledgeGraph.Storage.Wal;

namespace KnowledgeGraph.Storage;

/// <summary>
/// Dumps, backups and loads. A dump is a checkpoint image in a single file (same checksummed format, with the
/// database id and the transaction it is at). Writing one reads only the last durable version, which is immutable,
/// so an online backup is consistent while readers and writers go on. Loading replaces a store's files with the
/// image, behind the store's lock and an in-progress marker, so an interrupted load is refused on open rather than
/// opening half old, half new.
/// </summary>
public sealed partial class GraphStore
{
    private const string LoadMarkerFileName = "load-in-progress";

    /// <summary>Writes a consistent image of the latest durable version to <paramref name="path"/> (via a
    /// temporary file renamed into place; fsynced).</summary>
    public async Task<DumpInfo> WriteDumpAsync(string path, CancellationToken ct = default)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        ArgumentException.ThrowIfNullOrEmpty(path);
        path = Path.GetFullPath(path);
        var version = _published;
        try
        {
            await Task.Run(() => CheckpointWriter.WriteFile(path, version, DatabaseId, ct), ct).ConfigureAwait(false);
        }
        catch (IOException e)
        {
            throw new GraphException(ErrorCodes.StorageError, $"Writing the dump '{path}' failed: {e.Message}", e);
        }

        return new DumpInfo(path, DatabaseId, version.TxId, version.NodeCount, version.RelCount, new FileInfo(path).Length);
    }

    /// <summary>Reads and verifies a whole dump (every block checksum, its end record); throws naming the damage.</summary>
    public static DumpInfo VerifyDump(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        path = Path.GetFullPath(path);
        if (!File.Exists(path)) throw new FileNotFoundException($"The dump '{path}' does not exist.", path);
        var loaded = CheckpointReader.Load(path, new LabelSetTable(), 1);
        return new DumpInfo(path, loaded.DatabaseId, loaded.Version.TxId, loaded.Version.NodeCount, loaded.Version.RelCount, new FileInfo(path).Length);
    }

    /// <summary>
    /// Replaces the store in <paramref name="directory"/> (which must not be open anywhere: its lock is taken) with
    /// the dump, keeping the dump's database id so element ids stay valid. Refuses a directory that holds data
    /// unless <paramref name="overwrite"/>.
    /// </summary>
    /// <exception cref="GraphException">The directory is locked (<see cref="ErrorCodes.DatabaseUnavailable"/>) or the
    /// dump is damaged (<see cref="ErrorCodes.StorageError"/>).</exception>
    /// <exception cref="InvalidOperationException">The directory holds data and <paramref name="overwrite"/> is false.</exception>
    public static DumpInfo LoadDump(string directory, string dumpPath, bool overwrite)
    {
        ArgumentException.ThrowIfNullOrEmpty(directory);
        directory = Path.GetFullPath(directory);
        var info = VerifyDump(dumpPath);
        System.IO.Directory.CreateDirectory(directory);
        using var lockFile = AcquireLock(directory);
        var checkpoint = Path.Combine(directory, CheckpointFormat.FileName);
        var segments = WalFormat.ListSegments(directory);
        var hasData = File.Exists(checkpoint) || segments.Any(s => new FileInfo(s.Path).Length > 0);
        if (hasData && !overwrite)
        {
            throw new InvalidOperationException($"The store in '{directory}' already holds data; pass --overwrite to replace it with '{info.Path}'.");
        }

        var temp = Path.Combine(directory, CheckpointFormat.TempFileName);
        File.Copy(info.Path, temp, overwrite: true);
        using (var file = new FileStream(temp, FileMode.Open, FileAccess.ReadWrite)) file.Flush(flushToDisk: true);
        var marker = Path.Combine(directory, LoadMarkerFileName);
        File.WriteAllText(marker, info.Path);
        DirectorySync.Flush(directory);

        foreach (var (_, path) in segments) File.Delete(path);
        // The change window of the replaced store is another history: the loaded one starts with an empty window.
        Changes.ChangeFile.DeleteAll(directory);
        File.Delete(Path.Combine(directory, HighWaterMark.FileName));
        var idPath = Path.Combine(directory, DatabaseIdFileName);
        using (var id = new FileStream(idPath + ".tmp", FileMode.Create, FileAccess.Write, FileShare.None))
        {
            id.Write(System.Text.Encoding.ASCII.GetBytes(info.DatabaseId));
            id.Flush(flushToDisk: true);
        }

        File.Move(idPath + ".tmp", idPath, overwrite: true);
        File.Move(temp, checkpoint, overwrite: true);
        HighWaterMark.Open(directory, new HighWaterMark.Mark(info.TransactionId, info.TransactionId + 1, 0)).Dispose();
        DirectorySync.Flush(directory);
        File.Delete(marker);
        DirectorySync.Flush(directory);
        return info;
    }

    /// <summary>Test hook: the published (immutable) version, to damage it on purpose.</summary>
    internal Mvcc.GraphVersion PublishedVersion => _published;

    private static void ThrowIfLoadInterrupted(string directory)
    {
        var marker = Path.Combine(directory, LoadMarkerFileName);
        if (File.Exists(marker))
        {
            throw new GraphException(ErrorCodes.StorageError, $"A load of '{File.ReadAllText(marker).Trim()}' into '{directory}' was interrupted ('{marker}' exists); run the load again (admin load --from <dump> --overwrite).");
        }
    }
}
