namespace KnowledgeGraph.Temporal;

/// <summary>Cypher LOCAL TIME: nanoseconds since midnight, 0 &lt;= value &lt; 86,400,000,000,000 (Bolt's LocalTime).</summary>
public readonly partial record struct CypherLocalTime(long NanosOfDay);
