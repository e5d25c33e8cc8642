using KnowledgeGraph.Driver;
using KnowledgeGraph.GraphQL.Compilation;
using KnowledgeGraph.Errors;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace KnowledgeGraph.GraphQL.Subscriptions;

/// <summary>Where the subscriptions' changes come from.</summary>
public enum ChangeSource
{
    /// <summary>Not known yet (the graph was not reachable so far).</summary>
    Unknown,

    /// <summary><c>db.cdc.*</c> answers: every committed write is seen, whatever its path.</summary>
    ChangeDataCapture,

    /// <summary>The graph has no change data capture (Neo4j Community, or Enterprise with CDC off): only this API's own
    /// GraphQL mutations are seen.</summary>
    OwnMutations,
}

/// <summary>
/// The server's one reader of the commit stream: polls <c>db.cdc.query</c> from the last change id it saw every
/// <see cref="SubscriptionOptions.PollInterval"/> and hands each committed transaction, whole and in commit order, to
/// every registered listener. Listeners must not block (they queue). Subscriptions that resume from an older
/// position read their backlog themselves (<see cref="ReadSinceAsync"/>) and then follow the feed.
/// While nobody listens the feed only follows the stream's position (<c>db.cdc.current()</c>): reading and decoding
/// every event nobody wants tripled the CPU and quadrupled the memory of a bulk load through Cypher, and left the
/// server busy catching up long after it.
/// </summary>
public sealed partial class ChangeFeed : BackgroundService
{
    private readonly IServiceProvider _services;
    private readonly SubscriptionOptions _options;
    private readonly ILogger<ChangeFeed> _logger;
    private readonly Lock _lock = new();
    private readonly List<Listener> _listeners = [];
    private readonly Queue<ChangeBatch> _own = new();
    private readonly Lock _publishOwn = new();

    /// <summary>Own-mutation cursors name this process: a cursor of an earlier run of the service is not one of ours.</summary>
    private readonly string _epoch = Guid.NewGuid().ToString("N")[..12];
    private volatile ChangeSource _source;
    private string? _cursor;
    private long _sequence;
    private long _ownSequence;

    /// <summary>Created by the host.</summary>
    public ChangeFeed(IServiceProvider services, IOptions<SubscriptionOptions> options, ILogger<ChangeFeed> logger)
    {
        _services = services;
        _options = options.Value;
        _logger = logger;
    }

    /// <summary>Where changes come from (for <c>/health</c>).</summary>
    public ChangeSource Source => _source;

    /// <summary>The sequence (transaction id) of the last transaction handed to listeners.</summary>
    public long Sequence => Interlocked.Read(ref _sequence);

    private CdcReader Reader => new(() => _services.GetRequiredService<IGraphDriver>());

    internal sealed class Listener(Action<ChangeBatch> onBatch, Action<Exception> onFault)
    {
        public Action<ChangeBatch> OnBatch { get; } = onBatch;
        public Action<Exception> OnFault { get; } = onFault;
    }

    /// <summary>Registers a listener; returns the sequence it starts after (every later transaction reaches it).</summary>
    internal (IDisposable Registration, long Sequence, string? Cursor) Listen(Action<ChangeBatch> onBatch, Action<Exception> onFault)
    {
        var listener = new Listener(onBatch, onFault);
        lock (_lock)
        {
            _listeners.Add(listener);
            return (new Unregister(this, listener), _sequence, _cursor);
        }
    }

    private sealed class Unregister(ChangeFeed feed, Listener listener) : IDisposable
    {
        public void Dispose()
        {
            lock (feed._lock) feed._listeners.Remove(listener);
        }
    }

    /// <summary>
    /// The transactions after the change id <paramref name="cursor"/>, up to at least the feed's position when called.
    /// Fails with <see cref="KgErrorCodes.ResumeExpired"/> when the id is older than what the graph retains (or not an id).
    /// </summary>
    internal async Task<IReadOnlyList<ChangeBatch>> ReadSinceAsync(string cursor, CancellationToken ct)
    {
        if (_source == ChangeSource.OwnMutations)
        {
            lock (_lock)
            {
                var own = _own.ToList();
                var index = own.FindIndex(b => b.Cursor == cursor);
                if (index < 0 && cursor != OwnCursor(0)) throw Expired(cursor, null);
                return own.Skip(index + 1).ToList();
            }
        }
        try
        {
            return await Reader.ChangesAsync(cursor, ct).ConfigureAwait(false);
        }
        catch (GraphException e) when (e.Code == ErrorCodes.CdcInvalidIdentifier)
        {
            throw Expired(cursor, e);
        }
    }

    private static KgGraphQLException Expired(string cursor, Exception? cause) =>
        new(KgErrorCodes.ResumeExpired,
            $"Cannot resume after '{cursor}': the changes since then are no longer retained (or it is not a cursor of this server). Refetch the data and subscribe again without 'after'.",
            cause);

    /// <summary>Own-mutation batches retained for resume (within this process).</summary>
    internal const int OwnWindow = 1000;

    private string OwnCursor(long sequence) => "own:" + _epoch + ":" + sequence.ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!_options.Enabled) return;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                if (_source != ChangeSource.OwnMutations) await PollAsync(stoppingToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                // The graph may be down or restarting: keep the cursor and try again at the next tick.
                LogPollFailed(e.Message);
            }
            try
            {
                await Task.Delay(_options.PollInterval, stoppingToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    private async Task PollAsync(CancellationToken ct)
    {
        var reader = Reader;
        if (_cursor is null)
        {
            try
            {
                var current = await reader.CurrentAsync(ct).ConfigureAwait(false);
                lock (_lock) _cursor = current;
                if (_source != ChangeSource.ChangeDataCapture) LogSource("change data capture (db.cdc.*)");
                _source = ChangeSource.ChangeDataCapture;
            }
            catch (GraphException e) when (e.Code is ErrorCodes.CdcDisabled or ProcedureNotFound)
            {
                // Neo4j Enterprise with CDC off answers Disabled; Community has no db.cdc procedures at all.
                _source = ChangeSource.OwnMutations;
                LogSource("this API's own mutations only (the graph has no change data capture: " + e.Code + ")");
            }
            return;
        }
        if (!HasListeners)
        {
            await FollowPositionAsync(reader, ct).ConfigureAwait(false);
            return;
        }
        IReadOnlyList<ChangeBatch> batches;
        try
        {
            batches = await reader.ChangesAsync(_cursor, ct).ConfigureAwait(false);
        }
        catch (GraphException e) when (e.Code == ErrorCodes.CdcInvalidIdentifier)
        {
            // Our own position is gone (the store was restored or bulk-loaded): listeners missed changes.
            LogCursorLost(e.Message);
            lock (_lock) _cursor = null;
            Fault(new KgGraphQLException(KgErrorCodes.ResumeExpired, "The server lost its place in the change stream (the graph was restored or bulk-loaded); refetch the data and subscribe again.", e));
            return;
        }
        foreach (var batch in batches) Publish(batch);
    }

    private bool HasListeners
    {
        get
        {
            lock (_lock) return _listeners.Count > 0;
        }
    }

    /// <summary>
    /// Moves the cursor to the stream's current position without reading events, while nobody listens. A listener that
    /// registered meanwhile was given the older cursor, so the cursor then stays where it was: the next poll reads from
    /// there and the listener misses nothing. <see cref="Sequence"/> stays the last transaction handed to listeners.
    /// </summary>
    private async Task FollowPositionAsync(CdcReader reader, CancellationToken ct)
    {
        var current = await reader.CurrentAsync(ct).ConfigureAwait(false);
        lock (_lock)
        {
            if (_listeners.Count == 0) _cursor = current;
        }
    }

    private const string ProcedureNotFound = "Neo.ClientError.Procedure.ProcedureNotFound";

    private void Publish(ChangeBatch batch)
    {
        Listener[] listeners;
        lock (_lock)
        {
            _cursor = batch.Cursor;
            Interlocked.Exchange(ref _sequence, batch.Sequence);
            listeners = [.. _listeners];
        }
        foreach (var l in listeners) l.OnBatch(batch);
    }

    private void Fault(Exception e)
    {
        Listener[] listeners;
        lock (_lock)
        {
            listeners = [.. _listeners];
            _listeners.Clear();
        }
        foreach (var l in listeners) l.OnFault(e);
    }

    /// <summary>True when mutations of this API must publish their own changes (the graph has no change data capture).</summary>
    internal bool PublishesOwnMutations => _options.Enabled && _source == ChangeSource.OwnMutations;

    /// <summary>
    /// Without change data capture, a mutation of this API publishes what it changed itself, after its transaction
    /// committed: the changes of one mutation as one batch, with the next sequence number of this process. Batches are
    /// numbered and handed to listeners under one lock, so listeners see them in sequence order.
    /// </summary>
    internal void PublishOwn(IReadOnlyList<GraphChange> changes)
    {
        if (!PublishesOwnMutations || changes.Count == 0) return;
        lock (_publishOwn)
        {
            ChangeBatch batch;
            lock (_lock)
            {
                var sequence = ++_ownSequence;
                batch = new ChangeBatch(sequence, OwnCursor(sequence), changes);
                _own.Enqueue(batch);
                while (_own.Count > OwnWindow) _own.Dequeue();
            }
            Publish(batch);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Subscriptions: reading changes failed; retrying: {Reason}")]
    private partial void LogPollFailed(string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "Subscriptions: changes come from {Source}")]
    private partial void LogSource(string source);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Subscriptions: the change stream position was lost ({Reason}); active subscriptions are ended")]
    private partial void LogCursorLost(string reason);
}
