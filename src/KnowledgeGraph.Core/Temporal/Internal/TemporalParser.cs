using System.Globalization;
using System.Text.RegularExpressions;

namespace KnowledgeGraph.Temporal.Internal;

/// <summary>
/// Parses the ISO 8601 shapes Neo4j accepts: calendar (<c>2015-07-21</c>, <c>20150721</c>, <c>2015-07</c>), week
/// (<c>2015-W30-2</c>, <c>2015W302</c>), ordinal (<c>2015-202</c>), quarter (<c>2015-Q2-15</c>) and year-only dates;
/// times in extended or basic form with up to 9 fractional digits; offsets <c>Z</c>, <c>±HH</c>, <c>±HHMM</c>,
/// <c>±HH:MM</c>; zone names in brackets; durations in unit and date-time forms.
/// </summary>
internal static partial class TemporalParser
{
    public static long ParseDate(string text)
    {
        int pos = 0;
        long day = ReadDate(text, ref pos, "Date");
        if (pos != text.Length)
        {
            throw TemporalErrors.CannotParse("Date", text);
        }

        return day;
    }

    public static long ParseLocalTime(string text)
    {
        int pos = 0;
        long nod = ReadTime(text, ref pos, "LocalTime");
        if (pos != text.Length)
        {
            throw TemporalErrors.CannotParse("LocalTime", text);
        }

        return nod;
    }

    public static CypherTime ParseTime(string text, TemporalContext context)
    {
        int pos = 0;
        long nod = ReadTime(text, ref pos, "Time");
        var (offset, zoneName) = ReadZone(text, ref pos, "Time");
        if (pos != text.Length)
        {
            throw TemporalErrors.CannotParse("Time", text);
        }

        int resolved;
        if (offset is { } o)
        {
            resolved = o;
        }
        else if (zoneName is not null)
        {
            var zone = Zone.Parse(zoneName);
            resolved = zone.OffsetAt(context.StatementTime.ToUnixTimeSeconds());
        }
        else
        {
            var zone = Zone.Default(context);
            resolved = zone.OffsetAt(context.StatementTime.ToUnixTimeSeconds());
        }

        return new CypherTime(nod, resolved);
    }

    public static CypherLocalDateTime ParseLocalDateTime(string text)
    {
        int pos = 0;
        long day = ReadDate(text, ref pos, "LocalDateTime");
        long nod = 0;
        if (pos < text.Length && (text[pos] == 'T' || text[pos] == 't'))
        {
            pos++;
            nod = ReadTime(text, ref pos, "LocalDateTime");
        }

        if (pos != text.Length)
        {
            throw TemporalErrors.CannotParse("LocalDateTime", text);
        }

        return Temporals.LocalDateTime(day, nod);
    }

    public static CypherDateTime ParseDateTime(string text, TemporalContext context)
    {
        int pos = 0;
        long day = ReadDate(text, ref pos, "DateTime");
        long nod = 0;
        if (pos < text.Length && (text[pos] == 'T' || text[pos] == 't'))
        {
            pos++;
            nod = ReadTime(text, ref pos, "DateTime");
        }

        var (offset, zoneName) = ReadZone(text, ref pos, "DateTime");
        if (pos != text.Length)
        {
            throw TemporalErrors.CannotParse("DateTime", text);
        }

        Zone zone = zoneName is not null ? Zone.Parse(zoneName)
            : offset is { } o ? Zone.Offset(o)
            : Zone.Default(context);
        return Temporals.DateTimeFromLocal(day, nod, zone, offset);
    }

    private static bool IsDigit(string s, int at) => at < s.Length && char.IsAsciiDigit(s[at]);

    private static int CountDigits(string s, int at)
    {
        int n = 0;
        while (IsDigit(s, at + n))
        {
            n++;
        }

        return n;
    }

    private static int Digits(string s, int at, int count) =>
        int.Parse(s.AsSpan(at, count), NumberStyles.None, CultureInfo.InvariantCulture);

    private static long ReadDate(string s, ref int pos, string kind)
    {
        long year;
        if (pos < s.Length && (s[pos] == '+' || s[pos] == '-'))
        {
            int sign = s[pos] == '-' ? -1 : 1;
            int n = CountDigits(s, pos + 1);
            if (n is < 1 or > 9)
            {
                throw TemporalErrors.CannotParse(kind, s);
            }

            year = sign * long.Parse(s.AsSpan(pos + 1, n), NumberStyles.None, CultureInfo.InvariantCulture);
            pos += 1 + n;
        }
        else
        {
            if (CountDigits(s, pos) < 4)
            {
                throw TemporalErrors.CannotParse(kind, s);
            }

            year = Digits(s, pos, 4);
            pos += 4;
        }

        if (pos >= s.Length || s[pos] is 'T' or 't')
        {
            return Temporals.Date(year, 1, 1);
        }

        bool extended = s[pos] == '-';
        if (extended)
        {
            pos++;
        }

        if (pos < s.Length && s[pos] is 'W' or 'w')
        {
            pos++;
            if (CountDigits(s, pos) < 2)
            {
                throw TemporalErrors.CannotParse(kind, s);
            }

            int week = Digits(s, pos, 2);
            pos += 2;
            int dow = 1;
            if (extended && pos + 1 < s.Length && s[pos] == '-' && IsDigit(s, pos + 1))
            {
                dow = s[pos + 1] - '0';
                pos += 2;
            }
            else if (!extended && IsDigit(s, pos))
            {
                dow = s[pos] - '0';
                pos++;
            }

            return Temporals.WeekDate(year, week, dow);
        }

        if (pos < s.Length && s[pos] is 'Q' or 'q')
        {
            pos++;
            if (!IsDigit(s, pos))
            {
                throw TemporalErrors.CannotParse(kind, s);
            }

            int quarter = s[pos] - '0';
            pos++;
            int dayOfQuarter = 1;
            if (extended && pos + 1 < s.Length && s[pos] == '-' && IsDigit(s, pos + 1))
            {
                int n = Math.Min(CountDigits(s, pos + 1), 2);
                dayOfQuarter = Digits(s, pos + 1, n);
                pos += 1 + n;
            }
            else if (!extended && CountDigits(s, pos) == 2)
            {
                dayOfQuarter = Digits(s, pos, 2);
                pos += 2;
            }

            return Temporals.QuarterDate(year, quarter, dayOfQuarter);
        }

        int digits = CountDigits(s, pos);
        if (extended)
        {
            if (digits == 3)
            {
                int ordinal = Digits(s, pos, 3);
                pos += 3;
                return Temporals.OrdinalDate(year, ordinal);
            }

            if (digits is 1 or 2)
            {
                int month = Digits(s, pos, digits);
                pos += digits;
                int day = 1;
                if (pos + 1 < s.Length && s[pos] == '-' && IsDigit(s, pos + 1))
                {
                    int dd = CountDigits(s, pos + 1);
                    if (dd is < 1 or > 2)
                    {
                        throw TemporalErrors.CannotParse(kind, s);
                    }

                    day = Digits(s, pos + 1, dd);
                    pos += 1 + dd;
                }

                return Temporals.Date(year, month, day);
            }

            throw TemporalErrors.CannotParse(kind, s);
        }

        switch (digits)
        {
            case 2:
                pos += 2;
                return Temporals.Date(year, Digits(s, pos - 2, 2), 1);
            case 3:
                pos += 3;
                return Temporals.OrdinalDate(year, Digits(s, pos - 3, 3));
            case 4:
                pos += 4;
                return Temporals.Date(year, Digits(s, pos - 4, 2), Digits(s, pos - 2, 2));
            default:
                throw TemporalErrors.CannotParse(kind, s);
        }
    }

    private static long ReadTime(string s, ref int pos, string kind)
    {
        if (CountDigits(s, pos) < 2)
        {
            throw TemporalErrors.CannotParse(kind, s);
        }

        int hour = Digits(s, pos, 2);
        pos += 2;
        int minute = 0, second = 0;
        long nanos = 0;
        bool extended = pos < s.Length && s[pos] == ':';
        if (extended)
        {
            pos++;
            if (CountDigits(s, pos) < 2)
            {
                throw TemporalErrors.CannotParse(kind, s);
            }

            minute = Digits(s, pos, 2);
            pos += 2;
            if (pos < s.Length && s[pos] == ':')
            {
                pos++;
                if (CountDigits(s, pos) < 2)
                {
                    throw TemporalErrors.CannotParse(kind, s);
                }

                second = Digits(s, pos, 2);
                pos += 2;
                nanos = ReadFraction(s, ref pos, kind);
            }
        }
        else if (CountDigits(s, pos) >= 2)
        {
            minute = Digits(s, pos, 2);
            pos += 2;
            if (CountDigits(s, pos) >= 2)
            {
                second = Digits(s, pos, 2);
                pos += 2;
                nanos = ReadFraction(s, ref pos, kind);
            }
        }

        return Temporals.NanoOfDay(hour, minute, second, nanos);
    }

    private static long ReadFraction(string s, ref int pos, string kind)
    {
        if (pos >= s.Length || (s[pos] != '.' && s[pos] != ','))
        {
            return 0;
        }

        int n = CountDigits(s, pos + 1);
        if (n is < 1 or > 9)
        {
            throw TemporalErrors.CannotParse(kind, s);
        }

        long value = long.Parse(s.AsSpan(pos + 1, n), NumberStyles.None, CultureInfo.InvariantCulture);
        for (int i = n; i < 9; i++)
        {
            value *= 10;
        }

        pos += 1 + n;
        return value;
    }

    private static (int? Offset, string? ZoneName) ReadZone(string s, ref int pos, string kind)
    {
        int? offset = null;
        string? name = null;
        if (pos < s.Length && (s[pos] is 'Z' or 'z'))
        {
            offset = 0;
            pos++;
        }
        else if (pos < s.Length && (s[pos] == '+' || s[pos] == '-'))
        {
            int end = pos + 1;
            while (end < s.Length && (char.IsAsciiDigit(s[end]) || s[end] == ':'))
            {
                end++;
            }

            if (!Zone.TryParseOffset(s[pos..end], out int seconds))
            {
                throw TemporalErrors.CannotParse(kind, s);
            }

            offset = seconds;
            pos = end;
        }

        if (pos < s.Length && s[pos] == '[')
        {
            int close = s.IndexOf(']', pos);
            if (close < 0)
            {
                throw TemporalErrors.CannotParse(kind, s);
            }

            name = s[(pos + 1)..close];
            pos = close + 1;
        }

        return (offset, name);
    }

    [GeneratedRegex(
        @"^(?<sign>[-+]?)P(?:(?<y>[-+]?\d+(?:[.,]\d+)?)Y)?(?:(?<mo>[-+]?\d+(?:[.,]\d+)?)M)?(?:(?<w>[-+]?\d+(?:[.,]\d+)?)W)?(?:(?<d>[-+]?\d+(?:[.,]\d+)?)D)?(?<t>T(?:(?<h>[-+]?\d+(?:[.,]\d+)?)H)?(?:(?<mi>[-+]?\d+(?:[.,]\d+)?)M)?(?:(?<s>[-+]?\d+)(?:[.,](?<f>\d{1,9}))?S)?)?$",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex UnitDurationPattern();

    [GeneratedRegex(
        @"^(?<sign>[-+]?)P(?<y>\d{4})-?(?<mo>\d{2})-?(?<d>\d{2})T(?<h>\d{2}):?(?<mi>\d{2}):?(?<s>\d{2})(?:[.,](?<f>\d{1,9}))?$",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex DateTimeDurationPattern();

    public static CypherDuration ParseDuration(string text)
    {
        var m = UnitDurationPattern().Match(text);
        if (m.Success)
        {
            bool any = m.Groups["y"].Success || m.Groups["mo"].Success || m.Groups["w"].Success || m.Groups["d"].Success
                       || m.Groups["h"].Success || m.Groups["mi"].Success || m.Groups["s"].Success;
            if (!any || (m.Groups["t"].Success && !(m.Groups["h"].Success || m.Groups["mi"].Success || m.Groups["s"].Success)))
            {
                throw TemporalErrors.CannotParse("Duration", text);
            }

            return BuildDuration(m, text);
        }

        m = DateTimeDurationPattern().Match(text);
        if (m.Success)
        {
            return BuildDuration(m, text);
        }

        throw TemporalErrors.CannotParse("Duration", text);
    }

    private static CypherDuration BuildDuration(Match m, string text)
    {
        int sign = m.Groups["sign"].Value == "-" ? -1 : 1;
        bool fractional = false;
        double Number(string group)
        {
            var g = m.Groups[group];
            if (!g.Success)
            {
                return 0;
            }

            string v = g.Value.Replace(',', '.');
            fractional |= v.Contains('.');
            return double.Parse(v, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture);
        }

        double years = Number("y"), months = Number("mo"), weeks = Number("w"), days = Number("d");
        double hours = Number("h"), minutes = Number("mi");
        long seconds = 0;
        long nanos = 0;
        if (m.Groups["s"].Success)
        {
            string sv = m.Groups["s"].Value;
            seconds = long.Parse(sv, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);
            if (m.Groups["f"].Success)
            {
                string f = m.Groups["f"].Value.PadRight(9, '0');
                nanos = long.Parse(f, NumberStyles.None, CultureInfo.InvariantCulture);
                if (sv.StartsWith('-'))
                {
                    nanos = -nanos;
                }
            }
        }

        try
        {
            if (!fractional)
            {
                checked
                {
                    long mo = (long)years * 12 + (long)months;
                    long d = (long)weeks * 7 + (long)days;
                    long s = (long)hours * 3600 + (long)minutes * 60 + seconds;
                    return DurationMath.Create(sign * mo, sign * d, sign * s, sign * nanos);
                }
            }
        }
        catch (OverflowException)
        {
            throw TemporalErrors.InvalidValue($"Duration out of range: {text}");
        }

        return DurationMath.Approximate(
            sign * (years * 12 + months),
            sign * (weeks * 7 + days),
            sign * (hours * 3600 + minutes * 60 + seconds),
            sign * (double)nanos);
    }
}
