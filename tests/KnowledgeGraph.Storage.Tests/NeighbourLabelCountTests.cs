namespace KnowledgeGraph.Storage.Tests;

/// <summary><see cref="INeighbourLabelCounts"/> counts what expanding and testing each other end's label counts, on
/// published snapshots and inside a writer (its own uncommitted relationships and labels).</summary>
public sealed class NeighbourLabelCountTests
{
    private static long Expected(IGraphReader r, long node, Direction direction, string type, string label) =>
        r.GetRelationships(node, direction, [type]).Count(x => r.HasLabel(x.OtherNode(node), label));

    private static void AssertSameAsExpanding(IGraphReader r, long node)
    {
        var counts = Assert.IsAssignableFrom<INeighbourLabelCounts>(r);
        foreach (var direction in new[] { Direction.Outgoing, Direction.Incoming, Direction.Both })
            foreach (var type in new[] { "MEMBER_OF", "KNOWS", "MISSING" })
                foreach (var label in new[] { "Person", "Org", "Missing" })
                    Assert.Equal(Expected(r, node, direction, type, label), counts.CountNeighboursWithLabel(node, direction, type, label));
    }

    [Fact]
    public async Task CountNeighboursWithLabel_Should_EqualExpandingAndTestingLabels_When_ReadOrWritten()
    {
        using var store = GraphStore.CreateInMemory();
        long org;
        var members = new List<(long Node, long Rel)>();
        await using (var w = await store.BeginWriteAsync())
        {
            org = w.CreateNode(["Org"]);
            for (var i = 0; i < 30; i++)
            {
                var n = w.CreateNode(i % 3 == 0 ? ["Person", "Org"] : i % 3 == 1 ? ["Person"] : []);
                members.Add((n, w.CreateRelationship(n, org, "MEMBER_OF")));
                if (i % 4 == 0) w.CreateRelationship(org, n, "KNOWS");
            }
            w.CreateRelationship(org, org, "MEMBER_OF"); // a self-loop: counted once, the node itself is the other end
            await w.CommitAsync();
        }
        using (var r = store.BeginRead())
        {
            AssertSameAsExpanding(r, org);
            Assert.Equal(20L, ((INeighbourLabelCounts)r).CountNeighboursWithLabel(org, Direction.Incoming, "MEMBER_OF", "Person"));
            Assert.Equal(11L, ((INeighbourLabelCounts)r).CountNeighboursWithLabel(org, Direction.Both, "MEMBER_OF", "Org"));
        }
        await using (var w = await store.BeginWriteAsync())
        {
            w.DeleteRelationship(members[0].Rel);
            w.RemoveLabel(members[1].Node, "Person");
            w.AddLabel(members[2].Node, "Person");
            var fresh = w.CreateNode(["Person"]);
            w.CreateRelationship(fresh, org, "MEMBER_OF");
            AssertSameAsExpanding(w, org);
            Assert.Equal(20L, ((INeighbourLabelCounts)w).CountNeighboursWithLabel(org, Direction.Incoming, "MEMBER_OF", "Person"));
        }
        using var after = store.BeginRead(); // the writer was not committed
        Assert.Equal(20L, ((INeighbourLabelCounts)after).CountNeighboursWithLabel(org, Direction.Incoming, "MEMBER_OF", "Person"));
    }
}
