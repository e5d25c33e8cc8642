using System.Collections.Concurrent;
using KnowledgeGraph.Driver;
using KnowledgeGraph.Errors;

namespace KnowledgeGraph.Bolt.Client;

/// <summary>
/// Our own Bolt 5 driver (Neo4j.Driver is not available): talks to Neo4j 5 or to another instance of this
/// service. Thread-safe; sessions are not. <c>bolt://</c> uses one server; <c>neo4j://</c> routes reads and
/// writes using the routing table (ROUTE) with TTL refresh. TLS via <c>+s</c> / <c>+ssc</c>.
/// </summary>
public sealed class BoltDriver : IGraphDriver
{
    private readonly ConcurrentDictionary<ServerAddress, ConnectionPool> _pools = new();
    private readonly Router? _router;
    private volatile bool _disposed;

    /// <summary>Creates a driver; no connection is made until first use (see <see cref="VerifyConnectivityAsync"/>).</summary>
    public BoltDriver(BoltDriverOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        Options = options;
        Uri = BoltUri.Parse(options.Uri);
        if (options.MaxConnectionPoolSize < 1) throw new ArgumentOutOfRangeException(nameof(options), "MaxConnectionPoolSize must be at least 1.");
        if (options.FetchSize == 0 || options.FetchSize < -1) throw new ArgumentOutOfRangeException(nameof(options), "FetchSize must be -1 or positive.");
        if (Uri.Routing) _router = new Router(this, Uri.Address);
    }

    /// <summary>Creates a driver for a URI with basic auth.</summary>
    public BoltDriver(string uri, string username, string password)
        : this(new BoltDriverOptions { Uri = uri, Username = username, Password = password })
    {
    }

    /// <inheritdoc />
    public string Provider => "neo4j";

    /// <summary>The settings.</summary>
    public BoltDriverOptions Options { get; }

    /// <summary>The parsed URI.</summary>
    public BoltUri Uri { get; }

    /// <summary>The current routing table (<c>neo4j://</c> only; null for <c>bolt://</c>).</summary>
    public RoutingTable? RoutingTable => _router?.Table;

    internal IReadOnlyDictionary<string, string> RoutingContext => Uri.RoutingContext;

    /// <summary>Idle connections across all servers (for tests and diagnostics).</summary>
    public int IdleConnectionCount => _pools.Values.Sum(p => p.IdleCount);

    /// <summary>Connections lent to sessions right now.</summary>
    public int InUseConnectionCount => _pools.Values.Sum(p => p.InUseCount);

    internal ConnectionPool PoolFor(ServerAddress address) =>
        _pools.GetOrAdd(address, a => new ConnectionPool(a, Uri.Tls, Options, Uri.Routing ? Uri.RoutingContext : null));

    /// <inheritdoc />
    public IGraphSession OpenSession(SessionOptions? options = null)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        return new BoltSession(this, options ?? new SessionOptions());
    }

    /// <summary>Opens a session with the Bolt-specific API (managed transactions).</summary>
    public BoltSession OpenBoltSession(SessionOptions? options = null) => (BoltSession)OpenSession(options);

    /// <summary>Runs <paramref name="work"/> in a read transaction, retrying transient failures.</summary>
    public async Task<T> ExecuteReadAsync<T>(Func<IGraphTransaction, Task<T>> work, SessionOptions? options = null, CancellationToken cancellationToken = default)
    {
        await using var session = OpenBoltSession((options ?? new SessionOptions()) with { AccessMode = AccessMode.Read });
        return await session.ExecuteReadAsync(work, cancellationToken: cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Runs <paramref name="work"/> in a write transaction, retrying transient failures.</summary>
    public async Task<T> ExecuteWriteAsync<T>(Func<IGraphTransaction, Task<T>> work, SessionOptions? options = null, CancellationToken cancellationToken = default)
    {
        await using var session = OpenBoltSession((options ?? new SessionOptions()) with { AccessMode = AccessMode.Write });
        return await session.ExecuteWriteAsync(work, cancellationToken: cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async Task VerifyConnectivityAsync(CancellationToken cancellationToken = default)
    {
        var (pool, connection) = await AcquireAsync(AccessMode.Read, cancellationToken).ConfigureAwait(false);
        await pool.ReleaseAsync(connection).ConfigureAwait(false);
    }

    /// <summary>A connection to a server that can serve <paramref name="mode"/>.</summary>
    internal async Task<(ConnectionPool Pool, BoltClientConnection Connection)> AcquireAsync(AccessMode mode, CancellationToken cancellationToken)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (_router is null)
        {
            var pool = PoolFor(Uri.Address);
            return (pool, await pool.AcquireAsync(cancellationToken).ConfigureAwait(false));
        }
        var address = await _router.SelectAsync(mode, cancellationToken).ConfigureAwait(false);
        var routed = PoolFor(address);
        try
        {
            return (routed, await routed.AcquireAsync(cancellationToken).ConfigureAwait(false));
        }
        catch (GraphException e) when (e.Code == ErrorCodes.ServiceUnavailable)
        {
            _router.Forget(address);
            throw;
        }
    }

    /// <summary>Called when a server failed mid-work or refused a write, so routing avoids it next time.</summary>
    internal void OnServerError(ServerAddress address, GraphException error)
    {
        if (_router is null) return;
        if (error.Code == ErrorCodes.ServiceUnavailable) _router.Forget(address);
        else if (error.Code is "Neo.ClientError.Cluster.NotALeader" or "Neo.ClientError.General.ForbiddenOnReadOnlyDatabase") _router.ForgetWriter(address);
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        if (_disposed) return;
        _disposed = true;
        foreach (var pool in _pools.Values) await pool.DisposeAsync().ConfigureAwait(false);
    }
}
