using KnowledgeGraph.Cypher.Expressions;
using KnowledgeGraph.Cypher.Runtime;
using KnowledgeGraph.Cypher.Syntax.Ast;
using KnowledgeGraph.Cypher.Values;

namespace KnowledgeGraph.Cypher.Matching;

/// <summary>
/// shortestPath / allShortestPaths and Neo4j 5 selectors. A single (variable-length or quantified) relationship
/// between two node patterns uses bidirectional BFS that records every parent at the discovering level, so each
/// shortest path is enumerated exactly once. A path predicate made of per-element tests
/// (<c>all</c>/<c>none(x IN relationships(p) | nodes(p) WHERE ...)</c>) is applied during the search, as Neo4j does.
/// Other shapes and predicates fall back to enumerating trails and selecting by length.
/// </summary>
internal static partial class ShortestPaths
{
    public static IEnumerable<Row> Match(PatternPart part, PathSelector sel, string? pathVar, Row row, ExecContext ctx, HashSet<long> used,
        List<PatternMatcher.SeekHint>? hints, Expression? pathPredicate)
    {
        var elems = PatternMatcher.Normalize(part.Path.Elements);
        if (elems.Count == 3 && SingleRel(elems[1]) is { } rp)
        {
            var (a, b) = ((NodePattern)elems[0], (NodePattern)elems[2]);
            var (filters, residual) = ElementFilters.Split(pathPredicate, part, pathVar, rp);
            var oneOrAllShortest = sel.Kind is PathSelectorKind.ShortestPathFunction or PathSelectorKind.AllShortestPathsFunction or PathSelectorKind.AllShortest
                || (sel.Kind is PathSelectorKind.Shortest or PathSelectorKind.Any && (sel.Count ?? 1) == 1);
            if (residual.Count == 0 && oneOrAllShortest && PatternMatcher.Bounds(rp).Min <= 1 && used.Count == 0)
                return Bfs(sel, a, rp, b, pathVar, row, ctx, hints, filters);
            return ByLength(sel, a, rp, b, pathVar, row, ctx, hints, used, filters, residual);
        }
        return Generic(part, sel, pathVar, row, ctx, used, hints, pathPredicate);
    }

    private static RelationshipPattern? SingleRel(PathElement e)
    {
        switch (e)
        {
            case RelationshipPattern rp when rp.Where is null: return rp;
            case QuantifiedPathPattern { Where: null, Quantifier: { } q } qpp:
                {
                    var inner = PatternMatcher.Normalize(qpp.Path.Elements);
                    if (inner.Count == 3 && inner[1] is RelationshipPattern { IsVariableLength: false, Where: null, Variable: null } r
                        && inner[0] is NodePattern { Labels: null, Properties: null, Where: null, Variable: null }
                        && inner[2] is NodePattern { Labels: null, Properties: null, Where: null, Variable: null })
                        return r with { Quantifier = q };
                    return null;
                }
            default: return null;
        }
    }

    private static IEnumerable<Row> Bfs(PathSelector sel, NodePattern a, RelationshipPattern rp, NodePattern b, string? pathVar, Row row, ExecContext ctx,
        List<PatternMatcher.SeekHint>? hints, ElementFilters filters)
    {
        var (min, max) = PatternMatcher.Bounds(rp);
        var all = sel.Kind is PathSelectorKind.AllShortest or PathSelectorKind.AllShortestPathsFunction;
        foreach (var (s, t, rt) in EndPairs(a, b, row, ctx, hints, filters))
        {
            IEnumerable<PathValue> paths;
            if (s == t)
                paths = min == 0 ? [new PathValue([s], [])] : [];
            else
                paths = Search(s, t, rp, max ?? long.MaxValue, all, rt, ctx, filters);
            foreach (var p in paths) yield return Bind(rt, rp, pathVar, p);
        }
    }

    /// <summary>Every (start, end) pair the end patterns admit, with the row binding both.</summary>
    private static IEnumerable<(long S, long T, Row Row)> EndPairs(NodePattern a, NodePattern b, Row row, ExecContext ctx,
        List<PatternMatcher.SeekHint>? hints, ElementFilters filters)
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
                if (rt is not null && filters.NodeOk(s, rt, ctx) && filters.NodeOk(t, rt, ctx)) yield return (s, t, rt);
            }
        }
    }

    /// <summary>The row for one found path: its relationship list variable and path variable bound.</summary>
    private static Row Bind(Row row, RelationshipPattern rp, string? pathVar, PathValue path)
    {
        if (rp.Variable is not null) row = row.With(rp.Variable, path.Rels.Cast<object?>().ToList());
        return pathVar is null ? row : row.With(pathVar, path);
    }


    private static Row? BindNode(NodePattern np, long id, Row row, ExecContext ctx)
    {
        if (!LabelMatch.NodeLabelsMatch(id, np.Labels, ctx)) return null;
        var r = np.Variable is not null && !row.Has(np.Variable) ? row.With(np.Variable, new NodeValue(id)) : row;
        if (np.Properties is not null)
        {
            var map = Evaluator.Eval(np.Properties, r, ctx) as IReadOnlyDictionary<string, object?>;
            if (map is not null)
                foreach (var (k, v) in map)
                    if (CypherValues.Equal(ctx.Reader.GetNodeProperty(id, k), v) != true) return null;
        }
        if (np.Where is not null && Evaluator.Eval(np.Where, r, ctx) is not true) return null;
        return r;
    }

    private static bool RelOk(RelationshipPattern rp, RelValue r, Row row, ExecContext ctx)
    {
        if (rp.Properties is null) return true;
        var map = Evaluator.Eval(rp.Properties, row, ctx) as IReadOnlyDictionary<string, object?>;
        if (map is null) return true;
        foreach (var (k, v) in map)
            if (CypherValues.Equal(ctx.Reader.GetRelationshipProperty(r.Id, k), v) != true) return false;
        return true;
    }

    /// <summary>Bidirectional BFS from s and t; returns one shortest path, or all of them.</summary>
    internal static IEnumerable<PathValue> Search(long s, long t, RelationshipPattern rp, long maxHops, bool all, Row row, ExecContext ctx, ElementFilters filters)
    {
        var fwdParents = new Dictionary<long, List<(RelValue Rel, long Prev)>> { [s] = [] };
        var bwdParents = new Dictionary<long, List<(RelValue Rel, long Prev)>> { [t] = [] };
        var fwdDepth = new Dictionary<long, int> { [s] = 0 };
        var bwdDepth = new Dictionary<long, int> { [t] = 0 };
        var fwdFrontier = new List<long> { s };
        var bwdFrontier = new List<long> { t };
        int df = 0, db = 0;
        var reversed = PatternMatcher.Reversed(rp);
        // A node that passed its tests is in a depth map; one that failed is remembered by the admission.
        var admission = filters.Admission(row, ctx);
        while (fwdFrontier.Count > 0 && bwdFrontier.Count > 0 && df + db < maxHops)
        {
            ctx.CheckLimits();
            var forward = fwdFrontier.Count <= bwdFrontier.Count;
            var (frontier, parents, depth, otherDepth, pattern) = forward
                ? (fwdFrontier, fwdParents, fwdDepth, bwdDepth, rp)
                : (bwdFrontier, bwdParents, bwdDepth, fwdDepth, reversed);
            var level = (forward ? df : db) + 1;
            var next = new List<long>();
            var meet = new List<long>();
            foreach (var u in frontier)
            {
                foreach (var r in PatternMatcher.Rels(u, pattern, ctx))
                {
                    ctx.Tick();
                    if (!RelOk(rp, r, row, ctx) || !filters.RelOk(r, row, ctx)) continue;
                    var v = r.Other(u);
                    if (!depth.ContainsKey(v) && !otherDepth.ContainsKey(v) && !admission.Admits(v)) continue;
                    if (depth.TryGetValue(v, out var dv))
                    {
                        if (dv == level) parents[v].Add((r, u));
                        continue;
                    }
                    depth[v] = level;
                    parents[v] = [(r, u)];
                    next.Add(v);
                    // Depth and parent entries of a visited node; held until the statement ends.
                    ctx.Memory.Grow(160);
                    if (otherDepth.ContainsKey(v)) meet.Add(v);
                }
            }
            if (forward) { df = level; fwdFrontier = next; } else { db = level; bwdFrontier = next; }
            if (meet.Count > 0)
            {
                var best = meet.Min(m => otherDepth[m]);
                var meetNodes = meet.Where(m => otherDepth[m] == best).ToList();
                foreach (var m in meetNodes)
                {
                    foreach (var left in Walk(m, fwdParents))
                    {
                        foreach (var right in Walk(m, bwdParents))
                        {
                            var nodes = new List<long>(left.Nodes);
                            nodes.Reverse();
                            var rels = new List<RelValue>(left.Rels);
                            rels.Reverse();
                            nodes.AddRange(right.Nodes.Skip(1));
                            rels.AddRange(right.Rels);
                            yield return new PathValue([.. nodes], [.. rels]);
                            if (!all) yield break;
                        }
                    }
                }
                yield break;
            }
        }
    }

    /// <summary>Every parent chain from <paramref name="node"/> back to the search root (node first).</summary>
    private static IEnumerable<(List<long> Nodes, List<RelValue> Rels)> Walk(long node, Dictionary<long, List<(RelValue Rel, long Prev)>> parents)
    {
        var ps = parents[node];
        if (ps.Count == 0)
        {
            yield return ([node], []);
            yield break;
        }
        foreach (var (rel, prev) in ps)
            foreach (var (n, r) in Walk(prev, parents))
                yield return ([node, .. n], [rel, .. r]);
    }

    private static IEnumerable<Row> Generic(PatternPart part, PathSelector sel, string? pathVar, Row row, ExecContext ctx, HashSet<long> used,
        List<PatternMatcher.SeekHint>? hints, Expression? predicate)
    {
        const string key = "  selpath";
        var groups = new Dictionary<(long, long), List<(Row Row, PathValue Path)>>();
        var order = new List<(long, long)>();
        foreach (var r in PatternMatcher.MatchPlain(part.Path, key, row, ctx, used, hints))
        {
            var p = (PathValue)r[key]!;
            if (predicate is not null)
            {
                var candidate = pathVar is null ? r : r.With(pathVar, p);
                if (Evaluator.Eval(predicate, candidate, ctx) is not true) continue;
            }
            var k = (p.Nodes[0], p.Nodes[^1]);
            if (!groups.TryGetValue(k, out var list)) { groups[k] = list = []; order.Add(k); }
            list.Add((r, p));
        }
        foreach (var k in order)
        {
            var sorted = groups[k].OrderBy(x => x.Path.Rels.Length).ToList();
            IEnumerable<(Row Row, PathValue Path)> chosen = sel.Kind switch
            {
                PathSelectorKind.Any => sorted.Take((int)(sel.Count ?? 1)),
                PathSelectorKind.Shortest or PathSelectorKind.ShortestPathFunction => sorted.Take((int)(sel.Count ?? 1)),
                PathSelectorKind.AllShortest or PathSelectorKind.AllShortestPathsFunction => sorted.TakeWhile(x => x.Path.Rels.Length == sorted[0].Path.Rels.Length),
                PathSelectorKind.ShortestGroups => sorted.Where(x => sorted.Select(y => y.Path.Rels.Length).Distinct().Take((int)(sel.Count ?? 1)).Contains(x.Path.Rels.Length)),
                _ => sorted,
            };
            foreach (var (r, p) in chosen)
            {
                var result = new Row(r.Vars.Where(kv => kv.Key != key).ToDictionary(kv => kv.Key, kv => kv.Value, StringComparer.Ordinal));
                yield return pathVar is null ? result : result.With(pathVar, p);
            }
        }
    }
}
