using System.Globalization;
using KnowledgeGraph.Cypher.QueryErrors;
using KnowledgeGraph.Cypher.Values;

namespace KnowledgeGraph.Cypher.Functions;

/// <summary>toString / toInteger / toFloat / toBoolean and the number formatting Neo4j (Java) uses.</summary>
internal static class Conversions
{
    public static string FormatDouble(double d)
    {
        if (double.IsNaN(d)) return "NaN";
        if (double.IsPositiveInfinity(d)) return "Infinity";
        if (double.IsNegativeInfinity(d)) return "-Infinity";
        if (d == 0) return double.IsNegative(d) ? "-0.0" : "0.0";
        var abs = Math.Abs(d);
        if (abs >= 1e-3 && abs < 1e7)
        {
            var s = d.ToString("R", CultureInfo.InvariantCulture);
            return s.Contains('.') || s.Contains('E') ? s : s + ".0";
        }
        var e = d.ToString("E16", CultureInfo.InvariantCulture);
        // Shortest round-trip mantissa, Java style: 1.0E20, 1.234E-5.
        var r = d.ToString("R", CultureInfo.InvariantCulture);
        var idx = r.IndexOfAny(['E', 'e']);
        string mantissa;
        int exponent;
        if (idx >= 0)
        {
            mantissa = r[..idx];
            exponent = int.Parse(r[(idx + 1)..], CultureInfo.InvariantCulture);
        }
        else
        {
            var parts = e.Split('E');
            exponent = int.Parse(parts[1], CultureInfo.InvariantCulture);
            var scaled = d / Math.Pow(10, exponent);
            mantissa = scaled.ToString("R", CultureInfo.InvariantCulture);
            if (mantissa.StartsWith("10", StringComparison.Ordinal) || mantissa.StartsWith("-10", StringComparison.Ordinal))
            {
                exponent++;
                mantissa = (d / Math.Pow(10, exponent)).ToString("R", CultureInfo.InvariantCulture);
            }
        }
        if (!mantissa.Contains('.')) mantissa += ".0";
        return mantissa + "E" + exponent.ToString(CultureInfo.InvariantCulture);
    }

    public static string ToCypherString(object? v) => v switch
    {
        long l => l.ToString(CultureInfo.InvariantCulture),
        double d => FormatDouble(d),
        bool b => b ? "true" : "false",
        string s => s,
        _ when TemporalBridge.IsTemporal(v) => TemporalBridge.Format(v!),
        Spatial.CypherPoint p => p.ToString(),
        _ => throw Err.Type($"Invalid input for function 'toString()': Expected a String, Number, Boolean, Temporal or Duration, got: {CypherValues.TypeName(v)}"),
    };

    public static object? ToStringOrNull(object? v) =>
        v is long or double or bool or string or Spatial.CypherPoint || TemporalBridge.IsTemporal(v) ? ToCypherString(v) : null;

    public static object? ToInteger(object? v, bool orNull)
    {
        switch (v)
        {
            case null: return null;
            case long: return v;
            case double d:
                if (double.IsNaN(d) || double.IsInfinity(d) || d >= 9.2233720368547758E18 || d < -9.2233720368547758E18)
                    return orNull ? null : throw Err.Arithmetic($"integer, {FormatDouble(d)}, is too large", "IntegerOverflow");
                return (long)Math.Truncate(d);
            case bool b: return b ? 1L : 0L;
            case string s:
                {
                    var t = s.Trim();
                    if (long.TryParse(t, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var l)) return l;
                    if (t.StartsWith("0x", StringComparison.OrdinalIgnoreCase) &&
                        long.TryParse(t[2..], NumberStyles.HexNumber, CultureInfo.InvariantCulture, out var h)) return h;
                    if (double.TryParse(t, NumberStyles.Float, CultureInfo.InvariantCulture, out var dd) && !double.IsInfinity(dd) && !double.IsNaN(dd))
                    {
                        if (dd >= 9.2233720368547758E18 || dd < -9.2233720368547758E18)
                            return orNull ? null : throw Err.Arithmetic($"integer, {s}, is too large", "IntegerOverflow");
                        return (long)Math.Truncate(dd);
                    }
                    return null;
                }
        }
        return orNull ? null : throw Err.Type($"Invalid input for function 'toInteger()': Expected a String, Float, Integer or Boolean, got: {CypherValues.TypeName(v)}");
    }

    public static object? ToFloat(object? v, bool orNull)
    {
        switch (v)
        {
            case null: return null;
            case double: return v;
            case long l: return (double)l;
            case string s:
                {
                    var t = s.Trim();
                    if (t is "NaN") return double.NaN;
                    if (t is "Infinity" or "+Infinity") return double.PositiveInfinity;
                    if (t is "-Infinity") return double.NegativeInfinity;
                    return double.TryParse(t, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) ? d : null;
                }
        }
        return orNull ? null : throw Err.Type($"Invalid input for function 'toFloat()': Expected a String, Float or Integer, got: {CypherValues.TypeName(v)}");
    }

    public static object? ToBoolean(object? v, bool orNull)
    {
        switch (v)
        {
            case null: return null;
            case bool: return v;
            case long l: return l != 0;
            case string s:
                {
                    var t = s.Trim();
                    if (t.Equals("true", StringComparison.OrdinalIgnoreCase)) return true;
                    if (t.Equals("false", StringComparison.OrdinalIgnoreCase)) return false;
                    return null;
                }
        }
        return orNull ? null : throw Err.Type($"Invalid input for function 'toBoolean()': Expected a String, Integer or Boolean, got: {CypherValues.TypeName(v)}");
    }
}
