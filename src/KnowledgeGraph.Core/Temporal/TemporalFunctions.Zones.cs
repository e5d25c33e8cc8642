using KnowledgeGraph.Temporal.Internal;

namespace KnowledgeGraph.Temporal;

public static partial class TemporalFunctions
{
    /// <summary>
    /// The UTC offset in seconds of a zone ("Europe/Stockholm", "+01:00", "Z") at an instant, exactly as datetime
    /// values here compute it (historical offsets to the second). For decoders of zone-id-only wire forms (Bolt's
    /// DateTimeZoneId). Throws ArgumentError for an unknown zone.
    /// </summary>
    public static int ZoneOffsetAt(string zone, long epochSeconds)
    {
        ArgumentNullException.ThrowIfNull(zone);
        return Zone.Parse(zone).OffsetAt(epochSeconds);
    }

    /// <summary>A datetime at an instant seen in a zone (IANA id keeps its name; an offset text gives a fixed offset).</summary>
    public static CypherDateTime DateTimeAtInstant(long epochSeconds, int nanos, string zone)
    {
        ArgumentNullException.ThrowIfNull(zone);
        ArgumentOutOfRangeException.ThrowIfNegative(nanos);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(nanos, 999_999_999);
        return Temporals.DateTimeFromInstant(epochSeconds, nanos, Zone.Parse(zone));
    }
}
