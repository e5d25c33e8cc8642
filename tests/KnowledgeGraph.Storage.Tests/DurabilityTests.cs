using KnowledgeGraph.Errors;
using KnowledgeGraph.Temporal;

namespace KnowledgeGraph.Storage.Tests;

public sealed class DurabilityTests
{
    private static async Task<long> CommitNodeAsync(GraphStore store, long n)
    {
        await using var w = await store.BeginWriteAsync();
        var id = w.CreateNode(["Item"], new Dictionary<string, object?> { ["n"] = n });
        if (id > 0) w.CreateRelationship(id - 1, id, "NEXT", new Dictionary<string, object?> { ["n"] = n });
        return await w.CommitAsync();
    }

    [Fact]
    public async Task Open_Should_RestoreEveryCommittedValue_When_Reopened()
    {
        using var dir = new TempDirectory();
        string databaseId;
        long a;
        await using (var store = GraphStore.Open(dir.Path))
        {
            databaseId = store.DatabaseId;
            await using var w = await store.BeginWriteAsync();
            w.CreateUniqueConstraint("k", "Doc", "key", false);
            w.CreateIndex("t", "Doc", "title", false);
            a = w.CreateNode(["Doc", "Public"], new Dictionary<string, object?>
            {
                ["key"] = "doc:1",
                ["title"] = "Minsk",
                ["pages"] = 12L,
                ["score"] = 0.5,
                ["ok"] = true,
                ["blob"] = new byte[] { 1, 2, 3 },
                ["tags"] = new[] { "a", "b" },
                ["signed"] = new CypherDate(19000),
                ["at"] = new CypherDateTime(1_700_000_000, 5, 3600, "Europe/Kyiv"),
                ["took"] = new CypherDuration(1, 2, 3, 4),
            });
            var b = w.CreateNode(["Doc"], new Dictionary<string, object?> { ["key"] = "doc:2" });
            w.CreateRelationship(a, b, "CITES", new Dictionary<string, object?> { ["page"] = 3L });
            await w.CommitAsync();
        }

        await using (var store = GraphStore.Open(dir.Path))
        {
            Assert.Equal(databaseId, store.DatabaseId);
            using var r = store.BeginRead();
            Assert.Equal(2, r.NodeCount);
            Assert.Equal(1, r.CountRelationships("CITES"));
            var props = r.GetNodeProperties(a);
            Assert.Equal(12L, props["pages"]);
            Assert.Equal(new byte[] { 1, 2, 3 }, props["blob"]);
            Assert.Equal(new object?[] { "a", "b" }, (IReadOnlyList<object?>)props["tags"]);
            Assert.Equal(new CypherDateTime(1_700_000_000, 5, 3600, "Europe/Kyiv"), props["at"]);
            Assert.Equal(new CypherDuration(1, 2, 3, 4), props["took"]);
            Assert.Equal([a], r.IndexSeek("Doc", "title", "Minsk"));
            Assert.Equal(2, r.Indexes.Count);
            Assert.Equal($"4:{databaseId}:{a}", r.NodeElementId(a));
            Assert.Single(r.GetRelationships(a, Direction.Outgoing, ["CITES"]));

            await using var w = await store.BeginWriteAsync();
            w.CreateNode(["Doc"], new Dictionary<string, object?> { ["key"] = "doc:1" });
            var error = await Assert.ThrowsAsync<GraphException>(async () => await w.CommitAsync());
            Assert.Equal(ErrorCodes.ConstraintValidationFailed, error.Code);
        }
    }

    [Fact]
    public async Task Checkpoint_Should_CompactTheLog_When_ReopenedAfterwards()
    {
        using var dir = new TempDirectory();
        await using (var store = GraphStore.Open(dir.Path, new GraphStoreOptions { CheckpointLogBytes = 0 }))
        {
            for (var i = 0; i < 50; i++) await CommitNodeAsync(store, i);
            await store.CheckpointAsync();
            Assert.Single(Directory.GetFiles(dir.Path, "wal-*.log"));
            for (var i = 50; i < 60; i++) await CommitNodeAsync(store, i);
            await using var w = await store.BeginWriteAsync();
            w.DeleteNode(0, detach: true);
            await w.CommitAsync();
        }

        Assert.True(File.Exists(Path.Combine(dir.Path, "checkpoint.kgs")));
        await using (var store = GraphStore.Open(dir.Path))
        {
            using var r = store.BeginRead();
            Assert.Equal(59, r.NodeCount);
            Assert.Equal(58, r.RelationshipCount);
            Assert.False(r.NodeExists(0));
            Assert.Equal(59L, r.GetNodeProperty(59, "n"));
            Assert.Equal(2, r.GetDegree(30, Direction.Both));
            Assert.Equal(61, r.SnapshotTransactionId);

            // Ids are never reused, even after a restart.
            await using var w = await store.BeginWriteAsync();
            Assert.Equal(60, w.CreateNode([]));
        }
    }

    [Fact]
    public async Task Open_Should_DiscardTornTail_When_LastRecordIsIncompleteAndUnacknowledged()
    {
        using var dir = new TempDirectory();
        await using (var store = GraphStore.Open(dir.Path))
        {
            for (var i = 0; i < 9; i++) await CommitNodeAsync(store, i);
        }

        // What a crash during the 10th commit's write leaves: the first bytes of its record, never acknowledged.
        var segment = Directory.GetFiles(dir.Path, "wal-*.log").Single();
        var payload = new byte[200];
        var record = new byte[KnowledgeGraph.Storage.Wal.WalFormat.HeaderSize + payload.Length];
        KnowledgeGraph.Storage.Wal.WalFormat.WriteHeader(record, 10, payload);
        using (var file = new FileStream(segment, FileMode.Append))
        {
            file.Write(record.AsSpan(0, record.Length - 7));
        }

        await using (var store = GraphStore.Open(dir.Path))
        {
            using var r = store.BeginRead();
            Assert.Equal(9, r.NodeCount);
            Assert.Equal(9, store.LastCommittedTransactionId);
            Assert.Equal(record.Length - 7, store.Recovery!.TornTailBytes);
            Assert.Empty(store.Recovery.Warnings);
            await CommitNodeAsync(store, 99);
        }

        await using (var store = GraphStore.Open(dir.Path))
        {
            using var r = store.BeginRead();
            Assert.Equal(10, r.NodeCount);
            Assert.Equal(99L, r.GetNodeProperty(9, "n")); // the torn transaction was never acknowledged, so its id is free
        }
    }

    [Fact]
    public async Task Open_Should_FailNamingFileAndOffset_When_MiddleRecordIsCorrupt()
    {
        using var dir = new TempDirectory();
        await using (var store = GraphStore.Open(dir.Path))
        {
            for (var i = 0; i < 10; i++) await CommitNodeAsync(store, i);
        }

        var segment = Directory.GetFiles(dir.Path, "wal-*.log").Single();
        var bytes = await File.ReadAllBytesAsync(segment);
        var middle = bytes.Length / 2;
        bytes[middle] ^= 0x5A;
        await File.WriteAllBytesAsync(segment, bytes);

        var error = Assert.Throws<GraphException>(() => GraphStore.Open(dir.Path));
        Assert.Equal(ErrorCodes.StorageError, error.Code);
        Assert.Contains(Path.GetFileName(segment), error.Message, StringComparison.Ordinal);
        Assert.Matches("at offset [0-9]+", error.Message);

        // The failed open released the lock and changed nothing: restoring the byte makes it open again.
        bytes[middle] ^= 0x5A;
        await File.WriteAllBytesAsync(segment, bytes);
        await using var reopened = GraphStore.Open(dir.Path);
        using var r = reopened.BeginRead();
        Assert.Equal(10, r.NodeCount);
    }

    [Fact]
    public async Task Open_Should_Fail_When_CheckpointIsDamaged()
    {
        using var dir = new TempDirectory();
        await using (var store = GraphStore.Open(dir.Path))
        {
            for (var i = 0; i < 5; i++) await CommitNodeAsync(store, i);
            await store.CheckpointAsync();
        }

        var path = Path.Combine(dir.Path, "checkpoint.kgs");
        var bytes = await File.ReadAllBytesAsync(path);
        bytes[^3] ^= 0xFF;
        await File.WriteAllBytesAsync(path, bytes);
        var error = Assert.Throws<GraphException>(() => GraphStore.Open(dir.Path));
        Assert.Equal(ErrorCodes.StorageError, error.Code);
        Assert.Contains("checkpoint.kgs", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Open_Should_FailClearly_When_DirectoryIsAlreadyOpen()
    {
        using var dir = new TempDirectory();
        await using (var store = GraphStore.Open(dir.Path))
        {
            var error = Assert.Throws<GraphException>(() => GraphStore.Open(dir.Path));
            Assert.Equal(ErrorCodes.DatabaseUnavailable, error.Code);
            Assert.Contains("already in use", error.Message, StringComparison.Ordinal);
        }

        await using var again = GraphStore.Open(dir.Path);
        Assert.Equal(0, again.LastCommittedTransactionId);
    }

    [Fact]
    public async Task Rollback_Should_WriteNothingToDisk_When_TransactionIsAbandoned()
    {
        using var dir = new TempDirectory();
        await using (var store = GraphStore.Open(dir.Path))
        {
            await CommitNodeAsync(store, 1);
            var before = Directory.GetFiles(dir.Path, "wal-*.log").Sum(f => new FileInfo(f).Length);
            await using (var w = await store.BeginWriteAsync())
            {
                w.CreateNode(["Ghost"], new Dictionary<string, object?> { ["big"] = new string('g', 10_000) });
            }

            Assert.Equal(before, Directory.GetFiles(dir.Path, "wal-*.log").Sum(f => new FileInfo(f).Length));
        }

        await using var reopened = GraphStore.Open(dir.Path);
        using var r = reopened.BeginRead();
        Assert.Equal(0, r.CountNodes("Ghost"));
        Assert.Equal(1, r.NodeCount);
    }
}
