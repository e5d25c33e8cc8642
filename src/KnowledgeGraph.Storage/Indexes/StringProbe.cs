using System.Collections.Immutable;
using System.Runtime.CompilerServices;

namespace KnowledgeGraph.Storage.Indexes;

/// <summary>
/// A hash from string value to node ids over one immutable entry set, built once that set has been probed often
/// enough to pay for it. Bulk writes (<c>LOAD CSV … MATCH (a:Person {key: row[0]})</c>, relationship batches) seek the
/// same unchanged index hundreds of thousands of times; a tree seek costs a log-depth walk with generic comparisons
/// and an indexed read per hit, the hash one string hash.
/// Invariants: the probe answers exactly what <see cref="IndexState.Seek"/> answers for a string (strings compare
/// ordinally and only equal strings; ids ascending), because it is built from the very set it is keyed by, and a set
/// never changes (a write makes a new set, which starts counting from zero). A set that keeps changing (a statement
/// creating the nodes it seeks) never reaches the threshold, so it never pays for a build it cannot reuse.
/// </summary>
internal sealed class StringProbe
{
    private static readonly ConditionalWeakTable<ImmutableSortedSet<IndexEntry>, StringProbe> Probes = new();

    private readonly int _threshold;
    private int _seeks;
    private volatile Dictionary<string, long[]>? _ids;

    private StringProbe(int count) => _threshold = 64 + count / 16;

    /// <summary>The ids holding <paramref name="value"/>, ascending, or null when the set has no probe (yet).</summary>
    public static long[]? TryFind(ImmutableSortedSet<IndexEntry> entries, string value)
    {
        if (entries.Count < 256) return null;
        var probe = Probes.GetValue(entries, static e => new StringProbe(e.Count));
        if (probe._ids is { } ids) return ids.TryGetValue(value, out var found) ? found : [];
        // Exactly one reader builds (the one reaching the threshold); the others seek the tree until it is published.
        if (Interlocked.Increment(ref probe._seeks) != probe._threshold) return null;
        probe._ids = Build(entries);
        return probe._ids.TryGetValue(value, out var hit) ? hit : [];
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
