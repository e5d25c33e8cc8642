using System.Globalization;
using System.Text;
using KnowledgeGraph.Text;
using KnowledgeGraph.Values;

namespace KnowledgeGraph.Cypher.Tck.Values;

/// <summary>Writes engine values and TCK values in the TCK's literal syntax, for failure messages.</summary>
public static class ValueText
{
    /// <summary>An engine value as a TCK literal (temporal values as quoted strings).</summary>
    public static string OfActual(object? value)
    {
        var sb = new StringBuilder();
        WriteActual(sb, value);
        return sb.ToString();
    }

    /// <summary>A parsed TCK value written back as a literal.</summary>
    public static string OfExpected(TckValue value)
    {
        var sb = new StringBuilder();
        WriteExpected(sb, value);
        return sb.ToString();
    }

    /// <summary>A float as the TCK writes it: shortest round-trip text, always with a decimal point or exponent.</summary>
    public static string Float(double d)
    {
        if (double.IsNaN(d)) return "NaN";
        if (double.IsPositiveInfinity(d)) return "Inf";
        if (double.IsNegativeInfinity(d)) return "-Inf";
        var text = d.ToString("R", CultureInfo.InvariantCulture);
        return text.Contains('.', StringComparison.Ordinal) || text.Contains('E', StringComparison.Ordinal) ? text : text + ".0";
    }

    /// <summary>A string as a single-quoted TCK literal (Cypher's own escaping, <see cref="CypherText.StringLiteral"/>).</summary>
    public static string Quote(string s) => CypherText.StringLiteral(s);

    private static void WriteActual(StringBuilder sb, object? value)
    {
        switch (value)
        {
            case null: sb.Append("null"); break;
            case bool b: sb.Append(b ? "true" : "false"); break;
            case long or int or short or sbyte or byte:
                sb.Append(Convert.ToString(value, CultureInfo.InvariantCulture));
                if (value is not long) sb.Append(" (").Append(value.GetType().Name).Append(')');
                break;
            case double d: sb.Append(Float(d)); break;
            case float f: sb.Append(Float(f)).Append(" (Single)"); break;
            case string s: sb.Append(Quote(s)); break;
            case byte[] bytes: sb.Append("bytes(").Append(Convert.ToHexString(bytes)).Append(')'); break;
            case GraphNode n: WriteNode(sb, n); break;
            case GraphRelationship r: WriteRelationship(sb, r); break;
            case GraphPath p:
                sb.Append('<');
                WriteNode(sb, p.Nodes[0]);
                for (var i = 0; i < p.Relationships.Count; i++)
                {
                    var rel = p.Relationships[i];
                    var forward = rel.StartNodeId == p.Nodes[i].Id && rel.EndNodeId == p.Nodes[i + 1].Id;
                    sb.Append(forward ? "-" : "<-");
                    WriteRelationship(sb, rel);
                    sb.Append(forward ? "->" : "-");
                    WriteNode(sb, p.Nodes[i + 1]);
                }
                sb.Append('>');
                break;
            case IReadOnlyDictionary<string, object?> map: WriteActualMap(sb, map); break;
            case IReadOnlyList<object?> list:
                sb.Append('[');
                for (var i = 0; i < list.Count; i++)
                {
                    if (i > 0) sb.Append(", ");
                    WriteActual(sb, list[i]);
                }
                sb.Append(']');
                break;
            default:
                if (TemporalText.IsTemporal(value)) sb.Append(Quote(TemporalText.Format(value)));
                else sb.Append(value).Append(" (").Append(value.GetType().Name).Append(')');
                break;
        }
    }

    private static void WriteActualMap(StringBuilder sb, IReadOnlyDictionary<string, object?> map)
    {
        sb.Append('{');
        var first = true;
        foreach (var (key, v) in map.OrderBy(kv => kv.Key, StringComparer.Ordinal))
        {
            if (!first) sb.Append(", ");
            first = false;
            sb.Append(key).Append(": ");
            WriteActual(sb, v);
        }
        sb.Append('}');
    }

    private static void WriteNode(StringBuilder sb, GraphNode n)
    {
        sb.Append('(');
        foreach (var label in n.Labels) sb.Append(':').Append(label);
        if (n.Properties.Count > 0)
        {
            if (n.Labels.Count > 0) sb.Append(' ');
            WriteActualMap(sb, n.Properties);
        }
        sb.Append(')');
    }

    private static void WriteRelationship(StringBuilder sb, GraphRelationship r)
    {
        sb.Append("[:").Append(r.Type);
        if (r.Properties.Count > 0)
        {
            sb.Append(' ');
            WriteActualMap(sb, r.Properties);
        }
        sb.Append(']');
    }

    private static void WriteExpected(StringBuilder sb, TckValue value)
    {
        switch (value)
        {
            case TckNull: sb.Append("null"); break;
            case TckBoolean b: sb.Append(b.Value ? "true" : "false"); break;
            case TckInteger i: sb.Append(i.Value.ToString(CultureInfo.InvariantCulture)); break;
            case TckFloat f: sb.Append(f.Text); break;
            case TckString s: sb.Append(Quote(s.Value)); break;
            case TckList list:
                sb.Append('[');
                for (var i = 0; i < list.Items.Count; i++)
                {
                    if (i > 0) sb.Append(", ");
                    WriteExpected(sb, list.Items[i]);
                }
                sb.Append(']');
                break;
            case TckMap map: WriteExpectedMap(sb, map); break;
            case TckNode node: WriteExpectedNode(sb, node); break;
            case TckRelationship rel: WriteExpectedRelationship(sb, rel); break;
            case TckPath path:
                sb.Append('<');
                WriteExpectedNode(sb, path.Nodes[0]);
                for (var i = 0; i < path.Relationships.Count; i++)
                {
                    sb.Append(path.Forward[i] ? "-" : "<-");
                    WriteExpectedRelationship(sb, path.Relationships[i]);
                    sb.Append(path.Forward[i] ? "->" : "-");
                    WriteExpectedNode(sb, path.Nodes[i + 1]);
                }
                sb.Append('>');
                break;
        }
    }

    private static void WriteExpectedMap(StringBuilder sb, TckMap map)
    {
        sb.Append('{');
        var first = true;
        foreach (var (key, v) in map.Entries.OrderBy(kv => kv.Key, StringComparer.Ordinal))
        {
            if (!first) sb.Append(", ");
            first = false;
            sb.Append(key).Append(": ");
            WriteExpected(sb, v);
        }
        sb.Append('}');
    }

    private static void WriteExpectedNode(StringBuilder sb, TckNode node)
    {
        sb.Append('(');
        foreach (var label in node.Labels) sb.Append(':').Append(label);
        if (node.Properties.Entries.Count > 0)
        {
            if (node.Labels.Count > 0) sb.Append(' ');
            WriteExpectedMap(sb, node.Properties);
        }
        sb.Append(')');
    }

    private static void WriteExpectedRelationship(StringBuilder sb, TckRelationship rel)
    {
        sb.Append("[:").Append(rel.Type);
        if (rel.Properties.Entries.Count > 0)
        {
            sb.Append(' ');
            WriteExpectedMap(sb, rel.Properties);
        }
        sb.Append(']');
    }
}
