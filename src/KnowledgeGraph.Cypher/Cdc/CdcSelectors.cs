using KnowledgeGraph.Errors;
using KnowledgeGraph.Storage.Changes;

namespace KnowledgeGraph.Cypher.Cdc;

/// <summary>
/// <c>db.cdc.query</c>'s selectors: an event is returned when it matches any selector (no selector: every event).
/// Supported: <c>select</c> (e, n, r), <c>operation</c>, <c>changesTo</c>, <c>elementId</c>; for nodes <c>labels</c>
/// (all of them, before or after) and <c>key</c>; for relationships <c>type</c>, <c>key</c>, and <c>start</c> /
/// <c>end</c> with <c>elementId</c>, <c>labels</c> and <c>key</c>. Metadata selectors (<c>executingUser</c>,
/// <c>authenticatedUser</c>, <c>txMetadata</c>) are accepted and match the empty values this engine records.
/// </summary>
internal sealed class CdcSelectors
{
    private static readonly HashSet<string> Known = new(StringComparer.Ordinal)
    {
        "select", "operation", "changesTo", "elementId", "labels", "key", "type", "start", "end",
        "executingUser", "authenticatedUser", "txMetadata",
    };

    private readonly IReadOnlyList<IReadOnlyDictionary<string, object?>> _selectors;

    private CdcSelectors(IReadOnlyList<IReadOnlyDictionary<string, object?>> selectors) => _selectors = selectors;

    public static CdcSelectors Parse(IReadOnlyList<object?>? selectors)
    {
        var list = new List<IReadOnlyDictionary<string, object?>>();
        foreach (var s in selectors ?? [])
        {
            if (s is not IReadOnlyDictionary<string, object?> map) throw Invalid("a selector must be a map");
            if (map.GetValueOrDefault("select") is not ("e" or "n" or "r"))
                throw Invalid("a selector needs select: 'e', 'n' or 'r'");
            if (map.GetValueOrDefault("operation") is { } op && op is not ("c" or "u" or "d"))
                throw Invalid("operation must be 'c', 'u' or 'd'");
            foreach (var key in map.Keys)
                if (!Known.Contains(key)) throw Invalid($"unknown selector field '{key}'");
            list.Add(map);
        }
        return new CdcSelectors(list);
    }

    public bool Matches(EntityChange change) => _selectors.Count == 0 || _selectors.Any(s => Matches(s, change));

    private static bool Matches(IReadOnlyDictionary<string, object?> s, EntityChange change)
    {
        var select = (string)s["select"]!;
        if (select == "n" && change is not NodeChange) return false;
        if (select == "r" && change is not RelationshipChange) return false;
        if (s.GetValueOrDefault("operation") is string op && op != CdcEvents.Operation(change.Operation)) return false;
        if (s.GetValueOrDefault("elementId") is string id && id != change.ElementId) return false;
        if (s.GetValueOrDefault("changesTo") is IReadOnlyList<object?> changesTo
            && !changesTo.All(p => p is string name && change.ChangedProperties.Contains(name, StringComparer.Ordinal))) return false;
        if (s.GetValueOrDefault("executingUser") is string eu && eu.Length > 0) return false;
        if (s.GetValueOrDefault("authenticatedUser") is string au && au.Length > 0) return false;
        if (s.GetValueOrDefault("txMetadata") is IReadOnlyDictionary<string, object?> { Count: > 0 }) return false;
        return change switch
        {
            NodeChange n => MatchesNode(s, n.Before?.Labels, n.After?.Labels, n.Keys),
            RelationshipChange r => MatchesRelationship(s, r),
            _ => false,
        };
    }

    private static bool MatchesNode(IReadOnlyDictionary<string, object?> s, IReadOnlyList<string>? before, IReadOnlyList<string>? after,
        IReadOnlyDictionary<string, IReadOnlyList<IReadOnlyDictionary<string, object>>> keys)
    {
        if (s.GetValueOrDefault("labels") is IReadOnlyList<object?> labels)
        {
            bool HasAll(IReadOnlyList<string>? have) => have is not null && labels.All(l => l is string x && have.Contains(x, StringComparer.Ordinal));
            if (!HasAll(before) && !HasAll(after)) return false;
        }
        return s.GetValueOrDefault("key") is not IReadOnlyDictionary<string, object?> key || KeyMatches(key, keys);
    }

    private static bool MatchesRelationship(IReadOnlyDictionary<string, object?> s, RelationshipChange r)
    {
        if (s.GetValueOrDefault("type") is string type && type != r.Type) return false;
        if (s.GetValueOrDefault("key") is IReadOnlyDictionary<string, object?> { Count: > 0 }) return false; // no relationship keys here
        return Endpoint(s.GetValueOrDefault("start"), r.Start) && Endpoint(s.GetValueOrDefault("end"), r.End);
    }

    private static bool Endpoint(object? selector, NodeReference node)
    {
        if (selector is null) return true;
        if (selector is not IReadOnlyDictionary<string, object?> s) throw Invalid("start and end must be maps");
        if (s.GetValueOrDefault("elementId") is string id && id != node.ElementId) return false;
        return MatchesNode(s, node.Labels, node.Labels, node.Keys);
    }

    /// <summary>Every property of the selector's key equals that property in one key of the entity.</summary>
    private static bool KeyMatches(IReadOnlyDictionary<string, object?> key, IReadOnlyDictionary<string, IReadOnlyList<IReadOnlyDictionary<string, object>>> keys) =>
        key.All(kv => keys.Values.SelectMany(k => k).Any(m => m.TryGetValue(kv.Key, out var v) && Equals(Runtime.Output.FromStored(v), kv.Value)));

    private static GraphException Invalid(string reason) =>
        new(ErrorCodes.ArgumentError, $"Invalid change data capture selector: {reason}.") { Detail = "InvalidSelector" };
}
