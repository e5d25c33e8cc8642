using System.Net.Sockets;
using KnowledgeGraph.Bolt.Server.Transport;

namespace KnowledgeGraph.Bolt.Server;

/// <summary>
/// Direct mode (plain TCP, on the connection's own thread; see <see cref="BoltServer"/>): the request loop reads and
/// writes the socket with blocking calls, so a request wakes this thread once and needs no thread-pool work. What the
/// pump does on the async path is done here by the server's watchdog calling <see cref="WatchPeer"/>: while a request
/// runs longer than a watchdog interval, bytes that arrive are moved into the input buffer (a RESET or GOODBYE among
/// them interrupts the statement) and a peer that went away cancels it.
/// </summary>
internal sealed partial class BoltServerConnection
{
    /// <summary>The input the request loop reads: the pump, or the direct stream.</summary>
    private Stream Input => (Stream?)_direct ?? _pump!;

    private IPeerInput Peer => (IPeerInput?)_direct ?? _pump!;

    /// <summary>
    /// Starts direct mode on the calling thread: reads the first four bytes (blocking, within the login deadline) to
    /// tell plain Bolt from an HTTP request. Plain Bolt stays direct (true). An HTTP request (a WebSocket upgrade)
    /// leaves direct mode before any asynchronous socket call: <c>_stream</c> then replays the four bytes over a
    /// <see cref="NetworkStream"/> and the async path takes the connection over (false).
    /// </summary>
    private bool StartDirect()
    {
        var direct = new DirectSocketStream(_socket, ReadAheadLimit);
        var first = new byte[4];
        for (var filled = 0; filled < first.Length;)
        {
            var read = direct.ReadAsync(first.AsMemory(filled), _loginDeadline.Token).GetAwaiter().GetResult();
            if (read == 0) throw new EndOfStreamException("The client closed the connection before its handshake.");
            filled += read;
        }
        Volatile.Write(ref _spoke, true);
        if (BoltTransport.LooksLikeHttp(first))
        {
            _stream = new ReplayStream(first, new NetworkStream(_socket, ownsSocket: true));
            return false;
        }
        direct.Unread(first);
        _stream = direct;
        _direct = direct;
        return true;
    }

    /// <summary>
    /// Starts a request's work. In direct mode this thread then serves it until it completes (its awaits may continue
    /// on the pool, and writes they make are posted here; see <see cref="DirectSocketStream.ServeUntil"/>), so the
    /// request loop stays on the connection's thread; the returned task is complete by then.
    /// </summary>
    private Task Served<TState>(TState state, Func<BoltServerConnection, TState, Task> start)
    {
        _direct?.BeginServing();
        var work = start(this, state);
        _direct?.ServeUntil(work);
        return work;
    }

    /// <summary>
    /// Called by the server's watchdog (its own thread) for a direct connection. When the running request started at
    /// least <paramref name="after"/> Stopwatch ticks before <paramref name="now"/>, moves arrived bytes into the input
    /// buffer without blocking (under the work gate: the loop does not read while it works) and reacts as the pump
    /// does: a peer gone cancels everything, a RESET or GOODBYE interrupts the statement.
    /// </summary>
    internal void WatchPeer(long now, long after)
    {
        if (_direct is not { } direct) return;
        bool moved;
        lock (_workGate)
        {
            if (!_working || now - _workStarted < after) return;
            moved = direct.TakeArrived();
        }
        if (moved) OnPeerInput();
    }
}
