namespace KnowledgeGraph.Temporal.Internal;

/// <summary>
/// duration.between / inMonths / inDays / inSeconds. Mixed operands are first completed as Neo4j does: a missing
/// time is midnight, a missing date is the other operand's date, a missing zone is the other operand's zone.
/// </summary>
internal static class TemporalBetween
{
    private struct Moment
    {
        public long? Day;
        public long? Nod;
        public Zone? Zone;
        public int? Offset;
    }

    private static Moment Of(object value) => value switch
    {
        CypherDate d => new Moment { Day = d.EpochDays },
        CypherLocalTime t => new Moment { Nod = t.NanosOfDay },
        CypherTime t => new Moment { Nod = t.NanosOfDay, Zone = Zone.Offset(t.OffsetSeconds), Offset = t.OffsetSeconds },
        CypherLocalDateTime l => new Moment { Day = Temporals.EpochDay(l), Nod = Temporals.NanoOfDay(l) },
        CypherDateTime z => new Moment
        {
            Day = Temporals.EpochDay(z), Nod = Temporals.NanoOfDay(z), Zone = Temporals.ZoneOf(z), Offset = z.OffsetSeconds,
        },
        _ => throw TemporalErrors.InvalidType($"Expected a temporal value, got {TemporalErrors.TypeName(value)}"),
    };

    private static void Complete(ref Moment a, ref Moment b, bool timeBased)
    {
        if (timeBased)
        {
            a.Nod ??= 0;
            b.Nod ??= 0;
        }
        else if (a.Nod is not null && b.Nod is null)
        {
            b.Nod = 0;
        }
        else if (b.Nod is not null && a.Nod is null)
        {
            a.Nod = 0;
        }

        if (a.Day is not null && b.Day is null)
        {
            b.Day = a.Day;
        }
        else if (b.Day is not null && a.Day is null)
        {
            a.Day = b.Day;
        }

        if (a.Zone is not null && b.Zone is null)
        {
            b.Zone = a.Zone;
        }
        else if (b.Zone is not null && a.Zone is null)
        {
            a.Zone = b.Zone;
        }
    }

    /// <summary>Instant (epoch nanos) of a completed zoned moment with a date.</summary>
    private static Int128 Instant(Moment m)
    {
        long local = Temporals.LocalSeconds(m.Day!.Value, m.Nod!.Value);
        var (epochSecond, _) = m.Zone!.Value.Resolve(local, m.Offset);
        return (Int128)epochSecond * IsoCalendar.NanosPerSecond + m.Nod.Value % IsoCalendar.NanosPerSecond;
    }

    private enum Unit
    {
        Months,
        Days,
        Nanos,
    }

    private static Int128 Until(object fromValue, object toValue, Unit unit)
    {
        var a = Of(fromValue);
        var b = Of(toValue);
        Complete(ref a, ref b, unit == Unit.Nanos);
        if (a.Day is null || b.Day is null)
        {
            if (unit != Unit.Nanos || a.Nod is null || b.Nod is null)
            {
                return 0;
            }

            if (a.Zone is { } za && b.Zone is { } zb)
            {
                int oa = a.Offset ?? za.FixedOffset;
                int ob = b.Offset ?? zb.FixedOffset;
                return ((Int128)b.Nod.Value - (Int128)ob * IsoCalendar.NanosPerSecond) - ((Int128)a.Nod.Value - (Int128)oa * IsoCalendar.NanosPerSecond);
            }

            return (Int128)b.Nod.Value - a.Nod.Value;
        }

        long dayA = a.Day.Value, dayB = b.Day.Value;
        long nodA = a.Nod ?? 0, nodB = b.Nod ?? 0;
        if (a.Zone is { } zoneA && b.Zone is not null)
        {
            Int128 ia = Instant(a);
            Int128 ib = Instant(b);
            if (unit == Unit.Nanos)
            {
                return ib - ia;
            }

            // Date-based units compare local clocks after moving the end into the start's zone.
            Int128 ibFloor = ib / IsoCalendar.NanosPerSecond;
            Int128 ibRest = ib % IsoCalendar.NanosPerSecond;
            if (ibRest < 0)
            {
                ibRest += IsoCalendar.NanosPerSecond;
                ibFloor -= 1;
            }

            long ibSeconds = (long)ibFloor;
            int nanos = (int)ibRest;
            long localB = ibSeconds + zoneA.OffsetAt(ibSeconds);
            dayB = IsoCalendar.FloorDiv(localB, IsoCalendar.SecondsPerDay);
            nodB = IsoCalendar.FloorMod(localB, IsoCalendar.SecondsPerDay) * IsoCalendar.NanosPerSecond + nanos;
        }

        if (unit == Unit.Nanos)
        {
            return ((Int128)dayB - dayA) * IsoCalendar.NanosPerDay + (nodB - nodA);
        }

        long endDay = dayB;
        if (endDay > dayA && nodB < nodA)
        {
            endDay--;
        }
        else if (endDay < dayA && nodB > nodA)
        {
            endDay++;
        }

        return unit == Unit.Months ? IsoCalendar.MonthsUntil(dayA, endDay) : endDay - dayA;
    }

    private static bool HasDate(object value) => value is CypherDate or CypherLocalDateTime or CypherDateTime;

    private static CypherDuration FromNanos(long months, long days, Int128 nanos)
    {
        Int128 s = nanos / IsoCalendar.NanosPerSecond;
        if (s > long.MaxValue || s < long.MinValue)
        {
            throw TemporalErrors.Overflow("Duration out of range");
        }

        return DurationMath.Create(months, days, (long)s, (long)(nanos % IsoCalendar.NanosPerSecond));
    }

    public static CypherDuration Between(object from, object to)
    {
        long months = 0, days = 0;
        object current = from;
        if (HasDate(from) && HasDate(to))
        {
            months = (long)Until(current, to, Unit.Months);
            current = TemporalArithmetic.Add(current, new CypherDuration(months, 0, 0, 0));
            days = (long)Until(current, to, Unit.Days);
            current = TemporalArithmetic.Add(current, new CypherDuration(0, days, 0, 0));
        }

        return FromNanos(months, days, Until(current, to, Unit.Nanos));
    }

    public static CypherDuration InMonths(object from, object to) =>
        HasDate(from) && HasDate(to) ? new CypherDuration((long)Until(from, to, Unit.Months), 0, 0, 0) : new CypherDuration(0, 0, 0, 0);

    public static CypherDuration InDays(object from, object to) =>
        HasDate(from) && HasDate(to) ? new CypherDuration(0, (long)Until(from, to, Unit.Days), 0, 0) : new CypherDuration(0, 0, 0, 0);

    public static CypherDuration InSeconds(object from, object to) => FromNanos(0, 0, Until(from, to, Unit.Nanos));
}
