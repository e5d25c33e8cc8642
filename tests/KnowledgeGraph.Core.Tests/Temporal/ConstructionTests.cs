using KnowledgeGraph.Temporal;
using Xunit;
using static KnowledgeGraph.Core.Tests.Temporal.TemporalTestKit;

namespace KnowledgeGraph.Core.Tests.Temporal;

public class ConstructionTests
{
    [Theory]
    [InlineData(1816L, 1L, null, "1816-01-01")]
    [InlineData(1816L, 52L, null, "1816-12-23")]
    [InlineData(1817L, 1L, null, "1816-12-30")]
    [InlineData(1818L, 53L, null, "1818-12-28")]
    [InlineData(1819L, 1L, null, "1819-01-04")]
    [InlineData(1817L, 1L, 2L, "1816-12-31")]
    [InlineData(1984L, 10L, 3L, "1984-03-07")]
    public void Date_Should_ResolveIsoWeekDates_When_GivenYearWeekAndDayOfWeek(long year, long week, long? dayOfWeek, string expected)
    {
        var map = Map("year", year, "week", week);
        if (dayOfWeek is { } dow)
        {
            map["dayOfWeek"] = dow;
        }

        Assert.Equal(expected, CallText("date", map));
        Assert.Equal(expected + "T00:00", CallText("localdatetime", map));
        Assert.Equal(expected + "T00:00Z", CallText("datetime", map));
    }

    [Fact]
    public void Date_Should_DefaultMissingFields_When_GivenCalendarOrdinalOrQuarterForms()
    {
        Assert.Equal("1984-10-11", CallText("date", Map("year", 1984L, "month", 10L, "day", 11L)));
        Assert.Equal("1984-10-01", CallText("date", Map("year", 1984L, "month", 10L)));
        Assert.Equal("1984-01-01", CallText("date", Map("year", 1984L)));
        Assert.Equal("1984-03-05", CallText("date", Map("year", 1984L, "week", 10L)));
        Assert.Equal("1984-07-20", CallText("date", Map("year", 1984L, "ordinalDay", 202L)));
        Assert.Equal("1984-08-14", CallText("date", Map("year", 1984L, "quarter", 3L, "dayOfQuarter", 45L)));
        Assert.Equal("1984-07-01", CallText("date", Map("year", 1984L, "quarter", 3L)));
    }

    [Fact]
    public void Date_Should_ReplaceWeekFields_When_SelectingFromAnotherDate()
    {
        var d1230 = Call("date", "1816-12-30");
        var d1231 = Call("date", "1816-12-31");
        Assert.Equal("1817-01-08", CallText("date", Map("date", d1230, "week", 2L, "dayOfWeek", 3L)));
        Assert.Equal("1817-01-07", CallText("date", Map("date", d1231, "week", 2L)));
        Assert.Equal("1817-01-07", CallText("date", Map("date", d1231, "year", 1817L, "week", 2L)));
    }

    [Fact]
    public void LocalTime_Should_AddUpSubSecondFields_When_MillisMicrosAndNanosAreGiven()
    {
        Assert.Equal("12:31:14.123456789",
            CallText("localtime", Map("hour", 12L, "minute", 31L, "second", 14L, "nanosecond", 789L, "millisecond", 123L, "microsecond", 456L)));
        Assert.Equal("12:31:14.645876", CallText("localtime", Map("hour", 12L, "minute", 31L, "second", 14L, "microsecond", 645876L)));
        Assert.Equal("12:31:14.645", CallText("localtime", Map("hour", 12L, "minute", 31L, "second", 14L, "millisecond", 645L)));
        Assert.Equal("12:31:14", CallText("localtime", Map("hour", 12L, "minute", 31L, "second", 14L)));
        Assert.Equal("12:31", CallText("localtime", Map("hour", 12L, "minute", 31L)));
        Assert.Equal("12:00", CallText("localtime", Map("hour", 12L)));
    }

    [Fact]
    public void Time_Should_UseDefaultZoneOrGivenOffset_When_BuiltFromMap()
    {
        Assert.Equal("12:31:14.000000003Z", CallText("time", Map("hour", 12L, "minute", 31L, "second", 14L, "nanosecond", 3L)));
        Assert.Equal("12:00+01:00", CallText("time", Map("hour", 12L, "timezone", "+01:00")));
        Assert.Equal("12:34:56+02:05", CallText("time", Map("hour", 12L, "minute", 34L, "second", 56L, "timezone", "+02:05:00")));
        Assert.Equal("12:34:56-02:05:07", CallText("time", Map("hour", 12L, "minute", 34L, "second", 56L, "timezone", "-02:05:07")));
    }

    [Fact]
    public void DateTime_Should_ResolveNamedZoneOffsetForTheDate_When_ZoneHasDaylightSaving()
    {
        Assert.Equal("1984-10-11T12:31:14.645876123+01:00[Europe/Stockholm]", CallText("datetime",
            Map("year", 1984L, "month", 10L, "day", 11L, "hour", 12L, "minute", 31L, "second", 14L, "nanosecond", 645876123L,
                "timezone", "Europe/Stockholm")));
        Assert.Equal("1984-07-20T12:00+02:00[Europe/Stockholm]", CallText("datetime",
            Map("year", 1984L, "ordinalDay", 202L, "hour", 12L, "timezone", "Europe/Stockholm")));
        Assert.Equal("1984-01-01T00:00+01:00", CallText("datetime", Map("year", 1984L, "timezone", "+01:00")));
        Assert.Equal("1984-10-11T12:34:56+02:05:59", CallText("datetime",
            Map("year", 1984L, "month", 10L, "day", 11L, "hour", 12L, "minute", 34L, "second", 56L, "timezone", "+02:05:59")));
    }

    [Fact]
    public void DateTime_Should_MoveForwardByTheGap_When_LocalTimeFallsInSpringForward()
    {
        // 2017-03-26 02:30 does not exist in Stockholm; java.time (and Neo4j) shift it to 03:30+02:00.
        Assert.Equal("2017-03-26T03:30+02:00[Europe/Stockholm]", CallText("datetime",
            Map("year", 2017L, "month", 3L, "day", 26L, "hour", 2L, "minute", 30L, "timezone", "Europe/Stockholm")));

        // 2017-10-29 02:30 happens twice; the earlier offset wins.
        Assert.Equal("2017-10-29T02:30+02:00[Europe/Stockholm]", CallText("datetime",
            Map("year", 2017L, "month", 10L, "day", 29L, "hour", 2L, "minute", 30L, "timezone", "Europe/Stockholm")));
    }

    [Fact]
    public void DateTime_Should_BuildFromEpoch_When_FromEpochFunctionsAreUsed()
    {
        Assert.Equal("1970-01-05T19:46:19.999999999Z", CallText("datetime.fromepoch", 416779L, 999999999L));
        Assert.Equal("1977-07-15T13:34:33.987Z", CallText("datetime.fromepochmillis", 237821673987L));
        Assert.Equal("1970-01-01T01:00+01:00[Europe/Stockholm]",
            CallText("datetime", Map("epochSeconds", 0L, "timezone", "Europe/Stockholm")));
    }

    [Theory]
    [InlineData("P14DT16H12M", "days", 14L, "hours", 16L, "minutes", 12L)]
    [InlineData("P5M1DT12H", "months", 5L, "days", 1.5)]
    [InlineData("P22DT19H51M49.5S", "months", 0.75)]
    [InlineData("P17DT12H", "weeks", 2.5)]
    [InlineData("P14DT1M10.001S", "days", 14L, "seconds", 70L, "milliseconds", 1L)]
    [InlineData("P14DT1M10.000000001S", "days", 14L, "seconds", 70L, "nanoseconds", 1L)]
    [InlineData("PT1M31S", "minutes", 1.5, "seconds", 1L)]
    [InlineData("P12Y5M14DT16H13M10S", "years", 12L, "months", 5L, "days", 14L, "hours", 16L, "minutes", 12L, "seconds", 70L)]
    public void Duration_Should_CascadeFractionsDownwards_When_BuiltFromMap(string expected, params object[] pairs)
    {
        Assert.Equal(expected, CallText("duration", Map(pairs)));
    }

    [Fact]
    public void Constructors_Should_ReturnNull_When_ArgumentIsNull()
    {
        foreach (var name in new[] { "date", "localtime", "time", "localdatetime", "datetime", "duration", "date.statement", "datetime.realtime", "time.transaction" })
        {
            Assert.Null(Call(name, [null]));
        }

        Assert.Null(Call("duration.between", null, null));
        Assert.Null(Call("duration.inseconds", null, Call("date", "2015-01-01")));
    }

    [Fact]
    public void DateTime_Should_PrintLocalMeanTimeToTheSecond_When_DateIsBeforeStandardTime()
    {
        // Neo4j's JDK tzdb treats Europe/Stockholm as a link to Europe/Berlin, whose local mean time was +00:53:28.
        Assert.Equal("1818-07-21T21:40:32.142+00:53:28[Europe/Stockholm]", CallText("datetime", "1818-07-21T21:40:32.142[Europe/Stockholm]"));
        Assert.Equal("1850-01-01T00:00+00:53:28[Europe/Berlin]", CallText("datetime", Map("year", 1850L, "timezone", "Europe/Berlin")));
        Assert.True(TemporalFunctions.TryGetProperty(Call("datetime", Map("year", 1850L, "timezone", "Europe/Berlin"))!, "offsetSeconds", out var seconds));
        Assert.Equal(3208L, seconds);
    }
}
