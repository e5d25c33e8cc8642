using KnowledgeGraph.Cypher.Values;

namespace KnowledgeGraph.Cypher.Tests.Values;

/// <summary>ORDER BY's comparison with its fast paths for two integers, two strings and two doubles: the same
/// answers as the general path (NaN after every number, an integer before an equal double, strings by ordinal).</summary>
public sealed class OrderCompareFastPathTests
{
    [Theory]
    [InlineData(1L, 2L, -1)]
    [InlineData(2L, 1L, 1)]
    [InlineData(long.MinValue, long.MaxValue, -1)]
    [InlineData(7L, 7L, 0)]
    [InlineData("a", "b", -1)]
    [InlineData("b", "B", 1)]
    [InlineData("é", "e", 1)]
    [InlineData("x", "x", 0)]
    [InlineData(1.5, 2.5, -1)]
    [InlineData(-0.0, 0.0, 0)]
    [InlineData(double.NaN, 1.0, 1)]
    [InlineData(1.0, double.NaN, -1)]
    [InlineData(double.NaN, double.NaN, 0)]
    [InlineData(double.PositiveInfinity, double.NaN, -1)]
    [InlineData(1L, 1.0, -1)]
    [InlineData(1.0, 1L, 1)]
    [InlineData(2L, 1.5, 1)]
    [InlineData("1", 1L, -1)]
    [InlineData(1L, null, -1)]
    [InlineData(null, "a", 1)]
    public void OrderCompare_Should_OrderAsCypher_When_BothKeysAreCommonTypes(object? a, object? b, int expected)
    {
        Assert.Equal(expected, Math.Sign(CypherValues.OrderCompare(a, b)));
        Assert.Equal(-expected, Math.Sign(CypherValues.OrderCompare(b, a)));
    }
}
