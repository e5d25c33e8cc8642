using System.Buffers.Binary;
using System.Text;

namespace KnowledgeGraph.Bolt.Protocol.PackStream;

/// <summary>
/// Serialises PackStream values into a growable, reusable buffer. Every write picks the smallest size class
/// that fits (tiny, 8, 16, 32, 64 bits), which is what Neo4j and its drivers do and what the tests check.
/// Not thread-safe; one writer per connection.
/// </summary>
public sealed partial class PackStreamWriter
{
    private byte[] _buffer;
    private int _length;

    /// <summary>Creates a writer with an initial capacity.</summary>
    public PackStreamWriter(int initialCapacity = 1024) => _buffer = new byte[Math.Max(16, initialCapacity)];

    /// <summary>The bytes written since the last <see cref="Reset"/>.</summary>
    public ReadOnlyMemory<byte> Written => _buffer.AsMemory(0, _length);

    /// <summary>Number of bytes written since the last <see cref="Reset"/>.</summary>
    public int Length => _length;

    /// <summary>Forgets what was written; keeps the buffer.</summary>
    public void Reset() => _length = 0;

    private Span<byte> Grab(int count)
    {
        if (_length + count > _buffer.Length)
        {
            var size = Math.Max(_buffer.Length * 2L, (long)_length + count);
            if (size > Array.MaxLength) throw new PackStreamException("Message too large to serialise.");
            Array.Resize(ref _buffer, (int)size);
        }
        var span = _buffer.AsSpan(_length, count);
        _length += count;
        return span;
    }

    private void WriteByte(byte value) => Grab(1)[0] = value;

    /// <summary>Writes <c>null</c>.</summary>
    public void WriteNull() => WriteByte(PackStreamMarker.Null);

    /// <summary>Writes a boolean.</summary>
    public void WriteBoolean(bool value) => WriteByte(value ? PackStreamMarker.True : PackStreamMarker.False);

    /// <summary>Writes an integer in the smallest size class that holds it.</summary>
    public void WriteInteger(long value)
    {
        if (value is >= PackStreamMarker.TinyIntMin and <= PackStreamMarker.TinyIntMax)
        {
            WriteByte(unchecked((byte)(sbyte)value));
        }
        else if (value is >= sbyte.MinValue and <= sbyte.MaxValue)
        {
            var s = Grab(2);
            s[0] = PackStreamMarker.Int8;
            s[1] = unchecked((byte)(sbyte)value);
        }
        else if (value is >= short.MinValue and <= short.MaxValue)
        {
            var s = Grab(3);
            s[0] = PackStreamMarker.Int16;
            BinaryPrimitives.WriteInt16BigEndian(s[1..], (short)value);
        }
        else if (value is >= int.MinValue and <= int.MaxValue)
        {
            var s = Grab(5);
            s[0] = PackStreamMarker.Int32;
            BinaryPrimitives.WriteInt32BigEndian(s[1..], (int)value);
        }
        else
        {
            var s = Grab(9);
            s[0] = PackStreamMarker.Int64;
            BinaryPrimitives.WriteInt64BigEndian(s[1..], value);
        }
    }

    /// <summary>Writes a 64-bit float (NaN and infinities included, bit for bit).</summary>
    public void WriteFloat(double value)
    {
        var s = Grab(9);
        s[0] = PackStreamMarker.Float64;
        BinaryPrimitives.WriteDoubleBigEndian(s[1..], value);
    }

    /// <summary>Writes a UTF-8 string.</summary>
    public void WriteString(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        var byteCount = Encoding.UTF8.GetByteCount(value);
        WriteSizedHeader(byteCount, PackStreamMarker.TinyStringBase, PackStreamMarker.String8, PackStreamMarker.String16, PackStreamMarker.String32);
        Encoding.UTF8.GetBytes(value, Grab(byteCount));
    }

    /// <summary>Writes a byte array (there is no tiny form for bytes).</summary>
    public void WriteBytes(ReadOnlySpan<byte> value)
    {
        if (value.Length <= byte.MaxValue)
        {
            var s = Grab(2);
            s[0] = PackStreamMarker.Bytes8;
            s[1] = (byte)value.Length;
        }
        else if (value.Length <= ushort.MaxValue)
        {
            var s = Grab(3);
            s[0] = PackStreamMarker.Bytes16;
            BinaryPrimitives.WriteUInt16BigEndian(s[1..], (ushort)value.Length);
        }
        else
        {
            var s = Grab(5);
            s[0] = PackStreamMarker.Bytes32;
            BinaryPrimitives.WriteInt32BigEndian(s[1..], value.Length);
        }
        value.CopyTo(Grab(value.Length));
    }

    /// <summary>Writes a list header; exactly <paramref name="count"/> values must follow.</summary>
    public void WriteListHeader(int count) =>
        WriteSizedHeader(count, PackStreamMarker.TinyListBase, PackStreamMarker.List8, PackStreamMarker.List16, PackStreamMarker.List32);

    /// <summary>Writes a map header; exactly <paramref name="count"/> key (string) / value pairs must follow.</summary>
    public void WriteMapHeader(int count) =>
        WriteSizedHeader(count, PackStreamMarker.TinyMapBase, PackStreamMarker.Map8, PackStreamMarker.Map16, PackStreamMarker.Map32);

    /// <summary>Writes a structure header; Bolt structures have at most 15 fields.</summary>
    public void WriteStructHeader(int fieldCount, byte signature)
    {
        if (fieldCount is < 0 or > 15) throw new ArgumentOutOfRangeException(nameof(fieldCount), "A structure has 0..15 fields.");
        var s = Grab(2);
        s[0] = (byte)(PackStreamMarker.TinyStructBase | fieldCount);
        s[1] = signature;
    }

    private void WriteSizedHeader(int size, byte tiny, byte m8, byte m16, byte m32)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(size);
        if (size < 16)
        {
            WriteByte((byte)(tiny | size));
        }
        else if (size <= byte.MaxValue)
        {
            var s = Grab(2);
            s[0] = m8;
            s[1] = (byte)size;
        }
        else if (size <= ushort.MaxValue)
        {
            var s = Grab(3);
            s[0] = m16;
            BinaryPrimitives.WriteUInt16BigEndian(s[1..], (ushort)size);
        }
        else
        {
            var s = Grab(5);
            s[0] = m32;
            BinaryPrimitives.WriteInt32BigEndian(s[1..], size);
        }
    }
}
