using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Logging;

namespace KnowledgeGraph.Bolt.Server;

/// <summary>
/// Admission: which connections may hold a slot. Connections that have not logged in yet are "pending" and capped
/// by <see cref="BoltServerOptions.MaxPendingConnections"/>: when the cap is full, a new connection displaces a pending
/// one of the address that holds the most pending slots: its oldest that has not sent a byte yet, or failing that its
/// oldest (a real client sends its handshake at once and logs in within milliseconds; a socket that never sends a
/// byte is the one that goes). Choosing the heaviest address first matters: a flood from one address churns through
/// hundreds of slots per second, so "oldest bare socket anywhere" would soon be a real client's connection that was
/// accepted a moment before its handshake arrived. Logged-in connections are capped by
/// <see cref="BoltServerOptions.MaxConnections"/>, checked at login.
/// Every connection counts toward <see cref="BoltServerOptions.MaxConnectionsPerAddress"/> of its client address.
/// Invariant (under <c>_admission</c>): every live connection is either in <c>_pending</c> or counted in
/// <c>_authenticated</c>, and counted once in <c>_perAddress</c>; <c>_pendingPerAddress</c> counts the entries of
/// <c>_pending</c> by address (no zero counts).
/// </summary>
public sealed partial class BoltServer
{
    private readonly object _admission = new();
    private readonly LinkedList<BoltServerConnection> _pending = new();
    private readonly Dictionary<IPAddress, int> _perAddress = new();
    private readonly Dictionary<IPAddress, int> _pendingPerAddress = new();
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
                    displaced = ChooseDisplaced();
                    RemovePending(displaced);
                }
                connection = new BoltServerConnection(this, socket, Interlocked.Increment(ref _nextConnectionId), address);
                connection.PendingNode = _pending.AddLast(connection);
                _pendingPerAddress[address] = _pendingPerAddress.GetValueOrDefault(address) + 1;
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
            RemovePending(connection);
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
            RemovePending(connection);
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

    /// <summary>The pending connection a new one displaces (under the admission lock; <c>_pending</c> is not empty):
    /// the oldest silent one of the address with the most pending slots, else that address's oldest.</summary>
    private BoltServerConnection ChooseDisplaced()
    {
        var heaviest = _pending.First!.Value.Address;
        var most = 0;
        foreach (var (address, count) in _pendingPerAddress)
        {
            if (count <= most) continue;
            heaviest = address;
            most = count;
        }
        BoltServerConnection? oldest = null;
        for (var n = _pending.First; n is not null; n = n.Next)
        {
            if (!n.Value.Address.Equals(heaviest)) continue;
            oldest ??= n.Value;
            if (!n.Value.HasSpoken) return n.Value;
        }
        return oldest ?? _pending.First!.Value;
    }

    /// <summary>Takes the connection off the pending list if it is there (under the admission lock).</summary>
    private void RemovePending(BoltServerConnection connection)
    {
        if (connection.PendingNode is not { } node) return;
        _pending.Remove(node);
        connection.PendingNode = null;
        var left = _pendingPerAddress.GetValueOrDefault(connection.Address) - 1;
        if (left <= 0) _pendingPerAddress.Remove(connection.Address);
        else _pendingPerAddress[connection.Address] = left;
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
