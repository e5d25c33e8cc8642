using System.Collections.Immutable;
using KnowledgeGraph.Storage.Values;

namespace KnowledgeGraph.Storage.Indexes;

/// <summary>
/// A (label, property) index in one version: an immutable sorted set of (value, node) entries. Updates produce a
/// new set sharing most of the tree, so a version's index is a snapshot too.
/// </summary>
internal sealed class IndexState
{
    public IndexState(IndexDescriptor descriptor, int labelToken, int keyToken, ImmutableSortedSet<IndexEntry> entries)
    {
        Descriptor = descriptor;
        LabelToken = labelToken;
        KeyToken = keyToken;
        Entries = entries;
    }

    public IndexDescriptor Descriptor { get; }

    public int LabelToken { get; }

    public int KeyToken { get; }

    public bool IsUnique => Descriptor.OwningConstraint is not null;

    public ImmutableSortedSet<IndexEntry> Entries { get; private set; }

    private StringProbe? _probe;

    public static ImmutableSortedSet<IndexEntry> EmptySet { get; } = ImmutableSortedSet<IndexEntry>.Empty.WithComparer(IndexEntryComparer.Instance);

    /// <summary>A copy for a writer; it keeps the probe, which stays valid while the writer leaves the set unchanged.</summary>
    public IndexState Fork() => new(Descriptor, LabelToken, KeyToken, Entries) { _probe = Volatile.Read(ref _probe) };

    /// <summary>Adds the entry when the index's type holds the value (a POINT index skips non-points, a TEXT index
    /// non-strings); returns whether it did.</summary>
    public bool Add(object value, long nodeId)
    {
        if (!Holds(Descriptor.Type, value)) return false;
        Entries = Entries.Add(new IndexEntry(value, nodeId));
        return true;
    }

    /// <summary>Whether an index of <paramref name="type"/> holds <paramref name="value"/>.</summary>
    public static bool Holds(IndexType type, object? value) => type switch
    {
        IndexType.Point => value is KnowledgeGraph.Spatial.CypherPoint,
        IndexType.Text => value is string,
        _ => true,
    };

    public void Remove(object value, long nodeId) => Entries = Entries.Remove(new IndexEntry(value, nodeId));

    /// <summary>Nodes whose value equals <paramref name="value"/> (Cypher equality), ascending by id; strings through
    /// the set's <see cref="StringProbe"/> once it is built.</summary>
    public IEnumerable<long> SeekEquals(object value) =>
        value is string s && Probe() is { } probe && probe.TryFind(s) is { } ids ? ids : Seek(Entries, value);

    /// <summary>The probe of the current entry set (a new one when the set changed since), or null for a small set.</summary>
    private StringProbe? Probe()
    {
        var entries = Entries;
        if (entries.Count < StringProbe.MinimumEntries) return null;
        var probe = Volatile.Read(ref _probe);
        if (probe is null || !ReferenceEquals(probe.Entries, entries))
        {
            // Readers of a published version share this state: racing replacements only lose a few counted seeks.
            probe = new StringProbe(entries);
            Volatile.Write(ref _probe, probe);
        }

        return probe;
    }

    /// <summary>Nodes of <paramref name="entries"/> whose value equals <paramref name="value"/> (Cypher equality),
    /// ascending by id, found in the tree.</summary>
    public static IEnumerable<long> Seek(ImmutableSortedSet<IndexEntry> entries, object value)
    {
        if (ValueOrder.IsNaN(value)) yield break;
        var i = Start(entries, new IndexEntry(value, long.MinValue));
        for (; i < entries.Count; i++)
        {
            var e = entries[i];
            if (ValueOrder.Instance.Compare(e.Value, value) != 0) yield break;
            if (!ValueOrder.IsNaN(e.Value)) yield return e.NodeId;
        }
    }

    public static IEnumerable<long> SeekRange(ImmutableSortedSet<IndexEntry> entries, object? lower, bool lowerInclusive, object? upper, bool upperInclusive)
    {
        if (lower is null && upper is null)
        {
            foreach (var e in entries) yield return e.NodeId;
            yield break;
        }

        var family = ValueOrder.Family(lower ?? upper);
        if (lower is not null && upper is not null && ValueOrder.Family(upper) != family) yield break;
        if (ValueOrder.IsNaN(lower) || ValueOrder.IsNaN(upper)) yield break;
        var start = lower is null
            ? Start(entries, new IndexEntry(new FamilyBound(family, false), long.MinValue))
            : Start(entries, new IndexEntry(lower, lowerInclusive ? long.MinValue : long.MaxValue));
        for (var i = start; i < entries.Count; i++)
        {
            var e = entries[i];
            if (ValueOrder.Family(e.Value) != family || ValueOrder.IsNaN(e.Value)) yield break;
            if (upper is not null)
            {
                var c = ValueOrder.Instance.Compare(e.Value, upper);
                if (c > 0 || (c == 0 && !upperInclusive)) yield break;
            }

            yield return e.NodeId;
        }
    }

    public static IEnumerable<long> SeekPrefix(ImmutableSortedSet<IndexEntry> entries, string prefix)
    {
        for (var i = Start(entries, new IndexEntry(prefix, long.MinValue)); i < entries.Count; i++)
        {
            var e = entries[i];
            if (e.Value is not string s || !s.StartsWith(prefix, StringComparison.Ordinal)) yield break;
            yield return e.NodeId;
        }
    }

    private static int Start(ImmutableSortedSet<IndexEntry> entries, IndexEntry probe)
    {
        var i = entries.IndexOf(probe);
        return i >= 0 ? i : ~i;
    }
}
