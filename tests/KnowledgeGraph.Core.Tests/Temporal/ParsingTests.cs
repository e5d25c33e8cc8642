using KnowledgeGraph.Errors;
using Xunit;
using static KnowledgeGraph.Core.Tests.Temporal.TemporalTestKit;

namespace KnowledgeGraph.Core.Tests.Temporal;

public class ParsingTests
{
    [Theory]
    [InlineData("date", "2015-07-21", "2015-07-21")]
    [InlineData("date", "20150721", "2015-07-21")]
    [InlineData("date", "2015-07", "2015-07-01")]
    [InlineData("date", "201507", "2015-07-01")]
    [InlineData("date", "2015-W30-2", "2015-07-21")]
    [InlineData("date", "2015W302", "2015-07-21")]
    [InlineData("date", "2015-W30", "2015-07-20")]
    [InlineData("date", "2015W30", "2015-07-20")]
    [InlineData("date", "2015-202", "2015-07-21")]
    [InlineData("date", "2015202", "2015-07-21")]
    [InlineData("date", "2015", "2015-01-01")]
    [InlineData("date", "2015-Q3-21", "2015-07-21")]
    [InlineData("date", "+999999999-12-31", "+999999999-12-31")]
    [InlineData("date", "-0028-02-29", "-0028-02-29")]
    [InlineData("localtime", "21:40:32.142", "21:40:32.142")]
    [InlineData("localtime", "214032.142", "21:40:32.142")]
    [InlineData("localtime", "214032", "21:40:32")]
    [InlineData("localtime", "2140", "21:40")]
    [InlineData("localtime", "21", "21:00")]
    [InlineData("localtime", "21:40:32,5", "21:40:32.500")]
    [InlineData("time", "21:40:32.142+0100", "21:40:32.142+01:00")]
    [InlineData("time", "214032.142Z", "21:40:32.142Z")]
    [InlineData("time", "214032-0100", "21:40:32-01:00")]
    [InlineData("time", "21:40-01:30", "21:40-01:30")]
    [InlineData("time", "2140-00:00", "21:40Z")]
    [InlineData("time", "2140-02", "21:40-02:00")]
    [InlineData("time", "22+18:00", "22:00+18:00")]
    [InlineData("localdatetime", "2015-W30-2T214032.142", "2015-07-21T21:40:32.142")]
    [InlineData("localdatetime", "2015-202T21:40:32", "2015-07-21T21:40:32")]
    [InlineData("localdatetime", "2015T214032", "2015-01-01T21:40:32")]
    [InlineData("localdatetime", "20150721T21:40", "2015-07-21T21:40")]
    [InlineData("localdatetime", "2015-W30T2140", "2015-07-20T21:40")]
    [InlineData("localdatetime", "2015202T21", "2015-07-21T21:00")]
    [InlineData("localdatetime", "-999999999-01-01", "-999999999-01-01T00:00")]
    [InlineData("datetime", "2015-07-21T21:40:32.142+0100", "2015-07-21T21:40:32.142+01:00")]
    [InlineData("datetime", "2015-W30-2T214032.142Z", "2015-07-21T21:40:32.142Z")]
    [InlineData("datetime", "2015T214032-0100", "2015-01-01T21:40:32-01:00")]
    [InlineData("datetime", "2015-W30T2140-00:00", "2015-07-20T21:40Z")]
    [InlineData("datetime", "2015202T21+18:00", "2015-07-21T21:00+18:00")]
    [InlineData("datetime", "2015-07-21T21:40:32.142+02:00[Europe/Stockholm]", "2015-07-21T21:40:32.142+02:00[Europe/Stockholm]")]
    [InlineData("datetime", "2015-07-21T21:40:32.142+0845[Australia/Eucla]", "2015-07-21T21:40:32.142+08:45[Australia/Eucla]")]
    [InlineData("datetime", "2015-07-21T21:40:32.142-04[America/New_York]", "2015-07-21T21:40:32.142-04:00[America/New_York]")]
    [InlineData("datetime", "2015-07-21T21:40:32.142[Europe/London]", "2015-07-21T21:40:32.142+01:00[Europe/London]")]
    public void Parse_Should_AcceptIsoShapes_When_GivenBasicOrExtendedForms(string kind, string text, string expected)
    {
        Assert.Equal(expected, CallText(kind, text));
    }

    [Theory]
    [InlineData("P14DT16H12M", "P14DT16H12M")]
    [InlineData("P5M1.5D", "P5M1DT12H")]
    [InlineData("P0.75M", "P22DT19H51M49.5S")]
    [InlineData("PT0.75M", "PT45S")]
    [InlineData("P2.5W", "P17DT12H")]
    [InlineData("P12Y5M14DT16H12M70S", "P12Y5M14DT16H13M10S")]
    [InlineData("P2012-02-02T14:37:21.545", "P2012Y2M2DT14H37M21.545S")]
    [InlineData("PT-1.5S", "PT-1.5S")]
    [InlineData("-P1D", "P-1D")]
    public void ParseDuration_Should_NormaliseComponents_When_TextHasUnitsOrDateTimeForm(string text, string expected)
    {
        Assert.Equal(expected, CallText("duration", text));
    }

    [Theory]
    [InlineData("date", "2015-13-01")]
    [InlineData("date", "2015-02-30")]
    [InlineData("date", "15-07-21")]
    [InlineData("date", "2015-07-21x")]
    [InlineData("localtime", "25:00")]
    [InlineData("localtime", "12:3")]
    [InlineData("time", "12:00+19:00")]
    [InlineData("datetime", "2015-07-21T12:00[Not/AZone]")]
    [InlineData("duration", "P")]
    [InlineData("duration", "PT")]
    [InlineData("duration", "1D")]
    public void Parse_Should_RaiseArgumentError_When_TextIsInvalid(string kind, string text)
    {
        var error = Assert.Throws<GraphException>(() => Call(kind, text));
        Assert.Equal(ErrorCodes.ArgumentError, error.Code);
        Assert.Equal("InvalidArgumentValue", error.Detail);
    }

    [Fact]
    public void Parse_Should_RoundTripFormattedText_When_ParsingTheRunnersExpectedLiterals()
    {
        foreach (var (kind, text) in new[]
                 {
                     ("date", "1984-10-11"), ("localtime", "12:31:14.645876123"), ("time", "12:31:14.645876123+01:00"),
                     ("localdatetime", "1984-10-11T12:31:14.645876123"), ("datetime", "1984-10-11T12:31:14.645876123+01:00"),
                     ("datetime", "2017-08-08T12:31:14.645876123+02:00[Europe/Stockholm]"), ("duration", "P12Y5M-14DT16H"),
                 })
        {
            Assert.Equal(text, Text(Parse(kind, text)));
        }
    }
}
