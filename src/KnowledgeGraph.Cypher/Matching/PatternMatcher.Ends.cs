using KnowledgeGraph.Cypher.Runtime;
using KnowledgeGraph.Cypher.Syntax.Ast;

namespace KnowledgeGraph.Cypher.Matching;

internal static partial class PatternMatcher
{
    /// <summary>
    /// The far ends of a variable-length relationship walked from <paramref name="start"/> — the same walk MATCH
    /// does (<see cref="ExpandVar"/>: bounds, types, property map, relationship uniqueness against
    /// <see cref="MatchState.Used"/>, pruning towards a bound far node) — for the planner's VarLengthExpand. The state
    /// must have been started at <paramref name="start"/>; while an end is current, <see cref="MatchState.Row"/> binds
    /// the relationship list when <paramref name="rp"/> names it. The far node is not checked or bound here.
    /// </summary>
    internal static IEnumerable<long> VarLengthEnds(RelationshipPattern rp, long start, NodePattern far, MatchState st, ExecContext ctx) =>
        ExpandVar(rp, start, st, ctx, ReachTowards(rp, far, st));
}
