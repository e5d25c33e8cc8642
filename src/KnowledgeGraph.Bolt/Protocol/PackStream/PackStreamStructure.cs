namespace KnowledgeGraph.Bolt.Protocol.PackStream;

/// <summary>
/// A structure this codebase has no value type for (e.g. a spatial Point from a real Neo4j). Kept as its
/// signature and raw fields so a client can still read a result that contains one; written back unchanged.
/// </summary>
public sealed record PackStreamStructure(byte Signature, IReadOnlyList<object?> Fields);
