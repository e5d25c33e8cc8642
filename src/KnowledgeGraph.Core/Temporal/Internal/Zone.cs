using System.Collections.Concurrent;
using System.Globalization;

namespace KnowledgeGraph.Temporal.Internal;

/// <summary>
/// A time zone as Cypher sees it: either a fixed offset (printed as the offset, e.g. <c>+01:00</c> or <c>Z</c>)
/// or a named IANA region (printed <c>+01:00[Europe/Stockholm]</c>) whose offset depends on the instant.
/// </summary>
internal readonly record struct Zone(int FixedOffset, string? Id)
{
    private static readonly ConcurrentDictionary<string, TimeZoneInfo?> Cache = new(StringComparer.Ordinal);

    private const int MaxOffsetSeconds = 18 * 3600;

    public static Zone Utc => new(0, null);

    public static Zone Offset(int seconds) => new(seconds, null);

    public bool IsNamed => Id is not null;

    /// <summary>Parses "Z", "+01", "+0100", "+01:00", "+01:00:30" or an IANA id.</summary>
    public static Zone Parse(string text)
    {
        if (TryParseOffset(text, out int seconds))
        {
            return Offset(seconds);
        }

        if (text.Length > 0 && (text[0] == '+' || text[0] == '-'))
        {
            throw TemporalErrors.InvalidValue($"Invalid value for TimeZone: Text '{text}' could not be parsed");
        }

        if (Find(text) is null)
        {
            throw TemporalErrors.InvalidValue($"Invalid value for TimeZone: Text '{text}' could not be parsed");
        }

        return new Zone(0, text);
    }

    /// <summary>The context default: "UTC"/"Z" mean a zero offset printed as <c>Z</c>.</summary>
    public static Zone Default(TemporalContext context) =>
        context.DefaultTimeZone is null or "" or "UTC" or "Z" ? Utc : Parse(context.DefaultTimeZone);

    public static bool TryParseOffset(string text, out int seconds)
    {
        seconds = 0;
        if (text is "Z" or "z")
        {
            return true;
        }

        if (text.Length < 3 || (text[0] != '+' && text[0] != '-'))
        {
            return false;
        }

        int sign = text[0] == '-' ? -1 : 1;
        string body = text[1..];
        int h, m = 0, s = 0;
        if (body.Length == 2 && TwoDigits(body, 0, out h))
        {
        }
        else if (body.Length == 4 && TwoDigits(body, 0, out h) && TwoDigits(body, 2, out m))
        {
        }
        else if (body.Length == 5 && body[2] == ':' && TwoDigits(body, 0, out h) && TwoDigits(body, 3, out m))
        {
        }
        else if (body.Length == 6 && TwoDigits(body, 0, out h) && TwoDigits(body, 2, out m) && TwoDigits(body, 4, out s))
        {
        }
        else if (body.Length == 8 && body[2] == ':' && body[5] == ':' && TwoDigits(body, 0, out h)
                 && TwoDigits(body, 3, out m) && TwoDigits(body, 6, out s))
        {
        }
        else
        {
            return false;
        }

        if (m > 59 || s > 59)
        {
            return false;
        }

        seconds = sign * (h * 3600 + m * 60 + s);
        if (Math.Abs(seconds) > MaxOffsetSeconds)
        {
            throw TemporalErrors.InvalidValue($"Zone offset not in valid range: -18:00 to +18:00: '{text}'");
        }

        return true;
    }

    private static bool TwoDigits(string s, int at, out int value)
    {
        value = 0;
        if (at + 2 > s.Length || !char.IsAsciiDigit(s[at]) || !char.IsAsciiDigit(s[at + 1]))
        {
            return false;
        }

        value = (s[at] - '0') * 10 + (s[at + 1] - '0');
        return true;
    }

    public static TimeZoneInfo? Find(string id) => Cache.GetOrAdd(id, static key =>
    {
        try
        {
            return TimeZoneInfo.FindSystemTimeZoneById(key);
        }
        catch (TimeZoneNotFoundException)
        {
            return null;
        }
        catch (InvalidTimeZoneException)
        {
            return null;
        }
    });

    private TimeZoneInfo Info => Find(Id!) ?? throw TemporalErrors.InvalidValue($"Unknown time zone: {Id}");

    /// <summary>The offset in force at an instant (seconds since the epoch, UTC).</summary>
    public int OffsetAt(long epochSecond)
    {
        if (Id is null)
        {
            return FixedOffset;
        }

        if (TzHistory.For(Id)?.OffsetAt(epochSecond) is { } exact)
        {
            return exact;
        }

        // DateTimeOffset covers years 1..9999; beyond that the nearest edge's rules apply.
        long clamped = Math.Clamp(epochSecond, -62135596800L + 86400 * 2, 253402300799L - 86400 * 2);
        var offset = Info.GetUtcOffset(DateTimeOffset.FromUnixTimeSeconds(clamped));
        return (int)offset.TotalSeconds;
    }

    /// <summary>
    /// Resolves a local date-time (seconds since 1970-01-01T00:00 on the local clock) to an offset, as java.time
    /// does: in an overlap the preferred (else the earlier) offset wins; in a gap the local time moves forward
    /// by the gap's length.
    /// </summary>
    public (long EpochSecond, int Offset) Resolve(long localSecond, int? preferredOffset = null)
    {
        if (Id is null)
        {
            return (localSecond - FixedOffset, FixedOffset);
        }

        const long probe = 18 * 3600;
        int before = OffsetAt(localSecond - probe - probe);
        int after = OffsetAt(localSecond + probe + probe);
        bool beforeValid = OffsetAt(localSecond - before) == before;
        bool afterValid = OffsetAt(localSecond - after) == after;
        if (beforeValid && afterValid && before != after)
        {
            int chosen = preferredOffset == after ? after : before;
            return (localSecond - chosen, chosen);
        }

        if (beforeValid)
        {
            return (localSecond - before, before);
        }

        if (afterValid)
        {
            return (localSecond - after, after);
        }

        // A gap: keep the instant the local time would have had under the earlier offset.
        long instant = localSecond - before;
        return (instant, OffsetAt(instant));
    }

    /// <summary>The zone's name as Cypher prints it in <c>.timezone</c>.</summary>
    public string Name => Id ?? FormatOffset(FixedOffset);

    public static string FormatOffset(int seconds)
    {
        if (seconds == 0)
        {
            return "Z";
        }

        int abs = Math.Abs(seconds);
        string text = string.Create(CultureInfo.InvariantCulture, $"{(seconds < 0 ? '-' : '+')}{abs / 3600:00}:{abs / 60 % 60:00}");
        return abs % 60 == 0 ? text : string.Create(CultureInfo.InvariantCulture, $"{text}:{abs % 60:00}");
    }
}
