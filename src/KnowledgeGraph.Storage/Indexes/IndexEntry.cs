using KnowledgeGraph.Storage.Values;

namespace KnowledgeGraph.Storage.Indexes;

/// <summary>One index entry: a property value and the node holding it. Entries sort by value then node id.</summary>
internal readonly record struct IndexEntry(object Value, long NodeId);

internal sealed class IndexEntryComparer : IComparer<IndexEntry>
{
    public static readonly IndexEntryComparer Instance = new();

    public int Compare(IndexEntry x, IndexEntry y)
    {
        var c = ValueOrder.Instance.Compare(x.Value, y.Value);
        return c != 0 ? c : x.NodeId.CompareTo(y.NodeId);
    }
}
