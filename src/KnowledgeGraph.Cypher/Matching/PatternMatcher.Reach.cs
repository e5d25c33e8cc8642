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

    /// <summary>The walk towards one bound far node: created per expansion, the distance table fetched lazily.</summary>
    private sealed class ReachSearch(long target, RelationshipPattern rp, long max, MatchState st)
    {
        private int _steps;
        private ReachTable? _table;

        /// <summary>The bound far node.</summary>
        public long Target => target;

        /// <summary>False when no walk of at most <paramref name="hopsLeft"/> more relationships from
        /// <paramref name="node"/> can end at the target (a lower bound: see <see cref="ReachTable"/>).</summary>
        public bool MayReach(long node, long hopsLeft, ExecContext ctx)
        {
            if (_table is null)
            {
                if (++_steps < ReachAfterSteps) return true;
                _table = Table(ctx);
            }
            return _table.MayReach(node, hopsLeft);
        }

        private ReachTable Table(ExecContext ctx)
        {
            var radius = (int)Math.Min(max - 1, int.MaxValue);
            var filter = st.Filter;
            var slots = filter is null ? null : (object?[])st.FilterSlots!.Clone();
            // A statement that does not write sees one snapshot, so walks towards the same node with the same types,
            // direction and pushed predicates (the per-length branches of a `paths` query) share one table, grown to
            // the largest radius any of them needs. Predicates reading outer variables are not shared (their values
            // may differ per row).
            if (ctx.Writer is null && (filter is null || filter.ReadsNothing))
            {
                var key = new ReachKey(target, rp.Direction, rp.Types, filter?.Signature);
                var table = ctx.Memo(key, () => new ReachTable(target, Reversed(rp), filter, slots, st.FilterRow));
                table.Extend(radius, ctx);
                return table;
            }
            var own = new ReachTable(target, Reversed(rp), filter, slots, st.FilterRow);
            own.Extend(radius, ctx);
            return own;
        }
    }

    /// <summary>What makes two distance tables the same: the far node, the pattern's direction and types, and the
    /// pushed predicates (structurally).</summary>
    private sealed record ReachKey(long Target, RelationshipDirection Direction, LabelExpression? Types, PathPredicates.Shape? Filter);

    /// <summary>
    /// Breadth-first distances to the far node, walking each relationship against the pattern's direction, grown one
    /// radius at a time. With pushed path predicates (<see cref="PathPredicates"/>) it follows only relationships the
    /// walk could take and passes only through nodes the walk could go on from (inner nodes): the walk rejects
    /// exactly those, so a distance is still a lower bound on the hops any admitted path needs, and pruning by it cuts
    /// only branches that cannot end at the far node. Relationship uniqueness, distinct nodes, the pattern's
    /// property map and inline WHERE are not applied: ignoring a constraint only shortens distances.
    /// </summary>
    private sealed class ReachTable(long target, RelationshipPattern back, PathPredicates? filter, object?[]? slots, Row? filterRow)
    {
        private readonly Dictionary<long, int> _distance = new() { [target] = 0 };
        private List<long> _frontier = [target];
        private int _read;
        private bool _exhausted;

        /// <summary>Every node within this many hops of the target is in the table.</summary>
        private int _complete;

        public bool MayReach(long node, long hopsLeft)
        {
            if (_distance.TryGetValue(node, out var d)) return d <= hopsLeft;
            // Not within the radius searched: farther than it when that radius was completed.
            return hopsLeft > _complete;
        }

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
                var depth = _complete + 1;
                var next = new List<long>();
                foreach (var node in _frontier)
                {
                    // A node other than the target is an inner node of any walk through it.
                    if (node != target && filter is not null && !Inner(node, ctx)) continue;
                    foreach (var r in Rels(node, back, ctx))
                    {
                        if (++_read > ReachBudget)
                        {
                            _exhausted = true; // radius depth - 1 is complete; nodes found at depth are exact
                            return;
                        }
                        if (filter is { EveryRelationship.Length: > 0 } && !PathPredicates.Admits(filter.EveryRelationship, r, filterRow!, slots!, ctx)) continue;
                        var other = r.Other(node);
                        if (_distance.TryAdd(other, depth)) next.Add(other);
                    }
                }
                _frontier = next;
                _complete = depth;
            }
        }

        private bool Inner(long node, ExecContext ctx)
        {
            var value = new Values.NodeValue(node);
            return (filter!.EveryNode.Length == 0 || PathPredicates.Admits(filter.EveryNode, value, filterRow!, slots!, ctx))
                && (filter.InnerNodes.Length == 0 || PathPredicates.Admits(filter.InnerNodes, value, filterRow!, slots!, ctx));
        }
    }

    /// <summary>The pruning for <paramref name="rp"/> when the node pattern after it is bound to a node, else null.</summary>
    private static ReachSearch? ReachTowards(RelationshipPattern rp, NodePattern far, MatchState st)
    {
        if (far.Variable is null || !st.Row.TryGet(far.Variable, out var bound) || bound is not Values.NodeValue target) return null;
        var (_, max) = Bounds(rp);
        // One hop needs no table: the end check does it.
        return max is { } m && m >= 2 ? new ReachSearch(target.Id, rp, m, st) : null;
    }
}
