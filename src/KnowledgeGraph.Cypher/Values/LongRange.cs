using System.Collections;

namespace KnowledgeGraph.Cypher.Values;

/// <summary>The list <c>range(start, end, step)</c> computed on demand, so <c>UNWIND range(1, 1e9)</c> streams.</summary>
internal sealed class LongRange : IReadOnlyList<object?>
{
    private readonly long _start;
    private readonly long _step;
    private readonly long _count;

    public LongRange(long start, long end, long step)
    {
        _start = start;
        _step = step;
        _count = CountOf(start, end, step);
    }

    /// <summary>How many elements <c>range(start, end, step)</c> has (step not 0); element i is start + i * step.
    /// Compiled loops over a range use it to iterate without building the list.</summary>
    public static long CountOf(long start, long end, long step)
    {
        // In unsigned 64-bit arithmetic, exactly (a compiled loop asks once per loop, and decimal division was a
        // visible share of a short one): the distance between two longs in the step's direction fits a ulong, as
        // does the step's magnitude; the count is capped at long.MaxValue.
        if (step > 0 ? end < start : start < end) return 0;
        var span = step > 0 ? unchecked((ulong)end - (ulong)start) : unchecked((ulong)start - (ulong)end);
        var quotient = span / (step > 0 ? (ulong)step : unchecked(0UL - (ulong)step));
        return quotient >= long.MaxValue ? long.MaxValue : (long)quotient + 1;
    }

    public int Count => (int)Math.Min(_count, int.MaxValue);

    public object? this[int index] => index >= 0 && index < _count ? Boxed.Of(_start + (index * _step)) : throw new ArgumentOutOfRangeException(nameof(index));

    public IEnumerator<object?> GetEnumerator()
    {
        var v = _start;
        for (long i = 0; i < _count; i++, v += _step) yield return Boxed.Of(v);
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
