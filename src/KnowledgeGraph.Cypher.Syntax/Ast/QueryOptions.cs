namespace KnowledgeGraph.Cypher.Syntax.Ast;

/// <summary>
/// The query options a statement was prefixed with (<c>CYPHER 5 runtime=slotted ...</c>), as Neo4j 5.26's
/// pre-parser accepts them. Keys are Neo4j's spelling (<c>runtime</c>, <c>expressionEngine</c>, ...), values lower-cased.
/// The embedded engine has one planner and one runtime: every option is checked, none changes how a query runs.
/// </summary>
public sealed record QueryOptions(string? Version, IReadOnlyList<KeyValuePair<string, string>> Options)
{
    /// <summary>No prefix.</summary>
    public static readonly QueryOptions None = new(null, []);

    /// <summary>True when neither a version nor an option was written.</summary>
    public bool IsEmpty => Version is null && Options.Count == 0;

    /// <summary>The value of an option, or null when it was not written.</summary>
    public string? this[string key] => Options.FirstOrDefault(o => o.Key == key).Value;
}
