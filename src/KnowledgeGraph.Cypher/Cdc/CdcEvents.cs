using KnowledgeGraph.Storage.Changes;
using KnowledgeGraph.Temporal;
using static KnowledgeGraph.Cypher.Runtime.Output;

namespace KnowledgeGraph.Cypher.Cdc;

/// <summary>Neo4j's change event shapes (FULL capture mode) built from the store's commit stream.</summary>
internal static class CdcEvents
{
    public static string Operation(ChangeOperation op) => op switch
    {
        ChangeOperation.Created => "c",
        ChangeOperation.Updated => "u",
        _ => "d",
    };

    public static Dictionary<string, object?> Metadata(CommittedChanges tx, string databaseId) => new(StringComparer.Ordinal)
    {
        ["captureMode"] = "FULL",
        ["databaseId"] = databaseId,
        ["serverId"] = null,
        ["executingUser"] = "",
        ["authenticatedUser"] = "",
        ["connectionType"] = null,
        ["connectionClient"] = null,
        ["connectionServer"] = null,
        ["txStartTime"] = DateTime(tx.StartTime),
        ["txCommitTime"] = DateTime(tx.CommitTime),
        ["txMetadata"] = new Dictionary<string, object?>(),
    };

    public static Dictionary<string, object?> Event(EntityChange change) => change switch
    {
        NodeChange n => new(StringComparer.Ordinal)
        {
            ["elementId"] = n.ElementId,
            ["eventType"] = "n",
            ["operation"] = Operation(n.Operation),
            ["labels"] = n.Labels.Cast<object?>().ToList(),
            ["keys"] = Keys(n.Keys),
            ["state"] = new Dictionary<string, object?>
            {
                ["before"] = NodeState(n.Before),
                ["after"] = NodeState(n.After),
            },
        },
        RelationshipChange r => new(StringComparer.Ordinal)
        {
            ["elementId"] = r.ElementId,
            ["eventType"] = "r",
            ["operation"] = Operation(r.Operation),
            ["type"] = r.Type,
            ["start"] = Endpoint(r.Start),
            ["end"] = Endpoint(r.End),
            // No relationship key constraints on this engine.
            ["keys"] = new List<object?>(),
            ["state"] = new Dictionary<string, object?>
            {
                ["before"] = r.Before is null ? null : new Dictionary<string, object?> { ["properties"] = Properties(r.Before) },
                ["after"] = r.After is null ? null : new Dictionary<string, object?> { ["properties"] = Properties(r.After) },
            },
        },
        _ => throw new ArgumentOutOfRangeException(nameof(change)),
    };

    private static Dictionary<string, object?>? NodeState(NodeState? state) => state is null ? null : new(StringComparer.Ordinal)
    {
        ["labels"] = state.Labels.Cast<object?>().ToList(),
        ["properties"] = Properties(state.Properties),
    };

    private static Dictionary<string, object?> Endpoint(NodeReference node) => new(StringComparer.Ordinal)
    {
        ["elementId"] = node.ElementId,
        ["labels"] = node.Labels.Cast<object?>().ToList(),
        ["keys"] = Keys(node.Keys),
    };

    private static Dictionary<string, object?> Keys(IReadOnlyDictionary<string, IReadOnlyList<IReadOnlyDictionary<string, object>>> keys)
    {
        var result = new Dictionary<string, object?>(StringComparer.Ordinal);
        foreach (var (label, maps) in keys) result[label] = maps.Select(m => (object?)Properties(m)).ToList();
        return result;
    }

    private static Dictionary<string, object?> Properties(IReadOnlyDictionary<string, object> props)
    {
        var d = new Dictionary<string, object?>(props.Count, StringComparer.Ordinal);
        foreach (var (k, v) in props) d[k] = FromStored(v);
        return d;
    }

    private static CypherDateTime DateTime(DateTimeOffset t)
    {
        var ticks = t.UtcTicks - DateTimeOffset.UnixEpoch.UtcTicks;
        return new CypherDateTime(Math.DivRem(ticks, TimeSpan.TicksPerSecond, out var rest), (int)(rest * 100), 0, null);
    }
}
