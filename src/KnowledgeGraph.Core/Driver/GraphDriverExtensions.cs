namespace KnowledgeGraph.Driver;

/// <summary>A fully read result: keys, every record, and the summary.</summary>
public sealed record EagerResult(IReadOnlyList<string> Keys, IReadOnlyList<Record> Records, ResultSummary Summary);

/// <summary>Conveniences over <see cref="IGraphDriver"/> that read a whole result at once.</summary>
public static class GraphDriverExtensions
{
    /// <summary>Runs one auto-commit query in a fresh session and reads the whole result.</summary>
    public static async Task<EagerResult> ExecuteQueryAsync(
        this IGraphDriver driver,
        string query,
        IReadOnlyDictionary<string, object?>? parameters = null,
        AccessMode accessMode = AccessMode.Write,
        TransactionConfig? config = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(driver);
        await using var session = driver.OpenSession(new SessionOptions { AccessMode = accessMode });
        var result = await session.RunAsync(query, parameters, config, cancellationToken).ConfigureAwait(false);
        return await result.ToEagerAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Reads every remaining record and the summary.</summary>
    public static async Task<EagerResult> ToEagerAsync(this IQueryResult result, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(result);
        var records = new List<Record>();
        await foreach (var record in result.WithCancellation(cancellationToken).ConfigureAwait(false))
            records.Add(record);
        var summary = await result.ConsumeAsync(cancellationToken).ConfigureAwait(false);
        return new EagerResult(result.Keys, records, summary);
    }

    /// <summary>Runs statements in one explicit transaction and commits; any failure rolls everything back.</summary>
    public static async Task<IReadOnlyList<EagerResult>> ExecuteInTransactionAsync(
        this IGraphDriver driver,
        IEnumerable<(string Query, IReadOnlyDictionary<string, object?>? Parameters)> statements,
        TransactionConfig? config = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(driver);
        ArgumentNullException.ThrowIfNull(statements);
        await using var session = driver.OpenSession();
        await using var tx = await session.BeginTransactionAsync(config, cancellationToken).ConfigureAwait(false);
        var results = new List<EagerResult>();
        foreach (var (query, parameters) in statements)
        {
            var result = await tx.RunAsync(query, parameters, cancellationToken).ConfigureAwait(false);
            results.Add(await result.ToEagerAsync(cancellationToken).ConfigureAwait(false));
        }
        await tx.CommitAsync(cancellationToken).ConfigureAwait(false);
        return results;
    }
}
