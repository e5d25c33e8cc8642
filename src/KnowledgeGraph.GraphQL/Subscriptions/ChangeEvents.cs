using System.Collections;

namespace KnowledgeGraph.GraphQL.Subscriptions;

/// <summary>Turns a Neo4j CDC event map (<c>db.cdc.query</c>'s <c>event</c> column) into a <see cref="GraphChange"/>.</summary>
internal static class ChangeEvents
{
    public static GraphChange? Parse(IReadOnlyDictionary<string, object?>? e)
    {
        if (e is null || e.GetValueOrDefault("elementId") is not string elementId) return null;
        var operation = e.GetValueOrDefault("operation") switch
        {
            "c" => ChangeOperation.Created,
            "d" => ChangeOperation.Deleted,
            _ => ChangeOperation.Updated,
        };
        var state = e.GetValueOrDefault("state") as IReadOnlyDictionary<string, object?>;
        var before = Properties(state?.GetValueOrDefault("before"));
        var after = Properties(state?.GetValueOrDefault("after"));
        var changed = Changed(before, after);
        if (e.GetValueOrDefault("eventType") as string == "r")
        {
            var start = e.GetValueOrDefault("start") as IReadOnlyDictionary<string, object?>;
            var end = e.GetValueOrDefault("end") as IReadOnlyDictionary<string, object?>;
            return new GraphChange
            {
                IsNode = false,
                Operation = operation,
                ElementId = elementId,
                Type = e.GetValueOrDefault("type") as string,
                StartElementId = start?.GetValueOrDefault("elementId") as string,
                EndElementId = end?.GetValueOrDefault("elementId") as string,
                StartLabels = Strings(start?.GetValueOrDefault("labels")),
                EndLabels = Strings(end?.GetValueOrDefault("labels")),
                StartKey = KeyOf(start?.GetValueOrDefault("keys")),
                EndKey = KeyOf(end?.GetValueOrDefault("keys")),
                Before = before,
                After = after,
                ChangedProperties = changed,
            };
        }
        return new GraphChange
        {
            IsNode = true,
            Operation = operation,
            ElementId = elementId,
            Labels = Strings(e.GetValueOrDefault("labels")),
            Key = KeyOf(e.GetValueOrDefault("keys")) ?? (after ?? before)?.GetValueOrDefault("key") as string,
            Before = before,
            After = after,
            ChangedProperties = changed,
        };
    }

    private static IReadOnlyDictionary<string, object?>? Properties(object? side) =>
        side is IReadOnlyDictionary<string, object?> s ? s.GetValueOrDefault("properties") as IReadOnlyDictionary<string, object?> ?? new Dictionary<string, object?>() : null;

    private static IReadOnlyList<string> Strings(object? value) =>
        value is IEnumerable list and not string ? list.OfType<string>().ToList() : [];

    /// <summary>The <c>key</c> property among the logical keys (a map of label to key maps).</summary>
    private static string? KeyOf(object? keys)
    {
        if (keys is not IReadOnlyDictionary<string, object?> byLabel) return null;
        foreach (var maps in byLabel.Values)
            if (maps is IEnumerable list)
                foreach (var m in list)
                    if (m is IReadOnlyDictionary<string, object?> map && map.GetValueOrDefault("key") is string key) return key;
        return null;
    }

    internal static IReadOnlyList<string> Changed(IReadOnlyDictionary<string, object?>? before, IReadOnlyDictionary<string, object?>? after)
    {
        var keys = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var (k, v) in after ?? new Dictionary<string, object?>())
            if (before is null || !before.TryGetValue(k, out var old) || !Same(old, v)) keys.Add(k);
        foreach (var k in (before ?? new Dictionary<string, object?>()).Keys)
            if (after is null || !after.ContainsKey(k)) keys.Add(k);
        return [.. keys];
    }

    internal static bool Same(object? a, object? b)
    {
        if (a is null || b is null) return a is null && b is null;
        if (a is IEnumerable la and not string && b is IEnumerable lb and not string)
            return la.Cast<object?>().SequenceEqual(lb.Cast<object?>(), SameComparer.Instance);
        return Equals(a, b);
    }

    private sealed class SameComparer : IEqualityComparer<object?>
    {
        public static readonly SameComparer Instance = new();
        public new bool Equals(object? x, object? y) => Same(x, y);
        public int GetHashCode(object? obj) => 0;
    }
}
