using KnowledgeGraph.GraphQL.Model;
using KnowledgeGraph.GraphQL.Schema;

namespace KnowledgeGraph.GraphQL.Tests;

/// <summary>
/// The values nested resolvers hand to GraphQL: what the engine built is read in place, not copied or enumerated
/// through boxed enumerators, for every projected node of a response (a page of paths has about fifty).
/// </summary>
public sealed class ResolverValueTests
{
    private static Dictionary<string, object?> Node(params object?[] labels) => new(StringComparer.Ordinal)
    {
        ["key"] = "country:us",
        ["__t"] = labels.ToList(),
    };

    [Fact]
    public void LabelOf_Should_NameTheFirstModelLabel_When_TheNodeHasOtherLabelsToo()
    {
        Assert.Equal("Country", Resolvers.LabelOf(Node("Imported", "Country"), KgModel.Default));
        Assert.Equal("Country", Resolvers.LabelOf(new Dictionary<string, object?> { ["__t"] = "Country" }, KgModel.Default));
        Assert.Equal("Country", Resolvers.LabelOf(new Dictionary<string, object?> { ["__t"] = new[] { "Imported", "Country" } }, KgModel.Default));
        Assert.Null(Resolvers.LabelOf(Node("Imported"), KgModel.Default));
        Assert.Null(Resolvers.LabelOf(new Dictionary<string, object?> { ["key"] = "x" }, KgModel.Default));
    }

    [Fact]
    public void LabelOf_Should_AllocateNothing_When_TheLabelsAreTheEnginesList()
    {
        var node = Node("Imported", "Country");
        Assert.Equal("Country", Resolvers.LabelOf(node, KgModel.Default)); // warm up
        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < 100; i++) Resolvers.LabelOf(node, KgModel.Default);
        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
    }

    [Fact]
    public void ToGraphQLValue_Should_HandOverTheEnginesList_When_NoItemNeedsConverting()
    {
        var nodes = new List<object?> { Node("Country"), Node("Person"), "text", 3L, 1.5, true, null, new List<object?> { "nested", 4L } };
        Assert.Same(nodes, Resolvers.ToGraphQLValue(nodes));
    }

    [Fact]
    public void ToGraphQLValue_Should_KeepTheEnginesBoxedLong_When_GivenALong()
    {
        object boxed = 7L;
        Assert.Same(boxed, Resolvers.ToGraphQLValue(boxed));
    }

    [Fact]
    public void ToGraphQLValue_Should_ConvertACopy_When_AnItemIsATemporalValue()
    {
        var when = new DateOnly(2025, 8, 15);
        var inner = new List<object?> { when };
        var values = new List<object?> { "a", 3L, inner };
        var converted = Assert.IsType<List<object?>>(Resolvers.ToGraphQLValue(values));
        Assert.NotSame(values, converted);
        Assert.Equal("a", converted[0]);
        Assert.Equal(3L, converted[1]);
        Assert.Equal([when.ToString()], Assert.IsType<List<object?>>(converted[2]));
        // The engine's lists are left as they were.
        Assert.Same(inner, values[2]);
        Assert.Equal(when, inner[0]);
    }
}
