using KnowledgeGraph.Storage.Changes;

namespace KnowledgeGraph.Storage.Tests.Changes;

public sealed class CommitStreamTests
{
    [Fact]
    public async Task ReadChanges_Should_ReturnCreatesUpdatesAndDeletes_When_TransactionsCommit()
    {
        using var store = GraphStore.CreateInMemory();
        var start = store.LastCommittedTransactionId;
        long a, b, r;
        await using (var w = await store.BeginWriteAsync())
        {
            w.CreateUniqueConstraint("person_key", "Person", "key", ifNotExists: false);
            await w.CommitAsync();
        }
        await using (var w = await store.BeginWriteAsync())
        {
            a = w.CreateNode(["Person"], new Dictionary<string, object?> { ["key"] = "person:ann", ["name"] = "Ann" });
            b = w.CreateNode(["Person"], new Dictionary<string, object?> { ["key"] = "person:bob" });
            r = w.CreateRelationship(a, b, "KNOWS", new Dictionary<string, object?> { ["confidence"] = "reported" });
            await w.CommitAsync();
        }
        await using (var w = await store.BeginWriteAsync())
        {
            w.SetNodeProperty(a, "name", "Anna");
            w.SetRelationshipProperty(r, "confidence", "confirmed");
            await w.CommitAsync();
        }
        await using (var w = await store.BeginWriteAsync())
        {
            w.DeleteNode(b, detach: true);
            await w.CommitAsync();
        }

        var window = store.ReadChanges(start)!;
        // The schema-only transaction changed no data: it is not in the stream.
        Assert.Equal(3, window.Transactions.Count);
        Assert.Equal(window.Transactions.Select(t => t.TxId).Order(), window.Transactions.Select(t => t.TxId));
        var created = window.Transactions[0].Changes;
        Assert.Equal(3, created.Count);
        var ann = Assert.IsType<NodeChange>(created[0]);
        Assert.Equal(ChangeOperation.Created, ann.Operation);
        Assert.Null(ann.Before);
        Assert.Equal("Ann", ann.After!.Properties["name"]);
        Assert.Equal("person:ann", ann.Keys["Person"][0]["key"]);
        var knows = Assert.IsType<RelationshipChange>(created[2]);
        Assert.Equal("KNOWS", knows.Type);
        Assert.Equal("person:bob", knows.End.Keys["Person"][0]["key"]);

        var updated = window.Transactions[1].Changes;
        var annUpdate = Assert.IsType<NodeChange>(updated[0]);
        Assert.Equal(ChangeOperation.Updated, annUpdate.Operation);
        Assert.Equal("Ann", annUpdate.Before!.Properties["name"]);
        Assert.Equal("Anna", annUpdate.After!.Properties["name"]);
        Assert.Equal(["name"], annUpdate.ChangedProperties);
        var relUpdate = Assert.IsType<RelationshipChange>(updated[1]);
        Assert.Equal("reported", relUpdate.Before!["confidence"]);
        Assert.Equal("confirmed", relUpdate.After!["confidence"]);

        var deleted = window.Transactions[2].Changes;
        Assert.Equal([ChangeOperation.Deleted, ChangeOperation.Deleted], deleted.Select(c => c.Operation));
        Assert.Equal("person:bob", Assert.IsType<NodeChange>(deleted[0]).Before!.Properties["key"]);
        Assert.IsType<RelationshipChange>(deleted[1]);
    }

    [Fact]
    public async Task ReadChanges_Should_ReturnNothing_When_TransactionRollsBack()
    {
        using var store = GraphStore.CreateInMemory();
        var start = store.LastCommittedTransactionId;
        await using (var w = await store.BeginWriteAsync())
        {
            w.CreateNode(["Person"], new Dictionary<string, object?> { ["name"] = "Ghost" });
            w.Rollback();
        }
        await using (var w = await store.BeginWriteAsync())
        {
            // Created and deleted in one transaction: no net change.
            var n = w.CreateNode(["Person"]);
            w.DeleteNode(n, detach: false);
            await w.CommitAsync();
        }

        Assert.Empty(store.ReadChanges(start)!.Transactions);
    }

    [Fact]
    public async Task ReadChanges_Should_ReturnNull_When_AskedBeforeTheRetainedWindow()
    {
        using var store = GraphStore.CreateInMemory(new GraphStoreOptions { ChangeRetentionTransactions = 2 });
        var start = store.LastCommittedTransactionId;
        for (var i = 0; i < 4; i++)
        {
            await using var w = await store.BeginWriteAsync();
            w.CreateNode(["N"], new Dictionary<string, object?> { ["i"] = (long)i });
            await w.CommitAsync();
        }

        Assert.Null(store.ReadChanges(start));
        var window = store.ReadChanges(store.ChangesFloor)!;
        Assert.Equal(2, window.Transactions.Count);
        Assert.Equal(3L, Assert.IsType<NodeChange>(window.Transactions[^1].Changes[0]).After!.Properties["i"]);
        Assert.Null(store.ReadChanges(store.LastCommittedTransactionId + 1));
    }

    [Fact]
    public async Task ReadChanges_Should_KeepCommitOrder_When_WritersCommitConcurrently()
    {
        using var dir = new TempDirectory();
        await using var store = GraphStore.Open(dir.Path);
        var start = store.LastCommittedTransactionId;
        await Task.WhenAll(Enumerable.Range(0, 8).Select(async i =>
        {
            for (var j = 0; j < 5; j++)
            {
                await using var w = await store.BeginWriteAsync();
                w.CreateNode(["N"], new Dictionary<string, object?> { ["writer"] = (long)i });
                await w.CommitAsync();
            }
        }));

        var ids = store.ReadChanges(start)!.Transactions.Select(t => t.TxId).ToList();
        Assert.Equal(Enumerable.Range(1, 40).Select(i => start + i), ids);
    }

    [Fact]
    public async Task ReadChanges_Should_KeepTheWindow_When_StoreIsReopened()
    {
        using var dir = new TempDirectory();
        long floor;
        await using (var store = GraphStore.Open(dir.Path))
        {
            floor = store.ChangesFloor;
            await using var w = await store.BeginWriteAsync();
            w.CreateNode(["N"]);
            await w.CommitAsync();
        }

        // The window lives in the change file too (ChangeWindowDurabilityTests has the crash cases).
        await using var reopened = GraphStore.Open(dir.Path);
        Assert.Equal(floor, reopened.ChangesFloor);
        Assert.Equal([reopened.LastCommittedTransactionId], reopened.ReadChanges(floor)!.Transactions.Select(t => t.TxId));
    }
}
