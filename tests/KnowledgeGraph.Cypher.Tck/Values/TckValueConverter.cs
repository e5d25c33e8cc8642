namespace KnowledgeGraph.Cypher.Tck.Values;

/// <summary>
/// Turns a TCK literal into an engine value, for <c>parameters are:</c> and procedure tables. Nodes,
/// relationships and paths cannot be passed in: they are patterns, not entities.
/// </summary>
public static class TckValueConverter
{
    /// <summary>Converts to the engine's value model (long, double, string, bool, list, map, null).</summary>
    public static object? ToEngineValue(TckValue value) => value switch
    {
        TckNull => null,
        TckBoolean b => b.Value,
        TckInteger i => i.Value,
        TckFloat f => f.Value,
        TckString s => s.Value,
        TckList l => l.Items.Select(ToEngineValue).ToList(),
        TckMap m => ToDictionary(m),
        _ => throw new NotSupportedException($"A {value.GetType().Name} cannot be used as a parameter value."),
    };

    private static IReadOnlyDictionary<string, object?> ToDictionary(TckMap map)
    {
        var dict = new Dictionary<string, object?>(StringComparer.Ordinal);
        foreach (var (key, v) in map.Entries) dict[key] = ToEngineValue(v);
        return dict;
    }

    /// <summary>
    /// Structural equality of engine values as a procedure's argument matching needs it: null equals null,
    /// integers never equal floats, lists and maps by content.
    /// </summary>
    public static bool EngineValuesEqual(object? a, object? b)
    {
        switch (a)
        {
            case null: return b is null;
            case IReadOnlyList<object?> la when b is IReadOnlyList<object?> lb:
                return la.Count == lb.Count && la.Zip(lb).All(p => EngineValuesEqual(p.First, p.Second));
            case IReadOnlyDictionary<string, object?> ma when b is IReadOnlyDictionary<string, object?> mb:
                return ma.Count == mb.Count && ma.All(kv => mb.TryGetValue(kv.Key, out var v) && EngineValuesEqual(kv.Value, v));
            default:
                return b is not null && a.GetType() == b.GetType() && a.Equals(b);
        }
    }
}
