namespace KnowledgeGraph.Storage.Model;

/// <summary>
/// One node slot (24 bytes). <see cref="Adjacency"/> is the packed, immutable adjacency of the node
/// (see <see cref="AdjacencyPacking"/>); null when the node has no relationships.
/// </summary>
internal struct NodeEntry
{
    public int LabelSet;
    public bool Exists;
    public PropertyBag? Properties;
    public long[]? Adjacency;
}

/// <summary>One relationship slot (32 bytes).</summary>
internal struct RelEntry
{
    public long Start;
    public long End;
    public int Type;
    public bool Exists;
    public PropertyBag? Properties;
}
