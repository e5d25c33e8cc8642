using KnowledgeGraph.Storage.Changes;

namespace KnowledgeGraph.Storage.Tests.Changes;

/// <summary>
/// The compact touched-id set a transaction keeps for its change diff (created ids as one range, older ids in a set),
/// unit by unit and through a real store: the stream lists exactly the net changes, in id order.
/// </summary>
public sealed class TouchedIdsTests
{
    [Fact]
    public void TouchedIds_Should_ListOlderIdsThenTheCreatedRange_When_IdsArriveInAnyOrder()
    {
        var ids = new TouchedIds(floor: 10);
        Assert.True(ids.IsEmpty);
        foreach (var id in new long[] { 12, 3, 10, 7, 3, 11, 14 }) ids.Add(id);
        Assert.False(ids.IsEmpty);
        // 13 was never named, but every id from the floor up to the last created one was created by the transaction.
        Assert.Equal([3L, 7, 10, 11, 12, 13, 14], ids.Ordered());
    }

    [Fact]
    public async Task ReadChanges_Should_ListNetChangesInIdOrder_When_ATransactionCreatesManyDeletesOneAndUpdatesAnOldOne()
    {
        using var store = GraphStore.CreateInMemory();
        long old;
        await using (var w = await store.BeginWriteAsync())
        {
            old = w.CreateNode(["Old"], new Dictionary<string, object?> { ["n"] = 0L });
            w.CreateNode(["Untouched"]);
            await w.CommitAsync();
        }
        var start = store.LastCommittedTransactionId;
        var created = new List<long>();
        await using (var w = await store.BeginWriteAsync())
        {
            for (var i = 0; i < 1000; i++) created.Add(w.CreateNode(["New"], new Dictionary<string, object?> { ["n"] = (long)i }));
            for (var i = 1; i < created.Count; i++) w.CreateRelationship(created[i - 1], created[i], "NEXT");
            w.DeleteNode(created[500], detach: true);
            w.SetNodeProperty(old, "n", 1L);
            await w.CommitAsync();
        }

        var changes = Assert.Single(store.ReadChanges(start)!.Transactions).Changes;
        var nodes = changes.OfType<NodeChange>().ToList();
        // The old node's update, then 999 creations (the node created and deleted again is no change at all).
        Assert.Equal(1 + 999, nodes.Count);
        Assert.Equal(ChangeOperation.Updated, nodes[0].Operation);
        Assert.Equal(["n"], nodes[0].ChangedProperties);
        Assert.All(nodes.Skip(1), n => Assert.Equal(ChangeOperation.Created, n.Operation));
        Assert.Equal(Enumerable.Range(0, 1000).Where(i => i != 500).Select(i => (object)(long)i), nodes.Skip(1).Select(n => n.After!.Properties["n"]));
        // 999 relationships created, the two at the deleted node deleted with it: 997 remain as created.
        var relationships = changes.OfType<RelationshipChange>().ToList();
        Assert.Equal(997, relationships.Count);
        Assert.All(relationships, r => Assert.Equal(ChangeOperation.Created, r.Operation));
        Assert.Equal(relationships.Select(r => r.ElementId).Order(StringComparer.Ordinal).Count(), relationships.Select(r => r.ElementId).Distinct().Count());
    }
}
