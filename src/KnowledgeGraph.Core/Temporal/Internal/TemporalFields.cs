namespace KnowledgeGraph.Temporal.Internal;

/// <summary>
/// The fields of a constructor map (<c>{year: 1984, week: 10, dayOfWeek: 3, date: other, timezone: '+01:00'}</c>),
/// keyed case-insensitively, and the rules that turn them (plus an optional base value) into a date and a time of day.
/// </summary>
internal sealed class TemporalFields
{
    private static readonly HashSet<string> DateKeys = new(StringComparer.OrdinalIgnoreCase)
    {
        "year", "month", "day", "week", "dayOfWeek", "ordinalDay", "quarter", "dayOfQuarter",
    };

    private static readonly HashSet<string> TimeKeys = new(StringComparer.OrdinalIgnoreCase)
    {
        "hour", "minute", "second", "millisecond", "microsecond", "nanosecond",
    };

    private static readonly HashSet<string> OtherKeys = new(StringComparer.OrdinalIgnoreCase)
    {
        "date", "time", "datetime", "timezone", "epochSeconds", "epochMillis",
    };

    private readonly Dictionary<string, object?> values = new(StringComparer.OrdinalIgnoreCase);

    public TemporalFields(IReadOnlyDictionary<string, object?> map, string kind)
    {
        foreach (var (key, value) in map)
        {
            if (!DateKeys.Contains(key) && !TimeKeys.Contains(key) && !OtherKeys.Contains(key))
            {
                throw TemporalErrors.InvalidValue($"No such field: {key} (building a {kind})");
            }

            if (value is not null)
            {
                values[key] = value;
            }
        }
    }

    private TemporalFields()
    {
    }

    public static TemporalFields Empty() => new();

    public int Count => values.Count;

    public bool Has(string key) => values.ContainsKey(key);

    public bool HasAnyDateField => values.Keys.Any(DateKeys.Contains);

    public bool HasAnyTimeField => values.Keys.Any(TimeKeys.Contains);

    public bool OnlyTimezone => values.Count == 1 && Has("timezone");

    public void Set(string key, object? value)
    {
        if (value is null)
        {
            values.Remove(key);
        }
        else
        {
            values[key] = value;
        }
    }

    public object? Value(string key) => values.GetValueOrDefault(key);

    public long? Long(string key)
    {
        if (!values.TryGetValue(key, out var value))
        {
            return null;
        }

        return value switch
        {
            long l => l,
            double d when d == Math.Floor(d) && !double.IsInfinity(d) => (long)d,
            _ => throw TemporalErrors.InvalidType($"Field '{key}' must be an integer, got {TemporalErrors.TypeName(value)}"),
        };
    }

    public Zone? Timezone
    {
        get
        {
            if (!values.TryGetValue("timezone", out var value))
            {
                return null;
            }

            return value is string s ? Zone.Parse(s)
                : throw TemporalErrors.InvalidType($"Field 'timezone' must be a string, got {TemporalErrors.TypeName(value)}");
        }
    }

    /// <summary>A base temporal value given under <paramref name="key"/> (date, time or datetime).</summary>
    public object? Base(string key)
    {
        if (!values.TryGetValue(key, out var value))
        {
            return null;
        }

        return TemporalFunctions.IsTemporal(value) && value is not CypherDuration
            ? value
            : throw TemporalErrors.InvalidType($"Field '{key}' must be a temporal value, got {TemporalErrors.TypeName(value)}");
    }

    private void Forbid(string group, params string[] keys)
    {
        foreach (var key in keys)
        {
            if (Has(key))
            {
                throw TemporalErrors.InvalidValue($"Cannot assign {key} to a {group} based date");
            }
        }
    }

    /// <summary>
    /// The date (epoch day) the date fields select, starting from <paramref name="baseDay"/> when given. Week fields
    /// (week, dayOfWeek), the ordinal field, quarter fields and calendar fields (month, day) are separate groups.
    /// </summary>
    public long DatePart(long? baseDay)
    {
        long? year = Long("year");
        if (Has("week") || Has("dayOfWeek"))
        {
            Forbid("week", "month", "day", "ordinalDay", "quarter", "dayOfQuarter");
            long? week = Long("week");
            long? dow = Long("dayOfWeek");
            if (baseDay is { } b)
            {
                var (baseWeekYear, baseWeek) = IsoCalendar.WeekOf(b);
                long wy = year ?? baseWeekYear;
                long w = week ?? Math.Min(baseWeek, IsoCalendar.WeeksInWeekYear(wy));
                return Temporals.WeekDate(wy, w, dow ?? IsoCalendar.DayOfWeek(b));
            }

            RequireYear(year);
            if (week is null)
            {
                throw TemporalErrors.InvalidValue("dayOfWeek cannot be specified without week");
            }

            return Temporals.WeekDate(year!.Value, week.Value, dow ?? 1);
        }

        if (Has("ordinalDay"))
        {
            Forbid("ordinal", "month", "day", "quarter", "dayOfQuarter");
            long y = year ?? (baseDay is { } b ? IsoCalendar.FromEpochDay(b).Year : RequireYear(year));
            return Temporals.OrdinalDate(y, Long("ordinalDay")!.Value);
        }

        if (Has("quarter") || Has("dayOfQuarter"))
        {
            Forbid("quarter", "month", "day");
            long? quarter = Long("quarter");
            long? doq = Long("dayOfQuarter");
            if (baseDay is { } b)
            {
                var (by, bm, bd) = IsoCalendar.FromEpochDay(b);
                long y = year ?? by;
                long q = quarter ?? IsoCalendar.Quarter(bm);
                if (doq is { } d)
                {
                    return Temporals.QuarterDate(y, q, d);
                }

                if (q is < 1 or > 4)
                {
                    return Temporals.QuarterDate(y, q, 1);
                }

                int month = (int)(q - 1) * 3 + 1 + (bm - 1) % 3;
                return Temporals.Date(y, month, Math.Min(bd, IsoCalendar.DaysInMonth(y, month)));
            }

            RequireYear(year);
            if (quarter is null)
            {
                throw TemporalErrors.InvalidValue("dayOfQuarter cannot be specified without quarter");
            }

            return Temporals.QuarterDate(year!.Value, quarter.Value, doq ?? 1);
        }

        long? monthField = Long("month");
        long? dayField = Long("day");
        if (baseDay is { } bd2)
        {
            var (by, bm, bday) = IsoCalendar.FromEpochDay(bd2);
            long y = year ?? by;
            long m = monthField ?? bm;
            long d = dayField ?? (m is >= 1 and <= 12 ? Math.Min(bday, IsoCalendar.DaysInMonth(y, (int)m)) : bday);
            return Temporals.Date(y, m, d);
        }

        RequireYear(year);
        if (dayField is not null && monthField is null)
        {
            throw TemporalErrors.InvalidValue("day cannot be specified without month");
        }

        return Temporals.Date(year!.Value, monthField ?? 1, dayField ?? 1);
    }

    private static long RequireYear(long? year) =>
        year ?? throw TemporalErrors.InvalidValue("year must be specified");

    /// <summary>
    /// The time of day (nanoseconds) the time fields select, starting from <paramref name="baseNanoOfDay"/> when
    /// given. Sub-second fields add up (millisecond + microsecond + nanosecond) and replace the base's fraction.
    /// </summary>
    public long TimePart(long? baseNanoOfDay)
    {
        long? hour = Long("hour"), minute = Long("minute"), second = Long("second");
        long? ms = Long("millisecond"), us = Long("microsecond"), ns = Long("nanosecond");
        bool anySub = ms is not null || us is not null || ns is not null;
        if (ms is { } m1 && m1 is < 0 or > 999)
        {
            throw TemporalErrors.InvalidValue($"Invalid value for Millisecond (valid values 0 - 999): {m1}");
        }

        if (us is { } u1 && (u1 < 0 || u1 > (ms is null ? 999_999 : 999)))
        {
            throw TemporalErrors.InvalidValue($"Invalid value for Microsecond: {u1}");
        }

        if (ns is { } n1 && (n1 < 0 || n1 > (ms is null && us is null ? 999_999_999 : 999)))
        {
            throw TemporalErrors.InvalidValue($"Invalid value for Nanosecond: {n1}");
        }

        long sub = (ms ?? 0) * 1_000_000 + (us ?? 0) * 1000 + (ns ?? 0);
        if (baseNanoOfDay is { } b)
        {
            long bSec = b / IsoCalendar.NanosPerSecond;
            return Temporals.NanoOfDay(
                hour ?? bSec / 3600,
                minute ?? bSec / 60 % 60,
                second ?? bSec % 60,
                anySub ? sub : b % IsoCalendar.NanosPerSecond);
        }

        if (hour is null && (minute is not null || second is not null || anySub))
        {
            throw TemporalErrors.InvalidValue("hour must be specified");
        }

        if (minute is null && (second is not null || anySub))
        {
            throw TemporalErrors.InvalidValue("minute must be specified");
        }

        if (second is null && anySub)
        {
            throw TemporalErrors.InvalidValue("second must be specified");
        }

        return Temporals.NanoOfDay(hour ?? 0, minute ?? 0, second ?? 0, sub);
    }
}
