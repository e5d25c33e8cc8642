namespace KnowledgeGraph.Bolt.Server;

/// <summary>
/// The owner thread while a request's work truly awaits (a commit waiting for the log, a login delay): the work's
/// continuations run on the thread pool, and the owner waits for the work in <see cref="ServeUntil"/>. A socket write
/// the work makes meanwhile (a large result flushed mid-stream) is posted to the owner and sent there, so a client
/// that stops reading blocks the connection's own thread, never a pool thread.
/// Invariant: <c>_serving</c> is true from <see cref="BeginServing"/> until <see cref="ServeUntil"/> returns; only
/// then are writes from other threads posted (the owner is bound to pick them up); at most one write is posted at a
/// time (a request's writes are sequential).
/// </summary>
internal sealed partial class DirectSocketStream
{
    private readonly int _owner;
    private readonly object _mail = new();
    private volatile bool _serving;
    private PostedWrite? _posted;

    private sealed class PostedWrite(ReadOnlyMemory<byte> bytes, CancellationToken cancellationToken)
    {
        public ReadOnlyMemory<byte> Bytes { get; } = bytes;

        public CancellationToken CancellationToken { get; } = cancellationToken;

        public TaskCompletionSource Done { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }

    /// <summary>Call on the owner thread before starting work that may await; pair with <see cref="ServeUntil"/>.</summary>
    public void BeginServing() => _serving = true;

    /// <summary>
    /// On the owner thread: returns when <paramref name="work"/> has completed, sending the writes it posts
    /// meanwhile. At once when it completed synchronously (the usual case).
    /// </summary>
    public void ServeUntil(Task work)
    {
        try
        {
            if (work.IsCompleted) return;
            work.ConfigureAwait(false).GetAwaiter().UnsafeOnCompleted(WakeOwner);
            while (true)
            {
                PostedWrite? posted;
                lock (_mail)
                {
                    while (_posted is null && !work.IsCompleted) Monitor.Wait(_mail);
                    posted = _posted;
                    _posted = null;
                }
                // The work awaits its posted write before it can complete, so no write is left behind here.
                if (posted is null) return;
                try
                {
                    WriteNow(posted.Bytes.Span, posted.CancellationToken);
                    posted.Done.TrySetResult();
                }
                catch (OperationCanceledException e)
                {
                    posted.Done.TrySetCanceled(e.CancellationToken);
                }
                catch (Exception e)
                {
                    posted.Done.TrySetException(e);
                }
            }
        }
        finally
        {
            _serving = false;
        }
    }

    private void WakeOwner()
    {
        lock (_mail) Monitor.PulseAll(_mail);
    }

    /// <summary>A write from another thread while the owner serves: handed to the owner. Null when the owner is not
    /// serving (then the caller writes itself; the request loop keeps to its thread, so this does not happen).</summary>
    private ValueTask? PostWrite(ReadOnlyMemory<byte> bytes, CancellationToken cancellationToken)
    {
        if (!_serving) return null;
        var posted = new PostedWrite(bytes, cancellationToken);
        lock (_mail)
        {
            _posted = posted;
            Monitor.PulseAll(_mail);
        }
        return new ValueTask(posted.Done.Task);
    }
}
