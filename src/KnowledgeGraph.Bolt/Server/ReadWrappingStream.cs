namespace KnowledgeGraph.Bolt.Server;

/// <summary>
/// The base of the server's stream wrappers that change how a connection's bytes are read (the transport sniffer's
/// replay, the peer watch pump) while writes, flushes and disposal go straight to the wrapped stream. Not seekable.
/// A subclass implements <see cref="ReadAsync(Memory{byte}, CancellationToken)"/>; the other read overloads use it.
/// </summary>
internal abstract class ReadWrappingStream(Stream inner) : Stream
{
    /// <summary>The wrapped stream: writes go here, and disposing this stream disposes it.</summary>
    protected Stream Inner { get; } = inner;

    public abstract override ValueTask<int> ReadAsync(Memory<byte> destination, CancellationToken cancellationToken = default);

    public sealed override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public sealed override int Read(byte[] buffer, int offset, int count) =>
        ReadAsync(buffer.AsMemory(offset, count)).AsTask().GetAwaiter().GetResult();

    public sealed override ValueTask WriteAsync(ReadOnlyMemory<byte> source, CancellationToken cancellationToken = default) =>
        Inner.WriteAsync(source, cancellationToken);

    public sealed override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        Inner.WriteAsync(buffer, offset, count, cancellationToken);

    public sealed override void Write(byte[] buffer, int offset, int count) => Inner.Write(buffer, offset, count);

    public sealed override Task FlushAsync(CancellationToken cancellationToken) => Inner.FlushAsync(cancellationToken);

    public sealed override void Flush() => Inner.Flush();

    public sealed override bool CanRead => true;

    public sealed override bool CanWrite => true;

    public sealed override bool CanSeek => false;

    public sealed override long Length => throw new NotSupportedException();

    public sealed override long Position
    {
        get => throw new NotSupportedException();
        set => throw new NotSupportedException();
    }

    public sealed override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public sealed override void SetLength(long value) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing) Inner.Dispose();
        base.Dispose(disposing);
    }

    public override async ValueTask DisposeAsync()
    {
        await Inner.DisposeAsync().ConfigureAwait(false);
        await base.DisposeAsync().ConfigureAwait(false);
    }
}
