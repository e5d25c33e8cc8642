using KnowledgeGraph.Bolt.Protocol.Messages;
using KnowledgeGraph.Driver;
using KnowledgeGraph.Errors;

namespace KnowledgeGraph.Bolt.Client;

/// <summary>
/// Keeps the routing table of a <c>neo4j://</c> driver fresh: fetches it with ROUTE from a known router when
/// it expires or lacks the needed role, and spreads work round-robin over readers or writers.
/// Refreshes are serialised so a burst of sessions triggers one ROUTE, not one each.
/// </summary>
internal sealed class Router
{
    private readonly BoltDriver _driver;
    private readonly ServerAddress _seed;
    private readonly SemaphoreSlim _refresh = new(1, 1);
    private RoutingTable _table;
    private int _next;

    public Router(BoltDriver driver, ServerAddress seed)
    {
        _driver = driver;
        _seed = seed;
        _table = new RoutingTable([seed], [], [], DateTime.MinValue, "neo4j");
    }

    public RoutingTable Table => _table;

    public async Task<ServerAddress> SelectAsync(AccessMode mode, CancellationToken cancellationToken)
    {
        var table = _table;
        if (table.IsStaleFor(mode)) table = await RefreshAsync(mode, cancellationToken).ConfigureAwait(false);
        var candidates = mode == AccessMode.Read ? table.Readers : table.Writers;
        if (candidates.Count == 0)
            throw new GraphException(ErrorCodes.ServiceUnavailable, $"No {(mode == AccessMode.Read ? "reader" : "writer")} is available in the routing table.");
        return candidates[(int)((uint)Interlocked.Increment(ref _next) % (uint)candidates.Count)];
    }

    public async Task<RoutingTable> RefreshAsync(AccessMode mode, CancellationToken cancellationToken)
    {
        await _refresh.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (!_table.IsStaleFor(mode)) return _table; // someone else refreshed while we waited
            Exception? last = null;
            foreach (var router in _table.Routers.Append(_seed).Distinct())
            {
                try
                {
                    _table = await FetchAsync(router, cancellationToken).ConfigureAwait(false);
                    return _table;
                }
                catch (GraphException e) when (e.Code is ErrorCodes.ServiceUnavailable)
                {
                    last = e;
                }
            }
            throw new GraphException(ErrorCodes.ServiceUnavailable, $"Could not fetch a routing table from any router: {last?.Message}", last);
        }
        finally
        {
            _refresh.Release();
        }
    }

    private async Task<RoutingTable> FetchAsync(ServerAddress router, CancellationToken cancellationToken)
    {
        var pool = _driver.PoolFor(router);
        var connection = await pool.AcquireAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var context = _driver.RoutingContext.ToDictionary(kv => kv.Key, kv => (object?)kv.Value);
            context["address"] = router.ToString();
            connection.Enqueue(new RouteMessage(context, [], new Dictionary<string, object?>()));
            await connection.FlushAsync(cancellationToken).ConfigureAwait(false);
            return RoutingTable.Parse(await connection.ExpectSuccessAsync(cancellationToken).ConfigureAwait(false));
        }
        finally
        {
            await pool.ReleaseAsync(connection).ConfigureAwait(false);
        }
    }

    /// <summary>Forgets a server that could not be reached, so the next selection avoids or refreshes it.</summary>
    public void Forget(ServerAddress address) => _table = _table.Without(address);

    /// <summary>Forgets a writer that refused a write (leader moved).</summary>
    public void ForgetWriter(ServerAddress address) => _table = _table.WithoutWriter(address);
}
