namespace KnowledgeGraph.Cypher.Tck.Values;

/// <summary>
/// An expected value written in the TCK's literal syntax (result tables, parameters, procedure tables).
/// Kept apart from engine values because a TCK node or path is a pattern to compare against, not an entity.
/// </summary>
public abstract record TckValue;

/// <summary><c>null</c>.</summary>
public sealed record TckNull : TckValue
{
    /// <summary>The one instance.</summary>
    public static TckNull Instance { get; } = new();
}

/// <summary><c>true</c> / <c>false</c>.</summary>
public sealed record TckBoolean(bool Value) : TckValue;

/// <summary>An integer such as <c>-12</c>.</summary>
public sealed record TckInteger(long Value) : TckValue;

/// <summary>A float such as <c>1.5</c>, <c>1e10</c>, <c>NaN</c>, <c>Inf</c>, <c>-Inf</c>; <paramref name="Text"/> is the literal as written.</summary>
public sealed record TckFloat(double Value, string Text) : TckValue;

/// <summary>A single-quoted string, escapes resolved. Temporal values are written this way too.</summary>
public sealed record TckString(string Value) : TckValue;

/// <summary><c>[a, b]</c>.</summary>
public sealed record TckList(IReadOnlyList<TckValue> Items) : TckValue;

/// <summary><c>{k: v}</c>; keys in written order.</summary>
public sealed record TckMap(IReadOnlyList<KeyValuePair<string, TckValue>> Entries) : TckValue;

/// <summary><c>(:A:B {p: 1})</c>.</summary>
public sealed record TckNode(IReadOnlyList<string> Labels, TckMap Properties) : TckValue;

/// <summary><c>[:T {p: 1}]</c>.</summary>
public sealed record TckRelationship(string Type, TckMap Properties) : TckValue;

/// <summary>
/// <c>&lt;(:A)-[:T]-&gt;(:B)&lt;-[:U]-()&gt;</c>: <c>Nodes.Count == Relationships.Count + 1</c>;
/// <c>Forward[i]</c> is true when relationship i points from node i to node i + 1.
/// </summary>
public sealed record TckPath(IReadOnlyList<TckNode> Nodes, IReadOnlyList<TckRelationship> Relationships, IReadOnlyList<bool> Forward) : TckValue;
