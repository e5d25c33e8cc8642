namespace KnowledgeGraph.Storage.Admin;

/// <summary>What <see cref="GraphStore.CheckConsistency"/> found: counts, and every problem (empty when consistent).</summary>
public sealed record ConsistencyReport
{
    /// <summary>The transaction the checked snapshot is at.</summary>
    public long TransactionId { get; init; }

    /// <summary>Nodes found by scanning the node store.</summary>
    public long Nodes { get; init; }

    /// <summary>Relationships found by scanning the relationship store.</summary>
    public long Relationships { get; init; }

    /// <summary>Nodes per label.</summary>
    public IReadOnlyDictionary<string, long> Labels { get; init; } = new Dictionary<string, long>();

    /// <summary>Relationships per type.</summary>
    public IReadOnlyDictionary<string, long> Types { get; init; } = new Dictionary<string, long>();

    /// <summary>Indexes checked (including those backing constraints).</summary>
    public int Indexes { get; init; }

    /// <summary>Uniqueness constraints checked.</summary>
    public int Constraints { get; init; }

    /// <summary>Relationships whose start or end node does not exist.</summary>
    public long DanglingRelationships { get; init; }

    /// <summary>Every inconsistency, one line each.</summary>
    public IReadOnlyList<string> Problems { get; init; } = [];

    /// <summary>True when no problem was found.</summary>
    public bool IsConsistent => Problems.Count == 0;
}
