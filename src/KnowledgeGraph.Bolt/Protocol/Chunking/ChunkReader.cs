using System.Buffers.Binary;


namespace KnowledgeGraph.Bolt.Protocol.Chunking;

/// <summary>
/// Reassembles Bolt messages from chunks. Wire format: a message is one or more chunks, each a big-endian
/// uint16 size (1..65535) followed by that many bytes, and ends with a zero-size chunk (<c>00 00</c>).
/// A zero-size chunk where no message has started is a NOOP (keep-alive) and is skipped.
/// Invariants: a returned message is complete and at most <see cref="MaxMessageSize"/> bytes; its memory is
/// valid only until the next call; bytes after it stay buffered for the next call (pipelined requests).
/// </summary>
public sealed class ChunkReader
{
    private const int RetainedMessageBytes = 1024 * 1024;

    private readonly Stream _stream;
    private byte[] _input;
    private int _start;
    private int _end;
    private byte[] _message;

    /// <summary>Reads from <paramref name="stream"/>.</summary>
    public ChunkReader(Stream stream, int maxMessageSize = 16 * 1024 * 1024)
    {
        _stream = stream;
        MaxMessageSize = maxMessageSize;
        _input = new byte[64 * 1024];
        _message = new byte[8 * 1024];
    }

    /// <summary>Largest message accepted; a bigger one fails with <see cref="BoltProtocolException"/>.</summary>
    public int MaxMessageSize { get; }

    /// <summary>True when bytes of a next message are already buffered (so a reply flush can wait).</summary>
    public bool HasBufferedInput => _end > _start;

    /// <summary>The bytes read from the stream but not yet consumed; valid until the next read call.</summary>
    public ReadOnlySpan<byte> BufferedInput => _input.AsSpan(_start, _end - _start);

    /// <summary>Reads exactly <paramref name="count"/> raw bytes (used for the handshake).</summary>
    public async ValueTask<ReadOnlyMemory<byte>> ReadRawAsync(int count, CancellationToken cancellationToken)
    {
        await FillAsync(count, cancellationToken).ConfigureAwait(false);
        var result = _input.AsMemory(_start, count).ToArray();
        _start += count;
        return result;
    }

    /// <summary>
    /// Reads the next whole message. Throws <see cref="EndOfStreamException"/> when the peer closes between
    /// messages or mid-message, and <see cref="BoltProtocolException"/> for an oversized message.
    /// </summary>
    public async ValueTask<ReadOnlyMemory<byte>> ReadMessageAsync(CancellationToken cancellationToken)
    {
        // The previous message is no longer referenced (see the invariants): a buffer grown for one large message is
        // dropped rather than held for the life of the connection.
        if (_message.Length > RetainedMessageBytes) _message = new byte[8 * 1024];
        var length = 0;
        while (true)
        {
            await FillAsync(2, cancellationToken).ConfigureAwait(false);
            int size = BinaryPrimitives.ReadUInt16BigEndian(_input.AsSpan(_start, 2));
            _start += 2;
            if (size == 0)
            {
                if (length == 0) continue; // NOOP between messages
                return _message.AsMemory(0, length);
            }
            if ((long)length + size > MaxMessageSize)
                throw new BoltProtocolException($"Message larger than the {MaxMessageSize}-byte limit.");
            if (length + size > _message.Length)
                Array.Resize(ref _message, Math.Min(MaxMessageSize, Math.Max(_message.Length * 2, length + size)));
            // Copy what is buffered, then read the rest of the chunk straight into the message buffer.
            var buffered = Math.Min(size, _end - _start);
            _input.AsSpan(_start, buffered).CopyTo(_message.AsSpan(length));
            _start += buffered;
            length += buffered;
            var missing = size - buffered;
            if (missing > 0)
            {
                await _stream.ReadExactlyAsync(_message.AsMemory(length, missing), cancellationToken).ConfigureAwait(false);
                length += missing;
            }
        }
    }

    private async ValueTask FillAsync(int count, CancellationToken cancellationToken)
    {
        if (_end - _start >= count) return;
        if (_start > 0)
        {
            // Compact: move the unread tail to the front so the buffer always has room for a header.
            _input.AsSpan(_start, _end - _start).CopyTo(_input);
            _end -= _start;
            _start = 0;
        }
        while (_end < count)
        {
            var read = await _stream.ReadAsync(_input.AsMemory(_end), cancellationToken).ConfigureAwait(false);
            if (read == 0) throw new EndOfStreamException("The peer closed the connection.");
            _end += read;
        }
    }
}
