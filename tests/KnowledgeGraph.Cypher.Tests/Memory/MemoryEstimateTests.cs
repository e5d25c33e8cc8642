using KnowledgeGraph.Cypher.Memory;
using KnowledgeGraph.Cypher.Values;

namespace KnowledgeGraph.Cypher.Tests.Memory;

/// <summary>
/// The size estimates the transaction memory limit charges (<see cref="MemoryEstimate"/>): fixed per kind of value,
/// one level deep for lists and maps, and the same for a row whether it is read as a slot array or as a list.
/// </summary>
public sealed class MemoryEstimateTests
{
    [Fact]
    public void Of_Should_ChargeAScalar_When_TheValueIsABoxedNumberBooleanOrEntity()
    {
        foreach (var v in new object[] { 5L, 1.5, true, new NodeValue(1), new RelValue(2, "T", 1, 3) })
            Assert.Equal(MemoryEstimate.Scalar + 8, MemoryEstimate.Of(v));
        Assert.Equal(8, MemoryEstimate.Of(null));
    }

    [Fact]
    public void Of_Should_CountElements_When_TheValueIsAListOrMap()
    {
        Assert.Equal(28, MemoryEstimate.Of("ab"));
        Assert.Equal(MemoryEstimate.List(2), MemoryEstimate.Of(new List<object?> { 1L, 2L }));
        Assert.Equal(MemoryEstimate.List(3), MemoryEstimate.Of(new object?[] { 1L, null, "x" }));
        Assert.Equal(MemoryEstimate.Map(3), MemoryEstimate.Of(new Dictionary<string, object?> { ["a"] = 1L, ["b"] = 2L, ["c"] = null }));
        Assert.Equal(48, MemoryEstimate.Of(new LongRange(0, 1_000_000, 1)));
    }

    [Fact]
    public void Row_Should_ChargeListsAsReferences_And_AgreeForArraysAndLists()
    {
        var values = new object?[] { 1L, "ab", new List<object?> { 1L, 2L, 3L }, null, new NodeValue(7) };
        // 64 per row, 16 per slot, then the value: 32 for a scalar, 28 for "ab", 40 for any list, 8 for null.
        const long expected = 64 + (16 + 32) + (16 + 28) + (16 + 40) + (16 + 8) + (16 + 32);
        Assert.Equal(expected, MemoryEstimate.Row(values));
        Assert.Equal(expected, MemoryEstimate.Row((IReadOnlyList<object?>)values.ToList()));
    }
}
