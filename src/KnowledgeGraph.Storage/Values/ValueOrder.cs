using System.Collections;
using KnowledgeGraph.Temporal;

namespace KnowledgeGraph.Storage.Values;

/// <summary>
/// A total order over stored property values used by the indexes. Values are grouped into families (numbers,
/// strings, booleans, each temporal type, byte arrays, lists, points); inside a family the order is Cypher's, and integers
/// and floats compare by numeric value so that <c>1</c> and <c>1.0</c> are the same key (Cypher equality).
/// NaN sorts after every other number; callers treat it as equal to nothing.
/// </summary>
internal sealed class ValueOrder : IComparer<object>
{
    public static readonly ValueOrder Instance = new();

    public const int NumberFamily = 1;
    public const int StringFamily = 2;
    public const int BooleanFamily = 3;
    public const int DateFamily = 4;
    public const int LocalTimeFamily = 5;
    public const int TimeFamily = 6;
    public const int LocalDateTimeFamily = 7;
    public const int DateTimeFamily = 8;
    public const int DurationFamily = 9;
    public const int BytesFamily = 10;
    public const int ListFamily = 11;
    public const int PointFamily = 12;
    public const int Unknown = 99;

    /// <summary>The family of a value (or of a <see cref="FamilyBound"/> sentinel).</summary>
    public static int Family(object? value) => value switch
    {
        long or double or int => NumberFamily,
        string => StringFamily,
        bool => BooleanFamily,
        CypherDate => DateFamily,
        CypherLocalTime => LocalTimeFamily,
        CypherTime => TimeFamily,
        CypherLocalDateTime => LocalDateTimeFamily,
        CypherDateTime => DateTimeFamily,
        CypherDuration => DurationFamily,
        byte[] => BytesFamily,
        KnowledgeGraph.Spatial.CypherPoint => PointFamily,
        FamilyBound b => b.Family,
        IList => ListFamily,
        _ => Unknown,
    };

    public static bool IsNaN(object? value) => value is double d && double.IsNaN(d);

    /// <summary>Cypher equality for stored values (false when either side is or contains NaN).</summary>
    public static bool ValueEquals(object a, object b) => !ContainsNaN(a) && !ContainsNaN(b) && Instance.Compare(a, b) == 0;

    private static bool ContainsNaN(object v) => v switch
    {
        double d => double.IsNaN(d),
        KnowledgeGraph.Spatial.CypherPoint p => double.IsNaN(p.X) || double.IsNaN(p.Y) || (p.Z is { } z && double.IsNaN(z)),
        IList list and not byte[] => list.Cast<object?>().Any(x => x is not null && ContainsNaN(x)),
        _ => false,
    };

    public int Compare(object? x, object? y)
    {
        if (ReferenceEquals(x, y)) return 0;
        // The common index keys first (same answer as the family switch below).
        if (x is string sx && y is string sy) return string.CompareOrdinal(sx, sy);
        if (x is long lx && y is long ly) return lx.CompareTo(ly);
        var fx = Family(x);
        var fy = Family(y);
        if (fx != fy) return fx.CompareTo(fy);
        if (x is FamilyBound bx) return bx.High ? 1 : -1;
        if (y is FamilyBound by) return by.High ? -1 : 1;
        return fx switch
        {
            NumberFamily => CompareNumbers(x!, y!),
            StringFamily => string.CompareOrdinal((string)x!, (string)y!),
            BooleanFamily => ((bool)x!).CompareTo((bool)y!),
            DateFamily => ((CypherDate)x!).EpochDays.CompareTo(((CypherDate)y!).EpochDays),
            LocalTimeFamily => ((CypherLocalTime)x!).NanosOfDay.CompareTo(((CypherLocalTime)y!).NanosOfDay),
            TimeFamily => CompareTime((CypherTime)x!, (CypherTime)y!),
            LocalDateTimeFamily => CompareLocalDateTime((CypherLocalDateTime)x!, (CypherLocalDateTime)y!),
            DateTimeFamily => CompareDateTime((CypherDateTime)x!, (CypherDateTime)y!),
            DurationFamily => CompareDuration((CypherDuration)x!, (CypherDuration)y!),
            BytesFamily => ((byte[])x!).AsSpan().SequenceCompareTo((byte[])y!),
            ListFamily => CompareLists((IList)x!, (IList)y!),
            PointFamily => ComparePoints((KnowledgeGraph.Spatial.CypherPoint)x!, (KnowledgeGraph.Spatial.CypherPoint)y!),
            _ => 0,
        };
    }

    private static int CompareNumbers(object x, object y)
    {
        if (x is long lx && y is long ly) return lx.CompareTo(ly);
        if (x is int ix) return CompareNumbers((long)ix, y);
        if (y is int iy) return CompareNumbers(x, (long)iy);
        if (x is double dx && y is double dy)
        {
            if (double.IsNaN(dx)) return double.IsNaN(dy) ? 0 : 1;
            if (double.IsNaN(dy)) return -1;
            return dx.CompareTo(dy);
        }

        return x is long l ? CompareLongDouble(l, (double)y) : -CompareLongDouble((long)y, (double)x);
    }

    /// <summary>Exact comparison of a long with a double (no precision loss for large longs).</summary>
    private static int CompareLongDouble(long l, double d)
    {
        if (double.IsNaN(d)) return -1;
        if (d >= 9.2233720368547758E18) return -1;
        if (d < -9.2233720368547758E18) return 1;
        var floor = Math.Floor(d);
        var asLong = (long)floor;
        if (l != asLong) return l.CompareTo(asLong);
        return floor == d ? 0 : -1;
    }

    private static int CompareTime(CypherTime x, CypherTime y)
    {
        var ux = x.NanosOfDay - x.OffsetSeconds * 1_000_000_000L;
        var uy = y.NanosOfDay - y.OffsetSeconds * 1_000_000_000L;
        var c = ux.CompareTo(uy);
        return c != 0 ? c : x.OffsetSeconds.CompareTo(y.OffsetSeconds);
    }

    private static int CompareLocalDateTime(CypherLocalDateTime x, CypherLocalDateTime y)
    {
        var c = x.EpochSeconds.CompareTo(y.EpochSeconds);
        return c != 0 ? c : x.Nanos.CompareTo(y.Nanos);
    }

    private static int CompareDateTime(CypherDateTime x, CypherDateTime y)
    {
        var c = x.EpochSeconds.CompareTo(y.EpochSeconds);
        if (c != 0) return c;
        c = x.Nanos.CompareTo(y.Nanos);
        if (c != 0) return c;
        c = x.OffsetSeconds.CompareTo(y.OffsetSeconds);
        return c != 0 ? c : string.CompareOrdinal(x.ZoneId, y.ZoneId);
    }

    private static int CompareDuration(CypherDuration x, CypherDuration y)
    {
        var c = x.Months.CompareTo(y.Months);
        if (c != 0) return c;
        c = x.Days.CompareTo(y.Days);
        if (c != 0) return c;
        c = x.Seconds.CompareTo(y.Seconds);
        return c != 0 ? c : x.Nanos.CompareTo(y.Nanos);
    }

    /// <summary>
    /// Points order by SRID, then x, y, z: one CRS is one contiguous run, and inside it x (the longitude) leads, so a
    /// range seek can bound a bounding box or a distance circle by x and filter the rest (NaN coordinates last).
    /// </summary>
    private static int ComparePoints(KnowledgeGraph.Spatial.CypherPoint x, KnowledgeGraph.Spatial.CypherPoint y)
    {
        var c = x.Srid.CompareTo(y.Srid);
        if (c == 0) c = x.X.CompareTo(y.X);
        if (c == 0) c = x.Y.CompareTo(y.Y);
        return c != 0 ? c : (x.Z ?? 0).CompareTo(y.Z ?? 0);
    }

    private static int CompareLists(IList x, IList y)
    {
        var n = Math.Min(x.Count, y.Count);
        for (var i = 0; i < n; i++)
        {
            var c = Instance.Compare(x[i], y[i]);
            if (c != 0) return c;
        }

        return x.Count.CompareTo(y.Count);
    }
}

/// <summary>A sentinel that sorts before (or after) every value of one family; used to start and end range scans.</summary>
internal sealed record FamilyBound(int Family, bool High);
