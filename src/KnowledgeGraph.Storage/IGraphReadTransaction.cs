namespace KnowledgeGraph.Storage;

/// <summary>
/// A read transaction: a snapshot of the last durable commit at the time it began. Readers never block writers and
/// never see part of a transaction. Dispose it when done (it holds no lock; disposing lets the snapshot be freed).
/// </summary>
public interface IGraphReadTransaction : IGraphReader, IDisposable
{
}
