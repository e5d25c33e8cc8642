namespace KnowledgeGraph.Storage.Tests;

/// <summary>Reads through a <see cref="TokenName"/> (a remembered store token) answer exactly as reads by name, across
/// snapshots, a writer's own new keys and labels, and tokens reused after a rollback.</summary>
public sealed class TokenNameReadTests
{
    [Fact]
    public async Task TokenNameRead_Should_SeeAKeyAddedLaterInTheSameTransaction_When_FirstReadFoundNone()
    {
        using var store = GraphStore.CreateInMemory();
        var fresh = new TokenName("fresh");
        await using var w = await store.BeginWriteAsync();
        var n = w.CreateNode(["A"], new Dictionary<string, object?> { ["old"] = 1L });
        w.SetNodeProperty(n, "other", 2L); // the writer now owns its key table: a new key is added in place
        Assert.Null(w.ReadNodePropertyShared(n, fresh));
        w.SetNodeProperty(n, "fresh", 3L);
        Assert.Equal(3L, w.ReadNodePropertyShared(n, fresh));
        var r = w.CreateRelationship(n, n, "T");
        var weight = new TokenName("weight");
        Assert.Null(w.ReadRelationshipPropertyShared(r, weight));
        w.SetRelationshipProperty(r, "weight", 0.5);
        Assert.Equal(0.5, w.ReadRelationshipPropertyShared(r, weight));
    }

    [Fact]
    public async Task TokenNameRead_Should_NotAnswerForAnotherKey_When_ItsTokenWasReusedAfterARollback()
    {
        using var store = GraphStore.CreateInMemory();
        long n;
        await using (var w = await store.BeginWriteAsync())
        {
            n = w.CreateNode(["A"]);
            await w.CommitAsync();
        }
        var gone = new TokenName("gone");
        var kept = new TokenName("kept");
        await using (var w = await store.BeginWriteAsync())
        {
            w.SetNodeProperty(n, "gone", 1L);
            Assert.Equal(1L, w.ReadNodePropertyShared(n, gone));
            w.Rollback();
        }
        await using (var w = await store.BeginWriteAsync())
        {
            // The next writer's first new key gets the token "gone" had in the rolled-back table.
            w.SetNodeProperty(n, "kept", 2L);
            Assert.Null(w.ReadNodePropertyShared(n, gone));
            Assert.Equal(2L, w.ReadNodePropertyShared(n, kept));
            await w.CommitAsync();
        }
        using var read = store.BeginRead();
        Assert.Null(read.ReadNodePropertyShared(n, gone));
        Assert.Equal(2L, read.ReadNodePropertyShared(n, kept));
        Assert.False(read.HasLabel(n, new TokenName("Gone")));
    }

    [Fact]
    public async Task ReadLabelsShared_Should_NameTheLabelsOfThisVersion_When_ALabelTokenWasReusedAfterARollback()
    {
        using var store = GraphStore.CreateInMemory();
        long n;
        await using (var w = await store.BeginWriteAsync())
        {
            n = w.CreateNode(["A"]);
            await w.CommitAsync();
        }
        await using (var w = await store.BeginWriteAsync())
        {
            w.AddLabel(n, "X");
            Assert.Equal(new object?[] { "A", "X" }, w.ReadLabelsShared(n));
            w.Rollback();
        }
        await using (var w = await store.BeginWriteAsync())
        {
            w.AddLabel(n, "Y"); // same token as X had, so the same interned label set
            Assert.Equal(new object?[] { "A", "Y" }, w.ReadLabelsShared(n));
            Assert.True(w.HasLabel(n, new TokenName("Y")));
            Assert.False(w.HasLabel(n, new TokenName("X")));
            await w.CommitAsync();
        }
        using var read = store.BeginRead();
        Assert.Equal(read.GetLabels(n).Cast<object?>(), read.ReadLabelsShared(n));
        Assert.Equal(new object?[] { "A", "Y" }, read.ReadLabelsShared(n));
    }

    [Fact]
    public async Task ReadLabelsShared_Should_ThrowNotFound_When_TheNodeIsDeleted()
    {
        using var store = GraphStore.CreateInMemory();
        await using var w = await store.BeginWriteAsync();
        var n = w.CreateNode(["A"]);
        w.DeleteNode(n, detach: false);
        Assert.Throws<KeyNotFoundException>(() => w.ReadLabelsShared(n));
        Assert.Throws<KeyNotFoundException>(() => w.ReadNodePropertyShared(n, new TokenName("x")));
    }
}
