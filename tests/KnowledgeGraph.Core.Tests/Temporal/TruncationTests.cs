using KnowledgeGraph.Errors;
using Xunit;
using static KnowledgeGraph.Core.Tests.Temporal.TemporalTestKit;

namespace KnowledgeGraph.Core.Tests.Temporal;

/// <summary>Temporal9: X.truncate(unit, value[, fields]).</summary>
public class TruncationTests
{
    private static readonly object? DateTimePlusOne = Call("datetime",
        Map("year", 2017L, "month", 10L, "day", 11L, "hour", 12L, "minute", 31L, "second", 14L, "nanosecond", 645876123L, "timezone", "+01:00"));

    private static readonly object? LocalDateTime1984 = Call("localdatetime",
        Map("year", 1984L, "month", 10L, "day", 11L, "hour", 12L, "minute", 31L, "second", 14L, "nanosecond", 645876123L));

    [Theory]
    [InlineData("millennium", "2000-01-01")]
    [InlineData("century", "2000-01-01")]
    [InlineData("decade", "2010-01-01")]
    [InlineData("year", "2017-01-01")]
    [InlineData("weekYear", "2017-01-02")]
    [InlineData("quarter", "2017-10-01")]
    [InlineData("month", "2017-10-01")]
    [InlineData("week", "2017-10-09")]
    [InlineData("day", "2017-10-11")]
    public void DateTruncate_Should_CutToTheUnit_When_GivenEveryDateUnit(string unit, string expected)
    {
        Assert.Equal(expected, CallText("date.truncate", unit, DateTimePlusOne, Map()));
    }

    [Fact]
    public void Truncate_Should_ApplyFieldsAfterCutting_When_AMapIsGiven()
    {
        var jan1 = Call("localdatetime", Map("year", 1984L, "month", 1L, "day", 1L, "hour", 12L));
        Assert.Equal("1983-01-05", CallText("date.truncate", "weekYear", jan1, Map("day", 5L)));
        Assert.Equal("1983-01-03T00:00", CallText("localdatetime.truncate", "weekYear", jan1, Map()));
        Assert.Equal("1984-10-09", CallText("date.truncate", "week", LocalDateTime1984, Map("dayOfWeek", 2L)));
        Assert.Equal("1984-10-11T12:31:14.645000002", CallText("localdatetime.truncate", "millisecond", LocalDateTime1984, Map("nanosecond", 2L)));
        Assert.Equal("12:31:14.645876002", CallText("localtime.truncate", "microsecond", LocalDateTime1984, Map("nanosecond", 2L)));
        Assert.Equal("00:00:00.000000002", CallText("localtime.truncate", "day", LocalDateTime1984, Map("nanosecond", 2L)));
    }

    [Fact]
    public void DateTimeTruncate_Should_KeepOrReplaceTheZone_When_TimezoneFieldIsGivenOrNot()
    {
        var minusOne = Call("datetime", Map("year", 2017L, "month", 10L, "day", 11L, "hour", 12L, "minute", 31L, "timezone", "-01:00"));
        Assert.Equal("2000-01-01T00:00+01:00[Europe/Stockholm]", CallText("datetime.truncate", "millennium", minusOne, Map("timezone", "Europe/Stockholm")));
        Assert.Equal("2017-10-11T12:00-01:00", CallText("datetime.truncate", "hour", minusOne));
        Assert.Equal("2017-10-01T00:00Z", CallText("datetime.truncate", "month", Call("date", "2017-10-11")));
        Assert.Equal("12:00+01:00", CallText("time.truncate", "hour", minusOne, Map("timezone", "+01:00")));
        Assert.Equal("12:31-01:00", CallText("time.truncate", "minute", minusOne));
        Assert.Equal("00:00Z", CallText("time.truncate", "day", LocalDateTime1984));
    }

    [Fact]
    public void Truncate_Should_RaiseArgumentError_When_UnitDoesNotFitTheResultType()
    {
        Assert.Equal(ErrorCodes.ArgumentError, Assert.Throws<GraphException>(() => Call("date.truncate", "hour", LocalDateTime1984)).Code);
        Assert.Equal(ErrorCodes.ArgumentError, Assert.Throws<GraphException>(() => Call("localtime.truncate", "year", LocalDateTime1984)).Code);
        Assert.Equal(ErrorCodes.ArgumentError, Assert.Throws<GraphException>(() => Call("date.truncate", "fortnight", LocalDateTime1984)).Code);
        Assert.Equal(ErrorCodes.ArgumentError, Assert.Throws<GraphException>(() => Call("date.truncate", "day", Call("localtime", "12:00"))).Code);
    }
}
