using System.Collections;
using System.Collections.Concurrent;
using System.Reflection;
using KnowledgeGraph.Cypher.Functions;
using KnowledgeGraph.Cypher.Syntax.Ast;

namespace KnowledgeGraph.Cypher.Expressions;

/// <summary>Generic traversal of the syntax tree (children found by reflection, cached per node type), so
/// analyses such as "which variables does this expression read" stay correct as the AST grows.</summary>
internal static class AstWalk
{
    private static readonly ConcurrentDictionary<Type, PropertyInfo[]> ChildProps = new();

    public static IEnumerable<AstNode> Children(AstNode node)
    {
        var props = ChildProps.GetOrAdd(node.GetType(), t => t.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.GetIndexParameters().Length == 0 && p.Name != "EqualityContract"
                && (typeof(AstNode).IsAssignableFrom(p.PropertyType) || (typeof(IEnumerable).IsAssignableFrom(p.PropertyType) && p.PropertyType != typeof(string))))
            .ToArray());
        foreach (var p in props)
        {
            var v = p.GetValue(node);
            if (v is AstNode child) yield return child;
            else if (v is IEnumerable e && v is not string)
                foreach (var item in e)
                    if (item is AstNode c) yield return c;
        }
    }

    public static IEnumerable<AstNode> Descendants(AstNode node, Func<AstNode, bool>? descendInto = null)
    {
        foreach (var c in Children(node))
        {
            yield return c;
            if (descendInto is null || descendInto(c))
                foreach (var d in Descendants(c, descendInto)) yield return d;
        }
    }

    /// <summary>True when the expression (outside nested subqueries) contains an aggregate call.</summary>
    public static bool ContainsAggregate(Expression e) =>
        IsAggregate(e) || Descendants(e, n => n is not SubqueryExpression).Any(IsAggregate);

    public static bool IsAggregate(AstNode n) =>
        n is CountStar || (n is FunctionCall f && FunctionRegistry.IsAggregate(f));

    /// <summary>Variable names referenced (approximation: every Variable node, including ones bound locally).</summary>
    public static IEnumerable<string> VariablesIn(AstNode e)
    {
        if (e is Variable v0) yield return v0.Name;
        foreach (var n in Descendants(e))
            if (n is Variable v) yield return v.Name;
    }

    /// <summary>Variables a pattern binds, in order of appearance.</summary>
    public static IEnumerable<string> PatternVariables(Pattern p)
    {
        foreach (var part in p.Parts)
            foreach (var v in PartVariables(part)) yield return v;
    }

    public static IEnumerable<string> PartVariables(PatternPart part)
    {
        if (part.PathVariable is not null) yield return part.PathVariable;
        foreach (var v in PathVariables(part.Path)) yield return v;
    }

    public static IEnumerable<string> PathVariables(PathPattern path)
    {
        foreach (var el in path.Elements)
        {
            switch (el)
            {
                case NodePattern np when np.Variable is not null: yield return np.Variable; break;
                case RelationshipPattern rp when rp.Variable is not null: yield return rp.Variable; break;
                case QuantifiedPathPattern q:
                    foreach (var v in PathVariables(q.Path)) yield return v;
                    break;
            }
        }
    }

    /// <summary>Splits a predicate into its AND-ed conjuncts.</summary>
    public static IEnumerable<Expression> Conjuncts(Expression? e)
    {
        if (e is null) yield break;
        if (e is BinaryExpression { Operator: BinaryOperator.And } b)
        {
            foreach (var x in Conjuncts(b.Left)) yield return x;
            foreach (var x in Conjuncts(b.Right)) yield return x;
        }
        else yield return e;
    }
}
