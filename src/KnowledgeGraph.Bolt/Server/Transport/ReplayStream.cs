namespace KnowledgeGraph.Bolt.Server.Transport;

/// <summary>
/// A stream that first returns bytes already read from <c>inner</c> (the bytes the transport sniffer looked at, or
/// what followed an HTTP upgrade request in the same read), then reads <c>inner</c>. Writes go to <c>inner</c>.
/// Invariant: <c>_offset</c> ≤ <c>_prefix.Length</c>; once they are equal every read goes to <c>inner</c>.
/// </summary>
internal sealed class ReplayStream(ReadOnlySpan<byte> prefix, Stream inner) : ReadWrappingStream(inner)
{
    private readonly byte[] _prefix = prefix.ToArray();
    private int _offset;

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
        return await Inner.ReadAsync(destination, cancellationToken).ConfigureAwait(false);
    }
}
