using KnowledgeGraph.Storage.Admin;
using KnowledgeGraph.Storage.Indexes;
using KnowledgeGraph.Storage.Mvcc;
using KnowledgeGraph.Storage.Transactions;
using KnowledgeGraph.Storage.Values;

namespace KnowledgeGraph.Storage;

/// <summary>
/// The consistency checker: scans one snapshot and cross-checks what the store keeps twice — the node and
/// relationship counts and per-label/type counts against a scan, every relationship's end nodes (dangling
/// relationships), the adjacency lists against the relationships, every (label, property) index against the nodes
/// it covers, and uniqueness constraints against their index. File-level damage (checksums of the checkpoint and
/// the log, a log that lost acknowledged transactions) is found by opening the store, which verifies every record.
/// </summary>
public sealed partial class GraphStore
{
    private const int MaxReportedProblems = 100;

    /// <summary>Checks the latest durable snapshot; safe while readers and writers run (the snapshot is immutable).</summary>
    public ConsistencyReport CheckConsistency(CancellationToken ct = default)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        var v = _published;
        var problems = new List<string>();
        void Problem(string text)
        {
            if (problems.Count < MaxReportedProblems) problems.Add(text);
            else if (problems.Count == MaxReportedProblems) problems.Add("… more problems not listed");
        }

        var labelCounts = new long[v.LabelTokens.Count];
        var typeCounts = new long[v.TypeTokens.Count];
        long nodes = 0, rels = 0, dangling = 0;
        for (long id = 0; id < v.NextNodeId; id++)
        {
            if ((id & 0xFFFF) == 0) ct.ThrowIfCancellationRequested();
            var node = v.Nodes.Get(id);
            if (!node.Exists) continue;
            nodes++;
            foreach (var label in v.LabelsOf(node))
            {
                if ((uint)label < (uint)labelCounts.Length) labelCounts[label]++;
                else Problem($"node {id} has label token {label}, which is not defined");
            }
        }

        var seenOut = new HashSet<long>();
        var seenIn = new HashSet<long>();
        using (var reader = new ReadTransaction(this, v))
        {
            for (long id = 0; id < v.NextRelId; id++)
            {
                if ((id & 0xFFFF) == 0) ct.ThrowIfCancellationRequested();
                var rel = v.Rels.Get(id);
                if (!rel.Exists) continue;
                rels++;
                if ((uint)rel.Type < (uint)typeCounts.Length) typeCounts[rel.Type]++;
                else Problem($"relationship {id} has type token {rel.Type}, which is not defined");
                if (!v.NodeExists(rel.Start) || !v.NodeExists(rel.End))
                {
                    dangling++;
                    Problem($"relationship {id} is dangling: its {(v.NodeExists(rel.Start) ? "end" : "start")} node {(v.NodeExists(rel.Start) ? rel.End : rel.Start)} does not exist");
                }
            }

            for (long id = 0; id < v.NextNodeId; id++)
            {
                if (!v.NodeExists(id)) continue;
                foreach (var r in reader.GetRelationships(id, Direction.Outgoing))
                {
                    if (r.StartNodeId != id || !seenOut.Add(r.Id)) Problem($"node {id}'s outgoing adjacency lists relationship {r.Id} wrongly or twice");
                }

                foreach (var r in reader.GetRelationships(id, Direction.Incoming))
                {
                    if (r.EndNodeId != id || !seenIn.Add(r.Id)) Problem($"node {id}'s incoming adjacency lists relationship {r.Id} wrongly or twice");
                }
            }
        }

        if (seenOut.Count != rels || seenIn.Count != rels)
        {
            Problem($"adjacency lists hold {seenOut.Count} outgoing and {seenIn.Count} incoming relationships, the relationship store {rels}");
        }

        if (nodes != v.NodeCount) Problem($"the node count says {v.NodeCount}, the scan found {nodes}");
        if (rels != v.RelCount) Problem($"the relationship count says {v.RelCount}, the scan found {rels}");
        var labels = new Dictionary<string, long>(StringComparer.Ordinal);
        for (var i = 0; i < labelCounts.Length; i++)
        {
            var name = v.LabelTokens.Name(i);
            var kept = i < v.LabelCounts.Length ? v.LabelCounts[i] : 0;
            if (kept != labelCounts[i]) Problem($"the count of :{name} says {kept}, the scan found {labelCounts[i]}");
            if (labelCounts[i] > 0) labels[name] = labelCounts[i];
        }

        var types = new Dictionary<string, long>(StringComparer.Ordinal);
        for (var i = 0; i < typeCounts.Length; i++)
        {
            var name = v.TypeTokens.Name(i);
            var kept = i < v.TypeCounts.Length ? v.TypeCounts[i] : 0;
            if (kept != typeCounts[i]) Problem($"the count of [:{name}] says {kept}, the scan found {typeCounts[i]}");
            if (typeCounts[i] > 0) types[name] = typeCounts[i];
        }

        foreach (var index in v.Indexes) CheckIndex(v, index, Problem, ct);
        return new ConsistencyReport
        {
            TransactionId = v.TxId,
            Nodes = nodes,
            Relationships = rels,
            Labels = labels,
            Types = types,
            Indexes = v.Indexes.Length,
            Constraints = v.Constraints.Length,
            DanglingRelationships = dangling,
            Problems = problems,
        };
    }

    /// <summary>Every node with the index's label and property is in the index with its value, the index holds
    /// nothing else, and a unique index holds no value twice.</summary>
    private static void CheckIndex(GraphVersion v, IndexState index, Action<string> problem, CancellationToken ct)
    {
        var name = index.Descriptor.Name;
        long expected = 0;
        for (long id = 0; id < v.NextNodeId; id++)
        {
            if ((id & 0xFFFF) == 0) ct.ThrowIfCancellationRequested();
            var node = v.Nodes.Get(id);
            if (!node.Exists || Array.IndexOf(v.LabelsOf(node), index.LabelToken) < 0) continue;
            if (node.Properties?.Get(index.KeyToken) is not { } value || !IndexState.Holds(index.Descriptor.Type, value)) continue;
            expected++;
            if (!index.Entries.Contains(new IndexEntry(value, id))) problem($"index {name} lacks node {id} (value {value})");
        }

        if (index.Entries.Count != expected) problem($"index {name} holds {index.Entries.Count} entries, the nodes it covers are {expected}");
        if (!index.IsUnique) return;
        IndexEntry? previous = null;
        foreach (var entry in index.Entries)
        {
            if (previous is { } p && ValueOrder.ValueEquals(p.Value, entry.Value))
            {
                problem($"constraint {index.Descriptor.OwningConstraint} is violated: nodes {p.NodeId} and {entry.NodeId} share the value {entry.Value}");
            }

            previous = entry;
        }
    }
}
