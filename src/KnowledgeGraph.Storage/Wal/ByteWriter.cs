using System.Buffers.Binary;
using System.Text;

namespace KnowledgeGraph.Storage.Wal;

/// <summary>A growable little-endian byte buffer (the encoder of log records and checkpoint blocks).</summary>
internal sealed class ByteWriter
{
    private byte[] _buffer;

    public ByteWriter(int capacity = 256)
    {
        _buffer = new byte[capacity];
    }

    public int Length { get; private set; }

    /// <summary>Bytes the buffer holds before it has to grow.</summary>
    public int Capacity => _buffer.Length;

    public ReadOnlySpan<byte> WrittenSpan => _buffer.AsSpan(0, Length);

    public ReadOnlyMemory<byte> WrittenMemory => _buffer.AsMemory(0, Length);

    public void Clear() => Length = 0;

    /// <summary>Makes room for <paramref name="count"/> more bytes: the buffer at least doubles, so appending stays
    /// amortised O(1).</summary>
    private void EnsureRoom(int count)
    {
        if (Length + count > _buffer.Length) Array.Resize(ref _buffer, Math.Max(Math.Max(16, _buffer.Length * 2), Length + count));
    }

    public Span<byte> Reserve(int count)
    {
        EnsureRoom(count);
        var span = _buffer.AsSpan(Length, count);
        Length += count;
        return span;
    }

    /// <summary>Overwrites bytes already written (used to patch a header after the payload is known).</summary>
    public Span<byte> At(int offset, int count) => _buffer.AsSpan(offset, count);

    public void WriteByte(byte value)
    {
        EnsureRoom(1);
        _buffer[Length++] = value;
    }

    public void WriteInt32(int value) => BinaryPrimitives.WriteInt32LittleEndian(Reserve(4), value);

    public void WriteUInt32(uint value) => BinaryPrimitives.WriteUInt32LittleEndian(Reserve(4), value);

    public void WriteInt64(long value) => BinaryPrimitives.WriteInt64LittleEndian(Reserve(8), value);

    public void WriteDouble(double value) => BinaryPrimitives.WriteDoubleLittleEndian(Reserve(8), value);

    /// <summary>Unsigned LEB128; used for ids, counts and lengths.</summary>
    public void WriteVarUInt(ulong value)
    {
        // At most 10 bytes: one capacity check per number, not per byte (checkpoints and log records are mostly these).
        EnsureRoom(10);
        var buffer = _buffer;
        var i = Length;
        while (value >= 0x80)
        {
            buffer[i++] = (byte)(value | 0x80);
            value >>= 7;
        }

        buffer[i++] = (byte)value;
        Length = i;
    }

    public void WriteVarLong(long value) => WriteVarUInt((ulong)value);

    public void WriteString(string value)
    {
        var count = Encoding.UTF8.GetByteCount(value);
        WriteVarUInt((ulong)count);
        Encoding.UTF8.GetBytes(value, Reserve(count));
    }

    public void WriteBytes(ReadOnlySpan<byte> value)
    {
        WriteVarUInt((ulong)value.Length);
        value.CopyTo(Reserve(value.Length));
    }

    public void WriteRaw(ReadOnlySpan<byte> value) => value.CopyTo(Reserve(value.Length));
}
