namespace KnowledgeGraph.Bolt.Protocol.PackStream;

/// <summary>Offsets of IANA zones at an instant, for DateTimeZoneId values (which carry only the zone id).</summary>
internal static class ZoneOffsets
{
    /// <summary>The UTC offset in seconds that <paramref name="zoneId"/> had at <paramref name="epochSeconds"/>;
    /// an unknown zone is a format error rather than a silent UTC.</summary>
    public static int OffsetAt(string zoneId, long epochSeconds)
    {
        if (zoneId is "UTC" or "Z" or "Etc/UTC") return 0;
        TimeZoneInfo zone;
        try
        {
            zone = TimeZoneInfo.FindSystemTimeZoneById(zoneId);
        }
        catch (Exception e) when (e is TimeZoneNotFoundException or InvalidTimeZoneException)
        {
            throw new PackStreamException($"Unknown time zone '{zoneId}'.");
        }
        var clamped = Math.Clamp(epochSeconds, DateTimeOffset.MinValue.ToUnixTimeSeconds(), DateTimeOffset.MaxValue.ToUnixTimeSeconds());
        return (int)zone.GetUtcOffset(DateTimeOffset.FromUnixTimeSeconds(clamped)).TotalSeconds;
    }
}
