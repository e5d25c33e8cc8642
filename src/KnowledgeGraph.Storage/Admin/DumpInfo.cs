namespace KnowledgeGraph.Storage.Admin;

/// <summary>A dump or backup file: where it is, which database and transaction it holds, and its size.</summary>
public sealed record DumpInfo(string Path, string DatabaseId, long TransactionId, long Nodes, long Relationships, long Bytes);
