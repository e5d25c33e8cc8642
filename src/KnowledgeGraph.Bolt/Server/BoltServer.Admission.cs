using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Logging;

namespace KnowledgeGraph.Bolt.Server;

/// <summary>
/// Admission: which connections may hold a slot. Connections that have not logged in yet are "pending" and capped
/// by <see cref="BoltServerOptions.MaxPendingConnections"/>: when the cap is full, a new connection displaces the
/// oldest pending one that has not sent a byte yet, or failing that the oldest pending one (a real client sends its
/// handshake at once and logs in within milliseconds; a socket that never sends a byte is the one that goes). Logged-in connections are capped by <see cref="BoltServerOptions.MaxConnections"/>, checked at login.
/// Every connection counts toward <see cref="BoltServerOptions.MaxConnectionsPerAddress"/> of its client address.
/// Invariant (under <c>_admission</c>): every live connection is either in <c>_pending</c> or counted in
/// <c>_authenticated</c>, and counted once in <c>_perAddress</c>.
/// </summary>
public sealed partial class BoltServer
{
    private readonly object _admission = new();
    private readonly LinkedList<BoltServerConnection> _pending = new();
    private readonly Dictionary<IPAddress, int> _perAddress = new();
    private int _authenticated;
    private long _lastRefusalLogTicks = long.MinValue;
    private int _unloggedRefusals;

    /// <summary>Connections logged in right now.</summary>
    public int AuthenticatedCount
    {
        get { lock (_admission) return _authenticated; }
    }

    /// <summary>Connections accepted but not yet logged in right now.</summary>
    public int PendingCount
    {
        get { lock (_admission) return _pending.Count; }
    }

    internal LoginThrottle Throttle { get; private set; } = null!;

    private static IPAddress AddressOf(Socket socket) =>
        socket.RemoteEndPoint is IPEndPoint ip ? (ip.Address.IsIPv4MappedToIPv6 ? ip.Address.MapToIPv4() : ip.Address) : IPAddress.None;

    /// <summary>Admits a freshly accepted socket as pending, or returns null (the caller closes the socket).</summary>
    private BoltServerConnection? Admit(Socket socket)
    {
        var address = AddressOf(socket);
        BoltServerConnection? displaced = null;
        BoltServerConnection connection;
        string? refusal = null;
        lock (_admission)
        {
            _perAddress.TryGetValue(address, out var fromAddress);
            if (Options.MaxConnectionsPerAddress > 0 && fromAddress >= Options.MaxConnectionsPerAddress)
                refusal = $"{address} already has {fromAddress} connections (Bolt:MaxConnectionsPerAddress)";
            else if (_authenticated >= Options.MaxConnections)
                refusal = $"{_authenticated} clients are logged in (Bolt:MaxConnections)";
            if (refusal is null)
            {
                if (_pending.Count >= Options.MaxPendingConnections)
                {
                    var victim = _pending.First!;
                    for (var n = victim; n is not null; n = n.Next)
                    {
                        if (n.Value.HasSpoken) continue;
                        victim = n;
                        break;
                    }
                    displaced = victim.Value;
                    _pending.Remove(victim);
                    displaced.PendingNode = null;
                }
                connection = new BoltServerConnection(this, socket, Interlocked.Increment(ref _nextConnectionId), address);
                connection.PendingNode = _pending.AddLast(connection);
                _perAddress[address] = fromAddress + 1;
            }
            else
            {
                connection = null!;
            }
        }
        if (displaced is not null)
        {
            LogRefusal($"connection {displaced.Id} from {displaced.Address} had not logged in and was displaced by a new one (Bolt:MaxPendingConnections={Options.MaxPendingConnections})");
            displaced.Abort();
        }
        if (refusal is not null)
        {
            LogRefusal($"closing a new connection from {address}: {refusal}");
            return null;
        }
        return connection;
    }

    /// <summary>Moves a connection that just logged in from pending to authenticated; false when the server is full.</summary>
    internal bool Promote(BoltServerConnection connection)
    {
        lock (_admission)
        {
            if (connection.Promoted) return true;
            if (_authenticated >= Options.MaxConnections) return false;
            if (connection.PendingNode is { } node)
            {
                _pending.Remove(node);
                connection.PendingNode = null;
            }
            connection.Promoted = true;
            _authenticated++;
            return true;
        }
    }

    /// <summary>Releases the connection's slot and its address count (once, when its task ends).</summary>
    private void Release(BoltServerConnection connection)
    {
        lock (_admission)
        {
            if (connection.PendingNode is { } node)
            {
                _pending.Remove(node);
                connection.PendingNode = null;
            }
            if (connection.Promoted)
            {
                connection.Promoted = false;
                _authenticated--;
            }
            if (_perAddress.TryGetValue(connection.Address, out var count))
            {
                if (count <= 1) _perAddress.Remove(connection.Address);
                else _perAddress[connection.Address] = count - 1;
            }
        }
    }

    // A flood of refused connections must not become a flood of log lines: one warning per interval with a count.
    private void LogRefusal(string what)
    {
        int suppressed;
        lock (_admission)
        {
            var now = TimeProvider.System.GetTimestamp();
            if (_lastRefusalLogTicks != long.MinValue && TimeProvider.System.GetElapsedTime(_lastRefusalLogTicks, now) < LoginThrottle.LogInterval)
            {
                _unloggedRefusals++;
                return;
            }
            _lastRefusalLogTicks = now;
            suppressed = _unloggedRefusals;
            _unloggedRefusals = 0;
        }
        _logger.LogWarning("Bolt admission: {What} ({Suppressed} similar events since the last report).", what, suppressed);
    }
}
