using KnowledgeGraph.Cypher.Syntax.Ast;

namespace KnowledgeGraph.Cypher.Planning;

internal static partial class ExpressionCompiler
{
    /// <summary>COLLECT / COUNT / EXISTS subqueries: the subquery's own plan, made once with the statement's by the
    /// planner compiling this expression, run per row over an Argument of the imported variables
    /// (<see cref="QueryPlanner.CompileSubquery"/>). Not after an aggregation or DISTINCT (items read by
    /// expression), and not outside the planner: the evaluator runs those.</summary>
    private static SlotExpression? Subquery(SubqueryExpression sq, Func<string, int?> resolve, Func<Expression, int?>? exact)
    {
        if (exact is not null) return null;
        // The subquery's expressions are top-level expressions of its own plan, with memo plans of their own.
        var memo = t_memo;
        t_memo = null;
        try
        {
            return QueryPlanner.CompileSubquery(sq, resolve);
        }
        finally
        {
            t_memo = memo;
        }
    }
}
