using KnowledgeGraph.Errors;

namespace KnowledgeGraph.Storage.Tests;

public sealed class StorageFaultTests
{
    [Fact]
    public async Task Commit_Should_FailWithStorageError_AndKeepStoreReadable_When_LogWriteFails()
    {
        using var dir = new TempDirectory();
        await using (var store = GraphStore.Open(dir.Path))
        {
            await using (var w = await store.BeginWriteAsync())
            {
                w.CreateNode(["Safe"]);
                await w.CommitAsync();
            }

            store.InjectLogFault(new IOException("simulated disk failure"));
            await using (var w = await store.BeginWriteAsync())
            {
                w.CreateNode(["Lost"]);
                var error = await Assert.ThrowsAsync<GraphException>(async () => await w.CommitAsync());
                Assert.Equal(ErrorCodes.StorageError, error.Code);
                Assert.IsType<IOException>(error.InnerException);
            }

            using (var r = store.BeginRead())
            {
                Assert.Equal(1, r.NodeCount);
                Assert.Equal(0, r.CountNodes("Lost"));
            }

            var refused = await Assert.ThrowsAsync<GraphException>(async () => await store.BeginWriteAsync());
            Assert.Equal(ErrorCodes.StorageError, refused.Code);
        }

        await using var reopened = GraphStore.Open(dir.Path);
        using var after = reopened.BeginRead();
        Assert.Equal(1, after.CountNodes("Safe"));
        Assert.Equal(0, after.CountNodes("Lost"));
    }
}
