using KnowledgeGraph.Bolt.Server;
using Xunit;

namespace KnowledgeGraph.Bolt.Tests.Server;

/// <summary>The read-ahead buffer of the pump and of direct mode: order, growth bound, compaction, drop when drained.</summary>
public sealed class ReadAheadBufferTests
{
    private static byte[] Bytes(int from, int count) => Enumerable.Range(from, count).Select(i => (byte)i).ToArray();

    private static byte[] ReadAll(ReadAheadBuffer buffer)
    {
        var into = new byte[buffer.Count];
        Assert.Equal(into.Length, buffer.Read(into));
        return into;
    }

    [Fact]
    public void Bytes_Should_ComeOutInArrivalOrder_When_AppendedAndReadInPieces()
    {
        var buffer = new ReadAheadBuffer(growthCap: 64, keepWhenDrained: 0);
        var expected = new List<byte>();
        var actual = new List<byte>();
        var next = 0;
        // Appends of 7 and reads of 5 interleaved: the buffer compacts and grows in between.
        for (var round = 0; round < 50; round++)
        {
            buffer.Append(Bytes(next, 7));
            expected.AddRange(Bytes(next, 7));
            next += 7;
            var piece = new byte[5];
            var read = buffer.Read(piece);
            actual.AddRange(piece.Take(read));
            Assert.Equal(expected.Count - actual.Count, buffer.Count);
            Assert.Equal(expected.Skip(actual.Count).ToArray(), buffer.Buffered.ToArray());
        }
        actual.AddRange(ReadAll(buffer));
        Assert.Equal(expected, actual);
        Assert.Equal(0, buffer.Count);
    }

    [Fact]
    public void Storage_Should_DoubleUpToTheCap_When_BytesKeepArriving()
    {
        var buffer = new ReadAheadBuffer(growthCap: 100, keepWhenDrained: 0);
        buffer.Append(Bytes(0, 10));
        Assert.Equal(10, buffer.Capacity); // the first storage is exactly the first bytes
        buffer.Append(Bytes(0, 1));
        Assert.Equal(20, buffer.Capacity);
        buffer.Append(Bytes(0, 10));
        Assert.Equal(40, buffer.Capacity);
        buffer.Append(Bytes(0, 20));
        Assert.Equal(80, buffer.Capacity);
        buffer.Append(Bytes(0, 40));
        Assert.Equal(100, buffer.Capacity); // doubling stops at the cap
        buffer.Append(Bytes(0, 50));
        Assert.Equal(131, buffer.Capacity); // beyond the cap: exactly what is needed
        Assert.Equal(131, buffer.Count);
    }

    [Fact]
    public void Bytes_Should_MoveToTheFront_When_TheEndHasNoRoomButTheStorageDoes()
    {
        var buffer = new ReadAheadBuffer(growthCap: 1000, keepWhenDrained: 1000);
        buffer.Append(Bytes(0, 16));
        Assert.Equal(12, buffer.Read(new byte[12]));
        buffer.Append(Bytes(16, 12)); // 4 left + 12 = 16: fits the storage once moved to the front
        Assert.Equal(16, buffer.Capacity);
        Assert.Equal(Bytes(12, 16), ReadAll(buffer));
    }

    [Fact]
    public void Reserve_Should_AddOnlyTheCommittedBytes_When_FewerArriveThanReserved()
    {
        var buffer = new ReadAheadBuffer(growthCap: 64, keepWhenDrained: 0);
        buffer.Append(Bytes(0, 3));
        var room = buffer.Reserve(10);
        Assert.Equal(10, room.Length);
        Bytes(3, 4).CopyTo(room);
        buffer.Commit(4);
        Assert.Equal(Bytes(0, 7), buffer.Buffered.ToArray());
        Assert.Throws<ArgumentOutOfRangeException>(() => buffer.Commit(buffer.Capacity));
    }

    [Fact]
    public void Prepend_Should_PutBytesBeforeTheBufferedOnes_When_BytesAreGivenBack()
    {
        var buffer = new ReadAheadBuffer(growthCap: 64, keepWhenDrained: 0);
        buffer.Prepend(Bytes(4, 4)); // onto an empty buffer
        buffer.Append(Bytes(8, 2));
        buffer.Prepend(Bytes(0, 4));
        Assert.Equal(Bytes(0, 10), ReadAll(buffer));
    }

    [Theory]
    [InlineData(0, 0)]   // direct mode: always dropped
    [InlineData(16, 16)] // the pump: a storage of at most one read is kept for the next burst
    [InlineData(15, 0)]
    public void Storage_Should_BeDroppedOrKept_When_Drained(int keepWhenDrained, int capacityAfter)
    {
        var buffer = new ReadAheadBuffer(growthCap: 64, keepWhenDrained);
        buffer.Append(Bytes(0, 16));
        Assert.Equal(8, buffer.Read(new byte[8]));
        Assert.Equal(16, buffer.Capacity); // not drained yet: nothing is dropped
        ReadAll(buffer);
        Assert.Equal(0, buffer.Count);
        Assert.Equal(capacityAfter, buffer.Capacity);
        buffer.Append(Bytes(0, 16));
        Assert.Equal(Bytes(0, 16), buffer.Buffered.ToArray()); // a drained buffer starts over at the front
    }
}
