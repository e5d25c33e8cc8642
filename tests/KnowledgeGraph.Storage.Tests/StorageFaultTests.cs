using System.Diagnostics;
using KnowledgeGraph.Errors;
using KnowledgeGraph.Testing;

namespace KnowledgeGraph.Storage.Tests;

public sealed class StorageFaultTests
{
    private static async Task CommitNodeAsync(GraphStore store, string label, string? pad = null)
    {
        await using var w = await store.BeginWriteAsync();
        w.CreateNode([label], pad is null ? null : new Dictionary<string, object?> { ["pad"] = pad });
        await w.CommitAsync();
    }

    [Fact]
    public async Task Commit_Should_FailAsUnavailable_AndKeepStoreReadable_When_LogWriteFails()
    {
        using var dir = new TempDirectory();
        var noRetry = new GraphStoreOptions { WriteRetryInitialDelay = TimeSpan.Zero };
        await using (var store = GraphStore.Open(dir.Path, noRetry))
        {
            await CommitNodeAsync(store, "Safe");
            store.InjectLogFault(new IOException("simulated disk failure"));
            await using (var w = await store.BeginWriteAsync())
            {
                w.CreateNode(["Lost"]);
                var error = await Assert.ThrowsAsync<GraphException>(async () => await w.CommitAsync());
                Assert.Equal(ErrorCodes.DatabaseUnavailable, error.Code);
                Assert.True(error.IsTransient);
                Assert.IsType<IOException>(error.InnerException);
            }

            using (var r = store.BeginRead())
            {
                Assert.Equal(1, r.NodeCount);
                Assert.Equal(0, r.CountNodes("Lost"));
            }

            var refused = await Assert.ThrowsAsync<GraphException>(async () => await store.BeginWriteAsync());
            Assert.Equal(ErrorCodes.DatabaseUnavailable, refused.Code);
            Assert.Contains("simulated disk failure", refused.Message, StringComparison.Ordinal);
            Assert.Contains("simulated disk failure", store.WritesRefusedReason, StringComparison.Ordinal);
        }

        await using var reopened = GraphStore.Open(dir.Path);
        using var after = reopened.BeginRead();
        Assert.Equal(1, after.CountNodes("Safe"));
        Assert.Equal(0, after.CountNodes("Lost"));
    }

    [Fact]
    public async Task TryResumeWrites_Should_AcceptWritesAgain_When_FaultIsGone()
    {
        using var dir = new TempDirectory();
        await using (var store = GraphStore.Open(dir.Path, new GraphStoreOptions { WriteRetryInitialDelay = TimeSpan.Zero }))
        {
            await CommitNodeAsync(store, "Before");
            store.InjectLogFault(new IOException("simulated disk failure"));
            await Assert.ThrowsAsync<GraphException>(() => CommitNodeAsync(store, "Lost"));
            Assert.NotNull(store.WritesRefusedReason);

            Assert.True(await store.TryResumeWritesAsync());
            Assert.Null(store.WritesRefusedReason);
            await CommitNodeAsync(store, "After");
            using var r = store.BeginRead();
            Assert.Equal(2, r.NodeCount);
        }

        await using var reopened = GraphStore.Open(dir.Path);
        Assert.Empty(reopened.Recovery!.Warnings);
        using var after = reopened.BeginRead();
        Assert.Equal(1, after.CountNodes("Before"));
        Assert.Equal(0, after.CountNodes("Lost"));
        Assert.Equal(1, after.CountNodes("After"));
    }

    [Fact]
    public async Task TryResumeWrites_Should_Succeed_When_LastTransactionWasABulkLoad()
    {
        using var dir = new TempDirectory();
        await using (var store = GraphStore.Open(dir.Path, new GraphStoreOptions { WriteRetryInitialDelay = TimeSpan.Zero }))
        {
            await using (var bulk = await store.BeginBulkLoadAsync())
            {
                bulk.CreateNode(["Bulk"]);
                await bulk.CompleteAsync();
            }

            store.InjectLogFault(new IOException("simulated disk failure"));
            await Assert.ThrowsAsync<GraphException>(() => CommitNodeAsync(store, "Lost"));
            Assert.True(await store.TryResumeWritesAsync());
            await CommitNodeAsync(store, "After");
        }

        await using var reopened = GraphStore.Open(dir.Path);
        using var r = reopened.BeginRead();
        Assert.Equal(1, r.CountNodes("Bulk"));
        Assert.Equal(1, r.CountNodes("After"));
        Assert.Equal(0, r.CountNodes("Lost"));
    }

    [Fact]
    public async Task Writes_Should_ResumeByThemselves_When_RetryBackoffRuns()
    {
        using var dir = new TempDirectory();
        await using var store = GraphStore.Open(dir.Path, new GraphStoreOptions { WriteRetryInitialDelay = TimeSpan.FromMilliseconds(50) });
        store.InjectLogFault(new IOException("simulated disk failure"));
        await Assert.ThrowsAsync<GraphException>(() => CommitNodeAsync(store, "Lost"));

        var waited = Stopwatch.StartNew();
        while (store.WritesRefusedReason is not null && waited.Elapsed < TimeSpan.FromSeconds(10)) await Task.Delay(20);
        Assert.Null(store.WritesRefusedReason);
        await CommitNodeAsync(store, "After");
    }

    /// <summary>A real full disk: a 4 MiB tmpfs (needs root; skipped with the reason otherwise).</summary>
    [SmallFileSystemFact]
    public async Task DiskFull_Should_RefuseWritesCleanly_AndResume_When_SpaceIsFreed()
    {
        using var mount = SmallFileSystem.TryMount(4);
        Assert.Null(mount.SkipReason);

        var data = Path.Combine(mount.Path, "db");
        var filler = Path.Combine(mount.Path, "filler");
        var acknowledged = 0;
        await using (var store = GraphStore.Open(data, new GraphStoreOptions { WriteRetryInitialDelay = TimeSpan.FromMilliseconds(50), CheckpointLogBytes = 0 }))
        {
            await CommitNodeAsync(store, "Item");
            acknowledged++;
            SmallFileSystem.Fill(filler);
            GraphException? error = null;
            for (var i = 0; i < 1000 && error is null; i++)
            {
                try
                {
                    await CommitNodeAsync(store, "Item", new string('x', 2000));
                    acknowledged++;
                }
                catch (GraphException e)
                {
                    error = e;
                }
            }

            Assert.NotNull(error);
            Assert.Equal(ErrorCodes.DatabaseUnavailable, error.Code);
            Assert.Contains("space", store.WritesRefusedReason, StringComparison.OrdinalIgnoreCase);
            using (var r = store.BeginRead()) Assert.Equal(acknowledged, r.NodeCount);

            // Still full: the retries keep failing and writes stay refused.
            await Task.Delay(300);
            Assert.NotNull(store.WritesRefusedReason);
            await Assert.ThrowsAsync<GraphException>(() => CommitNodeAsync(store, "Item"));

            File.Delete(filler);
            var waited = Stopwatch.StartNew();
            while (store.WritesRefusedReason is not null && waited.Elapsed < TimeSpan.FromSeconds(10)) await Task.Delay(20);
            Assert.Null(store.WritesRefusedReason);
            await CommitNodeAsync(store, "Item");
            acknowledged++;
        }

        await using var reopened = GraphStore.Open(data);
        using var after = reopened.BeginRead();
        Assert.Equal(acknowledged, after.NodeCount);
    }
}
