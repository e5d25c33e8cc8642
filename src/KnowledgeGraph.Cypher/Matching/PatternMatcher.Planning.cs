using KnowledgeGraph.Cypher.Expressions;
using KnowledgeGraph.Cypher.Runtime;
using KnowledgeGraph.Cypher.Syntax.Ast;
using KnowledgeGraph.Cypher.Values;

namespace KnowledgeGraph.Cypher.Matching;

/// <summary>
/// Where a pattern starts. Neo4j's planner may start a chain at any node and join pattern parts in any order; so do
/// we, in a small way: a chain starts at its most selective node, an end or a middle one (a bound variable or an index
/// seek in the middle of <c>(a:P)-[:A]-&gt;(m {key: $k})&lt;-[:A]-(b:P)</c> beats scanning every <c>:P</c>), and the
/// parts of one MATCH are taken most selective first. Ties keep the written order, so plans only change where
/// they get cheaper.
/// </summary>
internal static partial class PatternMatcher
{
    /// <summary>The index, in a normalized chain, of the node to start from: the first or last node (the cheaper end,
    /// as <see cref="ReverseAnchor"/> decides) unless a middle node is strictly more selective than that end.</summary>
    internal static int AnchorIndex(List<PathElement> elems, Row row, ExecContext ctx, List<SeekHint>? hints)
    {
        if (elems.Count == 1) return 0;
        var first = (NodePattern)elems[0];
        var last = (NodePattern)elems[^1];
        var end = ReverseAnchor(first, last, row, ctx, hints) ? elems.Count - 1 : 0;
        var best = end;
        var bestCost = Cost((NodePattern)elems[end], row, ctx, hints);
        for (var i = 2; i < elems.Count - 1; i += 2)
        {
            var cost = Cost((NodePattern)elems[i], row, ctx, hints);
            if (cost.CompareTo(bestCost) < 0)
            {
                best = i;
                bestCost = cost;
            }
        }
        return best;
    }

    /// <summary>Selectivity class, then (for scans only) the number of candidate nodes.</summary>
    private static (int Rank, long Candidates) Cost(NodePattern np, Row row, ExecContext ctx, List<SeekHint>? hints)
    {
        var rank = SeekRank(np, row, ctx, hints);
        return (rank, rank == NoSeek ? Estimate(np, ctx) : 0);
    }

    /// <summary>
    /// The parts of a MATCH in the order to match them: repeatedly the cheapest remaining part, given the variables
    /// the parts taken so far bind. Parts whose property maps or inline predicates read another part's variables keep
    /// the written order (they need those bound first).
    /// </summary>
    internal static IReadOnlyList<PatternPart> OrderParts(IReadOnlyList<PatternPart> parts, Row row, ExecContext ctx, List<SeekHint>? hints)
    {
        if (parts.Count < 2) return parts;
        var declared = parts.Select(p => AstWalk.PartVariables(p).ToHashSet()).ToList();
        for (var i = 0; i < parts.Count; i++)
        {
            var reads = AstWalk.VariablesIn(parts[i]).ToHashSet();
            for (var j = 0; j < parts.Count; j++)
                if (j != i && reads.Overlaps(declared[j])) return parts;
        }
        var remaining = parts.ToList();
        var ordered = new List<PatternPart>(parts.Count);
        var scope = row;
        while (remaining.Count > 0)
        {
            var bestIndex = 0;
            var bestCost = PartCost(remaining[0], scope, ctx, hints);
            for (var i = 1; i < remaining.Count; i++)
            {
                var cost = PartCost(remaining[i], scope, ctx, hints);
                if (cost.CompareTo(bestCost) < 0)
                {
                    bestIndex = i;
                    bestCost = cost;
                }
            }
            var chosen = remaining[bestIndex];
            remaining.RemoveAt(bestIndex);
            ordered.Add(chosen);
            // Only whether a name is bound matters to the cost, not its value.
            scope = scope.WithNulls(AstWalk.PartVariables(chosen));
        }
        return ordered;
    }

    private static (int Rank, long Candidates) PartCost(PatternPart part, Row scope, ExecContext ctx, List<SeekHint>? hints)
    {
        var elems = Normalize(part.Path.Elements);
        if (part.Selector is { Kind: not PathSelectorKind.All })
        {
            // A shortest-path search wants both ends in hand: it costs as much as its worse end.
            var a = Cost((NodePattern)elems[0], scope, ctx, hints);
            var b = Cost((NodePattern)elems[^1], scope, ctx, hints);
            return a.CompareTo(b) >= 0 ? a : b;
        }
        return Cost((NodePattern)elems[AnchorIndex(elems, scope, ctx, hints)], scope, ctx, hints);
    }

    /// <summary>
    /// Matches a chain from a middle node: the right-hand side forward from the anchor, then, for each way to finish
    /// it, the left-hand side backward from the anchor. The search state then holds the anchor, the right side's
    /// nodes and relationships, then the left side's in reverse; the path is put back in written order.
    /// </summary>
    private static IEnumerable<Row> MatchFromMiddle(List<PathElement> elems, int anchorIndex, string? pathVar, Row row, ExecContext ctx, HashSet<long> used, List<SeekHint>? hints)
    {
        var right = elems.GetRange(anchorIndex, elems.Count - anchorIndex);
        var leftWritten = elems.GetRange(0, anchorIndex + 1);
        var left = Reverse(leftWritten);
        var leftListVars = ListVariables(leftWritten);
        var st = new MatchState(row, used);
        foreach (var start in Candidates((NodePattern)elems[anchorIndex], row, ctx, hints))
        {
            ctx.Tick();
            st.StartAt(row, start);
            foreach (var _ in MatchElements(right, 0, start, st, ctx))
            {
                var rightNodes = st.Nodes.Count;
                var rightRels = st.Rels.Count;
                foreach (var __ in MatchElements(left, 0, start, st, ctx))
                {
                    var result = ReverseLists(st.Row, leftListVars);
                    if (pathVar is not null)
                    {
                        var nodes = new long[st.Nodes.Count];
                        var at = 0;
                        for (var i = st.Nodes.Count - 1; i >= rightNodes; i--) nodes[at++] = st.Nodes[i];
                        for (var i = 0; i < rightNodes; i++) nodes[at++] = st.Nodes[i];
                        var rels = new RelValue[st.Rels.Count];
                        at = 0;
                        for (var i = st.Rels.Count - 1; i >= rightRels; i--) rels[at++] = st.Rels[i];
                        for (var i = 0; i < rightRels; i++) rels[at++] = st.Rels[i];
                        result = result.With(pathVar, new PathValue(nodes, rels));
                    }
                    yield return result;
                }
            }
        }
    }
}
