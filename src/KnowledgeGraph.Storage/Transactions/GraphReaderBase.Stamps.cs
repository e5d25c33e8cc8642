namespace KnowledgeGraph.Storage.Transactions;

/// <summary>
/// Stamps for ordered-neighbour caches (<see cref="IAdjacencyStamps"/>). Only <see cref="ReadTransaction"/>
/// declares the interface: it reads a published, immutable version, while a writer's fork is still moving.
/// </summary>
internal abstract partial class GraphReaderBase
{
    public object? AdjacencyIdentity(long nodeId)
    {
        var v = V;
        if (v.PendingAdjacency is not null || (ulong)nodeId >= (ulong)v.NextNodeId) return null;
        return v.Nodes.Get(nodeId).Adjacency;
    }

    public long NodePropertyStamp(string key)
    {
        var v = V;
        return v.NodeKeyStamp(v.KeyToken(key));
    }

    public long NodeLabelStamp(string label)
    {
        var v = V;
        return v.LabelStamp(v.LabelToken(label));
    }
}
