using KnowledgeGraph.Temporal;
using Xunit;
using static KnowledgeGraph.Core.Tests.Temporal.TemporalTestKit;

namespace KnowledgeGraph.Core.Tests.Temporal;

/// <summary>Temporal8: temporal ± duration, duration ± duration, duration * / number.</summary>
public class ArithmeticTests
{
    private static readonly object? Whole = Call("duration", Map("years", 12L, "months", 5L, "days", 14L, "hours", 16L, "minutes", 12L, "seconds", 70L, "nanoseconds", 2L));
    private static readonly object? Mixed = Call("duration", Map("months", 1L, "days", -14L, "hours", 16L, "minutes", -12L, "seconds", 70L));
    private static readonly object? Fractional = Call("duration",
        Map("years", 12.5, "months", 5.5, "days", 14.5, "hours", 16.5, "minutes", 12.5, "seconds", 70.5, "nanoseconds", 3L));

    private static (string Sum, string Diff) SumAndDiff(object? temporal, object? duration)
    {
        Assert.True(TemporalFunctions.TryAdd(temporal, duration, out var sum));
        Assert.True(TemporalFunctions.TrySubtract(temporal, duration, out var diff));
        return (Text(sum), Text(diff));
    }

    [Fact]
    public void Date_Should_IgnoreSubDayParts_When_AddingOrSubtractingDurations()
    {
        var date = Call("date", Map("year", 1984L, "month", 10L, "day", 11L));
        Assert.Equal(("1997-03-25", "1972-04-27"), SumAndDiff(date, Whole));
        Assert.Equal(("1984-10-28", "1984-09-25"), SumAndDiff(date, Mixed));
        Assert.Equal(("1997-10-11", "1971-10-12"), SumAndDiff(date, Fractional));
    }

    [Fact]
    public void Times_Should_WrapAroundMidnight_When_AddingOrSubtractingDurations()
    {
        var local = Call("localtime", Map("hour", 12L, "minute", 31L, "second", 14L, "nanosecond", 1L));
        Assert.Equal(("04:44:24.000000003", "20:18:03.999999999"), SumAndDiff(local, Whole));
        Assert.Equal(("22:29:27.500000004", "02:33:00.499999998"), SumAndDiff(local, Fractional));
        var zoned = Call("time", Map("hour", 12L, "minute", 31L, "second", 14L, "nanosecond", 1L, "timezone", "+01:00"));
        Assert.Equal(("04:20:24.000000001+01:00", "20:42:04.000000001+01:00"), SumAndDiff(zoned, Mixed));
    }

    [Fact]
    public void DateTimes_Should_ApplyMonthsDaysThenSeconds_When_AddingOrSubtractingDurations()
    {
        var local = Call("localdatetime", Map("year", 1984L, "month", 10L, "day", 11L, "hour", 12L, "minute", 31L, "second", 14L, "nanosecond", 1L));
        Assert.Equal(("1997-03-26T04:44:24.000000003", "1972-04-26T20:18:03.999999999"), SumAndDiff(local, Whole));
        var zoned = Call("datetime", Map("year", 1984L, "month", 10L, "day", 11L, "hour", 12L, "minute", 31L, "second", 14L, "nanosecond", 1L, "timezone", "+01:00"));
        Assert.Equal(("1997-10-11T22:29:27.500000004+01:00", "1971-10-12T02:33:00.499999998+01:00"), SumAndDiff(zoned, Fractional));
    }

    [Fact]
    public void Date_Should_ClampTheDay_When_MonthArithmeticOverflowsTheMonth()
    {
        Assert.True(TemporalFunctions.TryAdd(Call("date", "2015-01-31"), Call("duration", "P1M"), out var r));
        Assert.Equal("2015-02-28", Text(r));
    }

    [Fact]
    public void DateTime_Should_KeepWallClockAcrossDst_When_AddingDaysButNotWhenAddingHours()
    {
        var before = Call("datetime", "2017-10-28T12:00[Europe/Stockholm]");
        Assert.True(TemporalFunctions.TryAdd(before, Call("duration", "P1D"), out var plusDay));
        Assert.Equal("2017-10-29T12:00+01:00[Europe/Stockholm]", Text(plusDay));
        Assert.True(TemporalFunctions.TryAdd(before, Call("duration", "PT24H"), out var plusHours));
        Assert.Equal("2017-10-29T11:00+01:00[Europe/Stockholm]", Text(plusHours));
    }

    [Fact]
    public void Durations_Should_CombineComponentwise_When_AddedOrSubtracted()
    {
        Assert.Equal(("P12Y6MT32H2M20.000000002S", "P12Y4M28DT24M0.000000002S"), SumAndDiff(Whole, Mixed));
        Assert.Equal(("P13Y15DT49H47M23.500000003S", "P-12Y-10M-43DT-18H-9M-3.500000003S"), SumAndDiff(Mixed, Fractional));
        Assert.True(TemporalFunctions.TrySubtract(Whole, Whole, out var zero));
        Assert.Equal("PT0S", Text(zero));
    }

    [Fact]
    public void Durations_Should_ScaleLikeNeo4j_When_MultipliedOrDividedByNumbers()
    {
        var d = Call("duration", Map("years", 12L, "months", 5L, "days", 14L, "hours", 16L, "minutes", 12L, "seconds", 70L, "nanoseconds", 1L));
        Assert.True(TemporalFunctions.TryMultiply(d, 2L, out var twice));
        Assert.Equal("P24Y10M28DT32H26M20.000000002S", Text(twice));
        Assert.True(TemporalFunctions.TryMultiply(0.5, d, out var half));
        Assert.Equal("P6Y2M22DT13H21M8S", Text(half));
        Assert.True(TemporalFunctions.TryDivide(d, 2L, out var divided));
        Assert.Equal("P6Y2M22DT13H21M8S", Text(divided));
        Assert.True(TemporalFunctions.TryDivide(d, 0.5, out var doubled));
        Assert.Equal("P24Y10M28DT32H26M20.000000002S", Text(doubled));
    }

    [Fact]
    public void Operators_Should_Decline_When_OperandsAreNotTemporalPairs()
    {
        var date = Call("date", "2015-01-01");
        Assert.False(TemporalFunctions.TryAdd(date, date, out _));
        Assert.False(TemporalFunctions.TryAdd(1L, 2L, out _));
        Assert.False(TemporalFunctions.TrySubtract(Whole, date, out _));
        Assert.False(TemporalFunctions.TryMultiply(date, 2L, out _));
        Assert.False(TemporalFunctions.TryDivide(2L, Whole, out _));
        Assert.False(TemporalFunctions.TryAdd(null, Whole, out _));
    }
}
