using KnowledgeGraph.Temporal;
using Xunit;
using static KnowledgeGraph.Core.Tests.Temporal.TemporalTestKit;

namespace KnowledgeGraph.Core.Tests.Temporal;

/// <summary>Seeded randomised checks of invariants that must hold for every value, not just the TCK's examples.</summary>
public class RoundTripTests
{
    private const long NanosPerDay = 86_400_000_000_000L;
    private static readonly string[] Zones = ["Europe/Stockholm", "America/New_York", "Australia/Sydney", "Asia/Kolkata", "Pacific/Honolulu"];

    private static IEnumerable<object> RandomValues(int seed, int count)
    {
        var random = new Random(seed);
        for (int i = 0; i < count; i++)
        {
            long day = random.NextInt64(-1_100_000, 1_100_000); // about years -1000 .. 4980
            long nod = random.NextInt64(0, NanosPerDay);
            nod -= random.Next(3) switch { 0 => nod % 1_000_000_000, 1 => nod % 1000, _ => 0 };
            int offset = random.Next(-18 * 3600, 18 * 3600 + 1);
            offset -= random.Next(2) == 0 ? offset % 60 : 0;
            yield return new CypherDate(day);
            yield return new CypherLocalTime(nod);
            yield return new CypherTime(nod, offset);
            yield return new CypherLocalDateTime(day * 86400 + nod / 1_000_000_000, (int)(nod % 1_000_000_000));
            yield return new CypherDateTime(day * 86400 + nod / 1_000_000_000, (int)(nod % 1_000_000_000), offset, null);
            string zone = Zones[random.Next(Zones.Length)];
            var zoned = (CypherDateTime)Call("datetime", Map("datetime", new CypherLocalDateTime(day * 86400 + nod / 1_000_000_000, (int)(nod % 1_000_000_000)), "timezone", zone))!;
            yield return zoned;
            yield return Call("duration", Map(
                "months", random.NextInt64(-50_000, 50_000), "days", random.NextInt64(-50_000, 50_000),
                "seconds", random.NextInt64(-1L << 40, 1L << 40), "nanoseconds", random.NextInt64(-2_000_000_000, 2_000_000_000)))!;
        }
    }

    private static string KindOf(object value) => value switch
    {
        CypherDate => "date",
        CypherLocalTime => "localtime",
        CypherTime => "time",
        CypherLocalDateTime => "localdatetime",
        CypherDateTime => "datetime",
        _ => "duration",
    };

    [Fact]
    public void Format_Should_ParseBackToTheSameValue_When_AnyValueIsPrinted()
    {
        foreach (var value in RandomValues(seed: 20251119, count: 300))
        {
            string text = Text(value);
            Assert.Equal(value, Parse(KindOf(value), text));
            Assert.Equal(0, value is CypherDuration ? 0 : TemporalFunctions.Compare(value, Parse(KindOf(value), text)));
        }
    }

    /// <summary>Datetimes reached from a start keep the start's offset, so compare them as instants.</summary>
    private static object Instant(object value) => value is CypherDateTime z ? (z.EpochSeconds, z.Nanos) : value;

    [Fact]
    public void Between_Should_LeadFromStartToEnd_When_AddedBackToTheStart()
    {
        var values = RandomValues(seed: 7, count: 200).ToList();
        for (int i = 0; i + 7 < values.Count; i += 7)
        {
            foreach (int k in new[] { 0, 3, 4 }) // date, localdatetime, offset datetime
            {
                var from = values[i + k];
                var to = values[i + 7 + k];
                var between = (CypherDuration)Call("duration.between", from, to)!;
                Assert.True(TemporalFunctions.TryAdd(from, between, out var reached));
                Assert.Equal(Instant(to), Instant(reached!));
                var inSeconds = (CypherDuration)Call("duration.inseconds", from, to)!;
                Assert.True(TemporalFunctions.TryAdd(from, inSeconds, out var viaSeconds));
                Assert.Equal(Instant(to), Instant(viaSeconds!));
            }
        }
    }

    [Fact]
    public void Duration_Should_UndoItself_When_AddedThenSubtracted()
    {
        var values = RandomValues(seed: 99, count: 150).ToList();
        for (int i = 0; i + 7 < values.Count; i += 7)
        {
            var d = (CypherDuration)values[i + 6];
            var dayOnly = new CypherDuration(0, d.Days, d.Seconds, d.Nanos);
            foreach (var temporal in new[] { values[i + 1], values[i + 2], values[i + 3], values[i + 4] })
            {
                Assert.True(TemporalFunctions.TryAdd(temporal, dayOnly, out var forward));
                Assert.True(TemporalFunctions.TrySubtract(forward, dayOnly, out var back));
                Assert.Equal(temporal, back);
            }

            Assert.True(TemporalFunctions.TryAdd(d, d, out var twice));
            Assert.True(TemporalFunctions.TryMultiply(d, 2L, out var doubled));
            Assert.Equal(twice, doubled);
            Assert.True(TemporalFunctions.TrySubtract(twice, d, out var once));
            Assert.Equal(d, once);
        }
    }
}
