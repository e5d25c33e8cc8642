using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using KnowledgeGraph.Driver;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace KnowledgeGraph.Bolt.Server;

/// <summary>
/// Serves the registered <see cref="IGraphDriver"/> over Bolt 5.0–5.8. One accept loop; each connection runs either
/// on a thread of its own (direct mode, see BoltServer.Direct.cs) or on its own task that awaits all I/O and engine
/// work; either way a slow or stuck client only holds its own thread or task.
/// </summary>
public sealed partial class BoltServer : IHostedService, IAsyncDisposable
{
    private readonly IGraphDriver _driver;
    private readonly ILogger<BoltServer> _logger;
    private readonly IHostEnvironment? _environment;
    private readonly ConcurrentDictionary<long, BoltServerConnection> _connections = new();
    private readonly CancellationTokenSource _stopping = new();
    private TcpListener? _listener;
    private Task? _acceptLoop;
    private long _nextConnectionId;

    /// <summary>Creates the server; <see cref="StartAsync"/> binds the port.</summary>
    public BoltServer(IGraphDriver driver, BoltServerOptions options, ILogger<BoltServer>? logger = null, IHostEnvironment? environment = null)
    {
        ArgumentNullException.ThrowIfNull(driver);
        ArgumentNullException.ThrowIfNull(options);
        _driver = driver;
        Options = options;
        _logger = logger ?? NullLogger<BoltServer>.Instance;
        _environment = environment;
    }

    /// <summary>The settings in force (after the Development default credentials were applied).</summary>
    public BoltServerOptions Options { get; private set; }

    /// <summary>The endpoint actually listened on (the real port when <c>Bolt:Port</c> is 0); null before start.</summary>
    public IPEndPoint? BoundEndpoint { get; private set; }

    /// <summary>The users the server accepts (names and read-only flags; set when it starts).</summary>
    internal IReadOnlyList<ServerUser> Users { get; private set; } = [];

    /// <summary>Open connections right now (logged in or not).</summary>
    public int ConnectionCount => _connections.Count;

    internal IGraphDriver Driver => _driver;

    internal ILogger Logger => _logger;

    internal CancellationToken Stopping => _stopping.Token;

    /// <summary>Binds the listener (so <see cref="BoundEndpoint"/> is set when this returns) and starts accepting.</summary>
    public Task StartAsync(CancellationToken cancellationToken)
    {
        if (!Options.Enabled)
        {
            _logger.LogInformation("Bolt server disabled (Bolt:Enabled=false).");
            return Task.CompletedTask;
        }
        ResolveCredentials();
        Throttle = new LoginThrottle(Options.LoginDelay, Options.LoginMaxDelay, _logger);
        var listener = new TcpListener(Options.Address, Options.Port);
        try
        {
            listener.Start(backlog: 512);
        }
        catch (SocketException e)
        {
            throw new InvalidOperationException($"Bolt: cannot listen on {Options.Address}:{Options.Port} ({e.SocketErrorCode}); set Bolt:Port to a free port or Bolt:Enabled=false.", e);
        }
        _listener = listener;
        BoundEndpoint = (IPEndPoint)listener.LocalEndpoint;
        _logger.LogInformation("Bolt server listening on bolt://{Endpoint} (Bolt 5.0-5.8).", BoundEndpoint);
        _acceptLoop = Task.Run(AcceptLoopAsync, CancellationToken.None);
        return Task.CompletedTask;
    }

    private void ResolveCredentials()
    {
        if (Options.Password is not null)
        {
            Users = UsersOf(Options);
            return;
        }
        Options = WithDevelopmentDefault(Options, _environment?.IsDevelopment() ?? false) ?? throw new InvalidOperationException(
            "Bolt:Password must be set outside Development (or set Bolt:Enabled=false); refusing to serve Bolt without authentication.");
        Users = UsersOf(Options);
        _logger.LogWarning(
            "Bolt:Password is not configured; Development falls back to user '{User}' with the default password '{Password}'. Configure Bolt:Username/Bolt:Password.",
            Options.Username, Options.Password);
    }

    private async Task AcceptLoopAsync()
    {
        var listener = _listener!;
        while (!_stopping.IsCancellationRequested)
        {
            Socket socket;
            try
            {
                socket = await listener.AcceptSocketAsync(_stopping.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                break;
            }
            catch (ObjectDisposedException)
            {
                break;
            }
            catch (SocketException e)
            {
                // Transient accept errors (e.g. a client reset during accept) must not end the loop.
                _logger.LogDebug(e, "Bolt accept failed.");
                continue;
            }
            BoltServerConnection? connection;
            try
            {
                connection = Admit(socket);
            }
            catch (Exception e) when (e is SocketException or ObjectDisposedException)
            {
                // The peer reset the socket while it was being admitted; the accept loop must go on.
                _logger.LogDebug(e, "Bolt admission failed.");
                connection = null;
            }
            if (connection is null)
            {
                socket.Dispose();
                continue;
            }
            _connections[connection.Id] = connection;
            if (!TryServeDirect(connection)) _ = Task.Run(() => ServeAsync(connection, direct: false), CancellationToken.None);
        }
    }

    /// <summary>Runs a connection to its end, then releases its slot. Never throws.</summary>
    private async Task ServeAsync(BoltServerConnection connection, bool direct)
    {
        using var telemetry = Diagnostics.BoltTelemetry.Connection();
        try
        {
            await connection.RunAsync(direct).ConfigureAwait(false);
        }
        catch (Exception e)
        {
            // RunAsync handles its own errors; this is the last line so that nothing escapes a connection task.
            _logger.LogError(e, "Bolt connection {Id} crashed.", connection.Id);
        }
        finally
        {
            _connections.TryRemove(connection.Id, out _);
            Release(connection);
            await connection.DisposeAsync().ConfigureAwait(false);
        }
    }

    /// <summary>Stops accepting, closes every connection (rolling back their open transactions) and waits for them.</summary>
    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (_listener is null) return;
        await _stopping.CancelAsync().ConfigureAwait(false);
        _listener.Stop();
        if (_acceptLoop is not null) await _acceptLoop.ConfigureAwait(false);
        WakeWatchdog();
        foreach (var connection in _connections.Values) connection.Abort();
        // A monotonic deadline: a wall-clock step (NTP, a resumed VM) must not cut the wait short or stretch it.
        // A direct connection leaves _connections before its thread gives its slot back (ServeAsync's finally, then
        // the connection's disposal, then LeaveDirect), so both are waited for: an empty _connections alone let
        // StopAsync return while direct threads were still counted.
        var deadline = Environment.TickCount64 + 5_000;
        while ((!_connections.IsEmpty || DirectCount > 0) && Environment.TickCount64 < deadline && !cancellationToken.IsCancellationRequested)
            await Task.Delay(10, CancellationToken.None).ConfigureAwait(false);
        _listener = null;
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await StopAsync(CancellationToken.None).ConfigureAwait(false);
        _stopping.Dispose();
    }
}
