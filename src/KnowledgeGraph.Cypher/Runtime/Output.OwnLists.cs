using KnowledgeGraph.Cypher.Values;

namespace KnowledgeGraph.Cypher.Runtime;

internal static partial class Output
{
    /// <summary>
    /// <paramref name="values"/> with every list inside them (at any depth, in lists and maps) copied when it is, or
    /// holds, an array the engine may share with the store; the same list object when there is none. For code outside
    /// the engine that receives engine values (host procedures), which may treat a list as writable.
    /// </summary>
    public static IReadOnlyList<object?> OwnLists(IReadOnlyList<object?> values)
    {
        object?[]? copy = null;
        for (var i = 0; i < values.Count; i++)
        {
            var own = OwnList(values[i]);
            if (ReferenceEquals(own, values[i])) continue;
            copy ??= [.. values];
            copy[i] = own;
        }
        return copy ?? values;
    }

    /// <summary>The value itself when no shared array is inside it, else a copy down to those arrays.</summary>
    private static object? OwnList(object? value)
    {
        switch (value)
        {
            case object?[] array:
                var cloned = (object?[])array.Clone();
                for (var i = 0; i < cloned.Length; i++) cloned[i] = OwnList(cloned[i]);
                return cloned;
            case List<object?> list:
                List<object?>? copied = null;
                for (var i = 0; i < list.Count; i++)
                {
                    var own = OwnList(list[i]);
                    if (ReferenceEquals(own, list[i])) continue;
                    copied ??= [.. list];
                    copied[i] = own;
                }
                return copied ?? (object?)list;
            case Dictionary<string, object?> map:
                Dictionary<string, object?>? mapCopy = null;
                foreach (var (key, item) in map)
                {
                    var own = OwnList(item);
                    if (ReferenceEquals(own, item)) continue;
                    mapCopy ??= new Dictionary<string, object?>(map, map.Comparer);
                    mapCopy[key] = own;
                }
                return mapCopy ?? (object?)map;
            case CompactMap compact:
                return compact.Convert(0, static (item, _) => OwnList(item));
            default:
                return value;
        }
    }
}
