using Xunit;
using KnowledgeGraph.Bolt.Protocol.PackStream;

namespace KnowledgeGraph.Bolt.Tests.Protocol;

public sealed class PackStreamMalformedTests
{
    [Theory]
    [InlineData(new byte[] { 0xD2, 0x7F, 0xFF, 0xFF, 0xFF, 0x41 })] // 2 GB string header, 1 byte of data
    [InlineData(new byte[] { 0xD6, 0x7F, 0xFF, 0xFF, 0xFF })]       // 2 G-element list, no elements
    [InlineData(new byte[] { 0xDA, 0x00, 0x01, 0x00, 0x00 })]       // 65536-entry map, no entries
    [InlineData(new byte[] { 0xCE, 0xFF, 0xFF, 0xFF, 0xFF })]       // negative bytes size
    [InlineData(new byte[] { 0xCB, 0x01, 0x02 })]                   // truncated int64
    [InlineData(new byte[] { 0xC7 })]                               // unused marker
    [InlineData(new byte[] { 0xDC, 0x01 })]                         // struct8 is not part of Bolt 5
    [InlineData(new byte[] { 0x82, 0xC3, 0x28 })]                   // invalid UTF-8
    [InlineData(new byte[] { 0xA1, 0x01, 0x01 })]                   // non-string map key
    [InlineData(new byte[] { 0xB1, 0x44, 0x81, 0x78 })]             // Date with a string field
    [InlineData(new byte[] { 0xB3, 0x49, 0x00, 0xCA, 0x7F, 0xFF, 0xFF, 0xFF, 0x00 })] // nanos out of range
    public void Reader_Should_ThrowPackStreamException_When_InputIsMalformed(byte[] input)
    {
        var reader = new PackStreamReader(input);
        Assert.ThrowsAny<Exception>(() => reader.ReadValue());
        try
        {
            new PackStreamReader(input).ReadValue();
        }
        catch (Exception e)
        {
            Assert.True(e is PackStreamException or OverflowException, e.GetType().Name);
        }
    }

    [Fact]
    public void Reader_Should_Throw_When_NestingIsTooDeep()
    {
        var input = Enumerable.Repeat((byte)0x91, 10_000).Append((byte)0xC0).ToArray();
        Assert.Throws<PackStreamException>(() => new PackStreamReader(input).ReadValue());
    }

    [Fact]
    public void Writer_Should_Throw_When_ValueTypeIsNotInTheValueModel()
    {
        Assert.Throws<PackStreamException>(() => new PackStreamWriter().WriteValue(new object()));
    }
}
