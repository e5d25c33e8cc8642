namespace KnowledgeGraph.Storage.Tests;

public sealed class AdjacencyTests
{
    [Fact]
    public async Task Hub_Should_KeepExactAdjacencyPerSnapshot_When_ManyTransactionsTouchIt()
    {
        using var store = GraphStore.CreateInMemory();
        long hub;
        var spokes = new List<(long Node, long Rel)>();
        await using (var w = await store.BeginWriteAsync())
        {
            hub = w.CreateNode(["Hub"]);
            for (var i = 0; i < 500; i++)
            {
                var n = w.CreateNode(["Spoke"]);
                spokes.Add((n, w.CreateRelationship(n, hub, i % 2 == 0 ? "EVEN" : "ODD")));
            }

            await w.CommitAsync();
        }

        var snapshots = new List<(IGraphReadTransaction Reader, int Degree)>();
        for (var round = 0; round < 20; round++)
        {
            await using (var w = await store.BeginWriteAsync())
            {
                var n = w.CreateNode(["Spoke"]);
                w.CreateRelationship(hub, n, "OUT");
                w.DeleteRelationship(spokes[round].Rel);
                w.CreateRelationship(hub, hub, "SELF");
                Assert.Equal(500 + round + 1, w.GetDegree(hub, Direction.Both));
                Assert.Equal(500 + round + 1, w.GetRelationships(hub, Direction.Both).Count());
                await w.CommitAsync();
            }

            snapshots.Add((store.BeginRead(), 500 + round + 1));
        }

        foreach (var (reader, degree) in snapshots)
        {
            Assert.Equal(degree, reader.GetDegree(hub, Direction.Both));
            var rels = reader.GetRelationships(hub, Direction.Both).ToList();
            Assert.Equal(degree, rels.Count);
            Assert.Equal(rels.Count, rels.Select(r => r.Id).Distinct().Count());
            Assert.All(rels, r => Assert.True(reader.RelationshipExists(r.Id)));
            reader.Dispose();
        }

        using var last = store.BeginRead();
        Assert.Equal(20, last.GetDegree(hub, Direction.Outgoing, ["SELF"]));
        Assert.Equal(20, last.GetDegree(hub, Direction.Incoming, ["SELF"]));
        Assert.Equal(40, last.GetDegree(hub, Direction.Outgoing));
        Assert.Equal(480 + 20, last.GetDegree(hub, Direction.Incoming));
        Assert.Equal(240, last.GetDegree(hub, Direction.Incoming, ["EVEN"]));
    }
}
