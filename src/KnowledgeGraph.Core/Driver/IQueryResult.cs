namespace KnowledgeGraph.Driver;

/// <summary>
/// A streamed result. Records can be enumerated once; <see cref="ConsumeAsync"/> discards what is left and
/// returns the summary. Errors raised while streaming surface from the enumerator as <see cref="Errors.GraphException"/>.
/// </summary>
public interface IQueryResult : IAsyncEnumerable<Record>
{
    /// <summary>Column names as Neo4j names them (<c>n.name</c>, <c>count(*)</c>).</summary>
    IReadOnlyList<string> Keys { get; }

    /// <summary>Discards the remaining records and returns the summary.</summary>
    Task<ResultSummary> ConsumeAsync(CancellationToken cancellationToken = default);
}
