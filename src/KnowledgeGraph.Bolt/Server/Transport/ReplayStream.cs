namespace KnowledgeGraph.Bolt.Server.Transport;

/// <summary>
/// A stream that first returns bytes already read from <c>inner</c> (the bytes the transport sniffer looked at, or
/// what followed an HTTP upgrade request in the same read), then reads <c>inner</c>. Writes go to <c>inner</c>.
/// Invariant: <c>_offset</c> ≤ <c>_prefix.Length</c>; once they are equal every read goes to <c>inner</c>.
/// </summary>
internal sealed class ReplayStream : Stream
{
    private readonly Stream _inner;
    private readonly byte[] _prefix;
    private int _offset;

    public ReplayStream(ReadOnlySpan<byte> prefix, Stream inner)
    {
        _prefix = prefix.ToArray();
        _inner = inner;
    }

    public override async ValueTask<int> ReadAsync(Memory<byte> destination, CancellationToken cancellationToken = default)
    {
        if (_offset < _prefix.Length)
        {
            if (destination.IsEmpty) return 0;
            var count = Math.Min(destination.Length, _prefix.Length - _offset);
            _prefix.AsSpan(_offset, count).CopyTo(destination.Span);
            _offset += count;
            return count;
        }
        return await _inner.ReadAsync(destination, cancellationToken).ConfigureAwait(false);
    }

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override int Read(byte[] buffer, int offset, int count) =>
        ReadAsync(buffer.AsMemory(offset, count)).AsTask().GetAwaiter().GetResult();

    public override ValueTask WriteAsync(ReadOnlyMemory<byte> source, CancellationToken cancellationToken = default) =>
        _inner.WriteAsync(source, cancellationToken);

    public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        _inner.WriteAsync(buffer, offset, count, cancellationToken);

    public override void Write(byte[] buffer, int offset, int count) => _inner.Write(buffer, offset, count);

    public override Task FlushAsync(CancellationToken cancellationToken) => _inner.FlushAsync(cancellationToken);

    public override void Flush() => _inner.Flush();

    public override bool CanRead => true;

    public override bool CanWrite => true;

    public override bool CanSeek => false;

    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => throw new NotSupportedException();
        set => throw new NotSupportedException();
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing) _inner.Dispose();
        base.Dispose(disposing);
    }

    public override async ValueTask DisposeAsync()
    {
        await _inner.DisposeAsync().ConfigureAwait(false);
        await base.DisposeAsync().ConfigureAwait(false);
    }
}
