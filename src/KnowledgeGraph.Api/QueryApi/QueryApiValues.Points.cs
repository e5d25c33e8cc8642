using System.Globalization;
using System.Text.Json;
using KnowledgeGraph.Spatial;

namespace KnowledgeGraph.Api.QueryApi;

/// <summary>
/// Points as Neo4j's Query API documentation writes them: plain JSON as extended WKT without a space before the
/// parenthesis (<c>SRID=7203;POINT(1.2 3.4)</c>, <c>SRID=9157;POINT Z(1.2 3.4 5.6)</c>), typed JSON as
/// <c>{"coordinates": [x, y(, z)], "crs": {"srid", "name", "type": "link", "properties": {"href", "type": "ogcwkt"}}}</c>.
/// Typed parameters accept that object and the WKT text.
/// </summary>
internal static partial class QueryApiValues
{
    public static string PlainPoint(CypherPoint p) => p.Z is { } z
        ? $"SRID={p.Srid.ToString(CultureInfo.InvariantCulture)};POINT Z({Coordinate(p.X)} {Coordinate(p.Y)} {Coordinate(z)})"
        : $"SRID={p.Srid.ToString(CultureInfo.InvariantCulture)};POINT({Coordinate(p.X)} {Coordinate(p.Y)})";

    public static void WriteTypedPoint(Utf8JsonWriter w, CypherPoint p)
    {
        w.WriteStartObject("_value");
        w.WriteStartArray("coordinates");
        WriteCoordinate(w, p.X);
        WriteCoordinate(w, p.Y);
        if (p.Z is { } z) WriteCoordinate(w, z);
        w.WriteEndArray();
        w.WriteStartObject("crs");
        w.WriteNumber("srid", p.Srid);
        w.WriteString("name", p.CrsName);
        w.WriteString("type", "link");
        w.WriteStartObject("properties");
        w.WriteString("href", Href(p.Srid));
        w.WriteString("type", "ogcwkt");
        w.WriteEndObject();
        w.WriteEndObject();
        w.WriteEndObject();
    }

    /// <summary>A typed <c>Point</c> parameter: the documented object, or WKT text; null when neither.</summary>
    public static CypherPoint? ReadTypedPoint(JsonElement value)
    {
        if (value.ValueKind == JsonValueKind.String) return CypherPoint.ParseWkt(value.GetString()!);
        if (value.ValueKind != JsonValueKind.Object || !value.TryGetProperty("coordinates", out var coordinates) || coordinates.ValueKind != JsonValueKind.Array) return null;
        var xyz = coordinates.EnumerateArray().Select(c => c.ValueKind == JsonValueKind.Number ? c.GetDouble() : double.NaN).ToArray();
        if (xyz.Length is not (2 or 3) || xyz.Any(double.IsNaN)) return null;
        var srid = value.TryGetProperty("crs", out var crs) && crs.ValueKind == JsonValueKind.Object && crs.TryGetProperty("srid", out var s) && s.TryGetInt32(out var given)
            ? given
            : xyz.Length == 3 ? CypherPoint.Cartesian3D : CypherPoint.Cartesian;
        if (!CypherPoint.IsKnownSrid(srid) || CypherPoint.Is3DSrid(srid) != (xyz.Length == 3)) return null;
        return new CypherPoint(srid, xyz[0], xyz[1], xyz.Length == 3 ? xyz[2] : null);
    }

    /// <summary>A coordinate as the documentation shows it (<c>2.0</c>, not <c>2</c>); JSON has no NaN or infinity,
    /// so those go as text.</summary>
    private static void WriteCoordinate(Utf8JsonWriter w, double value)
    {
        if (double.IsFinite(value)) w.WriteRawValue(FloatText(value));
        else w.WriteStringValue(FloatText(value));
    }

    /// <summary>Neo4j's reference for each CRS (EPSG for WGS-84, SR-ORG for the cartesian ones).</summary>
    private static string Href(int srid) => srid is CypherPoint.Wgs84 or CypherPoint.Wgs843D
        ? $"http://spatialreference.org/ref/epsg/{srid.ToString(CultureInfo.InvariantCulture)}/ogcwkt/"
        : $"http://spatialreference.org/ref/sr-org/{srid.ToString(CultureInfo.InvariantCulture)}/ogcwkt/";

    private static string Coordinate(double value) => FloatText(value);
}
