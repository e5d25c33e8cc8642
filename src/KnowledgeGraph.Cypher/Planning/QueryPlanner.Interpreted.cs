using KnowledgeGraph.Cypher.Expressions;
using KnowledgeGraph.Cypher.Runtime;
using KnowledgeGraph.Cypher.Syntax;
using KnowledgeGraph.Cypher.Syntax.Ast;

namespace KnowledgeGraph.Cypher.Planning;

/// <summary>
/// Expressions the compiler does not cover (pattern predicates and comprehensions, EXISTS / COUNT / COLLECT
/// subqueries, list comprehensions and predicates, reduce, …) and CALL of a read-only procedure. Both run through
/// the interpreter's own code inside a planned operator — the evaluator over a row of the expression's outer
/// variables, <see cref="Procedures.ProcedureCall"/> over one input row — so values, nulls and errors stay the
/// interpreter's while the rest of the query runs as operators.
/// </summary>
internal sealed partial class QueryPlanner
{
    /// <summary>The variables the MATCH being planned binds (a predicate waits for those it reads).</summary>
    private HashSet<string> _clauseNames = new(StringComparer.Ordinal);

    /// <summary>The expression evaluated by the interpreter's evaluator over a row of the variables it reads from
    /// the current scope (names it reads that are not in scope are its own: comprehension, quantifier, pattern or
    /// subquery locals, which the evaluator binds). Not inside an aggregation's projection.</summary>
    private SlotExpression Interpreted(Expression e, Func<string, int?> resolve, Func<Expression, int?>? exact)
    {
        if (exact is not null || ExpressionFacts.ContainsAggregate(e)) throw Decline();
        PlanEvaluatedSubqueries(e, resolve);
        var names = new List<string>();
        var slots = new List<int>();
        foreach (var name in NamesIn(e))
        {
            if (resolve(name) is { } slot)
            {
                names.Add(name);
                slots.Add(slot);
            }
            // A variable of the scope this expression cannot read here (say, projected away by an aggregation).
            else if (_scope.ContainsKey(name)) throw Decline();
        }
        var nameArray = names.ToArray();
        var slotArray = slots.ToArray();
        return (row, ctx) =>
        {
            var values = new object?[slotArray.Length];
            for (var i = 0; i < values.Length; i++) values[i] = row[slotArray[i]];
            return Evaluator.Eval(e, Row.FromArrays(nameArray, values), ctx);
        };
    }

    /// <summary>Every name an expression mentions: variables, and the variables of the patterns inside it (pattern
    /// predicates and comprehensions, subqueries), which read the outer variable of that name when there is one.</summary>
    private static IEnumerable<string> NamesIn(AstNode e)
    {
        var names = new HashSet<string>(AstWalk.VariablesIn(e), StringComparer.Ordinal);
        foreach (var n in SyntaxTree.Descendants(e))
        {
            switch (n)
            {
                case NodePattern { Variable: { } nv }: names.Add(nv); break;
                case RelationshipPattern { Variable: { } rv }: names.Add(rv); break;
                case PatternPart { PathVariable: { } pv }: names.Add(pv); break;
            }
        }
        return names;
    }

    /// <summary>CALL proc(args) YIELD …: ProcedureCall, the procedure run once per input row.</summary>
    private void PlanProcedureCall(CallProcedureClause cp)
    {
        _shareable = false;
        if (cp.Standalone) throw Decline();
        // Signature checks and the yielded columns, as the interpreter does them before running anything.
        var (_, columns) = Procedures.ProcedureCall.Apply(cp, [], _ctx);
        if (columns.Any(c => _scope.ContainsKey(c) || c.StartsWith(' ')) || columns.Distinct(StringComparer.Ordinal).Count() != columns.Count) throw Decline();
        var reads = new List<string>();
        foreach (var a in cp.Arguments ?? [])
            reads.AddRange(AstWalk.VariablesIn(a));
        if (cp.Where is not null) reads.AddRange(AstWalk.VariablesIn(cp.Where).Where(v => !columns.Contains(v)));
        var inputs = reads.Distinct(StringComparer.Ordinal).ToArray();
        if (inputs.Any(n => !_scope.ContainsKey(n))) throw Decline();
        var outputSlots = columns.Select(_ => _layout.Add()).ToArray();
        Push(new ProcedureCallOperator(_plan, cp, inputs, [.. inputs.Select(n => _scope[n])], [.. columns], outputSlots, _layout)
        {
            Details = cp.QualifiedName + "(" + string.Join(", ", (cp.Arguments ?? []).Select(Text)) + ")" + (columns.Count > 0 ? " :: (" + string.Join(", ", columns) + ")" : ""),
            EstimatedRows = _estimate = Math.Max(1, _estimate * 10),
        });
        for (var i = 0; i < columns.Count; i++) _scope[columns[i]] = outputSlots[i];
    }
}
