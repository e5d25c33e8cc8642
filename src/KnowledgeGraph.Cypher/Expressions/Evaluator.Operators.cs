using System.Text.RegularExpressions;
using KnowledgeGraph.Cypher.Functions;
using KnowledgeGraph.Cypher.Memory;
using KnowledgeGraph.Cypher.QueryErrors;
using KnowledgeGraph.Cypher.Runtime;
using KnowledgeGraph.Cypher.Syntax.Ast;
using KnowledgeGraph.Cypher.Values;

namespace KnowledgeGraph.Cypher.Expressions;

internal static partial class Evaluator
{
    private static object? Binary(BinaryExpression b, Row row, ExecContext ctx)
    {
        switch (b.Operator)
        {
            case BinaryOperator.And:
                {
                    var l = AsBool(Eval(b.Left, row, ctx));
                    if (l == false) { _ = AsBool(Eval(b.Right, row, ctx)); return Boxed.False; }
                    var r = AsBool(Eval(b.Right, row, ctx));
                    if (r == false) return Boxed.False;
                    return l is null || r is null ? null : Boxed.True;
                }
            case BinaryOperator.Or:
                {
                    var l = AsBool(Eval(b.Left, row, ctx));
                    var r = AsBool(Eval(b.Right, row, ctx));
                    if (l == true || r == true) return Boxed.True;
                    return l is null || r is null ? null : Boxed.False;
                }
            case BinaryOperator.Xor:
                {
                    var l = AsBool(Eval(b.Left, row, ctx));
                    var r = AsBool(Eval(b.Right, row, ctx));
                    return l is null || r is null ? null : Boxed.Of(l != r);
                }
        }
        var left = Eval(b.Left, row, ctx);
        var right = Eval(b.Right, row, ctx);
        if (b.Operator == BinaryOperator.Add) GuardConcatenation(left, right, ctx);
        return Apply(b.Operator, left, right);
    }

    /// <summary>A non-logical binary operator over evaluated operands, with the concatenation guard: what
    /// <see cref="Eval"/> does for it, for compiled expressions.</summary>
    internal static object? ApplyBinary(BinaryOperator op, object? left, object? right, ExecContext ctx)
    {
        if (op == BinaryOperator.Add) GuardConcatenation(left, right, ctx);
        return Apply(op, left, right);
    }

    /// <summary>
    /// String and list concatenation copy both sides: a loop that keeps appending (<c>reduce(s = '', x IN ... | s + 'x')</c>)
    /// does quadratic work and grows one value without bound. Long copies count as work towards the next timeout
    /// check, and the result must fit the memory limit before it is built.
    /// </summary>
    internal static void GuardConcatenation(object? left, object? right, ExecContext ctx)
    {
        var length = LengthOf(left) + LengthOf(right);
        if (length < 1024) return;
        if (left is string || right is string)
        {
            GuardStringConcatenation(length, ctx);
            return;
        }
        ctx.Work(length / 64);
        ctx.Memory.EnsureRoom(MemoryEstimate.List(length));
    }

    /// <summary>The guard of a string concatenation whose result is <paramref name="length"/> long (a number counts
    /// as one): for compiled folds that append to a buffer instead of copying, so they count and refuse alike.</summary>
    internal static void GuardStringConcatenation(long length, ExecContext ctx)
    {
        if (length < 1024) return;
        ctx.Work(length / 64);
        ctx.Memory.EnsureRoom(24 + (2 * length));
    }

    private static long LengthOf(object? v) => v switch
    {
        string s => s.Length,
        IReadOnlyList<object?> l => l.Count,
        _ => 1,
    };

    public static object? Apply(BinaryOperator op, object? left, object? right)
    {
        switch (op)
        {
            case BinaryOperator.Equal: return Boxed.Of(CypherValues.Equal(left, right));
            case BinaryOperator.NotEqual: return Boxed.Of(!CypherValues.Equal(left, right));
            case BinaryOperator.LessThan: return CypherValues.Compare(left, right) is { } c1 ? Boxed.Of(c1 < 0) : NaNCompare(left, right);
            case BinaryOperator.LessThanOrEqual: return CypherValues.Compare(left, right) is { } c2 ? Boxed.Of(c2 <= 0) : NaNCompare(left, right);
            case BinaryOperator.GreaterThan: return CypherValues.Compare(left, right) is { } c3 ? Boxed.Of(c3 > 0) : NaNCompare(left, right);
            case BinaryOperator.GreaterThanOrEqual: return CypherValues.Compare(left, right) is { } c4 ? Boxed.Of(c4 >= 0) : NaNCompare(left, right);
            case BinaryOperator.StartsWith: return left is string s1 && right is string t1 ? s1.StartsWith(t1, StringComparison.Ordinal) : null;
            case BinaryOperator.EndsWith: return left is string s2 && right is string t2 ? s2.EndsWith(t2, StringComparison.Ordinal) : null;
            case BinaryOperator.Contains: return left is string s3 && right is string t3 ? s3.Contains(t3, StringComparison.Ordinal) : null;
            case BinaryOperator.RegexMatch:
                if (left is not string s4 || right is not string t4) return null;
                try
                {
                    return Regex.IsMatch(s4, "^(?:" + t4 + ")$", RegexOptions.None, TimeSpan.FromSeconds(5));
                }
                catch (ArgumentException ex)
                {
                    throw Err.Argument("Invalid Regex: " + ex.Message);
                }
            case BinaryOperator.In:
                {
                    if (right is null) return null;
                    var list = AsList(right);
                    var sawNull = false;
                    for (var i = 0; i < list.Count; i++)
                    {
                        var eq = CypherValues.Equal(left, list[i]);
                        if (eq == true) return Boxed.True;
                        if (eq is null) sawNull = true;
                    }
                    return sawNull ? null : Boxed.False;
                }
            case BinaryOperator.Add: return Add(left, right);
            case BinaryOperator.Subtract: return Arith(op, left, right);
            case BinaryOperator.Multiply: return Arith(op, left, right);
            case BinaryOperator.Divide: return Arith(op, left, right);
            case BinaryOperator.Modulo: return Arith(op, left, right);
            case BinaryOperator.Power:
                if (left is null || right is null) return null;
                if (!CypherValues.IsNumber(left) || !CypherValues.IsNumber(right))
                    throw Err.Type($"Cannot raise {CypherValues.TypeName(left)} to the power of {CypherValues.TypeName(right)}");
                return Math.Pow(ToDouble(left), ToDouble(right));
        }
        throw Err.Semantic($"Unsupported operator {op}", "UnsupportedOperator", true);
    }

    // Comparisons that are unknown are null, except that NaN against a number is simply false.
    private static object? NaNCompare(object? a, object? b) =>
        CypherValues.IsNumber(a) && CypherValues.IsNumber(b) ? Boxed.False : null;

    public static double ToDouble(object v) => v is long l ? l : (double)v;

    private static object? Add(object? left, object? right)
    {
        if (left is null || right is null) return null;
        // Concatenations are sized once (growing from the left list's size reallocated for every right list).
        if (left is IReadOnlyList<object?> ll && left is not string)
        {
            if (right is IReadOnlyList<object?> rl && right is not string)
            {
                var both = new List<object?>(ll.Count + rl.Count);
                Append(both, ll);
                Append(both, rl);
                return both;
            }
            var r = new List<object?>(ll.Count + 1);
            Append(r, ll);
            r.Add(right);
            return r;
        }
        if (right is IReadOnlyList<object?> rl2 && right is not string)
        {
            var r = new List<object?>(rl2.Count + 1) { left };
            Append(r, rl2);
            return r;
        }
        if (left is string ls)
        {
            if (right is string rs) return ls + rs;
            if (CypherValues.IsNumber(right)) return ls + Conversions.ToCypherString(right);
        }
        if (right is string rs2 && CypherValues.IsNumber(left)) return Conversions.ToCypherString(left) + rs2;
        if (TemporalBridge.IsTemporal(left) || TemporalBridge.IsTemporal(right))
        {
            if (TemporalBridge.TryAdd(left, right, out var t)) return t;
            throw Err.Type($"Cannot add {CypherValues.TypeName(left)} and {CypherValues.TypeName(right)}");
        }
        return Arith(BinaryOperator.Add, left, right);
    }

    /// <summary>Appends <paramref name="items"/>: copied at once from a collection, else by index (a lazy range or
    /// a store list enumerated through the interface would box an enumerator).</summary>
    internal static void Append(List<object?> list, IReadOnlyList<object?> items)
    {
        if (items is ICollection<object?>)
        {
            list.AddRange(items);
            return;
        }
        for (var i = 0; i < items.Count; i++) list.Add(items[i]);
    }

    private static object? Arith(BinaryOperator op, object? left, object? right)
    {
        if (left is null || right is null) return null;
        if (left is long a && right is long b)
        {
            try
            {
                return op switch
                {
                    BinaryOperator.Add => Boxed.Of(checked(a + b)),
                    BinaryOperator.Subtract => Boxed.Of(checked(a - b)),
                    BinaryOperator.Multiply => Boxed.Of(checked(a * b)),
                    BinaryOperator.Divide => b == 0 ? throw Err.Arithmetic("/ by zero", "DivisionByZero") : (a == long.MinValue && b == -1 ? throw new OverflowException() : Boxed.Of(a / b)),
                    BinaryOperator.Modulo => b == 0 ? throw Err.Arithmetic("/ by zero", "DivisionByZero") : Boxed.Of(b == -1 ? 0L : a % b),
                    _ => throw new InvalidOperationException(),
                };
            }
            catch (OverflowException)
            {
                throw Err.Arithmetic($"long overflow");
            }
        }
        if (CypherValues.IsNumber(left) && CypherValues.IsNumber(right))
        {
            var x = ToDouble(left);
            var y = ToDouble(right);
            return Boxed.Of(op switch
            {
                BinaryOperator.Add => x + y,
                BinaryOperator.Subtract => x - y,
                BinaryOperator.Multiply => x * y,
                BinaryOperator.Divide => x / y,
                _ => x % y,
            });
        }
        if (TemporalBridge.IsTemporal(left) || TemporalBridge.IsTemporal(right))
        {
            object? t = null;
            var ok = op switch
            {
                BinaryOperator.Subtract => TemporalBridge.TrySubtract(left, right, out t),
                BinaryOperator.Multiply => TemporalBridge.TryMultiply(left, right, out t),
                BinaryOperator.Divide => TemporalBridge.TryDivide(left, right, out t),
                _ => false,
            };
            if (ok) return t;
        }
        throw Err.Type($"Cannot apply {op} to {CypherValues.TypeName(left)} and {CypherValues.TypeName(right)}");
    }

    internal static object? Unary(UnaryOperator op, object? v)
    {
        switch (op)
        {
            case UnaryOperator.Not:
                var b = AsBool(v);
                return b is null ? null : Boxed.Of(!b.Value);
            case UnaryOperator.Negate:
                return v switch
                {
                    null => null,
                    long l => l == long.MinValue ? throw Err.Arithmetic("long overflow") : -l,
                    double d => -d,
                    _ when TemporalBridge.IsTemporal(v) && TemporalBridge.TryMultiply(v, -1L, out var t) => t,
                    _ => throw Err.Type($"Cannot negate {CypherValues.TypeName(v)}"),
                };
            default:
                return v is null || CypherValues.IsNumber(v) || v is Temporal.CypherDuration ? v : throw Err.Type($"Cannot apply unary plus to {CypherValues.TypeName(v)}");
        }
    }

    public static object? Property(object? target, string key, ExecContext ctx)
    {
        switch (target)
        {
            case null: return null;
            case NodeValue n:
                ctx.DbHits++;
                return Output.CheckedNodeProperty(n.Id, key, ctx);
            case RelValue r:
                ctx.DbHits++;
                return Output.CheckedRelProperty(r.Id, key, ctx);
            case IReadOnlyDictionary<string, object?> m: return m.TryGetValue(key, out var v) ? v : null;
            case Spatial.CypherPoint point: return Functions.FunctionRegistry.PointProperty(point, key);
        }
        if (TemporalBridge.IsTemporal(target))
        {
            if (TemporalBridge.TryGetProperty(target, key, out var t)) return t;
            throw Err.Semantic($"Unknown temporal property '{key}'", "InvalidArgumentType");
        }
        throw Err.Type($"Type mismatch: expected a map, node or relationship but was {CypherValues.TypeName(target)}", "PropertyAccessOnNonMap");
    }

    /// <summary><see cref="Property(object?, string, ExecContext)"/> for compiled expressions: the key's store token
    /// is remembered across reads (see <see cref="Storage.TokenName"/>); results and errors are the same.</summary>
    public static object? PropertyByToken(object? target, Storage.TokenName key, ExecContext ctx)
    {
        switch (target)
        {
            case null: return null;
            case NodeValue n:
                ctx.DbHits++;
                return Output.CheckedNodeProperty(n.Id, key, ctx);
            case RelValue r:
                ctx.DbHits++;
                return Output.CheckedRelProperty(r.Id, key, ctx);
            default: return Property(target, key.Name, ctx);
        }
    }

    internal static object? Index(object? target, object? index, ExecContext ctx)
    {
        if (target is null || index is null) return null;
        if (target is IReadOnlyList<object?> list && target is not string)
        {
            if (index is not long i) throw Err.Type($"List index must be an INTEGER but was {CypherValues.TypeName(index)}", "ListElementAccessByNonInteger");
            if (i < 0) i += list.Count;
            return i >= 0 && i < list.Count ? list[(int)i] : null;
        }
        if (target is IReadOnlyDictionary<string, object?> or NodeValue or RelValue)
        {
            if (index is not string key) throw Err.Type($"Map key must be a STRING but was {CypherValues.TypeName(index)}", "MapElementAccessByNonString");
            return Property(target, key, ctx);
        }
        throw Err.Type($"Cannot index into {CypherValues.TypeName(target)}", "InvalidElementAccess");
    }

    internal static object? Slice(object? target, object? from, object? to, bool fromOpen, bool toOpen)
    {
        if (target is null) return null;
        if ((!fromOpen && from is null) || (!toOpen && to is null)) return null;
        var list = AsList(target);
        long n = list.Count;
        long f = fromOpen ? 0 : from is long fl ? fl : throw Err.Type("Slice bounds must be INTEGER");
        long t = toOpen ? n : to is long tl ? tl : throw Err.Type("Slice bounds must be INTEGER");
        if (f < 0) f += n;
        if (t < 0) t += n;
        f = Math.Clamp(f, 0, n);
        t = Math.Clamp(t, 0, n);
        var result = new List<object?>();
        for (var i = f; i < t; i++) result.Add(list[(int)i]);
        return result;
    }
}
