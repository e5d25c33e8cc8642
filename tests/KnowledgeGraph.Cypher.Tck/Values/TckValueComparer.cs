using KnowledgeGraph.Values;

namespace KnowledgeGraph.Cypher.Tck.Values;

/// <summary>
/// Compares an expected TCK value with a value the engine returned. Nodes compare by labels and properties,
/// relationships by type and properties, paths by their sequence and directions; integers (always <see cref="long"/> in the engine's value model) never equal floats;
/// temporal values compare by their text form against the TCK's quoted string.
/// </summary>
public static class TckValueComparer
{
    /// <summary>Relative tolerance for floats whose shortest text differs (e.g. a sum in another order).</summary>
    public const double RelativeFloatTolerance = 1e-12;

    /// <summary>True when <paramref name="actual"/> matches <paramref name="expected"/>.</summary>
    /// <param name="expected">The TCK literal.</param>
    /// <param name="actual">The engine value (null, bool, long, double, string, list, map, node, relationship, path, temporal).</param>
    /// <param name="ignoreListOrder">Compare lists (at any depth) as multisets.</param>
    public static bool Matches(TckValue expected, object? actual, bool ignoreListOrder = false) => expected switch
    {
        TckNull => actual is null,
        TckBoolean b => actual is bool a && a == b.Value,
        TckInteger i => actual is long l && l == i.Value,
        TckFloat f => actual is double d && FloatsEqual(f.Value, d),
        TckString s => actual switch
        {
            string str => string.Equals(str, s.Value, StringComparison.Ordinal),
            _ when TemporalText.IsTemporal(actual) => string.Equals(TemporalText.Format(actual!), s.Value, StringComparison.Ordinal),
            _ => false,
        },
        TckList list => actual is IReadOnlyList<object?> items && ListMatches(list, items, ignoreListOrder),
        TckMap map => actual is IReadOnlyDictionary<string, object?> dict && MapMatches(map, dict, ignoreListOrder),
        TckNode node => actual is GraphNode n && NodeMatches(node, n, ignoreListOrder),
        TckRelationship rel => actual is GraphRelationship r && RelationshipMatches(rel, r, ignoreListOrder),
        TckPath path => actual is GraphPath p && PathMatches(path, p, ignoreListOrder),
        _ => false,
    };

    /// <summary>Float equality: both NaN, bit-equal, or within <see cref="RelativeFloatTolerance"/>.</summary>
    public static bool FloatsEqual(double expected, double actual)
    {
        if (double.IsNaN(expected) || double.IsNaN(actual)) return double.IsNaN(expected) && double.IsNaN(actual);
        if (expected.Equals(actual)) return true;
        if (double.IsInfinity(expected) || double.IsInfinity(actual)) return false;
        var scale = Math.Max(Math.Abs(expected), Math.Abs(actual));
        return Math.Abs(expected - actual) <= RelativeFloatTolerance * scale;
    }

    private static bool ListMatches(TckList expected, IReadOnlyList<object?> actual, bool ignoreOrder)
    {
        if (expected.Items.Count != actual.Count) return false;
        if (!ignoreOrder)
        {
            for (var i = 0; i < actual.Count; i++)
                if (!Matches(expected.Items[i], actual[i], ignoreOrder)) return false;
            return true;
        }
        return MultisetMatches(expected.Items, actual, (e, a) => Matches(e, a, ignoreOrder));
    }

    /// <summary>
    /// Pairs every expected item with a distinct actual item. Matching is an equivalence in practice, so a greedy
    /// first-fit pairing finds a perfect matching whenever one exists.
    /// </summary>
    public static bool MultisetMatches<TExpected, TActual>(
        IReadOnlyList<TExpected> expected, IReadOnlyList<TActual> actual, Func<TExpected, TActual, bool> matches)
    {
        if (expected.Count != actual.Count) return false;
        var used = new bool[actual.Count];
        foreach (var e in expected)
        {
            var found = false;
            for (var i = 0; i < actual.Count; i++)
            {
                if (used[i] || !matches(e, actual[i])) continue;
                used[i] = true;
                found = true;
                break;
            }
            if (!found) return false;
        }
        return true;
    }

    private static bool MapMatches(TckMap expected, IReadOnlyDictionary<string, object?> actual, bool ignoreOrder)
    {
        if (expected.Entries.Count != actual.Count) return false;
        foreach (var (key, value) in expected.Entries)
        {
            if (!actual.TryGetValue(key, out var a)) return false;
            if (!Matches(value, a, ignoreOrder)) return false;
        }
        return true;
    }

    private static bool NodeMatches(TckNode expected, GraphNode actual, bool ignoreOrder) =>
        expected.Labels.Count == actual.Labels.Count
        && expected.Labels.All(l => actual.Labels.Contains(l, StringComparer.Ordinal))
        && MapMatches(expected.Properties, actual.Properties, ignoreOrder);

    private static bool RelationshipMatches(TckRelationship expected, GraphRelationship actual, bool ignoreOrder) =>
        string.Equals(expected.Type, actual.Type, StringComparison.Ordinal)
        && MapMatches(expected.Properties, actual.Properties, ignoreOrder);

    private static bool PathMatches(TckPath expected, GraphPath actual, bool ignoreOrder)
    {
        if (expected.Nodes.Count != actual.Nodes.Count || expected.Relationships.Count != actual.Relationships.Count)
            return false;
        for (var i = 0; i < expected.Nodes.Count; i++)
            if (!NodeMatches(expected.Nodes[i], actual.Nodes[i], ignoreOrder)) return false;
        for (var i = 0; i < expected.Relationships.Count; i++)
        {
            var rel = actual.Relationships[i];
            if (!RelationshipMatches(expected.Relationships[i], rel, ignoreOrder)) return false;
            var (from, to) = (actual.Nodes[i].Id, actual.Nodes[i + 1].Id);
            var ok = expected.Forward[i]
                ? rel.StartNodeId == from && rel.EndNodeId == to
                : rel.StartNodeId == to && rel.EndNodeId == from;
            if (!ok) return false;
        }
        return true;
    }
}
