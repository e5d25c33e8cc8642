using System.Collections.Immutable;

namespace KnowledgeGraph.Storage.Indexes;

/// <summary>
/// A hash from string value to node ids over one immutable entry set, built once that set has been probed often
/// enough to pay for it. Bulk writes (<c>LOAD CSV … MATCH (a:Person {key: row[0]})</c>, relationship batches) seek the
/// same unchanged index hundreds of thousands of times; a tree seek costs a log-depth walk with generic comparisons
/// and an indexed read per hit, the hash one string hash.
/// Invariants: the probe answers exactly what a tree seek answers for a string (strings compare ordinally and only
/// equal strings; ids ascending), because it is built from the very set it belongs to (<see cref="Entries"/>), and a
/// set never changes: a write makes a new set, and the index then starts a new probe that counts from zero. A set that
/// keeps changing (a statement creating the nodes it seeks) never reaches the threshold, so it never pays for a build
/// it cannot reuse. The probe is held by its <see cref="IndexState"/> and handed on by a fork while the set is the same,
/// so the batches of an UNWIND load share one.
/// </summary>
internal sealed class StringProbe(ImmutableSortedSet<IndexEntry> entries)
{
    /// <summary>Smaller sets are searched in the tree: a probe would not pay for itself.</summary>
    public const int MinimumEntries = 256;

    private readonly int _threshold = 64 + entries.Count / 16;
    private int _seeks;
    private volatile Dictionary<string, long[]>? _ids;

    public ImmutableSortedSet<IndexEntry> Entries { get; } = entries;

    /// <summary>The ids holding <paramref name="value"/>, ascending, or null when the probe is not built (yet).</summary>
    public long[]? TryFind(string value)
    {
        if (_ids is { } ids) return ids.TryGetValue(value, out var found) ? found : [];
        // Exactly one reader builds (the one reaching the threshold); the others seek the tree until it is published.
        if (Interlocked.Increment(ref _seeks) != _threshold) return null;
        var built = Build(Entries);
        _ids = built;
        return built.TryGetValue(value, out var hit) ? hit : [];
    }

    private static Dictionary<string, long[]> Build(ImmutableSortedSet<IndexEntry> entries)
    {
        var map = new Dictionary<string, long[]>(StringComparer.Ordinal);
        string? last = null;
        var run = new List<long>();
        void Flush()
        {
            if (last is not null) map[last] = run.ToArray();
            run.Clear();
        }

        // Entries sort by value then id, and strings form one contiguous family: equal strings are adjacent.
        foreach (var e in entries)
        {
            if (e.Value is not string s) continue;
            if (!string.Equals(s, last, StringComparison.Ordinal))
            {
                Flush();
                last = s;
            }

            run.Add(e.NodeId);
        }

        Flush();
        return map;
    }
}
