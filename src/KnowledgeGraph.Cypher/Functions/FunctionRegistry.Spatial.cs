using KnowledgeGraph.Cypher.QueryErrors;
using KnowledgeGraph.Cypher.Values;
using KnowledgeGraph.Spatial;

namespace KnowledgeGraph.Cypher.Functions;

/// <summary>
/// Spatial functions as Neo4j 5 names them: <c>point(map)</c>, <c>point.distance(a, b)</c>,
/// <c>point.withinBBox(p, lowerLeft, upperRight)</c>; point properties are read in <see cref="PointProperty"/>.
/// </summary>
internal static partial class FunctionRegistry
{
    private static void AddSpatial(Dictionary<string, (int, int, Fn)> d)
    {
        d["point"] = (1, 1, (a, c) => a[0] switch
        {
            null => null,
            IReadOnlyDictionary<string, object?> map => PointOf(map),
            _ => throw Err.Type($"point() expects a MAP but got {CypherValues.TypeName(a[0])}"),
        });
        d["point.distance"] = (2, 2, (a, c) => a[0] is null || a[1] is null
            ? null
            : SpatialMath.Distance(PointArg(a[0], "point.distance"), PointArg(a[1], "point.distance")));
        d["point.withinbbox"] = (3, 3, (a, c) => a[0] is null || a[1] is null || a[2] is null
            ? null
            : SpatialMath.WithinBBox(PointArg(a[0], "point.withinBBox"), PointArg(a[1], "point.withinBBox"), PointArg(a[2], "point.withinBBox")));
    }

    private static CypherPoint PointArg(object? v, string fn) =>
        v as CypherPoint ?? throw Err.Type($"Function {fn} expects a POINT argument but got {CypherValues.TypeName(v)}");

    /// <summary>
    /// <c>point({x, y[, z]})</c> (cartesian by default) or <c>point({longitude, latitude[, height]})</c> (WGS-84 by
    /// default), with an optional <c>crs</c> name or <c>srid</c>; a null coordinate gives null, as in Neo4j.
    /// </summary>
    internal static CypherPoint? PointOf(IReadOnlyDictionary<string, object?> map)
    {
        string? Key(string name) => map.Keys.FirstOrDefault(k => string.Equals(k, name, StringComparison.OrdinalIgnoreCase));
        bool Has(string name) => Key(name) is not null;
        object? Get(string name) => Key(name) is { } k ? map[k] : null;

        var geographicKeys = Has("longitude") || Has("latitude");
        var cartesianKeys = Has("x") || Has("y");
        if (geographicKeys && cartesianKeys)
            throw Err.Argument("A point must contain either 'x' and 'y', or 'latitude' and 'longitude', not both.");
        var (xKey, yKey, zKey) = geographicKeys ? ("longitude", "latitude", "height") : ("x", "y", "z");
        if (!Has(xKey) || !Has(yKey))
            throw Err.Argument("A point must contain either 'x' and 'y', or 'latitude' and 'longitude'.");
        if (geographicKeys && Has("z")) throw Err.Argument("A geographic point takes 'height', not 'z'.");
        var hasZ = Has(zKey);

        int? srid = null;
        if (Get("srid") is { } sridValue)
        {
            if (sridValue is not long s || !CypherPoint.IsKnownSrid((int)s) || s != (int)s)
                throw Err.Argument($"Unsupported coordinate reference system SRID {sridValue}; use 7203, 9157, 4326 or 4979.");
            srid = (int)s;
        }
        if (Get("crs") is { } crsValue)
        {
            var fromName = crsValue is string name ? CypherPoint.SridOf(name) : null;
            if (fromName is null) throw Err.Argument($"Unknown coordinate reference system: {crsValue}");
            if (srid is not null && srid != fromName) throw Err.Argument($"The crs '{crsValue}' and srid {srid} do not name the same coordinate reference system.");
            srid = fromName;
        }
        srid ??= (geographicKeys, hasZ) switch
        {
            (true, false) => CypherPoint.Wgs84,
            (true, true) => CypherPoint.Wgs843D,
            (false, false) => CypherPoint.Cartesian,
            (false, true) => CypherPoint.Cartesian3D,
        };
        if (geographicKeys && !CypherPoint.NameOf(srid.Value).StartsWith("wgs", StringComparison.Ordinal))
            throw Err.Argument($"Geographic coordinates (longitude, latitude) cannot be used with the {CypherPoint.NameOf(srid.Value)} coordinate reference system.");
        if (CypherPoint.Is3DSrid(srid.Value) != hasZ)
            throw Err.Argument($"Cannot create a point with {(hasZ ? 3 : 2)} coordinates in the {CypherPoint.NameOf(srid.Value)} coordinate reference system, which has {(hasZ ? 2 : 3)}.");

        var x = Get(xKey);
        var y = Get(yKey);
        var z = hasZ ? Get(zKey) : 0.0;
        if (x is null || y is null || z is null) return null;
        var point = new CypherPoint(srid.Value, Coordinate(x, xKey), Coordinate(y, yKey), hasZ ? Coordinate(z, zKey) : null);
        if (point.IsGeographic && (point.Y < -90 || point.Y > 90))
            throw Err.Argument($"Cannot create WGS84 point with invalid coordinate: [{point.X}, {point.Y}]. Valid range for Y coordinate is [-90, 90].");
        return point;
    }

    private static double Coordinate(object v, string key) => v switch
    {
        long l => l,
        double d => d,
        _ => throw Err.Type($"The point coordinate '{key}' must be a number, but was {CypherValues.TypeName(v)}"),
    };

    /// <summary>A point's property (<c>x y z longitude latitude height crs srid</c>), as Neo4j exposes them.</summary>
    internal static object? PointProperty(CypherPoint p, string key) => key.ToLowerInvariant() switch
    {
        "x" => p.X,
        "y" => p.Y,
        "z" when p.Is3D => p.Z,
        "longitude" when p.IsGeographic => p.X,
        "latitude" when p.IsGeographic => p.Y,
        "height" when p.IsGeographic && p.Is3D => p.Z,
        "crs" => p.CrsName,
        "srid" => (long)p.Srid,
        _ => throw Err.Argument($"Field: {key} is not available on {p.CrsName} point: {p}", "InvalidPropertyAccess"),
    };
}
