using System.Globalization;

namespace KnowledgeGraph.Temporal.Internal;

/// <summary>
/// Duration construction and arithmetic with Neo4j's rules: fractional months spill into days at the average
/// month length (30.436875 days), fractional days into seconds, fractional seconds into nanoseconds.
/// </summary>
internal static class DurationMath
{
    private const double AvgNanosPerMonth = 2_629_746_000_000_000d;
    private const double NanosPerDay = 86_400_000_000_000d;
    private const double NanosPerSecond = 1_000_000_000d;

    /// <summary>Builds the canonical form: seconds and nanos carry the same sign, |nanos| &lt; 1e9.</summary>
    public static CypherDuration Create(long months, long days, long seconds, long nanos)
    {
        Int128 total = (Int128)seconds * IsoCalendar.NanosPerSecond + nanos;
        Int128 s = total / IsoCalendar.NanosPerSecond;
        Int128 n = total % IsoCalendar.NanosPerSecond;
        if (s > long.MaxValue || s < long.MinValue)
        {
            throw TemporalErrors.Overflow("Duration out of range");
        }

        return new CypherDuration(months, days, (long)s, (int)n);
    }

    public static CypherDuration Normalize(CypherDuration d) => Create(d.Months, d.Days, d.Seconds, d.Nanos);

    /// <summary>Neo4j's internal form: nanos in [0, 1e9), seconds floored.</summary>
    public static (long Seconds, long Nanos) FloorForm(CypherDuration d)
    {
        Int128 total = (Int128)d.Seconds * IsoCalendar.NanosPerSecond + d.Nanos;
        Int128 s = total / IsoCalendar.NanosPerSecond;
        Int128 n = total % IsoCalendar.NanosPerSecond;
        if (n < 0)
        {
            n += IsoCalendar.NanosPerSecond;
            s -= 1;
        }

        return ((long)s, (long)n);
    }

    public static Int128 TotalNanos(CypherDuration d) => (Int128)d.Seconds * IsoCalendar.NanosPerSecond + d.Nanos;

    private static long SafeToLong(double value)
    {
        if (double.IsNaN(value) || value >= 9.2233720368547758E18 || value <= -9.2233720368547758E18)
        {
            throw TemporalErrors.InvalidValue($"Duration component out of range: {value.ToString(CultureInfo.InvariantCulture)}");
        }

        return (long)value;
    }

    /// <summary>Neo4j's DurationValue.approximate: cascade fractions downwards, truncating toward zero.</summary>
    public static CypherDuration Approximate(double months, double days, double seconds, double nanos)
    {
        long monthsAsLong = SafeToLong(months);
        double monthDiffInNanos = AvgNanosPerMonth * months - AvgNanosPerMonth * monthsAsLong;
        days += monthDiffInNanos / NanosPerDay;
        long daysAsLong = SafeToLong(days);
        double daysDiffInNanos = NanosPerDay * days - NanosPerDay * daysAsLong;
        seconds += daysDiffInNanos / NanosPerSecond;
        long secondsAsLong = SafeToLong(seconds);
        double secondsDiffInNanos = NanosPerSecond * seconds - NanosPerSecond * secondsAsLong;
        nanos += secondsDiffInNanos;
        long nanosAsLong = SafeToLong(nanos);
        return Create(monthsAsLong, daysAsLong, secondsAsLong, nanosAsLong);
    }

    private static readonly string[] MapKeys =
    [
        "years", "quarters", "months", "weeks", "days", "hours", "minutes", "seconds", "milliseconds", "microseconds", "nanoseconds",
    ];

    /// <summary>duration({years: .., months: .., ...}).</summary>
    public static CypherDuration FromMap(IReadOnlyDictionary<string, object?> map)
    {
        if (map.Count == 0)
        {
            throw TemporalErrors.InvalidValue("At least one temporal unit must be specified.");
        }

        var values = new double[MapKeys.Length];
        var exact = new long[MapKeys.Length];
        bool allIntegral = true;
        foreach (var (rawKey, value) in map)
        {
            int index = Array.FindIndex(MapKeys, k => string.Equals(k, rawKey, StringComparison.OrdinalIgnoreCase));
            if (index < 0)
            {
                throw TemporalErrors.InvalidValue($"No such field: {rawKey}");
            }

            switch (value)
            {
                case long l:
                    values[index] = l;
                    exact[index] = l;
                    break;
                case double d:
                    values[index] = d;
                    allIntegral = false;
                    break;
                case null:
                    break;
                default:
                    throw TemporalErrors.InvalidType($"Duration component '{rawKey}' must be a number, got {TemporalErrors.TypeName(value)}");
            }
        }

        if (allIntegral)
        {
            // Exact integer arithmetic keeps large integral inputs precise.
            try
            {
                checked
                {
                    long months = exact[0] * 12 + exact[1] * 3 + exact[2];
                    long days = exact[3] * 7 + exact[4];
                    long seconds = exact[5] * 3600 + exact[6] * 60 + exact[7];
                    Int128 nanos = (Int128)exact[8] * 1_000_000 + (Int128)exact[9] * 1000 + exact[10];
                    Int128 extraSeconds = nanos / IsoCalendar.NanosPerSecond;
                    return Create(months, days, seconds + (long)extraSeconds, (long)(nanos % IsoCalendar.NanosPerSecond));
                }
            }
            catch (OverflowException)
            {
                throw TemporalErrors.Overflow("Duration out of range");
            }
        }

        return Approximate(
            values[0] * 12 + values[1] * 3 + values[2],
            values[3] * 7 + values[4],
            values[5] * 3600 + values[6] * 60 + values[7],
            values[8] * 1_000_000 + values[9] * 1000 + values[10]);
    }

    public static CypherDuration Add(CypherDuration a, CypherDuration b)
    {
        try
        {
            return checked(Create(a.Months + b.Months, a.Days + b.Days, a.Seconds + b.Seconds, (long)a.Nanos + b.Nanos));
        }
        catch (OverflowException)
        {
            throw TemporalErrors.Overflow("Duration out of range");
        }
    }

    public static CypherDuration Negate(CypherDuration a)
    {
        try
        {
            return checked(new CypherDuration(-a.Months, -a.Days, -a.Seconds, -a.Nanos));
        }
        catch (OverflowException)
        {
            throw TemporalErrors.Overflow("Duration out of range");
        }
    }

    public static CypherDuration Multiply(CypherDuration a, long factor)
    {
        try
        {
            checked
            {
                Int128 nanos = TotalNanos(a) * factor;
                Int128 s = nanos / IsoCalendar.NanosPerSecond;
                return Create(a.Months * factor, a.Days * factor, (long)s, (long)(nanos % IsoCalendar.NanosPerSecond));
            }
        }
        catch (OverflowException)
        {
            throw TemporalErrors.Overflow("Duration out of range");
        }
    }

    public static CypherDuration Multiply(CypherDuration a, double factor)
    {
        var (s, n) = FloorForm(a);
        return Approximate(a.Months * factor, a.Days * factor, s * factor, n * factor);
    }

    public static CypherDuration Divide(CypherDuration a, double divisor)
    {
        if (divisor == 0)
        {
            throw new Errors.GraphException(Errors.ErrorCodes.ArithmeticError, "/ by zero") { Detail = "DivisionByZero" };
        }

        var (s, n) = FloorForm(a);
        return Approximate(a.Months / divisor, a.Days / divisor, s / divisor, n / divisor);
    }
}
