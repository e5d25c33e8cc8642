using KnowledgeGraph.Storage.Model;
using KnowledgeGraph.Storage.Mvcc;
using KnowledgeGraph.Storage.Values;

namespace KnowledgeGraph.Storage.Transactions;

/// <summary>
/// Everything <see cref="IGraphReader"/> answers, computed from one <see cref="GraphVersion"/>. A read transaction
/// wraps a published (immutable) version; a write transaction wraps its own fork, so it reads its own writes.
/// </summary>
internal abstract partial class GraphReaderBase : IGraphReader
{
    private readonly GraphStore _store;

    protected GraphReaderBase(GraphStore store, GraphVersion version)
    {
        _store = store;
        VersionUnchecked = version;
    }

    protected GraphVersion VersionUnchecked { get; }

    /// <summary>The version, after checking the transaction is still usable.</summary>
    protected GraphVersion V
    {
        get
        {
            ThrowIfUnusable();
            return VersionUnchecked;
        }
    }

    protected GraphStore Store => _store;

    protected abstract void ThrowIfUnusable();

    public long SnapshotTransactionId => V.TxId;

    public long NodeCount => V.NodeCount;

    public long RelationshipCount => V.RelCount;

    public long CountNodes(string label)
    {
        var v = V;
        var token = v.LabelToken(label);
        return token >= 0 ? v.LabelCounts[token] : 0;
    }

    public long CountRelationships(string type)
    {
        var v = V;
        var token = v.TypeToken(type);
        return token >= 0 ? v.TypeCounts[token] : 0;
    }

    public IEnumerable<long> AllNodes()
    {
        var v = V;
        return Scan(v);

        static IEnumerable<long> Scan(GraphVersion v)
        {
            var limit = v.NextNodeId;
            for (long leaf = 0; leaf * PagedArray<NodeEntry>.LeafSize < limit; leaf++)
            {
                var items = v.Nodes.GetLeaf(leaf);
                if (items is null) continue;
                for (var i = 0; i < items.Length; i++)
                {
                    if (items[i].Exists) yield return leaf * PagedArray<NodeEntry>.LeafSize + i;
                }
            }
        }
    }

    public IEnumerable<long> NodesByLabel(string label)
    {
        var v = V;
        var bits = v.LabelBitmap(v.LabelToken(label));
        return bits is null ? [] : Bitmap.Enumerate(bits, v.NextNodeId);
    }

    public IEnumerable<RelationshipRecord> AllRelationships()
    {
        var v = V;
        return Scan(v);

        static IEnumerable<RelationshipRecord> Scan(GraphVersion v)
        {
            var limit = v.NextRelId;
            for (long leaf = 0; leaf * PagedArray<RelEntry>.LeafSize < limit; leaf++)
            {
                var items = v.Rels.GetLeaf(leaf);
                if (items is null) continue;
                for (var i = 0; i < items.Length; i++)
                {
                    ref readonly var rel = ref items[i];
                    if (rel.Exists) yield return new RelationshipRecord(leaf * PagedArray<RelEntry>.LeafSize + i, v.TypeTokens.Name(rel.Type), rel.Start, rel.End);
                }
            }
        }
    }

    public IEnumerable<RelationshipRecord> RelationshipsByType(string type)
    {
        var v = V;
        var token = v.TypeToken(type);
        var bits = v.TypeBitmap(token);
        return bits is null ? [] : Bitmap.Enumerate(bits, v.NextRelId).Select(id => ToRecord(v, id));
    }

    public bool NodeExists(long nodeId) => V.NodeExists(nodeId);

    public IReadOnlyList<string> GetLabels(long nodeId)
    {
        var v = V;
        var set = v.LabelsOf(Node(v, nodeId));
        var names = new string[set.Length];
        for (var i = 0; i < set.Length; i++) names[i] = v.LabelTokens.Name(set[i]);
        return names;
    }

    public bool HasLabel(long nodeId, string label)
    {
        var v = V;
        var node = Node(v, nodeId);
        var token = v.LabelToken(label);
        return token >= 0 && Array.BinarySearch(v.LabelsOf(node), token) >= 0;
    }

    public bool HasLabel(long nodeId, TokenName label)
    {
        var v = V;
        var node = Node(v, nodeId);
        var token = label.Token(v.LabelTokens);
        // Label sets are a few tokens: a scan, no generic binary search.
        return token >= 0 && Array.IndexOf(v.LabelsOf(node), token) >= 0;
    }

    public bool HasAnyLabel(long nodeId, TokenName[] labels)
    {
        var v = V;
        var set = v.LabelsOf(Node(v, nodeId));
        foreach (var label in labels)
        {
            var token = label.Token(v.LabelTokens);
            if (token >= 0 && Array.IndexOf(set, token) >= 0) return true;
        }
        return false;
    }

    public IReadOnlyList<object?> ReadLabelsShared(long nodeId)
    {
        var v = V;
        var node = Node(v, nodeId);
        return v.LabelTokens.SetNames(node.LabelSet, v.LabelsOf(node));
    }

    public object? GetNodeProperty(long nodeId, string key)
    {
        var v = V;
        return Stored(Node(v, nodeId).Properties, v.KeyToken(key)) is { } value ? PropertyValues.ToPublic(value) : null;
    }

    public object? ReadNodePropertyShared(long nodeId, string key)
    {
        var v = V;
        return Stored(Node(v, nodeId).Properties, v.KeyToken(key)) is { } value ? PropertyValues.ToShared(value) : null;
    }

    public object? ReadNodePropertyShared(long nodeId, TokenName key)
    {
        var v = V;
        return Stored(Node(v, nodeId).Properties, key.Token(v.KeyTokens)) is { } value ? PropertyValues.ToShared(value) : null;
    }

    /// <summary>The stored value of a property key's token in a bag, or null (no bag, no such key in the store, not set).</summary>
    private static object? Stored(PropertyBag? bag, int token) => token >= 0 ? bag?.Get(token) : null;

    public IReadOnlyDictionary<string, object> GetNodeProperties(long nodeId)
    {
        var v = V;
        return ToDictionary(v, Node(v, nodeId).Properties);
    }

    public bool RelationshipExists(long relationshipId) => V.RelExists(relationshipId);

    public RelationshipRecord GetRelationship(long relationshipId)
    {
        var v = V;
        Rel(v, relationshipId);
        return ToRecord(v, relationshipId);
    }

    public object? GetRelationshipProperty(long relationshipId, string key)
    {
        var v = V;
        return Stored(Rel(v, relationshipId).Properties, v.KeyToken(key)) is { } value ? PropertyValues.ToPublic(value) : null;
    }

    public object? ReadRelationshipPropertyShared(long relationshipId, string key)
    {
        var v = V;
        return Stored(Rel(v, relationshipId).Properties, v.KeyToken(key)) is { } value ? PropertyValues.ToShared(value) : null;
    }

    public object? ReadRelationshipPropertyShared(long relationshipId, TokenName key)
    {
        var v = V;
        return Stored(Rel(v, relationshipId).Properties, key.Token(v.KeyTokens)) is { } value ? PropertyValues.ToShared(value) : null;
    }

    public IReadOnlyDictionary<string, object> GetRelationshipProperties(long relationshipId)
    {
        var v = V;
        return ToDictionary(v, Rel(v, relationshipId).Properties);
    }

    public string NodeElementId(long nodeId) => $"4:{Store.DatabaseId}:{nodeId}";

    public string RelationshipElementId(long relationshipId) => $"5:{Store.DatabaseId}:{relationshipId}";

    public bool TryParseElementId(string elementId, out bool isNode, out long id) => Store.TryParseElementId(elementId, out isNode, out id);

    public IReadOnlyCollection<string> Labels
    {
        get
        {
            var v = V;
            return Enumerable.Range(0, v.LabelTokens.Count).Where(t => v.LabelCounts[t] > 0).Select(v.LabelTokens.Name).ToArray();
        }
    }

    public IReadOnlyCollection<string> RelationshipTypes
    {
        get
        {
            var v = V;
            return Enumerable.Range(0, v.TypeTokens.Count).Where(t => v.TypeCounts[t] > 0).Select(v.TypeTokens.Name).ToArray();
        }
    }

    public IReadOnlyCollection<string> PropertyKeys => V.KeyTokens.Names.ToArray();

    // ---- helpers ----

    protected static NodeEntry Node(GraphVersion v, long nodeId)
    {
        if ((ulong)nodeId >= (ulong)v.NextNodeId) throw NodeNotFound(nodeId);
        var node = v.Nodes.Get(nodeId);
        return node.Exists ? node : throw NodeNotFound(nodeId);
    }

    protected static RelEntry Rel(GraphVersion v, long relationshipId)
    {
        if ((ulong)relationshipId >= (ulong)v.NextRelId) throw RelationshipNotFound(relationshipId);
        var rel = v.Rels.Get(relationshipId);
        return rel.Exists ? rel : throw RelationshipNotFound(relationshipId);
    }

    protected static KeyNotFoundException NodeNotFound(long id) => new($"Node with id {id} has been deleted or does not exist.");

    protected static KeyNotFoundException RelationshipNotFound(long id) => new($"Relationship with id {id} has been deleted or does not exist.");

    protected static RelationshipRecord ToRecord(GraphVersion v, long id)
    {
        var rel = v.Rels.Get(id);
        return new RelationshipRecord(id, v.TypeTokens.Name(rel.Type), rel.Start, rel.End);
    }

    private static Dictionary<string, object> ToDictionary(GraphVersion v, PropertyBag? bag)
    {
        var result = new Dictionary<string, object>(bag?.Count ?? 0, StringComparer.Ordinal);
        if (bag is null) return result;
        for (var i = 0; i < bag.Count; i++) result[v.KeyTokens.Name(bag.Keys[i])] = PropertyValues.ToPublic(bag.Values[i]);
        return result;
    }
}
