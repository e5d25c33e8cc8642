using KnowledgeGraph.Temporal.Internal;

namespace KnowledgeGraph.Temporal;

public static partial class TemporalFunctions
{
    /// <summary>temporal + duration, duration + temporal, duration + duration. False when the operands are none of these.</summary>
    public static bool TryAdd(object? a, object? b, out object? result)
    {
        switch (a, b)
        {
            case (CypherDuration x, CypherDuration y):
                result = DurationMath.Add(DurationMath.Normalize(x), DurationMath.Normalize(y));
                return true;
            case (CypherDuration d, { } t) when IsTemporal(t):
                result = TemporalArithmetic.Add(t, DurationMath.Normalize(d));
                return true;
            case ({ } t, CypherDuration d) when IsTemporal(t):
                result = TemporalArithmetic.Add(t, DurationMath.Normalize(d));
                return true;
            default:
                result = null;
                return false;
        }
    }

    /// <summary>temporal - duration, duration - duration. False when the operands are neither.</summary>
    public static bool TrySubtract(object? a, object? b, out object? result)
    {
        switch (a, b)
        {
            case (CypherDuration x, CypherDuration y):
                result = DurationMath.Add(DurationMath.Normalize(x), DurationMath.Negate(DurationMath.Normalize(y)));
                return true;
            case ({ } t, CypherDuration d) when IsTemporal(t):
                result = TemporalArithmetic.Add(t, DurationMath.Negate(DurationMath.Normalize(d)));
                return true;
            default:
                result = null;
                return false;
        }
    }

    /// <summary>duration * number, number * duration (an integer factor is exact; a float cascades fractions).</summary>
    public static bool TryMultiply(object? a, object? b, out object? result)
    {
        switch (a, b)
        {
            case (CypherDuration d, long n):
                result = DurationMath.Multiply(DurationMath.Normalize(d), n);
                return true;
            case (long n, CypherDuration d):
                result = DurationMath.Multiply(DurationMath.Normalize(d), n);
                return true;
            case (CypherDuration d, double f):
                result = DurationMath.Multiply(DurationMath.Normalize(d), f);
                return true;
            case (double f, CypherDuration d):
                result = DurationMath.Multiply(DurationMath.Normalize(d), f);
                return true;
            default:
                result = null;
                return false;
        }
    }

    /// <summary>duration / number.</summary>
    public static bool TryDivide(object? a, object? b, out object? result)
    {
        switch (a, b)
        {
            case (CypherDuration d, long n):
                result = DurationMath.Divide(DurationMath.Normalize(d), n);
                return true;
            case (CypherDuration d, double f):
                result = DurationMath.Divide(DurationMath.Normalize(d), f);
                return true;
            default:
                result = null;
                return false;
        }
    }

    /// <summary>
    /// Orders two values of the same temporal type: dates, local times and local datetimes by their clock, times by
    /// their UTC time then offset, datetimes by instant then offset then zone. Null for different types and for
    /// durations (which Cypher does not order).
    /// </summary>
    public static int? Compare(object a, object b)
    {
        switch (a, b)
        {
            case (CypherDate x, CypherDate y):
                return x.EpochDays.CompareTo(y.EpochDays);
            case (CypherLocalTime x, CypherLocalTime y):
                return x.NanosOfDay.CompareTo(y.NanosOfDay);
            case (CypherTime x, CypherTime y):
            {
                long ux = x.NanosOfDay - x.OffsetSeconds * IsoCalendar.NanosPerSecond;
                long uy = y.NanosOfDay - y.OffsetSeconds * IsoCalendar.NanosPerSecond;
                int c = ux.CompareTo(uy);
                return c != 0 ? c : x.OffsetSeconds.CompareTo(y.OffsetSeconds);
            }

            case (CypherLocalDateTime x, CypherLocalDateTime y):
            {
                int c = x.EpochSeconds.CompareTo(y.EpochSeconds);
                return c != 0 ? c : x.Nanos.CompareTo(y.Nanos);
            }

            case (CypherDateTime x, CypherDateTime y):
            {
                int c = x.EpochSeconds.CompareTo(y.EpochSeconds);
                if (c == 0)
                {
                    c = x.Nanos.CompareTo(y.Nanos);
                }

                if (c == 0)
                {
                    c = y.OffsetSeconds.CompareTo(x.OffsetSeconds);
                }

                return c != 0 ? c : string.CompareOrdinal(x.ZoneId, y.ZoneId);
            }

            default:
                return null;
        }
    }
}
