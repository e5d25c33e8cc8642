using KnowledgeGraph.Cypher.Expressions;
using KnowledgeGraph.Cypher.Runtime;
using KnowledgeGraph.Cypher.Syntax.Ast;
using KnowledgeGraph.Spatial;
using KnowledgeGraph.Storage;

namespace KnowledgeGraph.Cypher.Matching;

/// <summary>
/// Which index type serves which predicate, as Neo4j's planner decides: a RANGE index serves equality, ranges and
/// prefixes on any value; a TEXT index equality and prefixes on strings; a POINT index equality on points and the
/// bounding-box and distance predicates. A TEXT or POINT index is chosen for equality only when the compared value is
/// known to be a string (or point) before the seek: a literal, a parameter or a <c>point()</c> call of the row. A seek
/// only ever narrows the candidates (the store falls back to a label scan when no index holds the value's type), so
/// the choice decides speed and the plan shown, never the result.
/// </summary>
internal static partial class PatternMatcher
{
    /// <summary>Whether some index on (label, property) serves <c>n.property = value</c> (or <c>IN</c> a list).</summary>
    private static bool ServesEquality(string label, string property, Expression value, bool isList, Row row, ExecContext ctx)
    {
        if (ctx.Reader.FindIndex(label, property) is not null) return true;
        var hasText = ctx.Reader.FindIndex(label, property, IndexType.Text) is not null;
        var hasPoint = ctx.Reader.FindIndex(label, property, IndexType.Point) is not null;
        if (!hasText && !hasPoint) return false;
        if (KnownValue(value, row, ctx) is not { } known) return false;
        IEnumerable<object?> values = isList ? known as IReadOnlyList<object?> ?? [] : [known];
        var any = false;
        foreach (var v in values)
        {
            if (v is null) continue;
            if (!(v is string ? hasText : v is CypherPoint && hasPoint)) return false;
            any = true;
        }

        return any;
    }

    /// <summary>Whether some index on (label, property) serves a range (<c>&lt;</c>, <c>STARTS WITH</c>) or spatial
    /// hint: spatial hints need a POINT index, prefixes a RANGE or TEXT index, comparisons a RANGE index.</summary>
    private static bool ServesRange(string label, string property, SeekHint hint, ExecContext ctx) =>
        hint.Spatial is not null ? ctx.Reader.FindIndex(label, property, IndexType.Point) is not null
        : ctx.Reader.FindIndex(label, property) is not null
          || (hint.Op == BinaryOperator.StartsWith && ctx.Reader.FindIndex(label, property, IndexType.Text) is not null);

    /// <summary>The value of a literal, a parameter or a <c>point()</c> call over them, without running anything else.</summary>
    private static object? KnownValue(Expression value, Row row, ExecContext ctx) => value switch
    {
        Literal or Parameter or ListLiteral or MapLiteral => Evaluator.Eval(value, row, ctx),
        FunctionCall { Namespace.Count: 0 } f when f.Name.Equals("point", StringComparison.OrdinalIgnoreCase)
            && f.Arguments.All(a => a is Literal or Parameter or MapLiteral) => Evaluator.Eval(value, row, ctx),
        _ => null,
    };
}
