namespace KnowledgeGraph.Temporal.Internal;

/// <summary>
/// Proleptic ISO calendar arithmetic on epoch days (days since 1970-01-01) for any year a long can hold,
/// so years beyond DateOnly's 1..9999 (the TCK uses ±999,999,999) work the same way.
/// </summary>
internal static class IsoCalendar
{
    public const long NanosPerSecond = 1_000_000_000L;
    public const long SecondsPerDay = 86_400L;
    public const long NanosPerDay = NanosPerSecond * SecondsPerDay;

    public static long FloorDiv(long a, long b) => a / b - ((a % b != 0) && ((a < 0) ^ (b < 0)) ? 1 : 0);

    public static long FloorMod(long a, long b) => a - FloorDiv(a, b) * b;

    public static bool IsLeap(long year) => (year & 3) == 0 && (year % 100 != 0 || year % 400 == 0);

    public static int DaysInMonth(long year, int month) => month switch
    {
        2 => IsLeap(year) ? 29 : 28,
        4 or 6 or 9 or 11 => 30,
        _ => 31,
    };

    public static int DaysInYear(long year) => IsLeap(year) ? 366 : 365;

    /// <summary>Days from 1970-01-01 to the given civil date (Hinnant's days_from_civil).</summary>
    public static long EpochDay(long year, int month, int day)
    {
        long y = month <= 2 ? year - 1 : year;
        long era = FloorDiv(y, 400);
        long yoe = y - era * 400;
        long mp = (month + 9) % 12;
        long doy = (153 * mp + 2) / 5 + day - 1;
        long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        return era * 146097 + doe - 719468;
    }

    /// <summary>The civil date of an epoch day (Hinnant's civil_from_days).</summary>
    public static (long Year, int Month, int Day) FromEpochDay(long epochDay)
    {
        long z = epochDay + 719468;
        long era = FloorDiv(z, 146097);
        long doe = z - era * 146097;
        long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
        long y = yoe + era * 400;
        long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        long mp = (5 * doy + 2) / 153;
        int d = (int)(doy - (153 * mp + 2) / 5 + 1);
        int m = (int)(mp < 10 ? mp + 3 : mp - 9);
        return (m <= 2 ? y + 1 : y, m, d);
    }

    /// <summary>ISO day of week, Monday = 1 .. Sunday = 7.</summary>
    public static int DayOfWeek(long epochDay) => (int)FloorMod(epochDay + 3, 7) + 1;

    public static int DayOfYear(long epochDay)
    {
        var (y, _, _) = FromEpochDay(epochDay);
        return (int)(epochDay - EpochDay(y, 1, 1)) + 1;
    }

    public static int Quarter(int month) => (month - 1) / 3 + 1;

    public static int DayOfQuarter(long epochDay)
    {
        var (y, m, _) = FromEpochDay(epochDay);
        int firstMonth = (Quarter(m) - 1) * 3 + 1;
        return (int)(epochDay - EpochDay(y, firstMonth, 1)) + 1;
    }

    public static int DaysInQuarter(long year, int quarter)
    {
        int first = (quarter - 1) * 3 + 1;
        return DaysInMonth(year, first) + DaysInMonth(year, first + 1) + DaysInMonth(year, first + 2);
    }

    /// <summary>Monday of ISO week 1 of a week-based year.</summary>
    public static long WeekYearStart(long weekYear)
    {
        long jan4 = EpochDay(weekYear, 1, 4);
        return jan4 - (DayOfWeek(jan4) - 1);
    }

    public static int WeeksInWeekYear(long weekYear) => (int)((WeekYearStart(weekYear + 1) - WeekYearStart(weekYear)) / 7);

    public static (long WeekYear, int Week) WeekOf(long epochDay)
    {
        long thursday = epochDay - DayOfWeek(epochDay) + 4;
        long weekYear = FromEpochDay(thursday).Year;
        int week = (int)((thursday - EpochDay(weekYear, 1, 1)) / 7) + 1;
        return (weekYear, week);
    }

    public static long FromWeekDate(long weekYear, int week, int dayOfWeek) =>
        WeekYearStart(weekYear) + (week - 1) * 7L + (dayOfWeek - 1);

    /// <summary>Adds calendar months, clamping the day to the target month's length (as java.time does).</summary>
    public static long PlusMonths(long epochDay, long months)
    {
        if (months == 0)
        {
            return epochDay;
        }

        var (y, m, d) = FromEpochDay(epochDay);
        long total = checked(y * 12 + (m - 1) + months);
        long ny = FloorDiv(total, 12);
        int nm = (int)FloorMod(total, 12) + 1;
        return EpochDay(ny, nm, Math.Min(d, DaysInMonth(ny, nm)));
    }

    /// <summary>Whole months from one date to another, truncated toward zero (java.time's LocalDate.until MONTHS).</summary>
    public static long MonthsUntil(long fromEpochDay, long toEpochDay)
    {
        var (y1, m1, d1) = FromEpochDay(fromEpochDay);
        var (y2, m2, d2) = FromEpochDay(toEpochDay);
        long packed1 = (y1 * 12 + m1 - 1) * 32 + d1;
        long packed2 = (y2 * 12 + m2 - 1) * 32 + d2;
        return (packed2 - packed1) / 32;
    }
}
