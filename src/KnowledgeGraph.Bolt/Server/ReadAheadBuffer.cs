namespace KnowledgeGraph.Bolt.Server;

/// <summary>
/// Bytes a connection read from the socket before its request loop asked for them (the pump's and the direct
/// watchdog's read-ahead): appended at the end, consumed from the front, in arrival order. Not thread-safe: the owner
/// uses it under its own lock.
/// Invariants:
/// <list type="bullet">
/// <item><c>0 ≤ _start ≤ _end ≤ _storage.Length</c>; the buffered bytes are <c>_storage[_start.._end]</c>.</item>
/// <item>Empty means <c>_start == _end == 0</c>: a drained buffer starts over at the front.</item>
/// <item>Once drained, the storage is dropped when it is larger than <c>keepWhenDrained</c> bytes, so a connection
/// between bursts holds at most that much (an idle pool of connections costs little).</item>
/// <item>New storage is <c>max(needed, min(2 × old size, growthCap))</c> bytes: it doubles up to the cap, and a need
/// beyond that gets exactly what it needs (the first storage is exactly the first bytes' size).</item>
/// </list>
/// </summary>
internal sealed class ReadAheadBuffer(int growthCap, int keepWhenDrained)
{
    private byte[] _storage = [];
    private int _start;
    private int _end;

    /// <summary>Bytes buffered.</summary>
    public int Count => _end - _start;

    /// <summary>The storage's size (tests check the growth and drop rules).</summary>
    internal int Capacity => _storage.Length;

    /// <summary>The buffered bytes, oldest first; valid until the next call that changes the buffer.</summary>
    public ReadOnlySpan<byte> Buffered => _storage.AsSpan(_start, _end - _start);

    /// <summary>
    /// Room for <paramref name="count"/> more bytes at the end, to be filled and then committed with
    /// <see cref="Commit"/> (fewer may be committed). Moves the buffered bytes to the front, or into larger storage,
    /// when the room is not there.
    /// </summary>
    public Span<byte> Reserve(int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        if (_end + count > _storage.Length)
        {
            var buffered = _end - _start;
            var target = _storage;
            if (buffered + count > _storage.Length)
            {
                target = new byte[Math.Max(buffered + count, Math.Min(_storage.Length * 2, growthCap))];
            }
            _storage.AsSpan(_start, buffered).CopyTo(target);
            _storage = target;
            _start = 0;
            _end = buffered;
        }
        return _storage.AsSpan(_end, count);
    }

    /// <summary>Adds the first <paramref name="count"/> bytes of the span <see cref="Reserve"/> returned.</summary>
    public void Commit(int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(count, _storage.Length - _end);
        _end += count;
    }

    /// <summary>Adds <paramref name="bytes"/> at the end.</summary>
    public void Append(ReadOnlySpan<byte> bytes)
    {
        bytes.CopyTo(Reserve(bytes.Length));
        _end += bytes.Length;
    }

    /// <summary>Puts <paramref name="bytes"/> in front of the buffered ones (bytes read and then given back).</summary>
    public void Prepend(ReadOnlySpan<byte> bytes)
    {
        if (bytes.IsEmpty) return;
        var buffered = _end - _start;
        var merged = new byte[bytes.Length + buffered];
        bytes.CopyTo(merged);
        _storage.AsSpan(_start, buffered).CopyTo(merged.AsSpan(bytes.Length));
        _storage = merged;
        _start = 0;
        _end = merged.Length;
    }

    /// <summary>Moves up to <paramref name="destination"/>'s length of the oldest bytes there; returns how many.</summary>
    public int Read(Span<byte> destination)
    {
        var count = Math.Min(destination.Length, _end - _start);
        _storage.AsSpan(_start, count).CopyTo(destination);
        _start += count;
        if (_start == _end)
        {
            _start = _end = 0;
            if (_storage.Length > keepWhenDrained) _storage = [];
        }
        return count;
    }
}
