using System.Collections.Concurrent;
using KnowledgeGraph.Errors;

namespace KnowledgeGraph.Bolt.Client;

/// <summary>
/// Connections to one server. Invariant: connections in use plus idle ones never exceed
/// <see cref="BoltDriverOptions.MaxConnectionPoolSize"/> (a semaphore slot is held per live connection).
/// Idle connections are checked before reuse: broken (peer closed), defunct or too old ones are dropped,
/// which is how the driver recovers after a server restart.
/// </summary>
internal sealed class ConnectionPool : IAsyncDisposable
{
    private readonly BoltTlsMode _tls;
    private readonly BoltDriverOptions _options;
    private readonly IReadOnlyDictionary<string, string>? _routingContext;
    private readonly ConcurrentStack<BoltClientConnection> _idle = new();
    private readonly SemaphoreSlim _slots;
    private volatile bool _disposed;

    public ConnectionPool(ServerAddress address, BoltTlsMode tls, BoltDriverOptions options, IReadOnlyDictionary<string, string>? routingContext)
    {
        Address = address;
        _tls = tls;
        _options = options;
        _routingContext = routingContext;
        _slots = new SemaphoreSlim(options.MaxConnectionPoolSize, options.MaxConnectionPoolSize);
    }

    public ServerAddress Address { get; }

    public int IdleCount => _idle.Count;

    public int InUseCount => _options.MaxConnectionPoolSize - _slots.CurrentCount - _idle.Count;

    public async Task<BoltClientConnection> AcquireAsync(CancellationToken cancellationToken)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        while (_idle.TryPop(out var idle))
        {
            if (!idle.LooksBroken() && !idle.NeedsReset && DateTime.UtcNow - idle.LastUsedUtc < _options.MaxIdleTime)
                return idle;
            await DropAsync(idle).ConfigureAwait(false);
        }
        if (!await _slots.WaitAsync(_options.ConnectionAcquisitionTimeout, cancellationToken).ConfigureAwait(false))
        {
            throw new GraphException(ErrorCodes.ServiceUnavailable,
                $"No connection to {Address} became free within {_options.ConnectionAcquisitionTimeout.TotalSeconds:0.#}s (pool size {_options.MaxConnectionPoolSize}).");
        }
        // An idle connection may have come back while we waited for the slot; prefer it.
        while (_idle.TryPop(out var idle))
        {
            if (!idle.LooksBroken() && !idle.NeedsReset)
            {
                _slots.Release();
                return idle;
            }
            await DropAsync(idle).ConfigureAwait(false);
        }
        try
        {
            return await BoltClientConnection.OpenAsync(Address, _tls, _options, _routingContext, cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            _slots.Release();
            throw;
        }
    }

    /// <summary>Returns a connection; a defunct one (or any, once disposed) is closed and its slot freed.</summary>
    public async ValueTask ReleaseAsync(BoltClientConnection connection)
    {
        if (connection.NeedsReset || connection.Outstanding > 0)
        {
            // Bounded: a server that does not answer RESET in time costs this connection, never a stuck caller.
            using var timeout = new CancellationTokenSource(_options.ConnectionTimeout);
            await connection.RecoverAsync(timeout.Token).ConfigureAwait(false);
        }
        if (_disposed || connection.IsDefunct)
        {
            await DropAsync(connection).ConfigureAwait(false);
            return;
        }
        connection.LastUsedUtc = DateTime.UtcNow;
        _idle.Push(connection);
    }

    private async ValueTask DropAsync(BoltClientConnection connection)
    {
        try
        {
            await connection.DisposeAsync().ConfigureAwait(false);
        }
        finally
        {
            _slots.Release();
        }
    }

    /// <summary>Closes idle connections (e.g. after the server was found unreachable).</summary>
    public async Task DropIdleAsync()
    {
        while (_idle.TryPop(out var idle)) await DropAsync(idle).ConfigureAwait(false);
    }

    public async ValueTask DisposeAsync()
    {
        _disposed = true;
        await DropIdleAsync().ConfigureAwait(false);
    }
}
