using System.Runtime.CompilerServices;
using KnowledgeGraph.Cypher.Expressions;
using KnowledgeGraph.Cypher.Runtime;
using KnowledgeGraph.Cypher.Syntax.Ast;
using KnowledgeGraph.Cypher.Values;

namespace KnowledgeGraph.Cypher.Planning;

/// <summary>
/// List expressions: comprehensions <c>[x IN l WHERE p | e]</c>, the quantifiers all / any / none / single, reduce,
/// subscripts (<c>l[i]</c>, <c>m['k']</c>, <c>$map[r.key]</c>), slices and map projections. A local variable
/// (comprehension, quantifier or reduce) gets a slot of its own in the plan's <see cref="SlotLayout"/>, lent at
/// compile time: the loop writes each item into that slot of the row it is evaluating, so no row is built per item.
/// Invariant: a local slot is read only by the expression that owns it (inner expressions resolve the local's name
/// to it before the outer scope), so writing it in a row that operators pass on changes nothing they read. The loops
/// follow the evaluator's (<see cref="Evaluator"/>: null source gives null, a non-list source the same type error,
/// three-valued quantifiers, <see cref="ListBuilder"/>'s memory accounting), so answers and errors are the same.
/// </summary>
internal static partial class ExpressionCompiler
{
    private static SlotExpression? CompileList(Expression e, Func<string, int?> resolve, Func<Expression, int?>? exact, SlotLayout? layout)
    {
        SlotExpression? C(Expression x) => Compile(x, resolve, exact, layout);
        switch (e)
        {
            case IndexAccess ia:
                {
                    var target = C(ia.Target);
                    var index = C(ia.Index);
                    if (target is null || index is null) return null;
                    return (row, ctx) => Subscript(target(row, ctx), index(row, ctx), ctx);
                }
            case SliceAccess sa:
                {
                    var target = C(sa.Target);
                    var from = sa.From is null ? null : C(sa.From);
                    var to = sa.To is null ? null : C(sa.To);
                    if (target is null || (sa.From is not null && from is null) || (sa.To is not null && to is null)) return null;
                    return (row, ctx) => Evaluator.Slice(target(row, ctx), from?.Invoke(row, ctx), to?.Invoke(row, ctx), from is null, to is null);
                }
            case MapProjection mp: return MapProjection(mp, resolve, C);
            case ListComprehension lc when layout is not null: return Comprehension(lc, resolve, exact, layout);
            case ListPredicate lp when layout is not null: return Quantifier(lp, resolve, exact, layout);
            case ReduceExpression r when layout is not null: return Reduce(r, resolve, exact, layout);
        }
        return null;
    }

    /// <summary>
    /// <c>l[i]</c> and <c>m[k]</c> as <see cref="Evaluator.Index"/>, with the engine's own lists (an array or a
    /// <see cref="List{T}"/>) under an integer and its maps under a string read here (the <c>paths</c> ranking
    /// reads <c>ss[j]</c>, <c>ns[j + 1]</c> and <c>$weights[r.confidence]</c> per hop): the same element, null
    /// out of range, a negative index from the end, null for a missing key. Every other case, errors included, is
    /// the evaluator's.
    /// </summary>
    private static object? Subscript(object? target, object? index, ExecContext ctx)
    {
        // Lists and maps told by their exact class: a test against an array type goes through the runtime's slow
        // cast helper (and would run for every map read first). Subclasses and other types take the general path.
        // Each test is written obj.GetType() == typeof(T), which the JIT turns into a compare of type handles.
        if (target is null) return null;
        if (index is long i)
        {
            if (target.GetType() == typeof(object[]))
            {
                var array = Unsafe.As<object?[]>(target)!;
                if (i < 0) i += array.Length;
                return i >= 0 && i < array.Length ? array[i] : null;
            }
            if (target.GetType() == typeof(List<object?>))
            {
                var list = Unsafe.As<List<object?>>(target)!;
                if (i < 0) i += list.Count;
                return i >= 0 && i < list.Count ? list[(int)i] : null;
            }
        }
        else if (index is string key)
        {
            if (target.GetType() == typeof(Dictionary<string, object?>))
                return Unsafe.As<Dictionary<string, object?>>(target)!.TryGetValue(key, out var v) ? v : null;
            if (target is CompactMap compact) return compact.TryGetValue(key, out var w) ? w : null;
        }
        return Evaluator.Index(target, index, ctx);
    }

    /// <summary>Compiles <paramref name="body"/> in the scope of locals (name to slot; later names shadow earlier
    /// ones, then the outer scope). Whole-expression matches (<paramref name="exact"/>) are never used for an
    /// expression that mentions a local, and a body where one would apply is not covered.</summary>
    private static SlotExpression? Local(Expression body, Func<string, int?> resolve, Func<Expression, int?>? exact, SlotLayout layout, params (string Name, int Slot)[] locals)
    {
        int? Inner(string name)
        {
            for (var i = locals.Length - 1; i >= 0; i--)
                if (locals[i].Name == name) return locals[i].Slot;
            return resolve(name);
        }
        if (exact is null) return Compile(body, Inner, null, layout);
        // The interpreter reads such an expression as the projected item's value even where its name means the
        // local (its evaluator matches whole expressions first); rather than copy that, leave the statement to it.
        if (SyntaxTree.Descendants(body).Prepend(body).OfType<Expression>().Any(x => exact(x) is not null && Mentions(x, locals))) return null;
        return Compile(body, Inner, x => Mentions(x, locals) ? null : exact(x), layout);
    }

    private static bool Mentions(Expression e, (string Name, int Slot)[] locals)
    {
        foreach (var name in AstWalk.VariablesIn(e))
            foreach (var l in locals)
                if (l.Name == name) return true;
        foreach (var n in SyntaxTree.Descendants(e))
            if (n is VariableSelector vs)
                foreach (var l in locals)
                    if (l.Name == vs.Name) return true;
        return false;
    }

    private static SlotExpression? Comprehension(ListComprehension lc, Func<string, int?> resolve, Func<Expression, int?>? exact, SlotLayout layout)
    {
        var source = LoopSource.Compile(lc.Source, x => Compile(x, resolve, exact, layout), exact);
        if (source is null) return null;
        var slot = layout.Add();
        var where = lc.Where is null ? null : Local(lc.Where, resolve, exact, layout, (lc.Variable, slot));
        var projection = lc.Projection is null ? null : Local(lc.Projection, resolve, exact, layout, (lc.Variable, slot));
        if ((lc.Where is not null && where is null) || (lc.Projection is not null && projection is null)) return null;
        return (row, ctx) =>
        {
            if (!source.Open(row, ctx, out var list)) return null;
            var result = new ListBuilder(ctx, where is null ? list.Count : Math.Min(list.Count, 4));
            try
            {
                for (var i = 0; i < list.Count; i++)
                {
                    var item = list[i];
                    ctx.Tick();
                    if (where is null && projection is null)
                    {
                        result.Add(item);
                        continue;
                    }
                    row[slot] = item;
                    if (where is not null && where(row, ctx) is not true) continue;
                    result.Add(projection is null ? item : projection(row, ctx));
                }
                return result.List;
            }
            finally
            {
                result.Release();
            }
        };
    }

    private static SlotExpression? Quantifier(ListPredicate lp, Func<string, int?> resolve, Func<Expression, int?>? exact, SlotLayout layout)
    {
        var source = LoopSource.Compile(lp.Source, x => Compile(x, resolve, exact, layout), exact);
        if (source is null) return null;
        var slot = layout.Add();
        var where = lp.Where is null ? null : Local(lp.Where, resolve, exact, layout, (lp.Variable, slot));
        if (lp.Where is not null && where is null) return null;
        var kind = lp.Kind;
        return (row, ctx) =>
        {
            if (!source.Open(row, ctx, out var list)) return null;
            var tally = new QuantifierTally(kind);
            for (var i = 0; i < list.Count; i++)
            {
                var item = list[i];
                ctx.Tick();
                bool? r;
                if (where is null) r = Evaluator.AsBool(item);
                else
                {
                    row[slot] = item;
                    r = Evaluator.AsBool(where(row, ctx));
                }
                if (tally.Add(r) is { } decided) return decided;
            }
            return tally.Result();
        };
    }

    /// <summary>n{.key, .*, k: e, v}: null for a null subject; entries in written order, later ones overwriting.
    /// Each entry's key, and a property selector's store token (TokenName), is fixed here; a row only reads values
    /// into a map sized for its entries.</summary>
    private static SlotExpression? MapProjection(MapProjection mp, Func<string, int?> resolve, Func<Expression, SlotExpression?> compile)
    {
        var subject = compile(mp.Subject);
        if (subject is null) return null;
        var items = mp.Items;
        var count = items.Count;
        var keys = new string[count];
        // Per entry exactly one of: a property token, a value, or neither (.*, all the subject's properties).
        var tokens = new Storage.TokenName?[count];
        var values = new SlotExpression?[count];
        var spread = false; // a .* entry: the keys depend on the subject, so a dictionary
        for (var i = 0; i < count; i++)
        {
            switch (items[i])
            {
                case LiteralEntry le:
                    if ((values[i] = compile(le.Value)) is null) return null;
                    keys[i] = le.Key;
                    break;
                case VariableSelector vs:
                    if (resolve(vs.Name) is not { } slot) return null;
                    values[i] = (row, _) => row[slot];
                    keys[i] = vs.Name;
                    break;
                case PropertySelector ps:
                    tokens[i] = new Storage.TokenName(ps.Key);
                    keys[i] = ps.Key;
                    break;
                case AllPropertiesSelector:
                    keys[i] = "";
                    spread = true;
                    break;
                default:
                    return null;
            }
        }
        if (!spread && CompactMap.Fits(keys))
        {
            // Keys fixed by the projection and distinct: one shared keys array, the values per map.
            if (count == 2)
            {
                return (row, ctx) =>
                {
                    var s = subject(row, ctx);
                    if (s is null) return null;
                    var first = tokens[0] is { } t0 ? Evaluator.PropertyByToken(s, t0, ctx) : values[0]!(row, ctx);
                    var second = tokens[1] is { } t1 ? Evaluator.PropertyByToken(s, t1, ctx) : values[1]!(row, ctx);
                    return CompactMap.Create(keys, first, second);
                };
            }
            return (row, ctx) =>
            {
                var s = subject(row, ctx);
                if (s is null) return null;
                var entries = new object?[count];
                for (var i = 0; i < count; i++)
                    entries[i] = tokens[i] is { } token ? Evaluator.PropertyByToken(s, token, ctx) : values[i]!(row, ctx);
                return CompactMap.Create(keys, entries);
            };
        }
        return (row, ctx) =>
        {
            var s = subject(row, ctx);
            if (s is null) return null;
            var d = new Dictionary<string, object?>(count, StringComparer.Ordinal);
            for (var i = 0; i < count; i++)
            {
                if (tokens[i] is { } token) d[keys[i]] = Evaluator.PropertyByToken(s, token, ctx);
                else if (values[i] is { } value) d[keys[i]] = value(row, ctx);
                else foreach (var (k, v) in Output.AllProperties(s, ctx)) d[k] = v;
            }
            return d;
        };
    }
}
