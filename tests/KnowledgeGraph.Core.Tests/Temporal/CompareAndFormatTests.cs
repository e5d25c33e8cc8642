using KnowledgeGraph.Temporal;
using Xunit;
using static KnowledgeGraph.Core.Tests.Temporal.TemporalTestKit;

namespace KnowledgeGraph.Core.Tests.Temporal;

/// <summary>Temporal6/7 and ORDER BY: text forms, ordering and equality.</summary>
public class CompareAndFormatTests
{
    [Fact]
    public void Compare_Should_OrderTimesByTheirUtcInstant_When_OffsetsDiffer()
    {
        var times = new[]
        {
            Call("time", Map("hour", 10L, "minute", 35L, "timezone", "-08:00")),
            Call("time", Map("hour", 12L, "minute", 31L, "second", 14L, "nanosecond", 645876123L, "timezone", "+01:00")),
            Call("time", Map("hour", 12L, "minute", 35L, "second", 15L, "timezone", "+05:00")),
            Call("time", Map("hour", 12L, "minute", 30L, "second", 14L, "nanosecond", 645876123L, "timezone", "+01:01")),
        };
        var sorted = times.Order(Comparer<object?>.Create((a, b) => TemporalFunctions.Compare(a!, b!)!.Value)).Select(Text).ToList();
        Assert.Equal(["12:35:15+05:00", "12:30:14.645876123+01:01", "12:31:14.645876123+01:00", "10:35-08:00"], sorted);
    }

    [Fact]
    public void Compare_Should_OrderDateTimesByInstant_When_ZonesDiffer()
    {
        var a = Call("datetime", Map("year", 1980L, "month", 12L, "day", 11L, "hour", 12L, "timezone", "+00:00"));
        var b = Call("datetime", Map("year", 1984L, "month", 10L, "day", 11L, "hour", 12L, "timezone", "+05:00"));
        Assert.True(TemporalFunctions.Compare(a!, b!) < 0);
        Assert.Equal(0, TemporalFunctions.Compare(b!, Call("datetime", Map("year", 1984L, "month", 10L, "day", 11L, "hour", 12L, "timezone", "+05:00"))!));
        Assert.True(TemporalFunctions.Compare(Call("date", "1980-12-24")!, Call("date", "1984-10-11")!) < 0);
        Assert.True(TemporalFunctions.Compare(Call("localtime", "12:31:14.645876124")!, Call("localtime", "12:31:14.645876123")!) > 0);
    }

    [Fact]
    public void Compare_Should_ReturnNull_When_TypesDifferOrValuesAreDurations()
    {
        Assert.Null(TemporalFunctions.Compare(Call("date", "2015-01-01")!, Call("localdatetime", "2015-01-01")!));
        Assert.Null(TemporalFunctions.Compare(Call("duration", "P1D")!, Call("duration", "P2D")!));
    }

    [Fact]
    public void Durations_Should_BeEqualOnlyWhenComponentsMatch_When_Compared()
    {
        var a = Call("duration", Map("years", 12L, "months", 5L, "days", 14L, "hours", 16L, "minutes", 12L, "seconds", 70L));
        Assert.Equal(a, Call("duration", Map("years", 12L, "months", 5L, "days", 14L, "hours", 16L, "minutes", 13L, "seconds", 10L)));
        Assert.NotEqual(a, Call("duration", Map("years", 12L, "months", 5L, "days", 13L, "hours", 40L, "minutes", 13L, "seconds", 10L)));
    }

    [Theory]
    [InlineData("P12Y5M14DT16H13M10.000000001S", "years", 12L, "months", 5L, "days", 14L, "hours", 16L, "minutes", 12L, "seconds", 70L, "nanoseconds", 1L)]
    [InlineData("P12Y5M-14DT16H", "years", 12L, "months", 5L, "days", -14L, "hours", 16L)]
    [InlineData("PT11M", "minutes", 12L, "seconds", -60L)]
    [InlineData("PT1.999S", "seconds", 2L, "milliseconds", -1L)]
    [InlineData("PT-1.999S", "seconds", -2L, "milliseconds", 1L)]
    [InlineData("PT-2.001S", "seconds", -2L, "milliseconds", -1L)]
    [InlineData("P1DT-0.001S", "days", 1L, "milliseconds", -1L)]
    [InlineData("PT-59.999S", "seconds", -60L, "milliseconds", 1L)]
    [InlineData("PT-1M-0.001S", "seconds", -60L, "milliseconds", -1L)]
    public void Format_Should_PrintDurationsAsNeo4j_When_ComponentsHaveMixedSigns(string expected, params object[] pairs)
    {
        var d = Call("duration", Map(pairs));
        Assert.Equal(expected, Text(d));
        Assert.Equal(d, Call("duration", Text(d)));
        Assert.Equal(expected, d!.ToString());
    }

    [Fact]
    public void Format_Should_PadYearsAndTrimFractions_When_PrintingDatesAndTimes()
    {
        Assert.Equal("0028-11-11", CallText("date", Map("year", 28L, "month", 11L, "day", 11L)));
        Assert.Equal("+10000-01-01", CallText("date", Map("year", 10000L)));
        Assert.Equal("-0001-01-01", CallText("date", Map("year", -1L)));
        Assert.Equal("12:00:00.000000002", CallText("localtime", Map("hour", 12L, "minute", 0L, "second", 0L, "nanosecond", 2L)));
        Assert.Equal("12:00:00.100", CallText("localtime", "12:00:00.1"));
        Assert.Equal("12:00:00.000100", CallText("localtime", "12:00:00.0001"));
        Assert.Equal("1970-01-01T00:00Z", Text(new CypherDateTime(0, 0, 0, null)));
        Assert.Equal("PT0S", Text(new CypherDuration(0, 0, 0, 0)));
    }

    [Fact]
    public void Duration_Should_EqualItsBoltNormalisedForm_When_SecondsAndNanosSplitDiffers()
    {
        var sameSign = new CypherDuration(0, 1, -1, -500_000_000);
        var boltForm = new CypherDuration(0, 1, -2, 500_000_000);
        Assert.Equal(sameSign, boltForm);
        Assert.True(sameSign == boltForm);
        Assert.Equal(sameSign.GetHashCode(), boltForm.GetHashCode());
        Assert.Equal("P1DT-1.5S", Text(boltForm));
        Assert.NotEqual(sameSign, new CypherDuration(0, 1, -1, -400_000_000));
    }
}
