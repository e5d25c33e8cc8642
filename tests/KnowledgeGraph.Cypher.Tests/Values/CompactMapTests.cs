using KnowledgeGraph.Cypher.Execution;
using KnowledgeGraph.Cypher.Runtime;
using KnowledgeGraph.Cypher.Tests.Planning;
using KnowledgeGraph.Cypher.Values;
using KnowledgeGraph.Driver;

namespace KnowledgeGraph.Cypher.Tests.Values;

/// <summary>
/// The maps compiled map literals and projections build (<see cref="CompactMap"/>: a keys array shared by every map
/// of the expression, a values array per map) must be plain Cypher maps everywhere: equal to, hashed, ordered and
/// grouped like a dictionary holding the same entries, looked up and enumerated the same way, converted for the
/// client like the engine's dictionaries, and answering every statement as the interpreter (which builds
/// dictionaries) does.
/// </summary>
public sealed class CompactMapTests
{
    // Two entries make the two-field form, any other count the array form: the cases below cover both.
    private static CompactMap Compact(params (string Key, object? Value)[] entries) =>
        CompactMap.Create([.. entries.Select(e => e.Key)], [.. entries.Select(e => e.Value)]);

    private static Dictionary<string, object?> Dict(params (string Key, object? Value)[] entries) =>
        entries.ToDictionary(e => e.Key, e => e.Value, StringComparer.Ordinal);

    [Fact]
    public void CompactMap_Should_EqualHashAndOrderAsADictionary_When_TheEntriesAreTheSame()
    {
        (string, object?)[][] maps =
        [
            [],
            [("a", 1L)],
            [("a", 1.0)],
            [("a", null)],
            [("b", 2L), ("a", 1L)],
            [("a", 1L), ("b", 2L)],
            [("a", "x"), ("b", new List<object?> { 1L, double.NaN })],
            [("key", "country:us"), ("__t", new List<object?> { "Country" })],
            [("n", Dict(("x", 1L))), ("m", 3L)],
        ];
        foreach (var x in maps)
        {
            foreach (var y in maps)
            {
                var (cx, dx, cy, dy) = (Compact(x), Dict(x), Compact(y), Dict(y));
                // Every pairing of the two types answers as two dictionaries do.
                var equal = CypherValues.Equal(dx, dy);
                Assert.Equal(equal, CypherValues.Equal(cx, dy));
                Assert.Equal(equal, CypherValues.Equal(dx, cy));
                Assert.Equal(equal, CypherValues.Equal(cx, cy));
                var equivalent = Equivalence.Instance.Equals(dx, dy);
                Assert.Equal(equivalent, Equivalence.Instance.Equals(cx, dy));
                Assert.Equal(equivalent, Equivalence.Instance.Equals(dx, cy));
                Assert.Equal(equivalent, Equivalence.Instance.Equals(cx, cy));
                var order = CypherValues.OrderCompare(dx, dy);
                Assert.Equal(order, CypherValues.OrderCompare(cx, dy));
                Assert.Equal(order, CypherValues.OrderCompare(dx, cy));
                Assert.Equal(order, CypherValues.OrderCompare(cx, cy));
            }
            Assert.Equal(Equivalence.Instance.GetHashCode(Dict(x)), Equivalence.Instance.GetHashCode(Compact(x)));
            Assert.Equal("MAP", CypherValues.TypeName(Compact(x)));
        }
    }

    [Fact]
    public void CompactMap_Should_LookUpAndEnumerateAsADictionary_When_Read()
    {
        var map = Compact(("b", 2L), ("a", null), ("c", "z"));
        var dict = Dict(("b", 2L), ("a", null), ("c", "z"));
        Assert.Equal(dict.ToList(), map.ToList());
        Assert.Equal(dict.Keys, map.Keys);
        Assert.Equal(dict.Values, map.Values);
        Assert.Equal(3, map.Count);
        // A key equal to one of the map's but another string object.
        var a = new string('a', 1);
        Assert.True(map.TryGetValue(a, out var v));
        Assert.Null(v);
        Assert.True(map.ContainsKey("c"));
        Assert.Equal("z", map["c"]);
        Assert.False(map.TryGetValue("A", out _));
        Assert.False(map.ContainsKey("d"));
        Assert.Throws<KeyNotFoundException>(() => map["d"]);
        // The two-field form reads the same way.
        var pair = Compact(("k", "x"), ("t", 1L));
        Assert.Equal(Dict(("k", "x"), ("t", 1L)).ToList(), pair.ToList());
        Assert.Equal(["x", 1L], pair.Values);
        Assert.Equal(1L, pair["t"]);
        Assert.False(pair.ContainsKey("u"));
        Assert.Equal(["x", 2L], pair.WithValues(["x", 2L]).Values);
    }

    [Fact]
    public void Fits_Should_RefuseRepeatedOrManyKeys_When_Asked()
    {
        Assert.True(CompactMap.Fits(["a", "b"]));
        Assert.True(CompactMap.Fits([]));
        Assert.False(CompactMap.Fits(["a", "b", "a"]));
        Assert.False(CompactMap.Fits([.. Enumerable.Range(0, CompactMap.MaxKeys + 1).Select(i => "k" + i)]));
    }

    private static readonly (string Query, string? Expected)[] Cases =
    [
        // Literals and projections read back by key, subscript, keys() and size.
        ("MATCH (p:P) WITH p ORDER BY p.k WITH p{.k, .n, t: labels(p)} AS m, {a: p.k, b: 1} AS l "
            + "RETURN m.k AS k, m['n'] AS n, m.t AS t, keys(m) AS ks, size(keys(l)) AS s, l['zz'] AS z, m",
            null),
        // Grouping, DISTINCT and UNION over compact maps and maps from other places (a parameter, properties()).
        ("MATCH (p:P) RETURN {k: p.g} AS m, count(*) AS c ORDER BY c, m.k", null),
        ("MATCH (p:P) WITH DISTINCT p{.g} AS m RETURN m ORDER BY m.g", null),
        ("CALL { MATCH (p:P {k: 'a'}) RETURN p{.k} AS m UNION MATCH (p:P) WHERE p.k = 'a' RETURN {k: 'a'} AS m UNION RETURN $m AS m } RETURN m",
            "m={k:'a'}"),
        ("MATCH (p:P) WHERE p{.k} = $m OR {k: p.k} = $m RETURN p.k AS k", "k='a'"),
        ("MATCH (p:P) WITH p{.k, .g} AS m WHERE m = properties(p) OR m <> $m RETURN count(*) AS c", null),
        // Ordering by maps, and maps inside lists and maps, ordered and compared.
        ("MATCH (p:P) RETURN {g: p.g, k: p.k} AS m ORDER BY m DESC", null),
        ("MATCH (p:P) WITH collect({k: p.k, inner: {g: p.g, node: p}}) AS ms RETURN ms[0].inner.node.k AS k, size(ms) AS s, ms = ms AS same", null),
        // Repeated keys, .* and many keys stay dictionaries: later entries win.
        ("MATCH (p:P {k: 'a'}) RETURN p{.k, k: 'over', .*} AS m, p{.*, k: 1} AS n", null),
        ("UNWIND [1, 2] AS x RETURN {a: x, b: 2, c: 3, d: 4, e: 5, f: 6, g: 7, h: 8, i: 9} AS m ORDER BY m.a", null),
        // A null subject.
        ("OPTIONAL MATCH (q:Missing) RETURN q{.k} AS m", "m=null"),
        ("UNWIND [null, {k: 2, j: 3}] AS x RETURN x{.k, j: x.j + 1} AS m", "m=null;m={j:4,k:2}"),
    ];

    [Fact]
    public async Task MapLiteralsAndProjections_Should_AnswerAsTheInterpreter_When_Planned()
    {
        await using var db = GraphDatabase.CreateInMemory();
        await db.Q("CREATE (:P {k: 'a', n: 1, g: 1}), (:P {k: 'b', n: 2, g: 1}), (:P {k: 'c', g: 2})");
        var parameters = new { m = new Dictionary<string, object?> { ["k"] = "a" } };
        foreach (var (query, expected) in Cases)
            await PlanComparison.AssertPlannedAsInterpreted(db, query, parameters, expected);
    }

    [Fact]
    public async Task ClientValues_Should_BeReadOnlyMapsInWrittenOrder_When_AProjectionIsReturned()
    {
        await using var db = GraphDatabase.CreateInMemory();
        await db.Q("CREATE (:P {k: 'a', n: 1})");
        var result = await db.Q("MATCH (p:P) RETURN p{.n, .k, node: p, list: [p]} AS m, {z: 1, y: [2]} AS l", null, AccessMode.Read);
        var m = Assert.IsAssignableFrom<IReadOnlyDictionary<string, object?>>(result.Records[0]["m"]);
        Assert.Equal(["n", "k", "node", "list"], m.Keys);
        // Entities inside are converted for the client, as in any map.
        Assert.IsType<KnowledgeGraph.Values.GraphNode>(m["node"]);
        Assert.IsType<KnowledgeGraph.Values.GraphNode>(Assert.Single(Assert.IsAssignableFrom<IReadOnlyList<object?>>(m["list"])));
        var l = Assert.IsAssignableFrom<IReadOnlyDictionary<string, object?>>(result.Records[0]["l"]);
        Assert.Equal(["z", "y"], l.Keys);
        Assert.Equal(1L, l["z"]);
    }

    [Fact]
    public void ToClient_Should_HandOverACompactMap_When_NothingInsideNeedsConverting()
    {
        var map = Compact(("a", 1L), ("b", new List<object?> { "x" }));
        var ctx = ExecContextForTests();
        Assert.Same(map, Output.ToClient(map, ctx));
        var withArray = Compact(("a", new object?[] { 1L }));
        var converted = Assert.IsAssignableFrom<IReadOnlyDictionary<string, object?>>(Output.ToClient(withArray, ctx));
        Assert.NotSame(withArray, converted);
        Assert.IsType<List<object?>>(converted["a"]);
        // Host procedures get their own copies of shared arrays inside maps.
        var own = Assert.IsAssignableFrom<IReadOnlyDictionary<string, object?>>(Assert.Single(Output.OwnLists([withArray])));
        Assert.NotSame(withArray["a"], own["a"]);
        Assert.Equal((object?[])withArray["a"]!, (object?[])own["a"]!);
    }

    // No store is read: the maps hold no entities.
    private static ExecContext ExecContextForTests() =>
        new(null!, null, new Dictionary<string, object?>(), null!, null, default, DateTimeOffset.UtcNow) { Subqueries = SubqueryRunner.Instance };
}
