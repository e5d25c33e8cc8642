namespace KnowledgeGraph.Temporal.Internal;

/// <summary>Validated constructors and the local views (epoch day, nano of day, zone) of the temporal structs.</summary>
internal static class Temporals
{
    public const long MaxYear = 999_999_999;

    private static void Check(bool ok, string message)
    {
        if (!ok)
        {
            throw TemporalErrors.InvalidValue(message);
        }
    }

    private static void CheckYear(long year) =>
        Check(year is >= -MaxYear and <= MaxYear, $"Invalid value for Year (valid values -999999999 - 999999999): {year}");

    public static long Date(long year, long month, long day)
    {
        CheckYear(year);
        Check(month is >= 1 and <= 12, $"Invalid value for MonthOfYear (valid values 1 - 12): {month}");
        Check(day >= 1 && day <= IsoCalendar.DaysInMonth(year, (int)month),
            day is >= 1 and <= 31 ? $"Invalid date '{year}-{month}-{day}'" : $"Invalid value for DayOfMonth (valid values 1 - 28/31): {day}");
        return IsoCalendar.EpochDay(year, (int)month, (int)day);
    }

    public static long WeekDate(long weekYear, long week, long dayOfWeek)
    {
        CheckYear(weekYear);
        Check(dayOfWeek is >= 1 and <= 7, $"Invalid value for DayOfWeek (valid values 1 - 7): {dayOfWeek}");
        Check(week >= 1 && week <= IsoCalendar.WeeksInWeekYear(weekYear),
            $"Invalid value for WeekOfWeekBasedYear (valid values 1 - 52/53): {week}");
        return IsoCalendar.FromWeekDate(weekYear, (int)week, (int)dayOfWeek);
    }

    public static long OrdinalDate(long year, long dayOfYear)
    {
        CheckYear(year);
        Check(dayOfYear >= 1 && dayOfYear <= IsoCalendar.DaysInYear(year),
            $"Invalid value for DayOfYear (valid values 1 - 365/366): {dayOfYear}");
        return IsoCalendar.EpochDay(year, 1, 1) + dayOfYear - 1;
    }

    public static long QuarterDate(long year, long quarter, long dayOfQuarter)
    {
        CheckYear(year);
        Check(quarter is >= 1 and <= 4, $"Invalid value for QuarterOfYear (valid values 1 - 4): {quarter}");
        Check(dayOfQuarter >= 1 && dayOfQuarter <= IsoCalendar.DaysInQuarter(year, (int)quarter),
            $"Invalid value for DayOfQuarter (valid values 1 - 90/91/92): {dayOfQuarter}");
        return IsoCalendar.EpochDay(year, (int)(quarter - 1) * 3 + 1, 1) + dayOfQuarter - 1;
    }

    public static long NanoOfDay(long hour, long minute, long second, long nanoOfSecond)
    {
        Check(hour is >= 0 and <= 23, $"Invalid value for HourOfDay (valid values 0 - 23): {hour}");
        Check(minute is >= 0 and <= 59, $"Invalid value for MinuteOfHour (valid values 0 - 59): {minute}");
        Check(second is >= 0 and <= 59, $"Invalid value for SecondOfMinute (valid values 0 - 59): {second}");
        Check(nanoOfSecond is >= 0 and <= 999_999_999, $"Invalid value for NanoOfSecond (valid values 0 - 999999999): {nanoOfSecond}");
        return ((hour * 60 + minute) * 60 + second) * IsoCalendar.NanosPerSecond + nanoOfSecond;
    }

    public static CypherLocalDateTime LocalDateTime(long epochDay, long nanoOfDay) =>
        new(epochDay * IsoCalendar.SecondsPerDay + nanoOfDay / IsoCalendar.NanosPerSecond, (int)(nanoOfDay % IsoCalendar.NanosPerSecond));

    public static long LocalSeconds(long epochDay, long nanoOfDay) =>
        epochDay * IsoCalendar.SecondsPerDay + nanoOfDay / IsoCalendar.NanosPerSecond;

    public static CypherDateTime DateTimeFromLocal(long epochDay, long nanoOfDay, Zone zone, int? preferredOffset = null)
    {
        long local = LocalSeconds(epochDay, nanoOfDay);
        var (instant, offset) = zone.Resolve(local, preferredOffset);
        return new CypherDateTime(instant, (int)(nanoOfDay % IsoCalendar.NanosPerSecond), offset, zone.Id);
    }

    public static CypherDateTime DateTimeFromLocalSeconds(long localSeconds, int nanos, Zone zone, int? preferredOffset = null)
    {
        var (instant, offset) = zone.Resolve(localSeconds, preferredOffset);
        return new CypherDateTime(instant, nanos, offset, zone.Id);
    }

    public static CypherDateTime DateTimeFromInstant(long epochSecond, int nanos, Zone zone) =>
        new(epochSecond, nanos, zone.OffsetAt(epochSecond), zone.Id);

    public static Zone ZoneOf(CypherDateTime value) =>
        value.ZoneId is null ? Zone.Offset(value.OffsetSeconds) : new Zone(0, value.ZoneId);

    // Local views.
    public static long EpochDay(CypherLocalDateTime v) => IsoCalendar.FloorDiv(v.EpochSeconds, IsoCalendar.SecondsPerDay);

    public static long NanoOfDay(CypherLocalDateTime v) =>
        IsoCalendar.FloorMod(v.EpochSeconds, IsoCalendar.SecondsPerDay) * IsoCalendar.NanosPerSecond + v.Nanos;

    public static long LocalSeconds(CypherDateTime v) => v.EpochSeconds + v.OffsetSeconds;

    public static long EpochDay(CypherDateTime v) => IsoCalendar.FloorDiv(LocalSeconds(v), IsoCalendar.SecondsPerDay);

    public static long NanoOfDay(CypherDateTime v) =>
        IsoCalendar.FloorMod(LocalSeconds(v), IsoCalendar.SecondsPerDay) * IsoCalendar.NanosPerSecond + v.Nanos;

    /// <summary>The date part of a value that has one.</summary>
    public static long? DateOf(object value) => value switch
    {
        CypherDate d => d.EpochDays,
        CypherLocalDateTime l => EpochDay(l),
        CypherDateTime z => EpochDay(z),
        _ => null,
    };

    /// <summary>The local time of day of a value that has one.</summary>
    public static long? TimeOf(object value) => value switch
    {
        CypherLocalTime t => t.NanosOfDay,
        CypherTime t => t.NanosOfDay,
        CypherLocalDateTime l => NanoOfDay(l),
        CypherDateTime z => NanoOfDay(z),
        _ => null,
    };

    /// <summary>The zone of a value that carries one (time: its offset; datetime: its zone or offset).</summary>
    public static Zone? ZoneOfValue(object value) => value switch
    {
        CypherTime t => Zone.Offset(t.OffsetSeconds),
        CypherDateTime z => ZoneOf(z),
        _ => null,
    };

    /// <summary>Moves a time of day with an offset to another offset, keeping the instant.</summary>
    public static long ShiftTime(long nanoOfDay, int fromOffset, int toOffset) =>
        IsoCalendar.FloorMod(nanoOfDay + (long)(toOffset - fromOffset) * IsoCalendar.NanosPerSecond, IsoCalendar.NanosPerDay);
}
