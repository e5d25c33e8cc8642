using KnowledgeGraph.Cypher.Expressions;
using KnowledgeGraph.Cypher.Matching;
using KnowledgeGraph.Cypher.Syntax;
using KnowledgeGraph.Cypher.Syntax.Ast;

namespace KnowledgeGraph.Cypher.Planning;

internal sealed partial class QueryPlanner
{
    /// <summary>
    /// A MATCH whose variable-length walk checks path predicates while it walks (the branches of a `paths` statement:
    /// <c>MATCH p = (a)-[*h..h]-(b) WHERE all(… nodes(p) …) AND all(… relationships(p) …)</c>): the matcher's walk in
    /// a <see cref="PatternWalkOperator"/>, which then tests the WHERE over the bound slots (only the conjuncts the walk
    /// did not check, while none of its checks failed with an error). Optional matches are not covered (the planner
    /// declines them and the interpreter runs the query).
    /// </summary>
    private void PlanPatternWalk(MatchClause m)
    {
        if (m.Optional) throw Decline();
        var patternNames = AstWalk.PatternVariables(m.Pattern).Distinct(StringComparer.Ordinal).ToList();
        // The matcher reads the row the interpreter would hand it: every visible variable in scope.
        var inputNames = _scope.Keys.Where(n => !n.StartsWith(' ')).ToArray();
        var inputSlots = inputNames.Select(n => _scope[n]).ToArray();
        var bound = patternNames.Where(n => !_scope.ContainsKey(n)).ToArray();
        var boundSlots = new int[bound.Length];
        for (var i = 0; i < bound.Length; i++) _scope[bound[i]] = boundSlots[i] = _layout.Add();
        SlotExpression? where = null, @unchecked = null;
        var details = CypherPrinter.Print(m.Pattern).Replace("`", "", StringComparison.Ordinal);
        if (m.Where is not null)
        {
            // Names the WHERE reads that are neither in scope nor bound by the pattern: left to the interpreter.
            foreach (var name in AstWalk.VariablesIn(m.Where))
                if (!_scope.ContainsKey(name) && !LocalIn(m.Where, name)) throw Decline();
            where = Compile(m.Where);
            // Conjuncts the walk checks on every element (node kinds, relationship filters, no node twice) are not
            // tested again on the paths it finds, unless a check failed with an error (see PatternWalkOperator).
            var checkedByWalk = m.Pattern.Parts.Count == 1 ? PathPredicates.CheckedByWalk(m.Pattern.Parts[0], m.Where, inputNames) : new HashSet<Expression>();
            var rest = AstWalk.Conjuncts(m.Where).Where(c => !checkedByWalk.Contains(c)).ToList();
            @unchecked = rest.Count == 0 ? null : Compile(rest.Aggregate((l, r) => new BinaryExpression(BinaryOperator.And, l, r)));
            details += " WHERE " + Text(m.Where);
        }
        _estimate = Math.Max(1, _estimate * 10);
        if (m.Where is not null) _estimate = CostModel.Filtered(_estimate, m.Where);
        var walk = new PatternWalkOperator(_plan!, m, inputNames, inputSlots, bound, boundSlots, where, @unchecked)
        {
            Details = details,
            EstimatedRows = _estimate,
        };
        Push((PlanOperator?)IntoWalk(m, walk, bound, boundSlots, where, @unchecked) ?? walk);
    }

    /// <summary>
    /// The walk as VarLengthExpand(Into) (<see cref="VarLengthIntoOperator"/>) when its MATCH is one var-length
    /// relationship between two bound node variables with nothing else to check on them,
    /// <c>MATCH p = (a)-[T*m..n]-(b)</c> (a relationship list variable not bound before, no property map or inline
    /// WHERE on the relationship), and every variable its pushed predicates read is in scope; else null.
    /// <paramref name="walk"/> is kept as the operator's fallback for statements that write.
    /// </summary>
    private VarLengthIntoOperator? IntoWalk(MatchClause m, PatternWalkOperator walk, string[] bound, int[] boundSlots, SlotExpression? where, SlotExpression? @unchecked)
    {
        if (m.Pattern.Parts is not [var part] || part.Selector is { Kind: not PathSelectorKind.All }) return null;
        if (part.Path.Elements is not [NodePattern first, RelationshipPattern { IsVariableLength: true, Properties: null, Where: null } rp, NodePattern last]) return null;
        // In scope before this MATCH (the pattern's own variables were added to the scope already, as bound).
        bool Before(string name) => _scope.ContainsKey(name) && !bound.Contains(name);
        if (first is not { Variable: { } from, Labels: null, Properties: null, Where: null } || !Before(from)) return null;
        if (last is not { Variable: { } to, Labels: null, Properties: null, Where: null } || !Before(to)) return null;
        if (rp.Variable is { } relVar && !bound.Contains(relVar)) return null;
        if (PathPredicates.Of(part, m.Where) is not { } filter || filter.Reads.Any(r => !Before(r))) return null;
        var (min, max) = PatternMatcher.Bounds(rp);
        int SlotOf(string? name) => name is null ? -1 : boundSlots[Array.IndexOf(bound, name)];
        return new VarLengthIntoOperator(_plan!, rp, rp.Types?.AsDisjunction(), filter, min, max ?? long.MaxValue, _scope[from], from, _scope[to],
            SlotOf(part.PathVariable), SlotOf(rp.Variable), [.. filter.Reads.Select(r => _scope[r])], where, @unchecked, walk)
        {
            Details = walk.Details,
            EstimatedRows = walk.EstimatedRows,
        };
    }

    /// <summary>True when <paramref name="name"/> is a local of some comprehension, quantifier or reduce in
    /// <paramref name="e"/> (bound there, not read from the scope).</summary>
    private static bool LocalIn(Expression e, string name) =>
        SyntaxTree.Descendants(e).Prepend(e).Any(n => n switch
        {
            ListComprehension lc => lc.Variable == name,
            ListPredicate lp => lp.Variable == name,
            ReduceExpression r => r.Variable == name || r.Accumulator == name,
            _ => false,
        });
}
