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

/// <summary>A notification (warning or information) attached to a result, with Neo4j 5.26's fields: the classic
/// code/title/description/severity, its <see cref="Category"/> and <see cref="Position"/>, and the GQL status that
/// Bolt 5.5+ and the drivers' <c>gqlStatusObjects</c> carry.</summary>
public sealed record Notification(string Code, string Title, string Description, string Severity)
{
    /// <summary>Neo4j's category (GQL <c>_classification</c>): <c>HINT</c>, <c>UNRECOGNIZED</c>, <c>UNSUPPORTED</c>,
    /// <c>PERFORMANCE</c>, <c>DEPRECATION</c>, <c>SECURITY</c>, <c>TOPOLOGY</c>, <c>SCHEMA</c> or <c>GENERIC</c>; null when unknown.</summary>
    public string? Category { get; init; }

    /// <summary>Where in the query text the notification points, when it points somewhere.</summary>
    public NotificationPosition? Position { get; init; }

    /// <summary>The GQL status code, e.g. <c>01N40</c>; null when unknown.</summary>
    public string? GqlStatus { get; init; }

    /// <summary>The GQL status description, e.g. <c>warn: unsupported runtime. …</c>; null when unknown.</summary>
    public string? StatusDescription { get; init; }
}

/// <summary>A position in the query text: 0-based character <see cref="Offset"/>, 1-based <see cref="Line"/> and
/// <see cref="Column"/>, as Neo4j reports them.</summary>
public sealed record NotificationPosition(long Offset, long Line, long Column)
{
    /// <summary>The position of character <paramref name="offset"/> of <paramref name="text"/>.</summary>
    public static NotificationPosition At(string text, int offset)
    {
        ArgumentNullException.ThrowIfNull(text);
        long line = 1, column = 1;
        for (var i = 0; i < offset && i < text.Length; i++)
        {
            if (text[i] == '\n')
            {
                line++;
                column = 1;
            }
            else
            {
                column++;
            }
        }

        return new NotificationPosition(offset, line, column);
    }
}
