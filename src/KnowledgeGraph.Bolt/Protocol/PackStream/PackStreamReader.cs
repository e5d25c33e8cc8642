using System.Buffers.Binary;
using System.Text;

namespace KnowledgeGraph.Bolt.Protocol.PackStream;

/// <summary>
/// Reads PackStream values from one complete, de-chunked message. Every size is checked against the bytes that
/// remain before anything is allocated, so a hostile size (e.g. a 2 GB string header in a 20-byte message)
/// fails with <see cref="PackStreamException"/> instead of allocating; nesting is bounded by
/// <see cref="MaxDepth"/> so deep input cannot overflow the stack.
/// </summary>
public sealed partial class PackStreamReader
{
    /// <summary>Deepest nesting of lists, maps and structures accepted.</summary>
    public const int MaxDepth = 256;

    private readonly ReadOnlyMemory<byte> _data;
    private int _position;

    /// <summary>Reads from <paramref name="data"/>, which must hold whole values.</summary>
    public PackStreamReader(ReadOnlyMemory<byte> data) => _data = data;

    /// <summary>Bytes not yet read.</summary>
    public int Remaining => _data.Length - _position;

    private ReadOnlySpan<byte> Take(int count)
    {
        if (count < 0 || count > Remaining)
            throw new PackStreamException($"Truncated PackStream data: needed {count} bytes, {Remaining} left.");
        var span = _data.Span.Slice(_position, count);
        _position += count;
        return span;
    }

    /// <summary>The next marker byte, without consuming it.</summary>
    public byte PeekMarker()
    {
        if (Remaining < 1) throw new PackStreamException("Truncated PackStream data: no marker byte left.");
        return _data.Span[_position];
    }

    private byte ReadByte() => Take(1)[0];

    /// <summary>Reads a structure header; returns the field count and the signature.</summary>
    public (int FieldCount, byte Signature) ReadStructHeader()
    {
        var marker = ReadByte();
        if ((marker & 0xF0) != PackStreamMarker.TinyStructBase)
            throw new PackStreamException($"Expected a structure, found marker 0x{marker:X2}.");
        return (marker & 0x0F, ReadByte());
    }

    /// <summary>Reads a list header.</summary>
    public int ReadListHeader()
    {
        var marker = ReadByte();
        return ReadSize(marker, PackStreamMarker.TinyListBase, PackStreamMarker.List8, PackStreamMarker.List16, PackStreamMarker.List32, "list", 1);
    }

    /// <summary>Reads a map header.</summary>
    public int ReadMapHeader()
    {
        var marker = ReadByte();
        return ReadSize(marker, PackStreamMarker.TinyMapBase, PackStreamMarker.Map8, PackStreamMarker.Map16, PackStreamMarker.Map32, "map", 2);
    }

    /// <summary>Reads a string.</summary>
    public string ReadString()
    {
        var marker = ReadByte();
        var size = ReadSize(marker, PackStreamMarker.TinyStringBase, PackStreamMarker.String8, PackStreamMarker.String16, PackStreamMarker.String32, "string", 1);
        return DecodeUtf8(Take(size));
    }

    /// <summary>Reads an integer of any size class.</summary>
    public long ReadInteger()
    {
        var marker = ReadByte();
        return TryReadInteger(marker, out var value)
            ? value
            : throw new PackStreamException($"Expected an integer, found marker 0x{marker:X2}.");
    }

    private bool TryReadInteger(byte marker, out long value)
    {
        if (marker <= 0x7F || marker >= 0xF0)
        {
            value = unchecked((sbyte)marker);
            return true;
        }
        switch (marker)
        {
            case PackStreamMarker.Int8: value = unchecked((sbyte)ReadByte()); return true;
            case PackStreamMarker.Int16: value = BinaryPrimitives.ReadInt16BigEndian(Take(2)); return true;
            case PackStreamMarker.Int32: value = BinaryPrimitives.ReadInt32BigEndian(Take(4)); return true;
            case PackStreamMarker.Int64: value = BinaryPrimitives.ReadInt64BigEndian(Take(8)); return true;
            default: value = 0; return false;
        }
    }

    /// <summary>Reads any value; structures become Core values (see the Structures part).</summary>
    public object? ReadValue() => ReadValue(0);

    private object? ReadValue(int depth)
    {
        if (depth > MaxDepth)
            throw new PackStreamException(KnowledgeGraph.Errors.ErrorCodes.ProtocolError,
                $"PackStream value nested deeper than the limit of {MaxDepth} lists, maps and structures.", messageIntact: true);
        var marker = ReadByte();
        if (TryReadInteger(marker, out var integer)) return Box(integer);
        switch (marker & 0xF0)
        {
            case PackStreamMarker.TinyStringBase: return DecodeUtf8(Take(marker & 0x0F));
            case PackStreamMarker.TinyListBase: return ReadListBody(marker & 0x0F, depth);
            case PackStreamMarker.TinyMapBase: return ReadMapBody(marker & 0x0F, depth);
            case PackStreamMarker.TinyStructBase: return ReadStructure(marker & 0x0F, ReadByte(), depth);
        }
        switch (marker)
        {
            case PackStreamMarker.Null: return null;
            case PackStreamMarker.True: return true;
            case PackStreamMarker.False: return false;
            case PackStreamMarker.Float64: return BinaryPrimitives.ReadDoubleBigEndian(Take(8));
            case PackStreamMarker.Bytes8: return Take(ReadByte()).ToArray();
            case PackStreamMarker.Bytes16: return Take(BinaryPrimitives.ReadUInt16BigEndian(Take(2))).ToArray();
            case PackStreamMarker.Bytes32: return Take(CheckedSize(BinaryPrimitives.ReadInt32BigEndian(Take(4)), 1, "bytes")).ToArray();
            case PackStreamMarker.String8 or PackStreamMarker.String16 or PackStreamMarker.String32:
                return DecodeUtf8(Take(ReadSize(marker, PackStreamMarker.TinyStringBase, PackStreamMarker.String8, PackStreamMarker.String16, PackStreamMarker.String32, "string", 1)));
            case PackStreamMarker.List8 or PackStreamMarker.List16 or PackStreamMarker.List32:
                return ReadListBody(ReadSize(marker, PackStreamMarker.TinyListBase, PackStreamMarker.List8, PackStreamMarker.List16, PackStreamMarker.List32, "list", 1), depth);
            case PackStreamMarker.Map8 or PackStreamMarker.Map16 or PackStreamMarker.Map32:
                return ReadMapBody(ReadSize(marker, PackStreamMarker.TinyMapBase, PackStreamMarker.Map8, PackStreamMarker.Map16, PackStreamMarker.Map32, "map", 2), depth);
            default:
                throw new PackStreamException($"Unknown PackStream marker 0x{marker:X2}.");
        }
    }

    /// <summary>Reads a map whose values are any PackStream values.</summary>
    public Dictionary<string, object?> ReadMap() => ReadMapBody(ReadMapHeader(), 0);

    // Boxes of the integers that PackStream packs in one or two bytes, shared: a parameter list of small integers
    // then costs one reference per element instead of a reference plus a 24-byte box.
    private const int BoxCacheMin = -128;
    private const int BoxCacheMax = 1023;
    private static readonly object[] BoxCache = Enumerable.Range(BoxCacheMin, BoxCacheMax - BoxCacheMin + 1).Select(i => (object)(long)i).ToArray();

    private static object Box(long value) =>
        value is >= BoxCacheMin and <= BoxCacheMax ? BoxCache[value - BoxCacheMin] : value;

    private List<object?> ReadListBody(int count, int depth)
    {
        // Exact capacity: count was checked against the bytes that remain (every element takes at least one byte),
        // so it is bounded by the message size, and growth by doubling would waste up to half the array.
        var list = new List<object?>(count);
        for (var i = 0; i < count; i++) list.Add(ReadValue(depth + 1));
        return list;
    }

    private Dictionary<string, object?> ReadMapBody(int count, int depth)
    {
        var map = new Dictionary<string, object?>(Math.Min(count, 1024), StringComparer.Ordinal);
        for (var i = 0; i < count; i++)
        {
            var key = ReadValue(depth + 1) as string ?? throw new PackStreamException("Map keys must be strings.");
            // Duplicate keys: the last one wins, as in Neo4j.
            map[key] = ReadValue(depth + 1);
        }
        return map;
    }

    private int ReadSize(byte marker, byte tiny, byte m8, byte m16, byte m32, string what, int minBytesPerItem)
    {
        if ((marker & 0xF0) == tiny) return marker & 0x0F;
        int size;
        if (marker == m8) size = ReadByte();
        else if (marker == m16) size = BinaryPrimitives.ReadUInt16BigEndian(Take(2));
        else if (marker == m32) size = BinaryPrimitives.ReadInt32BigEndian(Take(4));
        else throw new PackStreamException($"Expected a {what}, found marker 0x{marker:X2}.");
        return CheckedSize(size, minBytesPerItem, what);
    }

    // Each element takes at least minBytesPerItem bytes, so a size beyond what remains is certainly malformed.
    private int CheckedSize(int size, int minBytesPerItem, string what)
    {
        if (size < 0 || (long)size * minBytesPerItem > Remaining)
            throw new PackStreamException($"Invalid {what} size {size}: only {Remaining} bytes remain.");
        return size;
    }

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    private static string DecodeUtf8(ReadOnlySpan<byte> bytes)
    {
        try
        {
            return StrictUtf8.GetString(bytes);
        }
        catch (DecoderFallbackException)
        {
            throw new PackStreamException("String is not valid UTF-8.");
        }
    }
}
