using KnowledgeGraph.Storage.Tests.CrashChild;

namespace KnowledgeGraph.Storage.Tests.Fulltext;

/// <summary>Fulltext indexes in the store: snapshots, rollback, reopen (checkpoint and log replay) and kill -9.</summary>
public sealed class FulltextStoreTests
{
    private static Dictionary<string, object?> Text(string text) => new() { ["text"] = text };

    private static List<long> Ids(IGraphReader r, string query) => r.QueryFulltext("docs", query).Select(h => h.Id).ToList();

    [Fact]
    public async Task Reader_Should_KeepItsSnapshot_When_AWriterCommitsOrRollsBack()
    {
        await using var store = GraphStore.CreateInMemory();
        long a;
        await using (var w = await store.BeginWriteAsync())
        {
            w.CreateFulltextIndex("docs", false, ["Doc"], ["text"], null, false, false);
            a = w.CreateNode(["Doc"], Text("peace talks"));
            await w.CommitAsync();
        }

        using var before = store.BeginRead();
        await using (var w = await store.BeginWriteAsync())
        {
            w.SetNodeProperty(a, "text", "ceasefire");
            w.CreateNode(["Doc"], Text("peace plan"));
            Assert.Equal(2, Ids(w, "ceasefire OR plan").Count); // own writes
            w.Rollback();
        }

        using (var r = store.BeginRead())
        {
            Assert.Equal([a], Ids(r, "peace"));
            Assert.Empty(Ids(r, "ceasefire"));
        }

        long b;
        await using (var w = await store.BeginWriteAsync())
        {
            w.SetNodeProperty(a, "text", "ceasefire");
            b = w.CreateNode(["Doc"], Text("peace plan"));
            await w.CommitAsync();
        }

        Assert.Equal([a], Ids(before, "peace")); // the older snapshot is untouched
        Assert.Empty(Ids(before, "ceasefire"));
        using var after = store.BeginRead();
        Assert.Equal([b], Ids(after, "peace"));
        Assert.Equal([a], Ids(after, "ceasefire"));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Reopen_Should_AnswerTheSame_When_RecoveredFromLogOrCheckpoint(bool checkpoint)
    {
        using var dir = new TempDirectory();
        List<FulltextHit> expected;
        await using (var store = GraphStore.Open(dir.Path, new GraphStoreOptions { CheckpointLogBytes = long.MaxValue }))
        {
            await using (var w = await store.BeginWriteAsync())
            {
                var x = w.CreateNode(["Doc"], Text("Kyiv talks, Kïev"));
                w.CreateNode(["Doc"], Text("Erdoğan hosted talks in Istanbul"));
                w.CreateNode(["Other"], Text("talks elsewhere"));
                w.CreateFulltextIndex("docs", false, ["Doc", "Other"], ["text"], "standard-folding", false, false);
                w.CreateFulltextIndex("rels", true, ["SAYS"], ["quote"], null, true, false);
                w.CreateRelationship(x, x, "SAYS", new Dictionary<string, object?> { ["quote"] = "we want peace" });
                await w.CommitAsync();
            }

            if (checkpoint) await store.CheckpointAsync();
            await using (var w = await store.BeginWriteAsync())
            {
                var other = w.NodesByLabel("Other").Single();
                w.RemoveLabel(other, "Other");
                w.CreateNode(["Doc"], Text("more talks about Kiev"));
                await w.CommitAsync();
            }

            using var r = store.BeginRead();
            expected = [.. r.QueryFulltext("docs", "talks kiev erdogan")];
            Assert.Equal(3, expected.Count);
        }

        await using (var store = GraphStore.Open(dir.Path))
        {
            using var r = store.BeginRead();
            Assert.Equal(expected, r.QueryFulltext("docs", "talks kiev erdogan"));
            var rels = Assert.Single(r.FulltextIndexes, i => i.Name == "rels");
            Assert.True(rels.IsRelationshipIndex);
            Assert.True(rels.EventuallyConsistent);
            Assert.Single(r.QueryFulltext("rels", "peace"));
            Assert.Equal(["Doc", "Other"], r.FindFulltextIndex("docs")!.LabelsOrTypes);
        }
    }

    [Fact]
    public async Task DropIndex_Should_RemoveFulltextIndex_When_Reopened()
    {
        using var dir = new TempDirectory();
        await using (var store = GraphStore.Open(dir.Path))
        {
            await using var w = await store.BeginWriteAsync();
            w.CreateFulltextIndex("docs", false, ["Doc"], ["text"], null, false, false);
            Assert.Null(w.CreateFulltextIndex("docs", false, ["Doc"], ["text"], null, false, true));
            Assert.True(w.DropIndex("docs", false));
            await w.CommitAsync();
        }

        await using (var store = GraphStore.Open(dir.Path))
        {
            using var r = store.BeginRead();
            Assert.Empty(r.FulltextIndexes);
            Assert.Throws<KeyNotFoundException>(() => r.QueryFulltext("docs", "x"));
        }
    }

    [Fact]
    public async Task Kill_Should_LeaveTheFulltextIndexAnsweringAsBefore_When_ProcessIsKilledAfterCommits()
    {
        using var dir = new TempDirectory();
        const int count = 40;
        var acknowledged = await CrashChildRunner.RunUntilDoneThenKillAsync("fulltext-child", dir.Path, count);
        Assert.Equal(count, acknowledged);

        await using var store = GraphStore.Open(dir.Path);
        using var r = store.BeginRead();
        // The same documents, rebuilt from scratch in memory from the recovered nodes, must give the same answers.
        await using var fresh = GraphStore.CreateInMemory();
        await using (var w = await fresh.BeginWriteAsync())
        {
            foreach (var id in r.NodesByLabel("Doc").Order()) w.CreateNode(["Doc"], new Dictionary<string, object?> { ["n"] = r.GetNodeProperty(id, "n"), ["text"] = r.GetNodeProperty(id, "text") });
            w.CreateFulltextIndex("docs", false, ["Doc"], ["text"], "standard-folding", false, false);
            await w.CommitAsync();
        }

        using var expected = fresh.BeginRead();
        foreach (var q in new[] { "peace", "geneve", "erdogan AND even", "word3", "revised", "\"peace talks\"", "documen*", "talsk~1" })
        {
            var got = r.QueryFulltext("docs", q).Select(h => ((long)r.GetNodeProperty(h.Id, "n")!, Math.Round(h.Score, 9))).ToList();
            var want = expected.QueryFulltext("docs", q).Select(h => ((long)expected.GetNodeProperty(h.Id, "n")!, Math.Round(h.Score, 9))).ToList();
            Assert.Equal(want, got);
            Assert.NotEmpty(got);
        }

        Assert.Equal(count, r.QueryFulltext("docs", "peace").Count);
        Assert.Equal(7, r.QueryFulltext("docs", "revised").Count); // documents 4, 9, ..., 34 were revised
    }
}
