namespace KnowledgeGraph.Storage.Tests;

/// <summary><see cref="IGraphReader.Adjacency"/> must give exactly <see cref="IGraphReader.GetRelationships"/>'s records
/// in its order: the engine's expansions read the cursor, and result order depends on it.</summary>
public sealed class AdjacencyCursorTests
{
    private static readonly Direction[] Directions = [Direction.Outgoing, Direction.Incoming, Direction.Both];

    private static readonly IReadOnlyList<string>?[] TypeLists = [null, [], ["A"], ["B", "A"], ["SELF"], ["MISSING"], ["A", "MISSING"]];

    private static List<RelationshipRecord> Drain(AdjacencyCursor cursor)
    {
        var list = new List<RelationshipRecord>();
        foreach (var r in cursor) list.Add(r);
        return list;
    }

    private static void AssertSameAsGetRelationships(IGraphReader reader, IEnumerable<long> nodes)
    {
        foreach (var node in nodes)
        foreach (var direction in Directions)
        foreach (var types in TypeLists)
            Assert.Equal(reader.GetRelationships(node, direction, types).ToList(), Drain(reader.Adjacency(node, direction, types)));
    }

    [Fact]
    public async Task Adjacency_Should_MatchGetRelationshipsInOrder_When_PublishedAndWhenPendingInTheSameTransaction()
    {
        using var store = GraphStore.CreateInMemory();
        var nodes = new List<long>();
        await using (var w = await store.BeginWriteAsync())
        {
            for (var i = 0; i < 6; i++) nodes.Add(w.CreateNode(["N"]));
            for (var i = 0; i < 30; i++)
                w.CreateRelationship(nodes[i % 6], nodes[(i * 7 + 1) % 6], (i % 3) switch { 0 => "A", 1 => "B", _ => "C" });
            w.CreateRelationship(nodes[0], nodes[0], "SELF");
            await w.CommitAsync();
        }

        using (var r = store.BeginRead())
        {
            AssertSameAsGetRelationships(r, nodes);
            Assert.True(r.GetRelationships(nodes[0], Direction.Both).Any());
        }

        await using (var w = await store.BeginWriteAsync())
        {
            // Node 0 and 1 get pending adjacency (a new type too); the others stay packed in the same transaction.
            w.CreateRelationship(nodes[0], nodes[1], "D");
            w.CreateRelationship(nodes[1], nodes[0], "A");
            w.DeleteRelationship(w.GetRelationships(nodes[0], Direction.Outgoing, ["A"]).First().Id);
            AssertSameAsGetRelationships(w, nodes);
            Assert.Contains(Drain(w.Adjacency(nodes[0], Direction.Outgoing)), x => x.Type == "D");
            await w.CommitAsync();
        }

        using (var r = store.BeginRead())
        {
            AssertSameAsGetRelationships(r, nodes);
            var isolated = await WithIsolatedNode(store);
            using var after = store.BeginRead();
            Assert.Empty(Drain(after.Adjacency(isolated, Direction.Both)));
            Assert.Throws<KeyNotFoundException>(() => after.Adjacency(after.NodeCount + 1000, Direction.Both));
        }
    }

    private static async Task<long> WithIsolatedNode(GraphStore store)
    {
        await using var w = await store.BeginWriteAsync();
        var id = w.CreateNode(["Lonely"]);
        await w.CommitAsync();
        return id;
    }
}
