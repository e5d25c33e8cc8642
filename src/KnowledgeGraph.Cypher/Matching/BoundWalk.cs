using KnowledgeGraph.Cypher.Runtime;
using KnowledgeGraph.Storage;

namespace KnowledgeGraph.Cypher.Matching;

/// <summary>
/// The walks of <c>(a)-[T*m..n]-(b)</c> with a and b bound and path predicates pushed into the walk
/// (<see cref="PathPredicates"/>), as the planned VarLengthExpand(Into) runs them: an iterative depth-first search over
/// arrays (the node and relationship of each depth, a cursor into each node's adjacency) instead of the matcher's
/// nested enumerators and rows, with each element's verdict and each node's adjacency from a <see cref="WalkGraph"/>
/// shared by the statement. It finds the matcher's paths in the matcher's order: from a, relationships in the store's
/// order, a path reported when reached (before its extensions), the same checks (trail semantics, distinct nodes,
/// node and relationship predicates, inner-node predicates before going on, the last hop only to b). Pruning cuts
/// only branches that cannot end at b: a node one hop before the last needs a relationship to b (looked up in b's
/// adjacency, kept once), farther ones a distance to b within the hops left (<see cref="WalkGraph.Distances"/>).
/// One walker serves one operator's input rows in turn (not thread-safe; a statement runs on one thread).
/// </summary>
internal sealed class BoundWalk
{
    /// <summary>Candidates two or more hops from the end a walk examines before it pays for a distance table (small
    /// walks, such as the seed graph's, never do; one from a hub soon does). A table another walk of the statement made
    /// is used at once.</summary>
    private const int DistancesAfterSteps = 256;

    private long min, max;
    private bool distinctNodes;
    private long[] _nodes = new long[8];
    private RelationshipRecord[] _rels = new RelationshipRecord[8];
    private Cursor[] _cursors = new Cursor[8];
    private int _depth;
    private bool _entering, _opening;
    private long _target;
    private WalkGraph _graph = null!;
    private WalkGraph.Distances? _distances;
    private int _steps;

    /// <summary>A walker for <c>*<paramref name="minHops"/>..<paramref name="maxHops"/></c>: one a finished operator
    /// of the statement returned (<see cref="Return"/>) when there is one, else a new one. The branches of a `paths`
    /// statement run one after another, so they share one walker (its arrays sized once); operators active at the
    /// same time each hold their own.</summary>
    public static BoundWalk Rent(long minHops, long maxHops, bool distinct, ExecContext ctx)
    {
        var idle = ctx.Memo(typeof(BoundWalk), ctx, static c => Idle.For(c)).Walks;
        var walk = idle.TryPop(out var found) ? found : Pool.Take() ?? new BoundWalk();
        (walk.min, walk.max, walk.distinctNodes) = (minHops, maxHops, distinct);
        return walk;
    }

    /// <summary>Gives a walker back once its operator is done with it (after <see cref="Close"/>).</summary>
    public static void Return(BoundWalk walk, ExecContext ctx)
    {
        walk._graph = null!;
        walk._distances = null;
        ctx.Memo(typeof(BoundWalk), ctx, static c => Idle.For(c)).Walks.Push(walk);
    }

    /// <summary>Walkers statements gave back, for later statements (arrays sized once per process, not per statement).</summary>
    private static readonly StatementPool<BoundWalk> Pool = new(16);

    /// <summary>Walkers deeper than this are not pooled (a long walk's arrays are not pinned).</summary>
    private const int KeepDepth = 64;

    /// <summary>The statement's idle walkers; when the statement is over (<see cref="ExecContext.Finish"/>) they are
    /// idle for good and go to <see cref="Pool"/>. A walker still held by an operator is not among them.</summary>
    private sealed class Idle : StatementLease
    {
        public readonly Stack<BoundWalk> Walks = new(2);

        public static Idle For(ExecContext ctx)
        {
            var idle = new Idle();
            // A statement already over keeps its walkers to itself (the GC takes them).
            ctx.Lease(idle);
            return idle;
        }

        public override void Release()
        {
            while (Walks.TryPop(out var walk))
            {
                if (walk._nodes.Length > KeepDepth) continue;
                // Closed cursors and old records would hold the statement's adjacency chunks.
                Array.Clear(walk._rels);
                Array.Clear(walk._cursors);
                Pool.Give(walk);
            }
        }
    }

    /// <summary>The graph the current walk reads (valid after <see cref="Start"/>).</summary>
    public WalkGraph Graph => _graph;

    /// <summary>Relationships of the path found (valid after <see cref="Next"/> returned true).</summary>
    public ReadOnlySpan<RelationshipRecord> Rels => _rels.AsSpan(0, _depth);

    /// <summary>Nodes of the path found, from a to b.</summary>
    public ReadOnlySpan<long> Nodes => _nodes.AsSpan(0, _depth + 1);

    /// <summary>Starts the walks from <paramref name="start"/> to <paramref name="target"/> (the start node already
    /// checked: it exists and the predicates on every node admit it).</summary>
    public void Start(long start, long target, WalkGraph graph)
    {
        Close();
        _nodes[0] = start;
        _depth = 0;
        _entering = true;
        _opening = false;
        _target = target;
        _graph = graph;
        _distances = null;
        _steps = 0;
    }

    /// <summary>Releases the store enumerators of a walk left before its end (a LIMIT above stopped reading).</summary>
    public void Close()
    {
        for (var i = 0; i < _cursors.Length; i++) _cursors[i].Close();
    }

    /// <summary>Advances to the next path; false when there are no more.</summary>
    public bool Next(ExecContext ctx)
    {
        while (_depth >= 0)
        {
            if (_entering)
            {
                _entering = false;
                _opening = true;
                if (_depth >= min && _nodes[_depth] == _target) return true;
            }
            if (_opening)
            {
                _opening = false;
                var at = _nodes[_depth];
                // Going on from a node makes it an inner node of every longer path.
                if (_depth >= max || (_depth >= 1 && !_graph.InnerOk(at, ctx)))
                {
                    _depth--;
                    continue;
                }
                // The last hop can only end at the target: asked from the target's side, most nodes have nothing to read.
                if (_depth + 1 == max && _graph.TryLastHop(_target, at, ctx, out var records, out var first, out var count) && count <= 1)
                {
                    if (count == 0)
                    {
                        _depth--;
                        continue;
                    }
                    _cursors[_depth].OpenSlice(records, first, 1, _graph.MarksOf(records));
                }
                else _cursors[_depth].Open(_graph, at, ctx);
            }
            if (!_cursors[_depth].Next(out var record))
            {
                _cursors[_depth].Close();
                _depth--;
                continue;
            }
            ctx.Tick();
            var node = _nodes[_depth];
            var other = record.OtherNode(node);
            var lastHop = _depth + 1 == max;
            if (lastHop && other != _target) continue;
            if (OnPath(record.Id) || (distinctNodes && Visited(other))) continue;
            if (!lastHop && max != long.MaxValue)
            {
                var hopsLeft = max - _depth - 1;
                // One hop before the last: a node with no relationship to the target (counted from the target's side)
                // ends nothing; the distance table is for farther nodes (or when the target is a hub).
                if (hopsLeft == 1 && _graph.TryLastHop(_target, other, ctx, out _, out _, out var toTarget))
                {
                    if (toTarget == 0) continue;
                }
                else if (!MayReach(other, hopsLeft, ctx)) continue;
            }
            if (!RelOk(ref _cursors[_depth], record, ctx) || !NodeOk(ref _cursors[_depth], other, ctx)) continue;
            Push(record, other);
        }
        return false;
    }

    /// <summary>The relationship predicates admit the cursor's current record: from its kept position's mark when a
    /// walk of the statement judged it there without an error, else from the graph (the mark then remembers it).</summary>
    private bool RelOk(ref Cursor cursor, in RelationshipRecord record, ExecContext ctx)
    {
        var marks = cursor.Marks;
        if (marks is null) return _graph.RelOk(record, ctx);
        var at = cursor.Position;
        var mark = marks[at] & WalkGraph.RelMarks;
        if (mark != WalkGraph.Unjudged) return mark == WalkGraph.Admits;
        var errors = ctx.PathPredicateErrors;
        var ok = _graph.RelOk(record, ctx);
        // A verdict given after an error counts as an error at each use: it is not remembered here.
        if (ctx.PathPredicateErrors == errors) marks[at] |= ok ? WalkGraph.Admits : WalkGraph.Refuses;
        return ok;
    }

    /// <summary>The node predicates admit <paramref name="other"/>, the cursor's current record's other end: from the
    /// position's mark when the cursor walks its node's own adjacency (each position then has one other end), else
    /// from the graph, as <see cref="RelOk"/>.</summary>
    private bool NodeOk(ref Cursor cursor, long other, ExecContext ctx)
    {
        var marks = cursor.OwnAdjacency ? cursor.Marks : null;
        if (marks is null) return _graph.NodeOk(other, ctx);
        var at = cursor.Position;
        var mark = marks[at] & WalkGraph.NodeMarks;
        if (mark != WalkGraph.Unjudged) return mark == WalkGraph.NodeAdmits;
        var errors = ctx.PathPredicateErrors;
        var ok = _graph.NodeOk(other, ctx);
        if (ctx.PathPredicateErrors == errors) marks[at] |= ok ? WalkGraph.NodeAdmits : WalkGraph.NodeRefuses;
        return ok;
    }

    private void Push(in RelationshipRecord record, long other)
    {
        if (_depth + 2 > _nodes.Length)
        {
            Array.Resize(ref _nodes, _nodes.Length * 2);
            Array.Resize(ref _rels, _rels.Length * 2);
            Array.Resize(ref _cursors, _cursors.Length * 2);
        }
        _rels[_depth] = record;
        _nodes[++_depth] = other;
        _entering = true;
    }

    private bool OnPath(long rel)
    {
        for (var i = 0; i < _depth; i++)
            if (_rels[i].Id == rel) return true;
        return false;
    }

    private bool Visited(long node)
    {
        for (var i = 0; i <= _depth; i++)
            if (_nodes[i] == node) return true;
        return false;
    }

    private bool MayReach(long node, long hopsLeft, ExecContext ctx)
    {
        if (_distances is null)
        {
            // A table another walk of the statement made is used at once; a walk makes one only once it is not small.
            var radius = (int)Math.Min(max - 1, int.MaxValue);
            _distances = _graph.DistancesTo(_target, radius, ++_steps >= DistancesAfterSteps, ctx);
            if (_distances is null) return true;
        }
        return _distances.MayReach(node, hopsLeft);
    }

    /// <summary>Where the walk is in one node's relationships: an index into the kept adjacency, or the store's
    /// enumerator for a hub whose adjacency is not kept.</summary>
    private struct Cursor
    {
        private RelationshipRecord[]? _kept;
        private int _index, _end;
        private IEnumerator<RelationshipRecord>? _read;

        /// <summary>The verdict marks of the kept records walked (null when read from the store).</summary>
        public sbyte[]? Marks { get; private set; }

        /// <summary>True when the records walked are the node's own kept adjacency (opened with <see cref="Open"/>), so
        /// each position's other end is fixed; false for a slice of another node's.</summary>
        public bool OwnAdjacency { get; private set; }

        /// <summary>The position of the record <see cref="Next"/> returned last, in <see cref="Marks"/>.</summary>
        public readonly int Position => _index - 1;

        public void Open(WalkGraph graph, long node, ExecContext ctx)
        {
            if (graph.TryAdjacency(node, ctx, out var records, out var start, out var count))
            {
                _kept = records;
                _index = start;
                _end = start + count;
                _read = null;
                Marks = graph.MarksOf(records);
                OwnAdjacency = true;
            }
            else
            {
                _kept = null;
                _read = graph.Read(node, ctx).GetEnumerator();
                Marks = null;
                OwnAdjacency = false;
            }
        }

        /// <summary>Walks only <paramref name="count"/> records from <paramref name="start"/>.</summary>
        public void OpenSlice(RelationshipRecord[] records, int start, int count, sbyte[]? marks)
        {
            _kept = records;
            _index = start;
            _end = start + count;
            _read = null;
            Marks = marks;
            OwnAdjacency = false;
        }

        public bool Next(out RelationshipRecord record)
        {
            if (_kept is not null)
            {
                if (_index < _end)
                {
                    record = _kept[_index++];
                    return true;
                }
            }
            else if (_read is not null && _read.MoveNext())
            {
                record = _read.Current;
                return true;
            }
            record = default;
            return false;
        }

        public void Close()
        {
            _read?.Dispose();
            _read = null;
            _kept = null;
            Marks = null;
        }
    }
}
