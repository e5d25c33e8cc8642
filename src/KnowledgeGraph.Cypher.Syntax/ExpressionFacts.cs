using KnowledgeGraph.Cypher.Syntax.Ast;
using KnowledgeGraph.Cypher.Syntax.Semantics;

namespace KnowledgeGraph.Cypher.Syntax;

/// <summary>Questions about expressions that the planner and executor ask too, answered the way the semantic analyzer
/// does: the one home of this knowledge (the engine asks here rather than keeping its own lists).</summary>
public static class ExpressionFacts
{
    /// <summary>The aggregating function names (case-insensitive set): <c>count</c>, <c>sum</c>, <c>avg</c>,
    /// <c>min</c>, <c>max</c>, <c>collect</c>, <c>stDev</c>, <c>stDevP</c>, <c>percentileCont</c>, <c>percentileDisc</c>.</summary>
    public static IReadOnlySet<string> AggregateFunctions => Analyzer.AggregateNames;

    /// <summary>True for an aggregating function call (<c>count</c>, <c>sum</c>, <c>avg</c>, <c>min</c>, <c>max</c>,
    /// <c>collect</c>, <c>stDev</c>, <c>stDevP</c>, <c>percentileCont</c>, <c>percentileDisc</c>) or <c>count(*)</c>.</summary>
    public static bool IsAggregate(Expression expression)
    {
        ArgumentNullException.ThrowIfNull(expression);
        return Analyzer.IsAggregate(expression);
    }

    /// <summary>True when an aggregate occurs anywhere in the expression (subquery expressions excluded).</summary>
    public static bool ContainsAggregate(Expression expression)
    {
        ArgumentNullException.ThrowIfNull(expression);
        // Leaves answer at once; larger trees are walked once per node (statements are cached as immutable trees,
        // and the executor asks again for every statement it builds: a GraphQL projection is a large tree).
        if (expression is Variable or Parameter or Literal) return Analyzer.IsAggregate(expression);
        if (AggregateMemo.TryGetValue(expression, out var known)) return ReferenceEquals(known, Yes);
        var found = Analyzer.ContainsAggregate(expression);
        AggregateMemo.AddOrUpdate(expression, found ? Yes : No);
        return found;
    }

    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<Expression, object> AggregateMemo = new();
    private static readonly object Yes = new(), No = new();

    /// <summary>The direct sub-expressions (including property maps and predicates of patterns inside it).</summary>
    public static IEnumerable<Expression> Children(Expression expression)
    {
        ArgumentNullException.ThrowIfNull(expression);
        return Analyzer.Children(expression);
    }

    /// <summary>Every named node / relationship variable of a path pattern, nested sub-paths included, in order.</summary>
    public static IEnumerable<string> Variables(PathPattern pattern)
    {
        ArgumentNullException.ThrowIfNull(pattern);
        return Analyzer.PatternVariables(pattern);
    }
}
