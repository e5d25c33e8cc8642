using System.Collections;
using System.Globalization;
using System.Text.Json;
using KnowledgeGraph.Spatial;
using KnowledgeGraph.Temporal;
using KnowledgeGraph.Values;

namespace KnowledgeGraph.Api.QueryApi;

/// <summary>
/// Result values into JSON, in the Query API's two formats. Plain JSON: numbers, strings, arrays and objects as they
/// are; nodes <c>{elementId, labels, properties}</c>, relationships <c>{elementId, startNodeElementId,
/// endNodeElementId, type, properties}</c>, paths an array alternating nodes and relationships; temporal values as
/// ISO text, points as extended WKT, bytes as base64. Typed JSON: <c>{"$type": T, "_value": v}</c> everywhere, with
/// integers and floats as text (no precision lost), and graph entities with <c>_element_id</c>-style keys.
/// </summary>
internal static partial class QueryApiValues
{
    public static void WritePlain(Utf8JsonWriter w, object? value)
    {
        switch (value)
        {
            case null: w.WriteNullValue(); break;
            case bool b: w.WriteBooleanValue(b); break;
            case long l: w.WriteNumberValue(l); break;
            case int i: w.WriteNumberValue(i); break;
            case double d when double.IsFinite(d): w.WriteNumberValue(d); break;
            case double d: w.WriteStringValue(FloatText(d)); break; // JSON has no NaN or Infinity
            case string s: w.WriteStringValue(s); break;
            case byte[] bytes: w.WriteBase64StringValue(bytes); break;
            case CypherPoint p: w.WriteStringValue(PlainPoint(p)); break;
            case GraphNode n:
                w.WriteStartObject();
                w.WriteString("elementId", n.ElementId);
                w.WriteStartArray("labels");
                foreach (var label in n.Labels) w.WriteStringValue(label);
                w.WriteEndArray();
                w.WritePropertyName("properties");
                WritePlainMap(w, n.Properties);
                w.WriteEndObject();
                break;
            case GraphRelationship r:
                w.WriteStartObject();
                w.WriteString("elementId", r.ElementId);
                w.WriteString("startNodeElementId", r.StartNodeElementId);
                w.WriteString("endNodeElementId", r.EndNodeElementId);
                w.WriteString("type", r.Type);
                w.WritePropertyName("properties");
                WritePlainMap(w, r.Properties);
                w.WriteEndObject();
                break;
            case GraphPath path:
                w.WriteStartArray();
                for (var i = 0; i < path.Nodes.Count; i++)
                {
                    WritePlain(w, path.Nodes[i]);
                    if (i < path.Relationships.Count) WritePlain(w, path.Relationships[i]);
                }
                w.WriteEndArray();
                break;
            case IReadOnlyDictionary<string, object?> map: WritePlainMap(w, map); break;
            case IEnumerable list when value is not string:
                w.WriteStartArray();
                foreach (var item in list) WritePlain(w, item);
                w.WriteEndArray();
                break;
            default:
                if (TemporalFunctions.IsTemporal(value)) w.WriteStringValue(TemporalFunctions.Format(value));
                else w.WriteStringValue(Convert.ToString(value, CultureInfo.InvariantCulture));
                break;
        }
    }

    private static void WritePlainMap(Utf8JsonWriter w, IReadOnlyDictionary<string, object?> map)
    {
        w.WriteStartObject();
        foreach (var (key, item) in map)
        {
            w.WritePropertyName(key);
            WritePlain(w, item);
        }
        w.WriteEndObject();
    }

    public static void WriteTyped(Utf8JsonWriter w, object? value)
    {
        w.WriteStartObject();
        switch (value)
        {
            case null: w.WriteString("$type", "Null"); w.WriteNull("_value"); break;
            case bool b: w.WriteString("$type", "Boolean"); w.WriteBoolean("_value", b); break;
            case long or int: w.WriteString("$type", "Integer"); w.WriteString("_value", Convert.ToInt64(value, CultureInfo.InvariantCulture).ToString(CultureInfo.InvariantCulture)); break;
            case double d: w.WriteString("$type", "Float"); w.WriteString("_value", FloatText(d)); break;
            case string s: w.WriteString("$type", "String"); w.WriteString("_value", s); break;
            case byte[] bytes: w.WriteString("$type", "Base64"); w.WriteBase64String("_value", bytes); break;
            case CypherPoint p: w.WriteString("$type", "Point"); WriteTypedPoint(w, p); break;
            case CypherDate or CypherTime or CypherLocalTime or CypherLocalDateTime or CypherDuration or CypherDateTime:
                w.WriteString("$type", TemporalTypeName(value));
                w.WriteString("_value", TemporalFunctions.Format(value));
                break;
            case GraphNode n:
                w.WriteString("$type", "Node");
                w.WriteStartObject("_value");
                w.WriteString("_element_id", n.ElementId);
                w.WriteStartArray("_labels");
                foreach (var label in n.Labels) w.WriteStringValue(label);
                w.WriteEndArray();
                w.WritePropertyName("_properties");
                WriteTypedMapBody(w, n.Properties);
                w.WriteEndObject();
                break;
            case GraphRelationship r:
                w.WriteString("$type", "Relationship");
                w.WriteStartObject("_value");
                w.WriteString("_element_id", r.ElementId);
                w.WriteString("_start_node_element_id", r.StartNodeElementId);
                w.WriteString("_end_node_element_id", r.EndNodeElementId);
                w.WriteString("_type", r.Type);
                w.WritePropertyName("_properties");
                WriteTypedMapBody(w, r.Properties);
                w.WriteEndObject();
                break;
            case GraphPath path:
                w.WriteString("$type", "Path");
                w.WriteStartArray("_value");
                for (var i = 0; i < path.Nodes.Count; i++)
                {
                    WriteTyped(w, path.Nodes[i]);
                    if (i < path.Relationships.Count) WriteTyped(w, path.Relationships[i]);
                }
                w.WriteEndArray();
                break;
            case IReadOnlyDictionary<string, object?> map:
                w.WriteString("$type", "Map");
                w.WritePropertyName("_value");
                WriteTypedMapBody(w, map);
                break;
            case IEnumerable list:
                w.WriteString("$type", "List");
                w.WriteStartArray("_value");
                foreach (var item in list) WriteTyped(w, item);
                w.WriteEndArray();
                break;
            default:
                w.WriteString("$type", "String");
                w.WriteString("_value", Convert.ToString(value, CultureInfo.InvariantCulture));
                break;
        }
        w.WriteEndObject();
    }

    private static void WriteTypedMapBody(Utf8JsonWriter w, IReadOnlyDictionary<string, object?> map)
    {
        w.WriteStartObject();
        foreach (var (key, item) in map)
        {
            w.WritePropertyName(key);
            WriteTyped(w, item);
        }
        w.WriteEndObject();
    }

    private static string TemporalTypeName(object value) => value switch
    {
        CypherDate => "Date",
        CypherTime => "Time",
        CypherLocalTime => "LocalTime",
        CypherLocalDateTime => "LocalDateTime",
        CypherDuration => "Duration",
        CypherDateTime { ZoneId: not null } => "ZonedDateTime",
        _ => "OffsetDateTime",
    };

    // Java's Double.toString shape, as Neo4j writes floats: an integral value keeps ".0".
    private static string FloatText(double value)
    {
        if (double.IsNaN(value)) return "NaN";
        if (double.IsInfinity(value)) return value > 0 ? "Infinity" : "-Infinity";
        var text = value.ToString("R", CultureInfo.InvariantCulture);
        return text.Contains('.', StringComparison.Ordinal) || text.Contains('E', StringComparison.Ordinal) ? text : text + ".0";
    }
}
