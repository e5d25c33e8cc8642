using KnowledgeGraph.Errors;

namespace KnowledgeGraph.Storage.Tests;

public sealed class TransactionTests
{
    [Fact]
    public async Task Commit_Should_MakeNodesAndRelationshipsVisible_When_ReadAfterwards()
    {
        using var store = GraphStore.CreateInMemory();
        long a, b, r;
        await using (var w = await store.BeginWriteAsync())
        {
            a = w.CreateNode(["Person"], new Dictionary<string, object?> { ["name"] = "Ann", ["age"] = 42 });
            b = w.CreateNode(["Person", "Diplomat"], new Dictionary<string, object?> { ["name"] = "Bob" });
            r = w.CreateRelationship(a, b, "KNOWS", new Dictionary<string, object?> { ["since"] = 2020L });
            await w.CommitAsync();
        }

        using var read = store.BeginRead();
        Assert.Equal(2, read.NodeCount);
        Assert.Equal(1, read.RelationshipCount);
        Assert.Equal(2, read.CountNodes("Person"));
        Assert.Equal(1, read.CountNodes("Diplomat"));
        Assert.Equal(0, read.CountNodes("Nope"));
        Assert.Equal(42L, read.GetNodeProperty(a, "age"));
        Assert.Equal(["Diplomat", "Person"], read.GetLabels(b).Order());
        Assert.Equal(new RelationshipRecord(r, "KNOWS", a, b), read.GetRelationship(r));
        Assert.Equal(2020L, read.GetRelationshipProperty(r, "since"));
        Assert.Equal([a, b], read.NodesByLabel("Person"));
        Assert.Single(read.RelationshipsByType("KNOWS"));
        Assert.Equal(["Diplomat", "Person"], read.Labels.Order());
        Assert.Equal(["KNOWS"], read.RelationshipTypes);
    }

    [Fact]
    public async Task Reader_Should_KeepItsSnapshot_When_WriterCommitsLater()
    {
        using var store = GraphStore.CreateInMemory();
        await using (var w = await store.BeginWriteAsync())
        {
            w.CreateNode(["A"]);
            await w.CommitAsync();
        }

        using var before = store.BeginRead();
        await using (var w = await store.BeginWriteAsync())
        {
            var id = w.CreateNode(["A"]);
            w.SetNodeProperty(0, "x", 1L);
            Assert.Equal(2, w.CountNodes("A"));
            Assert.True(w.NodeExists(id));
            Assert.False(before.NodeExists(id));
            await w.CommitAsync();
        }

        Assert.Equal(1, before.CountNodes("A"));
        Assert.Null(before.GetNodeProperty(0, "x"));
        using var after = store.BeginRead();
        Assert.Equal(2, after.CountNodes("A"));
        Assert.Equal(1L, after.GetNodeProperty(0, "x"));
        Assert.True(after.SnapshotTransactionId > before.SnapshotTransactionId);
    }

    [Fact]
    public async Task Rollback_Should_LeaveNoTrace_When_ChangesWereMade()
    {
        using var store = GraphStore.CreateInMemory();
        await using (var w = await store.BeginWriteAsync())
        {
            w.CreateNode(["Keep"], new Dictionary<string, object?> { ["k"] = "v" });
            await w.CommitAsync();
        }

        var txBefore = store.LastCommittedTransactionId;
        await using (var w = await store.BeginWriteAsync())
        {
            var n = w.CreateNode(["Temp"], new Dictionary<string, object?> { ["t"] = 1L });
            w.CreateRelationship(0, n, "TMP");
            w.SetNodeProperty(0, "k", "changed");
            w.AddLabel(0, "Extra");
            w.Rollback();
        }

        using var read = store.BeginRead();
        Assert.Equal(txBefore, read.SnapshotTransactionId);
        Assert.Equal(1, read.NodeCount);
        Assert.Equal(0, read.RelationshipCount);
        Assert.Equal("v", read.GetNodeProperty(0, "k"));
        Assert.Equal(["Keep"], read.GetLabels(0));
        Assert.Equal(["Keep"], read.Labels);
        Assert.Empty(read.RelationshipTypes);
        Assert.Equal(0, read.GetDegree(0, Direction.Both));
    }

    [Fact]
    public async Task GetRelationships_Should_FilterByTypeAndDirection_When_NodeHasMixedRelationships()
    {
        using var store = GraphStore.CreateInMemory();
        await using var w = await store.BeginWriteAsync();
        var hub = w.CreateNode(["Hub"]);
        var others = Enumerable.Range(0, 5).Select(_ => w.CreateNode(["Leaf"])).ToArray();
        var out1 = w.CreateRelationship(hub, others[0], "A");
        var out2 = w.CreateRelationship(hub, others[1], "B");
        var in1 = w.CreateRelationship(others[2], hub, "A");
        var loop = w.CreateRelationship(hub, hub, "A");
        await w.CommitAsync();

        using var r = store.BeginRead();
        Assert.Equal([out1, loop], r.GetRelationships(hub, Direction.Outgoing, ["A"]).Select(x => x.Id).Order());
        Assert.Equal([in1, loop], r.GetRelationships(hub, Direction.Incoming, ["A"]).Select(x => x.Id).Order());
        Assert.Equal([out1, out2, in1, loop], r.GetRelationships(hub, Direction.Both).Select(x => x.Id).Order());
        Assert.Equal([out2], r.GetRelationships(hub, Direction.Both, ["B", "Missing"]).Select(x => x.Id));
        Assert.Empty(r.GetRelationships(hub, Direction.Both, ["Missing"]));
        Assert.Equal(4, r.GetDegree(hub, Direction.Both));
        Assert.Equal(3, r.GetDegree(hub, Direction.Outgoing));
        Assert.Equal(2, r.GetDegree(hub, Direction.Incoming, ["A"]));
        Assert.Equal(others[0], r.GetRelationship(out1).OtherNode(hub));
    }

    [Fact]
    public async Task DeleteNode_Should_FailAtCommit_When_RelationshipsRemain()
    {
        using var store = GraphStore.CreateInMemory();
        long a, b, rel;
        await using (var w = await store.BeginWriteAsync())
        {
            a = w.CreateNode(["N"]);
            b = w.CreateNode(["N"]);
            rel = w.CreateRelationship(a, b, "R");
            await w.CommitAsync();
        }

        await using (var w = await store.BeginWriteAsync())
        {
            w.DeleteNode(a, detach: false);
            var error = await Assert.ThrowsAsync<GraphException>(async () => await w.CommitAsync());
            Assert.Equal(ErrorCodes.ConstraintValidationFailed, error.Code);
            Assert.Equal($"Cannot delete node<{a}>, because it still has relationships. To delete this node, you must first delete its relationships.", error.Message);
        }

        await using (var w = await store.BeginWriteAsync())
        {
            w.DeleteNode(a, detach: false);
            w.DeleteRelationship(rel);
            await w.CommitAsync();
        }

        using (var r = store.BeginRead())
        {
            Assert.False(r.NodeExists(a));
            Assert.Equal(0, r.GetDegree(b, Direction.Both));
            Assert.Throws<KeyNotFoundException>(() => r.GetLabels(a));
        }

        await using (var w = await store.BeginWriteAsync())
        {
            var c = w.CreateNode([]);
            w.CreateRelationship(b, c, "R");
            w.CreateRelationship(c, c, "R");
            Assert.Equal(2, w.DeleteNode(c, detach: true));
            await w.CommitAsync();
        }

        using var last = store.BeginRead();
        Assert.Equal(1, last.NodeCount);
        Assert.Equal(0, last.RelationshipCount);
        Assert.Equal(0, last.CountRelationships("R"));
    }

    [Fact]
    public async Task SetProperty_Should_RejectInvalidValues_When_ListIsMixedOrContainsNull()
    {
        using var store = GraphStore.CreateInMemory();
        await using var w = await store.BeginWriteAsync();
        var n = w.CreateNode(["N"]);
        Assert.Equal(ErrorCodes.TypeError, Assert.Throws<GraphException>(() => w.SetNodeProperty(n, "x", new List<object?> { 1L, "a" })).Code);
        Assert.Equal(ErrorCodes.TypeError, Assert.Throws<GraphException>(() => w.SetNodeProperty(n, "x", new List<object?> { 1L, null })).Code);
        Assert.Equal(ErrorCodes.TypeError, Assert.Throws<GraphException>(() => w.SetNodeProperty(n, "x", new Dictionary<string, object?>())).Code);
        Assert.True(w.SetNodeProperty(n, "x", new List<object?> { 1L, 2L }));
        Assert.Equal(new object?[] { 1L, 2L }, (IReadOnlyList<object?>)w.GetNodeProperty(n, "x")!);
        Assert.False(w.SetNodeProperty(n, "x", new long[] { 1, 2 }));
        Assert.True(w.SetNodeProperty(n, "x", null));
        Assert.Empty(w.GetNodeProperties(n));
    }

    [Fact]
    public async Task ElementIds_Should_RoundTrip_When_Parsed()
    {
        using var store = GraphStore.CreateInMemory();
        await using var w = await store.BeginWriteAsync();
        var n = w.CreateNode([]);
        var r = w.CreateRelationship(n, n, "SELF");
        Assert.Equal($"4:{store.DatabaseId}:{n}", w.NodeElementId(n));
        Assert.True(w.TryParseElementId(w.RelationshipElementId(r), out var isNode, out var id));
        Assert.False(isNode);
        Assert.Equal(r, id);
        Assert.False(w.TryParseElementId("4:other:1", out _, out _));
    }

    [Fact]
    public async Task UsingTransaction_Should_Throw_When_CommittedOrDisposed()
    {
        using var store = GraphStore.CreateInMemory();
        var w = await store.BeginWriteAsync();
        await w.CommitAsync();
        Assert.Throws<InvalidOperationException>(() => w.CreateNode([]));
        await w.DisposeAsync();
        Assert.Throws<ObjectDisposedException>(() => w.CreateNode([]));
        var r = store.BeginRead();
        r.Dispose();
        Assert.Throws<ObjectDisposedException>(() => r.NodeCount);
    }
}
