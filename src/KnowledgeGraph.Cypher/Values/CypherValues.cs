using System.Globalization;
using KnowledgeGraph.Temporal;

namespace KnowledgeGraph.Cypher.Values;

/// <summary>
/// Cypher value semantics: equality (three-valued), comparison for &lt; &gt; (null when incomparable) and the
/// ORDER BY total order. Values are engine values: null, bool, long, double, string, lists, maps, NodeValue,
/// RelValue, PathValue and the temporal structs.
/// </summary>
internal static partial class CypherValues
{
    public static bool IsNumber(object? v) => v is long or double;

    public static bool IsList(object? v) => v is IReadOnlyList<object?> && v is not string;

    public static string TypeName(object? v) => v switch
    {
        null => "NULL",
        bool => "BOOLEAN",
        long => "INTEGER",
        double => "FLOAT",
        string => "STRING",
        NodeValue => "NODE",
        RelValue => "RELATIONSHIP",
        PathValue => "PATH",
        IReadOnlyDictionary<string, object?> => "MAP",
        IReadOnlyList<object?> => "LIST",
        CypherDate => "DATE",
        CypherTime => "ZONED TIME",
        CypherLocalTime => "LOCAL TIME",
        CypherDateTime => "ZONED DATETIME",
        CypherLocalDateTime => "LOCAL DATETIME",
        CypherDuration => "DURATION",
        byte[] => "BYTE ARRAY",
        Spatial.CypherPoint => "POINT",
        _ => v.GetType().Name,
    };

    /// <summary>Cypher <c>=</c>: true, false, or null when the answer is unknown.</summary>
    public static bool? Equal(object? a, object? b)
    {
        if (a is null || b is null) return null;
        switch (a)
        {
            case long la when b is long lb: return la == lb;
            case long la when b is double db: return NumEq(la, db);
            case double da when b is long lb2: return NumEq(lb2, da);
            case double da when b is double db2: return da == db2;
            case string sa: return b is string sb && sa == sb;
            case bool ba: return b is bool bb && ba == bb;
            case NodeValue na: return b is NodeValue nb && na.Id == nb.Id;
            case RelValue ra: return b is RelValue rb && ra.Id == rb.Id;
            case PathValue pa: return b is PathValue pb && pa.Equals(pb);
            case IReadOnlyDictionary<string, object?> ma:
                {
                    System.Runtime.CompilerServices.RuntimeHelpers.EnsureSufficientExecutionStack();
                    if (b is not IReadOnlyDictionary<string, object?> mb) return false;
                    if (ma.Count != mb.Count) return false;
                    bool? result = true;
                    foreach (var (k, v) in ma)
                    {
                        if (!mb.TryGetValue(k, out var w)) return false;
                        var e = Equal(v, w);
                        if (e == false) return false;
                        if (e is null) result = null;
                    }
                    return result;
                }
            case IReadOnlyList<object?> la2:
                {
                    System.Runtime.CompilerServices.RuntimeHelpers.EnsureSufficientExecutionStack();
                    if (b is not IReadOnlyList<object?> lb3 || b is string) return false;
                    if (la2.Count != lb3.Count) return false;
                    bool? result = true;
                    for (var i = 0; i < la2.Count; i++)
                    {
                        var e = Equal(la2[i], lb3[i]);
                        if (e == false) return false;
                        if (e is null) result = null;
                    }
                    return result;
                }
        }
        if (TemporalBridge.IsTemporal(a))
        {
            if (!TemporalBridge.IsTemporal(b) || a.GetType() != b.GetType()) return false;
            if (a is CypherDuration || a is CypherDateTime) return a.Equals(b) || (a is CypherDateTime && SameInstantAndZone(a, b));
            var c = TemporalBridge.Compare(a, b);
            return c is null ? a.Equals(b) : c == 0;
        }
        if (a is byte[] ba2) return b is byte[] bb2 && ba2.AsSpan().SequenceEqual(bb2);
        // Points: equal when the CRS and every coordinate are equal (so never across CRS); NaN equals nothing.
        if (a is Spatial.CypherPoint pointA) return b is Spatial.CypherPoint pointB && pointA.Equals(pointB);
        return a.Equals(b);
    }

    private static bool SameInstantAndZone(object a, object b)
    {
        var x = (CypherDateTime)a;
        var y = (CypherDateTime)b;
        return x.EpochSeconds == y.EpochSeconds && x.Nanos == y.Nanos && x.OffsetSeconds == y.OffsetSeconds && x.ZoneId == y.ZoneId;
    }

    private static bool NumEq(long l, double d) => !double.IsNaN(d) && (double)l == d && (d >= 9.2233720368547758E18 || d < -9.2233720368547758E18 ? false : (long)d == l);

    /// <summary>Compares two numbers exactly (long vs double without precision loss). NaN is handled by callers.</summary>
    public static int CompareNumbers(object a, object b)
    {
        if (a is long la && b is long lb) return la.CompareTo(lb);
        if (a is double da && b is double db) return da.CompareTo(db);
        if (a is long l1 && b is double d1) return -CompareDoubleLong(d1, l1);
        return CompareDoubleLong((double)a, (long)b);
    }

    private static int CompareDoubleLong(double d, long l)
    {
        if (double.IsNaN(d)) return 1;
        if (d >= 9.2233720368547758E18) return 1;
        if (d < -9.2233720368547758E18) return -1;
        var t = Math.Truncate(d);
        var lt = (long)t;
        if (lt != l) return lt.CompareTo(l);
        return (d - t).CompareTo(0.0);
    }

    /// <summary>Cypher &lt; / &gt;: the sign of a vs b, or null when the values are not comparable.</summary>
    public static int? Compare(object? a, object? b)
    {
        if (a is null || b is null) return null;
        if (IsNumber(a) && IsNumber(b))
        {
            if (a is double da && double.IsNaN(da) || b is double db && double.IsNaN(db)) return null;
            return CompareNumbers(a, b);
        }
        if (a is string sa && b is string sb) return Math.Sign(string.CompareOrdinal(sa, sb));
        if (a is bool ba && b is bool bb) return ba.CompareTo(bb);
        if (IsList(a) && IsList(b))
        {
            var la = (IReadOnlyList<object?>)a;
            System.Runtime.CompilerServices.RuntimeHelpers.EnsureSufficientExecutionStack();
            var lb = (IReadOnlyList<object?>)b;
            for (var i = 0; i < Math.Min(la.Count, lb.Count); i++)
            {
                var eq = Equal(la[i], lb[i]);
                if (eq == true) continue;
                var c = Compare(la[i], lb[i]);
                if (c is null) return null;
                if (c != 0) return c;
            }
            return la.Count.CompareTo(lb.Count);
        }
        if (TemporalBridge.IsTemporal(a) && TemporalBridge.IsTemporal(b))
        {
            if (a.GetType() != b.GetType() || a is CypherDuration) return null;
            return TemporalBridge.Compare(a, b);
        }
        return null;
    }

    private static int TypeRank(object? v) => v switch
    {
        IReadOnlyDictionary<string, object?> => 0,
        NodeValue => 1,
        RelValue => 2,
        IReadOnlyList<object?> => 3,
        PathValue => 4,
        CypherDateTime => 5,
        CypherLocalDateTime => 6,
        CypherDate => 7,
        CypherTime => 8,
        CypherLocalTime => 9,
        CypherDuration => 10,
        Spatial.CypherPoint => 11,
        string => 12,
        bool => 13,
        long or double => 14,
        null => 16,
        _ => 15,
    };

    /// <summary>The ORDER BY total order (ascending): MAP &lt; NODE &lt; RELATIONSHIP &lt; LIST &lt; PATH &lt; temporal
    /// kinds &lt; DURATION &lt; POINT (by SRID, then x, y, z) &lt; STRING &lt; BOOLEAN &lt; NUMBER (NaN after every number) &lt; NULL.</summary>
    public static int OrderCompare(object? a, object? b)
    {
        // The common sort keys first, before the rank's interface tests: two integers, two strings, two doubles
        // that are not NaN (what the general path below answers for them).
        switch (a)
        {
            case long la when b is long lb: return la.CompareTo(lb);
            case string sa when b is string sb: return Math.Sign(string.CompareOrdinal(sa, sb));
            case double da when b is double db && !double.IsNaN(da) && !double.IsNaN(db): return da.CompareTo(db);
        }
        var ra = TypeRank(a);
        var rb = TypeRank(b);
        if (ra != rb) return ra.CompareTo(rb);
        switch (a)
        {
            case null: return 0;
            case long or double:
                {
                    var na = a is double x && double.IsNaN(x);
                    var nb = b is double y && double.IsNaN(y);
                    if (na || nb) return na.CompareTo(nb);
                    var c = CompareNumbers(a, b!);
                    if (c == 0 && a.GetType() != b!.GetType()) return a is long ? -1 : 1;
                    return c;
                }
            case string s: return Math.Sign(string.CompareOrdinal(s, (string)b!));
            case bool bo: return bo.CompareTo((bool)b!);
            case NodeValue n: return n.Id.CompareTo(((NodeValue)b!).Id);
            case RelValue r: return r.Id.CompareTo(((RelValue)b!).Id);
            case PathValue p:
                {
                    var q = (PathValue)b!;
                    var c = OrderCompare(p.Nodes.Select(i => (object?)new NodeValue(i)).ToList(), q.Nodes.Select(i => (object?)new NodeValue(i)).ToList());
                    return c != 0 ? c : OrderCompare(p.Rels.Cast<object?>().ToList(), q.Rels.Cast<object?>().ToList());
                }
            case IReadOnlyDictionary<string, object?> m:
                {
                    System.Runtime.CompilerServices.RuntimeHelpers.EnsureSufficientExecutionStack();
                    var o = (IReadOnlyDictionary<string, object?>)b!;
                    var ka = m.Keys.Order(StringComparer.Ordinal).ToList();
                    var kb = o.Keys.Order(StringComparer.Ordinal).ToList();
                    var c = OrderCompare(ka.Cast<object?>().ToList(), kb.Cast<object?>().ToList());
                    if (c != 0) return c;
                    foreach (var k in ka)
                    {
                        c = OrderCompare(m[k], o[k]);
                        if (c != 0) return c;
                    }
                    return 0;
                }
            case IReadOnlyList<object?> l:
                {
                    System.Runtime.CompilerServices.RuntimeHelpers.EnsureSufficientExecutionStack();
                    var o = (IReadOnlyList<object?>)b!;
                    for (var i = 0; i < Math.Min(l.Count, o.Count); i++)
                    {
                        var c = OrderCompare(l[i], o[i]);
                        if (c != 0) return c;
                    }
                    return l.Count.CompareTo(o.Count);
                }
            case Spatial.CypherPoint p:
                {
                    var q = (Spatial.CypherPoint)b!;
                    var c = p.Srid.CompareTo(q.Srid);
                    if (c == 0) c = p.X.CompareTo(q.X);
                    if (c == 0) c = p.Y.CompareTo(q.Y);
                    if (c == 0) c = (p.Z ?? 0).CompareTo(q.Z ?? 0);
                    return c;
                }
            case CypherDuration d:
                {
                    var e = (CypherDuration)b!;
                    var c = d.Months.CompareTo(e.Months);
                    if (c == 0) c = d.Days.CompareTo(e.Days);
                    if (c == 0) c = d.Seconds.CompareTo(e.Seconds);
                    if (c == 0) c = d.Nanos.CompareTo(e.Nanos);
                    return c;
                }
        }
        if (TemporalBridge.IsTemporal(a))
        {
            var c = TemporalBridge.Compare(a!, b!);
            if (c is not null && c != 0) return c.Value;
            if (a is CypherDateTime x && b is CypherDateTime y)
                return string.CompareOrdinal(x.ZoneId ?? "", y.ZoneId ?? "") is var z && z != 0 ? z : x.OffsetSeconds.CompareTo(y.OffsetSeconds);
            if (a is CypherTime t1 && b is CypherTime t2) return t1.OffsetSeconds.CompareTo(t2.OffsetSeconds);
            return 0;
        }
        return string.CompareOrdinal(Convert.ToString(a, CultureInfo.InvariantCulture), Convert.ToString(b, CultureInfo.InvariantCulture));
    }

    /// <summary>Comparer for ORDER BY / min / max.</summary>
    public static readonly IComparer<object?> OrderComparer = Comparer<object?>.Create(OrderCompare);
}
