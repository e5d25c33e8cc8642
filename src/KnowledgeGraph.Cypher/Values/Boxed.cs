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

    /// <summary>Recent double boxes, shared by all threads (see <see cref="Of(double)"/>).</summary>
    private static readonly object?[] Doubles = new object?[DoubleSlots];

    /// <summary>
    /// A box for <paramref name="value"/>, reused when the same bits were boxed recently: arithmetic over scores and
    /// weights (the GraphQL <c>paths</c> ranking) yields the same few doubles over and over. A small direct-mapped
    /// table; a miss boxes anew and takes the entry. Equal means equal bits, so 0.0 and -0.0 (and NaN payloads) keep
    /// boxes of their own. One table for every thread rather than one per thread (reaching a thread's own table cost
    /// more than the rest of the lookup): an entry is read once into a local and its box is immutable, so a racing
    /// writer can only make a lookup miss, never return another value.
    /// </summary>
    public static object Of(double value)
    {
        var bits = BitConverter.DoubleToInt64Bits(value);
        var slot = (int)((ulong)(bits ^ (bits >> 21) ^ (bits >> 42)) % DoubleSlots);
        var kept = Doubles[slot];
        if (kept is double d && BitConverter.DoubleToInt64Bits(d) == bits) return kept;
        object box = value;
        Doubles[slot] = box;
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
