using KnowledgeGraph.GraphQL.Schema;

namespace KnowledgeGraph.GraphQL.Tests;

/// <summary>A connection page over what its statement returned: the extra item dropped, backward pages in page order,
/// page info computed from the page.</summary>
public sealed class ConnectionPageTests
{
    private static Dictionary<string, object?> Item(string name) => new()
    {
        ["nodes"] = new Dictionary<string, object?> { ["name"] = name },
        [ConnectionPage.CursorKey] = new List<object?> { name, "key:" + name },
    };

    private static Dictionary<string, object?> Raw(bool back, long size, long? total, params string[] names) => new()
    {
        [ConnectionPage.ItemsKey] = names.Select(n => (object?)Item(n)).ToList(),
        [ConnectionPage.SizeKey] = size,
        [ConnectionPage.BackKey] = back,
        [ConnectionPage.TotalKey] = total,
    };

    private static List<string> Names(ConnectionPage page) =>
        page.Items.Select(i => (string)((IReadOnlyDictionary<string, object?>)i["nodes"]!)["name"]!).ToList();

    [Fact]
    public void From_Should_DropTheExtraItem_When_TheStatementFetchedOneMore()
    {
        var page = ConnectionPage.From(Raw(back: false, size: 2, total: 7, "a", "b", "c"), hasAfter: true, hasBefore: false);
        Assert.Equal(["a", "b"], Names(page));
        Assert.Equal(7, page.Total);
        Assert.True(page.Info.HasNextPage);
        Assert.True(page.Info.HasPreviousPage);
        Assert.Equal(["a", "key:a"], Cursors.Decode(page.Info.StartCursor!, 2));
        Assert.Equal(["b", "key:b"], Cursors.Decode(page.Info.EndCursor!, 2));
    }

    [Fact]
    public void From_Should_ReverseTheFetchedItems_When_ThePageWasFetchedBackwards()
    {
        // last: 2 fetched backwards: d, c, then b only tells that an earlier page exists.
        var page = ConnectionPage.From(Raw(back: true, size: 2, total: null, "d", "c", "b"), hasAfter: false, hasBefore: true);
        Assert.Equal(["c", "d"], Names(page));
        Assert.Equal(["c", "d"], page.Items.Select(i => (string)((IReadOnlyDictionary<string, object?>)i["nodes"]!)["name"]!));
        Assert.Null(page.Total);
        Assert.True(page.Info.HasNextPage);
        Assert.True(page.Info.HasPreviousPage);
        Assert.Equal(["c", "key:c"], Cursors.Decode(page.Info.StartCursor!, 2));
        Assert.Equal(["d", "key:d"], Cursors.Decode(page.Info.EndCursor!, 2));
        Assert.Throws<ArgumentOutOfRangeException>(() => page.Items[2]);
    }

    [Fact]
    public void From_Should_GiveAnEmptyPageWithoutCursors_When_NothingWasFetched()
    {
        var page = ConnectionPage.From(new Dictionary<string, object?> { [ConnectionPage.TotalKey] = 0L }, hasAfter: false, hasBefore: false);
        Assert.Empty(page.Items);
        Assert.Equal(0, page.Total);
        Assert.Equal(new PageInfo(false, false, null, null), page.Info);
    }

    [Fact]
    public void Nodes_Should_ReadEachItemsValue_When_Enumerated()
    {
        var page = ConnectionPage.From(Raw(back: false, size: 5, total: 2, "a", "b"), hasAfter: false, hasBefore: false);
        var nodes = new ItemValues(page.Items, "nodes");
        Assert.Equal(2, nodes.Count);
        Assert.Equal(["a", "b"], nodes.Select(n => (string)((IReadOnlyDictionary<string, object?>)n!)["name"]!));
        Assert.Same(page.Items[1]["nodes"], nodes[1]);
        Assert.False(page.Info.HasNextPage);
    }
}
