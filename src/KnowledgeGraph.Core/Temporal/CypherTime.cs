namespace KnowledgeGraph.Temporal;

/// <summary>Cypher ZONED TIME: local nanoseconds since midnight and a UTC offset in seconds (Bolt's Time).</summary>
public readonly partial record struct CypherTime(long NanosOfDay, int OffsetSeconds);
