using KnowledgeGraph.Cypher.Tck.Values;
using KnowledgeGraph.Temporal;
using KnowledgeGraph.Values;

namespace KnowledgeGraph.Cypher.Tck.Tests;

public class TckValueComparerTests
{
    private static readonly IReadOnlyDictionary<string, object?> NoProperties = new Dictionary<string, object?>();

    private static bool Matches(string expected, object? actual, bool ignoreListOrder = false) =>
        TckValueComparer.Matches(TckValueParser.Parse(expected), actual, ignoreListOrder);

    private static GraphNode Node(long id, string[] labels, IReadOnlyDictionary<string, object?>? properties = null) =>
        new(id, $"4:x:{id}", labels, properties ?? NoProperties);

    private static GraphRelationship Rel(long id, long from, long to, string type, IReadOnlyDictionary<string, object?>? properties = null) =>
        new(id, $"5:x:{id}", from, $"4:x:{from}", to, $"4:x:{to}", type, properties ?? NoProperties);

    [Fact]
    public void Matches_Should_NotEquateIntegersAndFloats()
    {
        Assert.True(Matches("1", 1L));
        Assert.False(Matches("1", 1.0));
        Assert.False(Matches("1.0", 1L));
        Assert.True(Matches("1.0", 1.0));
        Assert.False(Matches("1", 1));
    }

    [Fact]
    public void Matches_Should_CompareFloatsWithTolerance_When_OnlyTheLastDigitsDiffer()
    {
        Assert.True(Matches("0.30000000000000004", 0.1 + 0.2));
        Assert.True(Matches("0.3", 0.30000000000000004));
        Assert.False(Matches("0.3", 0.3001));
        Assert.True(Matches("NaN", double.NaN));
        Assert.False(Matches("NaN", 1.0));
        Assert.True(Matches("-Inf", double.NegativeInfinity));
        Assert.False(Matches("Inf", double.MaxValue));
    }

    [Fact]
    public void Matches_Should_CompareStringsExactly()
    {
        Assert.True(Matches("'a'", "a"));
        Assert.False(Matches("'a'", "A"));
        Assert.False(Matches("'1'", 1L));
        Assert.False(Matches("null", "null"));
        Assert.True(Matches("null", null));
    }

    [Fact]
    public void Matches_Should_RespectListOrder_Unless_Ignored()
    {
        IReadOnlyList<object?> list = [2L, 1L, 1L];
        Assert.False(Matches("[1, 1, 2]", list));
        Assert.True(Matches("[1, 1, 2]", list, ignoreListOrder: true));
        Assert.False(Matches("[1, 2, 2]", list, ignoreListOrder: true));
        Assert.True(Matches("[2, 1, 1]", list));
        Assert.False(Matches("[2, 1]", list));
    }

    [Fact]
    public void Matches_Should_CompareMapsByKeysAndValues()
    {
        var map = new Dictionary<string, object?> { ["a"] = 1L, ["b"] = null };
        Assert.True(Matches("{b: null, a: 1}", map));
        Assert.False(Matches("{a: 1}", map));
        Assert.False(Matches("{a: 1, c: null}", map));
    }

    [Fact]
    public void Matches_Should_CompareNodesByLabelSetAndProperties()
    {
        var node = Node(7, ["B", "A"], new Dictionary<string, object?> { ["name"] = "x" });
        Assert.True(Matches("(:A:B {name: 'x'})", node));
        Assert.False(Matches("(:A {name: 'x'})", node));
        Assert.False(Matches("(:A:B)", node));
        Assert.False(Matches("(:A:B {name: 'y'})", node));
    }

    [Fact]
    public void Matches_Should_CompareRelationshipsByTypeAndProperties()
    {
        var rel = Rel(1, 1, 2, "KNOWS", new Dictionary<string, object?> { ["since"] = 2001L });
        Assert.True(Matches("[:KNOWS {since: 2001}]", rel));
        Assert.False(Matches("[:KNOWS]", rel));
        Assert.False(Matches("[:LIKES {since: 2001}]", rel));
    }

    [Fact]
    public void Matches_Should_CheckPathDirections()
    {
        var a = Node(1, ["A"]);
        var b = Node(2, ["B"]);
        var forward = new GraphPath([a, b], [Rel(10, 1, 2, "T")]);
        var backward = new GraphPath([a, b], [Rel(10, 2, 1, "T")]);
        Assert.True(Matches("<(:A)-[:T]->(:B)>", forward));
        Assert.False(Matches("<(:A)<-[:T]-(:B)>", forward));
        Assert.True(Matches("<(:A)<-[:T]-(:B)>", backward));
        Assert.False(Matches("<(:B)-[:T]->(:A)>", forward));
        Assert.True(Matches("<(:A)>", new GraphPath([a], [])));
    }

    [Fact]
    public void Matches_Should_CompareTemporalValuesByTheirText()
    {
        Assert.True(Matches("'1970-01-02'", new CypherDate(1)));
        Assert.False(Matches("'1970-01-03'", new CypherDate(1)));
        Assert.True(Matches("['1970-01-01', 'P1D']", (IReadOnlyList<object?>)[new CypherDate(0), new CypherDuration(0, 1, 0, 0)]));
        Assert.False(Matches("'1970-01-01'", "1970-01-01T00:00"));
    }

    [Fact]
    public void MultisetMatches_Should_PairEachItemOnce()
    {
        Assert.True(TckValueComparer.MultisetMatches<int, int>([1, 2, 2], [2, 1, 2], (x, y) => x == y));
        Assert.False(TckValueComparer.MultisetMatches<int, int>([1, 1, 2], [2, 1, 2], (x, y) => x == y));
    }

    [Fact]
    public void ValueText_Should_WriteEngineValuesInTckSyntax()
    {
        var a = Node(1, ["A"], new Dictionary<string, object?> { ["name"] = "it's" });
        var b = Node(2, [], new Dictionary<string, object?>());
        var path = new GraphPath([a, b], [Rel(3, 2, 1, "T", new Dictionary<string, object?> { ["w"] = 1.5 })]);
        Assert.Equal("<(:A {name: 'it\\'s'})<-[:T {w: 1.5}]-()>", ValueText.OfActual(path));
        IReadOnlyList<object?> list = [1L, 2.0, null, true, double.NaN];
        Assert.Equal("[1, 2.0, null, true, NaN]", ValueText.OfActual(list));
    }
}
