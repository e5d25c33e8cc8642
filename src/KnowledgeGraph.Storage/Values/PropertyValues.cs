using System.Collections;
using System.Globalization;
using System.Text;
using KnowledgeGraph.Errors;
using KnowledgeGraph.Temporal;

namespace KnowledgeGraph.Storage.Values;

/// <summary>
/// Validation and normalisation of stored property values. Stored values are immutable from the store's point of
/// view: lists are kept as <c>object[]</c> and byte arrays are copied on the way in and on the way out, so a caller
/// can never mutate committed state through a reference it was handed.
/// </summary>
internal static class PropertyValues
{
    /// <summary>Validates <paramref name="value"/> (non-null) and returns the form the store keeps.</summary>
    public static object Normalize(object value)
    {
        switch (value)
        {
            case string or long or double or bool:
                return value;
            case int i: return (long)i;
            case short s: return (long)s;
            case sbyte sb: return (long)sb;
            case byte b: return (long)b;
            case ushort us: return (long)us;
            case uint ui: return (long)ui;
            case float f: return (double)f;
            case byte[] bytes: return bytes.Clone();
            case CypherDate or CypherLocalTime or CypherTime or CypherLocalDateTime or CypherDateTime or CypherDuration:
                return value;
            case KnowledgeGraph.Spatial.CypherPoint:
                return value;
            case IDictionary or IReadOnlyDictionary<string, object?>:
                throw TypeError($"Property values can only be of primitive types or arrays thereof. Encountered: Map{{{value}}}.");
            case IEnumerable list:
                return NormalizeList(list);
            default:
                throw TypeError($"Property values can only be of primitive types or arrays thereof. Encountered: {value}.");
        }
    }

    private static object[] NormalizeList(IEnumerable list)
    {
        var items = new List<object>();
        Type? elementType = null;
        foreach (var item in list)
        {
            if (item is null)
            {
                throw TypeError("Collections containing null values can not be stored in properties.");
            }

            var normalized = Normalize(item);
            if (normalized is object[] or byte[])
            {
                throw TypeError("Collections containing collections can not be stored in properties.");
            }

            if (elementType is null)
            {
                elementType = normalized.GetType();
            }
            else if (elementType != normalized.GetType())
            {
                throw TypeError("Collections containing mixed types can not be stored in properties.");
            }

            items.Add(normalized);
        }

        return items.ToArray();
    }

    /// <summary>The value handed to callers: lists and byte arrays are fresh copies.</summary>
    public static object ToPublic(object stored) => stored switch
    {
        object[] list => (object?[])list.Clone(),
        byte[] bytes => bytes.Clone(),
        _ => stored,
    };

    /// <summary>The value handed to a reader that promises not to modify it: a list is the stored array itself (safe
    /// because nothing ever writes into a stored array: <see cref="Normalize"/> builds a new one for every write);
    /// byte arrays are still copied (the engine hands them to clients as they are).</summary>
    public static object ToShared(object stored) =>
        // An exact type test (byte[] has no subtypes) is one method-table compare; `is byte[]` goes through the
        // runtime's general cast helper, on the read path of every property access.
        stored.GetType() == typeof(byte[]) ? ((byte[])stored).Clone() : stored;

    /// <summary>Renders a value the way Neo4j's constraint messages do (strings single-quoted).</summary>
    public static string Format(object? value) => value switch
    {
        null => "null",
        string s => "'" + s + "'",
        bool b => b ? "true" : "false",
        long l => l.ToString(CultureInfo.InvariantCulture),
        double d => FormatDouble(d),
        object[] list => "[" + string.Join(", ", list.Select(Format)) + "]",
        byte[] bytes => "0x" + Convert.ToHexString(bytes),
        _ => value.ToString() ?? string.Empty,
    };

    private static string FormatDouble(double d)
    {
        if (double.IsNaN(d)) return "NaN";
        if (double.IsPositiveInfinity(d)) return "Infinity";
        if (double.IsNegativeInfinity(d)) return "-Infinity";
        var text = d.ToString("R", CultureInfo.InvariantCulture);
        return text.Contains('.', StringComparison.Ordinal) || text.Contains('E', StringComparison.Ordinal) ? text : text + ".0";
    }

    /// <summary>Approximate number of bytes a value occupies in the log (used to decide checkpoint timing).</summary>
    public static int EstimateSize(object value) => value switch
    {
        string s => 8 + Encoding.UTF8.GetMaxByteCount(s.Length) / 3,
        byte[] b => 8 + b.Length,
        object[] list => 8 + list.Sum(EstimateSize),
        _ => 16,
    };

    public static GraphException TypeError(string message) => new(ErrorCodes.TypeError, message);
}
