namespace KnowledgeGraph.Temporal;

/// <summary>
/// Cypher DURATION: months, days, seconds and nanoseconds kept apart, as Neo4j and Bolt do
/// (|Nanos| &lt; 1,000,000,000, same sign as Seconds when both are non-zero).
/// </summary>
public readonly partial record struct CypherDuration(long Months, long Days, long Seconds, int Nanos);
