using KnowledgeGraph.Storage.Model;
using KnowledgeGraph.Storage.Mvcc;
using KnowledgeGraph.Storage.Values;

namespace KnowledgeGraph.Storage.Transactions;

/// <summary>Data changes: validate, log, apply.</summary>
internal sealed partial class WriteTransaction
{
    public long CreateNode(IEnumerable<string> labels, IReadOnlyDictionary<string, object?>? properties = null)
    {
        ArgumentNullException.ThrowIfNull(labels);
        var v = V;
        var labelNames = new List<string>();
        foreach (var label in labels)
        {
            ArgumentException.ThrowIfNullOrEmpty(label, nameof(labels));
            if (!labelNames.Contains(label)) labelNames.Add(label);
        }

        var props = NormalizeProperties(properties);
        var id = v.NextNodeId;
        var tokens = new int[labelNames.Count];
        for (var i = 0; i < tokens.Length; i++) tokens[i] = v.GetOrCreateLabel(labelNames[i]);
        Array.Sort(tokens);
        var bag = ToBag(v, props);
        _log?.CreateNode(id, labelNames, props);
        _touched?.Nodes.Add(id);
        v.CreateNode(id, tokens, bag);
        return id;
    }

    public long CreateRelationship(long startNodeId, long endNodeId, string type, IReadOnlyDictionary<string, object?>? properties = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(type);
        var v = V;
        Node(v, startNodeId);
        Node(v, endNodeId);
        var props = NormalizeProperties(properties);
        var id = v.NextRelId;
        var token = v.GetOrCreateType(type);
        var bag = ToBag(v, props);
        _log?.CreateRelationship(id, type, startNodeId, endNodeId, props);
        _touched?.Relationships.Add(id);
        v.CreateRelationship(id, token, startNodeId, endNodeId, bag);
        return id;
    }

    public bool SetNodeProperty(long nodeId, string key, object? value)
    {
        ArgumentException.ThrowIfNullOrEmpty(key);
        var v = V;
        var node = Node(v, nodeId);
        var normalized = value is null ? null : PropertyValues.Normalize(value);
        var token = normalized is null ? v.KeyToken(key) : v.GetOrCreateKey(key);
        var old = token >= 0 ? node.Properties?.Get(token) : null;
        if (SameStoredValue(old, normalized)) return false;
        _log?.SetProperty(true, nodeId, key, normalized);
        _touched?.Nodes.Add(nodeId);
        v.SetNodeProperty(nodeId, token, normalized);
        return true;
    }

    public bool SetRelationshipProperty(long relationshipId, string key, object? value)
    {
        ArgumentException.ThrowIfNullOrEmpty(key);
        var v = V;
        var rel = Rel(v, relationshipId);
        var normalized = value is null ? null : PropertyValues.Normalize(value);
        var token = normalized is null ? v.KeyToken(key) : v.GetOrCreateKey(key);
        var old = token >= 0 ? rel.Properties?.Get(token) : null;
        if (SameStoredValue(old, normalized)) return false;
        _log?.SetProperty(false, relationshipId, key, normalized);
        _touched?.Relationships.Add(relationshipId);
        v.SetRelationshipProperty(relationshipId, token, normalized);
        return true;
    }

    public bool AddLabel(long nodeId, string label)
    {
        ArgumentException.ThrowIfNullOrEmpty(label);
        var v = V;
        var node = Node(v, nodeId);
        var token = v.LabelToken(label);
        if (token >= 0 && Array.BinarySearch(v.LabelsOf(node), token) >= 0) return false;
        token = v.GetOrCreateLabel(label);
        _log?.Label(true, nodeId, label);
        _touched?.Nodes.Add(nodeId);
        return v.AddLabel(nodeId, token);
    }

    public bool RemoveLabel(long nodeId, string label)
    {
        ArgumentException.ThrowIfNullOrEmpty(label);
        var v = V;
        var node = Node(v, nodeId);
        var token = v.LabelToken(label);
        if (token < 0 || Array.BinarySearch(v.LabelsOf(node), token) < 0) return false;
        _log?.Label(false, nodeId, label);
        _touched?.Nodes.Add(nodeId);
        return v.RemoveLabel(nodeId, token);
    }

    public int DeleteNode(long nodeId, bool detach)
    {
        var v = V;
        if (!v.NodeExists(nodeId))
        {
            // Deleting twice in one transaction is a no-op, as in Neo4j; an id that never existed is an error.
            if (v.DeletedNodes?.Contains(nodeId) == true) return 0;
            throw NodeNotFound(nodeId);
        }

        var deleted = 0;
        if (detach)
        {
            var relationships = Expand(v, nodeId, Direction.Both, null).Select(r => r.Id).ToList();
            foreach (var relId in relationships)
            {
                _log?.Delete(false, relId);
                _touched?.Relationships.Add(relId);
                v.DeleteRelationship(relId);
                deleted++;
            }
        }

        _log?.Delete(true, nodeId);
        _touched?.Nodes.Add(nodeId);
        v.DeleteNode(nodeId);
        return deleted;
    }

    public void DeleteRelationship(long relationshipId)
    {
        var v = V;
        if (!v.RelExists(relationshipId))
        {
            if ((ulong)relationshipId < (ulong)v.NextRelId) return;
            throw RelationshipNotFound(relationshipId);
        }

        _log?.Delete(false, relationshipId);
        _touched?.Relationships.Add(relationshipId);
        v.DeleteRelationship(relationshipId);
    }

    private static List<KeyValuePair<string, object>> NormalizeProperties(IReadOnlyDictionary<string, object?>? properties)
    {
        var result = new List<KeyValuePair<string, object>>(properties?.Count ?? 0);
        if (properties is null) return result;
        foreach (var (key, value) in properties)
        {
            ArgumentException.ThrowIfNullOrEmpty(key, nameof(properties));
            if (value is not null) result.Add(new(key, PropertyValues.Normalize(value)));
        }

        return result;
    }

    private static PropertyBag ToBag(GraphVersion v, List<KeyValuePair<string, object>> properties)
    {
        if (properties.Count == 0) return PropertyBag.Empty;
        var pairs = new List<KeyValuePair<int, object>>(properties.Count);
        foreach (var (key, value) in properties) pairs.Add(new(v.GetOrCreateKey(key), value));
        return PropertyBag.From(pairs);
    }

    /// <summary>Same type and same value (so 1 replacing 1.0 counts as a change).</summary>
    private static bool SameStoredValue(object? old, object? value)
    {
        if (old is null || value is null) return old is null && value is null;
        if (old.GetType() != value.GetType()) return false;
        if (old is object[] a && value is object[] b && a.Length > 0 && b.Length > 0 && a[0].GetType() != b[0].GetType()) return false;
        return ValueOrder.Instance.Compare(old, value) == 0 && !ValueOrder.IsNaN(old);
    }
}
