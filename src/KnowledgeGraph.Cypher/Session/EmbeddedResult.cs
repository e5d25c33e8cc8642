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
    private readonly Func<bool, Task> _onComplete;
    private readonly Func<ResultSummary> _summary;
    private readonly CancellationToken _runToken;
    private readonly Stopwatch _watch;
    private bool _started;
    private bool _completed;
    private Exception? _failure;

    public EmbeddedResult(IReadOnlyList<string> keys, IEnumerable<Record> source, Func<bool, Task> onComplete, Func<ResultSummary> summary, CancellationToken runToken, Stopwatch watch)
    {
        Keys = keys;
        _source = source;
        _onComplete = onComplete;
        _summary = summary;
        _runToken = runToken;
        _watch = watch;
    }

    public IReadOnlyList<string> Keys { get; }

    public TimeSpan AvailableAfter { get; set; }

    /// <summary>The transaction a streaming result runs in, told when the reader's token fires.</summary>
    public TxState? Transaction { get; init; }

    public async IAsyncEnumerator<Record> GetAsyncEnumerator(CancellationToken cancellationToken = default)
    {
        if (_started) throw new InvalidOperationException("A result can only be enumerated once.");
        _started = true;
        // The statement runs inside MoveNext, possibly for long inside one row: a token given only to the enumeration
        // (not to RunAsync) must reach the engine's checks too.
        using var cancelling = Transaction is { } tx && cancellationToken.CanBeCanceled ? cancellationToken.Register(tx.CancelRunning) : default;
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

    /// <summary>Called once when the result completes (true) or fails or is abandoned (false); telemetry ends its span here.</summary>
    public Action<bool>? Finished { get; set; }

    /// <summary>Releases the transaction of a result nobody will read further (rolls back a read snapshot).</summary>
    public async Task AbandonAsync()
    {
        if (_completed) return;
        _completed = true;
        Finished?.Invoke(false);
        await _onComplete(false).ConfigureAwait(false);
    }

    private async Task FailAsync(Exception ex)
    {
        _failure = ex;
        if (_completed) return;
        _completed = true;
        Finished?.Invoke(false);
        await _onComplete(false).ConfigureAwait(false);
    }

    private async Task CompleteAsync()
    {
        if (_completed) return;
        _completed = true;
        Finished?.Invoke(true);
        await _onComplete(true).ConfigureAwait(false);
    }

    public async Task<ResultSummary> ConsumeAsync(CancellationToken cancellationToken = default)
    {
        if (_failure is not null) throw StatementRunner.Wrap(_failure);
        if (!_started)
        {
            await foreach (var _ in this.WithCancellation(cancellationToken).ConfigureAwait(false)) { }
        }
        else if (!_completed)
        {
            await CompleteAsync().ConfigureAwait(false);
        }
        if (_failure is not null) throw StatementRunner.Wrap(_failure);
        _ = _runToken;
        return _summary() with { ResultAvailableAfter = AvailableAfter, ResultConsumedAfter = _watch.Elapsed };
    }
}
