namespace KnowledgeGraph.Storage;

/// <summary>
/// A write transaction: reads see its own writes. Only one is open at a time per store (writers serialize).
/// Nothing is visible to others, in memory or on disk, until <see cref="CommitAsync"/> returns.
/// Invalid values (null inside a list, heterogeneous lists, maps) throw <see cref="Errors.GraphException"/>
/// with <c>Neo.ClientError.Statement.TypeError</c>.
/// </summary>
public interface IGraphWriter : IGraphReader, IAsyncDisposable
{
    long CreateNode(IEnumerable<string> labels, IReadOnlyDictionary<string, object?>? properties = null);
    long CreateRelationship(long startNodeId, long endNodeId, string type, IReadOnlyDictionary<string, object?>? properties = null);

    /// <summary>Sets a property; a null value removes the key. Returns true when the stored value changed or was removed.</summary>
    bool SetNodeProperty(long nodeId, string key, object? value);
    bool SetRelationshipProperty(long relationshipId, string key, object? value);

    /// <summary>Returns true when the label was not there before.</summary>
    bool AddLabel(long nodeId, string label);

    /// <summary>Returns true when the label was there.</summary>
    bool RemoveLabel(long nodeId, string label);

    /// <summary>
    /// Deletes a node. With <paramref name="detach"/> its relationships go too (their count is returned);
    /// without, a node that still has relationships fails at commit with
    /// <c>Neo.ClientError.Schema.ConstraintValidationFailed</c> (as Neo4j: a later delete of those relationships in
    /// the same transaction makes it valid).
    /// </summary>
    int DeleteNode(long nodeId, bool detach);
    void DeleteRelationship(long relationshipId);

    /// <summary>Creates and backfills an index. Returns null when an equivalent one exists and
    /// <paramref name="ifNotExists"/> is set; otherwise an existing equivalent (same schema and type) or same-named one
    /// throws. A POINT index holds only the points of the property, a TEXT index only its strings.</summary>
    IndexDescriptor? CreateIndex(string? name, string label, string property, bool ifNotExists, IndexType type = IndexType.Range);
    bool DropIndex(string name, bool ifExists);

    /// <summary>Creates and backfills a fulltext index over nodes with any of <paramref name="labelsOrTypes"/> (or
    /// relationships of those types when <paramref name="relationships"/>); <paramref name="analyzer"/> null means
    /// <c>standard-no-stop-words</c>. Null when an equivalent or same-named one exists and
    /// <paramref name="ifNotExists"/> is set. <see cref="DropIndex"/> drops it.</summary>
    FulltextIndexDescriptor? CreateFulltextIndex(string? name, bool relationships, IReadOnlyList<string> labelsOrTypes, IReadOnlyList<string> properties,
        string? analyzer, bool eventuallyConsistent, bool ifNotExists);

    /// <summary>Creates a uniqueness constraint (and its index); existing duplicates make it fail.</summary>
    ConstraintDescriptor? CreateUniqueConstraint(string? name, string label, string property, bool ifNotExists);
    bool DropConstraint(string name, bool ifExists);

    /// <summary>Checks constraints, writes the log record, fsyncs (group commit allowed), then publishes.
    /// Returns the committed transaction id.</summary>
    ValueTask<long> CommitAsync(CancellationToken cancellationToken = default);

    /// <summary>Discards every change. Disposing an uncommitted writer also rolls back.</summary>
    void Rollback();
}
