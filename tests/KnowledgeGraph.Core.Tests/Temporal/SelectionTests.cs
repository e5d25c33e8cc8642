using Xunit;
using static KnowledgeGraph.Core.Tests.Temporal.TemporalTestKit;

namespace KnowledgeGraph.Core.Tests.Temporal;

/// <summary>Temporal3: building values from parts of other temporal values.</summary>
public class SelectionTests
{
    private static readonly object? Date1984 = Call("date", Map("year", 1984L, "month", 11L, "day", 11L));
    private static readonly object? LocalTime = Call("localtime", Map("hour", 12L, "minute", 31L, "second", 14L, "nanosecond", 645876123L));
    private static readonly object? TimePlusOne = Call("time", Map("hour", 12L, "minute", 31L, "second", 14L, "microsecond", 645876L, "timezone", "+01:00"));
    private static readonly object? StockholmNoon = Call("datetime", Map("year", 1984L, "month", 10L, "day", 11L, "hour", 12L, "timezone", "Europe/Stockholm"));
    private static readonly object? LocalDateTime = Call("localdatetime",
        Map("year", 1984L, "week", 10L, "dayOfWeek", 3L, "hour", 12L, "minute", 31L, "second", 14L, "millisecond", 645L));

    [Fact]
    public void Date_Should_OverrideSelectedFields_When_SelectingFromADate()
    {
        Assert.Equal("1984-11-11", CallText("date", Date1984));
        Assert.Equal("0028-11-11", CallText("date", Map("date", Date1984, "year", 28L)));
        Assert.Equal("1984-11-28", CallText("date", Map("date", Date1984, "day", 28L)));
        Assert.Equal("1984-01-08", CallText("date", Map("date", Date1984, "week", 1L)));
        Assert.Equal("1984-01-28", CallText("date", Map("date", Date1984, "ordinalDay", 28L)));
        Assert.Equal("1984-08-11", CallText("date", Map("date", Date1984, "quarter", 3L)));
        Assert.Equal("1984-10-11", CallText("date", StockholmNoon));
    }

    [Fact]
    public void Time_Should_ConvertTheInstant_When_SourceHasAnOffsetAndATimezoneIsGiven()
    {
        Assert.Equal("16:31:14.645876+05:00", CallText("time", Map("time", TimePlusOne, "timezone", "+05:00")));
        Assert.Equal("16:31:42.645876+05:00", CallText("time", Map("time", TimePlusOne, "second", 42L, "timezone", "+05:00")));
        Assert.Equal("12:31:14.645876123+05:00", CallText("time", Map("time", LocalTime, "timezone", "+05:00")));
        Assert.Equal("12:31:42.645876", CallText("localtime", Map("time", TimePlusOne, "second", 42L)));
        Assert.Equal("12:00:42", CallText("localtime", Map("time", StockholmNoon, "second", 42L)));
    }

    [Fact]
    public void DateTime_Should_KeepTheTimeSourcesZone_When_CombiningDateAndTime()
    {
        var date = Call("date", Map("year", 1984L, "month", 10L, "day", 11L));
        Assert.Equal("1984-10-11T12:31:14.645876123Z", CallText("datetime", Map("date", date, "time", LocalTime)));
        Assert.Equal("1984-10-28T01:31:42.645876-10:00[Pacific/Honolulu]",
            CallText("datetime", Map("date", date, "time", TimePlusOne, "day", 28L, "second", 42L, "timezone", "Pacific/Honolulu")));
        Assert.Equal("1984-03-28T12:00:42+02:00[Europe/Stockholm]",
            CallText("datetime", Map("date", LocalDateTime, "time", StockholmNoon, "day", 28L, "second", 42L)));
        Assert.Equal("1984-03-28T00:00:42-10:00[Pacific/Honolulu]",
            CallText("datetime", Map("date", LocalDateTime, "time", StockholmNoon, "day", 28L, "second", 42L, "timezone", "Pacific/Honolulu")));
        Assert.Equal("1984-03-07T12:31:14.645+05:00", CallText("datetime", Map("date", LocalDateTime, "time", LocalDateTime, "timezone", "+05:00")));
    }

    [Fact]
    public void DateTime_Should_ConvertOrAssignZone_When_SelectingFromADatetime()
    {
        Assert.Equal("1984-03-07T12:31:14.645Z", CallText("datetime", LocalDateTime));
        Assert.Equal("1984-03-28T12:31:42.645-10:00[Pacific/Honolulu]",
            CallText("datetime", Map("datetime", LocalDateTime, "day", 28L, "second", 42L, "timezone", "Pacific/Honolulu")));
        Assert.Equal("1984-10-11T16:00+05:00", CallText("datetime", Map("datetime", StockholmNoon, "timezone", "+05:00")));
        Assert.Equal("1984-10-28T12:00:42+01:00[Europe/Stockholm]", CallText("datetime", Map("datetime", StockholmNoon, "day", 28L, "second", 42L)));
        Assert.Equal("1984-10-11T12:00", CallText("localdatetime", StockholmNoon));
        Assert.Equal("1984-10-11T10:10:10+05:00", CallText("datetime", Map("date", Date1984, "month", 10L, "day", 11L, "hour", 10L, "minute", 10L, "second", 10L, "timezone", "+05:00")));
    }
}
