namespace KnowledgeGraph.Temporal;

public readonly partial record struct CypherDuration
{
    /// <summary>The value as Neo4j prints it.</summary>
    public override string ToString() => TemporalFunctions.Format(this);

    /// <summary>
    /// Equal when months, days and the total of seconds and nanoseconds match, whichever way the seconds/nanos split
    /// was normalised (this library's same-sign form or Neo4j/Bolt's non-negative nanos form).
    /// </summary>
    public bool Equals(CypherDuration other) =>
        Months == other.Months && Days == other.Days && TotalNanos == other.TotalNanos;

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Months, Days, TotalNanos);

    private Int128 TotalNanos => (Int128)Seconds * 1_000_000_000 + Nanos;
}
