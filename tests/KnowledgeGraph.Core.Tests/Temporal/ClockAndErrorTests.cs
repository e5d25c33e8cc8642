using KnowledgeGraph.Errors;
using KnowledgeGraph.Temporal;
using Xunit;
using static KnowledgeGraph.Core.Tests.Temporal.TemporalTestKit;

namespace KnowledgeGraph.Core.Tests.Temporal;

public class ClockAndErrorTests
{
    [Fact]
    public void Clocks_Should_ReadTheContext_When_StatementOrTransactionTimeIsAsked()
    {
        Assert.Equal("2017-10-29", CallText("date"));
        Assert.Equal("2017-10-29T00:30Z", CallText("datetime.statement"));
        Assert.Equal("2017-10-28T23:00Z", CallText("datetime.transaction"));
        // 00:30 UTC is still summer time in Stockholm (the clocks go back at 01:00 UTC).
        Assert.Equal("2017-10-29T02:30+02:00[Europe/Stockholm]", CallText("datetime", Map("timezone", "Europe/Stockholm")));
        Assert.Equal("2017-10-29", CallText("date.statement", "Europe/Stockholm"));
        Assert.Equal("00:00+01:00", CallText("time.transaction", Map("timezone", "+01:00")));
        var realtime = (CypherDateTime)Call("datetime.realtime")!;
        Assert.InRange(realtime.EpochSeconds, DateTimeOffset.UtcNow.ToUnixTimeSeconds() - 60, DateTimeOffset.UtcNow.ToUnixTimeSeconds() + 60);
    }

    [Fact]
    public void Clocks_Should_UseTheDefaultZone_When_ContextNamesOne()
    {
        var context = new TemporalContext { StatementTime = Context.StatementTime, DefaultTimeZone = "Europe/Stockholm" };
        Assert.Equal("2017-10-29T02:30+02:00[Europe/Stockholm]", TemporalFunctions.Format(TemporalFunctions.Invoke("datetime", [], context)!));
        Assert.Equal("1984-10-11T12:00+01:00[Europe/Stockholm]",
            TemporalFunctions.Format(TemporalFunctions.Invoke("datetime", [Map("year", 1984L, "month", 10L, "day", 11L, "hour", 12L)], context)!));
    }

    [Theory]
    [InlineData("date", "month", 13L)]
    [InlineData("date", "day", 32L)]
    [InlineData("localtime", "hour", 24L)]
    [InlineData("localtime", "minute", 60L)]
    public void Constructors_Should_RaiseArgumentError_When_FieldIsOutOfRange(string function, string field, long value)
    {
        var map = function == "date" ? Map("year", 2015L, "month", 1L) : Map("hour", 1L);
        map[field] = value;
        var error = Assert.Throws<GraphException>(() => Call(function, map));
        Assert.Equal(ErrorCodes.ArgumentError, error.Code);
        Assert.Equal("InvalidArgumentValue", error.Detail);
    }

    [Fact]
    public void Constructors_Should_RaiseErrors_When_FieldsConflictOrHaveWrongTypes()
    {
        Assert.Equal(ErrorCodes.ArgumentError, Assert.Throws<GraphException>(() => Call("date", Map("year", 2015L, "month", 1L, "week", 2L))).Code);
        Assert.Equal(ErrorCodes.ArgumentError, Assert.Throws<GraphException>(() => Call("date", Map("year", 2015L, "hour", 2L))).Code);
        Assert.Equal(ErrorCodes.ArgumentError, Assert.Throws<GraphException>(() => Call("date", Map("month", 2L))).Code);
        Assert.Equal(ErrorCodes.ArgumentError, Assert.Throws<GraphException>(() => Call("date", Map("year", 2015L, "day", 2L))).Code);
        Assert.Equal(ErrorCodes.ArgumentError, Assert.Throws<GraphException>(() => Call("localtime", Map("minute", 2L))).Code);
        Assert.Equal(ErrorCodes.ArgumentError, Assert.Throws<GraphException>(() => Call("date", Map("year", 2015L, "bogus", 1L))).Code);
        Assert.Equal(ErrorCodes.ArgumentError, Assert.Throws<GraphException>(() => Call("datetime", Map("year", 2015L, "timezone", "Nowhere/City"))).Code);
        Assert.Equal(ErrorCodes.ArgumentError, Assert.Throws<GraphException>(() => Call("duration", Map())).Code);
        Assert.Equal(ErrorCodes.TypeError, Assert.Throws<GraphException>(() => Call("date", 42L)).Code);
        Assert.Equal(ErrorCodes.TypeError, Assert.Throws<GraphException>(() => Call("date", Map("year", "1984"))).Code);
        Assert.Equal(ErrorCodes.TypeError, Assert.Throws<GraphException>(() => Call("duration", Map("days", "1"))).Code);
        Assert.Equal(ErrorCodes.TypeError, Assert.Throws<GraphException>(() => Call("duration.between", 1L, 2L)).Code);
        Assert.Equal(ErrorCodes.TypeError, Assert.Throws<GraphException>(() => Call("localtime", Call("date", "2015-01-01"))).Code);
        Assert.Equal(ErrorCodes.ArithmeticError, Assert.Throws<GraphException>(() => TemporalFunctions.TryDivide(Call("duration", "P1D"), 0L, out _)).Code);
    }

    [Fact]
    public void IsFunction_Should_KnowEveryTemporalFunction_When_AskedByLowerCaseName()
    {
        foreach (var name in new[]
                 {
                     "date", "date.truncate", "date.statement", "date.transaction", "date.realtime", "localtime.truncate", "time.realtime",
                     "localdatetime.statement", "datetime.fromepoch", "datetime.fromepochmillis", "duration", "duration.between",
                     "duration.inmonths", "duration.indays", "duration.inseconds",
                 })
        {
            Assert.True(TemporalFunctions.IsFunction(name), name);
        }

        Assert.False(TemporalFunctions.IsFunction("date.fromepoch"));
        Assert.False(TemporalFunctions.IsFunction("tostring"));
        Assert.True(TemporalFunctions.IsTemporal(Call("date", "2015-01-01")));
        Assert.False(TemporalFunctions.IsTemporal("2015-01-01"));
    }

    [Fact]
    public void Arithmetic_Should_RaiseErrorsNotWrapAround_When_ResultsLeaveTheSupportedRange()
    {
        var max = Call("date", "+999999999-12-31");
        Assert.Equal(ErrorCodes.ArgumentError, Assert.Throws<GraphException>(() => TemporalFunctions.TryAdd(max, Call("duration", "P1D"), out _)).Code);
        Assert.Equal(ErrorCodes.ArgumentError,
            Assert.Throws<GraphException>(() => TemporalFunctions.TryAdd(max, new CypherDuration(long.MaxValue, 0, 0, 0), out _)).Code);
        Assert.Equal(ErrorCodes.ArithmeticError,
            Assert.Throws<GraphException>(() => TemporalFunctions.TryAdd(Call("localdatetime", "2015-01-01"), new CypherDuration(0, 0, long.MaxValue, 0), out _)).Code);
        Assert.Equal(ErrorCodes.ArgumentError, Assert.Throws<GraphException>(() => Call("datetime.fromepoch", long.MaxValue, 0L)).Code);
        Assert.Equal(ErrorCodes.ArgumentError, Assert.Throws<GraphException>(() => TemporalFunctions.TryMultiply(Call("duration", "P1D"), double.NaN, out _)).Code);
        Assert.Equal(ErrorCodes.ArithmeticError,
            Assert.Throws<GraphException>(() => TemporalFunctions.TryMultiply(new CypherDuration(long.MaxValue / 2, 0, 0, 0), 3L, out _)).Code);
    }

    [Fact]
    public void ZoneHelpers_Should_MatchConstructedValues_When_DecodingZoneIdOnlyDatetimes()
    {
        var constructed = (CypherDateTime)Call("datetime", "2017-07-01T12:00[Europe/Stockholm]")!;
        Assert.Equal(7200, TemporalFunctions.ZoneOffsetAt("Europe/Stockholm", constructed.EpochSeconds));
        Assert.Equal(3208, TemporalFunctions.ZoneOffsetAt("Europe/Berlin", -4_000_000_000L));
        Assert.Equal(-5400, TemporalFunctions.ZoneOffsetAt("-01:30", 0));
        Assert.Equal(constructed, TemporalFunctions.DateTimeAtInstant(constructed.EpochSeconds, 0, "Europe/Stockholm"));
        Assert.Equal("1970-01-01T01:00+01:00", Text(TemporalFunctions.DateTimeAtInstant(0, 0, "+01:00")));
        Assert.Equal(ErrorCodes.ArgumentError, Assert.Throws<GraphException>(() => TemporalFunctions.ZoneOffsetAt("Mars/Olympus", 0)).Code);
    }
}
