using System.Collections;
using KnowledgeGraph.Cypher.Values;

namespace KnowledgeGraph.Cypher.Memory;

/// <summary>
/// Cheap size estimates of engine values, in bytes of managed heap. Lists and maps are estimated one level deep
/// (their elements as boxed scalars) so an estimate is O(1) and never walks a large value; a lazy
/// <c>range()</c> costs almost nothing until something materialises it.
/// </summary>
internal static class MemoryEstimate
{
    /// <summary>A boxed scalar, or a reference to anything else.</summary>
    public const long Scalar = 24;

    /// <summary>One row buffered by an operator, beside its values.</summary>
    public const long RowOverhead = 64;

    public static long Of(object? v) => v switch
    {
        null => 8,
        _ when IsScalar(v) => Scalar + 8,
        string s => 24 + (2L * s.Length),
        byte[] b => 24 + b.Length,
        LongRange => 48,
        IList l => List(l.Count),
        IReadOnlyCollection<object?> l => List(l.Count),
        IDictionary d => Map(d.Count),
        IReadOnlyCollection<KeyValuePair<string, object?>> m => Map(m.Count),
        PathValue p => 64 + (16L * (p.Nodes.Length + p.Rels.Length)),
        _ => Scalar + 8,
    };

    // Boxed scalars and entities, tested by exact class before any interface test (which they would all fail, each a
    // walk of the value's interface map): what rows, sort keys and collects hold most.
    private static bool IsScalar(object v) => v is long or double or bool or NodeValue or RelValue;

    /// <summary>A list of <paramref name="count"/> elements: the array of references plus boxed elements.</summary>
    public static long List(long count) => 32 + (count * (8 + Scalar));

    public static long Map(long count) => 80 + (count * 48);

    /// <summary>
    /// A buffered row of <paramref name="values"/>. Lists and maps in rows are mostly references shared by many rows
    /// (<c>WITH collect(n) AS ns UNWIND ns AS n ...</c> puts the same list in every row) and were accounted by whatever
    /// built them, so a row counts them as a reference; counting their contents per row would charge the same list
    /// thousands of times.
    /// </summary>
    public static long Row(IReadOnlyList<object?> values)
    {
        if (values is object?[] array) return Row(array);
        var total = RowOverhead;
        for (var i = 0; i < values.Count; i++) total += 16 + Shallow(values[i]);
        return total;
    }

    /// <summary><see cref="Row(IReadOnlyList{object})"/> of a slot row, read as an array.</summary>
    public static long Row(object?[] values)
    {
        var total = RowOverhead;
        foreach (var value in values) total += 16 + Shallow(value);
        return total;
    }

    private static long Shallow(object? v) => v switch
    {
        null => 8,
        _ when IsScalar(v) => Scalar + 8,
        string s => 24 + (2L * s.Length),
        List<object?> => 40,
        IEnumerable and not byte[] => 40,
        _ => Of(v),
    };
}
