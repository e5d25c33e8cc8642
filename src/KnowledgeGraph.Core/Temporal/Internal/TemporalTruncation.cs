namespace KnowledgeGraph.Temporal.Internal;

/// <summary>
/// <c>date.truncate(unit, value[, fields])</c> and its siblings: cut the value down to the unit, then apply the
/// optional fields to the truncated value (a timezone there replaces the zone, keeping the local clock).
/// </summary>
internal static class TemporalTruncation
{
    private static readonly string[] DateUnits = ["millennium", "century", "decade", "year", "weekyear", "quarter", "month", "week", "day"];

    private static readonly string[] TimeUnits = ["day", "hour", "minute", "second", "millisecond", "microsecond"];

    public static object Truncate(TemporalConstruct.Kind kind, object? unitValue, object? value, object? mapValue, TemporalContext context)
    {
        if (unitValue is not string rawUnit)
        {
            throw TemporalErrors.InvalidType($"The truncation unit must be a string, got {TemporalErrors.TypeName(unitValue)}");
        }

        string unit = rawUnit.ToLowerInvariant();
        if (value is null || !TemporalFunctions.IsTemporal(value) || value is CypherDuration)
        {
            throw TemporalErrors.InvalidType($"Cannot truncate {TemporalErrors.TypeName(value)}");
        }

        var fields = mapValue switch
        {
            null => TemporalFields.Empty(),
            IReadOnlyDictionary<string, object?> map => new TemporalFields(map, TemporalConstruct.Name(kind)),
            _ => throw TemporalErrors.InvalidType($"Truncation fields must be a map, got {TemporalErrors.TypeName(mapValue)}"),
        };

        bool dateBased = Array.IndexOf(DateUnits, unit) >= 0 && unit != "day";
        bool known = dateBased || Array.IndexOf(TimeUnits, unit) >= 0;
        if (!known)
        {
            throw TemporalErrors.InvalidValue($"Unsupported unit: {rawUnit}");
        }

        bool kindHasDate = kind is TemporalConstruct.Kind.Date or TemporalConstruct.Kind.LocalDateTime or TemporalConstruct.Kind.DateTime;
        bool kindHasTime = kind is not TemporalConstruct.Kind.Date;
        if (!kindHasDate && dateBased)
        {
            throw TemporalErrors.InvalidValue($"Cannot truncate a {TemporalConstruct.Name(kind)} to {rawUnit}");
        }

        if (!kindHasTime && Array.IndexOf(DateUnits, unit) < 0)
        {
            throw TemporalErrors.InvalidValue($"Cannot truncate a Date to {rawUnit}");
        }

        long? day = Temporals.DateOf(value);
        long? nod = Temporals.TimeOf(value);
        if (kindHasDate && day is null)
        {
            throw TemporalErrors.InvalidValue($"Cannot truncate {TemporalErrors.TypeName(value)} to a {TemporalConstruct.Name(kind)}");
        }

        if (!kindHasDate && nod is null)
        {
            throw TemporalErrors.InvalidValue($"Cannot truncate {TemporalErrors.TypeName(value)} to a {TemporalConstruct.Name(kind)}");
        }

        long? truncatedDay = day is { } d ? TruncateDate(d, unit) : null;
        long truncatedNod = TruncateTime(nod ?? 0, unit);
        AdjustSubseconds(fields, unit, truncatedNod);

        // The zone the result keeps unless the fields name another: the value's own zone, else the default.
        Zone? ownZone = Temporals.ZoneOfValue(value);
        Zone zone = fields.Timezone ?? ownZone ?? Zone.Default(context);

        switch (kind)
        {
            case TemporalConstruct.Kind.Date:
                return new CypherDate(fields.DatePart(truncatedDay));
            case TemporalConstruct.Kind.LocalTime:
                return new CypherLocalTime(fields.TimePart(truncatedNod));
            case TemporalConstruct.Kind.Time:
            {
                long t = fields.TimePart(truncatedNod);
                int offset = zone.OffsetAt(value is CypherDateTime z ? z.EpochSeconds : context.StatementTime.ToUnixTimeSeconds());
                return new CypherTime(t, offset);
            }

            case TemporalConstruct.Kind.LocalDateTime:
                return Temporals.LocalDateTime(fields.DatePart(truncatedDay), fields.TimePart(truncatedNod));
            default:
                return Temporals.DateTimeFromLocal(fields.DatePart(truncatedDay), fields.TimePart(truncatedNod), zone);
        }
    }

    private static long TruncateDate(long epochDay, string unit)
    {
        var (year, month, _) = IsoCalendar.FromEpochDay(epochDay);
        return unit switch
        {
            "millennium" => IsoCalendar.EpochDay(IsoCalendar.FloorDiv(year, 1000) * 1000, 1, 1),
            "century" => IsoCalendar.EpochDay(IsoCalendar.FloorDiv(year, 100) * 100, 1, 1),
            "decade" => IsoCalendar.EpochDay(IsoCalendar.FloorDiv(year, 10) * 10, 1, 1),
            "year" => IsoCalendar.EpochDay(year, 1, 1),
            "weekyear" => IsoCalendar.WeekYearStart(IsoCalendar.WeekOf(epochDay).WeekYear),
            "quarter" => IsoCalendar.EpochDay(year, (IsoCalendar.Quarter(month) - 1) * 3 + 1, 1),
            "month" => IsoCalendar.EpochDay(year, month, 1),
            "week" => epochDay - (IsoCalendar.DayOfWeek(epochDay) - 1),
            _ => epochDay,
        };
    }

    private static long TruncateTime(long nanoOfDay, string unit) => unit switch
    {
        "hour" => nanoOfDay - nanoOfDay % (3600 * IsoCalendar.NanosPerSecond),
        "minute" => nanoOfDay - nanoOfDay % (60 * IsoCalendar.NanosPerSecond),
        "second" => nanoOfDay - nanoOfDay % IsoCalendar.NanosPerSecond,
        "millisecond" => nanoOfDay - nanoOfDay % 1_000_000,
        "microsecond" => nanoOfDay - nanoOfDay % 1000,
        "millennium" or "century" or "decade" or "year" or "weekyear" or "quarter" or "month" or "week" or "day" => 0,
        _ => nanoOfDay,
    };

    /// <summary>
    /// Finer sub-second fields given with a millisecond or microsecond truncation add to the kept fraction
    /// (<c>truncate('millisecond', 12:31:14.645876, {nanosecond: 2})</c> is 12:31:14.645000002), as Neo4j does.
    /// </summary>
    private static void AdjustSubseconds(TemporalFields fields, string unit, long truncatedNod)
    {
        long fraction = truncatedNod % IsoCalendar.NanosPerSecond;
        if (unit == "millisecond" && !fields.Has("millisecond"))
        {
            if (fields.Has("microsecond"))
            {
                fields.Set("microsecond", fields.Long("microsecond")!.Value + fraction / 1000);
            }
            else if (fields.Has("nanosecond"))
            {
                fields.Set("nanosecond", fields.Long("nanosecond")!.Value + fraction);
            }
        }
        else if (unit == "microsecond" && fields.Has("nanosecond") && !fields.Has("microsecond") && !fields.Has("millisecond"))
        {
            fields.Set("nanosecond", fields.Long("nanosecond")!.Value + fraction);
        }
    }
}
