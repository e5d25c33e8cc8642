using KnowledgeGraph.Errors;
using KnowledgeGraph.Temporal;

namespace KnowledgeGraph.Bolt.Protocol.PackStream;

/// <summary>Offsets of IANA zones at an instant, for DateTimeZoneId values (which carry only the zone id).</summary>
internal static class ZoneOffsets
{
    /// <summary>
    /// The UTC offset in seconds that <paramref name="zoneId"/> had at <paramref name="epochSeconds"/>, from the same
    /// zone rules the Cypher engine uses (seconds-precise history, Neo4j's zone aliases), so a value decoded from Bolt
    /// equals the one the engine builds. An unknown zone is a format error rather than a silent UTC.
    /// </summary>
    public static int OffsetAt(string zoneId, long epochSeconds)
    {
        try
        {
            return TemporalFunctions.ZoneOffsetAt(zoneId, epochSeconds);
        }
        catch (GraphException e)
        {
            throw new PackStreamException(ErrorCodes.ArgumentError, $"Unknown time zone '{zoneId}': {e.Message}", messageIntact: true);
        }
        catch (Exception e) when (e is ArgumentException or OverflowException)
        {
            // The zone rules work on DateTime, whose range (years 1..9999) is narrower than Cypher's.
            throw new PackStreamException(ErrorCodes.ArgumentError, $"Time zone '{zoneId}' has no offset at {epochSeconds} seconds since 1970: {e.Message}", messageIntact: true);
        }
    }
}
