namespace KnowledgeGraph.Storage.Changes;

/// <summary>What a committed transaction did to one entity, as Neo4j's change data capture operations.</summary>
public enum ChangeOperation
{
    /// <summary>The entity did not exist before the transaction (<c>c</c>).</summary>
    Created,

    /// <summary>Its labels or properties changed (<c>u</c>).</summary>
    Updated,

    /// <summary>It no longer exists after the transaction (<c>d</c>).</summary>
    Deleted,
}

/// <summary>A node's labels and properties at one side of a change.</summary>
public sealed record NodeState(IReadOnlyList<string> Labels, IReadOnlyDictionary<string, object> Properties);

/// <summary>A relationship endpoint as a change describes it: element id, labels and logical keys.</summary>
public sealed record NodeReference(string ElementId, IReadOnlyList<string> Labels, IReadOnlyDictionary<string, IReadOnlyList<IReadOnlyDictionary<string, object>>> Keys);

/// <summary>
/// The net change of one entity in one transaction with its full before and after state (Neo4j CDC's FULL capture
/// mode). <see cref="Keys"/> are the entity's logical keys: for a node, per label, the properties of the uniqueness
/// constraints of that label it has (this engine has no node-key constraints; its uniqueness constraints play that role).
/// </summary>
public abstract record EntityChange(string ElementId, ChangeOperation Operation)
{
    /// <summary>Property keys whose value differs between before and after (every key of a created or deleted entity).</summary>
    public required IReadOnlyList<string> ChangedProperties { get; init; }
}

/// <summary>A node change; <see cref="Before"/> is null for a creation, <see cref="After"/> for a deletion.</summary>
public sealed record NodeChange(
    string ElementId,
    ChangeOperation Operation,
    IReadOnlyList<string> Labels,
    IReadOnlyDictionary<string, IReadOnlyList<IReadOnlyDictionary<string, object>>> Keys,
    NodeState? Before,
    NodeState? After) : EntityChange(ElementId, Operation);

/// <summary>A relationship change; the state maps are null where the relationship did not exist.</summary>
public sealed record RelationshipChange(
    string ElementId,
    ChangeOperation Operation,
    string Type,
    NodeReference Start,
    NodeReference End,
    IReadOnlyDictionary<string, object>? Before,
    IReadOnlyDictionary<string, object>? After) : EntityChange(ElementId, Operation);

/// <summary>The changes of one committed transaction, in a stable order (nodes, then relationships, by id).</summary>
public sealed record CommittedChanges(long TxId, DateTimeOffset StartTime, DateTimeOffset CommitTime, IReadOnlyList<EntityChange> Changes);

/// <summary>The retained window of the commit stream: every committed transaction with an id above
/// <see cref="Floor"/> and at most <see cref="Last"/> is in <see cref="Transactions"/> (those that changed data).</summary>
public sealed record ChangeWindow(long Floor, long Last, IReadOnlyList<CommittedChanges> Transactions);
