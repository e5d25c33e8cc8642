using KnowledgeGraph.Cypher.Expressions;
using KnowledgeGraph.Cypher.Runtime;
using KnowledgeGraph.Cypher.Syntax.Ast;
using KnowledgeGraph.Cypher.Values;

namespace KnowledgeGraph.Cypher.Matching;

/// <summary>
/// The selectors the one-path breadth-first search cannot answer on a single-relationship pattern (<c>SHORTEST k</c>,
/// <c>SHORTEST k GROUPS</c>, <c>ANY k</c>, a minimum length above 1, a predicate on the whole path): trails are
/// enumerated one length at a time, shortest first, and the search stops as soon as the selector has its paths.
/// The two-sided breadth-first search gives the shortest length to start from; a breadth-first pass from the target,
/// about half the length deep, gives the nodes near it their distance (the others at least one more), so a trail is
/// only extended while it can still reach the target within the current length.
/// </summary>
internal static partial class ShortestPaths
{
    private static IEnumerable<Row> ByLength(PathSelector sel, NodePattern a, RelationshipPattern rp, NodePattern b, string? pathVar, Row row, ExecContext ctx,
        List<PatternMatcher.SeekHint>? hints, HashSet<long> used, ElementFilters filters, List<Expression> residual)
    {
        foreach (var (s, t, rt) in EndPairs(a, b, row, ctx, hints, filters))
        {
            // As in the breadth-first search: the legacy functions find no path from a node to itself but the empty one.
            if (s == t && sel.Kind is PathSelectorKind.ShortestPathFunction or PathSelectorKind.AllShortestPathsFunction && PatternMatcher.Bounds(rp).Min > 0) continue;
            foreach (var r in SelectByLength(s, t, sel, rp, pathVar, rt, ctx, used, filters, residual)) yield return r;
        }
    }

    private static IEnumerable<Row> SelectByLength(long s, long t, PathSelector sel, RelationshipPattern rp, string? pathVar, Row row, ExecContext ctx,
        HashSet<long> used, ElementFilters filters, List<Expression> residual)
    {
        var (min, max) = PatternMatcher.Bounds(rp);
        var maxLength = max ?? long.MaxValue;
        // The shortest length first, by the two-sided breadth-first search (cheap: it meets in the middle). Nothing
        // shorter exists, and when it finds nothing there is no path at all. It ignores relationships other parts of
        // the MATCH hold, which can only make it shorter: still a lower bound.
        long fromStart;
        if (s == t) fromStart = 0;
        else if (Search(s, t, rp, maxLength, all: false, row, ctx, filters).FirstOrDefault() is { } shortest) fromStart = shortest.Rels.Length;
        else yield break;
        var distance = new DistanceMap(t, rp, row, ctx, used, filters);
        var wanted = sel.Count ?? 1;
        var everyPathOfALength = sel.Kind is PathSelectorKind.AllShortest or PathSelectorKind.AllShortestPathsFunction or PathSelectorKind.ShortestGroups;
        long taken = 0, groups = 0;
        // A trail uses each relationship once, and only relationships between nodes that can reach the target.
        for (var length = Math.Max(min, fromStart); length <= Math.Min(maxLength, distance.Complete ? distance.UsableRels : long.MaxValue); length++)
        {
            ctx.CheckLimits();
            // Distances to t for the second half of the trail; nodes farther away get the bound Depth + 1.
            while (distance.Depth < (length + 1) / 2 && !distance.Complete) distance.Extend();
            var foundAny = false;
            foreach (var path in TrailsOfLength(s, t, length, rp, row, ctx, used, filters, distance))
            {
                var r = Bind(row, rp, pathVar, path);
                if (residual.Count > 0 && !residual.All(test => Evaluator.Eval(test, r, ctx) is true)) continue;
                foundAny = true;
                yield return r;
                // SHORTEST k, ANY k, shortestPath(): the first k in length order, and no more work than that.
                if (!everyPathOfALength && ++taken >= wanted) yield break;
            }
            if (!foundAny || !everyPathOfALength) continue;
            if (sel.Kind is not PathSelectorKind.ShortestGroups || ++groups >= wanted) yield break;
        }
    }

    /// <summary>
    /// Distances to the target, found breadth-first along the pattern reversed, one level at a time as the lengths
    /// tried grow (a search for short paths never explores the whole graph). Only nodes that pass the node tests
    /// enter <see cref="Known"/>; <see cref="UsableRels"/> counts the distinct relationships crossed.
    /// </summary>
    private sealed class DistanceMap
    {
        private readonly RelationshipPattern _rp;
        private readonly RelationshipPattern _reversed;
        private readonly Row _row;
        private readonly ExecContext _ctx;
        private readonly HashSet<long> _used;
        private readonly ElementFilters _filters;
        private readonly NodeAdmission _admission;
        private readonly HashSet<long> _rels = [];
        private List<long> _frontier;

        public DistanceMap(long t, RelationshipPattern rp, Row row, ExecContext ctx, HashSet<long> used, ElementFilters filters)
        {
            _rp = rp;
            _reversed = PatternMatcher.Reversed(rp);
            _row = row;
            _ctx = ctx;
            _used = used;
            _filters = filters;
            _admission = filters.Admission(row, ctx);
            _frontier = [t];
            Known[t] = 0;
        }

        public Dictionary<long, long> Known { get; } = [];

        /// <summary>Every node within this many hops of the target is in <see cref="Known"/>.</summary>
        public long Depth { get; private set; }

        /// <summary>True once the search has reached every node that can reach the target.</summary>
        public bool Complete => _frontier.Count == 0;

        public long UsableRels => _rels.Count;

        /// <summary>A lower bound of the node's distance to the target, or null when the target is out of its reach
        /// (or the node fails the node tests).</summary>
        public long? AtLeast(long node)
        {
            if (Known.TryGetValue(node, out var d)) return d;
            return Complete || !_admission.Admits(node) ? null : Depth + 1;
        }

        public void Extend()
        {
            _ctx.CheckLimits();
            var level = Depth + 1;
            var next = new List<long>();
            foreach (var u in _frontier)
            {
                foreach (var r in PatternMatcher.Rels(u, _reversed, _ctx))
                {
                    _ctx.Tick();
                    if (_used.Contains(r.Id) || !RelOk(_rp, r, _row, _ctx) || !_filters.RelOk(r, _row, _ctx)) continue;
                    var v = r.Other(u);
                    if (!Known.ContainsKey(v))
                    {
                        if (!_admission.Admits(v)) continue;
                        Known[v] = level;
                        next.Add(v);
                        _ctx.Memory.Grow(64);
                    }
                    _rels.Add(r.Id);
                }
            }
            _frontier = next;
            Depth = level;
        }
    }

    /// <summary>Every trail from s to t of exactly <paramref name="length"/> relationships, extended only through
    /// nodes whose distance to t (or its lower bound) still fits.</summary>
    private static IEnumerable<PathValue> TrailsOfLength(long s, long t, long length, RelationshipPattern rp, Row row, ExecContext ctx,
        HashSet<long> used, ElementFilters filters, DistanceMap distance)
    {
        var nodes = new List<long> { s };
        var rels = new List<RelValue>();
        var inTrail = new HashSet<long>();
        return Extend(s);

        IEnumerable<PathValue> Extend(long u)
        {
            if (rels.Count == length)
            {
                if (u == t) yield return new PathValue([.. nodes], [.. rels]);
                yield break;
            }
            foreach (var r in PatternMatcher.Rels(u, rp, ctx))
            {
                ctx.Tick();
                var v = r.Other(u);
                if (distance.AtLeast(v) is not { } toTarget || rels.Count + 1 + toTarget > length) continue;
                if (used.Contains(r.Id) || inTrail.Contains(r.Id) || !RelOk(rp, r, row, ctx) || !filters.RelOk(r, row, ctx)) continue;
                inTrail.Add(r.Id);
                rels.Add(r);
                nodes.Add(v);
                foreach (var p in Extend(v)) yield return p;
                nodes.RemoveAt(nodes.Count - 1);
                rels.RemoveAt(rels.Count - 1);
                inTrail.Remove(r.Id);
            }
        }
    }
}
