using KnowledgeGraph.Temporal.Internal;

namespace KnowledgeGraph.Temporal;

/// <summary>
/// Everything temporal the Cypher runtime needs: the temporal functions (constructors, clocks, truncate, epoch
/// constructors, duration.between family), property access, arithmetic, comparison and Neo4j's text forms.
/// Arguments arrive evaluated (long, double, string, maps, temporal structs, null); errors are GraphExceptions
/// with ArgumentError/TypeError codes.
/// </summary>
public static partial class TemporalFunctions
{
    private static readonly Dictionary<string, TemporalConstruct.Kind> Kinds = new(StringComparer.Ordinal)
    {
        ["date"] = TemporalConstruct.Kind.Date,
        ["localtime"] = TemporalConstruct.Kind.LocalTime,
        ["time"] = TemporalConstruct.Kind.Time,
        ["localdatetime"] = TemporalConstruct.Kind.LocalDateTime,
        ["datetime"] = TemporalConstruct.Kind.DateTime,
    };

    private static readonly HashSet<string> Names = BuildNames();

    private static HashSet<string> BuildNames()
    {
        var names = new HashSet<string>(StringComparer.Ordinal)
        {
            "duration", "duration.between", "duration.inmonths", "duration.indays", "duration.inseconds",
            "datetime.fromepoch", "datetime.fromepochmillis",
        };
        foreach (var kind in Kinds.Keys)
        {
            names.Add(kind);
            names.Add(kind + ".statement");
            names.Add(kind + ".transaction");
            names.Add(kind + ".realtime");
            names.Add(kind + ".truncate");
        }

        return names;
    }

    /// <summary>True when <paramref name="lowerCaseQualifiedName"/> (e.g. "date.truncate") is a temporal function.</summary>
    public static bool IsFunction(string lowerCaseQualifiedName) => Names.Contains(lowerCaseQualifiedName);

    /// <summary>Evaluates a temporal function. A null argument where a value is expected yields null.</summary>
    public static object? Invoke(string lowerCaseQualifiedName, IReadOnlyList<object?> args, TemporalContext context)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(context);
        string name = lowerCaseQualifiedName;
        int dot = name.IndexOf('.', StringComparison.Ordinal);
        string head = dot < 0 ? name : name[..dot];
        string? member = dot < 0 ? null : name[(dot + 1)..];

        if (head == "duration")
        {
            return InvokeDuration(member, args);
        }

        if (!Kinds.TryGetValue(head, out var kind))
        {
            throw new ArgumentException($"Not a temporal function: {name}", nameof(lowerCaseQualifiedName));
        }

        switch (member)
        {
            case null:
                CheckArity(name, args, 0, 1);
                if (args.Count == 0)
                {
                    return TemporalConstruct.Current(kind, context.StatementTime, Zone.Default(context));
                }

                return args[0] is null ? null : TemporalConstruct.Construct(kind, args[0]!, context);

            case "statement":
            case "transaction":
            case "realtime":
            {
                CheckArity(name, args, 0, 1);
                if (args.Count == 1 && args[0] is null)
                {
                    return null;
                }

                DateTimeOffset clock = member switch
                {
                    "statement" => context.StatementTime,
                    "transaction" => context.TransactionTime,
                    _ => DateTimeOffset.UtcNow,
                };
                return TemporalConstruct.Current(kind, clock, TemporalConstruct.ClockZone(args.Count == 0 ? null : args[0], context));
            }

            case "truncate":
                CheckArity(name, args, 2, 3);
                if (args[0] is null || args[1] is null)
                {
                    return null;
                }

                return TemporalTruncation.Truncate(kind, args[0], args[1], args.Count > 2 ? args[2] : null, context);

            case "fromepoch" when kind == TemporalConstruct.Kind.DateTime:
            {
                CheckArity(name, args, 2, 2);
                if (args[0] is null || args[1] is null)
                {
                    return null;
                }

                var map = new Dictionary<string, object?> { ["epochSeconds"] = args[0], ["nanosecond"] = args[1] };
                return TemporalConstruct.Construct(kind, map, context);
            }

            case "fromepochmillis" when kind == TemporalConstruct.Kind.DateTime:
            {
                CheckArity(name, args, 1, 1);
                if (args[0] is null)
                {
                    return null;
                }

                var map = new Dictionary<string, object?> { ["epochMillis"] = args[0] };
                return TemporalConstruct.Construct(kind, map, context);
            }

            default:
                throw new ArgumentException($"Not a temporal function: {name}", nameof(lowerCaseQualifiedName));
        }
    }

    private static object? InvokeDuration(string? member, IReadOnlyList<object?> args)
    {
        if (member is null)
        {
            CheckArity("duration", args, 1, 1);
            return args[0] switch
            {
                null => null,
                string s => TemporalParser.ParseDuration(s),
                IReadOnlyDictionary<string, object?> map => DurationMath.FromMap(map),
                CypherDuration d => DurationMath.Normalize(d),
                var other => throw TemporalErrors.InvalidType($"Cannot construct a Duration from {TemporalErrors.TypeName(other)}"),
            };
        }

        string name = "duration." + member;
        CheckArity(name, args, 2, 2);
        if (args[0] is null || args[1] is null)
        {
            return null;
        }

        object from = RequireInstantLike(args[0]!, name);
        object to = RequireInstantLike(args[1]!, name);
        return member switch
        {
            "between" => TemporalBetween.Between(from, to),
            "inmonths" => TemporalBetween.InMonths(from, to),
            "indays" => TemporalBetween.InDays(from, to),
            "inseconds" => TemporalBetween.InSeconds(from, to),
            _ => throw new ArgumentException($"Not a temporal function: {name}", nameof(member)),
        };
    }

    private static object RequireInstantLike(object value, string function) =>
        IsTemporal(value) && value is not CypherDuration
            ? value
            : throw TemporalErrors.InvalidType($"{function} expects temporal values, got {TemporalErrors.TypeName(value)}");

    private static void CheckArity(string name, IReadOnlyList<object?> args, int min, int max)
    {
        if (args.Count < min || args.Count > max)
        {
            throw new Errors.GraphException(Errors.ErrorCodes.SyntaxError,
                $"Function {name} takes {(min == max ? min.ToString(System.Globalization.CultureInfo.InvariantCulture) : $"{min} to {max}")} arguments, got {args.Count}")
            {
                Detail = "InvalidNumberOfArguments",
                Phase = Errors.ErrorPhase.CompileTime,
            };
        }
    }

    /// <summary>True for the six temporal structs (durations included).</summary>
    public static bool IsTemporal(object? value) =>
        value is CypherDate or CypherLocalTime or CypherTime or CypherLocalDateTime or CypherDateTime or CypherDuration;

    /// <summary>The value's text exactly as Neo4j prints it (toString and TCK result form).</summary>
    public static string Format(object value) => value switch
    {
        CypherDate d => TemporalText.Date(d.EpochDays),
        CypherLocalTime t => TemporalText.LocalTime(t.NanosOfDay),
        CypherTime t => TemporalText.Time(t.NanosOfDay, t.OffsetSeconds),
        CypherLocalDateTime l => TemporalText.LocalDateTime(Temporals.EpochDay(l), Temporals.NanoOfDay(l)),
        CypherDateTime z => TemporalText.DateTime(z),
        CypherDuration d => TemporalText.Duration(d),
        _ => throw new ArgumentException($"Not a temporal value: {value?.GetType().Name ?? "null"}", nameof(value)),
    };

    /// <summary>Parses text of a kind ("date", "localtime", "time", "localdatetime", "datetime", "duration"),
    /// e.g. an expected TCK literal; zone-less times and datetimes get UTC.</summary>
    public static object Parse(string kind, string text)
    {
        ArgumentNullException.ThrowIfNull(kind);
        ArgumentNullException.ThrowIfNull(text);
        string lower = kind.ToLowerInvariant();
        if (lower == "duration")
        {
            return TemporalParser.ParseDuration(text);
        }

        return Kinds.TryGetValue(lower, out var k)
            ? TemporalConstruct.Parse(k, text, ParseContext)
            : throw new ArgumentException($"Unknown temporal kind: {kind}", nameof(kind));
    }

    private static readonly TemporalContext ParseContext = new()
    {
        StatementTime = DateTimeOffset.UnixEpoch,
        TransactionTime = DateTimeOffset.UnixEpoch,
        DefaultTimeZone = "UTC",
    };
}
