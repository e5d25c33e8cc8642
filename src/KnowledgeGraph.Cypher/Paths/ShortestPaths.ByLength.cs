using KnowledgeGraph.Cypher.Expressions;
using KnowledgeGraph.Cypher.Runtime;
using KnowledgeGraph.Cypher.Syntax.Ast;
using KnowledgeGraph.Cypher.Values;

namespace KnowledgeGraph.Cypher.Paths;

/// <summary>
/// The selectors the one-path breadth-first search cannot answer on a single-relationship pattern (<c>SHORTEST k</c>,
/// <c>SHORTEST k GROUPS</c>, <c>ANY k</c>, a minimum length above 1, a predicate on the whole path): trails are
/// enumerated one length at a time, shortest first, and the search stops as soon as the selector has its paths.
/// A breadth-first pass from the target gives every node's distance to it, so a trail is only extended while it can
/// still reach the target within the current length (the enumeration never wanders away from the target).
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
        var distance = new DistanceMap(t, rp, row, ctx, used, filters);
        // Find the start's distance first: nothing shorter can exist.
        while (!distance.Known.ContainsKey(s) && !distance.Complete && distance.Depth < maxLength) distance.Extend();
        if (!distance.Known.TryGetValue(s, out var fromStart)) yield break;
        var wanted = sel.Count ?? 1;
        var everyPathOfALength = sel.Kind is PathSelectorKind.AllShortest or PathSelectorKind.AllShortestPathsFunction or PathSelectorKind.ShortestGroups;
        long taken = 0, groups = 0;
        // A trail uses each relationship once, and only relationships between nodes that can reach the target.
        for (var length = Math.Max(min, fromStart); length <= Math.Min(maxLength, distance.Complete ? distance.UsableRels : long.MaxValue); length++)
        {
            ctx.CheckLimits();
            // A trail of this length only passes through nodes at most length - 1 away from t.
            while (distance.Depth < length - 1 && !distance.Complete) distance.Extend();
            var foundAny = false;
            foreach (var path in TrailsOfLength(s, t, length, rp, row, ctx, used, filters, distance.Known))
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
        private readonly HashSet<long> _rejected = [];
        private readonly HashSet<long> _rels = [];
        private List<long> _frontier;

        public DistanceMap(long t, RelationshipPattern rp, Row row, ExecContext ctx, HashSet<long> used, ElementFilters filters)
        {
            _rp = rp;
            _reversed = Reversed(rp);
            _row = row;
            _ctx = ctx;
            _used = used;
            _filters = filters;
            _frontier = [t];
            Known[t] = 0;
        }

        public Dictionary<long, long> Known { get; } = [];

        /// <summary>Every node within this many hops of the target is in <see cref="Known"/>.</summary>
        public long Depth { get; private set; }

        /// <summary>True once the search has reached every node that can reach the target.</summary>
        public bool Complete => _frontier.Count == 0;

        public long UsableRels => _rels.Count;

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
                        if (_rejected.Contains(v)) continue;
                        if (!_filters.NodeOk(v, _row, _ctx))
                        {
                            _rejected.Add(v);
                            continue;
                        }
                        Known[v] = level;
                        next.Add(v);
                    }
                    _rels.Add(r.Id);
                }
            }
            _frontier = next;
            Depth = level;
        }
    }

    /// <summary>Every trail from s to t of exactly <paramref name="length"/> relationships, extended only through
    /// nodes whose distance to t still fits.</summary>
    private static IEnumerable<PathValue> TrailsOfLength(long s, long t, long length, RelationshipPattern rp, Row row, ExecContext ctx,
        HashSet<long> used, ElementFilters filters, Dictionary<long, long> distance)
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
                // distance holds only nodes that passed the node tests and can reach t.
                if (!distance.TryGetValue(v, out var toTarget) || rels.Count + 1 + toTarget > length) continue;
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
