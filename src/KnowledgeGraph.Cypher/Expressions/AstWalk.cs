using KnowledgeGraph.Cypher.Syntax;
using KnowledgeGraph.Cypher.Syntax.Ast;

namespace KnowledgeGraph.Cypher.Expressions;

/// <summary>The engine's questions about variables and predicates in the syntax tree, answered over the one walker
/// (<see cref="SyntaxTree"/>) and the analyzer's facts (<see cref="ExpressionFacts"/>).</summary>
internal static class AstWalk
{
    /// <summary>Variable names referenced (approximation: every Variable node, including ones bound locally). A
    /// parameter or literal has none, answered without a walk: SKIP / LIMIT <c>$p</c> is checked this way on every
    /// run of a cached plan.</summary>
    public static IEnumerable<string> VariablesIn(AstNode e) => e is Parameter or Literal ? [] : Walk(e);

    private static IEnumerable<string> Walk(AstNode e)
    {
        if (e is Variable v0) yield return v0.Name;
        foreach (var n in SyntaxTree.Descendants(e))
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

    public static IEnumerable<string> PathVariables(PathPattern path) => ExpressionFacts.Variables(path);

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
