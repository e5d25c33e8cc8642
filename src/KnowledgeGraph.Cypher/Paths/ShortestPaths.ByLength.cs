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
        var starts = PatternMatcher.Candidates(a, row, ctx, hints).ToList();
        var ends = PatternMatcher.Candidates(b, row, ctx, hints).ToList();
        foreach (var s in starts)
        {
            var rs = BindNode(a, s, row, ctx);
            if (rs is null) continue;
            foreach (var t in ends)
            {
                var rt = BindNode(b, t, rs, ctx);
                if (rt is null || !filters.NodeOk(s, rt, ctx) || !filters.NodeOk(t, rt, ctx)) continue;
                // As in the breadth-first search: the legacy functions find no path from a node to itself but the empty one.
                if (s == t && sel.Kind is PathSelectorKind.ShortestPathFunction or PathSelectorKind.AllShortestPathsFunction && PatternMatcher.Bounds(rp).Min > 0) continue;
                foreach (var r in SelectByLength(s, t, sel, rp, pathVar, rt, ctx, used, filters, residual)) yield return r;
            }
        }
    }

    private static IEnumerable<Row> SelectByLength(long s, long t, PathSelector sel, RelationshipPattern rp, string? pathVar, Row row, ExecContext ctx,
        HashSet<long> used, ElementFilters filters, List<Expression> residual)
    {
        var (min, max) = PatternMatcher.Bounds(rp);
        var (distance, usableRels) = DistancesTo(t, rp, max ?? long.MaxValue, row, ctx, used, filters);
        if (!distance.TryGetValue(s, out var fromStart)) yield break;
        // A trail uses each relationship once, and only relationships between nodes that can reach the target.
        var longest = Math.Min(max ?? long.MaxValue, usableRels);
        var wanted = sel.Count ?? 1;
        long taken = 0, groups = 0;
        for (var length = Math.Max(min, fromStart); length <= longest; length++)
        {
            ctx.CheckLimits();
            var found = new List<Row>();
            foreach (var path in TrailsOfLength(s, t, length, rp, row, ctx, used, filters, distance))
            {
                var r = row;
                if (rp.Variable is not null) r = r.With(rp.Variable, path.Rels.Cast<object?>().ToList());
                if (pathVar is not null) r = r.With(pathVar, path);
                if (residual.Count > 0 && !residual.All(test => Evaluator.Eval(test, r, ctx) is true)) continue;
                found.Add(r);
            }
            if (found.Count == 0) continue;
            switch (sel.Kind)
            {
                case PathSelectorKind.AllShortest or PathSelectorKind.AllShortestPathsFunction:
                    foreach (var r in found) yield return r;
                    yield break;
                case PathSelectorKind.ShortestGroups:
                    foreach (var r in found) yield return r;
                    if (++groups >= wanted) yield break;
                    break;
                default: // SHORTEST k, ANY k, shortestPath(): the first k in length order
                    foreach (var r in found)
                    {
                        yield return r;
                        if (++taken >= wanted) yield break;
                    }
                    break;
            }
        }
    }

    /// <summary>Breadth-first from the target along the pattern reversed: each node's distance to the target (within
    /// <paramref name="maxHops"/>), and how many distinct usable relationships the search crossed.</summary>
    private static (Dictionary<long, long> Distance, long UsableRels) DistancesTo(long t, RelationshipPattern rp, long maxHops, Row row, ExecContext ctx,
        HashSet<long> used, ElementFilters filters)
    {
        var reversed = rp with { Direction = rp.Direction switch
        {
            RelationshipDirection.Outgoing => RelationshipDirection.Incoming,
            RelationshipDirection.Incoming => RelationshipDirection.Outgoing,
            _ => rp.Direction,
        } };
        var distance = new Dictionary<long, long> { [t] = 0 };
        var rejected = new HashSet<long>();
        var rels = new HashSet<long>();
        var frontier = new List<long> { t };
        for (long level = 1; frontier.Count > 0 && level <= maxHops; level++)
        {
            ctx.CheckLimits();
            var next = new List<long>();
            foreach (var u in frontier)
            {
                foreach (var r in PatternMatcher.Rels(u, reversed, ctx))
                {
                    ctx.Tick();
                    if (used.Contains(r.Id) || !RelOk(rp, r, row, ctx) || !filters.RelOk(r, row, ctx)) continue;
                    var v = r.Other(u);
                    if (!distance.ContainsKey(v))
                    {
                        if (rejected.Contains(v)) continue;
                        if (!filters.NodeOk(v, row, ctx))
                        {
                            rejected.Add(v);
                            continue;
                        }
                        distance[v] = level;
                        next.Add(v);
                    }
                    rels.Add(r.Id);
                }
            }
            frontier = next;
        }
        return (distance, rels.Count);
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
