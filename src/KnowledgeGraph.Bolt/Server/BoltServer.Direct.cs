using System.Diagnostics;
using Microsoft.Extensions.Logging;

namespace KnowledgeGraph.Bolt.Server;

/// <summary>
/// Direct mode. A plain-TCP connection (no TLS certificate configured; a WebSocket upgrade leaves it at once) runs on
/// a thread of its own that reads and writes the socket with blocking calls, up to
/// <see cref="BoltServerOptions.DirectConnections"/> at a time; others run on the async path. On the async path each
/// round trip costs a thread-pool hop (the socket engine queues the read's continuation) and wakes spinning pool
/// workers; a direct connection's thread is woken by the kernel when the request arrives and answers it itself.
/// A statement that truly awaits continues on the pool while the thread waits for it, so the pool never runs a
/// blocking socket call. Deadlines close the socket, which ends a blocking call (see <see cref="DirectSocketStream"/>).
/// One watchdog thread does what the pump does on the async path, for requests that run longer than
/// <see cref="WatchInterval"/>: it polls their sockets (see <see cref="BoltServerConnection.WatchPeer"/>).
/// Invariant (under <c>_directGate</c>): <c>_direct</c> holds exactly the connections whose thread is running.
/// </summary>
public sealed partial class BoltServer
{
    /// <summary>How often the watchdog looks at direct connections, and how long a request runs before it does.</summary>
    internal static readonly TimeSpan WatchInterval = TimeSpan.FromMilliseconds(5);

    private readonly object _directGate = new();
    private readonly List<BoltServerConnection> _direct = [];
    private Thread? _watchdog;

    /// <summary>Connections running in direct mode right now.</summary>
    public int DirectCount
    {
        get { lock (_directGate) return _direct.Count; }
    }

    /// <summary>Starts the connection on a thread of its own when direct mode applies and a slot is free.</summary>
    private bool TryServeDirect(BoltServerConnection connection)
    {
        if (Options.Certificate is not null) return false;
        lock (_directGate)
        {
            if (_direct.Count >= Options.DirectConnections || _stopping.IsCancellationRequested) return false;
            _direct.Add(connection);
            if (_watchdog is null)
            {
                _watchdog = new Thread(Watch) { IsBackground = true, Name = "Bolt peer watchdog" };
                _watchdog.UnsafeStart();
            }
            else if (_direct.Count == 1)
            {
                Monitor.PulseAll(_directGate);
            }
        }
        try
        {
            new Thread(ServeDirect) { IsBackground = true, Name = $"Bolt connection {connection.Id}" }.UnsafeStart(connection);
            return true;
        }
        catch (Exception e) when (e is OutOfMemoryException or ThreadStartException)
        {
            _logger.LogWarning(e, "Bolt: no thread for connection {Id}; it runs on the async path.", connection.Id);
            LeaveDirect(connection);
            return false;
        }
    }

    private void ServeDirect(object? state)
    {
        var connection = (BoltServerConnection)state!;
        // Runs to the connection's end on this thread (ServeAsync never throws); if the client asked for a
        // WebSocket, the connection continues on the async path and this thread only gives its slot back.
        _ = ServeAsync(connection, direct: true);
        LeaveDirect(connection);
    }

    private void LeaveDirect(BoltServerConnection connection)
    {
        lock (_directGate) _direct.Remove(connection);
    }

    private void WakeWatchdog()
    {
        lock (_directGate) Monitor.PulseAll(_directGate);
    }

    /// <summary>The watchdog: every <see cref="WatchInterval"/> while direct connections exist, else asleep.</summary>
    private void Watch()
    {
        var after = (long)(WatchInterval.TotalSeconds * Stopwatch.Frequency);
        var snapshot = new List<BoltServerConnection>();
        while (true)
        {
            lock (_directGate)
            {
                while (_direct.Count == 0 && !_stopping.IsCancellationRequested) Monitor.Wait(_directGate);
                if (_stopping.IsCancellationRequested) return;
                snapshot.AddRange(_direct);
            }
            var now = Stopwatch.GetTimestamp();
            foreach (var connection in snapshot)
            {
                try
                {
                    connection.WatchPeer(now, after);
                }
                catch (Exception e)
                {
                    // Never let one connection stop the watchdog of all the others.
                    _logger.LogError(e, "Bolt watchdog failed on connection {Id}.", connection.Id);
                }
            }
            snapshot.Clear();
            Thread.Sleep(WatchInterval);
        }
    }
}
