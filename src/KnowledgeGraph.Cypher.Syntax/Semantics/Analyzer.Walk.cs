using KnowledgeGraph.Cypher.Syntax.Ast;

namespace KnowledgeGraph.Cypher.Syntax.Semantics;

internal sealed partial class Analyzer
{
    /// <summary>The aggregating functions, by name (case-insensitive): the one list the analyzer, the planner and
    /// the executor's function registry all read.</summary>
    public static readonly IReadOnlySet<string> AggregateNames = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
    {
        "count", "sum", "avg", "min", "max", "collect", "stDev", "stDevP", "percentileCont", "percentileDisc",
    };

    /// <summary>True for an aggregating function call or <c>count(*)</c>.</summary>
    public static bool IsAggregate(Expression e) =>
        e is CountStar || (e is FunctionCall f && f.Namespace.Count == 0 && AggregateNames.Contains(f.Name));

    /// <summary>True when an aggregate occurs anywhere in <paramref name="e"/> (not inside subquery expressions).</summary>
    public static bool ContainsAggregate(Expression e) => IsAggregate(e) || Children(e).Any(ContainsAggregate);

    /// <summary>The direct sub-expressions of an expression (pattern property maps and predicates included, through
    /// the pattern nodes between them): <see cref="SyntaxTree.Children"/> seen from expressions. Subquery expressions
    /// are opaque (their own scope).</summary>
    public static IEnumerable<Expression> Children(Expression e) => e is SubqueryExpression ? [] : ExpressionsBelow(e);

    private static IEnumerable<Expression> ExpressionsBelow(AstNode node)
    {
        foreach (var child in SyntaxTree.Children(node))
        {
            if (child is Expression x)
            {
                yield return x;
            }
            else
            {
                foreach (var y in ExpressionsBelow(child))
                {
                    yield return y;
                }
            }
        }
    }

    private static IEnumerable<Expression> PatternExpressions(PathPattern path) => ExpressionsBelow(path);

    /// <summary>Every named variable a path pattern mentions (nodes, relationships, nested sub-paths).</summary>
    public static IEnumerable<string> PatternVariables(PathPattern path)
    {
        foreach (var element in path.Elements)
        {
            switch (element)
            {
                case NodePattern { Variable: { } v }:
                    yield return v;
                    break;
                case RelationshipPattern { Variable: { } v }:
                    yield return v;
                    break;
                case QuantifiedPathPattern q:
                    foreach (var x in PatternVariables(q.Path))
                    {
                        yield return x;
                    }

                    break;
            }
        }
    }

    /// <summary>True when the expression refers to a variable (ignoring variables it introduces itself).</summary>
    public static bool ReferencesVariables(Expression e) => e switch
    {
        Variable => true,
        ListComprehension or ListPredicate or ReduceExpression or PatternComprehension or PatternPredicate or SubqueryExpression => true,
        _ => Children(e).Any(ReferencesVariables),
    };
}
