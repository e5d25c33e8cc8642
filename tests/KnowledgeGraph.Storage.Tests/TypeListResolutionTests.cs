namespace KnowledgeGraph.Storage.Tests;

/// <summary>A reader resolves a relationship type list to type ids once and reuses it for the same list (a traversal
/// passes one list for every expansion); a list reused with other names, or naming a type created later in the same
/// transaction, must still be read afresh.</summary>
public sealed class TypeListResolutionTests
{
    [Fact]
    public async Task GetRelationships_Should_FollowTheListsCurrentNames_When_ACallerReusesOneList()
    {
        using var store = GraphStore.CreateInMemory();
        long hub;
        await using (var w = await store.BeginWriteAsync())
        {
            hub = w.CreateNode(["Hub"]);
            foreach (var type in new[] { "A", "B", "C", "D" })
                for (var i = 0; i < 3; i++) w.CreateRelationship(hub, w.CreateNode(["X"]), type);
            await w.CommitAsync();
        }
        using var reader = store.BeginRead();
        var types = new List<string> { "A", "B" };
        Assert.Equal(6, reader.GetRelationships(hub, Direction.Outgoing, types).Count());
        Assert.Equal(6, reader.GetRelationships(hub, Direction.Outgoing, types).Count());
        types[1] = "C";
        Assert.Equal(["A", "C"], reader.GetRelationships(hub, Direction.Outgoing, types).Select(r => r.Type).Distinct().Order());
        types.Add("D");
        Assert.Equal(9, reader.GetRelationships(hub, Direction.Outgoing, types).Count());
        Assert.Equal(9, reader.GetDegree(hub, Direction.Outgoing, types));
    }

    [Fact]
    public async Task GetRelationships_Should_SeeATypeCreatedLaterInTheTransaction_When_TheListNamedItBefore()
    {
        using var store = GraphStore.CreateInMemory();
        await using var w = await store.BeginWriteAsync();
        var hub = w.CreateNode(["Hub"]);
        w.CreateRelationship(hub, w.CreateNode(["X"]), "A");
        IReadOnlyList<string> types = ["A", "NEW"];
        Assert.Single(w.GetRelationships(hub, Direction.Outgoing, types));
        w.CreateRelationship(hub, w.CreateNode(["X"]), "NEW");
        Assert.Equal(2, w.GetRelationships(hub, Direction.Outgoing, types).Count());
    }
}
