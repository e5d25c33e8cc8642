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
    /// a <see cref="PatternWalkOperator"/>, then the WHERE as a Filter over the bound slots. Optional matches are
    /// not covered (the planner declines them and the interpreter runs the query).
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
        _estimate = Math.Max(1, _estimate * 10);
        Push(new PatternWalkOperator(_plan!, m, inputNames, inputSlots, bound, boundSlots)
        {
            Details = CypherPrinter.Print(m.Pattern).Replace("`", "", StringComparison.Ordinal),
            EstimatedRows = _estimate,
        });
        if (m.Where is null) return;
        // Names the WHERE reads that are neither in scope nor bound by the pattern: left to the interpreter.
        foreach (var name in AstWalk.VariablesIn(m.Where))
            if (!_scope.ContainsKey(name) && !LocalIn(m.Where, name)) throw Decline();
        // Conjuncts the walk itself guarantees (no node twice) are not tested again on every path found.
        var enforced = m.Pattern.Parts.Count == 1 ? PathPredicates.EnforcedByWalk(m.Pattern.Parts[0], m.Where, inputNames) : new HashSet<Expression>();
        var rest = AstWalk.Conjuncts(m.Where).Where(c => !enforced.Contains(c)).ToList();
        if (rest.Count == 0) return;
        var where = rest.Aggregate((l, r) => new BinaryExpression(BinaryOperator.And, l, r));
        var predicate = Compile(where);
        _estimate = CostModel.Filtered(_estimate, where);
        Push(new FilterOperator(_plan!, predicate) { Details = Text(where), EstimatedRows = _estimate });
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
