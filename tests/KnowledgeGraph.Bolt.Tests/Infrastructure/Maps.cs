namespace KnowledgeGraph.Bolt.Tests.Infrastructure;

/// <summary>Short map literals for message fields.</summary>
public static class Maps
{
    public static readonly IReadOnlyDictionary<string, object?> Empty = new Dictionary<string, object?>();

    public static Dictionary<string, object?> Of(params (string Key, object? Value)[] entries) =>
        entries.ToDictionary(e => e.Key, e => e.Value);
}
