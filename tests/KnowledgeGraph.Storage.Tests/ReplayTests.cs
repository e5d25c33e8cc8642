using KnowledgeGraph.Temporal;

namespace KnowledgeGraph.Storage.Tests;

/// <summary>Every kind of change survives a restart, both from the log alone and from a checkpoint.</summary>
public sealed class ReplayTests
{
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Reopen_Should_RestoreEveryOperationKind_When_LoggedOrCheckpointed(bool checkpoint)
    {
        using var dir = new TempDirectory();
        long a, b, c, keep, gone;
        await using (var store = GraphStore.Open(dir.Path, new GraphStoreOptions { CheckpointLogBytes = 0 }))
        {
            await using (var w = await store.BeginWriteAsync())
            {
                w.CreateIndex("name_idx", "P", "name", false);
                w.CreateIndex("tmp_idx", "P", "tmp", false);
                w.CreateUniqueConstraint("code_unique", "P", "code", false);
                w.CreateUniqueConstraint("tmp_unique", "Q", "code", false);
                a = w.CreateNode(["P", "Old"], new Dictionary<string, object?> { ["name"] = "a", ["drop"] = 1L, ["code"] = 1L });
                b = w.CreateNode(["P"], new Dictionary<string, object?> { ["name"] = "b" });
                c = w.CreateNode(["P"]);
                keep = w.CreateRelationship(a, b, "R", new Dictionary<string, object?> { ["w"] = 1.5, ["x"] = "y" });
                gone = w.CreateRelationship(b, c, "R");
                w.CreateRelationship(c, c, "LOOP");
                await w.CommitAsync();
            }

            await using (var w = await store.BeginWriteAsync())
            {
                w.SetNodeProperty(a, "name", "a2");
                w.SetNodeProperty(a, "drop", null);
                w.SetNodeProperty(b, "when", new CypherLocalDateTime(1_600_000_000, 7));
                w.AddLabel(b, "New");
                w.RemoveLabel(a, "Old");
                w.SetRelationshipProperty(keep, "w", 2L);
                w.SetRelationshipProperty(keep, "x", null);
                w.DeleteRelationship(gone);
                w.DropIndex("tmp_idx", false);
                w.DropConstraint("tmp_unique", false);
                await w.CommitAsync();
            }

            if (checkpoint) await store.CheckpointAsync();
        }

        await using (var store = GraphStore.Open(dir.Path))
        {
            using var r = store.BeginRead();
            Assert.Equal("a2", r.GetNodeProperty(a, "name"));
            Assert.Null(r.GetNodeProperty(a, "drop"));
            Assert.Equal(new CypherLocalDateTime(1_600_000_000, 7), r.GetNodeProperty(b, "when"));
            Assert.Equal(["New", "P"], r.GetLabels(b).Order());
            Assert.Equal(["P"], r.GetLabels(a));
            Assert.Equal(0, r.CountNodes("Old"));
            Assert.Equal(new Dictionary<string, object> { ["w"] = 2L }, r.GetRelationshipProperties(keep));
            Assert.False(r.RelationshipExists(gone));
            Assert.Equal(2, r.RelationshipCount);
            Assert.Equal(1, r.GetDegree(c, Direction.Incoming));
            Assert.Equal(1, r.GetDegree(c, Direction.Both));
            Assert.Equal(["code_unique", "name_idx"], r.Indexes.Select(i => i.Name).Order());
            Assert.Equal(["code_unique"], r.Constraints.Select(x => x.Name));
            Assert.Equal([a], r.IndexSeek("P", "name", "a2"));
            Assert.Equal([a], r.IndexSeek("P", "code", 1.0));
        }
    }
}
