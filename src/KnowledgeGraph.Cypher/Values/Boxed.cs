namespace KnowledgeGraph.Cypher.Values;

/// <summary>
/// Shared boxes for the values expressions produce most: booleans (every comparison, predicate and label test) and
/// small integers (sizes, indexes, <c>range</c> elements, imported ages and years). Values are passed as <c>object?</c>, so each result would
/// otherwise be a new heap object; a box is immutable, so one instance per value is indistinguishable from many.
/// </summary>
internal static class Boxed
{
    public static readonly object True = true;

    public static readonly object False = false;

    private const long SmallMin = -128;

    private static readonly object[] Small = MakeSmall(4096 + 128);

    public static object Of(bool value) => value ? True : False;

    public static object? Of(bool? value) => value is { } b ? (b ? True : False) : null;

    /// <summary>A box for <paramref name="value"/>, shared for -128..4095.</summary>
    public static object Of(long value)
    {
        var i = (ulong)(value - SmallMin);
        return i < (ulong)Small.Length ? Small[i] : value;
    }

    [ThreadStatic]
    private static object?[]? _doubles;

    /// <summary>
    /// A box for <paramref name="value"/>, reused when this thread boxed the same bits recently: arithmetic over
    /// scores and weights (the GraphQL <c>paths</c> ranking) yields the same few doubles over and over. A small
    /// direct-mapped table per thread (compiled delegates run on many threads); a miss boxes anew and takes the
    /// entry. Equal means equal bits, so 0.0 and -0.0 (and NaN payloads) keep boxes of their own.
    /// </summary>
    public static object Of(double value)
    {
        var table = _doubles ??= new object?[DoubleSlots];
        var bits = BitConverter.DoubleToInt64Bits(value);
        var slot = (int)((ulong)(bits ^ (bits >> 21) ^ (bits >> 42)) % DoubleSlots);
        if (table[slot] is double kept && BitConverter.DoubleToInt64Bits(kept) == bits) return table[slot]!;
        object box = value;
        table[slot] = box;
        return box;
    }

    private const int DoubleSlots = 251;

    private static object[] MakeSmall(int count)
    {
        var boxes = new object[count];
        for (var i = 0; i < count; i++) boxes[i] = SmallMin + i;
        return boxes;
    }
}
