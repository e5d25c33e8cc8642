using KnowledgeGraph.Cypher.Expressions;
using KnowledgeGraph.Cypher.Functions;
using KnowledgeGraph.Cypher.Runtime;
using KnowledgeGraph.Cypher.Syntax;
using KnowledgeGraph.Cypher.Syntax.Ast;
using KnowledgeGraph.Cypher.Values;
using KnowledgeGraph.Storage;

namespace KnowledgeGraph.Cypher.Matching;

/// <summary>A pushed predicate compiled once per statement: slot 0 holds the path element, the other slots the
/// variables it reads from the row before the MATCH.</summary>
internal delegate object? ElementExpression(object?[] slots, ExecContext ctx);

internal sealed partial class PathPredicates
{
    /// <summary>One pushed conjunct: its element variable, its predicate, and the predicate compiled (null when it
    /// uses something the small compiler below does not cover; it is then interpreted).</summary>
    internal sealed record Predicate(string Variable, Expression Where, ElementExpression? Compiled);

    /// <summary>
    /// Compiles the common shapes of path predicates (label tests, property comparisons, IN, coalesce, AND/OR/NOT)
    /// into delegates, so the walk neither builds a row nor walks a tree per element. Every operator calls the
    /// evaluator's own (<see cref="Evaluator.ApplyBinary"/>, <see cref="Evaluator.Property"/>,
    /// <see cref="Evaluator.LabelTest"/>, <see cref="FunctionRegistry.Invoke"/>), and AND/OR/XOR evaluate both sides
    /// as the evaluator does, so values, nulls and errors are the interpreter's.
    /// </summary>
    private static ElementExpression? Compile(Expression e, string own, IReadOnlyList<string> reads)
    {
        ElementExpression? C(Expression x) => Compile(x, own, reads);
        switch (e)
        {
            case Literal l:
                {
                    var value = l.Value is int i ? (long)i : l.Value;
                    return (_, _) => value;
                }
            case Variable v:
                {
                    var slot = v.Name == own ? 0 : IndexOf(reads, v.Name) + 1;
                    if (slot == 0 && v.Name != own) return null;
                    return (s, _) => s[slot];
                }
            case Parameter p:
                {
                    var name = p.Name;
                    return (_, ctx) => ctx.Param(name);
                }
            case PropertyAccess pa:
                {
                    var target = C(pa.Target);
                    // The key's store token is remembered across reads (the same values and errors).
                    var key = new TokenName(pa.Key);
                    return target is null ? null : (s, ctx) => Evaluator.PropertyByToken(target(s, ctx), key, ctx);
                }
            case LabelPredicate lp:
                {
                    var target = C(lp.Target);
                    if (target is null) return null;
                    if (lp.Labels is LabelName single)
                    {
                        var token = new TokenName(single.Name);
                        return (s, ctx) => Evaluator.LabelTestByToken(target(s, ctx), single, token, ctx);
                    }
                    var labels = lp.Labels;
                    return (s, ctx) => Evaluator.LabelTest(target(s, ctx), labels, ctx);
                }
            case UnaryExpression u:
                {
                    var operand = C(u.Operand);
                    var op = u.Operator;
                    return operand is null ? null : (s, ctx) => Evaluator.Unary(op, operand(s, ctx));
                }
            case IsNullExpression isNull:
                {
                    var operand = C(isNull.Operand);
                    if (operand is null) return null;
                    return isNull.Negated ? (s, ctx) => Boxed.Of(operand(s, ctx) is not null) : (s, ctx) => Boxed.Of(operand(s, ctx) is null);
                }
            case ListLiteral list:
                {
                    var items = new ElementExpression[list.Items.Count];
                    for (var i = 0; i < items.Length; i++)
                        if ((items[i] = C(list.Items[i])!) is null) return null;
                    return (s, ctx) =>
                    {
                        var result = new List<object?>(items.Length);
                        foreach (var item in items) result.Add(item(s, ctx));
                        return result;
                    };
                }
            case BinaryExpression b:
                {
                    var left = C(b.Left);
                    var right = C(b.Right);
                    if (left is null || right is null) return null;
                    if (b.Operator == BinaryOperator.In && b.Right is Parameter list) return InParameter(left, list.Name);
                    var general = Binary(b.Operator, left, right);
                    return b.Operator == BinaryOperator.Or ? LabelSet(b, general, own, reads) ?? general : general;
                }
            case FunctionCall f:
                {
                    var name = f.QualifiedName.ToLowerInvariant();
                    if (name is "exists" or "linenumber" or "file") return null;
                    if (f.Namespace.Count == 0 && ExpressionFacts.AggregateFunctions.Contains(name)) return null;
                    if (!FunctionRegistry.IsBuiltinScalar(name)) return null;
                    var args = new ElementExpression[f.Arguments.Count];
                    for (var i = 0; i < args.Length; i++)
                        if ((args[i] = C(f.Arguments[i])!) is null) return null;
                    if (name == "coalesce" && f.Namespace.Count == 0 && args.Length >= 1) return Coalesce(args);
                    return Call(f, args);
                }
        }
        return null;
    }

    /// <summary>A binary operator over compiled operands: AND/OR/XOR evaluate both sides, as the evaluator does.</summary>
    private static ElementExpression Binary(BinaryOperator op, ElementExpression left, ElementExpression right) => op switch
        {
            BinaryOperator.And => (s, ctx) =>
            {
                var l = Evaluator.AsBool(left(s, ctx));
                var r = Evaluator.AsBool(right(s, ctx));
                if (l == false || r == false) return Boxed.False;
                return l is null || r is null ? null : Boxed.True;
            },
            BinaryOperator.Or => (s, ctx) =>
            {
                var l = Evaluator.AsBool(left(s, ctx));
                var r = Evaluator.AsBool(right(s, ctx));
                if (l == true || r == true) return Boxed.True;
                return l is null || r is null ? null : Boxed.False;
            },
            BinaryOperator.Xor => (s, ctx) =>
            {
                var l = Evaluator.AsBool(left(s, ctx));
                var r = Evaluator.AsBool(right(s, ctx));
                return l is null || r is null ? null : Boxed.Of(l != r);
            },
            _ => (s, ctx) => Evaluator.ApplyBinary(op, left(s, ctx), right(s, ctx), ctx),
        };

    /// <summary>A built-in scalar call over compiled arguments, through the registry's <see cref="FunctionRegistry.Invoke"/>.</summary>
    private static ElementExpression Call(FunctionCall f, ElementExpression[] args)
    {
        var name = f.QualifiedName.ToLowerInvariant();
        if (ArgumentPool.Applies(name, args.Length))
        {
            return (s, ctx) =>
            {
                var values = ArgumentPool.Rent(args.Length);
                try
                {
                    for (var i = 0; i < values.Length; i++) values[i] = args[i](s, ctx);
                    return FunctionRegistry.Invoke(f, values, ctx);
                }
                finally
                {
                    ArgumentPool.Return(values);
                }
            };
        }
        return (s, ctx) =>
        {
            var values = new object?[args.Length];
            for (var i = 0; i < values.Length; i++) values[i] = args[i](s, ctx);
            return FunctionRegistry.Invoke(f, values, ctx);
        };
    }

    private static int IndexOf(IReadOnlyList<string> names, string name)
    {
        for (var i = 0; i < names.Count; i++)
            if (names[i] == name) return i;
        return -1;
    }
}
