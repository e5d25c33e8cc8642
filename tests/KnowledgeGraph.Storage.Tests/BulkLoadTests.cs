using KnowledgeGraph.Errors;

namespace KnowledgeGraph.Storage.Tests;

public sealed class BulkLoadTests
{
    [Fact]
    public async Task BulkLoad_Should_BeDurableAndIndexed_When_Completed()
    {
        using var dir = new TempDirectory();
        long hub;
        await using (var store = GraphStore.Open(dir.Path))
        {
            await using (var w = await store.BeginWriteAsync())
            {
                w.CreateIndex("person_key", "Person", "key", false);
                hub = w.CreateNode(["Person"], new Dictionary<string, object?> { ["key"] = "p:hub" });
                var other = w.CreateNode(["Org"]);
                w.CreateRelationship(hub, other, "WORKS_FOR");
                await w.CommitAsync();
            }

            await using (var bulk = await store.BeginBulkLoadAsync())
            {
                var people = new List<long>();
                for (var i = 0; i < 1000; i++) people.Add(bulk.CreateNode(["Person"], new Dictionary<string, object?> { ["key"] = $"p:{i}" }));
                foreach (var p in people)
                {
                    bulk.CreateRelationship(p, hub, "KNOWS");
                    bulk.CreateRelationship(hub, p, "MET");
                }

                bulk.CreateRelationship(people[0], people[0], "SELF");
                using (var before = store.BeginRead())
                {
                    Assert.Equal(2, before.NodeCount); // nothing visible before completion
                }

                await bulk.CompleteAsync();
            }

            using var r = store.BeginRead();
            Assert.Equal(1002, r.NodeCount);
            Assert.Equal(2002, r.RelationshipCount);
            Assert.Equal(1000, r.GetDegree(hub, Direction.Incoming, ["KNOWS"]));
            Assert.Equal(1001, r.GetDegree(hub, Direction.Outgoing));
            Assert.Single(r.IndexSeek("Person", "key", "p:500"));
            await using var w2 = await store.BeginWriteAsync();
            w2.CreateNode(["Person"], new Dictionary<string, object?> { ["key"] = "after-bulk" });
            await w2.CommitAsync();
        }

        Assert.Single(Directory.GetFiles(dir.Path, "wal-*.log"));
        await using (var store = GraphStore.Open(dir.Path))
        {
            using var r = store.BeginRead();
            Assert.Equal(1003, r.NodeCount);
            Assert.Equal(2001, r.GetDegree(hub, Direction.Both));
            Assert.Single(r.GetRelationships(2, Direction.Both, ["SELF"])); // people[0], a self-loop counted once
            Assert.Single(r.IndexSeek("Person", "key", "after-bulk"));
            Assert.Equal(1002, r.CountNodes("Person"));
        }
    }

    [Fact]
    public async Task BulkLoad_Should_ChangeNothing_When_UniqueConstraintIsViolated()
    {
        using var store = GraphStore.CreateInMemory();
        await using (var w = await store.BeginWriteAsync())
        {
            w.CreateUniqueConstraint("k", "Country", "key", false);
            w.CreateNode(["Country"], new Dictionary<string, object?> { ["key"] = "country:us" });
            await w.CommitAsync();
        }

        await using (var bulk = await store.BeginBulkLoadAsync())
        {
            bulk.CreateNode(["Country"], new Dictionary<string, object?> { ["key"] = "country:ua" });
            bulk.CreateNode(["Country"], new Dictionary<string, object?> { ["key"] = "country:us" });
            var error = await Assert.ThrowsAsync<GraphException>(async () => await bulk.CompleteAsync());
            Assert.Equal(ErrorCodes.ConstraintValidationFailed, error.Code);
            Assert.Contains("`Country` and property `key` = 'country:us'", error.Message, StringComparison.Ordinal);
        }

        using var r = store.BeginRead();
        Assert.Equal(1, r.NodeCount);
        await using var after = await store.BeginWriteAsync(); // the writer slot was released
        after.Rollback();
    }
}
