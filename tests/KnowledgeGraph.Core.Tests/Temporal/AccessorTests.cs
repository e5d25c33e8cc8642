using KnowledgeGraph.Temporal;
using Xunit;
using static KnowledgeGraph.Core.Tests.Temporal.TemporalTestKit;

namespace KnowledgeGraph.Core.Tests.Temporal;

/// <summary>Temporal5: component access.</summary>
public class AccessorTests
{
    private static object? Get(object? value, string key)
    {
        Assert.True(TemporalFunctions.TryGetProperty(value!, key, out var result), key);
        return result;
    }

    [Fact]
    public void Date_Should_ExposeCalendarWeekAndQuarterFields_When_Accessed()
    {
        var d = Call("date", Map("year", 1984L, "month", 10L, "day", 11L));
        var expected = new Dictionary<string, long>
        {
            ["year"] = 1984, ["quarter"] = 4, ["month"] = 10, ["week"] = 41, ["weekYear"] = 1984, ["day"] = 11,
            ["ordinalDay"] = 285, ["weekDay"] = 4, ["dayOfWeek"] = 4, ["dayOfQuarter"] = 11,
        };
        foreach (var (key, value) in expected)
        {
            Assert.Equal(value, Get(d, key));
        }

        var jan1 = Call("date", Map("year", 1984L, "month", 1L, "day", 1L));
        Assert.Equal(1983L, Get(jan1, "weekYear"));
        Assert.Equal(52L, Get(jan1, "week"));
        Assert.Equal(7L, Get(jan1, "weekDay"));
    }

    [Fact]
    public void DateTime_Should_ExposeTimeZoneAndEpochFields_When_Accessed()
    {
        var dt = Call("datetime", Map("year", 1984L, "month", 11L, "day", 11L, "hour", 12L, "minute", 31L, "second", 14L,
            "nanosecond", 645876123L, "timezone", "Europe/Stockholm"));
        Assert.Equal(45L, Get(dt, "week"));
        Assert.Equal(316L, Get(dt, "ordinalDay"));
        Assert.Equal(42L, Get(dt, "dayOfQuarter"));
        Assert.Equal(645L, Get(dt, "millisecond"));
        Assert.Equal(645876L, Get(dt, "microsecond"));
        Assert.Equal(645876123L, Get(dt, "nanosecond"));
        Assert.Equal("Europe/Stockholm", Get(dt, "timezone"));
        Assert.Equal("+01:00", Get(dt, "offset"));
        Assert.Equal(60L, Get(dt, "offsetMinutes"));
        Assert.Equal(3600L, Get(dt, "offsetSeconds"));
        Assert.Equal(469020674L, Get(dt, "epochSeconds"));
        Assert.Equal(469020674645L, Get(dt, "epochMillis"));

        var t = Call("time", Map("hour", 12L, "timezone", "+01:00"));
        Assert.Equal("+01:00", Get(t, "timezone"));
        Assert.Equal(12L, Get(t, "hour"));
    }

    [Fact]
    public void Duration_Should_ExposeTotalsAndRemainders_When_Accessed()
    {
        var d = Call("duration", Map("years", 1L, "months", 4L, "days", 10L, "hours", 1L, "minutes", 1L, "seconds", 1L, "nanoseconds", 111111111L));
        var expected = new Dictionary<string, long>
        {
            ["years"] = 1, ["quarters"] = 5, ["months"] = 16, ["weeks"] = 1, ["days"] = 10, ["hours"] = 1, ["minutes"] = 61,
            ["seconds"] = 3661, ["milliseconds"] = 3661111, ["microseconds"] = 3661111111, ["nanoseconds"] = 3661111111111,
            ["quartersOfYear"] = 1, ["monthsOfQuarter"] = 1, ["monthsOfYear"] = 4, ["daysOfWeek"] = 3, ["minutesOfHour"] = 1,
            ["secondsOfMinute"] = 1, ["millisecondsOfSecond"] = 111, ["microsecondsOfSecond"] = 111111, ["nanosecondsOfSecond"] = 111111111,
        };
        foreach (var (key, value) in expected)
        {
            Assert.Equal(value, Get(d, key));
        }
    }

    [Fact]
    public void TryGetProperty_Should_ReturnFalse_When_ComponentDoesNotExistForTheType()
    {
        Assert.False(TemporalFunctions.TryGetProperty(Call("date", "2015-01-01")!, "hour", out _));
        Assert.False(TemporalFunctions.TryGetProperty(Call("localtime", "12:00")!, "timezone", out _));
        Assert.False(TemporalFunctions.TryGetProperty(Call("localdatetime", "2015-01-01T12:00")!, "epochSeconds", out _));
        Assert.False(TemporalFunctions.TryGetProperty(Call("duration", "P1D")!, "year", out _));
        Assert.False(TemporalFunctions.TryGetProperty("not temporal", "year", out _));
    }
}
