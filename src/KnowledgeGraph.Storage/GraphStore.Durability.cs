using KnowledgeGraph.Errors;
using KnowledgeGraph.Storage.Checkpoints;
using KnowledgeGraph.Storage.Mvcc;
using KnowledgeGraph.Storage.Wal;

namespace KnowledgeGraph.Storage;

/// <summary>
/// Durability: the data directory holds <c>store.lock</c>, <c>database.id</c>, at most one <c>checkpoint.kgs</c>
/// (an image of the graph at some transaction T) and log segments <c>wal-&lt;first tx&gt;.log</c>. Opening loads the
/// checkpoint and replays every logged transaction after T. A checkpoint rotates the log, writes the image of the
/// last durable version in the background and then deletes the segments it covers.
/// </summary>
public sealed partial class GraphStore
{
    private const string LockFileName = "store.lock";
    private const string DatabaseIdFileName = "database.id";

    private readonly SemaphoreSlim _checkpointGate = new(1, 1);
    private WalWriter? _wal;
    private FileStream? _lockFile;
    private Task _backgroundCheckpoint = Task.CompletedTask;
    private long _checkpointTxId;

    /// <summary>Opens (or creates) a durable store in <paramref name="directory"/>, taking its lock file.</summary>
    /// <exception cref="GraphException">The directory is locked by another process
    /// (<see cref="ErrorCodes.DatabaseUnavailable"/>), or its files are damaged (<see cref="ErrorCodes.StorageError"/>,
    /// naming the file and offset).</exception>
    public static GraphStore Open(string directory, GraphStoreOptions? options = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(directory);
        directory = Path.GetFullPath(directory);
        FileStream? lockFile = null;
        try
        {
            System.IO.Directory.CreateDirectory(directory);
            lockFile = AcquireLock(directory);
            var databaseId = ReadOrCreateDatabaseId(directory);
            var store = new GraphStore(databaseId, options) { Directory = directory, _lockFile = lockFile };
            store.Recover();
            Diagnostics.StorageTelemetry.TrackLog(store, () => store._wal?.BytesSinceCheckpoint ?? 0);
            return store;
        }
        catch (IOException e)
        {
            lockFile?.Dispose();
            throw new GraphException(ErrorCodes.StorageError, $"Cannot open the store in '{directory}': {e.Message}", e);
        }
        catch
        {
            lockFile?.Dispose();
            throw;
        }
    }

    /// <summary>Writes a checkpoint of the latest committed state and deletes the log it covers. Readers and
    /// writers keep running meanwhile (the writer slot is only held to rotate the log).</summary>
    public async ValueTask CheckpointAsync(CancellationToken ct = default)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (_wal is null) return;
        await _checkpointGate.WaitAsync(ct).ConfigureAwait(false);
        try
        {
            await CheckpointCoreAsync(ct).ConfigureAwait(false);
        }
        finally
        {
            _checkpointGate.Release();
        }
    }

    private async Task CheckpointCoreAsync(CancellationToken ct)
    {
        GraphVersion version;
        Task rotated;
        long coveredBytes;
        await _writerSlot.WaitAsync(ct).ConfigureAwait(false);
        try
        {
            ThrowIfFailed();
            version = _latest;
            if (version.TxId == Interlocked.Read(ref _checkpointTxId)) return;
            coveredBytes = _wal!.BytesSinceCheckpoint;
            rotated = _wal.RotateAsync(version.TxId + 1);
        }
        finally
        {
            _writerSlot.Release();
        }

        await rotated.ConfigureAwait(false);
        // The change file must cover what the checkpoint covers: the log it drops cannot recompute it any more.
        await _changes.SyncThroughAsync(version.TxId).ConfigureAwait(false);
        await WriteCheckpointAsync(version, ct).ConfigureAwait(false);
        _wal.ResetBytesSinceCheckpoint(coveredBytes);
    }

    /// <summary>Writes the image of <paramref name="version"/> (durable already) and drops the segments it covers.</summary>
    private async Task WriteCheckpointAsync(GraphVersion version, CancellationToken ct)
    {
        var directory = Directory!;
        try
        {
            await Task.Run(() => CheckpointWriter.Write(directory, version, DatabaseId, ct), ct).ConfigureAwait(false);
            Interlocked.Exchange(ref _checkpointTxId, version.TxId);

            // Segments whose successor starts at or before T + 1 hold only transactions <= T.
            var segments = WalFormat.ListSegments(directory);
            for (var i = 0; i + 1 < segments.Count; i++)
            {
                if (segments[i + 1].FirstTxId <= version.TxId + 1) File.Delete(segments[i].Path);
            }
        }
        catch (IOException e)
        {
            throw new GraphException(ErrorCodes.StorageError, $"Writing a checkpoint in '{directory}' failed: {e.Message}", e);
        }
    }

    /// <summary>Test hook: makes the next log write fail with <paramref name="fault"/>.</summary>
    internal void InjectLogFault(Exception fault) => _wal!.InjectedFault = fault;

    private Task AppendToLog(long txId, ByteWriter payload) => _wal!.AppendAsync(txId, payload);

    /// <summary>Starts a background checkpoint when enough log has accumulated (at most one runs at a time).</summary>
    private void MaybeStartCheckpoint()
    {
        if (_wal is null || _options.CheckpointLogBytes <= 0 || _wal.BytesSinceCheckpoint < _options.CheckpointLogBytes) return;
        if (!_backgroundCheckpoint.IsCompleted || _disposed) return;
        lock (_publishLock)
        {
            if (!_backgroundCheckpoint.IsCompleted) return;
            _backgroundCheckpoint = Task.Run(async () =>
            {
                try
                {
                    await CheckpointAsync().ConfigureAwait(false);
                }
                catch (Exception e) when (e is GraphException or ObjectDisposedException)
                {
                    // A failed background checkpoint loses nothing: the log still holds every transaction; the next
                    // attempt (or the next open) starts over.
                }
            });
        }
    }

    private async ValueTask CloseDurabilityAsync()
    {
        try
        {
            await _backgroundCheckpoint.ConfigureAwait(false);
        }
        finally
        {
            _wal?.Dispose();
            _changes.Close();
            _mark?.Dispose();
            _lockFile?.Dispose();
            if (_lockFile is not null)
            {
                try
                {
                    File.Delete(Path.Combine(Directory!, LockFileName));
                }
                catch (IOException)
                {
                    // Another process may have taken the lock in the meantime; the file's presence is harmless.
                }
            }
        }
    }

    private static FileStream AcquireLock(string directory)
    {
        var path = Path.Combine(directory, LockFileName);
        try
        {
            // FileShare.None takes an exclusive advisory lock (flock on Unix) that the OS drops when the process
            // dies, so a crashed process never leaves the directory locked.
            var file = new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
            file.SetLength(0);
            var pid = System.Text.Encoding.ASCII.GetBytes(Environment.ProcessId.ToString(System.Globalization.CultureInfo.InvariantCulture));
            file.Write(pid);
            file.Flush();
            return file;
        }
        catch (IOException e)
        {
            throw new GraphException(
                ErrorCodes.DatabaseUnavailable,
                $"The data directory '{directory}' is already in use by another process or store (lock file '{path}' is held).",
                e);
        }
    }

    private static string ReadOrCreateDatabaseId(string directory)
    {
        var path = Path.Combine(directory, DatabaseIdFileName);
        if (File.Exists(path))
        {
            var text = File.ReadAllText(path).Trim();
            if (Guid.TryParse(text, out _)) return text;
            throw new GraphException(ErrorCodes.StorageError, $"'{path}' does not hold a database id.");
        }

        var id = Guid.NewGuid().ToString("D");
        var temp = path + ".tmp";
        using (var file = new FileStream(temp, FileMode.Create, FileAccess.Write, FileShare.None))
        {
            file.Write(System.Text.Encoding.ASCII.GetBytes(id));
            file.Flush(flushToDisk: true);
        }

        File.Move(temp, path, overwrite: true);
        DirectorySync.Flush(directory);
        return id;
    }
}
