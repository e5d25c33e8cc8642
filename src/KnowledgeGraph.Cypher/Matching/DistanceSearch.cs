using KnowledgeGraph.Cypher.Runtime;

namespace KnowledgeGraph.Cypher.Matching;

/// <summary>
/// Breadth-first distances towards a bound far node, grown one radius at a time as walks towards it need them: the
/// one search behind both walks that prune by distance (the matcher's reach table, <see cref="PatternMatcher"/>, and the
/// bound-pair walk's, <see cref="WalkGraph"/>). A subclass supplies the graph: the relationships of a node against the
/// walk's direction that the walk could take, and the nodes it could go on from.
/// <para>
/// Invariants: a distance is a lower bound on the hops any admitted walk needs (a subclass applies no constraint the
/// walk does not, and ignoring one — uniqueness, the pattern's property map, inline WHERE — only shortens distances),
/// so pruning by it cuts only branches that cannot end at the target. Every node within <see cref="_complete"/> hops
/// is in the table; past the budget of relationships read, the search stops with the radius before the current one
/// complete (nodes found at the current one still have their exact distance).
/// </para>
/// </summary>
internal abstract class DistanceSearch
{
    /// <summary>Relationships one search may read; past that, the radius it completed is used and farther nodes are
    /// not pruned.</summary>
    private const int Budget = 200_000;

    private readonly Dictionary<long, int> _distance = [];
    private List<long> _frontier = [];
    private List<long>? _next;
    // The list the last radius read from, kept to be the next radius' list (the search swaps the two).
    private List<long>? _spare;
    private long _target;
    private int _depth;
    private int _read;
    private bool _exhausted;
    private int _complete;

    protected DistanceSearch(long target) => Restart(target);

    /// <summary>Starts over towards <paramref name="target"/>: nothing searched yet (the table and lists keep their
    /// capacity, for a search reused by a later statement).</summary>
    protected void Restart(long target)
    {
        _distance.Clear();
        _distance[target] = 0;
        _frontier.Clear();
        _frontier.Add(target);
        // _next may be the frontier itself (after a radius): forgotten, not cleared.
        _next = null;
        _target = target;
        (_depth, _read, _exhausted, _complete) = (0, 0, false, 0);
    }

    /// <summary>Nodes in the table (for a pool deciding whether the search is small enough to keep).</summary>
    protected int Size => _distance.Count;

    /// <summary>False when no walk of at most <paramref name="hopsLeft"/> more relationships from
    /// <paramref name="node"/> can end at the target.</summary>
    public bool MayReach(long node, long hopsLeft) =>
        // Not within the radius searched: farther than it when that radius was completed.
        _distance.TryGetValue(node, out var d) ? d <= hopsLeft : hopsLeft > _complete;

    public void Extend(int radius, ExecContext ctx)
    {
        while (!_exhausted && _complete < radius)
        {
            if (_frontier.Count == 0)
            {
                // Nothing left to reach: every node that can reach the target is in the table.
                _complete = int.MaxValue;
                return;
            }
            _depth = _complete + 1;
            _next = _spare ?? [];
            _next.Clear();
            foreach (var node in _frontier)
            {
                // A node other than the target is an inner node of any walk through it.
                if (node != _target && !PassesThrough(node, ctx)) continue;
                if (!Visit(node, ctx)) return;
            }
            (_spare, _frontier) = (_frontier, _next);
            _complete = _depth;
        }
    }

    /// <summary>Whether a walk could go on from <paramref name="node"/> (an inner node of it).</summary>
    protected abstract bool PassesThrough(long node, ExecContext ctx);

    /// <summary>Reads <paramref name="node"/>'s relationships against the walk's direction, calling <see cref="Count"/>
    /// before each and <see cref="Reached"/> for the far end of each the walk could take; false as soon as
    /// <see cref="Count"/> is.</summary>
    protected abstract bool Visit(long node, ExecContext ctx);

    /// <summary>Counts one relationship read; false once the budget is spent (the search then stops).</summary>
    protected bool Count()
    {
        if (++_read <= Budget) return true;
        _exhausted = true;
        return false;
    }

    /// <summary>True when <paramref name="node"/> already has its distance (no verdict on a relationship to it is needed).</summary>
    protected bool Known(long node) => _distance.ContainsKey(node);

    /// <summary>Records <paramref name="node"/> at the radius being searched, unless it is nearer.</summary>
    protected void Reached(long node)
    {
        if (_distance.TryAdd(node, _depth)) _next!.Add(node);
    }
}
