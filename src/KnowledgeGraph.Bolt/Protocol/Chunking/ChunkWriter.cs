using System.Buffers.Binary;

namespace KnowledgeGraph.Bolt.Protocol.Chunking;

/// <summary>
/// Frames whole messages into chunks and buffers them until <see cref="FlushAsync"/>. Invariants: every chunk
/// carries 1..<see cref="MaxChunkSize"/> bytes; every message is followed by exactly one <c>00 00</c> marker;
/// nothing reaches the stream before a flush, so replies to pipelined requests go out in one write.
/// </summary>
public sealed class ChunkWriter
{
    /// <summary>Largest chunk payload the format allows (uint16).</summary>
    public const int MaxChunkSize = ushort.MaxValue;

    private readonly Stream _stream;
    private readonly int _chunkSize;
    private byte[] _output = new byte[16 * 1024];
    private int _length;

    /// <summary>Writes to <paramref name="stream"/>; <paramref name="chunkSize"/> is for tests of multi-chunk messages.</summary>
    public ChunkWriter(Stream stream, int chunkSize = MaxChunkSize)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(chunkSize, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(chunkSize, MaxChunkSize);
        _stream = stream;
        _chunkSize = chunkSize;
    }

    /// <summary>Bytes waiting for a flush.</summary>
    public int PendingBytes => _length;

    /// <summary>Appends one message (its PackStream bytes) as chunks plus the end marker.</summary>
    public void WriteMessage(ReadOnlySpan<byte> message)
    {
        var chunks = Math.Max(1, (message.Length + _chunkSize - 1) / _chunkSize);
        Ensure(message.Length + chunks * 2 + 2);
        while (message.Length > 0)
        {
            var size = Math.Min(_chunkSize, message.Length);
            BinaryPrimitives.WriteUInt16BigEndian(_output.AsSpan(_length), (ushort)size);
            message[..size].CopyTo(_output.AsSpan(_length + 2));
            _length += size + 2;
            message = message[size..];
        }
        _output[_length++] = 0;
        _output[_length++] = 0;
    }

    /// <summary>Appends raw bytes (handshake).</summary>
    public void WriteRaw(ReadOnlySpan<byte> bytes)
    {
        Ensure(bytes.Length);
        bytes.CopyTo(_output.AsSpan(_length));
        _length += bytes.Length;
    }

    /// <summary>Writes everything buffered to the stream and flushes it.</summary>
    public async ValueTask FlushAsync(CancellationToken cancellationToken)
    {
        if (_length == 0) return;
        var length = _length;
        _length = 0;
        await _stream.WriteAsync(_output.AsMemory(0, length), cancellationToken).ConfigureAwait(false);
        await _stream.FlushAsync(cancellationToken).ConfigureAwait(false);
        if (_output.Length > 1024 * 1024) _output = new byte[16 * 1024]; // don't pin a huge buffer per idle connection
    }

    private void Ensure(int extra)
    {
        if (_length + extra > _output.Length)
            Array.Resize(ref _output, Math.Max(_output.Length * 2, _length + extra));
    }
}
