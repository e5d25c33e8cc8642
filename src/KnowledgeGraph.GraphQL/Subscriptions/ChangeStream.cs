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
    private IDisposable? _registration;
    private IReadOnlyList<ChangeBatch> _backlog = [];
    private long _startSequence;
    private string? _startCursor;
    private int _subscribed;

    public ChangeStream(int queueLimit, Func<ChangeBatch, CancellationToken, ValueTask<object?>> map,
        Func<long, string?, CancellationToken, ValueTask<object?>>? initial = null)
    {
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
            await foreach (var batch in _batches.Reader.ReadAllAsync(ct).ConfigureAwait(false))
            {
                if (batch.Sequence <= last) continue;
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

    public void Dispose()
    {
        _registration?.Dispose();
        _registration = null;
        if (!_stop.IsCancellationRequested) _stop.Cancel();
        _batches.Writer.TryComplete();
    }
}
