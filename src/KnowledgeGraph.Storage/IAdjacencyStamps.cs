namespace KnowledgeGraph.Storage;

/// <summary>
/// What a cache of a node's neighbours, ordered by neighbour properties, needs to know to stay exact across
/// snapshots. Implemented by read transactions of the embedded store only: a writer's adjacency and properties are still
/// changing, so callers read its adjacency as usual.
/// </summary>
public interface IAdjacencyStamps
{
    /// <summary>
    /// An object that is the same reference in two snapshots exactly when the node's relationships did not change
    /// between them (the packed adjacency of a published version); null when the node has no relationships.
    /// </summary>
    object? AdjacencyIdentity(long nodeId);

    /// <summary>
    /// A stamp that is equal in two snapshots when no node's <paramref name="key"/> property was set or removed
    /// between them (compare stamps only between snapshots of one store).
    /// </summary>
    long NodePropertyStamp(string key);

    /// <summary>A stamp that is equal in two snapshots when no existing node gained or lost
    /// <paramref name="label"/> between them.</summary>
    long NodeLabelStamp(string label);
}
