using System.Diagnostics;
using KnowledgeGraph.Cypher.Diagnostics;
using KnowledgeGraph.Driver;

namespace KnowledgeGraph.Cypher.Session;

/// <summary>
/// A result over engine rows. Rows are converted to records (entity snapshots) as they are pulled. When the
/// source is exhausted, <c>onComplete(true)</c> runs (auto-commit: commit); a failure runs <c>onComplete(false)</c>.
/// </summary>
internal sealed class EmbeddedResult : IQueryResult, ITracedResult
{
    private readonly IEnumerable<Record> _source;
    private readonly StatementEnd _end;
    private readonly long _started;
    private System.Diagnostics.Activity? _span;
    private long _spanStarted;
    private bool _traced;
    private bool _enumerated;
    private bool _completed;
    private Exception? _failure;

    /// <param name="keys">The result's column names.</param>
    /// <param name="source">The records, converted as they are pulled.</param>
    /// <param name="end">Builds the summary and ends the statement's transaction, if it must.</param>
    /// <param name="started">The statement's start, a <see cref="Stopwatch.GetTimestamp"/> (the summary's times count from it).</param>
    public EmbeddedResult(IReadOnlyList<string> keys, IEnumerable<Record> source, StatementEnd end, long started)
    {
        Keys = keys;
        _source = source;
        _end = end;
        _started = started;
    }

    public IReadOnlyList<string> Keys { get; }

    public TimeSpan AvailableAfter { get; set; }

    /// <summary>The transaction a streaming result runs in, told when the reader's token fires.</summary>
    public TxState? Transaction { get; init; }

    public async IAsyncEnumerator<Record> GetAsyncEnumerator(CancellationToken cancellationToken = default)
    {
        if (_enumerated) throw new InvalidOperationException("A result can only be enumerated once.");
        _enumerated = true;
        // The statement runs inside MoveNext, possibly for long inside one row: a token given only to the enumeration
        // (not to RunAsync) must reach the engine's checks too.
        using var cancelling = Transaction is { } tx && cancellationToken.CanBeCanceled ? cancellationToken.Register(static t => ((TxState)t!).CancelRunning(), tx) : default;
        IEnumerator<Record>? e = null;
        try
        {
            e = _source.GetEnumerator();
            while (true)
            {
                bool has;
                try
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    has = e.MoveNext();
                }
                catch (Exception ex)
                {
                    await FailAsync(ex).ConfigureAwait(false);
                    throw StatementRunner.Wrap(ex);
                }
                if (!has) break;
                yield return e.Current;
            }
            await CompleteAsync().ConfigureAwait(false);
        }
        finally
        {
            if (e is not null)
            {
                e.Dispose();
                // The statement's operators are disposed and run no more: what it leased goes back to its pools.
                Statement?.Finish();
            }
            if (!_completed && _failure is null)
                await CompleteAsync().ConfigureAwait(false);
        }
    }

    public bool Completed => _completed;

    /// <summary>The streaming statement's context, finished (<see cref="Runtime.ExecContext.Finish"/>) once its rows'
    /// enumeration is disposed; null when the rows were read before the result was made.</summary>
    internal Runtime.ExecContext? Statement { get; init; }

    /// <summary>Telemetry: the statement's span (and start) ends when the result completes, fails or is abandoned.</summary>
    public void TraceUntilFinished(System.Diagnostics.Activity? span, long started)
    {
        (_span, _spanStarted, _traced) = (span, started, true);
    }

    /// <summary>Once, when the result completes (true) or fails or is abandoned (false).</summary>
    private void Finished(bool ok)
    {
        if (_traced) CypherTelemetry.End(_span, _spanStarted, ok, null);
    }

    /// <summary>Releases the transaction of a result nobody will read further (rolls back a read snapshot).</summary>
    public async Task AbandonAsync()
    {
        if (_completed) return;
        _completed = true;
        Finished(false);
        await _end.CompleteAsync(false).ConfigureAwait(false);
    }

    private async Task FailAsync(Exception ex)
    {
        _failure = ex;
        if (_completed) return;
        _completed = true;
        Finished(false);
        await _end.CompleteAsync(false).ConfigureAwait(false);
    }

    private async Task CompleteAsync()
    {
        if (_completed) return;
        _completed = true;
        Finished(true);
        await _end.CompleteAsync(true).ConfigureAwait(false);
    }

    public async Task<ResultSummary> ConsumeAsync(CancellationToken cancellationToken = default)
    {
        if (_failure is not null) throw StatementRunner.Wrap(_failure);
        if (!_enumerated)
        {
            await foreach (var _ in this.WithCancellation(cancellationToken).ConfigureAwait(false)) { }
        }
        else if (!_completed)
        {
            await CompleteAsync().ConfigureAwait(false);
        }
        if (_failure is not null) throw StatementRunner.Wrap(_failure);
        return _end.Summary(AvailableAfter, Stopwatch.GetElapsedTime(_started));
    }
}
