using System.Collections.Concurrent;
using System.Security.Cryptography;
using KnowledgeGraph.Driver;
using Microsoft.Extensions.Options;

namespace KnowledgeGraph.Api.QueryApi;

/// <summary>
/// The Query API's open explicit transactions, by id. Each holds its own session and transaction; requests on one
/// transaction run one at a time (its gate), since a session is not thread-safe. A transaction with no request
/// for <see cref="QueryApiOptions.TransactionTimeoutSeconds"/> is rolled back by a sweep once a second, as are all
/// of them when the service stops. Invariant: a transaction is in <c>_open</c> until it was committed, rolled back
/// or expired, and whoever removes it from <c>_open</c> (under its gate) is the one that ends it.
/// </summary>
internal sealed class QueryApiTransactions(IOptions<QueryApiOptions> options, ILogger<QueryApiTransactions> logger) : IHostedService, IAsyncDisposable
{
    internal sealed class Entry(string id, string user, IGraphSession session, IGraphTransaction transaction)
    {
        public string Id { get; } = id;

        public string User { get; } = user;

        public IGraphSession Session { get; } = session;

        public IGraphTransaction Transaction { get; } = transaction;

        public SemaphoreSlim Gate { get; } = new(1, 1);

        public DateTimeOffset Expires { get; set; }
    }

    private readonly ConcurrentDictionary<string, Entry> _open = new(StringComparer.Ordinal);
    private Timer? _sweep;

    private TimeSpan Timeout => TimeSpan.FromSeconds(options.Value.TransactionTimeoutSeconds);

    public int Count => _open.Count;

    /// <summary>Registers a begun transaction; throws 503 when <see cref="QueryApiOptions.MaxTransactions"/> are open.</summary>
    public Entry Add(string user, IGraphSession session, IGraphTransaction transaction)
    {
        if (_open.Count >= options.Value.MaxTransactions)
            throw new QueryApiException("Neo.TransientError.Request.ResourceExhaustion",
                $"{_open.Count} Query API transactions are open (QueryApi:MaxTransactions); commit or roll back one, or retry later.");
        var entry = new Entry(Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16)), user, session, transaction) { Expires = DateTimeOffset.UtcNow + Timeout };
        _open[entry.Id] = entry;
        return entry;
    }

    /// <summary>
    /// Takes the transaction's gate and returns it, with its expiry pushed back; 404 TransactionNotFound when the id is
    /// unknown, expired, or belongs to another user (not telling which).
    /// </summary>
    public async Task<Entry> AcquireAsync(string id, string user, CancellationToken cancellationToken)
    {
        if (!_open.TryGetValue(id, out var entry) || entry.User != user) throw NotFound(id);
        await entry.Gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        if (!_open.ContainsKey(id))
        {
            entry.Gate.Release();
            throw NotFound(id);
        }
        entry.Expires = DateTimeOffset.UtcNow + Timeout;
        return entry;
    }

    /// <summary>Removes and ends a transaction whose gate the caller holds (after commit, rollback or a failure).</summary>
    public async Task EndAsync(Entry entry, bool rollback)
    {
        _open.TryRemove(entry.Id, out _);
        try
        {
            if (rollback) await entry.Transaction.RollbackAsync(CancellationToken.None).ConfigureAwait(false);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            logger.LogDebug(e, "Query API transaction {Id}: rollback failed.", entry.Id);
        }
        finally
        {
            await entry.Transaction.DisposeAsync().ConfigureAwait(false);
            await entry.Session.DisposeAsync().ConfigureAwait(false);
        }
    }

    public static QueryApiException NotFound(string id) => new(QueryApiException.TransactionNotFound,
        $"Transaction with Id: \"{id}\" was not found. It may have timed out and therefore rolled back, or been committed or rolled back already.");

    public Task StartAsync(CancellationToken cancellationToken)
    {
        _sweep = new Timer(_ => _ = SweepAsync(), null, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(1));
        return Task.CompletedTask;
    }

    private async Task SweepAsync()
    {
        var now = DateTimeOffset.UtcNow;
        foreach (var entry in _open.Values)
        {
            if (entry.Expires > now || !entry.Gate.Wait(0)) continue; // busy transactions are not idle
            try
            {
                if (entry.Expires > DateTimeOffset.UtcNow || !_open.ContainsKey(entry.Id)) continue;
                logger.LogInformation("Query API transaction {Id} of {User} expired after {Seconds} s without a request; rolled back.", entry.Id, entry.User, options.Value.TransactionTimeoutSeconds);
                await EndAsync(entry, rollback: true).ConfigureAwait(false);
            }
            finally
            {
                entry.Gate.Release();
            }
        }
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (_sweep is not null) await _sweep.DisposeAsync().ConfigureAwait(false);
        foreach (var entry in _open.Values)
        {
            if (!await entry.Gate.WaitAsync(TimeSpan.FromSeconds(5), cancellationToken).ConfigureAwait(false)) continue;
            try
            {
                if (_open.ContainsKey(entry.Id)) await EndAsync(entry, rollback: true).ConfigureAwait(false);
            }
            finally
            {
                entry.Gate.Release();
            }
        }
    }

    public async ValueTask DisposeAsync() => await StopAsync(CancellationToken.None).ConfigureAwait(false);
}
