using Xunit;
using KnowledgeGraph.Bolt.Protocol;
using KnowledgeGraph.Bolt.Protocol.Chunking;

namespace KnowledgeGraph.Bolt.Tests.Protocol;

public sealed class ChunkingTests
{
    private static async Task<MemoryStream> WriteAsync(int chunkSize, params byte[][] messages)
    {
        var stream = new MemoryStream();
        var writer = new ChunkWriter(stream, chunkSize);
        foreach (var m in messages) writer.WriteMessage(m);
        Assert.Equal(0, stream.Length); // nothing leaves before a flush
        await writer.FlushAsync(CancellationToken.None);
        stream.Position = 0;
        return stream;
    }

    [Theory]
    [InlineData(1, 65535)]
    [InlineData(65535, 65535)]
    [InlineData(65536, 65535)]
    [InlineData(200_000, 65535)]
    [InlineData(10, 3)]
    public async Task Messages_Should_Reassemble_When_SplitIntoChunks(int size, int chunkSize)
    {
        var message = Enumerable.Range(0, size).Select(i => (byte)(i * 7)).ToArray();
        var stream = await WriteAsync(chunkSize, message, [1, 2, 3]);
        var expectedChunks = (size + chunkSize - 1) / chunkSize;
        Assert.Equal(size + expectedChunks * 2 + 2 + 3 + 2 + 2, stream.Length);
        var reader = new ChunkReader(stream);
        Assert.Equal(message, (await reader.ReadMessageAsync(CancellationToken.None)).ToArray());
        Assert.Equal([1, 2, 3], (await reader.ReadMessageAsync(CancellationToken.None)).ToArray());
        await Assert.ThrowsAsync<EndOfStreamException>(async () => await reader.ReadMessageAsync(CancellationToken.None));
    }

    [Fact]
    public async Task Reader_Should_SkipNoops_When_ZeroChunksBetweenMessages()
    {
        var stream = new MemoryStream([0, 0, 0, 0, 0, 2, 9, 8, 0, 0, 0, 0]);
        var reader = new ChunkReader(stream);
        Assert.Equal([9, 8], (await reader.ReadMessageAsync(CancellationToken.None)).ToArray());
    }

    [Fact]
    public async Task Reader_Should_Throw_When_MessageExceedsLimit()
    {
        var stream = await WriteAsync(65535, new byte[5000]);
        var reader = new ChunkReader(stream, maxMessageSize: 4096);
        await Assert.ThrowsAsync<BoltProtocolException>(async () => await reader.ReadMessageAsync(CancellationToken.None));
    }

    [Fact]
    public async Task Reader_Should_ThrowEndOfStream_When_PeerClosesMidChunk()
    {
        var reader = new ChunkReader(new MemoryStream([0, 10, 1, 2, 3]));
        await Assert.ThrowsAnyAsync<EndOfStreamException>(async () => await reader.ReadMessageAsync(CancellationToken.None));
    }

    [Fact]
    public async Task Reader_Should_ReadRawHandshake_Then_Messages_When_Pipelined()
    {
        var stream = new MemoryStream([0x60, 0x60, 0xB0, 0x17, 0, 1, 0x42, 0, 0]);
        var reader = new ChunkReader(stream);
        Assert.Equal([0x60, 0x60, 0xB0, 0x17], (await reader.ReadRawAsync(4, CancellationToken.None)).ToArray());
        Assert.True(reader.HasBufferedInput);
        Assert.Equal([0x42], (await reader.ReadMessageAsync(CancellationToken.None)).ToArray());
        Assert.False(reader.HasBufferedInput);
    }
}
