using KnowledgeGraph.Cypher.Expressions;
using KnowledgeGraph.Cypher.QueryErrors;
using KnowledgeGraph.Cypher.Runtime;
using KnowledgeGraph.Cypher.Syntax.Ast;
using KnowledgeGraph.Cypher.Values;

namespace KnowledgeGraph.Cypher.Matching;

internal static partial class PatternMatcher
{
    private static IEnumerable<long> ExpandQpp(QuantifiedPathPattern q, long node, MatchState st, ExecContext ctx)
    {
        var inner = Normalize(q.Path.Elements);
        var vars = AstWalk.PathVariables(q.Path).Distinct().ToList();
        var (min, max) = q.Quantifier is { } qq ? (qq.Min, qq.Max ?? long.MaxValue) : (1L, 1L);
        var groups = vars.ToDictionary(v => v, _ => new List<object?>());
        return QppIter(q, inner, vars, node, 0, min, max, groups, st, ctx);
    }

    private static IEnumerable<long> QppIter(QuantifiedPathPattern q, List<PathElement> inner, List<string> vars, long node, long iter,
        long min, long max, Dictionary<string, List<object?>> groups, MatchState st, ExecContext ctx)
    {
        var outer = st.Row;
        if (iter >= min)
        {
            st.Row = outer.WithMany(groups.Select(g => new KeyValuePair<string, object?>(g.Key, g.Value.ToList())));
            yield return node;
            st.Row = outer;
        }
        if (iter >= max) yield break;
        var relCount = st.Rels.Count;
        foreach (var end in MatchElements(inner, 0, node, st, ctx))
        {
            ctx.Tick();
            // Zero-length iterations cannot make progress; stop to keep the search finite.
            if (st.Rels.Count == relCount) continue;
            if (q.Where is not null && Evaluator.Eval(q.Where, st.Row, ctx) is not true) continue;
            var iterRow = st.Row;
            foreach (var v in vars) groups[v].Add(iterRow[v]);
            st.Row = outer;
            foreach (var x in QppIter(q, inner, vars, end, iter + 1, min, max, groups, st, ctx)) yield return x;
            foreach (var v in vars) groups[v].RemoveAt(groups[v].Count - 1);
            st.Row = iterRow;
        }
        st.Row = outer;
    }

    internal static bool HasSeek(NodePattern np, Row row, ExecContext ctx, List<SeekHint>? hints) => SeekRank(np, row, ctx, hints) < NoSeek;

    private const int NoSeek = 5;

    /// <summary>Estimated selectivity class of an anchor, most selective first: bound variable, id seek,
    /// equality index seek, range/prefix index seek, value-join probe, none (label or all-nodes scan).</summary>
    internal static int SeekRank(NodePattern np, Row row, ExecContext ctx, List<SeekHint>? hints) =>
        IsBound(np, row) ? 0
        : IdSeekFor(np, row, hints) is not null ? 1
        : IndexSeekFor(np, row, ctx, hints) is not null ? 2
        : RangeSeekFor(np, row, ctx, hints) is not null ? 3
        : JoinFor(np, row, ctx, hints) is not null ? 4
        : NoSeek;

    /// <summary>Whether a chain is better anchored at its last node: bound there, a more selective seek there,
    /// or (no seek at either end) fewer candidate nodes by label count.</summary>
    internal static bool ReverseAnchor(NodePattern first, NodePattern last, Row row, ExecContext ctx, List<SeekHint>? hints)
    {
        if (IsBound(first, row)) return false;
        if (IsBound(last, row)) return true;
        var f = SeekRank(first, row, ctx, hints);
        var l = SeekRank(last, row, ctx, hints);
        if (l != f) return l < f;
        return f == NoSeek && Estimate(last, ctx) < Estimate(first, ctx);
    }

    /// <summary>The property names used for <c>id(n) = x</c> / <c>elementId(n) = x</c> seek hints.</summary>
    internal const string IdKey = "\u0000id";
    internal const string ElementIdKey = "\u0000elementId";

    internal static SeekHint? IdSeekFor(NodePattern np, Row row, List<SeekHint>? hints) =>
        np.Variable is null || hints is null ? null
        : hints.FirstOrDefault(h => h.Variable == np.Variable && h.Property is IdKey or ElementIdKey && CanEvaluate(h.Value, row));

    internal static long Estimate(NodePattern np, ExecContext ctx)
    {
        var labels = np.Labels?.AsConjunction();
        if (labels is null || labels.Count == 0) return ctx.Reader.NodeCount;
        return labels.Min(l => ctx.Reader.CountNodes(l));
    }

    /// <summary>The index seek usable for an unbound node pattern: (label, property, value expressions).</summary>
    internal static (string Label, string Property, Expression Value, bool IsList)? IndexSeekFor(NodePattern np, Row row, ExecContext ctx, List<SeekHint>? hints)
    {
        var labels = np.Labels?.AsConjunction();
        if (labels is null || labels.Count == 0) return null;
        foreach (var label in labels)
        {
            if (np.Properties is MapLiteral map)
                foreach (var entry in map.Entries)
                    if (CanEvaluate(entry.Value, row) && ServesEquality(label, entry.Key, entry.Value, false, row, ctx))
                        return (label, entry.Key, entry.Value, false);
            if (hints is not null && np.Variable is not null)
                foreach (var h in hints)
                    if (h.Variable == np.Variable && h.Op == BinaryOperator.Equal && h.Property[0] != '\u0000' && CanEvaluate(h.Value, row) && ServesEquality(label, h.Property, h.Value, h.IsList, row, ctx))
                        return (label, h.Property, h.Value, h.IsList);
        }
        return null;
    }

    private static bool CanEvaluate(Expression e, Row row) => AstWalk.VariablesIn(e).All(row.Has);

    internal static IEnumerable<long> Candidates(NodePattern np, Row row, ExecContext ctx, List<SeekHint>? hints)
    {
        if (np.Variable is not null && row.TryGet(np.Variable, out var bound))
        {
            if (bound is NodeValue n)
            {
                if (!ctx.DeletedNodes.Contains(n.Id) && ctx.Reader.NodeExists(n.Id)) yield return n.Id;
                yield break;
            }
            if (bound is null) yield break;
            throw Err.Type($"Variable `{np.Variable}` already declared as {CypherValues.TypeName(bound)}", "VariableTypeConflict");
        }
        if (IdSeekFor(np, row, hints) is { } idSeek)
        {
            var value = Evaluator.Eval(idSeek.Value, row, ctx);
            var values = idSeek.IsList ? value as IReadOnlyList<object?> ?? [] : [value];
            var seen = new HashSet<long>();
            foreach (var v in values)
            {
                long id;
                if (v is long l) id = l;
                else if (v is double d && d == Math.Floor(d) && Math.Abs(d) < 9e18) id = (long)d;
                else if (v is string s && ctx.Reader.TryParseElementId(s, out var isNode, out var parsed) && isNode) id = parsed;
                else continue;
                ctx.AnchorHit();
                if (seen.Add(id) && !ctx.DeletedNodes.Contains(id) && ctx.Reader.NodeExists(id)) yield return id;
            }
            yield break;
        }
        if (IndexSeekFor(np, row, ctx, hints) is { } seek)
        {
            var value = Evaluator.Eval(seek.Value, row, ctx);
            var values = seek.IsList ? value is IReadOnlyList<object?> l ? l.Distinct(Equivalence.Instance) : [] : [value];
            foreach (var v in values)
            {
                if (v is null) continue;
                foreach (var id in ctx.Reader.IndexSeek(seek.Label, seek.Property, v))
                {
                    ctx.AnchorHit();
                    if (!ctx.DeletedNodes.Contains(id)) yield return id;
                }
            }
            yield break;
        }
        if (RangeSeekFor(np, row, ctx, hints) is { } range && RangeSeekIds(range, row, ctx) is { } rangeIds)
        {
            foreach (var id in rangeIds)
            {
                ctx.AnchorHit();
                if (!ctx.DeletedNodes.Contains(id)) yield return id;
            }
            yield break;
        }
        if (JoinFor(np, row, ctx, hints) is { } join)
        {
            foreach (var id in JoinCandidates(join.Label, join.Hint, row, ctx))
                if (!ctx.DeletedNodes.Contains(id)) yield return id;
            yield break;
        }
        var labels = np.Labels?.AsConjunction();
        if (labels is { Count: > 0 })
        {
            var smallest = labels.MinBy(l => ctx.Reader.CountNodes(l))!;
            foreach (var id in Snapshot(ctx.Reader.NodesByLabel(smallest), ctx))
            {
                ctx.AnchorHit();
                if (!ctx.DeletedNodes.Contains(id)) yield return id;
            }
            yield break;
        }
        foreach (var id in Snapshot(ctx.Reader.AllNodes(), ctx))
        {
            ctx.AnchorHit();
            if (!ctx.DeletedNodes.Contains(id)) yield return id;
        }
    }

    private static (string Variable, string Key)? IdCall(Expression e) =>
        e is FunctionCall { Namespace.Count: 0, Arguments: [Variable v] } f
            ? f.Name.ToLowerInvariant() switch
            {
                "id" => (v.Name, IdKey),
                "elementid" => (v.Name, ElementIdKey),
                _ => null,
            }
            : null;

    /// <summary>A writing query copies a scan first so its own creations never feed back into it; a read-only
    /// query streams (bounded memory).</summary>
    private static IEnumerable<long> Snapshot(IEnumerable<long> ids, ExecContext ctx) => ctx.Writer is null ? ids : ids.ToList();

    /// <summary>Equality / IN conjuncts of WHERE on a pattern variable's property, usable as index seeks.</summary>
    internal static IEnumerable<SeekHint> ExtractHints(Expression where, Pattern pattern)
    {
        var patternVars = AstWalk.PatternVariables(pattern).ToHashSet();
        foreach (var c in AstWalk.Conjuncts(where))
        {
            if (SpatialHint(c, patternVars) is { } spatial)
            {
                yield return spatial;
                continue;
            }
            if (c is not BinaryExpression b) continue;
            if (b.Operator is BinaryOperator.Equal or BinaryOperator.In && IdCall(b.Left) is { } idv && patternVars.Contains(idv.Variable)
                && !Reads(b.Right, idv.Variable))
            {
                yield return new SeekHint(idv.Variable, idv.Key, b.Right, b.Operator == BinaryOperator.In);
                continue;
            }
            if (b.Operator == BinaryOperator.Equal && IdCall(b.Right) is { } idr && patternVars.Contains(idr.Variable)
                && !Reads(b.Left, idr.Variable))
            {
                yield return new SeekHint(idr.Variable, idr.Key, b.Left, false);
                continue;
            }
            if (b.Operator == BinaryOperator.Equal)
            {
                // Both sides may name a pattern variable (a join): each gives a hint, usable once the other is bound.
                if (b.Left is PropertyAccess { Target: Variable v1 } p1 && patternVars.Contains(v1.Name) && !Reads(b.Right, v1.Name))
                    yield return new SeekHint(v1.Name, p1.Key, b.Right, false);
                if (b.Right is PropertyAccess { Target: Variable v2 } p2 && patternVars.Contains(v2.Name) && !Reads(b.Left, v2.Name))
                    yield return new SeekHint(v2.Name, p2.Key, b.Left, false);
            }
            else if (b.Operator == BinaryOperator.In && b.Left is PropertyAccess { Target: Variable v3 } p3 && patternVars.Contains(v3.Name)
                && !Reads(b.Right, v3.Name))
                yield return new SeekHint(v3.Name, p3.Key, b.Right, true);
            else if (IsRangeOperator(b.Operator))
            {
                if (b.Left is PropertyAccess { Target: Variable v4 } p4 && patternVars.Contains(v4.Name) && !Reads(b.Right, v4.Name))
                    yield return new SeekHint(v4.Name, p4.Key, b.Right, false, b.Operator);
                else if (b.Operator != BinaryOperator.StartsWith && b.Right is PropertyAccess { Target: Variable v5 } p5 && patternVars.Contains(v5.Name)
                    && !Reads(b.Left, v5.Name))
                    yield return new SeekHint(v5.Name, p5.Key, b.Left, false, Flip(b.Operator));
            }
        }
    }

    /// <summary>Whether the expression reads the variable (a hint on n cannot take its value from n itself).</summary>
    private static bool Reads(Expression e, string variable) => AstWalk.VariablesIn(e).Contains(variable);
}
