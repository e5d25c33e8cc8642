using KnowledgeGraph.Storage.Indexes;
using KnowledgeGraph.Storage.Mvcc;
using KnowledgeGraph.Storage.Values;

namespace KnowledgeGraph.Storage.Transactions;

/// <summary>Schema and index seeks.</summary>
internal abstract partial class GraphReaderBase
{
    // Both arrays are the version's own, handed out without a copy: a version replaces them and never writes into
    // them (GraphVersion), and callers see them only as read-only lists. A cached plan checks both on every run.
    public IReadOnlyList<IndexDescriptor> Indexes => V.IndexDescriptors;

    public IReadOnlyList<ConstraintDescriptor> Constraints => V.Constraints;

    public IndexDescriptor? FindIndex(string label, string property) => FindIndexState(V, label, property, IndexType.Range)?.Descriptor;

    public IndexDescriptor? FindIndex(string label, string property, IndexType type) => FindIndexState(V, label, property, type)?.Descriptor;

    public IEnumerable<long> IndexSeek(string label, string property, object value)
    {
        var v = V;
        if (!TryNormalize(value, out var key)) return [];
        if (IndexHolding(v, label, property, key) is { } index) return index.SeekEquals(key);
        return ScanLabel(v, label, property, stored => ValueOrder.ValueEquals(stored, key));
    }

    public IEnumerable<long> IndexSeekRange(string label, string property, object? lower, bool lowerInclusive, object? upper, bool upperInclusive)
    {
        var v = V;
        object? lo = null, hi = null;
        if ((lower is not null && !TryNormalize(lower, out lo)) || (upper is not null && !TryNormalize(upper, out hi))) return [];
        if (IndexHolding(v, label, property, lo ?? hi) is { } index) return IndexState.SeekRange(index.Entries, lo, lowerInclusive, hi, upperInclusive);
        var family = ValueOrder.Family(lo ?? hi);
        return ScanLabel(v, label, property, stored =>
        {
            if (lo is null && hi is null) return true;
            if (ValueOrder.Family(stored) != family || ValueOrder.IsNaN(stored)) return false;
            if (lo is not null)
            {
                var c = ValueOrder.Instance.Compare(stored, lo);
                if (c < 0 || (c == 0 && !lowerInclusive)) return false;
            }

            if (hi is not null)
            {
                var c = ValueOrder.Instance.Compare(stored, hi);
                if (c > 0 || (c == 0 && !upperInclusive)) return false;
            }

            return true;
        });
    }

    public IEnumerable<long> IndexSeekPrefix(string label, string property, string prefix)
    {
        var v = V;
        if (IndexHolding(v, label, property, prefix) is { } index) return IndexState.SeekPrefix(index.Entries, prefix);
        return ScanLabel(v, label, property, stored => stored is string s && s.StartsWith(prefix, StringComparison.Ordinal));
    }

    internal static IndexState? FindIndexState(GraphVersion v, string label, string property, IndexType type)
    {
        foreach (var index in v.Indexes)
        {
            if (index.Descriptor.Label == label && index.Descriptor.Property == property && index.Descriptor.Type == type) return index;
        }

        return null;
    }

    /// <summary>An index that holds every value of <paramref name="probe"/>'s type, so a seek through it is complete:
    /// the POINT index for a point, else the RANGE index, else the TEXT index for a string (null probe: RANGE only).</summary>
    private static IndexState? IndexHolding(GraphVersion v, string label, string property, object? probe) => probe switch
    {
        KnowledgeGraph.Spatial.CypherPoint => FindIndexState(v, label, property, IndexType.Point) ?? FindIndexState(v, label, property, IndexType.Range),
        string => FindIndexState(v, label, property, IndexType.Range) ?? FindIndexState(v, label, property, IndexType.Text),
        _ => FindIndexState(v, label, property, IndexType.Range),
    };

    private static bool TryNormalize(object value, out object normalized)
    {
        try
        {
            normalized = PropertyValues.Normalize(value);
            return true;
        }
        catch (Errors.GraphException)
        {
            normalized = value;
            return false;
        }
    }

    /// <summary>Fallback when no index exists: label scan and filter (correct, but proportional to the label).</summary>
    private static IEnumerable<long> ScanLabel(GraphVersion v, string label, string property, Func<object, bool> predicate)
    {
        var bits = v.LabelBitmap(v.LabelToken(label));
        var key = v.KeyToken(property);
        if (bits is null || key < 0) yield break;
        foreach (var nodeId in Bitmap.Enumerate(bits, v.NextNodeId))
        {
            if (v.Nodes.Get(nodeId).Properties?.Get(key) is { } stored && predicate(stored)) yield return nodeId;
        }
    }
}
