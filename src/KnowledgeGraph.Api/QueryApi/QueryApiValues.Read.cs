using System.Globalization;
using System.Text.Json;
using KnowledgeGraph.Errors;
using KnowledgeGraph.Temporal;

namespace KnowledgeGraph.Api.QueryApi;

/// <summary>
/// Parameters from JSON into the engine's value model. Plain JSON: numbers without fraction or exponent that fit
/// 64 bits are Integers, other numbers Floats; arrays Lists, objects Maps. Typed JSON (Content-Type
/// <c>application/vnd.neo4j.query</c>): every value is <c>{"$type": T, "_value": v}</c> with Neo4j's type names.
/// Nesting is bounded by <see cref="MaxDepth"/> (System.Text.Json's own limit applies to the document too).
/// </summary>
internal static partial class QueryApiValues
{
    private const int MaxDepth = 64;

    public static Dictionary<string, object?> ReadParameters(JsonElement parameters, bool typed)
    {
        if (parameters.ValueKind == JsonValueKind.Null) return [];
        if (parameters.ValueKind != JsonValueKind.Object) throw Invalid("'parameters' must be a JSON object.");
        var result = new Dictionary<string, object?>(StringComparer.Ordinal);
        foreach (var p in parameters.EnumerateObject()) result[p.Name] = typed ? ReadTyped(p.Value, 0) : ReadPlain(p.Value, 0);
        return result;
    }

    private static object? ReadPlain(JsonElement e, int depth)
    {
        if (depth > MaxDepth) throw Invalid($"Parameters are nested more than {MaxDepth} levels deep.");
        switch (e.ValueKind)
        {
            case JsonValueKind.Null: return null;
            case JsonValueKind.True: return true;
            case JsonValueKind.False: return false;
            case JsonValueKind.String: return e.GetString();
            case JsonValueKind.Number:
                var raw = e.GetRawText();
                if (raw.IndexOfAny(['.', 'e', 'E']) < 0 && e.TryGetInt64(out var l)) return l;
                return e.GetDouble();
            case JsonValueKind.Array:
                return e.EnumerateArray().Select(item => ReadPlain(item, depth + 1)).ToList();
            case JsonValueKind.Object:
                var map = new Dictionary<string, object?>(StringComparer.Ordinal);
                foreach (var p in e.EnumerateObject()) map[p.Name] = ReadPlain(p.Value, depth + 1);
                return map;
            default: throw Invalid($"Unsupported JSON value {e.ValueKind}.");
        }
    }

    private static object? ReadTyped(JsonElement e, int depth)
    {
        if (depth > MaxDepth) throw Invalid($"Parameters are nested more than {MaxDepth} levels deep.");
        if (e.ValueKind != JsonValueKind.Object || !e.TryGetProperty("$type", out var typeElement) || typeElement.ValueKind != JsonValueKind.String
            || !e.TryGetProperty("_value", out var value))
            throw Invalid($"A typed value must be an object {{\"$type\": ..., \"_value\": ...}}, not {Shorten(e.GetRawText())}.");
        var type = typeElement.GetString()!;
        try
        {
            return type switch
            {
                "Null" => null,
                "Boolean" when value.ValueKind is JsonValueKind.True or JsonValueKind.False => value.GetBoolean(),
                "Integer" => long.Parse(Text(value), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture),
                "Float" => ParseFloat(Text(value)),
                "String" => Text(value),
                "Base64" => Convert.FromBase64String(Text(value)),
                "List" when value.ValueKind == JsonValueKind.Array => value.EnumerateArray().Select(item => ReadTyped(item, depth + 1)).ToList(),
                "Map" when value.ValueKind == JsonValueKind.Object => value.EnumerateObject()
                    .ToDictionary(p => p.Name, p => ReadTyped(p.Value, depth + 1), StringComparer.Ordinal),
                "Date" => TemporalFunctions.Parse("date", Text(value)),
                "Time" => TemporalFunctions.Parse("time", Text(value)),
                "LocalTime" => TemporalFunctions.Parse("localtime", Text(value)),
                "OffsetDateTime" or "ZonedDateTime" => TemporalFunctions.Parse("datetime", Text(value)),
                "LocalDateTime" => TemporalFunctions.Parse("localdatetime", Text(value)),
                "Duration" => TemporalFunctions.Parse("duration", Text(value)),
                "Point" => ReadTypedPoint(value) ?? throw Invalid($"Not a point: {Shorten(value.GetRawText())} (expected {{\"coordinates\": [30.5, 50.4], \"crs\": {{\"srid\": 4326}}}} or \"SRID=4326;POINT(30.5 50.4)\")."),
                _ => throw Invalid($"Unsupported or malformed typed value of $type '{type}'."),
            };
        }
        catch (Exception ex) when (ex is FormatException or OverflowException or ArgumentException or GraphException)
        {
            throw Invalid($"Invalid {type} value {Shorten(value.GetRawText())}: {ex.Message}");
        }
    }

    private static string Text(JsonElement value) =>
        value.ValueKind == JsonValueKind.String ? value.GetString()! : throw new FormatException("the _value must be a JSON string");

    private static double ParseFloat(string text) => text switch
    {
        "NaN" => double.NaN,
        "Infinity" => double.PositiveInfinity,
        "-Infinity" => double.NegativeInfinity,
        _ => double.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture),
    };

    private static string Shorten(string text) => text.Length <= 80 ? text : text[..80] + "…";

    private static QueryApiException Invalid(string message) => new(ErrorCodes.ProtocolError, message);
}
