using KnowledgeGraph.Cypher.Expressions;
using KnowledgeGraph.Cypher.Runtime;
using KnowledgeGraph.Cypher.Syntax.Ast;
using KnowledgeGraph.Cypher.Values;
using KnowledgeGraph.Storage;

namespace KnowledgeGraph.Cypher.Matching;

/// <summary>
/// What a walk between two bound nodes (<see cref="BoundWalk"/>) learns about the graph, kept for the statement: each
/// node's relationships of the walk's types and direction (in the store's order), the pushed path predicates'
/// verdict on each relationship and node (<see cref="PathPredicates"/>), and distance tables towards far nodes. The
/// per-length branches of a `paths` statement walk the same neighbourhood with the same predicates, so they share one
/// (<see cref="For"/>): each relationship and node is judged once per statement, not once per visit, and a repeated
/// statement over the same snapshot judges nothing again (warm graphs, WalkGraph.Warm.cs).
/// Invariant: a verdict depends only on the element and the statement's parameters (the predicates read no row
/// variable, or the graph is the walk's own), and the adjacency only on the snapshot (shared only while nothing writes).
/// </summary>
internal sealed partial class WalkGraph : StatementLease
{
    /// <summary>Nodes whose adjacency is larger than this are read from the store at each visit, not kept.</summary>
    private const int KeepDegree = 2048;

    private const sbyte Rejected = 0, Admitted = 1, AdmittedAfterError = 2;

    // Set anew each time a pooled graph is taken (Pooled.cs); the structures below are cleared when it is given back.
    private PathPredicates _filter;
    private Row _row;
    private object?[] _slots;
    private Direction _direction;
    private IReadOnlyList<string>? _types;
    private LabelExpression? _typeTest;
    // Sized for a walk like the seed graph's `paths` (some 20 nodes read, 60 relationships judged): growing a
    // dictionary from empty allocates about twice its final size on the way.
    private readonly Dictionary<long, Span> _forward = new(32);
    private readonly Dictionary<long, Span> _backward = [];

    /// <summary>The chunk kept adjacency is written to (chunks grow to <see cref="KeepDegree"/> records, 64 KB, below
    /// the large object heap; full chunks stay referenced by the spans that point into them). The first holds the
    /// seed graph's `paths` walk (some 120 records, 4 KB); a larger walk's next chunks double.</summary>
    private readonly RelationshipRecord[] _firstChunk = new RelationshipRecord[128];
    private RelationshipRecord[] _chunk;

    /// <summary>Per kept record, the walks' remembered verdicts, parallel to its chunk: on the relationship
    /// (<see cref="Admits"/>, <see cref="Refuses"/>) and, for a record of a node's own kept adjacency (the walk's
    /// direction), on the node at its other end (<see cref="NodeAdmits"/>, <see cref="NodeRefuses"/>); none when
    /// <see cref="Unjudged"/>. A walk reading a kept record takes them from its position instead of looking the
    /// relationship and node up again. Only verdicts given without an error are remembered (one given after an error
    /// counts as an error at each use). Cleared with the chunk when the pooled graph is given back.</summary>
    private readonly sbyte[] _firstMarks = new sbyte[128];
    private List<(RelationshipRecord[] Chunk, sbyte[] Marks)>? _moreMarks;

    internal const sbyte Unjudged = 0, Admits = 1, Refuses = 2, RelMarks = 3, NodeAdmits = 4, NodeRefuses = 8, NodeMarks = 12;
    private int _used;
    // A relationship's verdict is its value itself when admitted (the paths found bind that same value), Refused when
    // rejected, or an AdmittedAfterErrorRel holding the value: an entry costs what an sbyte verdict's did.
    private readonly Dictionary<long, object> _rels = new(64);
    private readonly Dictionary<long, sbyte> _nodes = [];
    // One value per node the statement's walks judged or put on a path: the verdicts and every path holding the node
    // share it (a NodeValue is immutable, so one instance is indistinguishable from many).
    private readonly Dictionary<long, NodeValue> _nodeValues = new(32);
    private readonly Dictionary<long, sbyte> _inner = new(32);
    private readonly Dictionary<long, Distances> _distances = [];
    private Dictionary<long, LastHops?>? _lastHops;
    private long _recentTarget = -1;
    private LastHops? _recentHops;

    private WalkGraph(PathPredicates filter, Row row, object?[] slots, Direction direction, IReadOnlyList<string>? types, LabelExpression? typeTest)
    {
        _filter = filter;
        _row = row;
        _slots = slots;
        _direction = direction;
        _types = types;
        _typeTest = typeTest;
        _chunk = _firstChunk;
    }

    /// <summary>
    /// What makes two walks' graphs the same within a statement: direction, types and the predicates. A walk's
    /// operator makes its key once (<see cref="KeyOf"/>), so looking the graph up per input row neither builds a key
    /// nor hashes the type expression again; two keys found equal remember each other (a branch's key remembers the
    /// key of the branch that made the statement's graph), so later lookups do not compare the syntax trees again.
    /// Invariant: the parts are immutable syntax, so equality between two keys never changes.
    /// </summary>
    internal sealed class Key(RelationshipDirection direction, LabelExpression? types, PathPredicates.Shape filter) : IEquatable<Key>
    {
        private readonly int _hash = HashCode.Combine(direction, types, filter);
        private Key? _equal;

        public bool Equals(Key? other)
        {
            if (other is null) return false;
            if (ReferenceEquals(this, other) || ReferenceEquals(_equal, other) || ReferenceEquals(other._equal, this)) return true;
            if (_hash != other._hash || direction != other.Direction || !Equals(types, other.Types) || !filter.Equals(other.Filter)) return false;
            // Both sides remember (the statement's memo holds the first branch's key, and each other branch's key
            // then knows it). A benign race: any key stored here is equal to this one.
            _equal = other;
            other._equal = this;
            return true;
        }

        private RelationshipDirection Direction => direction;

        private LabelExpression? Types => types;

        private PathPredicates.Shape Filter => filter;

        public override bool Equals(object? obj) => obj is Key other && Equals(other);

        public override int GetHashCode() => _hash;
    }

    /// <summary>The key of the graph of walks over <paramref name="rp"/> with <paramref name="filter"/>.</summary>
    public static Key KeyOf(RelationshipPattern rp, PathPredicates filter) => new(rp.Direction, rp.Types, filter.Signature);

    /// <summary>The graph of a walk over <paramref name="rp"/> with <paramref name="filter"/>: the statement's shared one
    /// (under <paramref name="key"/>, from <see cref="KeyOf"/>) when nothing writes and the predicates read no row
    /// variable, else a new one for this walk (<paramref name="readValues"/> are the values of
    /// <see cref="PathPredicates.Reads"/> for it).</summary>
    public static WalkGraph For(RelationshipPattern rp, IReadOnlyList<string>? types, PathPredicates filter, Key key, object?[] readValues, ExecContext ctx)
    {
        var direction = LabelMatch.ToStorage(rp.Direction);
        var typeTest = types is null ? rp.Types : null;
        if (ctx.Writer is null && filter.ReadsNothing)
        {
            if (ctx.Memoized<WalkGraph>(key) is { } shared) return shared;
            var graph = Leased(filter, direction, types, typeTest, ctx);
            ctx.Memo(key, () => graph);
            ctx.Memo(typeof(WalkGraph), () => new List<WalkGraph>(1)).Add(graph);
            return graph;
        }
        var slots = new object?[readValues.Length + 1];
        readValues.CopyTo(slots, 1);
        return new WalkGraph(filter, Row.FromArrays([.. filter.Reads], [.. readValues]), slots, direction, types, typeTest);
    }

    /// <summary>The relationships of <paramref name="node"/> the walk may follow (types, direction, not deleted), in the
    /// store's order: <paramref name="count"/> records of <paramref name="records"/> from <paramref name="start"/>
    /// (records once written never change). False when the node is a hub whose adjacency is not kept (read it with
    /// <see cref="Read(long, ExecContext)"/>).</summary>
    public bool TryAdjacency(long node, ExecContext ctx, out RelationshipRecord[] records, out int start, out int count) =>
        TryAdjacency(node, _direction, ctx, out records, out start, out count);

    private bool TryAdjacency(long node, Direction direction, ExecContext ctx,
        out RelationshipRecord[] records, out int start, out int count)
    {
        var kept = direction == _direction ? _forward : _backward;
        if (!kept.TryGetValue(node, out var span))
        {
            // Read into the current chunk; a node's records move to a new chunk when it fills (they stay together),
            // and a hub's partial copy is dropped (it is read from the store at each visit).
            var begin = _used;
            var n = 0;
            var hub = false;
            // The store's cursor allocates nothing, and neither does this loop.
            foreach (var r in ctx.Reader.Adjacency(node, direction, _types))
            {
                if (!Follows(r, ctx)) continue;
                if (n == KeepDegree)
                {
                    hub = true;
                    break;
                }
                if (_used == _chunk.Length)
                {
                    var next = new RelationshipRecord[Math.Min(_chunk.Length * 2, KeepDegree)];
                    Array.Copy(_chunk, begin, next, 0, n);
                    _chunk = next;
                    // The node's records read so far were not walked yet: its marks start unjudged.
                    (_moreMarks ??= []).Add((next, new sbyte[next.Length]));
                    begin = 0;
                    _used = n;
                }
                _chunk[_used++] = r;
                n++;
            }
            if (hub) _used = begin;
            span = hub ? new Span(null, 0, -1) : new Span(_chunk, begin, n);
            kept[node] = span;
        }
        records = span.Chunk!;
        start = span.Start;
        count = span.Count;
        return span.Chunk is not null;
    }

    /// <summary>The type names the walks follow (null with no <see cref="FollowsTypeExpression"/>: every type).</summary>
    public IReadOnlyList<string>? TypeNames => _types;

    /// <summary>True when a type expression that is not a list of names says which relationships the walks follow.</summary>
    public bool FollowsTypeExpression => _typeTest is not null;

    /// <summary>True when <paramref name="direction"/>'s relationships are those the walks keep, forwards or backwards.</summary>
    public bool Keeps(Direction direction) => direction == _direction || direction == PatternMatcher.Opposite(_direction);

    /// <summary>
    /// The relationships of <paramref name="node"/> in <paramref name="direction"/> (the walks' or its opposite) when
    /// a walk already kept them, without reading the store: the store's records in the store's order, of the walks'
    /// types, none deleted (a shared graph exists only while nothing writes). False when not kept (never visited
    /// that way, or a hub).
    /// </summary>
    public bool TryKept(long node, Direction direction, out RelationshipRecord[] records, out int start, out int count)
    {
        var kept = direction == _direction ? _forward : direction == PatternMatcher.Opposite(_direction) ? _backward : null;
        if (kept is not null && kept.TryGetValue(node, out var span) && span.Chunk is not null)
        {
            (records, start, count) = (span.Chunk, span.Start, span.Count);
            return true;
        }
        (records, start, count) = ([], 0, 0);
        return false;
    }

    /// <summary>The verdict marks parallel to <paramref name="chunk"/> (a chunk this graph keeps records in), else null.</summary>
    public sbyte[]? MarksOf(RelationshipRecord[] chunk)
    {
        if (ReferenceEquals(chunk, _firstChunk)) return _firstMarks;
        if (_moreMarks is not null)
            foreach (var (c, marks) in _moreMarks)
                if (ReferenceEquals(c, chunk)) return marks;
        return null;
    }

    /// <summary>Where a node's kept relationships are: <see cref="Count"/> records of <see cref="Chunk"/> from
    /// <see cref="Start"/>; no chunk for a hub.</summary>
    private readonly record struct Span(RelationshipRecord[]? Chunk, int Start, int Count);

    /// <summary>
    /// The last hop of a walk from <paramref name="node"/> to <paramref name="target"/>, answered from the target's
    /// side: the relationships between the two, counted in the target's adjacency (against the walk's direction),
    /// which the statement keeps anyway. With none, the walk need not read the node's adjacency at all; with exactly
    /// one, it is that relationship (<paramref name="records"/>[<paramref name="first"/>]), so the order is the node's
    /// own. False when the target is a hub whose adjacency is not kept, or the two are one node (a self-loop's
    /// entries): the walk then reads the node's adjacency. <paramref name="count"/> may be 2 or more: the walk reads
    /// the node's adjacency to keep its order.
    /// </summary>
    public bool TryLastHop(long target, long node, ExecContext ctx, out RelationshipRecord[] records, out int first, out int count)
    {
        records = [];
        first = count = 0;
        if (node == target) return false;
        LastHops? hops;
        // A walk asks about one target many times in a row: the last answer's table is kept at hand.
        if (target == _recentTarget && _lastHops is not null) hops = _recentHops;
        else if ((_lastHops ??= []).TryGetValue(target, out hops)) (_recentTarget, _recentHops) = (target, hops);
        else
        {
            var back = PatternMatcher.Opposite(_direction);
            if (TryAdjacency(target, back, ctx, out var kept, out var start, out var n))
            {
                var index = _spareIndex ?? new Dictionary<long, (int, int)>(n);
                _spareIndex = null;
                for (var i = start; i < start + n; i++)
                {
                    var other = kept[i].OtherNode(target);
                    index[other] = index.TryGetValue(other, out var seen) ? (seen.Item1, seen.Item2 + 1) : (i, 1);
                }
                hops = new LastHops(kept, index);
            }
            _lastHops[target] = hops;
            (_recentTarget, _recentHops) = (target, hops);
        }
        if (hops is null) return false;
        records = hops.Chunk;
        if (hops.Index.TryGetValue(node, out var hit)) (first, count) = hit;
        return true;
    }

    /// <summary>A target's relationships by their other node: the first one's place in <see cref="Chunk"/>, and how many.</summary>
    private sealed record LastHops(RelationshipRecord[] Chunk, Dictionary<long, (int First, int Count)> Index);

    /// <summary>The relationships of <paramref name="node"/> the walk may follow, straight from the store.</summary>
    public IEnumerable<RelationshipRecord> Read(long node, ExecContext ctx) => Read(node, _direction, ctx);

    private IEnumerable<RelationshipRecord> Read(long node, Direction direction, ExecContext ctx)
    {
        foreach (var r in ctx.Reader.Adjacency(node, direction, _types))
            if (Follows(r, ctx)) yield return r;
    }

    /// <summary>One relationship read from the store (a db hit) is one the walk may follow: of its types (when a type
    /// expression, not a name list, says which) and not deleted in this transaction.</summary>
    private bool Follows(in RelationshipRecord r, ExecContext ctx)
    {
        ctx.DbHits++;
        return (_typeTest is null || LabelMatch.TypeMatches(r.Type, _typeTest)) && !ctx.DeletedRels.Contains(r.Id);
    }

    /// <summary>The relationship predicates admit <paramref name="r"/>.</summary>
    public bool RelOk(in RelationshipRecord r, ExecContext ctx)
    {
        if (_filter.EveryRelationship.Length == 0) return true;
        if (!_rels.TryGetValue(r.Id, out var verdict))
        {
            var value = RelValue.Of(r);
            _rels[r.Id] = verdict = Judge(_filter.EveryRelationship, value, ctx) switch
            {
                Rejected => Refused,
                Admitted => value,
                _ => new AdmittedAfterErrorRel(value),
            };
        }
        if (verdict is AdmittedAfterErrorRel) ctx.PathPredicateErrors++;
        return verdict != Refused;
    }

    /// <summary>The pushed predicates this graph's verdicts are given by.</summary>
    public PathPredicates Filter => _filter;

    /// <summary>The relationship predicates' verdict on relationship <paramref name="id"/> when it was judged without an
    /// error (true: admitted); null when it was not judged, or admitted only because a predicate failed.</summary>
    public bool? VerdictOn(long id) => _rels.TryGetValue(id, out var verdict) switch
    {
        true when verdict is RelValue => true,
        true when ReferenceEquals(verdict, Refused) => false,
        _ => null,
    };

    /// <summary>The value of <paramref name="r"/>: the one its verdict was given on when it was judged (so each
    /// relationship of the statement's walks is one value however many paths hold it), else a new one.</summary>
    public RelValue ValueOf(in RelationshipRecord r) => _rels.TryGetValue(r.Id, out var verdict) switch
    {
        true when verdict is RelValue value => value,
        true when verdict is AdmittedAfterErrorRel after => after.Value,
        _ => RelValue.Of(r),
    };

    /// <summary>The statement's shared walk graphs (null when it has none yet), whose admitted relationships'
    /// values an expansion binds instead of making its own (<see cref="KnownValue"/>).</summary>
    public static List<WalkGraph>? Shared(ExecContext ctx) => ctx.Memoized<List<WalkGraph>>(typeof(WalkGraph));

    /// <summary>The value a walk of <paramref name="graphs"/> made for <paramref name="r"/> and admitted, else null.
    /// Such a value stands for the relationship in the whole statement: shared graphs exist only while nothing writes.</summary>
    public static RelValue? KnownValue(List<WalkGraph> graphs, in RelationshipRecord r)
    {
        foreach (var graph in graphs)
            if (graph._rels.TryGetValue(r.Id, out var verdict))
                return verdict switch
                {
                    RelValue value => value,
                    AdmittedAfterErrorRel after => after.Value,
                    _ => null,
                };
        return null;
    }

    /// <summary>The verdict of a relationship the predicates rejected.</summary>
    private static readonly object Refused = new();

    /// <summary>The verdict of a relationship admitted only because a predicate failed with an error.</summary>
    private sealed record AdmittedAfterErrorRel(RelValue Value);

    /// <summary>The predicates on every node of the path admit <paramref name="node"/>.</summary>
    public bool NodeOk(long node, ExecContext ctx) => _filter.EveryNode.Length == 0 || Verdict(_nodes, _filter.EveryNode, node, ctx);

    /// <summary>The predicates on inner nodes admit <paramref name="node"/> (the walk may go on from it).</summary>
    public bool InnerOk(long node, ExecContext ctx) => _filter.InnerNodes.Length == 0 || Verdict(_inner, _filter.InnerNodes, node, ctx);

    private bool Verdict(Dictionary<long, sbyte> known, PathPredicates.Predicate[] predicates, long node, ExecContext ctx)
    {
        if (!known.TryGetValue(node, out var verdict)) known[node] = verdict = Judge(predicates, NodeValueOf(node), ctx);
        return Use(verdict, ctx);
    }

    /// <summary>The statement's value of node <paramref name="id"/> (made on first use, then shared by the verdicts and
    /// the paths of every walk over this graph).</summary>
    public NodeValue NodeValueOf(long id)
    {
        if (!_nodeValues.TryGetValue(id, out var value)) _nodeValues[id] = value = new NodeValue(id);
        return value;
    }

    private sbyte Judge(PathPredicates.Predicate[] predicates, object value, ExecContext ctx)
    {
        var errors = ctx.PathPredicateErrors;
        if (!PathPredicates.Admits(predicates, value, _row, _slots, ctx)) return Rejected;
        return ctx.PathPredicateErrors == errors ? Admitted : AdmittedAfterError;
    }

    /// <summary>An element admitted only because its predicate failed with an error counts as such an error at each
    /// use, as the matcher's walk counts it at each evaluation (the operator then tests its paths' WHERE in full).</summary>
    private static bool Use(sbyte verdict, ExecContext ctx)
    {
        if (verdict == AdmittedAfterError) ctx.PathPredicateErrors++;
        return verdict != Rejected;
    }

    /// <summary>The distance table towards <paramref name="target"/>, grown to <paramref name="radius"/>; null when none was
    /// made yet and <paramref name="make"/> is false.</summary>
    public Distances? DistancesTo(long target, int radius, bool make, ExecContext ctx)
    {
        // Small walks ask at every candidate before any table exists: no lookup then.
        if (!make && _distances.Count == 0) return null;
        if (!_distances.TryGetValue(target, out var table))
        {
            if (!make) return null;
            if (_spareDistances is { } spare)
            {
                _spareDistances = null;
                spare.Reuse(target);
                table = spare;
            }
            else table = new Distances(this, target);
            _distances[target] = table;
        }
        // A search left halfway (the statement cancelled or out of time) is not a table a later statement may use.
        _extending = true;
        table.Extend(radius, ctx);
        _extending = false;
        return table;
    }

    /// <summary>The distance search over this graph: relationships the walk could take, against its direction, through
    /// nodes it could go on from; verdicts and kept adjacency are the walk's own.</summary>
    internal sealed class Distances(WalkGraph graph, long target) : DistanceSearch(target)
    {
        private Direction _back = PatternMatcher.Opposite(graph._direction);

        /// <summary>Starts over towards <paramref name="next"/> in the graph's current direction (a pooled graph's
        /// spare table, taken by a later statement).</summary>
        internal void Reuse(long next)
        {
            Restart(next);
            _back = PatternMatcher.Opposite(graph._direction);
        }

        /// <summary>Nodes in the table.</summary>
        internal int Entries => Size;

        protected override bool PassesThrough(long node, ExecContext ctx) => graph.NodeOk(node, ctx) && graph.InnerOk(node, ctx);

        protected override bool Visit(long node, ExecContext ctx)
        {
            if (graph.TryAdjacency(node, _back, ctx, out var records, out var start, out var count))
            {
                for (var i = start; i < start + count; i++)
                    if (!Take(records[i], node, ctx)) return false;
            }
            else
            {
                foreach (var r in graph.Read(node, _back, ctx))
                    if (!Take(r, node, ctx)) return false;
            }
            return true;
        }

        private bool Take(in RelationshipRecord r, long node, ExecContext ctx)
        {
            if (!Count()) return false;
            var other = r.OtherNode(node);
            // A node already reached needs no verdict on this relationship.
            if (!Known(other) && graph.RelOk(r, ctx)) Reached(other);
            return true;
        }
    }
}
