using KnowledgeGraph.GraphQL.Compilation;
using System.Threading.Channels;

namespace KnowledgeGraph.GraphQL.Subscriptions;

/// <summary>
/// The source stream of one subscription: the backlog after its <c>after</c> cursor, then every transaction the feed
/// publishes, each mapped to an event (or skipped when nothing in it is selected), one at a time and in commit order.
/// A transaction seen both in the backlog and live is sent once (sequences only grow). The feed never waits for a
/// subscription: batches queue here, and a subscription that lets more than its limit pile up fails instead.
/// </summary>
internal sealed class ChangeStream : IObservable<object?>, IDisposable
{
    private readonly Channel<ChangeBatch> _batches;
    private readonly Func<ChangeBatch, CancellationToken, ValueTask<object?>> _map;
    private readonly Func<long, string?, CancellationToken, ValueTask<object?>>? _initial;
    private readonly CancellationTokenSource _stop = new();
    private readonly bool _coalesce;
    private ChangeFeed? _feed;
    private IDisposable? _registration;
    private IReadOnlyList<ChangeBatch> _backlog = [];
    private long _startSequence;
    private string? _startCursor;
    private int _subscribed;

    public ChangeStream(int queueLimit, Func<ChangeBatch, CancellationToken, ValueTask<object?>> map,
        Func<long, string?, CancellationToken, ValueTask<object?>>? initial = null, bool coalesce = false)
    {
        _coalesce = coalesce;
        // Transactions come in bursts (one poll hands over every transaction since the last): the bound is well above
        // the transports' send queue, which is where slow clients are dropped.
        _batches = Channel.CreateBounded<ChangeBatch>(new BoundedChannelOptions(Math.Max(1024, queueLimit * 4)) { SingleReader = true, FullMode = BoundedChannelFullMode.Wait });
        _map = map;
        _initial = initial;
    }

    /// <summary>Follows the feed from now on and reads the backlog after <paramref name="after"/> (throws
    /// <see cref="KgGraphQLException"/> when it is no longer retained).</summary>
    public async Task StartAsync(ChangeFeed feed, string? after, CancellationToken ct)
    {
        _feed = feed;
        var (registration, sequence, cursor) = feed.Listen(
            batch =>
            {
                if (!_batches.Writer.TryWrite(batch))
                    _batches.Writer.TryComplete(new KgGraphQLException(KgErrorCodes.SubscriptionLimit,
                        "The subscription fell too far behind the changes (more than 1024 transactions waiting to be evaluated); resubscribe with after: the last cursor."));
            },
            e => _batches.Writer.TryComplete(e));
        _registration = registration;
        _startSequence = sequence;
        _startCursor = cursor;
        if (after is null) return;
        try
        {
            _backlog = await feed.ReadSinceAsync(after, ct).ConfigureAwait(false);
        }
        catch
        {
            Dispose();
            throw;
        }
    }

    public IDisposable Subscribe(IObserver<object?> observer)
    {
        if (Interlocked.Exchange(ref _subscribed, 1) == 1) throw new InvalidOperationException("A change stream has one subscriber.");
        _ = PumpAsync(observer, _stop.Token);
        return this;
    }

    private async Task PumpAsync(IObserver<object?> observer, CancellationToken ct)
    {
        try
        {
            var last = long.MinValue;
            if (_initial is not null && await _initial(_startSequence, _startCursor, ct).ConfigureAwait(false) is { } first)
                observer.OnNext(first);
            foreach (var batch in _backlog)
            {
                last = batch.Sequence;
                if (await _map(batch, ct).ConfigureAwait(false) is { } value) observer.OnNext(value);
            }
            _backlog = [];
            await foreach (var next in _batches.Reader.ReadAllAsync(ct).ConfigureAwait(false))
            {
                if (next.Sequence <= last) continue;
                var batch = _coalesce ? await CoalesceAsync(next, ct).ConfigureAwait(false) : next;
                last = batch.Sequence;
                if (await _map(batch, ct).ConfigureAwait(false) is { } value) observer.OnNext(value);
            }
            observer.OnCompleted();
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            // Unsubscribed: nobody listens any more.
        }
        catch (Exception e)
        {
            observer.OnError(e);
        }
    }

    /// <summary>
    /// For a stream that re-reads the graph (pathsChanged): one evaluation covers every transaction known by now, the
    /// queued ones and those committed since (read ahead from the change stream), so the result it sends is listed with
    /// all the changes it reflects, under the last one's sequence. Later copies of those transactions are skipped.
    /// </summary>
    private async Task<ChangeBatch> CoalesceAsync(ChangeBatch first, CancellationToken ct)
    {
        var batches = new List<ChangeBatch> { first };
        while (_batches.Reader.TryRead(out var queued)) if (queued.Sequence > batches[^1].Sequence) batches.Add(queued);
        try
        {
            foreach (var ahead in await _feed!.ReadSinceAsync(batches[^1].Cursor, ct).ConfigureAwait(false))
                if (ahead.Sequence > batches[^1].Sequence) batches.Add(ahead);
        }
        catch (KgGraphQLException)
        {
            // Gone already: the queued transactions are still evaluated; the feed reports the loss.
        }
        return batches.Count == 1 ? first : new ChangeBatch(batches[^1].Sequence, batches[^1].Cursor, batches.SelectMany(b => b.Changes).ToList());
    }

    public void Dispose()
    {
        _registration?.Dispose();
        _registration = null;
        if (!_stop.IsCancellationRequested) _stop.Cancel();
        _batches.Writer.TryComplete();
    }
}
