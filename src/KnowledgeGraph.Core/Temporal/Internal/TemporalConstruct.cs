namespace KnowledgeGraph.Temporal.Internal;

/// <summary>
/// The constructor functions (<c>date(...)</c>, <c>localtime(...)</c>, <c>time(...)</c>, <c>localdatetime(...)</c>,
/// <c>datetime(...)</c>) for each argument shape: nothing (the clock), a string, a map, or another temporal value.
/// </summary>
internal static class TemporalConstruct
{
    public enum Kind
    {
        Date,
        LocalTime,
        Time,
        LocalDateTime,
        DateTime,
    }

    public static string Name(Kind kind) => kind switch
    {
        Kind.Date => "Date",
        Kind.LocalTime => "LocalTime",
        Kind.Time => "Time",
        Kind.LocalDateTime => "LocalDateTime",
        _ => "DateTime",
    };

    /// <summary>Reads a clock ("statement", "transaction", "realtime") in a zone and shapes it as <paramref name="kind"/>.</summary>
    public static object Current(Kind kind, DateTimeOffset clock, Zone zone)
    {
        long epochSecond = clock.ToUnixTimeSeconds();
        int nanos = (int)(IsoCalendar.FloorMod(clock.UtcTicks, TimeSpan.TicksPerSecond) * 100);
        var dt = Temporals.DateTimeFromInstant(epochSecond, nanos, zone);
        return kind switch
        {
            Kind.Date => new CypherDate(Temporals.EpochDay(dt)),
            Kind.LocalTime => new CypherLocalTime(Temporals.NanoOfDay(dt)),
            Kind.Time => new CypherTime(Temporals.NanoOfDay(dt), dt.OffsetSeconds),
            Kind.LocalDateTime => new CypherLocalDateTime(Temporals.LocalSeconds(dt), dt.Nanos),
            _ => dt,
        };
    }

    /// <summary>The zone argument of a clock function: none, a zone string, or a map with <c>timezone</c>.</summary>
    public static Zone ClockZone(object? argument, TemporalContext context) => argument switch
    {
        null => Zone.Default(context),
        string s => Zone.Parse(s),
        IReadOnlyDictionary<string, object?> map => ZoneFromMap(map, context),
        _ => throw TemporalErrors.InvalidType($"Expected a time zone, got {TemporalErrors.TypeName(argument)}"),
    };

    private static Zone ZoneFromMap(IReadOnlyDictionary<string, object?> map, TemporalContext context)
    {
        var fields = new TemporalFields(map, "clock");
        if (fields.Count > 1 || (fields.Count == 1 && !fields.Has("timezone")))
        {
            throw TemporalErrors.InvalidValue("Only the timezone can be given when reading the clock");
        }

        return fields.Timezone ?? Zone.Default(context);
    }

    public static object Construct(Kind kind, object value, TemporalContext context) => value switch
    {
        string s => Parse(kind, s, context),
        IReadOnlyDictionary<string, object?> map => FromMap(kind, map, context),
        CypherDuration => throw TemporalErrors.InvalidType($"Cannot construct a {Name(kind)} from a Duration"),
        _ when TemporalFunctions.IsTemporal(value) => FromTemporal(kind, value, context),
        _ => throw TemporalErrors.InvalidType($"Cannot construct a {Name(kind)} from {TemporalErrors.TypeName(value)}"),
    };

    public static object Parse(Kind kind, string text, TemporalContext context) => kind switch
    {
        Kind.Date => new CypherDate(TemporalParser.ParseDate(text)),
        Kind.LocalTime => new CypherLocalTime(TemporalParser.ParseLocalTime(text)),
        Kind.Time => TemporalParser.ParseTime(text, context),
        Kind.LocalDateTime => TemporalParser.ParseLocalDateTime(text),
        _ => TemporalParser.ParseDateTime(text, context),
    };

    private static object FromTemporal(Kind kind, object value, TemporalContext context)
    {
        var fields = TemporalFields.Empty();
        switch (kind)
        {
            case Kind.Date:
            case Kind.LocalDateTime when value is CypherDate:
                fields.Set("date", value);
                break;
            case Kind.LocalTime:
            case Kind.Time:
                fields.Set("time", value);
                break;
            case Kind.DateTime when value is CypherDate:
                fields.Set("date", value);
                break;
            default:
                fields.Set("datetime", value);
                break;
        }

        return Build(kind, fields, context);
    }

    private static object FromMap(Kind kind, IReadOnlyDictionary<string, object?> map, TemporalContext context)
    {
        var fields = new TemporalFields(map, Name(kind));
        if (fields.Count == 0 || fields.OnlyTimezone)
        {
            // date({timezone: 'Europe/Stockholm'}): the statement clock read in that zone.
            return Current(kind, context.StatementTime, fields.Timezone ?? Zone.Default(context));
        }

        return Build(kind, fields, context);
    }

    private static long DateOfBase(object? value, string key, Kind kind) =>
        value is null ? throw new InvalidOperationException()
            : Temporals.DateOf(value) ?? throw TemporalErrors.InvalidType(
                $"Cannot select a date from a {TemporalErrors.TypeName(value)} ('{key}' building a {Name(kind)})");

    private static long TimeOfBase(object? value, string key, Kind kind) =>
        value is null ? throw new InvalidOperationException()
            : Temporals.TimeOf(value) ?? throw TemporalErrors.InvalidType(
                $"Cannot select a time from a {TemporalErrors.TypeName(value)} ('{key}' building a {Name(kind)})");

    /// <summary>Builds a value from fields; bases (date, time, datetime) supply whatever the fields leave out.</summary>
    public static object Build(Kind kind, TemporalFields fields, TemporalContext context)
    {
        switch (kind)
        {
            case Kind.Date:
            {
                ForbidKeys(fields, kind, "time", "datetime", "epochSeconds", "epochMillis", "timezone");
                ForbidTimeFields(fields, kind);
                object? b = fields.Base("date");
                return new CypherDate(fields.DatePart(b is null ? null : DateOfBase(b, "date", kind)));
            }

            case Kind.LocalTime:
            {
                ForbidKeys(fields, kind, "date", "datetime", "epochSeconds", "epochMillis", "timezone");
                ForbidDateFields(fields, kind);
                object? b = fields.Base("time");
                return new CypherLocalTime(fields.TimePart(b is null ? null : TimeOfBase(b, "time", kind)));
            }

            case Kind.Time:
                return BuildTime(fields, context);

            case Kind.LocalDateTime:
            {
                ForbidKeys(fields, kind, "epochSeconds", "epochMillis", "timezone");
                var (day, nod, _, _) = DateAndTime(kind, fields);
                return Temporals.LocalDateTime(day, nod);
            }

            default:
                return BuildDateTime(fields, context);
        }
    }

    private static void ForbidKeys(TemporalFields fields, Kind kind, params string[] keys)
    {
        foreach (var key in keys)
        {
            if (fields.Has(key))
            {
                throw TemporalErrors.InvalidValue($"Cannot use '{key}' when building a {Name(kind)}");
            }
        }
    }

    private static void ForbidTimeFields(TemporalFields fields, Kind kind)
    {
        if (fields.HasAnyTimeField)
        {
            throw TemporalErrors.InvalidValue($"Cannot use time fields when building a {Name(kind)}");
        }
    }

    private static void ForbidDateFields(TemporalFields fields, Kind kind)
    {
        if (fields.HasAnyDateField)
        {
            throw TemporalErrors.InvalidValue($"Cannot use date fields when building a {Name(kind)}");
        }
    }

    /// <summary>Date and time of day from fields and bases; also the time base (for its zone) if any.</summary>
    private static (long Day, long NanoOfDay, object? TimeBase, object? DateTimeBase) DateAndTime(Kind kind, TemporalFields fields)
    {
        object? dateTimeBase = fields.Base("datetime");
        object? dateBase = fields.Base("date") ?? dateTimeBase;
        object? timeBase = fields.Base("time") ?? (dateTimeBase is CypherDate ? null : dateTimeBase);
        long day = fields.DatePart(dateBase is null ? null : DateOfBase(dateBase, fields.Has("date") ? "date" : "datetime", kind));
        long nod = timeBase is null && !fields.HasAnyTimeField
            ? 0
            : fields.TimePart(timeBase is null ? null : TimeOfBase(timeBase, fields.Has("time") ? "time" : "datetime", kind));
        return (day, nod, timeBase, dateTimeBase);
    }

    private static CypherTime BuildTime(TemporalFields fields, TemporalContext context)
    {
        ForbidKeys(fields, Kind.Time, "date", "datetime", "epochSeconds", "epochMillis");
        ForbidDateFields(fields, Kind.Time);
        object? b = fields.Base("time");
        long nod = fields.TimePart(b is null ? null : TimeOfBase(b, "time", Kind.Time));
        Zone? target = fields.Timezone;
        int? sourceOffset = b switch
        {
            CypherTime t => t.OffsetSeconds,
            CypherDateTime z => z.OffsetSeconds,
            _ => null,
        };
        long referenceInstant = b is CypherDateTime zdt ? zdt.EpochSeconds : context.StatementTime.ToUnixTimeSeconds();
        if (target is { } zone)
        {
            int offset = zone.OffsetAt(referenceInstant);
            if (sourceOffset is { } from)
            {
                nod = Temporals.ShiftTime(nod, from, offset);
            }

            return new CypherTime(nod, offset);
        }

        return new CypherTime(nod, sourceOffset ?? Zone.Default(context).OffsetAt(referenceInstant));
    }

    private static CypherDateTime BuildDateTime(TemporalFields fields, TemporalContext context)
    {
        Zone? target = fields.Timezone;
        if (fields.Has("epochSeconds") || fields.Has("epochMillis"))
        {
            return FromEpochFields(fields, target ?? Zone.Default(context));
        }

        var (day, nod, timeBase, _) = DateAndTime(Kind.DateTime, fields);
        Zone? source = timeBase is null ? null : Temporals.ZoneOfValue(timeBase);
        int? preferred = timeBase switch
        {
            CypherDateTime z => z.OffsetSeconds,
            CypherTime t => t.OffsetSeconds,
            _ => null,
        };
        if (target is { } zone)
        {
            if (source is { } from)
            {
                // A zoned time source keeps its instant; the result is that instant seen in the new zone.
                var inSource = Temporals.DateTimeFromLocal(day, nod, from, preferred);
                return Temporals.DateTimeFromInstant(inSource.EpochSeconds, inSource.Nanos, zone);
            }

            return Temporals.DateTimeFromLocal(day, nod, zone);
        }

        return Temporals.DateTimeFromLocal(day, nod, source ?? Zone.Default(context), preferred);
    }

    private static CypherDateTime FromEpochFields(TemporalFields fields, Zone zone)
    {
        if (fields.HasAnyDateField || fields.Has("date") || fields.Has("time") || fields.Has("datetime")
            || fields.Has("hour") || fields.Has("minute") || fields.Has("second"))
        {
            throw TemporalErrors.InvalidValue("epochSeconds/epochMillis cannot be combined with other date or time fields");
        }

        Int128 nanos;
        if (fields.Has("epochSeconds"))
        {
            nanos = (Int128)fields.Long("epochSeconds")!.Value * IsoCalendar.NanosPerSecond;
        }
        else
        {
            nanos = (Int128)fields.Long("epochMillis")!.Value * 1_000_000;
        }

        nanos += (Int128)(fields.Long("millisecond") ?? 0) * 1_000_000 + (Int128)(fields.Long("microsecond") ?? 0) * 1000
                 + (fields.Long("nanosecond") ?? 0);
        Int128 seconds = nanos / IsoCalendar.NanosPerSecond;
        Int128 rest = nanos % IsoCalendar.NanosPerSecond;
        if (rest < 0)
        {
            rest += IsoCalendar.NanosPerSecond;
            seconds -= 1;
        }

        const long limit = 31_556_889_864_403_199L; // +999999999-12-31T23:59:59Z
        if (seconds > limit || seconds < -limit - 86_400)
        {
            throw TemporalErrors.InvalidValue("Epoch value out of the supported range");
        }

        return Temporals.DateTimeFromInstant((long)seconds, (int)rest, zone);
    }
}
