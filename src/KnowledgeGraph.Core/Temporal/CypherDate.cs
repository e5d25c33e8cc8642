namespace KnowledgeGraph.Temporal;

/// <summary>Cypher DATE: a calendar date without time zone, as days since 1970-01-01 (Bolt's Date).</summary>
public readonly partial record struct CypherDate(long EpochDays);
