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

    private static object[] MakeSmall(int count)
    {
        var boxes = new object[count];
        for (var i = 0; i < count; i++) boxes[i] = SmallMin + i;
        return boxes;
    }
}
