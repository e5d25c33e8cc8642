namespace KnowledgeGraph.Temporal;

/// <summary>
/// Cypher ZONED DATETIME: an instant as UTC seconds since the epoch plus nanoseconds, with the offset in
/// seconds that applied at that instant and, when the value was given with a named zone, the IANA zone id.
/// Maps to Bolt 5's DateTime (no zone id) or DateTimeZoneId (zone id set).
/// </summary>
public readonly partial record struct CypherDateTime(long EpochSeconds, int Nanos, int OffsetSeconds, string? ZoneId);
