using System.Globalization;

namespace KnowledgeGraph.Spatial;

/// <summary>
/// A spatial point as Neo4j defines it: a coordinate reference system by SRID and two or three coordinates.
/// Invariant: <see cref="Srid"/> is one of the four supported SRIDs, and <see cref="Z"/> is non-null exactly for the
/// 3D ones (9157, 4979). For WGS-84, <see cref="X"/> is the longitude and <see cref="Y"/> the latitude.
/// Equality is Cypher's: same CRS and the same coordinates (so points of different CRS are never equal).
/// </summary>
public sealed record CypherPoint
{
    /// <summary>Cartesian 2D.</summary>
    public const int Cartesian = 7203;

    /// <summary>Cartesian 3D.</summary>
    public const int Cartesian3D = 9157;

    /// <summary>WGS-84 2D (longitude, latitude).</summary>
    public const int Wgs84 = 4326;

    /// <summary>WGS-84 3D (longitude, latitude, height in metres).</summary>
    public const int Wgs843D = 4979;

    /// <summary>Creates a point; throws <see cref="ArgumentException"/> when the SRID is unknown or the dimension does not match it.</summary>
    public CypherPoint(int srid, double x, double y, double? z = null)
    {
        if (!IsKnownSrid(srid)) throw new ArgumentException($"Unsupported coordinate reference system SRID {srid}.", nameof(srid));
        if (Is3DSrid(srid) != z.HasValue)
            throw new ArgumentException($"SRID {srid} takes {(Is3DSrid(srid) ? 3 : 2)} coordinates.", nameof(z));
        Srid = srid;
        X = x;
        Y = y;
        Z = z;
    }

    /// <summary>The SRID: 7203, 9157, 4326 or 4979.</summary>
    public int Srid { get; }

    /// <summary>x, or the longitude for WGS-84.</summary>
    public double X { get; }

    /// <summary>y, or the latitude for WGS-84.</summary>
    public double Y { get; }

    /// <summary>z, or the height for WGS-84 3D; null for 2D points.</summary>
    public double? Z { get; }

    /// <summary>True for WGS-84 (geographic) points.</summary>
    public bool IsGeographic => Srid is Wgs84 or Wgs843D;

    /// <summary>True for 3D points.</summary>
    public bool Is3D => Z.HasValue;

    /// <summary>Neo4j's CRS name: <c>cartesian</c>, <c>cartesian-3d</c>, <c>wgs-84</c>, <c>wgs-84-3d</c>.</summary>
    public string CrsName => NameOf(Srid);

    /// <summary>True for the SRIDs Neo4j supports.</summary>
    public static bool IsKnownSrid(int srid) => srid is Cartesian or Cartesian3D or Wgs84 or Wgs843D;

    /// <summary>True for the 3D SRIDs.</summary>
    public static bool Is3DSrid(int srid) => srid is Cartesian3D or Wgs843D;

    /// <summary>The CRS name of a supported SRID.</summary>
    public static string NameOf(int srid) => srid switch
    {
        Cartesian => "cartesian",
        Cartesian3D => "cartesian-3d",
        Wgs84 => "wgs-84",
        Wgs843D => "wgs-84-3d",
        _ => throw new ArgumentOutOfRangeException(nameof(srid), srid, "Unsupported SRID."),
    };

    /// <summary>The SRID of a CRS name (case-insensitive), or null when the name is unknown.</summary>
    public static int? SridOf(string crsName) => crsName.ToLowerInvariant() switch
    {
        "cartesian" => Cartesian,
        "cartesian-3d" => Cartesian3D,
        "wgs-84" => Wgs84,
        "wgs-84-3d" => Wgs843D,
        _ => null,
    };

    /// <summary>Cypher equality: same SRID and coordinates (NaN never equal, as for floats).</summary>
    public bool Equals(CypherPoint? other) =>
        other is not null && other.Srid == Srid && other.X == X && other.Y == Y && other.Z == Z;

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Srid, X, Y, Z);

    /// <summary>As Neo4j's <c>toString</c>: <c>point({x: 1.0, y: 2.0, crs: 'cartesian'})</c>.</summary>
    public override string ToString() => Z is { } z
        ? $"point({{x: {Number(X)}, y: {Number(Y)}, z: {Number(z)}, crs: '{CrsName}'}})"
        : $"point({{x: {Number(X)}, y: {Number(Y)}, crs: '{CrsName}'}})";

    /// <summary>Neo4j's extended WKT, as its Query API writes points: <c>SRID=4326;POINT (12.5 41.9)</c>, <c>POINT Z (…)</c> in 3D.</summary>
    public string ToWkt() => Z is { } z
        ? $"SRID={Srid};POINT Z ({Number(X)} {Number(Y)} {Number(z)})"
        : $"SRID={Srid};POINT ({Number(X)} {Number(Y)})";

    /// <summary>Parses <see cref="ToWkt"/>'s form; null when the text is not such a point.</summary>
    public static CypherPoint? ParseWkt(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var semicolon = text.IndexOf(';', StringComparison.Ordinal);
        if (!text.StartsWith("SRID=", StringComparison.OrdinalIgnoreCase) || semicolon < 0) return null;
        if (!int.TryParse(text.AsSpan(5, semicolon - 5), NumberStyles.Integer, CultureInfo.InvariantCulture, out var srid) || !IsKnownSrid(srid)) return null;
        var rest = text[(semicolon + 1)..].Trim();
        var open = rest.IndexOf('(', StringComparison.Ordinal);
        if (open < 0 || !rest.EndsWith(')') || !rest.StartsWith("POINT", StringComparison.OrdinalIgnoreCase)) return null;
        var parts = rest[(open + 1)..^1].Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var coordinates = new double[parts.Length];
        for (var i = 0; i < parts.Length; i++)
            if (!double.TryParse(parts[i], NumberStyles.Float, CultureInfo.InvariantCulture, out coordinates[i])) return null;
        if (coordinates.Length != (Is3DSrid(srid) ? 3 : 2)) return null;
        return new CypherPoint(srid, coordinates[0], coordinates[1], coordinates.Length == 3 ? coordinates[2] : null);
    }

    // Java's Double.toString shape, as Neo4j prints floats: an integral value keeps ".0".
    private static string Number(double value)
    {
        if (double.IsNaN(value)) return "NaN";
        if (double.IsInfinity(value)) return value > 0 ? "Infinity" : "-Infinity";
        var text = value.ToString("R", CultureInfo.InvariantCulture);
        return text.Contains('.', StringComparison.Ordinal) || text.Contains('E', StringComparison.Ordinal) ? text : text + ".0";
    }
}
