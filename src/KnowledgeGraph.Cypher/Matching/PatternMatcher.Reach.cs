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
    /// The distance search for the matcher's walk: each relationship against the pattern's direction; with pushed path
    /// predicates (<see cref="PathPredicates"/>) only relationships the walk could take, through nodes it could go on
    /// from (the walk rejects exactly those).
    /// </summary>
    private sealed class ReachTable(long target, RelationshipPattern back, PathPredicates? filter, object?[]? slots, Row? filterRow)
        : DistanceSearch(target)
    {
        protected override bool PassesThrough(long node, ExecContext ctx)
        {
            if (filter is null) return true;
            var value = new Values.NodeValue(node);
            return (filter.EveryNode.Length == 0 || PathPredicates.Admits(filter.EveryNode, value, filterRow!, slots!, ctx))
                && (filter.InnerNodes.Length == 0 || PathPredicates.Admits(filter.InnerNodes, value, filterRow!, slots!, ctx));
        }

        protected override bool Visit(long node, ExecContext ctx)
        {
            foreach (var r in Rels(node, back, ctx))
            {
                if (!Count()) return false;
                if (filter is { EveryRelationship.Length: > 0 } && !PathPredicates.Admits(filter.EveryRelationship, r, filterRow!, slots!, ctx)) continue;
                Reached(r.Other(node));
            }
            return true;
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
