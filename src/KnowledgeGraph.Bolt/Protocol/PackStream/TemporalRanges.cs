using KnowledgeGraph.Errors;
using KnowledgeGraph.Temporal;

namespace KnowledgeGraph.Bolt.Protocol.PackStream;

/// <summary>
/// Builds temporal values decoded from Bolt, refusing what Neo4j cannot represent: dates outside
/// -999,999,999-01-01 .. +999,999,999-12-31 (Java's LocalDate range), nanoseconds of second outside 0..999,999,999,
/// offsets beyond ±18 h, and durations whose nanoseconds do not fit the seconds field once normalised. A refusal is a
/// <see cref="PackStreamException"/> with <c>Neo.ClientError.Statement.ArgumentError</c> and an intact message, so the
/// server fails only that request.
/// </summary>
internal static class TemporalRanges
{
    /// <summary>Epoch day of -999999999-01-01.</summary>
    public const long MinEpochDay = -365_243_219_162;

    /// <summary>Epoch day of +999999999-12-31.</summary>
    public const long MaxEpochDay = 365_241_780_471;

    private const long SecondsPerDay = 86_400;
    private const long NanosPerSecond = 1_000_000_000;
    private const long NanosPerDay = SecondsPerDay * NanosPerSecond;
    private const long MinLocalSecond = MinEpochDay * SecondsPerDay;
    private const long MaxLocalSecond = MaxEpochDay * SecondsPerDay + SecondsPerDay - 1;
    private const int MaxOffset = 18 * 3600;

    public static CypherDate Date(long epochDays) =>
        epochDays is >= MinEpochDay and <= MaxEpochDay
            ? new CypherDate(epochDays)
            : throw Refuse($"Date out of range: {epochDays} days since 1970-01-01 is beyond year ±999,999,999.");

    public static CypherLocalTime LocalTime(long nanosOfDay) => new(NanosOfDay(nanosOfDay));

    public static CypherTime Time(long nanosOfDay, long offset) => new(NanosOfDay(nanosOfDay), Offset(offset));

    public static CypherLocalDateTime LocalDateTime(long seconds, long nanos) =>
        new(LocalSecond(seconds, 0), NanoOfSecond(nanos));

    public static CypherDateTime DateTime(long utcSeconds, long nanos, long offset)
    {
        var o = Offset(offset);
        LocalSecond(utcSeconds, o);
        return new CypherDateTime(utcSeconds, NanoOfSecond(nanos), o, null);
    }

    public static CypherDateTime DateTimeInZone(long utcSeconds, long nanos, string zone)
    {
        // Checked against the widest offset first: the zone rules are only asked about representable instants.
        LocalSecond(utcSeconds, 0, MaxOffset);
        var offset = ZoneOffsets.OffsetAt(zone, utcSeconds);
        LocalSecond(utcSeconds, offset);
        return new CypherDateTime(utcSeconds, NanoOfSecond(nanos), offset, zone);
    }

    /// <summary>
    /// Months and days are kept as sent; nanoseconds carry into seconds so that |nanos| &lt; 10^9 with the sign of
    /// seconds (CypherDuration's invariant). 2^63-1 nanoseconds is 9.2e9 seconds, fine; only a carry that
    /// overflows the seconds field is refused.
    /// </summary>
    public static CypherDuration Duration(long months, long days, long seconds, long nanos)
    {
        try
        {
            var s = checked(seconds + Math.DivRem(nanos, NanosPerSecond, out var n));
            if (s > 0 && n < 0)
            {
                s--;
                n += NanosPerSecond;
            }
            else if (s < 0 && n > 0)
            {
                s++;
                n -= NanosPerSecond;
            }
            return new CypherDuration(months, days, s, (int)n);
        }
        catch (OverflowException)
        {
            throw Refuse($"Duration out of range: {seconds} seconds and {nanos} nanoseconds overflow the seconds field.");
        }
    }

    private static long NanosOfDay(long nanos) =>
        nanos is >= 0 and < NanosPerDay ? nanos : throw Refuse($"Time out of range: {nanos} nanoseconds of day (expected 0 to {NanosPerDay - 1}).");

    private static int NanoOfSecond(long nanos) =>
        nanos is >= 0 and < NanosPerSecond ? (int)nanos : throw Refuse($"Nanoseconds out of range: {nanos} (expected 0 to 999999999).");

    private static int Offset(long offset) =>
        offset is >= -MaxOffset and <= MaxOffset ? (int)offset : throw Refuse($"Time zone offset out of range: {offset} seconds (expected -64800 to 64800).");

    private static long LocalSecond(long utcSeconds, int offset, int slack = 0)
    {
        // utcSeconds + offset cannot overflow once utcSeconds is within the range plus the widest offset.
        if (utcSeconds < MinLocalSecond - MaxOffset - slack || utcSeconds > MaxLocalSecond + MaxOffset + slack
            || utcSeconds + offset < MinLocalSecond - slack || utcSeconds + offset > MaxLocalSecond + slack)
            throw Refuse($"Date-time out of range: {utcSeconds} seconds since 1970-01-01T00:00Z is beyond year ±999,999,999.");
        return utcSeconds;
    }

    private static PackStreamException Refuse(string message) => new(ErrorCodes.ArgumentError, message, messageIntact: true);
}
