using KnowledgeGraph.Errors;

namespace KnowledgeGraph.Temporal.Internal;

/// <summary>The errors temporal functions raise, with the TCK detail names.</summary>
internal static class TemporalErrors
{
    public static GraphException InvalidValue(string message) =>
        new(ErrorCodes.ArgumentError, message) { Detail = "InvalidArgumentValue" };

    public static GraphException InvalidType(string message) =>
        new(ErrorCodes.TypeError, message) { Detail = "InvalidArgumentType" };

    public static GraphException Overflow(string message) =>
        new(ErrorCodes.ArithmeticError, message) { Detail = "IntegerOverflow" };

    public static GraphException CannotParse(string kind, string text) =>
        InvalidValue($"Text cannot be parsed to a {kind}: \"{text}\"");

    public static string TypeName(object? value) => value switch
    {
        null => "NULL",
        bool => "Boolean",
        long => "Long",
        double => "Double",
        string => "String",
        CypherDate => "Date",
        CypherLocalTime => "LocalTime",
        CypherTime => "Time",
        CypherLocalDateTime => "LocalDateTime",
        CypherDateTime => "DateTime",
        CypherDuration => "Duration",
        IReadOnlyDictionary<string, object?> => "Map",
        System.Collections.IEnumerable => "List",
        _ => value.GetType().Name,
    };
}
