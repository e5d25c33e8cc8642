namespace KnowledgeGraph.Temporal;

public readonly partial record struct CypherLocalTime
{
    /// <summary>The value as Neo4j prints it.</summary>
    public override string ToString() => TemporalFunctions.Format(this);
}
