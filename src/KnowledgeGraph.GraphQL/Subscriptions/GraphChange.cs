namespace KnowledgeGraph.GraphQL.Subscriptions;

/// <summary>What happened to an entity or a relationship (Neo4j CDC's c/u/d).</summary>
public enum ChangeOperation
{
    /// <summary>Created.</summary>
    Created,

    /// <summary>Properties or labels changed.</summary>
    Updated,

    /// <summary>Deleted.</summary>
    Deleted,
}

/// <summary>
/// One change event as read from <c>db.cdc.query</c>, reduced to what the subscriptions need: the entity's key (the
/// <c>key</c> property, from the event's keys or state), labels or type, endpoints and the before/after properties.
/// </summary>
internal sealed record GraphChange
{
    public required bool IsNode { get; init; }
    public required ChangeOperation Operation { get; init; }
    public required string ElementId { get; init; }

    /// <summary>Node: its key. Relationship: null.</summary>
    public string? Key { get; init; }

    /// <summary>Node labels (after the change, or before a deletion).</summary>
    public IReadOnlyList<string> Labels { get; init; } = [];

    /// <summary>Relationship type.</summary>
    public string? Type { get; init; }

    public string? StartKey { get; set; }
    public string? EndKey { get; set; }
    public string? StartElementId { get; init; }
    public string? EndElementId { get; init; }
    public IReadOnlyList<string> StartLabels { get; init; } = [];
    public IReadOnlyList<string> EndLabels { get; init; } = [];
    public IReadOnlyDictionary<string, object?>? Before { get; init; }
    public IReadOnlyDictionary<string, object?>? After { get; init; }

    /// <summary>Property keys whose value differs between before and after.</summary>
    public IReadOnlyList<string> ChangedProperties { get; init; } = [];

    /// <summary>The state that describes the entity now (after, or before a deletion).</summary>
    public IReadOnlyDictionary<string, object?> Current => After ?? Before ?? new Dictionary<string, object?>();
}

/// <summary>The changes of one committed transaction, in commit order, with its sequence number (the transaction id)
/// and the change identifier to resume after it.</summary>
internal sealed record ChangeBatch(long Sequence, string Cursor, IReadOnlyList<GraphChange> Changes);
