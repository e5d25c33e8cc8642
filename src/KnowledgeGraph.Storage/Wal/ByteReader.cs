using System.Buffers.Binary;
using System.Text;

namespace KnowledgeGraph.Storage.Wal;

/// <summary>Reads what <see cref="ByteWriter"/> wrote; throws <see cref="InvalidDataException"/> on truncation.</summary>
internal sealed class ByteReader
{
    private readonly ReadOnlyMemory<byte> _data;

    public ByteReader(ReadOnlyMemory<byte> data)
    {
        _data = data;
    }

    public int Position { get; private set; }

    public bool AtEnd => Position >= _data.Length;

    private ReadOnlySpan<byte> Take(int count)
    {
        if (count < 0 || Position + count > _data.Length) throw new InvalidDataException("Unexpected end of record.");
        var span = _data.Span.Slice(Position, count);
        Position += count;
        return span;
    }

    public byte ReadByte() => Take(1)[0];

    public int ReadInt32() => BinaryPrimitives.ReadInt32LittleEndian(Take(4));

    public uint ReadUInt32() => BinaryPrimitives.ReadUInt32LittleEndian(Take(4));

    public long ReadInt64() => BinaryPrimitives.ReadInt64LittleEndian(Take(8));

    public double ReadDouble() => BinaryPrimitives.ReadDoubleLittleEndian(Take(8));

    public ulong ReadVarUInt()
    {
        ulong result = 0;
        for (var shift = 0; shift < 64; shift += 7)
        {
            var b = ReadByte();
            result |= (ulong)(b & 0x7F) << shift;
            if (b < 0x80) return result;
        }

        throw new InvalidDataException("Malformed variable-length integer.");
    }

    public long ReadVarLong() => (long)ReadVarUInt();

    public int ReadCount()
    {
        var value = ReadVarUInt();
        if (value > int.MaxValue) throw new InvalidDataException("Malformed length.");
        return (int)value;
    }

    public string ReadString() => Encoding.UTF8.GetString(Take(ReadCount()));

    public byte[] ReadBytes() => Take(ReadCount()).ToArray();
}
