namespace KnowledgeGraph.Storage;

/// <summary>
/// Counting a node's neighbours by label without materialising relationships: what
/// <see cref="IGraphReader.GetRelationships"/> followed by <see cref="IGraphReader.HasLabel(long, string)"/> on each other end
/// would count, read straight from the adjacency and the label sets. Implemented by the store's own readers (read
/// and write transactions, so a writer's uncommitted relationships and labels count); other readers do not offer it.
/// </summary>
public interface INeighbourLabelCounts
{
    /// <summary>
    /// The number of relationships of <paramref name="type"/> in <paramref name="direction"/> of the node whose other
    /// end (the node itself for a self-loop, counted once) has <paramref name="label"/>; 0 when the type or the
    /// label does not exist. Throws as <see cref="IGraphReader.GetRelationships"/> does for a missing node.
    /// </summary>
    long CountNeighboursWithLabel(long nodeId, Direction direction, string type, string label);
}
