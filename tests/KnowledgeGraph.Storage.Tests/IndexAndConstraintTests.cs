using KnowledgeGraph.Errors;
using KnowledgeGraph.Temporal;

namespace KnowledgeGraph.Storage.Tests;

public sealed class IndexAndConstraintTests
{
    private static Dictionary<string, object?> Props(params (string Key, object? Value)[] pairs) =>
        pairs.ToDictionary(p => p.Key, p => p.Value);

    [Fact]
    public async Task CreateIndex_Should_BackfillExistingNodes_When_DataExists()
    {
        using var store = GraphStore.CreateInMemory();
        await using (var w = await store.BeginWriteAsync())
        {
            for (var i = 0; i < 100; i++) w.CreateNode(["Country"], Props(("code", $"c{i:D3}"), ("rank", (long)i)));
            w.CreateNode(["Other"], Props(("code", "c001")));
            await w.CommitAsync();
        }

        await using (var w = await store.BeginWriteAsync())
        {
            var index = w.CreateIndex(null, "Country", "code", ifNotExists: false);
            Assert.NotNull(index);
            Assert.StartsWith("index_", index!.Name, StringComparison.Ordinal);
            Assert.Null(w.CreateIndex(null, "Country", "code", ifNotExists: true));
            Assert.Equal(ErrorCodes.EquivalentSchemaRuleAlreadyExists, Assert.Throws<GraphException>(() => w.CreateIndex("other", "Country", "code", false)).Code);
            await w.CommitAsync();
        }

        using var r = store.BeginRead();
        Assert.NotNull(r.FindIndex("Country", "code"));
        Assert.Equal([1L], r.IndexSeek("Country", "code", "c001"));
        Assert.Empty(r.IndexSeek("Country", "code", "zzz"));
        Assert.Equal(10, r.IndexSeekPrefix("Country", "code", "c05").Count());
    }

    [Fact]
    public async Task SchemaLists_Should_BeSharedWithinAVersion_And_ChangeOnlyWithTheSchema()
    {
        using var store = GraphStore.CreateInMemory();
        await using (var w = await store.BeginWriteAsync())
        {
            w.CreateIndex("country_code", "Country", "code", ifNotExists: false);
            await w.CommitAsync();
        }

        using var before = store.BeginRead();
        // A cached plan checks both lists on every run: reading them again makes nothing new.
        Assert.Same(before.Indexes, before.Indexes);
        Assert.Same(before.Constraints, before.Constraints);

        await using (var w = await store.BeginWriteAsync())
        {
            w.CreateIndex("country_rank", "Country", "rank", ifNotExists: false);
            Assert.Equal(["country_code", "country_rank"], w.Indexes.Select(i => i.Name).Order());
            await w.CommitAsync();
        }

        using var after = store.BeginRead();
        // The earlier reader's list is a snapshot: the new index is in the new version's list only.
        Assert.Equal(["country_code"], before.Indexes.Select(i => i.Name));
        Assert.Equal(["country_code", "country_rank"], after.Indexes.Select(i => i.Name).Order());
    }

    [Fact]
    public async Task IndexSeek_Should_UseCypherNumericEquality_When_IntegerMeetsFloat()
    {
        using var store = GraphStore.CreateInMemory();
        long one, onePointFive, big;
        await using (var w = await store.BeginWriteAsync())
        {
            w.CreateIndex("byValue", "N", "v", false);
            one = w.CreateNode(["N"], Props(("v", 1L)));
            onePointFive = w.CreateNode(["N"], Props(("v", 1.5)));
            big = w.CreateNode(["N"], Props(("v", 9007199254740993L)));
            w.CreateNode(["N"], Props(("v", "1")));
            w.CreateNode(["N"], Props(("v", double.NaN)));
            Assert.Equal([one], w.IndexSeek("N", "v", 1L));
            await w.CommitAsync();
        }

        using var r = store.BeginRead();
        Assert.Equal([one], r.IndexSeek("N", "v", 1.0));
        Assert.Equal([one], r.IndexSeek("N", "v", 1));
        Assert.Equal([onePointFive], r.IndexSeek("N", "v", 1.5));
        Assert.Empty(r.IndexSeek("N", "v", 9007199254740992.0)); // exact: 2^53 as a double is not 2^53 + 1
        Assert.Equal([big], r.IndexSeek("N", "v", 9007199254740993L));
        Assert.Empty(r.IndexSeek("N", "v", double.NaN));
        Assert.Equal([one, onePointFive], r.IndexSeekRange("N", "v", 1L, true, 2.0, false).Order());
        Assert.Equal([onePointFive], r.IndexSeekRange("N", "v", 1L, false, 1.5, true));
        Assert.Equal([one, onePointFive, big], r.IndexSeekRange("N", "v", null, false, 1e300, true).Order());
        Assert.Single(r.IndexSeekRange("N", "v", "0", true, null, false));
    }

    [Fact]
    public async Task IndexSeekRange_Should_OrderTemporalValues_When_DatesAreIndexed()
    {
        using var store = GraphStore.CreateInMemory();
        await using var w = await store.BeginWriteAsync();
        w.CreateIndex("d", "Meeting", "on", false);
        var ids = Enumerable.Range(0, 10).Select(i => w.CreateNode(["Meeting"], Props(("on", new CypherDate(19000 + i))))).ToArray();
        Assert.Equal(ids[2..5], w.IndexSeekRange("Meeting", "on", new CypherDate(19002), true, new CypherDate(19005), false));
        Assert.Equal([ids[3]], w.IndexSeek("Meeting", "on", new CypherDate(19003)));
    }

    [Fact]
    public async Task Index_Should_FollowChanges_When_PropertiesAndLabelsChange()
    {
        using var store = GraphStore.CreateInMemory();
        long n;
        await using (var w = await store.BeginWriteAsync())
        {
            w.CreateIndex("p", "Person", "name", false);
            n = w.CreateNode(["Person"], Props(("name", "Ann")));
            await w.CommitAsync();
        }

        await using (var w = await store.BeginWriteAsync())
        {
            w.SetNodeProperty(n, "name", "Anna");
            Assert.Empty(w.IndexSeek("Person", "name", "Ann"));
            Assert.Equal([n], w.IndexSeek("Person", "name", "Anna"));
            w.RemoveLabel(n, "Person");
            Assert.Empty(w.IndexSeek("Person", "name", "Anna"));
            w.AddLabel(n, "Person");
            Assert.Equal([n], w.IndexSeek("Person", "name", "Anna"));
            var m = w.CreateNode(["Person"], Props(("name", "Bea")));
            w.DeleteNode(m, false);
            Assert.Empty(w.IndexSeek("Person", "name", "Bea"));
            await w.CommitAsync();
        }

        using var r = store.BeginRead();
        Assert.Equal([n], r.IndexSeek("Person", "name", "Anna"));
        Assert.Empty(r.IndexSeek("Person", "name", "Bea"));
    }

    [Fact]
    public async Task UniqueConstraint_Should_FailCommit_When_ValueIsDuplicated()
    {
        using var store = GraphStore.CreateInMemory();
        long first;
        await using (var w = await store.BeginWriteAsync())
        {
            Assert.NotNull(w.CreateUniqueConstraint("country_key", "Country", "key", false));
            first = w.CreateNode(["Country"], Props(("key", "country:us")));
            await w.CommitAsync();
        }

        await using (var w = await store.BeginWriteAsync())
        {
            w.CreateNode(["Country"], Props(("key", "country:us")));
            var error = await Assert.ThrowsAsync<GraphException>(async () => await w.CommitAsync());
            Assert.Equal(ErrorCodes.ConstraintValidationFailed, error.Code);
            Assert.Equal($"Node({first}) already exists with label `Country` and property `key` = 'country:us'", error.Message);
        }

        await using (var w = await store.BeginWriteAsync())
        {
            // Swapping values inside one transaction is fine: only the final state is checked.
            var second = w.CreateNode(["Country"], Props(("key", "tmp")));
            w.SetNodeProperty(first, "key", "country:fr");
            w.SetNodeProperty(second, "key", "country:us");
            await w.CommitAsync();
        }

        using var r = store.BeginRead();
        Assert.Equal(2, r.CountNodes("Country"));
        Assert.Equal([first], r.IndexSeek("Country", "key", "country:fr"));
        Assert.Single(r.Constraints);
        Assert.Equal("country_key", r.FindIndex("Country", "key")!.OwningConstraint);
    }

    [Fact]
    public async Task CreateUniqueConstraint_Should_Fail_When_ExistingDataHasDuplicates()
    {
        using var store = GraphStore.CreateInMemory();
        await using var w = await store.BeginWriteAsync();
        w.CreateNode(["Org"], Props(("name", "UN")));
        w.CreateNode(["Org"], Props(("name", "UN")));
        var error = Assert.Throws<GraphException>(() => w.CreateUniqueConstraint(null, "Org", "name", false));
        Assert.Equal(ErrorCodes.ConstraintCreationFailed, error.Code);
        Assert.Contains("Both Node(0) and Node(1) have the label `Org` and property `name` = 'UN'", error.Message, StringComparison.Ordinal);
        Assert.Empty(w.Constraints);
    }

    [Fact]
    public async Task DropIndexAndConstraint_Should_FollowNeo4jRules_When_NamesAreWrong()
    {
        using var store = GraphStore.CreateInMemory();
        await using var w = await store.BeginWriteAsync();
        w.CreateUniqueConstraint("c", "A", "x", false);
        w.CreateIndex("i", "A", "y", false);
        Assert.Equal(ErrorCodes.IndexNotFound, Assert.Throws<GraphException>(() => w.DropIndex("c", false)).Code);
        Assert.Equal(ErrorCodes.IndexNotFound, Assert.Throws<GraphException>(() => w.DropIndex("nope", false)).Code);
        Assert.False(w.DropIndex("nope", true));
        Assert.Equal(ErrorCodes.ConstraintNotFound, Assert.Throws<GraphException>(() => w.DropConstraint("nope", false)).Code);
        Assert.True(w.DropIndex("i", false));
        Assert.True(w.DropConstraint("c", false));
        Assert.Empty(w.Indexes);
        Assert.Empty(w.Constraints);
    }

    [Fact]
    public async Task IndexSeek_Should_CompareListsElementWise_When_ValuesAreLists()
    {
        using var store = GraphStore.CreateInMemory();
        await using var w = await store.BeginWriteAsync();
        w.CreateIndex("tags", "Doc", "ids", false);
        var a = w.CreateNode(["Doc"], Props(("ids", new List<object?> { 1L, 2L })));
        w.CreateNode(["Doc"], Props(("ids", new List<object?> { 1L, 2L, 3L })));
        w.CreateNode(["Doc"], Props(("ids", new List<object?> { "1", "2" })));
        Assert.Equal([a], w.IndexSeek("Doc", "ids", new List<object?> { 1.0, 2.0 }));
        Assert.Empty(w.IndexSeek("Doc", "ids", new List<object?> { 2L, 1L }));
        Assert.Empty(w.IndexSeek("Doc", "ids", new Dictionary<string, object?>()));
    }
}
