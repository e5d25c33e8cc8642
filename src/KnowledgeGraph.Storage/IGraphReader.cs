namespace KnowledgeGraph.Storage;

/// <summary>Which relationships of a node to follow.</summary>
public enum Direction
{
    Outgoing,
    Incoming,
    Both,
}

/// <summary>The identity and endpoints of a relationship (its properties are read separately).</summary>
public readonly record struct RelationshipRecord(long Id, string Type, long StartNodeId, long EndNodeId)
{
    /// <summary>The endpoint that is not <paramref name="nodeId"/> (the node itself for a self-loop).</summary>
    public long OtherNode(long nodeId) => StartNodeId == nodeId ? EndNodeId : StartNodeId;
}

/// <summary>What a (label, property) index holds and which predicates it serves, as Neo4j 5's index types.</summary>
public enum IndexType
{
    /// <summary>Every value, in Cypher order: equality, ranges, prefixes, existence. The default of <c>CREATE INDEX</c>.</summary>
    Range,

    /// <summary>Point values only: equality, bounding boxes and distance circles.</summary>
    Point,

    /// <summary>String values only: equality and prefixes on strings.</summary>
    Text,
}

/// <summary>Names of <see cref="IndexType"/> values.</summary>
public static class IndexTypeNames
{
    /// <summary>Neo4j's name of an index type (SHOW INDEXES' <c>type</c>, <c>CREATE … INDEX</c>, error messages).</summary>
    public static string Neo4jName(this IndexType type) => type switch
    {
        IndexType.Point => "POINT",
        IndexType.Text => "TEXT",
        _ => "RANGE",
    };
}

/// <summary>A (label, property) index of a given <see cref="IndexType"/>; records written before the type was
/// stored read as <see cref="IndexType.Range"/>.</summary>
public sealed record IndexDescriptor(string Name, string Label, string Property, string? OwningConstraint, IndexType Type = IndexType.Range);

/// <summary>A uniqueness constraint on (label, property); it owns an index of the same name.</summary>
public sealed record ConstraintDescriptor(string Name, string Label, string Property);

/// <summary>
/// A consistent snapshot of the graph. Everything read through one reader reflects the same committed state
/// (plus, for a <see cref="IGraphWriter"/>, the transaction's own writes). Property values follow the value model
/// of <c>KnowledgeGraph.Values</c> (long, double, string, bool, byte[], temporal structs, homogeneous lists).
/// Enumerations never throw because the same transaction modified the graph while they were running.
/// Reading an entity that does not exist (or was deleted) throws <see cref="KeyNotFoundException"/>.
/// </summary>
public interface IGraphReader
{
    /// <summary>Id of the last transaction committed before this snapshot was taken.</summary>
    long SnapshotTransactionId { get; }

    /// <summary>
    /// The store a committed snapshot belongs to, or null when reads may include uncommitted changes (a transaction
    /// that writes). Two readers with the same store and <see cref="SnapshotTransactionId"/> see the same graph,
    /// schema and counts included.
    /// </summary>
    object? CommittedStore => null;

    // ---- counts (O(1)) ----
    long NodeCount { get; }
    long RelationshipCount { get; }
    long CountNodes(string label);
    long CountRelationships(string type);

    // ---- scans ----
    IEnumerable<long> AllNodes();
    IEnumerable<long> NodesByLabel(string label);
    IEnumerable<RelationshipRecord> AllRelationships();
    IEnumerable<RelationshipRecord> RelationshipsByType(string type);

    // ---- nodes ----
    bool NodeExists(long nodeId);
    IReadOnlyList<string> GetLabels(long nodeId);
    bool HasLabel(long nodeId, string label);

    /// <summary><see cref="HasLabel(long, string)"/> with the label's token remembered (see <see cref="TokenName"/>).</summary>
    bool HasLabel(long nodeId, TokenName label) => HasLabel(nodeId, label.Name);

    /// <summary>True when the node has any of <paramref name="labels"/>: <see cref="HasLabel(long, TokenName)"/> on
    /// each in turn, the node read once (a query engine's OR of label tests on one node).</summary>
    bool HasAnyLabel(long nodeId, TokenName[] labels)
    {
        foreach (var label in labels)
            if (HasLabel(nodeId, label)) return true;
        return false;
    }

    /// <summary>
    /// The node's labels as a list of strings typed for a query engine's values (<c>object?</c> items), in the order
    /// of <see cref="GetLabels"/>. The array may be shared by every node with the same labels: the caller must never
    /// modify it (as for <see cref="ReadNodePropertyShared(long, string)"/>).
    /// </summary>
    IReadOnlyList<object?> ReadLabelsShared(long nodeId)
    {
        var labels = GetLabels(nodeId);
        var values = new object?[labels.Count];
        for (var i = 0; i < values.Length; i++) values[i] = labels[i];
        return values;
    }

    /// <summary>The property value, or null when the node has no such key.</summary>
    object? GetNodeProperty(long nodeId, string key);
    IReadOnlyDictionary<string, object> GetNodeProperties(long nodeId);

    /// <summary>
    /// <see cref="GetNodeProperty"/> without the copy of a list value: a list is the store's own array, which the
    /// caller must never modify (byte arrays are still copied). For a caller that only reads values and copies them
    /// where they leave it (the Cypher engine: results are converted for clients, writes are normalised).
    /// </summary>
    object? ReadNodePropertyShared(long nodeId, string key);

    /// <summary><see cref="ReadNodePropertyShared(long, string)"/> with the key's token remembered (see <see cref="TokenName"/>).</summary>
    object? ReadNodePropertyShared(long nodeId, TokenName key) => ReadNodePropertyShared(nodeId, key.Name);

    // ---- relationships ----
    bool RelationshipExists(long relationshipId);
    RelationshipRecord GetRelationship(long relationshipId);
    object? GetRelationshipProperty(long relationshipId, string key);
    IReadOnlyDictionary<string, object> GetRelationshipProperties(long relationshipId);

    /// <summary><see cref="GetRelationshipProperty"/> without the copy of a list value, as
    /// <see cref="ReadNodePropertyShared(long, string)"/>: the caller must never modify the list.</summary>
    object? ReadRelationshipPropertyShared(long relationshipId, string key);

    /// <summary><see cref="ReadRelationshipPropertyShared(long, string)"/> with the key's token remembered (see <see cref="TokenName"/>).</summary>
    object? ReadRelationshipPropertyShared(long relationshipId, TokenName key) => ReadRelationshipPropertyShared(relationshipId, key.Name);

    /// <summary>
    /// The node's relationships in a direction, restricted to <paramref name="types"/> when given (null or empty:
    /// all types). Cost is proportional to the matching relationships, never to unrelated ones. A self-loop is
    /// returned once for <see cref="Direction.Both"/>.
    /// </summary>
    IEnumerable<RelationshipRecord> GetRelationships(long nodeId, Direction direction, IReadOnlyList<string>? types = null);

    /// <summary>
    /// <see cref="GetRelationships"/> as a struct cursor: the same records in the same order, without allocating for
    /// a node whose adjacency this transaction has not touched (the engine's hot expansions use it).
    /// </summary>
    AdjacencyCursor Adjacency(long nodeId, Direction direction, IReadOnlyList<string>? types = null);

    /// <summary>Number of relationships <see cref="GetRelationships"/> would return, in O(number of types).</summary>
    int GetDegree(long nodeId, Direction direction, IReadOnlyList<string>? types = null);

    // ---- element ids (Neo4j 5 style, stable across restarts) ----
    string NodeElementId(long nodeId);
    string RelationshipElementId(long relationshipId);

    /// <summary>Parses an element id produced by this store.</summary>
    bool TryParseElementId(string elementId, out bool isNode, out long id);

    // ---- schema ----
    IReadOnlyList<IndexDescriptor> Indexes { get; }
    IReadOnlyList<ConstraintDescriptor> Constraints { get; }

    /// <summary>The RANGE index on (label, property), or null.</summary>
    IndexDescriptor? FindIndex(string label, string property);

    /// <summary>The index of <paramref name="type"/> on (label, property), or null.</summary>
    IndexDescriptor? FindIndex(string label, string property, IndexType type);

    /// <summary>Nodes with <paramref name="label"/> whose property equals <paramref name="value"/> under Cypher
    /// equality (1 = 1.0; lists element-wise). Reads an index on (label, property) that holds the value's type (RANGE, or
    /// POINT for a point, TEXT for a string), else scans the label.</summary>
    IEnumerable<long> IndexSeek(string label, string property, object value);

    /// <summary>Range seek in Cypher order within one type family (numbers, strings, or one temporal type);
    /// a null bound is open.</summary>
    IEnumerable<long> IndexSeekRange(string label, string property, object? lower, bool lowerInclusive, object? upper, bool upperInclusive);

    /// <summary>Nodes whose string property starts with <paramref name="prefix"/> (ordinal).</summary>
    IEnumerable<long> IndexSeekPrefix(string label, string property, string prefix);

    // ---- fulltext indexes ----
    IReadOnlyList<FulltextIndexDescriptor> FulltextIndexes { get; }

    /// <summary>The fulltext index called <paramref name="name"/>, or null.</summary>
    FulltextIndexDescriptor? FindFulltextIndex(string name);

    /// <summary>
    /// Runs a Lucene-syntax query (the subset <c>FulltextQueryParser</c> documents) against a fulltext index of this
    /// snapshot: matches ordered by score descending, then id. <paramref name="analyzer"/> overrides the index's
    /// analyzer for the query text. Throws <see cref="FulltextQueryException"/> for a malformed query or unknown
    /// analyzer and <see cref="KeyNotFoundException"/> for an unknown index.
    /// </summary>
    IReadOnlyList<FulltextHit> QueryFulltext(string indexName, string query, string? analyzer = null);

    /// <summary>The analyzers a fulltext index can use.</summary>
    IReadOnlyList<FulltextAnalyzerInfo> FulltextAnalyzers { get; }

    // ---- tokens in use (db.labels(), db.relationshipTypes(), db.propertyKeys()) ----
    IReadOnlyCollection<string> Labels { get; }
    IReadOnlyCollection<string> RelationshipTypes { get; }
    IReadOnlyCollection<string> PropertyKeys { get; }
}
