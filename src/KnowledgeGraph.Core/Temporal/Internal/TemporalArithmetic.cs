namespace KnowledgeGraph.Temporal.Internal;

/// <summary>
/// temporal ± duration as Neo4j applies it: months (day clamped to the month's length), then days, then seconds
/// (whole days only, truncated, for a date), then nanoseconds; a zoned datetime adds months and days on its
/// local clock and seconds on the instant line.
/// </summary>
internal static class TemporalArithmetic
{
    public static object Add(object temporal, CypherDuration duration)
    {
        var (seconds, nanos) = DurationMath.FloorForm(duration);
        long months = duration.Months;
        long days = duration.Days;
        if (months is > 25_000_000_000L or < -25_000_000_000L || days is > 800_000_000_000L or < -800_000_000_000L)
        {
            // Far beyond ±999,999,999 years: the result cannot be a valid temporal.
            throw TemporalErrors.InvalidValue("Temporal arithmetic result out of range");
        }

        try
        {
            checked
            {
                switch (temporal)
                {
                    case CypherDate d:
                    {
                        long day = IsoCalendar.PlusMonths(d.EpochDays, months) + days + seconds / IsoCalendar.SecondsPerDay;
                        return new CypherDate(CheckDay(day));
                    }

                    case CypherLocalTime t:
                        return new CypherLocalTime(PlusTime(t.NanosOfDay, seconds, nanos));

                    case CypherTime t:
                        return new CypherTime(PlusTime(t.NanosOfDay, seconds, nanos), t.OffsetSeconds);

                    case CypherLocalDateTime l:
                    {
                        long day = IsoCalendar.PlusMonths(Temporals.EpochDay(l), months) + days;
                        Int128 total = (Int128)day * IsoCalendar.NanosPerDay + Temporals.NanoOfDay(l)
                                       + (Int128)seconds * IsoCalendar.NanosPerSecond + nanos;
                        var (s, n) = Split(total);
                        CheckDay(IsoCalendar.FloorDiv(s, IsoCalendar.SecondsPerDay));
                        return new CypherLocalDateTime(s, n);
                    }

                    case CypherDateTime z:
                    {
                        var zone = Temporals.ZoneOf(z);
                        var shifted = z;
                        if (months != 0 || days != 0)
                        {
                            long day = IsoCalendar.PlusMonths(Temporals.EpochDay(z), months) + days;
                            shifted = Temporals.DateTimeFromLocal(day, Temporals.NanoOfDay(z), zone, z.OffsetSeconds);
                        }

                        Int128 total = (Int128)shifted.EpochSeconds * IsoCalendar.NanosPerSecond + shifted.Nanos
                                       + (Int128)seconds * IsoCalendar.NanosPerSecond + nanos;
                        var (s, n) = Split(total);
                        var result = Temporals.DateTimeFromInstant(s, n, zone);
                        CheckDay(Temporals.EpochDay(result));
                        return result;
                    }

                    default:
                        throw new ArgumentException("Not a temporal value", nameof(temporal));
                }
            }
        }
        catch (OverflowException)
        {
            throw TemporalErrors.Overflow("Temporal arithmetic out of range");
        }
    }

    private static long CheckDay(long epochDay)
    {
        // ±999,999,999 years is about ±365.3e9 days; anything far beyond cannot be a valid date.
        if (epochDay is > 400_000_000_000L or < -400_000_000_000L)
        {
            throw TemporalErrors.InvalidValue("Temporal arithmetic result out of range");
        }

        long year = IsoCalendar.FromEpochDay(epochDay).Year;
        if (year is < -Temporals.MaxYear or > Temporals.MaxYear)
        {
            throw TemporalErrors.InvalidValue($"Invalid value for Year (valid values -999999999 - 999999999): {year}");
        }

        return epochDay;
    }

    private static (long Seconds, int Nanos) Split(Int128 totalNanos)
    {
        Int128 s = totalNanos / IsoCalendar.NanosPerSecond;
        Int128 n = totalNanos % IsoCalendar.NanosPerSecond;
        if (n < 0)
        {
            n += IsoCalendar.NanosPerSecond;
            s -= 1;
        }

        return (checked((long)s), (int)n);
    }

    private static long PlusTime(long nanoOfDay, long seconds, long nanos)
    {
        long secondsInDay = IsoCalendar.FloorMod(seconds, IsoCalendar.SecondsPerDay);
        return IsoCalendar.FloorMod(nanoOfDay + secondsInDay * IsoCalendar.NanosPerSecond + nanos, IsoCalendar.NanosPerDay);
    }
}
