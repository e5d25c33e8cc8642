namespace KnowledgeGraph.GraphQL.Subscriptions;

/// <summary>What one subscription event carries: the transaction's sequence number, the cursor to resume after it,
/// and the changes of that transaction the subscription selects.</summary>
internal sealed record ChangeEventPayload(long Sequence, string Cursor, IReadOnlyList<GraphChange> Changes)
{
    /// <summary><c>factsAbout</c>: the entity.</summary>
    public string? Key { get; init; }

    /// <summary><c>pathsChanged</c>: node changes that touched the query.</summary>
    public IReadOnlyList<GraphChange> EntityChanges { get; init; } = [];

    /// <summary><c>pathsChanged</c>: the re-evaluated <c>paths</c> result (a connection page).</summary>
    public object? Paths { get; init; }
}
