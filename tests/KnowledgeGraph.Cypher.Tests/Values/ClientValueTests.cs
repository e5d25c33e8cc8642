using KnowledgeGraph.Driver;
using KnowledgeGraph.Values;

namespace KnowledgeGraph.Cypher.Tests.Values;

/// <summary>
/// Results reach clients in the public value model: maps and lists the engine built are handed over without a copy
/// when nothing inside them needs converting, and copied (in order) from the first value that does. Stored list
/// properties are always copied, so a client changing what it was handed never changes the store or a later result.
/// </summary>
public sealed class ClientValueTests
{
    [Fact]
    public async Task Map_Should_ConvertEntitiesAndKeepOrder_When_AnEntityIsInTheMiddle()
    {
        await using var db = GraphDatabase.CreateInMemory();
        await db.Q("CREATE (:P {name: 'a'})");
        var r = await db.Q("MATCH (n:P) RETURN {first: 1, node: n, list: [n, 'x'], last: 'z', plain: {k: [1, 2]}} AS m");
        var m = Assert.IsAssignableFrom<IReadOnlyDictionary<string, object?>>(r.Records[0]["m"]);
        Assert.Equal(["first", "node", "list", "last", "plain"], m.Keys);
        Assert.Equal(1L, m["first"]);
        Assert.Equal("a", Assert.IsType<GraphNode>(m["node"]).Properties["name"]);
        var list = Assert.IsAssignableFrom<IReadOnlyList<object?>>(m["list"]);
        Assert.IsType<GraphNode>(list[0]);
        Assert.Equal("x", list[1]);
        Assert.Equal("z", m["last"]);
        var plain = Assert.IsAssignableFrom<IReadOnlyDictionary<string, object?>>(m["plain"]);
        Assert.Equal([1L, 2L], Assert.IsAssignableFrom<IReadOnlyList<object?>>(plain["k"]));
    }

    [Fact]
    public async Task List_Should_ConvertFromTheFirstChangedItem_When_ItemsBeforeItArePlain()
    {
        await using var db = GraphDatabase.CreateInMemory();
        await db.Q("CREATE (:P {name: 'a'})-[:R {w: 2}]->(:P {name: 'b'})");
        var r = await db.Q("MATCH p = (a:P)-[r:R]->(b:P) RETURN [1, 'two', {three: 3}, r, [a], p, 7] AS l");
        var l = Assert.IsAssignableFrom<IReadOnlyList<object?>>(r.Records[0]["l"]);
        Assert.Equal(7, l.Count);
        Assert.Equal(1L, l[0]);
        Assert.Equal("two", l[1]);
        Assert.Equal(3L, Assert.IsAssignableFrom<IReadOnlyDictionary<string, object?>>(l[2])["three"]);
        Assert.Equal(2L, Assert.IsType<GraphRelationship>(l[3]).Properties["w"]);
        Assert.IsType<GraphNode>(Assert.IsAssignableFrom<IReadOnlyList<object?>>(l[4])[0]);
        Assert.Equal(2, Assert.IsType<GraphPath>(l[5]).Nodes.Count);
        Assert.Equal(7L, l[6]);
    }

    [Fact]
    public async Task StoredList_Should_StayUnchanged_When_AClientChangesTheListItWasHanded()
    {
        await using var db = GraphDatabase.CreateInMemory();
        await db.Q("CREATE (:P {tags: ['x', 'y']})");
        var first = await db.Q("MATCH (n:P) RETURN n.tags AS tags, {tags: n.tags} AS m", mode: AccessMode.Read);
        // A client that casts what it was handed and changes it: the store, and later results, must not see it.
        var handed = Assert.IsType<List<object?>>(first.Records[0]["tags"]);
        handed[0] = "changed";
        var inMap = Assert.IsType<List<object?>>(Assert.IsAssignableFrom<IReadOnlyDictionary<string, object?>>(first.Records[0]["m"])["tags"]);
        inMap.Add("more");
        var again = await db.Q("MATCH (n:P) RETURN n.tags AS tags", mode: AccessMode.Read);
        Assert.Equal(["x", "y"], Assert.IsAssignableFrom<IReadOnlyList<object?>>(again.Records[0]["tags"]));
    }

    [Fact]
    public async Task Parameter_Should_NotBeTheClientsObject_When_ReturnedAsIs()
    {
        await using var db = GraphDatabase.CreateInMemory();
        var list = new List<object?> { 1L, 2L };
        var map = new Dictionary<string, object?> { ["k"] = "v" };
        var r = await db.Q("RETURN $list AS list, $map AS map", new Dictionary<string, object?> { ["list"] = list, ["map"] = map }, AccessMode.Read);
        // Parameters are copied on the way in: the result is equal, never the caller's own instance.
        Assert.NotSame(list, r.Records[0]["list"]);
        Assert.NotSame(map, r.Records[0]["map"]);
        Assert.Equal(list, Assert.IsAssignableFrom<IReadOnlyList<object?>>(r.Records[0]["list"]));
        Assert.Equal("v", Assert.IsAssignableFrom<IReadOnlyDictionary<string, object?>>(r.Records[0]["map"])["k"]);
    }

    [Fact]
    public async Task Range_Should_BeMaterialised_When_Returned()
    {
        await using var db = GraphDatabase.CreateInMemory();
        var r = await db.Q("RETURN range(1, 5) AS r, {r: range(1, 3)} AS m", mode: AccessMode.Read);
        Assert.Equal([1L, 2L, 3L, 4L, 5L], Assert.IsType<List<object?>>(r.Records[0]["r"]));
        Assert.Equal([1L, 2L, 3L], Assert.IsType<List<object?>>(Assert.IsAssignableFrom<IReadOnlyDictionary<string, object?>>(r.Records[0]["m"])["r"]));
    }

    [Fact]
    public void ToClient_Should_AllocateNothing_When_TheValueIsPlain()
    {
        // Plain values never touch the context (null here): converting them must not cost an allocation either, since
        // every value of every result passes through (a closure did, per value, before the path case moved out).
        KnowledgeGraph.Cypher.Runtime.ExecContext ctx = null!;
        object number = 42L;
        for (var i = 0; i < 10; i++) KnowledgeGraph.Cypher.Runtime.Output.ToClient("warm", ctx);
        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < 100; i++)
        {
            KnowledgeGraph.Cypher.Runtime.Output.ToClient("text", ctx);
            KnowledgeGraph.Cypher.Runtime.Output.ToClient(number, ctx);
        }
        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
    }
}
