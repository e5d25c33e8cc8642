namespace KnowledgeGraph.Temporal;

public readonly partial record struct CypherDuration
{
    /// <summary>The value as Neo4j prints it.</summary>
    public override string ToString() => TemporalFunctions.Format(this);
}
