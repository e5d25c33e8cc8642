using KnowledgeGraph.Cypher.Expressions;
using KnowledgeGraph.Cypher.Functions;
using KnowledgeGraph.Cypher.Runtime;
using KnowledgeGraph.Cypher.Syntax;
using KnowledgeGraph.Cypher.Syntax.Ast;
using KnowledgeGraph.Cypher.Values;

namespace KnowledgeGraph.Cypher.Planning;

/// <summary>An expression compiled once per statement: reads its variables from a slot row.</summary>
internal delegate object? SlotExpression(object?[] row, ExecContext ctx);

/// <summary>
/// Compiles expressions into delegates over slots. Each operand is compiled once; at run time no tree is walked and
/// no name is looked up. The delegates call the evaluator's own operators (<see cref="Evaluator.Apply"/>,
/// <see cref="Evaluator.Property"/>, <see cref="FunctionRegistry.Invoke"/>), so results and errors are those of the
/// interpreted pipeline. An expression the compiler does not cover returns null: the planner then declines the
/// whole query (it runs interpreted).
/// </summary>
internal static partial class ExpressionCompiler
{
    /// <summary>Compiles <paramref name="e"/>; <paramref name="resolve"/> gives a variable's slot or null (not in
    /// scope: not covered). <paramref name="exact"/>, when given, maps whole expressions to slots first (projected
    /// items after DISTINCT or aggregation). <paramref name="layout"/>, when given, lends slots to the local variables
    /// of comprehensions, quantifiers and reduce (see ExpressionCompiler.Lists.cs); without it those are not covered.</summary>
    public static SlotExpression? Compile(Expression e, Func<string, int?> resolve, Func<Expression, int?>? exact = null, SlotLayout? layout = null)
    {
        // The first call for an expression plans its shared subexpressions (ExpressionCompiler.Memo.cs); the calls
        // for its parts find their roles in that plan. Whole-expression matches (exact) take no part.
        if (t_memo is { } memo) return memo.Roles.ContainsKey(e) ? Memoised(memo, e, resolve, layout) : CompileNode(e, resolve, exact, layout);
        return exact is null && layout is not null ? CompileMemoised(e, resolve, layout) : CompileNode(e, resolve, exact, layout);
    }

    private static SlotExpression? CompileNode(Expression e, Func<string, int?> resolve, Func<Expression, int?>? exact, SlotLayout? layout)
    {
        if (exact?.Invoke(e) is { } exactSlot) return (row, _) => row[exactSlot];
        SlotExpression? C(Expression x) => Compile(x, resolve, exact, layout);
        switch (e)
        {
            case Literal l:
                {
                    var value = l.Value is int i ? (long)i : l.Value;
                    return (_, _) => value;
                }
            case Variable v:
                {
                    if (resolve(v.Name) is not { } slot) return null;
                    return (row, _) => row[slot];
                }
            case Parameter p:
                {
                    var name = p.Name;
                    return (_, ctx) => ctx.Param(name);
                }
            case PropertyAccess pa:
                {
                    // The key's store token is looked up once per token table, not per read (TokenName).
                    var key = new Storage.TokenName(pa.Key);
                    if (pa.Target is Variable tv && resolve(tv.Name) is { } ts)
                        return (row, ctx) => Evaluator.PropertyByToken(row[ts], key, ctx);
                    var target = C(pa.Target);
                    return target is null ? null : (row, ctx) => Evaluator.PropertyByToken(target(row, ctx), key, ctx);
                }
            case BinaryExpression b: return Binary(b, C);
            case UnaryExpression u:
                {
                    var operand = C(u.Operand);
                    var op = u.Operator;
                    return operand is null ? null : (row, ctx) => Evaluator.Unary(op, operand(row, ctx));
                }
            case IsNullExpression isNull:
                {
                    var operand = C(isNull.Operand);
                    if (operand is null) return null;
                    return isNull.Negated ? (row, ctx) => Boxed.Of(operand(row, ctx) is not null) : (row, ctx) => Boxed.Of(operand(row, ctx) is null);
                }
            case LabelPredicate lp:
                {
                    var target = C(lp.Target);
                    var labels = lp.Labels;
                    if (target is null) return null;
                    if (labels is LabelName single)
                    {
                        // n:Meeting, the common case: the label's token remembered (TokenName), no expression walk.
                        var label = new Storage.TokenName(single.Name);
                        return (row, ctx) => Evaluator.LabelTestByToken(target(row, ctx), single, label, ctx);
                    }
                    return (row, ctx) => Evaluator.LabelTest(target(row, ctx), labels, ctx);
                }
            case SubqueryExpression sq: return Subquery(sq, resolve, exact);
            case ListLiteral list:
                {
                    if (ConstantList(list) is { } constant) return (_, _) => constant;
                    var items = All(list.Items, C);
                    if (items is null) return null;
                    return (row, ctx) =>
                    {
                        var result = new List<object?>(items.Length);
                        foreach (var item in items) result.Add(item(row, ctx));
                        return result;
                    };
                }
            case MapLiteral map:
                {
                    var keys = map.Entries.Select(x => x.Key).ToArray();
                    var values = All(map.Entries.Select(x => x.Value), C);
                    if (values is null) return null;
                    if (CompactMap.Fits(keys))
                    {
                        if (keys.Length == 2)
                        {
                            var (first, second) = (values[0], values[1]);
                            return (row, ctx) =>
                            {
                                var a = first(row, ctx);
                                return CompactMap.Create(keys, a, second(row, ctx));
                            };
                        }
                        return (row, ctx) =>
                        {
                            var entries = new object?[keys.Length];
                            for (var i = 0; i < entries.Length; i++) entries[i] = values[i](row, ctx);
                            return CompactMap.Create(keys, entries);
                        };
                    }
                    return (row, ctx) =>
                    {
                        var d = new Dictionary<string, object?>(keys.Length, StringComparer.Ordinal);
                        for (var i = 0; i < keys.Length; i++) d[keys[i]] = values[i](row, ctx);
                        return d;
                    };
                }
            case CaseExpression c: return Case(c, C);
            case FunctionCall f: return Function(f, C);
        }
        return CompileList(e, resolve, exact, layout);
    }

    /// <summary>
    /// A list literal of literals (<c>[]</c> in <c>coalesce(r.origins, r.sources, [])</c>, <c>IN ['a', 'b']</c>) as one
    /// array made at compile time and returned by every evaluation, instead of a new list each time. An array, as
    /// the store's lists are, and safe to share for the same reason (Output.cs): nothing in the engine writes into a
    /// list value, and every way out copies arrays (<c>Output.ToClient</c>, <see cref="Output.OwnLists"/>).
    /// </summary>
    private static object?[]? ConstantList(ListLiteral list)
    {
        if (list.Items.Count == 0) return [];
        var values = new object?[list.Items.Count];
        for (var i = 0; i < values.Length; i++)
        {
            if (list.Items[i] is not Literal l) return null;
            values[i] = l.Value is int n ? (long)n : l.Value;
        }
        return values;
    }

    private static SlotExpression[]? All(IEnumerable<Expression> es, Func<Expression, SlotExpression?> c)
    {
        var list = new List<SlotExpression>();
        foreach (var x in es)
        {
            if (c(x) is not { } compiled) return null;
            list.Add(compiled);
        }
        return [.. list];
    }

    private static SlotExpression? Binary(BinaryExpression b, Func<Expression, SlotExpression?> c)
    {
        if (b.Operator == BinaryOperator.And && Conjuncts(b) is { Count: > 2 } parts) return AllOf(parts, c);
        var left = c(b.Left);
        var right = c(b.Right);
        if (left is null || right is null) return null;
        switch (b.Operator)
        {
            // Three-valued logic exactly as the evaluator: AND evaluates (and type-checks) its right side even
            // when the left is false; OR and XOR evaluate both.
            case BinaryOperator.And:
                return (row, ctx) =>
                {
                    var l = Evaluator.AsBool(left(row, ctx));
                    if (l == false)
                    {
                        _ = Evaluator.AsBool(right(row, ctx));
                        return Boxed.False;
                    }
                    var r = Evaluator.AsBool(right(row, ctx));
                    if (r == false) return Boxed.False;
                    return l is null || r is null ? null : Boxed.True;
                };
            case BinaryOperator.Or:
                return (row, ctx) =>
                {
                    var l = Evaluator.AsBool(left(row, ctx));
                    var r = Evaluator.AsBool(right(row, ctx));
                    if (l == true || r == true) return Boxed.True;
                    return l is null || r is null ? null : Boxed.False;
                };
            case BinaryOperator.Xor:
                return (row, ctx) =>
                {
                    var l = Evaluator.AsBool(left(row, ctx));
                    var r = Evaluator.AsBool(right(row, ctx));
                    return l is null || r is null ? null : Boxed.Of(l != r);
                };
            case BinaryOperator.Equal:
                // Against a string literal (type(r) = 'ATTENDED' per hop), a string is compared here; anything else
                // as CypherValues.Equal compares it (null gives null, another type false).
                if (b.Right is Literal { Value: string rs })
                {
                    return (row, ctx) =>
                    {
                        var l = left(row, ctx);
                        return l is string s ? Boxed.Of(string.Equals(s, rs)) : Boxed.Of(CypherValues.Equal(l, rs));
                    };
                }
                return (row, ctx) => Boxed.Of(CypherValues.Equal(left(row, ctx), right(row, ctx)));
        }
        var op = b.Operator;
        return Numeric(op, left, right) ?? ((row, ctx) => Evaluator.ApplyBinary(op, left(row, ctx), right(row, ctx), ctx));
    }

    /// <summary>The operands of a chain <c>a AND b AND c …</c>, in written order (<see cref="AstWalk.Conjuncts"/>).</summary>
    private static List<Expression> Conjuncts(BinaryExpression b) => [.. AstWalk.Conjuncts(b)];

    /// <summary>
    /// A chain of ANDs as one delegate: what the nested form gives, with one call per operand instead of one per
    /// operand and per AND. The nested form evaluates and type-checks (Evaluator.AsBool) every operand, left to
    /// right, whatever the ones before gave; its value is false if one is false, else null if one is null, else true.
    /// </summary>
    private static SlotExpression? AllOf(List<Expression> parts, Func<Expression, SlotExpression?> c)
    {
        // Compiled in written order, as the nested form compiles them.
        var operands = All(parts, c);
        if (operands is null) return null;
        return (row, ctx) =>
        {
            bool anyFalse = false, anyNull = false;
            foreach (var operand in operands)
            {
                var v = Evaluator.AsBool(operand(row, ctx));
                if (v == false) anyFalse = true;
                else if (v is null) anyNull = true;
            }
            return anyFalse ? Boxed.False : anyNull ? null : Boxed.True;
        };
    }

    private static SlotExpression? Case(CaseExpression c, Func<Expression, SlotExpression?> compile)
    {
        var subject = c.Subject is null ? null : compile(c.Subject);
        if (c.Subject is not null && subject is null) return null;
        var whens = All(c.Alternatives.Select(a => a.When), compile);
        var thens = All(c.Alternatives.Select(a => a.Then), compile);
        var otherwise = c.Else is null ? null : compile(c.Else);
        if (whens is null || thens is null || (c.Else is not null && otherwise is null)) return null;
        if (subject is null && whens.Length == 1)
        {
            // CASE WHEN p THEN a ELSE b END, the common form (ranking steps, null guards): no loop over arrays.
            var (when, then) = (whens[0], thens[0]);
            return otherwise is null
                ? (row, ctx) => when(row, ctx) is true ? then(row, ctx) : null
                : (row, ctx) => when(row, ctx) is true ? then(row, ctx) : otherwise(row, ctx);
        }
        return (row, ctx) =>
        {
            if (subject is not null)
            {
                var s = subject(row, ctx);
                for (var i = 0; i < whens.Length; i++)
                    if (CypherValues.Equal(s, whens[i](row, ctx)) == true) return thens[i](row, ctx);
            }
            else
            {
                for (var i = 0; i < whens.Length; i++)
                    if (whens[i](row, ctx) is true) return thens[i](row, ctx);
            }
            return otherwise?.Invoke(row, ctx);
        };
    }

    /// <summary>Scalar functions of the registry, arguments evaluated first as the evaluator does. <c>exists</c>,
    /// the LOAD CSV functions and aggregates (outside an aggregation) are left to the interpreter.</summary>
    private static SlotExpression? Function(FunctionCall f, Func<Expression, SlotExpression?> compile)
    {
        var name = f.QualifiedName.ToLowerInvariant();
        if (name is "exists" or "linenumber" or "file") return null;
        if (f.Namespace.Count == 0 && ExpressionFacts.AggregateFunctions.Contains(name)) return null;
        if (!FunctionRegistry.IsBuiltinScalar(name)) return null;
        var args = All(f.Arguments, compile);
        if (args is null) return null;
        // Bound once here rather than looked up by name per row; unbound calls keep Invoke (and its errors).
        var bound = FunctionRegistry.Bind(f, args.Length);
        var general = General(f, name, args, bound);
        return f.Namespace.Count == 0 && !f.Distinct && bound is not null ? Direct(name, args, bound) ?? general : general;
    }

    private static SlotExpression General(FunctionCall f, string name, SlotExpression[] args, FunctionRegistry.Fn? bound)
    {
        if (ArgumentPool.Applies(name, args.Length))
        {
            return (row, ctx) =>
            {
                var values = ArgumentPool.Rent(args.Length);
                try
                {
                    for (var i = 0; i < values.Length; i++) values[i] = args[i](row, ctx);
                    return bound is null ? FunctionRegistry.Invoke(f, values, ctx) : bound(values, ctx);
                }
                finally
                {
                    ArgumentPool.Return(values);
                }
            };
        }
        return (row, ctx) =>
        {
            var values = new object?[args.Length];
            for (var i = 0; i < values.Length; i++) values[i] = args[i](row, ctx);
            return bound is null ? FunctionRegistry.Invoke(f, values, ctx) : bound(values, ctx);
        };
    }
}
