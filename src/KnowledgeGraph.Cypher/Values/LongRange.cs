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
        var span = step > 0 ? (decimal)end - start : (decimal)start - end;
        return span < 0 ? 0 : (long)Math.Min(decimal.Floor(span / Math.Abs((decimal)step)) + 1, long.MaxValue);
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
