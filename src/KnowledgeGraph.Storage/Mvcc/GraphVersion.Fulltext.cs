using KnowledgeGraph.Storage.Indexes.Fulltext;
using KnowledgeGraph.Storage.Model;

namespace KnowledgeGraph.Storage.Mvcc;

/// <summary>
/// Fulltext index maintenance. Every primitive change that can alter what an index holds (create, property set,
/// label add/remove, delete) re-derives the entity's document from its current state, so the writer, log replay and
/// backfill can never disagree about an entity's terms.
/// </summary>
internal sealed partial class GraphVersion
{
    private FulltextIndexState[]? _suspendedFulltext;

    public FulltextIndexState[] FulltextIndexes { get; private set; } = [];

    public FulltextIndexDescriptor ApplyCreateFulltextIndex(FulltextIndexDescriptor descriptor)
    {
        FulltextIndexes = [.. FulltextIndexes, BuildFulltextIndex(descriptor)];
        return descriptor;
    }

    /// <summary>Builds (backfills) a fulltext index from the entities currently carrying its labels or types.</summary>
    public FulltextIndexState BuildFulltextIndex(FulltextIndexDescriptor descriptor)
    {
        var tokens = descriptor.LabelsOrTypes
            .Select(t => descriptor.IsRelationshipIndex ? GetOrCreateType(t) : GetOrCreateLabel(t))
            .Distinct().Order().ToArray();
        var keys = descriptor.Properties.Select(GetOrCreateKey).ToArray();
        var index = new FulltextIndexState(descriptor, tokens, keys);
        index.Build(descriptor.IsRelationshipIndex ? RelationshipDocuments(tokens) : NodeDocuments(tokens));
        return index;
    }

    private IEnumerable<(long, PropertyBag?)> NodeDocuments(int[] labels)
    {
        var seen = labels.Length > 1 ? new HashSet<long>() : null;
        foreach (var label in labels)
        {
            if (LabelBitmap(label) is not { } bits) continue;
            foreach (var id in Bitmap.Enumerate(bits, NextNodeId))
            {
                if (seen is null || seen.Add(id)) yield return (id, Nodes.Get(id).Properties);
            }
        }
    }

    private IEnumerable<(long, PropertyBag?)> RelationshipDocuments(int[] types)
    {
        foreach (var type in types)
        {
            if (TypeBitmap(type) is not { } bits) continue;
            foreach (var id in Bitmap.Enumerate(bits, NextRelId)) yield return (id, Rels.Get(id).Properties);
        }
    }

    private FulltextIndexState[] ForkFulltext()
    {
        var copy = new FulltextIndexState[FulltextIndexes.Length];
        for (var i = 0; i < copy.Length; i++) copy[i] = FulltextIndexes[i].Fork();
        return copy;
    }

    /// <summary>Re-derives a node's documents; <paramref name="key"/> limits it to indexes covering that key (−1: any).</summary>
    private void FulltextNode(long id, int key = -1, int label = -1)
    {
        if (FulltextIndexes.Length == 0) return;
        var node = Nodes.Get(id);
        var labels = node.Exists ? LabelSets.Get(node.LabelSet) : [];
        foreach (var index in FulltextIndexes)
        {
            if (index.IsRelationship || (key >= 0 && !index.CoversKey(key)) || (label >= 0 && !index.Covers(label))) continue;
            index.Set(id, node.Exists && index.CoversAny(labels) ? index.Analyze(node.Properties) : null);
        }
    }

    private void FulltextRelationship(long id, int key = -1)
    {
        if (FulltextIndexes.Length == 0) return;
        var rel = Rels.Get(id);
        foreach (var index in FulltextIndexes)
        {
            if (!index.IsRelationship || (key >= 0 && !index.CoversKey(key))) continue;
            index.Set(id, rel.Exists && index.Covers(rel.Type) ? index.Analyze(rel.Properties) : null);
        }
    }
}
