using KnowledgeGraph.Cypher.Tck.Running;

namespace KnowledgeGraph.Cypher.Tck.Engine;

/// <summary>Stand-in while KnowledgeGraph.Cypher has no GraphDatabase yet; removed once it does.</summary>
public static class EmbeddedTckDatabase
{
    /// <summary>Fails: the engine is not built yet.</summary>
    public static ITckDatabase Create() => throw new NotSupportedException("KnowledgeGraph.Cypher has no GraphDatabase yet.");
}
