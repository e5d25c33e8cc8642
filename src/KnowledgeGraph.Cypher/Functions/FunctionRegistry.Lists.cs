using KnowledgeGraph.Cypher.QueryErrors;
using KnowledgeGraph.Cypher.Values;

namespace KnowledgeGraph.Cypher.Functions;

internal static partial class FunctionRegistry
{
    private static IReadOnlyList<object?> ListArg(object? v, string fn) =>
        v is IReadOnlyList<object?> l && v is not string ? l : throw Err.Type($"{fn}() expects a list but got {CypherValues.TypeName(v)}");

    private static void AddLists(Dictionary<string, (int, int, Fn)> d)
    {
        d["coalesce"] = (1, int.MaxValue, (a, c) => a.FirstOrDefault(x => x is not null));
        d["head"] = (1, 1, (a, c) => a[0] is null ? null : ListArg(a[0], "head") is { Count: > 0 } l ? l[0] : null);
        d["last"] = (1, 1, (a, c) => a[0] is null ? null : ListArg(a[0], "last") is { Count: > 0 } l ? l[^1] : null);
        d["tail"] = (1, 1, (a, c) => a[0] is null ? null : ListArg(a[0], "tail").Skip(1).ToList());
        d["size"] = (1, 1, (a, c) => a[0] switch
        {
            null => null,
            string s => Boxed.Of(s.Length),
            IReadOnlyList<object?> l => Boxed.Of(l.Count),
            _ => throw Err.Type($"size() expects a list or string but got {CypherValues.TypeName(a[0])}"),
        });
        d["isempty"] = (1, 1, (a, c) => a[0] switch
        {
            null => null,
            string s => s.Length == 0,
            IReadOnlyList<object?> l => l.Count == 0,
            IReadOnlyDictionary<string, object?> m => m.Count == 0,
            _ => throw Err.Type($"isEmpty() expects a list, map or string but got {CypherValues.TypeName(a[0])}"),
        });
        d["reverse"] = (1, 1, (a, c) => a[0] switch
        {
            null => null,
            string s => new string(s.Reverse().ToArray()),
            IReadOnlyList<object?> l => l.Reverse().ToList(),
            _ => throw Err.Type($"reverse() expects a list or string but got {CypherValues.TypeName(a[0])}"),
        });
        d["range"] = (2, 3, (a, c) => RangeBounds(a, out var start, out var end, out var step) ? new LongRange(start, end, step) : null);
        d["tointegerlist"] = (1, 1, (a, c) => a[0] is null ? null : ListArg(a[0], "toIntegerList").Select(x => Conversions.ToInteger(x, true)).ToList());
        d["tofloatlist"] = (1, 1, (a, c) => a[0] is null ? null : ListArg(a[0], "toFloatList").Select(x => Conversions.ToFloat(x, true)).ToList());
        d["tostringlist"] = (1, 1, (a, c) => a[0] is null ? null : ListArg(a[0], "toStringList").Select(Conversions.ToStringOrNull).ToList());
        d["tobooleanlist"] = (1, 1, (a, c) => a[0] is null ? null : ListArg(a[0], "toBooleanList").Select(x => Conversions.ToBoolean(x, true)).ToList());
        d["tostring"] = (1, 1, (a, c) => a[0] is null ? null : Conversions.ToCypherString(a[0]));
        d["tostringornull"] = (1, 1, (a, c) => Conversions.ToStringOrNull(a[0]));
        d["tointeger"] = (1, 1, (a, c) => Conversions.ToInteger(a[0], false));
        d["tointegerornull"] = (1, 1, (a, c) => Conversions.ToInteger(a[0], true));
        d["tofloat"] = (1, 1, (a, c) => Conversions.ToFloat(a[0], false));
        d["tofloatornull"] = (1, 1, (a, c) => Conversions.ToFloat(a[0], true));
        d["toboolean"] = (1, 1, (a, c) => Conversions.ToBoolean(a[0], false));
        d["tobooleanornull"] = (1, 1, (a, c) => Conversions.ToBoolean(a[0], true));
    }

    /// <summary>The checked arguments of <c>range(start, end[, step])</c> (2 or 3 values); false when one is null
    /// (the result is null). The one home of range's argument rules, for the function and for compiled loops that
    /// iterate a range without building it.</summary>
    internal static bool RangeBounds(ReadOnlySpan<object?> a, out long start, out long end, out long step)
    {
        start = end = step = 0;
        foreach (var x in a)
            if (x is null) return false;
        // Neo4j (and TCK List11) report a non-INTEGER bound or step as an ArgumentError, not a TypeError.
        start = RangeArg(a[0], "start");
        end = RangeArg(a[1], "end");
        step = a.Length > 2 ? RangeArg(a[2], "step") : 1L;
        if (step == 0) throw Err.Argument("Step argument to range() can't be 0", "NumberOutOfRange");
        return true;
    }

    private static long RangeArg(object? v, string which) => v as long? ??
        throw Err.Argument($"range() expects an INTEGER {which} but got {CypherValues.TypeName(v)}", "InvalidArgumentType");
}
