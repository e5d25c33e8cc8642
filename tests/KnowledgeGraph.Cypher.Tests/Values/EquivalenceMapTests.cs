using KnowledgeGraph.Cypher.Values;
using KnowledgeGraph.Driver;

namespace KnowledgeGraph.Cypher.Tests.Values;

/// <summary>Grouping equivalence of maps (the engine's own dictionaries take a path of their own): key order does not
/// matter, 1 and 1.0 are equivalent, null with null, NaN with NaN, a missing key differs from a null value, and equal
/// maps hash alike.</summary>
public sealed class EquivalenceMapTests
{
    private static Dictionary<string, object?> Map(params (string Key, object? Value)[] entries) =>
        entries.ToDictionary(e => e.Key, e => e.Value, StringComparer.Ordinal);

    [Fact]
    public void Equivalence_Should_GroupMaps_When_TheirEntriesAreEquivalentInAnyOrder()
    {
        var e = Equivalence.Instance;
        (Dictionary<string, object?> A, Dictionary<string, object?> B, bool Same)[] cases =
        [
            (Map(("a", 1L), ("b", 2L)), Map(("b", 2L), ("a", 1L)), true),
            (Map(("a", 1L)), Map(("a", 1.0)), true),
            (Map(("a", null)), Map(("a", null)), true),
            (Map(("a", new List<object?> { double.NaN })), Map(("a", new List<object?> { double.NaN })), true),
            (Map(("a", null)), Map(), false),
            (Map(("a", null)), Map(("b", null)), false),
            (Map(("a", 1L)), Map(("a", "1")), false),
            (Map(("a", 1L)), Map(("a", 1L), ("b", 1L)), false),
        ];
        foreach (var (a, b, same) in cases)
        {
            Assert.Equal(same, e.Equals(a, b));
            Assert.Equal(same, e.Equals(b, a));
            // The engine's dictionary against another map type holding the same entries.
            Assert.Equal(same, e.Equals(a, (IReadOnlyDictionary<string, object?>)new SortedDictionary<string, object?>(b, StringComparer.Ordinal)));
            if (same) Assert.Equal(e.GetHashCode(a), e.GetHashCode(b));
        }
    }

    [Fact]
    public async Task Grouping_Should_CountEquivalentMapsTogether_When_Planned()
    {
        await using var db = GraphDatabase.CreateInMemory();
        var r = await db.Q("""
            UNWIND [{a: 1}, {a: 1.0}, {a: null}, {a: null}, {b: [0.0 / 0.0]}, {b: [0.0 / 0.0]}, {a: 1, b: 2}, {b: 2, a: 1}, {a: 2}, {}] AS m
            RETURN m, count(*) AS n
            """, mode: AccessMode.Read);
        Assert.Equal([2L, 2L, 2L, 2L, 1L, 1L], r.Column("n"));
    }
}
