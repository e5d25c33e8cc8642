using KnowledgeGraph.Storage.Indexes;
using KnowledgeGraph.Storage.Model;

namespace KnowledgeGraph.Storage.Mvcc;

/// <summary>
/// The primitive changes a writer, log replay and the bulk loader apply to a forked version. They keep every
/// derived structure (label/type bitmaps, counts, adjacency, indexes) consistent; argument validation is the
/// caller's job, so replay applies exactly what was validated before it was logged.
/// </summary>
internal sealed partial class GraphVersion
{
    public void CreateNode(long id, int[] sortedLabels, PropertyBag properties)
    {
        ref var node = ref Nodes.GetMutable(id);
        node = new NodeEntry { Exists = true, LabelSet = LabelSets.Intern(sortedLabels), Properties = properties.Count == 0 ? null : properties };
        if (id >= NextNodeId) NextNodeId = id + 1;
        NodeCount++;
        foreach (var label in sortedLabels)
        {
            LabelCounts[label]++;
            Bitmap.Set(MutableLabelBits(label), id, true);
        }

        if (properties.Count > 0 && Indexes.Length > 0)
        {
            foreach (var index in Indexes)
            {
                if (Array.BinarySearch(sortedLabels, index.LabelToken) < 0) continue;
                if (properties.Get(index.KeyToken) is { } value) IndexAdd(index, value, id);
            }
        }

        FulltextNode(id);
    }

    /// <summary>Creates a relationship; with <paramref name="deferAdjacency"/> the caller builds adjacency later in bulk.</summary>
    public void CreateRelationship(long id, int type, long start, long end, PropertyBag properties, bool deferAdjacency = false)
    {
        ref var rel = ref Rels.GetMutable(id);
        rel = new RelEntry { Exists = true, Type = type, Start = start, End = end, Properties = properties.Count == 0 ? null : properties };
        if (id >= NextRelId) NextRelId = id + 1;
        RelCount++;
        TypeCounts[type]++;
        Bitmap.Set(MutableTypeBits(type), id, true);
        FulltextRelationship(id);
        if (deferAdjacency) return;
        if (start == end)
        {
            PendingBuilder(start).Add(AdjacencyPacking.Key(type, AdjacencyPacking.Loop), id);
            return;
        }

        PendingBuilder(start).Add(AdjacencyPacking.Key(type, AdjacencyPacking.Outgoing), id);
        PendingBuilder(end).Add(AdjacencyPacking.Key(type, AdjacencyPacking.Incoming), id);
    }

    /// <summary>Sets (or, with null, removes) a node property; returns the previous value.</summary>
    public object? SetNodeProperty(long id, int key, object? value)
    {
        ref var node = ref Nodes.GetMutable(id);
        var bag = node.Properties ?? PropertyBag.Empty;
        var old = bag.Get(key);
        bag = value is null ? bag.Without(key) : bag.With(key, value);
        node.Properties = bag.Count == 0 ? null : bag;
        NodeKeyStamps = Stamp(NodeKeyStamps, key);
        if (Indexes.Length > 0)
        {
            var labels = LabelSets.Get(node.LabelSet);
            foreach (var index in Indexes)
            {
                if (index.KeyToken != key || Array.BinarySearch(labels, index.LabelToken) < 0) continue;
                if (old is not null) index.Remove(old, id);
                if (value is not null) IndexAdd(index, value, id);
            }
        }

        FulltextNode(id, key);
        return old;
    }

    public object? SetRelationshipProperty(long id, int key, object? value)
    {
        ref var rel = ref Rels.GetMutable(id);
        var bag = rel.Properties ?? PropertyBag.Empty;
        var old = bag.Get(key);
        bag = value is null ? bag.Without(key) : bag.With(key, value);
        rel.Properties = bag.Count == 0 ? null : bag;
        FulltextRelationship(id, key);
        return old;
    }

    public bool AddLabel(long id, int label)
    {
        ref var node = ref Nodes.GetMutable(id);
        var before = node.LabelSet;
        node.LabelSet = LabelSets.WithLabel(before, label);
        if (node.LabelSet == before) return false;
        LabelStamps = Stamp(LabelStamps, label);
        LabelCounts[label]++;
        Bitmap.Set(MutableLabelBits(label), id, true);
        foreach (var index in Indexes)
        {
            if (index.LabelToken == label && node.Properties?.Get(index.KeyToken) is { } value) IndexAdd(index, value, id);
        }

        FulltextNode(id, label: label);
        return true;
    }

    public bool RemoveLabel(long id, int label)
    {
        ref var node = ref Nodes.GetMutable(id);
        var before = node.LabelSet;
        node.LabelSet = LabelSets.WithoutLabel(before, label);
        if (node.LabelSet == before) return false;
        LabelStamps = Stamp(LabelStamps, label);
        LabelCounts[label]--;
        Bitmap.Set(MutableLabelBits(label), id, false);
        foreach (var index in Indexes)
        {
            if (index.LabelToken == label && node.Properties?.Get(index.KeyToken) is { } value) index.Remove(value, id);
        }

        FulltextNode(id, label: label);
        return true;
    }

    public void DeleteRelationship(long id)
    {
        ref var rel = ref Rels.GetMutable(id);
        if (!rel.Exists) return;
        rel.Exists = false;
        rel.Properties = null;
        RelCount--;
        TypeCounts[rel.Type]--;
        Bitmap.Set(MutableTypeBits(rel.Type), id, false);
        FulltextRelationship(id);
        if (rel.Start == rel.End)
        {
            PendingBuilder(rel.Start).Remove(AdjacencyPacking.Key(rel.Type, AdjacencyPacking.Loop), id);
            return;
        }

        PendingBuilder(rel.Start).Remove(AdjacencyPacking.Key(rel.Type, AdjacencyPacking.Outgoing), id);
        PendingBuilder(rel.End).Remove(AdjacencyPacking.Key(rel.Type, AdjacencyPacking.Incoming), id);
    }

    /// <summary>Deletes a node (its relationships must be gone by commit; the writer checks that).</summary>
    public void DeleteNode(long id)
    {
        ref var node = ref Nodes.GetMutable(id);
        if (!node.Exists) return;
        var labels = LabelSets.Get(node.LabelSet);
        foreach (var label in labels)
        {
            LabelCounts[label]--;
            Bitmap.Set(MutableLabelBits(label), id, false);
        }

        foreach (var index in Indexes)
        {
            if (Array.BinarySearch(labels, index.LabelToken) >= 0 && node.Properties?.Get(index.KeyToken) is { } value)
            {
                index.Remove(value, id);
            }
        }

        node.Exists = false;
        node.LabelSet = 0;
        node.Properties = null;
        NodeCount--;
        DeletedNodes?.Add(id);
        FulltextNode(id);
    }

    /// <summary>The writable adjacency of a node for the open transaction.</summary>
    public AdjacencyBuilder PendingBuilder(long nodeId)
    {
        var pending = PendingAdjacency ?? throw new InvalidOperationException("The version is frozen.");
        if (!pending.TryGetValue(nodeId, out var builder))
        {
            builder = new AdjacencyBuilder(Nodes.Get(nodeId).Adjacency);
            pending.Add(nodeId, builder);
        }

        return builder;
    }

    // ---- schema ----

    /// <summary>Removes the indexes while a bulk load runs (they are rebuilt once at the end).</summary>
    public IndexState[] SuspendIndexes()
    {
        var indexes = Indexes;
        Indexes = [];
        _suspendedFulltext = FulltextIndexes;
        FulltextIndexes = [];
        return indexes;
    }

    /// <summary>Rebuilds suspended indexes from the current data.</summary>
    public void RestoreIndexes(IndexState[] suspended)
    {
        Indexes = suspended.Select(i => BuildIndex(i.Descriptor)).ToArray();
        FulltextIndexes = (_suspendedFulltext ?? []).Select(i => BuildFulltextIndex(i.Descriptor)).ToArray();
        _suspendedFulltext = null;
    }

    public void AddIndex(IndexState index)
    {
        Indexes = [.. Indexes, index];
    }

    public void RemoveIndex(string name)
    {
        Indexes = Indexes.Where(i => i.Descriptor.Name != name).ToArray();
        FulltextIndexes = FulltextIndexes.Where(i => i.Descriptor.Name != name).ToArray();
    }

    public void AddConstraint(ConstraintDescriptor constraint) => Constraints = [.. Constraints, constraint];

    public void RemoveConstraint(string name) => Constraints = Constraints.Where(c => c.Name != name).ToArray();

    /// <summary>Builds the entries of a new index from the nodes currently carrying the label (backfill).</summary>
    public IndexState BuildIndex(IndexDescriptor descriptor)
    {
        var label = GetOrCreateLabel(descriptor.Label);
        var key = GetOrCreateKey(descriptor.Property);
        var builder = IndexState.EmptySet.ToBuilder();
        if (LabelBitmap(label) is { } bits)
        {
            foreach (var nodeId in Bitmap.Enumerate(bits, NextNodeId))
            {
                if (Nodes.Get(nodeId).Properties?.Get(key) is { } value && IndexState.Holds(descriptor.Type, value)) builder.Add(new IndexEntry(value, nodeId));
            }
        }

        return new IndexState(descriptor, label, key, builder.ToImmutable());
    }

    private void IndexAdd(IndexState index, object value, long nodeId)
    {
        if (index.Add(value, nodeId) && index.IsUnique) UniqueChecks?.Add((index, value, nodeId));
    }
}
