namespace KnowledgeGraph.Driver;

/// <summary>What a query did and how it ran.</summary>
public sealed record ResultSummary
{
    /// <summary>The query text that ran.</summary>
    public string Query { get; init; } = "";

    /// <summary><c>r</c>, <c>w</c>, <c>rw</c> or <c>s</c> (schema), as Bolt reports it.</summary>
    public string QueryType { get; init; } = "r";

    /// <summary>Update counters.</summary>
    public Counters Counters { get; init; } = new();

    /// <summary>The plan for EXPLAIN (and PROFILE, with <see cref="PlanNode.DbHits"/> and <see cref="PlanNode.Rows"/>).</summary>
    public PlanNode? Plan { get; init; }

    /// <summary>True when <see cref="Plan"/> holds profiled figures.</summary>
    public bool Profiled { get; init; }

    /// <summary>Warnings and informational notifications.</summary>
    public IReadOnlyList<Notification> Notifications { get; init; } = [];

    /// <summary>Time until the first record was available.</summary>
    public TimeSpan ResultAvailableAfter { get; init; }

    /// <summary>Time until the result was fully consumed.</summary>
    public TimeSpan ResultConsumedAfter { get; init; }

    /// <summary>The database that answered (<c>neo4j</c>).</summary>
    public string Database { get; init; } = "neo4j";
}

/// <summary>Update counters, named as Neo4j names them.</summary>
public sealed record Counters
{
    public int NodesCreated { get; init; }
    public int NodesDeleted { get; init; }
    public int RelationshipsCreated { get; init; }
    public int RelationshipsDeleted { get; init; }
    public int PropertiesSet { get; init; }
    public int LabelsAdded { get; init; }
    public int LabelsRemoved { get; init; }
    public int IndexesAdded { get; init; }
    public int IndexesRemoved { get; init; }
    public int ConstraintsAdded { get; init; }
    public int ConstraintsRemoved { get; init; }
    public int SystemUpdates { get; init; }

    /// <summary>True when any counter is non-zero.</summary>
    public bool ContainsUpdates =>
        NodesCreated + NodesDeleted + RelationshipsCreated + RelationshipsDeleted + PropertiesSet + LabelsAdded
        + LabelsRemoved + IndexesAdded + IndexesRemoved + ConstraintsAdded + ConstraintsRemoved > 0;
}

/// <summary>One operator of an EXPLAIN / PROFILE plan.</summary>
public sealed record PlanNode(
    string OperatorType,
    IReadOnlyDictionary<string, object?> Arguments,
    IReadOnlyList<string> Identifiers,
    IReadOnlyList<PlanNode> Children)
{
    /// <summary>PROFILE only: database hits of this operator.</summary>
    public long DbHits { get; init; }

    /// <summary>PROFILE only: rows this operator produced.</summary>
    public long Rows { get; init; }
}

/// <summary>A notification (warning or information) attached to a result.</summary>
public sealed record Notification(string Code, string Title, string Description, string Severity);
