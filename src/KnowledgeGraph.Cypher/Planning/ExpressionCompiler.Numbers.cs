using KnowledgeGraph.Cypher.Expressions;
using KnowledgeGraph.Cypher.Syntax.Ast;
using KnowledgeGraph.Cypher.Values;

namespace KnowledgeGraph.Cypher.Planning;

internal static partial class ExpressionCompiler
{
    /// <summary>
    /// Arithmetic and ordering comparisons whose operands are numbers (the <c>paths</c> ranking multiplies and
    /// divides weights and origin counts per hop): the result computed here when both operands are a
    /// <see cref="long"/> or a <see cref="double"/> and the answer is certain, else the evaluator's operator
    /// (<see cref="Evaluator.ApplyBinary"/>) on the values already evaluated, which gives every other answer and
    /// every error. The same operations as the evaluator's (Evaluator.Operators.cs): integers stay integers unless
    /// they overflow (then the evaluator raises its error), a double on either side makes the other a double, and
    /// doubles are boxed through <see cref="Boxed.Of(double)"/>. Comparisons are answered here only for two
    /// integers or two doubles that are not NaN (where <see cref="CypherValues.Compare"/> is the plain order);
    /// an integer against a double, NaN, nulls and other types go to the evaluator. Null for other operators.
    /// </summary>
    private static SlotExpression? Numeric(BinaryOperator op, SlotExpression left, SlotExpression right)
    {
        switch (op)
        {
            case BinaryOperator.Add:
                return (row, ctx) =>
                {
                    var l = left(row, ctx);
                    var r = right(row, ctx);
                    if (l is double x)
                    {
                        if (r is double y) return Boxed.Of(x + y);
                        if (r is long ry) return Boxed.Of(x + ry);
                    }
                    else if (l is long a)
                    {
                        if (r is long b)
                        {
                            var s = unchecked(a + b);
                            if (((a ^ s) & (b ^ s)) >= 0) return Boxed.Of(s);
                        }
                        else if (r is double y) return Boxed.Of(a + y);
                    }
                    return Evaluator.ApplyBinary(op, l, r, ctx);
                };
            case BinaryOperator.Subtract:
                return (row, ctx) =>
                {
                    var l = left(row, ctx);
                    var r = right(row, ctx);
                    if (l is double x)
                    {
                        if (r is double y) return Boxed.Of(x - y);
                        if (r is long ry) return Boxed.Of(x - ry);
                    }
                    else if (l is long a)
                    {
                        if (r is long b)
                        {
                            var s = unchecked(a - b);
                            if (((a ^ b) & (a ^ s)) >= 0) return Boxed.Of(s);
                        }
                        else if (r is double y) return Boxed.Of(a - y);
                    }
                    return Evaluator.ApplyBinary(op, l, r, ctx);
                };
            case BinaryOperator.Multiply:
                return (row, ctx) =>
                {
                    var l = left(row, ctx);
                    var r = right(row, ctx);
                    if (l is double x)
                    {
                        if (r is double y) return Boxed.Of(x * y);
                        if (r is long ry) return Boxed.Of(x * ry);
                    }
                    else if (l is long a)
                    {
                        if (r is long b)
                        {
                            var high = Math.BigMul(a, b, out var low);
                            if (high == (low >> 63)) return Boxed.Of(low);
                        }
                        else if (r is double y) return Boxed.Of(a * y);
                    }
                    return Evaluator.ApplyBinary(op, l, r, ctx);
                };
            case BinaryOperator.Divide:
                // Integer division (zero, overflow) is the evaluator's.
                return (row, ctx) =>
                {
                    var l = left(row, ctx);
                    var r = right(row, ctx);
                    if (l is double x)
                    {
                        if (r is double y) return Boxed.Of(x / y);
                        if (r is long ry) return Boxed.Of(x / ry);
                    }
                    else if (l is long a && r is double y) return Boxed.Of(a / y);
                    return Evaluator.ApplyBinary(op, l, r, ctx);
                };
            case BinaryOperator.LessThan or BinaryOperator.LessThanOrEqual or BinaryOperator.GreaterThan or BinaryOperator.GreaterThanOrEqual:
                return (row, ctx) =>
                {
                    var l = left(row, ctx);
                    var r = right(row, ctx);
                    int c;
                    if (l is long a && r is long b) c = a.CompareTo(b);
                    // Without NaN a double's CompareTo is the plain order (-0.0 and 0.0 compare equal, as with <).
                    else if (l is double x && r is double y && !double.IsNaN(x) && !double.IsNaN(y)) c = x.CompareTo(y);
                    else return Evaluator.ApplyBinary(op, l, r, ctx);
                    return Boxed.Of(op switch
                    {
                        BinaryOperator.LessThan => c < 0,
                        BinaryOperator.LessThanOrEqual => c <= 0,
                        BinaryOperator.GreaterThan => c > 0,
                        _ => c >= 0,
                    });
                };
        }
        return null;
    }
}
