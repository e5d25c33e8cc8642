namespace KnowledgeGraph.Temporal;

/// <summary>
/// Cypher LOCAL DATETIME: seconds since 1970-01-01T00:00 of the local (zone-less) clock plus nanoseconds,
/// 0 &lt;= Nanos &lt; 1,000,000,000 (Bolt's LocalDateTime).
/// </summary>
public readonly partial record struct CypherLocalDateTime(long EpochSeconds, int Nanos);
