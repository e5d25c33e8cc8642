namespace KnowledgeGraph.Spatial;

/// <summary>
/// Neo4j's spatial computations. Cartesian distance is Euclidean (over z too in 3D). WGS-84 distance is the
/// haversine great-circle distance on a sphere of Neo4j's radius <see cref="EarthRadiusMeters"/>; in 3D it is
/// combined with the height difference as <c>sqrt(d² + Δh²)</c>. Points of different CRS are incomparable: null.
/// </summary>
public static class SpatialMath
{
    /// <summary>The sphere radius Neo4j's geographic calculations use, in metres.</summary>
    public const double EarthRadiusMeters = 6378140.0;

    /// <summary>The distance between two points, or null when their CRS differ.</summary>
    public static double? Distance(CypherPoint a, CypherPoint b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        if (a.Srid != b.Srid) return null;
        var dz = (a.Z ?? 0) - (b.Z ?? 0);
        if (!a.IsGeographic)
        {
            var dx = a.X - b.X;
            var dy = a.Y - b.Y;
            return Math.Sqrt(dx * dx + dy * dy + dz * dz);
        }
        var lat1 = ToRadians(a.Y);
        var lat2 = ToRadians(b.Y);
        var dLat = lat2 - lat1;
        var dLon = ToRadians(b.X - a.X);
        var h = Math.Pow(Math.Sin(dLat / 2), 2) + Math.Cos(lat1) * Math.Cos(lat2) * Math.Pow(Math.Sin(dLon / 2), 2);
        var surface = EarthRadiusMeters * 2 * Math.Atan2(Math.Sqrt(h), Math.Sqrt(1 - h));
        return a.Is3D ? Math.Sqrt(surface * surface + dz * dz) : surface;
    }

    /// <summary>
    /// Whether <paramref name="point"/> lies in the box from <paramref name="lowerLeft"/> to <paramref name="upperRight"/>
    /// (edges included); null when the three CRS are not the same. For WGS-84 a lower-left longitude greater than the
    /// upper-right one means a box that crosses the 180th meridian.
    /// </summary>
    public static bool? WithinBBox(CypherPoint point, CypherPoint lowerLeft, CypherPoint upperRight)
    {
        ArgumentNullException.ThrowIfNull(point);
        ArgumentNullException.ThrowIfNull(lowerLeft);
        ArgumentNullException.ThrowIfNull(upperRight);
        if (point.Srid != lowerLeft.Srid || point.Srid != upperRight.Srid) return null;
        var inX = point.IsGeographic && lowerLeft.X > upperRight.X
            ? point.X >= lowerLeft.X || point.X <= upperRight.X
            : point.X >= lowerLeft.X && point.X <= upperRight.X;
        var inY = point.Y >= lowerLeft.Y && point.Y <= upperRight.Y;
        var inZ = !point.Is3D || (point.Z >= lowerLeft.Z && point.Z <= upperRight.Z);
        return inX && inY && inZ;
    }

    /// <summary>
    /// The x (longitude) interval that holds every point of the CRS of <paramref name="center"/> within
    /// <paramref name="distance"/> of it: what an index ordered by x first may seek. Unbounded (infinities) when
    /// the circle reaches a pole or wraps the 180th meridian.
    /// </summary>
    public static (double Low, double High) XRangeWithin(CypherPoint center, double distance)
    {
        ArgumentNullException.ThrowIfNull(center);
        if (double.IsNaN(distance) || distance < 0) return (double.PositiveInfinity, double.NegativeInfinity); // empty
        if (!center.IsGeographic) return (center.X - distance, center.X + distance);
        // The 3D distance is at least the surface distance, so the surface circle bounds it.
        var dLat = distance / EarthRadiusMeters * 180 / Math.PI;
        var maxLat = Math.Abs(center.Y) + dLat;
        if (maxLat >= 89.999) return (double.NegativeInfinity, double.PositiveInfinity);
        // 1 % margin over the spherical bound: the seek may return more, never less.
        var dLon = dLat / Math.Cos(maxLat * Math.PI / 180) * 1.01 + 1e-9;
        if (dLon >= 180 || center.X - dLon < -180 || center.X + dLon > 180) return (double.NegativeInfinity, double.PositiveInfinity);
        return (center.X - dLon, center.X + dLon);
    }

    private static double ToRadians(double degrees) => degrees * Math.PI / 180;
}
