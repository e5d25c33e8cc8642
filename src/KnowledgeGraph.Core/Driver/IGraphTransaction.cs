namespace KnowledgeGraph.Driver;

/// <summary>An explicit transaction. Disposing without commit rolls back.</summary>
public interface IGraphTransaction : IAsyncDisposable
{
    /// <summary>Runs a query inside the transaction; it sees the transaction's own earlier writes.</summary>
    Task<IQueryResult> RunAsync(
        string query,
        IReadOnlyDictionary<string, object?>? parameters = null,
        CancellationToken cancellationToken = default);

    /// <summary>Commits; returns only once the commit is durable.</summary>
    Task CommitAsync(CancellationToken cancellationToken = default);

    /// <summary>Rolls back; leaves no trace.</summary>
    Task RollbackAsync(CancellationToken cancellationToken = default);
}
