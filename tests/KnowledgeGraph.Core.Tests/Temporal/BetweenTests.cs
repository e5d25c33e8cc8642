using KnowledgeGraph.Temporal;
using Xunit;
using static KnowledgeGraph.Core.Tests.Temporal.TemporalTestKit;

namespace KnowledgeGraph.Core.Tests.Temporal;

/// <summary>duration.between / inMonths / inDays / inSeconds across every pairing of temporal types.</summary>
public class BetweenTests
{
    [Theory]
    [InlineData("date('1984-10-11')", "date('2015-06-24')", "P30Y8M13D", "P30Y8M", "P11213D", "PT269112H")]
    [InlineData("date('1984-10-11')", "localdatetime('2016-07-21T21:45:22.142')", "P31Y9M10DT21H45M22.142S", "P31Y9M", "P11606D", "PT278565H45M22.142S")]
    [InlineData("date('1984-10-11')", "datetime('2015-07-21T21:40:32.142+0100')", "P30Y9M10DT21H40M32.142S", "P30Y9M", "P11240D", "PT269781H40M32.142S")]
    [InlineData("date('1984-10-11')", "time('16:30+0100')", "PT16H30M", "PT0S", "PT0S", "PT16H30M")]
    [InlineData("localtime('14:30')", "date('2015-06-24')", "PT-14H-30M", "PT0S", "PT0S", "PT-14H-30M")]
    [InlineData("localtime('14:30')", "datetime('2015-07-21T21:40:32.142+0100')", "PT7H10M32.142S", "PT0S", "PT0S", "PT7H10M32.142S")]
    [InlineData("time('14:30')", "datetime('2015-07-21T21:40:32.142+0100')", "PT6H10M32.142S", "PT0S", "PT0S", "PT6H10M32.142S")]
    [InlineData("time('14:30')", "time('16:30+0100')", "PT1H", "PT0S", "PT0S", "PT1H")]
    [InlineData("localdatetime('2015-07-21T21:40:32.142')", "date('2015-06-24')", "P-27DT-21H-40M-32.142S", "PT0S", "P-27D", "PT-669H-40M-32.142S")]
    [InlineData("localdatetime('2015-07-21T21:40:32.142')", "datetime('2015-07-21T21:40:32.142+0100')", "PT0S", "PT0S", "PT0S", "PT0S")]
    [InlineData("datetime('2014-07-21T21:40:36.143+0200')", "date('2015-06-24')", "P11M2DT2H19M23.857S", "P11M", "P337D", "PT8090H19M23.857S")]
    [InlineData("datetime('2014-07-21T21:40:36.143+0200')", "datetime('2015-07-21T21:40:32.142+0100')", "P1YT59M55.999S", "P1Y", "P365D", "PT8760H59M55.999S")]
    [InlineData("datetime('2014-07-21T21:40:36.143+0200')", "time('16:30+0100')", "PT-4H-10M-36.143S", "PT0S", "PT0S", "PT-4H-10M-36.143S")]
    public void Between_Should_CompleteMissingPartsFromTheOtherOperand_When_TypesDiffer(
        string from, string to, string between, string inMonths, string inDays, string inSeconds)
    {
        object a = Literal(from), b = Literal(to);
        Assert.Equal(between, CallText("duration.between", a, b));
        Assert.Equal(inMonths, CallText("duration.inmonths", a, b));
        Assert.Equal(inDays, CallText("duration.indays", a, b));
        Assert.Equal(inSeconds, CallText("duration.inseconds", a, b));
    }

    private static object Literal(string call)
    {
        int open = call.IndexOf('(', StringComparison.Ordinal);
        return Call(call[..open], call[(open + 2)..^2])!;
    }

    [Theory]
    [InlineData("2018-03-11", "date('2016-06-24')", "P-1Y-8M")]
    [InlineData("2018-07-21", "datetime('2016-07-21T21:40:32.142+0100')", "P-1Y-11M")]
    public void InMonths_Should_TruncateTowardZero_When_EndIsBeforeStart(string from, string to, string expected)
    {
        Assert.Equal(expected, CallText("duration.inmonths", Call("date", from), Literal(to)));
    }

    [Fact]
    public void Between_Should_SplitIntoSignedComponents_When_SecondsAndFractionsDifferInSign()
    {
        var d = Call("duration.between", Call("localdatetime", "2018-01-02T10:00:00.1"), Call("localdatetime", "2018-01-01T10:00:00.2"));
        Assert.Equal("PT-23H-59M-59.9S", Text(d));
        Assert.True(TemporalFunctions.TryGetProperty(d!, "seconds", out var seconds));
        Assert.True(TemporalFunctions.TryGetProperty(d!, "nanosecondsOfSecond", out var nanos));
        Assert.Equal(-86400L, seconds);
        Assert.Equal(100000000L, nanos);
        Assert.Equal("PT-9M-59.4S", CallText("duration.inseconds", Call("localtime", "12:44:54.7"), Call("localtime", "12:34:55.3")));
        Assert.Equal("PT0.6S", CallText("duration.inseconds", Call("localtime", "12:34:54.7"), Call("localtime", "12:34:55.3")));
        Assert.Equal("PT-0.001S", CallText("duration.inseconds", Call("localdatetime", "2014-07-21T21:40:36.143"), Call("localdatetime", "2014-07-21T21:40:36.142")));
    }

    [Fact]
    public void Between_Should_CountRealElapsedHours_When_CrossingADstChange()
    {
        var midnight = Call("datetime", Map("year", 2017L, "month", 10L, "day", 29L, "hour", 0L, "timezone", "Europe/Stockholm"));
        Assert.Equal("PT5H", CallText("duration.inseconds", midnight, Call("localdatetime", Map("year", 2017L, "month", 10L, "day", 29L, "hour", 4L))));
        Assert.Equal("PT5H", CallText("duration.inseconds", midnight, Call("localtime", Map("hour", 4L))));
        Assert.Equal("PT25H", CallText("duration.inseconds", midnight, Call("date", Map("year", 2017L, "month", 10L, "day", 30L))));
        Assert.Equal("PT6H", CallText("duration.between",
            Call("datetime", "2017-10-28T23:00+02:00[Europe/Stockholm]"), Call("datetime", "2017-10-29T04:00+01:00[Europe/Stockholm]")));
    }

    [Fact]
    public void Between_Should_HandleTheWholeYearRange_When_OperandsAreExtreme()
    {
        Assert.Equal("P1999999998Y11M30D", CallText("duration.between", Call("date", "-999999999-01-01"), Call("date", "+999999999-12-31")));
        Assert.Equal("PT17531639991215H59M59S",
            CallText("duration.inseconds", Call("localdatetime", "-999999999-01-01"), Call("localdatetime", "+999999999-12-31T23:59:59")));
    }
}
