using KnowledgeGraph.Errors;
using KnowledgeGraph.Storage.Changes;
using KnowledgeGraph.Storage.Tests.CrashChild;

namespace KnowledgeGraph.Storage.Tests.LargeTransactions;

/// <summary>
/// A transaction large enough that its change-capture entry is kept encoded (<see cref="EncodedChanges.Threshold"/>)
/// and its index seeks go through the string probe (an unchanged entry set seeked many times): it must read its own
/// writes, leave no trace when rolled back or refused, survive SIGKILL after its commit returned, and its changes
/// must read back entity by entity, in order, from memory and from the change file.
/// </summary>
public sealed class LargeTransactionTests
{
    private const int Count = 3000; // nodes; with Count - 1 relationships the transaction touches more than the threshold

    private static string Key(long n) => LargeTransactionChild.KeyOf(n);

    [Fact]
    public async Task Kill_Should_ReplayTheWholeLargeTransaction_When_ProcessIsKilledAfterItsCommit()
    {
        using var dir = new TempDirectory();
        Assert.Equal(1, await CrashChildRunner.RunUntilDoneThenKillAsync("large-tx-child", dir.Path, Count));

        await using var store = GraphStore.Open(dir.Path);
        using (var r = store.BeginRead())
        {
            Assert.Equal(Count, r.CountNodes("Item"));
            Assert.Equal(Count - 1, r.CountRelationships("NEXT"));
            var last = r.IndexSeek("Item", "key", Key(Count - 1)).Single();
            Assert.Equal((long)(Count - 1), r.GetNodeProperty(last, "n"));
        }

        // The change window (from the change file, or recomputed from the log when the kill cut its tail) holds the
        // transaction whole: every node, then every relationship, by id.
        var window = store.ReadChanges(store.ChangesFloor)!;
        var tx = Assert.Single(window.Transactions);
        AssertChain(tx);

        // The uniqueness constraint still holds over the replayed entries.
        await using var w = await store.BeginWriteAsync();
        w.CreateNode(["Item"], new Dictionary<string, object?> { ["key"] = Key(7) });
        var e = await Assert.ThrowsAsync<GraphException>(async () => await w.CommitAsync());
        Assert.Equal(ErrorCodes.ConstraintValidationFailed, e.Code);
    }

    [Fact]
    public async Task LargeTransaction_Should_ReadItsOwnWritesThroughTheIndex_When_ReadersSeeNothingBeforeCommit()
    {
        using var store = GraphStore.CreateInMemory();
        await using (var schema = await store.BeginWriteAsync())
        {
            schema.CreateUniqueConstraint("item_key", "Item", "key", ifNotExists: false);
            await schema.CommitAsync();
        }

        await using (var w = await store.BeginWriteAsync())
        {
            for (long n = 0; n < Count; n++) w.CreateNode(["Item"], new Dictionary<string, object?> { ["key"] = Key(n), ["n"] = n });
            // Seeks on the unchanged set: enough of them that the probe is built and answers the later ones.
            for (long n = 0; n < Count; n++) Assert.Equal(n, w.GetNodeProperty(w.IndexSeek("Item", "key", Key(n)).Single(), "n"));
            Assert.Empty(w.IndexSeek("Item", "key", "item:none"));
            // A write makes a new entry set: the next seeks see it (not the probe of the set before it).
            var extra = w.CreateNode(["Item"], new Dictionary<string, object?> { ["key"] = Key(Count), ["n"] = (long)Count });
            Assert.Equal(extra, w.IndexSeek("Item", "key", Key(Count)).Single());
            w.SetNodeProperty(extra, "key", "item:renamed");
            Assert.Empty(w.IndexSeek("Item", "key", Key(Count)));
            Assert.Equal(extra, w.IndexSeek("Item", "key", "item:renamed").Single());

            using (var reader = store.BeginRead())
            {
                Assert.Equal(0, reader.CountNodes("Item"));
                Assert.Empty(reader.IndexSeek("Item", "key", Key(1)));
            }

            await w.CommitAsync();
        }

        using var after = store.BeginRead();
        Assert.Equal(Count + 1, after.CountNodes("Item"));
        for (long n = 0; n < Count; n += 97) Assert.Equal(n, after.GetNodeProperty(after.IndexSeek("Item", "key", Key(n)).Single(), "n"));
    }

    [Fact]
    public async Task LargeTransaction_Should_LeaveNoTrace_When_RolledBackOrRefusedByTheConstraint()
    {
        using var store = GraphStore.CreateInMemory();
        await using (var schema = await store.BeginWriteAsync())
        {
            schema.CreateUniqueConstraint("item_key", "Item", "key", ifNotExists: false);
            await schema.CommitAsync();
        }
        var before = store.LastCommittedTransactionId;

        await using (var w = await store.BeginWriteAsync())
        {
            for (long n = 0; n < Count; n++) w.CreateNode(["Item"], new Dictionary<string, object?> { ["key"] = Key(n) });
            for (long n = 0; n < Count; n++) w.IndexSeek("Item", "key", Key(n)).Single();
            w.Rollback();
        }

        await using (var w = await store.BeginWriteAsync())
        {
            // A duplicate in the middle of the batch: the whole transaction is refused at commit.
            for (long n = 0; n < Count; n++) w.CreateNode(["Item"], new Dictionary<string, object?> { ["key"] = Key(n == Count / 2 ? 0 : n) });
            var e = await Assert.ThrowsAsync<GraphException>(async () => await w.CommitAsync());
            Assert.Equal(ErrorCodes.ConstraintValidationFailed, e.Code);
        }

        Assert.Equal(before, store.LastCommittedTransactionId);
        Assert.Empty(store.ReadChanges(before)!.Transactions);
        using (var r = store.BeginRead())
        {
            Assert.Equal(0, r.CountNodes("Item"));
            Assert.Empty(r.IndexSeek("Item", "key", Key(0)));
        }

        // The same keys can be created afterwards: nothing of the two attempts is left in the index.
        await using (var w = await store.BeginWriteAsync())
        {
            for (long n = 0; n < Count; n++) w.CreateNode(["Item"], new Dictionary<string, object?> { ["key"] = Key(n) });
            await w.CommitAsync();
        }

        using var done = store.BeginRead();
        Assert.Equal(Count, done.CountNodes("Item"));
    }

    [Fact]
    public async Task ChangeWindow_Should_ReturnEveryChangeOfALargeTransaction_When_ItIsKeptEncoded()
    {
        using var store = GraphStore.CreateInMemory();
        await using (var schema = await store.BeginWriteAsync())
        {
            schema.CreateUniqueConstraint("item_key", "Item", "key", ifNotExists: false);
            await schema.CommitAsync();
        }
        var start = store.LastCommittedTransactionId;
        await using (var w = await store.BeginWriteAsync())
        {
            var ids = new long[Count];
            for (long n = 0; n < Count; n++) ids[n] = w.CreateNode(["Item"], new Dictionary<string, object?> { ["key"] = Key(n), ["n"] = n });
            for (long n = 0; n + 1 < Count; n++) w.CreateRelationship(ids[n], ids[n + 1], "NEXT", new Dictionary<string, object?> { ["n"] = n });
            await w.CommitAsync();
        }

        AssertChain(Assert.Single(store.ReadChanges(start)!.Transactions));
        // Read twice: decoding does not consume anything.
        AssertChain(Assert.Single(store.ReadChanges(start)!.Transactions));
    }

    /// <summary>The changes of the child's transaction: Count created items, then Count - 1 NEXT relationships.</summary>
    private static void AssertChain(CommittedChanges tx)
    {
        Assert.Equal(2 * Count - 1, tx.Changes.Count);
        var changes = tx.Changes.ToList();
        for (var n = 0; n < Count; n++)
        {
            var node = Assert.IsType<NodeChange>(changes[n]);
            Assert.Equal(ChangeOperation.Created, node.Operation);
            Assert.Null(node.Before);
            Assert.Equal(["Item"], node.Labels);
            Assert.Equal(Key(n), node.After!.Properties["key"]);
            Assert.Equal((long)n, node.After.Properties["n"]);
            Assert.Equal(Key(n), node.Keys["Item"].Single()["key"]);
        }

        for (var n = 0; n + 1 < Count; n++)
        {
            var rel = Assert.IsType<RelationshipChange>(changes[Count + n]);
            Assert.Equal(ChangeOperation.Created, rel.Operation);
            Assert.Equal("NEXT", rel.Type);
            Assert.Equal((long)n, rel.After!["n"]);
            Assert.Equal(changes[n].ElementId, rel.Start.ElementId);
            Assert.Equal(changes[n + 1].ElementId, rel.End.ElementId);
            Assert.Equal(Key(n + 1), rel.End.Keys["Item"].Single()["key"]);
        }
    }
}
