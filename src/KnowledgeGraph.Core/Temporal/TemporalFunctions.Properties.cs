using KnowledgeGraph.Temporal.Internal;

namespace KnowledgeGraph.Temporal;

public static partial class TemporalFunctions
{
    /// <summary>
    /// Reads a component (<c>d.year</c>, <c>t.offsetMinutes</c>, <c>dur.monthsOfYear</c>, ...), names matched
    /// case-insensitively. False when the value is not temporal or has no such component.
    /// </summary>
    public static bool TryGetProperty(object value, string key, out object? result)
    {
        ArgumentNullException.ThrowIfNull(key);
        string k = key.ToLowerInvariant();
        result = value switch
        {
            CypherDate d => DateField(d.EpochDays, k),
            CypherLocalTime t => TimeField(t.NanosOfDay, k),
            CypherTime t => TimeField(t.NanosOfDay, k) ?? ZoneField(Zone.Offset(t.OffsetSeconds), t.OffsetSeconds, k),
            CypherLocalDateTime l => DateField(Temporals.EpochDay(l), k) ?? TimeField(Temporals.NanoOfDay(l), k),
            CypherDateTime z => DateField(Temporals.EpochDay(z), k) ?? TimeField(Temporals.NanoOfDay(z), k)
                                ?? ZoneField(Temporals.ZoneOf(z), z.OffsetSeconds, k) ?? EpochField(z, k),
            CypherDuration d => DurationField(d, k),
            _ => null,
        };
        return result is not null;
    }

    private static object? DateField(long epochDay, string key)
    {
        switch (key)
        {
            case "year":
                return IsoCalendar.FromEpochDay(epochDay).Year;
            case "quarter":
                return (long)IsoCalendar.Quarter(IsoCalendar.FromEpochDay(epochDay).Month);
            case "month":
                return (long)IsoCalendar.FromEpochDay(epochDay).Month;
            case "week":
                return (long)IsoCalendar.WeekOf(epochDay).Week;
            case "weekyear":
                return IsoCalendar.WeekOf(epochDay).WeekYear;
            case "day":
                return (long)IsoCalendar.FromEpochDay(epochDay).Day;
            case "ordinalday":
                return (long)IsoCalendar.DayOfYear(epochDay);
            case "dayofweek":
            case "weekday":
                return (long)IsoCalendar.DayOfWeek(epochDay);
            case "dayofquarter":
                return (long)IsoCalendar.DayOfQuarter(epochDay);
            default:
                return null;
        }
    }

    private static object? TimeField(long nanoOfDay, string key)
    {
        long second = nanoOfDay / IsoCalendar.NanosPerSecond;
        long nano = nanoOfDay % IsoCalendar.NanosPerSecond;
        return key switch
        {
            "hour" => second / 3600,
            "minute" => second / 60 % 60,
            "second" => second % 60,
            "millisecond" => nano / 1_000_000,
            "microsecond" => nano / 1000,
            "nanosecond" => nano,
            _ => null,
        };
    }

    private static object? ZoneField(Zone zone, int offsetSeconds, string key) => key switch
    {
        "timezone" => zone.Name,
        "offset" => Zone.FormatOffset(offsetSeconds),
        "offsetminutes" => (long)(offsetSeconds / 60),
        "offsetseconds" => (long)offsetSeconds,
        _ => null,
    };

    private static object? EpochField(CypherDateTime value, string key) => key switch
    {
        "epochseconds" => value.EpochSeconds,
        "epochmillis" => checked(value.EpochSeconds * 1000 + value.Nanos / 1_000_000),
        _ => null,
    };

    private static object? DurationField(CypherDuration duration, string key)
    {
        var (seconds, nanos) = DurationMath.FloorForm(duration);
        long months = duration.Months;
        long days = duration.Days;
        try
        {
            return key switch
            {
                "years" => months / 12,
                "quarters" => months / 3,
                "months" => months,
                "weeks" => days / 7,
                "days" => days,
                "hours" => seconds / 3600,
                "minutes" => seconds / 60,
                "seconds" => seconds,
                "milliseconds" => checked(seconds * 1000 + nanos / 1_000_000),
                "microseconds" => checked(seconds * 1_000_000 + nanos / 1000),
                "nanoseconds" => checked(seconds * IsoCalendar.NanosPerSecond + nanos),
                "quartersofyear" => months / 3 % 4,
                "monthsofquarter" => months % 3,
                "monthsofyear" => months % 12,
                "daysofweek" => days % 7,
                "minutesofhour" => seconds / 60 % 60,
                "secondsofminute" => seconds % 60,
                "millisecondsofsecond" => nanos / 1_000_000,
                "microsecondsofsecond" => nanos / 1000,
                "nanosecondsofsecond" => nanos,
                _ => (object?)null,
            };
        }
        catch (OverflowException)
        {
            throw TemporalErrors.Overflow($"Duration component {key} out of range");
        }
    }
}
