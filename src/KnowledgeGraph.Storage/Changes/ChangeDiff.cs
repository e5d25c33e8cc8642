using KnowledgeGraph.Storage.Mvcc;
using KnowledgeGraph.Storage.Transactions;
using KnowledgeGraph.Storage.Values;
using KnowledgeGraph.Storage.Wal;

namespace KnowledgeGraph.Storage.Changes;

/// <summary>
/// Net changes of a transaction: the touched entities read from the version it started from and the version it
/// committed. An entity created and deleted in the same transaction, or changed and changed back, yields nothing.
/// </summary>
internal static class ChangeDiff
{
    private static readonly IReadOnlyDictionary<string, IReadOnlyList<IReadOnlyDictionary<string, object>>> NoKeys =
        new Dictionary<string, IReadOnlyList<IReadOnlyDictionary<string, object>>>();

    public static CommittedChanges Compute(GraphStore store, long txId, GraphVersion beforeVersion, GraphVersion afterVersion, ChangeSet touched)
    {
        if (touched.Nodes.Count + touched.Relationships.Count < EncodedChanges.Threshold)
            return new CommittedChanges(txId, touched.StartTime, DateTimeOffset.UtcNow, Changes(store, beforeVersion, afterVersion, touched).ToList());
        // A large transaction: each change is encoded as soon as it is computed and dropped, so the window retains
        // bytes, and the objects die young (see EncodedChanges).
        // Sized for the usual change (an element id, a created relationship's endpoint bytes) so that the buffer grows
        // rarely: each doubling of a large-object-heap array is garbage a gen2 collection has to reclaim.
        var body = new ByteWriter((int)Math.Clamp((touched.Nodes.Count + touched.Relationships.Count) * 160, 64 * 1024, 64L << 20));
        var references = new Dictionary<NodeReference, (int Start, int Length)>(ReferenceEqualityComparer.Instance);
        var count = 0;
        foreach (var change in Changes(store, beforeVersion, afterVersion, touched))
        {
            ChangeCodec.WriteChange(body, change, references);
            count++;
        }
        // The buffer itself is kept unless most of it is unused (then an exact copy is cheaper to retain).
        var bytes = body.WrittenMemory;
        if (bytes.Length < body.Capacity / 2) bytes = bytes.ToArray();
        return new CommittedChanges(txId, touched.StartTime, DateTimeOffset.UtcNow, new EncodedChanges(bytes, count));
    }

    /// <summary>The net changes, nodes then relationships, each by ascending id.</summary>
    private static IEnumerable<EntityChange> Changes(GraphStore store, GraphVersion beforeVersion, GraphVersion afterVersion, ChangeSet touched)
    {
        using var before = new ReadTransaction(store, beforeVersion);
        using var after = new ReadTransaction(store, afterVersion);
        // Read once per transaction, not per entity: a bulk load touches hundreds of thousands of them, and the
        // endpoints of its relationships are the same few nodes over and over.
        var beforeConstraints = before.Constraints;
        var afterConstraints = after.Constraints;
        var endpoints = new Dictionary<long, NodeReference>();
        foreach (var id in touched.Nodes.Ordered())
        {
            var b = before.NodeExists(id) ? new NodeState(Sorted(before.GetLabels(id)), before.GetNodeProperties(id)) : null;
            var a = after.NodeExists(id) ? new NodeState(Sorted(after.GetLabels(id)), after.GetNodeProperties(id)) : null;
            if (b is null && a is null) continue;
            var changed = ChangedKeys(b?.Properties, a?.Properties);
            if (b is not null && a is not null && changed.Count == 0 && b.Labels.SequenceEqual(a.Labels, StringComparer.Ordinal)) continue;
            var op = b is null ? ChangeOperation.Created : a is null ? ChangeOperation.Deleted : ChangeOperation.Updated;
            var reader = a is null ? before : after;
            var labels = (a ?? b)!.Labels;
            yield return new NodeChange(reader.NodeElementId(id), op, labels, KeysOf(a is null ? beforeConstraints : afterConstraints, labels, (a ?? b)!.Properties), b, a) { ChangedProperties = changed };
        }

        foreach (var id in touched.Relationships.Ordered())
        {
            var existedBefore = before.RelationshipExists(id);
            var existsAfter = after.RelationshipExists(id);
            if (!existedBefore && !existsAfter) continue;
            var b = existedBefore ? before.GetRelationshipProperties(id) : null;
            var a = existsAfter ? after.GetRelationshipProperties(id) : null;
            var changed = ChangedKeys(b, a);
            if (b is not null && a is not null && changed.Count == 0) continue;
            var op = b is null ? ChangeOperation.Created : a is null ? ChangeOperation.Deleted : ChangeOperation.Updated;
            var reader = existsAfter ? after : before;
            var rel = reader.GetRelationship(id);
            yield return new RelationshipChange(reader.RelationshipElementId(id), op, rel.Type,
                Endpoint(rel.StartNodeId, after, before, afterConstraints, beforeConstraints, endpoints),
                Endpoint(rel.EndNodeId, after, before, afterConstraints, beforeConstraints, endpoints), b, a) { ChangedProperties = changed };
        }
    }

    /// <summary>An endpoint as it is after the transaction, or as it was when the transaction deleted it too.</summary>
    /// <remarks>Both versions are fixed, so one node's reference is the same for every relationship naming it.</remarks>
    private static NodeReference Endpoint(long nodeId, ReadTransaction after, ReadTransaction before,
        IReadOnlyList<ConstraintDescriptor> afterConstraints, IReadOnlyList<ConstraintDescriptor> beforeConstraints, Dictionary<long, NodeReference> known)
    {
        if (known.TryGetValue(nodeId, out var cached)) return cached;
        var isAfter = after.NodeExists(nodeId);
        var reader = isAfter ? after : before;
        var labels = Sorted(reader.GetLabels(nodeId));
        // Only the constrained keys are read: an endpoint's other properties are not part of its reference.
        var reference = new NodeReference(reader.NodeElementId(nodeId), labels,
            KeysOf(isAfter ? afterConstraints : beforeConstraints, labels, key => reader.GetNodeProperty(nodeId, key)));
        known[nodeId] = reference;
        return reference;
    }

    private static IReadOnlyDictionary<string, IReadOnlyList<IReadOnlyDictionary<string, object>>> KeysOf(
        IReadOnlyList<ConstraintDescriptor> constraints, IReadOnlyList<string> labels, IReadOnlyDictionary<string, object> properties) =>
        constraints.Count == 0 ? NoKeys : KeysOf(constraints, labels, key => properties.GetValueOrDefault(key));

    private static IReadOnlyDictionary<string, IReadOnlyList<IReadOnlyDictionary<string, object>>> KeysOf(
        IReadOnlyList<ConstraintDescriptor> constraints, IReadOnlyList<string> labels, Func<string, object?> property)
    {
        if (constraints.Count == 0) return NoKeys;
        Dictionary<string, IReadOnlyList<IReadOnlyDictionary<string, object>>>? keys = null;
        foreach (var label in labels)
        {
            List<IReadOnlyDictionary<string, object>>? forLabel = null;
            foreach (var c in constraints)
            {
                if (!string.Equals(c.Label, label, StringComparison.Ordinal) || property(c.Property) is not { } value) continue;
                (forLabel ??= []).Add(new Dictionary<string, object>(StringComparer.Ordinal) { [c.Property] = value });
            }
            if (forLabel is not null) (keys ??= new(StringComparer.Ordinal))[label] = forLabel;
        }
        return keys ?? NoKeys;
    }

    private static IReadOnlyList<string> Sorted(IReadOnlyList<string> labels)
    {
        var copy = labels.ToArray();
        Array.Sort(copy, StringComparer.Ordinal);
        return copy;
    }

    private static IReadOnlyList<string> ChangedKeys(IReadOnlyDictionary<string, object>? before, IReadOnlyDictionary<string, object>? after)
    {
        var changed = new List<string>();
        if (after is not null)
        {
            foreach (var (key, value) in after)
            {
                if (before is null || !before.TryGetValue(key, out var old) || !Same(old, value)) changed.Add(key);
            }
        }
        if (before is not null)
        {
            foreach (var key in before.Keys)
            {
                if (after is null || !after.ContainsKey(key)) changed.Add(key);
            }
        }
        changed.Sort(StringComparer.Ordinal);
        return changed;
    }

    private static bool Same(object a, object b) =>
        a.GetType() == b.GetType() && ValueOrder.Instance.Compare(a, b) == 0 && !ValueOrder.IsNaN(a);
}
