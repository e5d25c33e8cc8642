using KnowledgeGraph.Bolt.Protocol.PackStream;
using KnowledgeGraph.Temporal;
using Xunit;

namespace KnowledgeGraph.Bolt.Tests.Protocol;

/// <summary>Value-level limits of the reader: nesting depth, temporal ranges, and the shared boxes of small integers.</summary>
public sealed class PackStreamLimitsTests
{
    private static object? Read(Action<PackStreamWriter> write)
    {
        var writer = new PackStreamWriter();
        write(writer);
        return new PackStreamReader(writer.Written).ReadValue();
    }

    private static PackStreamException Refused(Action<PackStreamWriter> write) =>
        Assert.Throws<PackStreamException>(() => Read(write));

    private static void Duration(PackStreamWriter w, long months, long days, long seconds, long nanos)
    {
        w.WriteStructHeader(4, StructureSignature.Duration);
        w.WriteInteger(months);
        w.WriteInteger(days);
        w.WriteInteger(seconds);
        w.WriteInteger(nanos);
    }

    [Fact]
    public void ReadValue_Should_RefuseWithRequestInvalidNamingTheLimit_When_InputIsAMillionListsDeep()
    {
        var bytes = new byte[1_000_001];
        Array.Fill(bytes, (byte)0x91); // a one-element list, a million times
        bytes[^1] = 0x01;
        var e = Assert.Throws<PackStreamException>(() => new PackStreamReader(bytes).ReadValue());
        Assert.Equal("Neo.ClientError.Request.Invalid", e.Code);
        Assert.True(e.MessageIntact);
        Assert.Contains(PackStreamReader.MaxDepth.ToString(System.Globalization.CultureInfo.InvariantCulture), e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ReadValue_Should_AcceptNesting_When_AtTheLimit()
    {
        var bytes = new byte[PackStreamReader.MaxDepth + 1];
        Array.Fill(bytes, (byte)0x91);
        bytes[^1] = 0x01;
        Assert.IsType<List<object?>>(new PackStreamReader(bytes).ReadValue());
    }

    [Fact]
    public void ReadValue_Should_CarryNanosecondsIntoSeconds_When_DurationHasLongMaxNanoseconds()
    {
        var d = Assert.IsType<CypherDuration>(Read(w => Duration(w, 0, 0, 0, long.MaxValue)));
        Assert.Equal(new CypherDuration(0, 0, 9_223_372_036, 854_775_807), d);
        var negative = Assert.IsType<CypherDuration>(Read(w => Duration(w, 1, 2, 5, -1)));
        Assert.Equal(new CypherDuration(1, 2, 4, 999_999_999), negative);
    }

    [Fact]
    public void ReadValue_Should_RefuseWithArgumentError_When_DurationSecondsOverflow()
    {
        var e = Refused(w => Duration(w, 0, 0, long.MaxValue, 1_000_000_000));
        Assert.Equal("Neo.ClientError.Statement.ArgumentError", e.Code);
        Assert.True(e.MessageIntact);
    }

    [Theory]
    [InlineData(365_241_780_471L, true)] // +999999999-12-31
    [InlineData(-365_243_219_162L, true)] // -999999999-01-01
    [InlineData(365_241_780_472L, false)]
    [InlineData(-365_243_219_163L, false)]
    [InlineData(long.MaxValue, false)]
    public void ReadValue_Should_LimitDatesToNeo4jRange_When_DecodingDate(long epochDays, bool accepted)
    {
        void Write(PackStreamWriter w)
        {
            w.WriteStructHeader(1, StructureSignature.Date);
            w.WriteInteger(epochDays);
        }
        if (accepted)
        {
            Assert.Equal(new CypherDate(epochDays), Read(Write));
            return;
        }
        Assert.Equal("Neo.ClientError.Statement.ArgumentError", Refused(Write).Code);
    }

    [Fact]
    public void ReadValue_Should_RefuseWithArgumentError_When_DateTimeOrTimeOutOfRange()
    {
        Assert.Equal("Neo.ClientError.Statement.ArgumentError", Refused(w =>
        {
            w.WriteStructHeader(2, StructureSignature.LocalDateTime);
            w.WriteInteger(long.MaxValue);
            w.WriteInteger(0);
        }).Code);
        Assert.Equal("Neo.ClientError.Statement.ArgumentError", Refused(w =>
        {
            w.WriteStructHeader(3, StructureSignature.DateTimeZoneId);
            w.WriteInteger(long.MinValue);
            w.WriteInteger(0);
            w.WriteString("Europe/Kyiv");
        }).Code);
        Assert.Equal("Neo.ClientError.Statement.ArgumentError", Refused(w =>
        {
            w.WriteStructHeader(2, StructureSignature.Time);
            w.WriteInteger(0);
            w.WriteInteger(long.MaxValue);
        }).Code);
        Assert.Equal("Neo.ClientError.Statement.ArgumentError", Refused(w =>
        {
            w.WriteStructHeader(1, StructureSignature.LocalTime);
            w.WriteInteger(86_400L * 1_000_000_000);
        }).Code);
    }

    [Fact]
    public void ReadValue_Should_ShareBoxes_When_ListHoldsSmallIntegers()
    {
        var list = Assert.IsType<List<object?>>(Read(w =>
        {
            w.WriteListHeader(3);
            w.WriteInteger(7);
            w.WriteInteger(7);
            w.WriteInteger(1_000_000);
        }));
        Assert.Same(list[0], list[1]);
        Assert.Equal(7L, list[0]);
        Assert.Equal(1_000_000L, list[2]);
        Assert.Equal(3, list.Capacity);
    }
}
