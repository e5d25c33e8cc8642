using KnowledgeGraph.Cypher.QueryErrors;
using KnowledgeGraph.Cypher.Runtime;
using KnowledgeGraph.Cypher.Syntax.Ast;
using KnowledgeGraph.Cypher.Values;

namespace KnowledgeGraph.Cypher.Expressions;

/// <summary>Tree-walking evaluator of Cypher expressions over one binding row, with three-valued logic.</summary>
internal static partial class Evaluator
{
    public static object? Eval(Expression e, Row row, ExecContext ctx)
    {
        if (ctx.AggregateValues is { } agg && agg.TryGetValue(e, out var aggregated)) return aggregated;
        switch (e)
        {
            case Literal l: return l.Value is int i ? Boxed.Of(i) : l.Value;
            case Variable v:
                if (row.TryGet(v.Name, out var value)) return value;
                throw Err.Semantic($"Variable `{v.Name}` not defined", "UndefinedVariable", compileTime: true);
            case Parameter p: return ctx.Param(p.Name);
            case ListLiteral list:
                {
                    var items = new List<object?>(list.Items.Count);
                    foreach (var item in list.Items) items.Add(Eval(item, row, ctx));
                    return items;
                }
            case MapLiteral map:
                {
                    // Sized for its entries: a map literal runs once per row, and growing costs two more tables.
                    var d = new Dictionary<string, object?>(map.Entries.Count, StringComparer.Ordinal);
                    foreach (var entry in map.Entries) d[entry.Key] = Eval(entry.Value, row, ctx);
                    return d;
                }
            case PropertyAccess pa: return Property(Eval(pa.Target, row, ctx), pa.Key, ctx);
            case IndexAccess ia: return Index(Eval(ia.Target, row, ctx), Eval(ia.Index, row, ctx), ctx);
            case SliceAccess sa:
                return Slice(Eval(sa.Target, row, ctx), sa.From is null ? null : Eval(sa.From, row, ctx), sa.To is null ? null : Eval(sa.To, row, ctx), sa.From is null, sa.To is null);
            case BinaryExpression b: return Binary(b, row, ctx);
            case UnaryExpression u: return Unary(u.Operator, Eval(u.Operand, row, ctx));
            case IsNullExpression isNull:
                {
                    var v2 = Eval(isNull.Operand, row, ctx);
                    return Boxed.Of(isNull.Negated ? v2 is not null : v2 is null);
                }
            case LabelPredicate lp: return LabelTest(Eval(lp.Target, row, ctx), lp.Labels, ctx);
            case FunctionCall f: return CallFunction(f, row, ctx);
            case CountStar: throw Err.Semantic("count(*) is only allowed in projections", "InvalidAggregation", compileTime: true);
            case CaseExpression c: return Case(c, row, ctx);
            case ListComprehension lc: return ListComprehension(lc, row, ctx);
            case ListPredicate lp2: return ListPredicate(lp2, row, ctx);
            case ReduceExpression r:
                {
                    var acc = Eval(r.Initial, row, ctx);
                    var src = Eval(r.Source, row, ctx);
                    if (src is null) return null;
                    var list = AsList(src);
                    if (list.Count == 0) return acc;
                    // One scratch row for the whole fold (see Row.Scratch); the accumulator is bound before the
                    // variable, so `reduce(x = 0, x IN …)` binds x to the element, as before.
                    var scratch = row.Scratch(r.Accumulator, out var accSlot).Scratch(r.Variable, out var itemSlot);
                    for (var k = 0; k < list.Count; k++)
                    {
                        ctx.Tick();
                        scratch.Rebind(accSlot, acc);
                        scratch.Rebind(itemSlot, list[k]);
                        acc = Eval(r.Expression, scratch, ctx);
                    }
                    return acc;
                }
            case PatternPredicate pp:
                return Boxed.Of(ctx.Subqueries.MatchPath(pp.Pattern, null, row, ctx).Any());
            case PatternComprehension pc:
                {
                    var result = new ListBuilder(ctx);
                    try
                    {
                        foreach (var m in ctx.Subqueries.MatchPath(pc.Pattern, pc.PathVariable, row, ctx))
                        {
                            ctx.Tick();
                            if (pc.Where is not null && Eval(pc.Where, m, ctx) is not true) continue;
                            result.Add(Eval(pc.Projection, m, ctx));
                        }
                        return result.List;
                    }
                    finally
                    {
                        result.Release();
                    }
                }
            case SubqueryExpression sq: return Subquery(sq, row, ctx);
            case MapProjection mp: return MapProjection(mp, row, ctx);
            case ShortestPathExpression sp:
                {
                    var part = new PatternPart(null, new PathSelector(sp.All ? PathSelectorKind.AllShortestPathsFunction : PathSelectorKind.ShortestPathFunction, 1), sp.Pattern);
                    var paths = ctx.Subqueries.MatchShortest(part, "  path", row, ctx).Select(r => r["  path"]).ToList();
                    return sp.All ? paths : paths.FirstOrDefault();
                }
        }
        throw Err.Semantic($"Unsupported expression {e.GetType().Name}", "UnsupportedExpression", compileTime: true);
    }

    public static bool? AsBool(object? v) => v switch
    {
        null => null,
        bool b => b,
        _ => throw Err.Type($"Expected a boolean but got {CypherValues.TypeName(v)}"),
    };

    public static IReadOnlyList<object?> AsList(object? v) => v switch
    {
        IReadOnlyList<object?> l when v is not string => l,
        PathValue => throw Err.Type("Expected a list but got PATH"),
        _ => throw Err.Type($"Expected a list but got {CypherValues.TypeName(v)}"),
    };

    private static object? Case(CaseExpression c, Row row, ExecContext ctx)
    {
        if (c.Subject is not null)
        {
            var subject = Eval(c.Subject, row, ctx);
            foreach (var alt in c.Alternatives)
                if (CypherValues.Equal(subject, Eval(alt.When, row, ctx)) == true) return Eval(alt.Then, row, ctx);
        }
        else
        {
            foreach (var alt in c.Alternatives)
                if (Eval(alt.When, row, ctx) is true) return Eval(alt.Then, row, ctx);
        }
        return c.Else is null ? null : Eval(c.Else, row, ctx);
    }

    private static object? ListComprehension(ListComprehension lc, Row row, ExecContext ctx)
    {
        var src = Eval(lc.Source, row, ctx);
        if (src is null) return null;
        var result = new ListBuilder(ctx);
        try
        {
            var list = AsList(src);
            var scope = new ElementScope(row, lc.Variable);
            for (var i = 0; i < list.Count; i++)
            {
                var item = list[i];
                ctx.Tick();
                if (lc.Where is null && lc.Projection is null)
                {
                    result.Add(item);
                    continue;
                }
                var inner = scope.Bind(item);
                if (lc.Where is not null && Eval(lc.Where, inner, ctx) is not true) continue;
                result.Add(lc.Projection is null ? item : Eval(lc.Projection, inner, ctx));
            }
            return result.List;
        }
        finally
        {
            result.Release();
        }
    }

    private static object? ListPredicate(ListPredicate lp, Row row, ExecContext ctx)
    {
        var src = Eval(lp.Source, row, ctx);
        if (src is null) return null;
        var list = AsList(src);
        var tally = new QuantifierTally(lp.Kind);
        var scope = new ElementScope(row, lp.Variable);
        for (var i = 0; i < list.Count; i++)
        {
            var item = list[i];
            ctx.Tick();
            var r = lp.Where is null ? AsBool(item) : AsBool(Eval(lp.Where, scope.Bind(item), ctx));
            if (tally.Add(r) is { } decided) return decided;
        }
        return tally.Result();
    }

    private static object? Subquery(SubqueryExpression sq, Row row, ExecContext ctx)
    {
        if (sq.Kind == SubqueryKind.Count && TryCountSingleHop(sq, row, ctx, out var count)) return count;
        IEnumerable<Row> rows;
        if (sq.Query is not null)
            rows = ctx.Subqueries.RunSubquery(sq.Query, row, ctx);
        else
        {
            rows = ctx.Subqueries.MatchPattern(sq.Pattern!, row, ctx);
            if (sq.Where is not null) rows = rows.Where(r => Eval(sq.Where, r, ctx) is true);
        }
        switch (sq.Kind)
        {
            case SubqueryKind.Exists: return Boxed.Of(rows.Any());
            case SubqueryKind.Count: return Boxed.Of((long)rows.Count());
            default:
                {
                    var list = new ListBuilder(ctx);
                    try
                    {
                        foreach (var r in rows)
                        {
                            ctx.Tick();
                            list.Add(r.TryGet(Row.SingleColumnKey, out var v) ? v : r.Values.Count > 0 ? r.Values[^1] : null);
                        }
                        return list.List;
                    }
                    finally
                    {
                        list.Release();
                    }
                }
        }
    }

    private static object? MapProjection(MapProjection mp, Row row, ExecContext ctx)
    {
        var subject = Eval(mp.Subject, row, ctx);
        if (subject is null) return null;
        var d = new Dictionary<string, object?>(mp.Items.Count, StringComparer.Ordinal);
        foreach (var item in mp.Items)
        {
            switch (item)
            {
                case PropertySelector ps: d[ps.Key] = Property(subject, ps.Key, ctx); break;
                case AllPropertiesSelector:
                    foreach (var (k, v) in Output.AllProperties(subject, ctx)) d[k] = v;
                    break;
                case LiteralEntry le: d[le.Key] = Eval(le.Value, row, ctx); break;
                case VariableSelector vs: d[vs.Name] = Eval(new Variable(vs.Name), row, ctx); break;
            }
        }
        return d;
    }

    /// <summary><see cref="LabelTest(object?, LabelExpression, ExecContext)"/> for one label name, its store token
    /// remembered in <paramref name="token"/>: the same answers, db hits and errors.</summary>
    public static object? LabelTestByToken(object? target, LabelName label, Storage.TokenName token, ExecContext ctx)
    {
        if (target is not NodeValue n) return LabelTest(target, label, ctx);
        ctx.DbHits++;
        return Boxed.Of(ctx.Reader.HasLabel(n.Id, token));
    }

    public static object? LabelTest(object? target, LabelExpression labels, ExecContext ctx)
    {
        switch (target)
        {
            case null: return null;
            case NodeValue n: return Boxed.Of(LabelMatch.NodeLabelsMatch(n.Id, labels, ctx));
            case RelValue r: return Boxed.Of(LabelMatch.TypeMatches(r.Type, labels));
            default: throw Err.Type($"Expected a node or relationship but got {CypherValues.TypeName(target)}");
        }
    }
}
