using KnowledgeGraph.Errors;

namespace KnowledgeGraph.Storage.Tests;

public sealed class BackupAndCheckTests
{
    private static async Task<string> CommitPersonAsync(GraphStore store, long n)
    {
        await using var w = await store.BeginWriteAsync();
        var id = w.CreateNode(["Person"], new Dictionary<string, object?> { ["key"] = $"p{n}" });
        if (id > 0) w.CreateRelationship(id - 1, id, "KNOWS", null);
        await w.CommitAsync();
        return $"4:{store.DatabaseId}:{id}";
    }

    private static async Task<GraphStore> StoreWithDataAsync(string path, int people)
    {
        var store = GraphStore.Open(path);
        await using (var w = await store.BeginWriteAsync())
        {
            w.CreateUniqueConstraint("person_key", "Person", "key", ifNotExists: false);
            w.CreateIndex("person_name", "Person", "name", ifNotExists: false);
            await w.CommitAsync();
        }

        for (var n = 0; n < people; n++) await CommitPersonAsync(store, n);
        return store;
    }

    [Fact]
    public async Task WriteDump_Should_BeConsistent_When_WritersCommitMeanwhile()
    {
        using var dir = new TempDirectory();
        using var target = new TempDirectory();
        var dump = Path.Combine(target.Path, "online.dump");
        await using var store = await StoreWithDataAsync(Path.Combine(dir.Path, "db"), 50);
        using var stop = new CancellationTokenSource();
        var writer = Task.Run(async () =>
        {
            for (var n = 1000; !stop.IsCancellationRequested; n++) await CommitPersonAsync(store, n);
        });

        var info = await store.WriteDumpAsync(dump);
        await stop.CancelAsync();
        await writer;

        Assert.True(info.TransactionId >= 51);
        Assert.Equal(store.DatabaseId, info.DatabaseId);
        var verified = GraphStore.VerifyDump(dump);
        Assert.Equal(info.TransactionId, verified.TransactionId);
        Assert.Equal(info.Nodes, verified.Nodes);

        var restoredPath = Path.Combine(target.Path, "restored");
        GraphStore.LoadDump(restoredPath, dump, overwrite: false);
        await using var restored = GraphStore.Open(restoredPath);
        Assert.Equal(store.DatabaseId, restored.DatabaseId);
        Assert.Equal(info.TransactionId, restored.LastCommittedTransactionId);
        var report = restored.CheckConsistency();
        Assert.True(report.IsConsistent, string.Join("\n", report.Problems));
        Assert.Equal(info.Nodes, report.Nodes);
        Assert.Equal(info.Nodes - 1, report.Relationships); // a chain
        Assert.Equal(2, report.Indexes);
        Assert.Equal(1, report.Constraints);
    }

    [Fact]
    public async Task LoadDump_Should_RefuseNonEmptyStore_UnlessOverwrite_AndKeepElementIds()
    {
        using var dir = new TempDirectory();
        var source = Path.Combine(dir.Path, "source");
        var dump = Path.Combine(dir.Path, "x.dump");
        string elementId;
        await using (var store = await StoreWithDataAsync(source, 10))
        {
            elementId = await CommitPersonAsync(store, 99);
            await store.WriteDumpAsync(dump);
        }

        var other = Path.Combine(dir.Path, "other");
        await using (var store = await StoreWithDataAsync(other, 3))
        {
            // Open elsewhere: the lock refuses the load.
            var locked = Assert.Throws<GraphException>(() => GraphStore.LoadDump(other, dump, overwrite: true));
            Assert.Equal(ErrorCodes.DatabaseUnavailable, locked.Code);
        }

        var refused = Assert.Throws<InvalidOperationException>(() => GraphStore.LoadDump(other, dump, overwrite: false));
        Assert.Contains("--overwrite", refused.Message, StringComparison.Ordinal);

        GraphStore.LoadDump(other, dump, overwrite: true);
        await using var loaded = GraphStore.Open(other);
        Assert.Empty(loaded.Recovery!.Warnings);
        using var r = loaded.BeginRead();
        Assert.Equal(11, r.NodeCount);
        Assert.True(loaded.TryParseElementId(elementId, out var isNode, out var id) && isNode);
        Assert.Equal("p99", r.GetNodeProperty(id, "key"));
        await CommitPersonAsync(loaded, 100);
    }

    [Fact]
    public async Task VerifyDump_Should_NameTheDamage_When_DumpIsCorrupt()
    {
        using var dir = new TempDirectory();
        var dump = Path.Combine(dir.Path, "x.dump");
        await using (var store = await StoreWithDataAsync(Path.Combine(dir.Path, "db"), 10))
        {
            await store.WriteDumpAsync(dump);
        }

        var bytes = File.ReadAllBytes(dump);
        bytes[bytes.Length / 2] ^= 0x40;
        File.WriteAllBytes(dump, bytes);
        var error = Assert.Throws<GraphException>(() => GraphStore.LoadDump(Path.Combine(dir.Path, "new"), dump, overwrite: false));
        Assert.Equal(ErrorCodes.StorageError, error.Code);
        Assert.Contains("x.dump", error.Message, StringComparison.Ordinal);
        Assert.Contains("checksum", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Open_Should_Refuse_When_LoadWasInterrupted()
    {
        using var dir = new TempDirectory();
        await using (var store = await StoreWithDataAsync(dir.Path, 2))
        {
        }

        File.WriteAllText(Path.Combine(dir.Path, "load-in-progress"), "/somewhere/x.dump");
        var error = Assert.Throws<GraphException>(() => GraphStore.Open(dir.Path));
        Assert.Contains("interrupted", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CheckConsistency_Should_ReportCounts_AndFindIndexAndCountDamage()
    {
        using var dir = new TempDirectory();
        await using var store = await StoreWithDataAsync(dir.Path, 20);
        var clean = store.CheckConsistency();
        Assert.True(clean.IsConsistent, string.Join("\n", clean.Problems));
        Assert.Equal(20, clean.Nodes);
        Assert.Equal(19, clean.Relationships);
        Assert.Equal(20, clean.Labels["Person"]);
        Assert.Equal(19, clean.Types["KNOWS"]);
        Assert.Equal(0, clean.DanglingRelationships);

        // Damage the in-memory image on purpose: an index entry for a node that does not exist, a wrong label count.
        var version = store.PublishedVersion;
        version.Indexes.Single(i => i.Descriptor.Name == "person_key").Add("ghost", 999);
        version.LabelCounts[version.LabelToken("Person")]++;
        var damaged = store.CheckConsistency();
        Assert.False(damaged.IsConsistent);
        Assert.Contains(damaged.Problems, p => p.Contains("person_key holds 21 entries", StringComparison.Ordinal));
        Assert.Contains(damaged.Problems, p => p.Contains("count of :Person says 21, the scan found 20", StringComparison.Ordinal));
    }
}
