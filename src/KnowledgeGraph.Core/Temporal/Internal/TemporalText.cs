using System.Globalization;
using System.Text;

namespace KnowledgeGraph.Temporal.Internal;

/// <summary>Prints temporal values exactly as Neo4j does (java.time's ISO forms; Neo4j's duration form).</summary>
internal static class TemporalText
{
    public static string Date(long epochDay)
    {
        var sb = new StringBuilder(16);
        AppendDate(sb, epochDay);
        return sb.ToString();
    }

    public static string LocalTime(long nanoOfDay)
    {
        var sb = new StringBuilder(18);
        AppendTime(sb, nanoOfDay);
        return sb.ToString();
    }

    public static string Time(long nanoOfDay, int offset)
    {
        var sb = new StringBuilder(24);
        AppendTime(sb, nanoOfDay);
        sb.Append(Zone.FormatOffset(offset));
        return sb.ToString();
    }

    public static string LocalDateTime(long epochDay, long nanoOfDay)
    {
        var sb = new StringBuilder(32);
        AppendDate(sb, epochDay);
        sb.Append('T');
        AppendTime(sb, nanoOfDay);
        return sb.ToString();
    }

    public static string DateTime(CypherDateTime value)
    {
        long local = value.EpochSeconds + value.OffsetSeconds;
        var sb = new StringBuilder(48);
        AppendDate(sb, IsoCalendar.FloorDiv(local, IsoCalendar.SecondsPerDay));
        sb.Append('T');
        AppendTime(sb, IsoCalendar.FloorMod(local, IsoCalendar.SecondsPerDay) * IsoCalendar.NanosPerSecond + value.Nanos);
        sb.Append(Zone.FormatOffset(value.OffsetSeconds));
        if (value.ZoneId is not null)
        {
            sb.Append('[').Append(value.ZoneId).Append(']');
        }

        return sb.ToString();
    }

    /// <summary>Neo4j's duration form: years and months from months, then days, then T with hours, minutes and
    /// seconds from the seconds part, each component carrying its own sign (e.g. <c>P-6M-15DT-17H-45M-3.5S</c>).</summary>
    public static string Duration(CypherDuration value)
    {
        var (seconds, nanos) = DurationMath.FloorForm(value);
        long months = value.Months;
        var sb = new StringBuilder("P", 32);
        Append(sb, months / 12, 'Y');
        Append(sb, months % 12, 'M');
        Append(sb, value.Days, 'D');
        if (seconds != 0 || nanos != 0)
        {
            long s = seconds;
            long n = nanos;
            if (s < 0 && n != 0)
            {
                s++;
                n -= IsoCalendar.NanosPerSecond;
            }

            sb.Append('T');
            Append(sb, s / 3600, 'H');
            s %= 3600;
            Append(sb, s / 60, 'M');
            s %= 60;
            if (s != 0)
            {
                sb.Append(s.ToString(CultureInfo.InvariantCulture));
                AppendFraction(sb, Math.Abs(n));
                sb.Append('S');
            }
            else if (n != 0)
            {
                sb.Append(n < 0 ? "-0" : "0");
                AppendFraction(sb, Math.Abs(n));
                sb.Append('S');
            }
        }

        if (sb.Length == 1)
        {
            sb.Append("T0S");
        }

        return sb.ToString();
    }

    private static void Append(StringBuilder sb, long value, char unit)
    {
        if (value != 0)
        {
            sb.Append(value.ToString(CultureInfo.InvariantCulture)).Append(unit);
        }
    }

    private static void AppendFraction(StringBuilder sb, long nanos)
    {
        if (nanos == 0)
        {
            return;
        }

        string digits = nanos.ToString("000000000", CultureInfo.InvariantCulture).TrimEnd('0');
        sb.Append('.').Append(digits);
    }

    /// <summary>java.time's LocalDate form: 4-digit years zero-padded, a sign beyond 9999 or below 0.</summary>
    public static void AppendDate(StringBuilder sb, long epochDay)
    {
        var (year, month, day) = IsoCalendar.FromEpochDay(epochDay);
        long abs = Math.Abs(year);
        if (abs < 1000)
        {
            if (year < 0)
            {
                sb.Append('-');
            }

            sb.Append(abs.ToString("0000", CultureInfo.InvariantCulture));
        }
        else
        {
            if (year > 9999)
            {
                sb.Append('+');
            }

            sb.Append(year.ToString(CultureInfo.InvariantCulture));
        }

        sb.Append('-').Append(month.ToString("00", CultureInfo.InvariantCulture))
          .Append('-').Append(day.ToString("00", CultureInfo.InvariantCulture));
    }

    /// <summary>java.time's LocalTime form: HH:mm, then :ss when seconds or nanos are set, then 3, 6 or 9 digits.</summary>
    public static void AppendTime(StringBuilder sb, long nanoOfDay)
    {
        long secondOfDay = nanoOfDay / IsoCalendar.NanosPerSecond;
        long nano = nanoOfDay % IsoCalendar.NanosPerSecond;
        long hour = secondOfDay / 3600;
        long minute = secondOfDay / 60 % 60;
        long second = secondOfDay % 60;
        sb.Append(hour.ToString("00", CultureInfo.InvariantCulture)).Append(':')
          .Append(minute.ToString("00", CultureInfo.InvariantCulture));
        if (second > 0 || nano > 0)
        {
            sb.Append(':').Append(second.ToString("00", CultureInfo.InvariantCulture));
            if (nano > 0)
            {
                sb.Append('.');
                if (nano % 1_000_000 == 0)
                {
                    sb.Append((nano / 1_000_000).ToString("000", CultureInfo.InvariantCulture));
                }
                else if (nano % 1000 == 0)
                {
                    sb.Append((nano / 1000).ToString("000000", CultureInfo.InvariantCulture));
                }
                else
                {
                    sb.Append(nano.ToString("000000000", CultureInfo.InvariantCulture));
                }
            }
        }
    }
}
