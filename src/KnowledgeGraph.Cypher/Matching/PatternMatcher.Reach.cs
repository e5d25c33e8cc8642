using KnowledgeGraph.Cypher.Runtime;
using KnowledgeGraph.Cypher.Syntax.Ast;

namespace KnowledgeGraph.Cypher.Matching;

/// <summary>
/// Pruning for a bounded variable-length relationship whose far node is already bound, as in
/// <c>MATCH (a) MATCH (b) MATCH p = (a)-[:T*4..4]-(b)</c>: the depth-first walk from <c>a</c> only descends into a node
/// from which <c>b</c> can still be reached in the hops left. Without it the walk enumerates every trail of the
/// pattern's length from <c>a</c> and drops those that end elsewhere, which between two hubs is the product of their
/// neighbourhoods. Only branches that cannot end at <c>b</c> are cut, so the paths found, and their order, are the same.
/// </summary>
internal static partial class PatternMatcher
{
    /// <summary>Relationships a walk reads before it pays for the distance table (small walks never do).</summary>
    private const int ReachAfterSteps = 64;

    /// <summary>Relationships the breadth-first search from the far node may read; past that, the radius it completed
    /// is used and farther nodes are not pruned.</summary>
    private const int ReachBudget = 200_000;

    /// <summary>The walk towards one bound far node: created per expansion, the distance table built lazily.</summary>
    private sealed class ReachSearch(long target, RelationshipPattern rp, long max)
    {
        private int _steps;
        private Dictionary<long, int>? _distance;
        private int _complete;

        /// <summary>False when no walk of at most <paramref name="hopsLeft"/> more relationships from
        /// <paramref name="node"/> can end at the target (a lower bound from the unfiltered pattern types and direction).</summary>
        public bool MayReach(long node, long hopsLeft, ExecContext ctx)
        {
            if (_distance is null)
            {
                if (++_steps < ReachAfterSteps) return true;
                Build(ctx);
            }
            if (_distance!.TryGetValue(node, out var d)) return d <= hopsLeft;
            // Not within the radius searched: farther than it when that radius was completed.
            return hopsLeft > _complete;
        }

        private void Build(ExecContext ctx)
        {
            // Walked from the target, each relationship is followed against the pattern's direction.
            var back = Reversed(rp);
            var radius = (int)Math.Min(max - 1, int.MaxValue);
            _distance = new Dictionary<long, int> { [target] = 0 };
            var frontier = new List<long> { target };
            var read = 0;
            _complete = 0;
            for (var depth = 1; depth <= radius && frontier.Count > 0; depth++)
            {
                var next = new List<long>();
                foreach (var node in frontier)
                {
                    foreach (var r in Rels(node, back, ctx))
                    {
                        if (++read > ReachBudget) return; // radius depth - 1 is complete
                        var other = r.Other(node);
                        if (_distance.TryAdd(other, depth)) next.Add(other);
                    }
                }
                frontier = next;
                _complete = depth;
            }
            // The frontier emptied or the radius was reached: every node within the radius is in the table.
            _complete = radius;
        }
    }

    /// <summary>The pruning for <paramref name="rp"/> when the node pattern after it is bound to a node, else null.</summary>
    private static ReachSearch? ReachTowards(RelationshipPattern rp, NodePattern far, MatchState st)
    {
        if (far.Variable is null || !st.Row.TryGet(far.Variable, out var bound) || bound is not Values.NodeValue target) return null;
        var (_, max) = Bounds(rp);
        // One hop needs no table: the end check does it.
        return max is { } m && m >= 2 ? new ReachSearch(target.Id, rp, m) : null;
    }
}
