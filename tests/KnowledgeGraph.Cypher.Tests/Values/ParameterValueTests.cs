using KnowledgeGraph.Cypher.Runtime;

namespace KnowledgeGraph.Cypher.Tests.Values;

/// <summary>
/// Parameters enter the engine as its own copies (ints as longs, maps with ordinal keys), whatever list or map type
/// the host passed; a copy costs the copied list or map and nothing else, since every statement a host runs (each
/// GraphQL request) copies its parameters.
/// </summary>
public sealed class ParameterValueTests
{
    [Fact]
    public void FromClient_Should_CopyListsAndMapsIntoEngineValues_When_TheHostPassesItsOwnTypes()
    {
        var names = new List<string> { "a", "b" };
        var weights = new Dictionary<string, object?>(StringComparer.OrdinalIgnoreCase) { ["x"] = 1, ["y"] = 0.5f };
        var nested = new object?[] { 1, new[] { 2, 3 }, null };

        var list = Assert.IsType<List<object?>>(Output.FromClient(names));
        Assert.Equal(["a", "b"], list);
        var map = Assert.IsType<Dictionary<string, object?>>(Output.FromClient(weights));
        Assert.Same(StringComparer.Ordinal, map.Comparer);
        Assert.Equal(1L, map["x"]);
        Assert.Equal(0.5, map["y"]);
        var deep = Assert.IsType<List<object?>>(Output.FromClient(nested));
        Assert.Equal(1L, deep[0]);
        Assert.Equal([2L, 3L], Assert.IsType<List<object?>>(deep[1]));
        Assert.Null(deep[2]);
        // Copies: the host's values are left as they were.
        names.Add("c");
        Assert.Equal(2, list.Count);
    }

    [Fact]
    public void FromClient_Should_AllocateOnlyTheCopy_When_AListParameterIsCopied()
    {
        var names = new List<object?> { "confirmed", "reported", "claimed" };
        for (var i = 0; i < 10; i++) Output.FromClient(names); // warm up
        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < 100; i++) Output.FromClient(names);
        var bytes = (GC.GetAllocatedBytesForCurrentThread() - before) / 100;
        // A List<object?> (32 bytes) and its array of three (48 bytes); LINQ's iterators and closures came to ~250 more.
        Assert.True(bytes <= 96, $"{bytes} bytes");
    }

    [Fact]
    public void FromClient_Should_AllocateOnlyTheCopy_When_AMapParameterIsCopied()
    {
        var weights = new Dictionary<string, object?> { ["confirmed"] = 1.0, ["reported"] = 0.8, ["claimed"] = 0.6 };
        for (var i = 0; i < 10; i++) Output.FromClient(weights); // warm up
        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < 100; i++) Output.FromClient(weights);
        var bytes = (GC.GetAllocatedBytesForCurrentThread() - before) / 100;
        // The dictionary (80 bytes), its buckets (3 ints: 40) and entries (3 of 24: 96); LINQ added closures and delegates.
        Assert.True(bytes <= 240, $"{bytes} bytes");
    }
}
