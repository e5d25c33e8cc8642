namespace KnowledgeGraph.Driver;

/// <summary>A logical session: a sequence of auto-commit queries and explicit transactions, one at a time.</summary>
public interface IGraphSession : IAsyncDisposable
{
    /// <summary>Runs one auto-commit query. The transaction commits once the result has been consumed.</summary>
    Task<IQueryResult> RunAsync(
        string query,
        IReadOnlyDictionary<string, object?>? parameters = null,
        TransactionConfig? config = null,
        CancellationToken cancellationToken = default);

    /// <summary>Begins an explicit transaction; only one may be open per session.</summary>
    Task<IGraphTransaction> BeginTransactionAsync(
        TransactionConfig? config = null,
        CancellationToken cancellationToken = default);

    /// <summary>The bookmark of the last transaction this session committed, if any.</summary>
    string? LastBookmark { get; }
}
