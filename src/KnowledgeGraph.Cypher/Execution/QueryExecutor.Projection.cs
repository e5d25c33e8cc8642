using KnowledgeGraph.Cypher.Expressions;
using KnowledgeGraph.Cypher.Memory;
using KnowledgeGraph.Cypher.Runtime;
using KnowledgeGraph.Cypher.Syntax;
using KnowledgeGraph.Cypher.Syntax.Ast;
using KnowledgeGraph.Cypher.Values;

namespace KnowledgeGraph.Cypher.Execution;

internal static partial class QueryExecutor
{
    private sealed record Item(string Name, Expression Expression);

    /// <summary>A projected row with the context ORDER BY / WHERE are evaluated in.</summary>
    private sealed record Projected(Row Out, Row SortRow, Dictionary<Expression, object?>? Overrides);

    private static (IEnumerable<Row>, IReadOnlyList<string>) Project(ProjectionBody body, Expression? where, IEnumerable<Row> rows, ExecContext ctx, List<string> scope)
    {
        var (items, columns, aggregating) = body.IncludeExisting ? ShapeOf(body, scope) : Shapes.GetValue(body, static b => ShapeOf(b, []));

        IEnumerable<Projected> projected = aggregating
            ? Aggregate(items, body, rows, ctx)
            : items.Count == columns.Count && !body.Distinct
                ? ProjectPlain(items, columns, rows, ctx, sortRows: body.OrderBy.Count > 0 || where is not null)
                : rows.Select(r =>
            {
                ctx.Tick();
                var d = new Dictionary<string, object?>(StringComparer.Ordinal);
                foreach (var it in items) d[it.Name] = Evaluator.Eval(it.Expression, r, ctx);
                var outRow = new Row(d);
                if (!body.Distinct) return new Projected(outRow, r.WithMany(d), null);
                // After DISTINCT only projected values exist; expressions identical to an item read its value.
                var overrides = new Dictionary<Expression, object?>();
                foreach (var it in items) overrides.TryAdd(it.Expression, d[it.Name]);
                return new Projected(outRow, outRow, overrides);
            });

        if (body.Distinct)
            projected = DistinctProjected(projected, columns, ctx);

        long? skip = body.Skip is null ? null : CountArg(body.Skip, ctx, "SKIP");
        long? limit = body.Limit is null ? null : CountArg(body.Limit, ctx, "LIMIT");
        if (body.OrderBy.Count > 0)
        {
            // ORDER BY ... LIMIT keeps only the best SKIP + LIMIT rows (Top), so memory stays bounded.
            var keep = limit is { } l && l + (skip ?? 0) <= 100_000 ? (int)(l + (skip ?? 0)) : int.MaxValue;
            projected = Sort(projected, body, items, ctx, keep);
        }
        if (skip is { } sk) projected = projected.Skip((int)Math.Min(sk, int.MaxValue));
        if (limit is { } li) projected = projected.Take((int)Math.Min(li, int.MaxValue));
        if (where is not null)
            projected = projected.Where(p => Eval(where, p, ctx) is true);
        return (projected.Select(p => p.Out), columns);
    }

    /// <summary>The items of a projection (with <c>*</c>, the scope's variables first), its distinct column names and
    /// whether it aggregates. Without <c>*</c> this depends on the tree alone and is found once per projection of a
    /// cached statement (<see cref="Shapes"/>); the lists are never changed afterwards.</summary>
    private static ProjectionShape ShapeOf(ProjectionBody body, List<string> scope)
    {
        var items = new List<Item>();
        if (body.IncludeExisting)
            foreach (var v in scope.Where(v => !v.StartsWith(' ')).Order(StringComparer.Ordinal))
                items.Add(new Item(v, new Variable(v)));
        foreach (var i in body.Items) items.Add(new Item(i.Name, i.Expression));
        var columns = items.Select(i => i.Name).Distinct().ToList();
        return new ProjectionShape(items, columns, items.Any(i => ExpressionFacts.ContainsAggregate(i.Expression)));
    }

    private sealed record ProjectionShape(List<Item> Items, List<string> Columns, bool Aggregating);

    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<ProjectionBody, ProjectionShape> Shapes = new();

    /// <summary>Projection with distinct item names and no DISTINCT: the output row is built from arrays and the
    /// sort row (input row plus projected values) with one copy, no per-row dictionary. Without ORDER BY or WHERE
    /// nothing reads the sort row, so none is built.</summary>
    private static IEnumerable<Projected> ProjectPlain(List<Item> items, List<string> columns, IEnumerable<Row> rows, ExecContext ctx, bool sortRows)
    {
        var names = columns.ToArray();
        foreach (var r in rows)
        {
            ctx.Tick();
            var values = new object?[items.Count];
            for (var i = 0; i < values.Length; i++) values[i] = Evaluator.Eval(items[i].Expression, r, ctx);
            var outRow = Row.FromArrays(names, values);
            yield return new Projected(outRow, sortRows ? r.WithAll(names, values) : outRow, null);
        }
    }

    private static object? Eval(Expression e, Projected p, ExecContext ctx)
    {
        var saved = ctx.AggregateValues;
        ctx.AggregateValues = p.Overrides;
        try
        {
            return Evaluator.Eval(e, p.SortRow, ctx);
        }
        finally
        {
            ctx.AggregateValues = saved;
        }
    }

    private static IEnumerable<Projected> DistinctProjected(IEnumerable<Projected> rows, List<string> columns, ExecContext ctx)
    {
        var seen = new HashSet<KeyTuple>();
        long accounted = 0;
        try
        {
            foreach (var p in rows)
            {
                var keys = columns.Select(c => p.Out[c]).ToArray();
                if (!seen.Add(new KeyTuple(keys))) continue;
                var bytes = MemoryEstimate.Row(keys);
                ctx.Memory.Grow(bytes);
                accounted += bytes;
                yield return p;
            }
        }
        finally
        {
            ctx.Memory.Shrink(accounted);
        }
    }

    private static IEnumerable<Projected> Sort(IEnumerable<Projected> rows, ProjectionBody body, List<Item> items, ExecContext ctx, int keep)
    {
        var desc = body.OrderBy.Select(o => o.Descending).ToArray();
        int Compare(object?[] a, object?[] b)
        {
            for (var i = 0; i < desc.Length; i++)
            {
                var c = CypherValues.OrderCompare(a[i], b[i]);
                if (c != 0) return desc[i] ? -c : c;
            }
            return 0;
        }
        if (keep == 0)
        {
            foreach (var _ in rows) { }
            yield break;
        }
        var keyed = new List<(object?[] Keys, Projected P)>();
        // Buffered rows are accounted while kept; the estimate of a row is its sort keys plus its projected values.
        long accounted = 0;
        long Size(object?[] keys, Projected p) => MemoryEstimate.Row(keys) + p.Out.EstimatedBytes;
        try
        {
            // An ORDER BY expression identical to a projected one reads the projected value (resolved once, not per row).
            var sameAs = body.OrderBy.Select(o => items.FirstOrDefault(it => it.Expression.Equals(o.Expression))?.Name).ToArray();
            object? Key(Projected p, int i) =>
                sameAs[i] is { } same && p.Out.TryGet(same, out var projectedValue) ? projectedValue : Eval(body.OrderBy[i].Expression, p, ctx);
            foreach (var p in rows)
            {
                ctx.Tick();
                var keys = new object?[body.OrderBy.Count];
                var computed = 0;
                if (keyed.Count == keep && keep != int.MaxValue)
                {
                    // Top-k is full: compare key by key against the worst kept row and stop reading keys (property
                    // lookups) as soon as the row is known to lose; ties on every key lose too (stable order).
                    var worst = keyed[^1].Keys;
                    var loses = true;
                    for (; computed < keys.Length;)
                    {
                        keys[computed] = Key(p, computed);
                        var c = CypherValues.OrderCompare(keys[computed], worst[computed]);
                        if (desc[computed]) c = -c;
                        computed++;
                        if (c > 0) break;
                        if (c < 0)
                        {
                            loses = false;
                            break;
                        }
                    }
                    if (loses) continue;
                }
                for (var i = computed; i < keys.Length; i++) keys[i] = Key(p, i);
                if (keep == int.MaxValue)
                {
                    var size = Size(keys, p);
                    ctx.Memory.Grow(size);
                    accounted += size;
                    keyed.Add((keys, p));
                    continue;
                }
                // Bounded, stable insertion: equal keys go after the ones already kept.
                if (keyed.Count == keep && Compare(keys, keyed[^1].Keys) >= 0) continue;
                int lo = 0, hi = keyed.Count;
                while (lo < hi)
                {
                    var mid = (lo + hi) / 2;
                    if (Compare(keyed[mid].Keys, keys) <= 0) lo = mid + 1;
                    else hi = mid;
                }
                var kept = Size(keys, p);
                ctx.Memory.Grow(kept);
                accounted += kept;
                keyed.Insert(lo, (keys, p));
                if (keyed.Count > keep)
                {
                    var dropped = Size(keyed[^1].Keys, keyed[^1].P);
                    ctx.Memory.Shrink(dropped);
                    accounted -= dropped;
                    keyed.RemoveAt(keyed.Count - 1);
                }
            }
            if (keep == int.MaxValue)
            {
                var sorted = keyed.Select((k, idx) => (k.Keys, k.P, idx)).ToList();
                sorted.Sort((a, b) => Compare(a.Keys, b.Keys) is var c && c != 0 ? c : a.idx.CompareTo(b.idx));
                foreach (var s in sorted) yield return s.P;
                yield break;
            }
            foreach (var k in keyed) yield return k.P;
        }
        finally
        {
            ctx.Memory.Shrink(accounted);
        }
    }

    private static long CountArg(Expression e, ExecContext ctx, string what) => Planning.SkipLimitOperator.Count(e, ctx, what);

    private sealed class Group(Row first, object?[] keys, List<Aggregator> aggs)
    {
        public Row First { get; } = first;

        public object?[] Keys { get; } = keys;

        public List<Aggregator> Aggs { get; } = aggs;
    }

    private static IEnumerable<Projected> Aggregate(List<Item> items, ProjectionBody body, IEnumerable<Row> rows, ExecContext ctx)
    {
        var keyItems = items.Where(i => !ExpressionFacts.ContainsAggregate(i.Expression)).ToList();
        var aggExprs = new List<Expression>();
        foreach (var it in items.Where(i => ExpressionFacts.ContainsAggregate(i.Expression)))
            CollectAggregates(it.Expression, aggExprs);
        foreach (var o in body.OrderBy) CollectAggregates(o.Expression, aggExprs);
        // The item names as expressions, for ORDER BY after the aggregation: made once, not once per group.
        var itemVariables = items.Select(it => new Variable(it.Name)).ToArray();
        var groups = new Dictionary<KeyTuple, Group>();
        var order = new List<Group>();
        Group? single = null;
        // Grouping table entries are accounted here, aggregator state (collect, DISTINCT) by each aggregator; all of
        // it is released once the groups have been produced.
        long accounted = 0;
        try
        {
            foreach (var r in rows)
            {
                ctx.Tick();
                if (keyItems.Count == 0)
                {
                    // No grouping keys: one group, no hashing per row.
                    if (single is null)
                    {
                        single = new Group(r, [], aggExprs.Select(Aggregator.Create).ToList());
                        order.Add(single);
                    }
                    foreach (var a in single.Aggs) a.Add(r, ctx);
                    continue;
                }
                var keys = keyItems.Select(k => Evaluator.Eval(k.Expression, r, ctx)).ToArray();
                var kt = new KeyTuple(keys);
                if (!groups.TryGetValue(kt, out var g))
                {
                    g = new Group(r, keys, aggExprs.Select(Aggregator.Create).ToList());
                    groups[kt] = g;
                    order.Add(g);
                    var bytes = MemoryEstimate.Row(keys) + (aggExprs.Count * 96);
                    ctx.Memory.Grow(bytes);
                    accounted += bytes;
                }
                foreach (var a in g.Aggs) a.Add(r, ctx);
            }
            if (order.Count == 0 && keyItems.Count == 0)
                order.Add(new Group(Row.Empty, [], aggExprs.Select(Aggregator.Create).ToList()));
            foreach (var g in order)
            {
                var overrides = new Dictionary<Expression, object?>();
                for (var i = 0; i < aggExprs.Count; i++) overrides[aggExprs[i]] = g.Aggs[i].Result();
                for (var i = 0; i < keyItems.Count; i++) overrides.TryAdd(keyItems[i].Expression, g.Keys[i]);
                var d = new Dictionary<string, object?>(StringComparer.Ordinal);
                var saved = ctx.AggregateValues;
                ctx.AggregateValues = overrides;
                try
                {
                    foreach (var it in items) d[it.Name] = Evaluator.Eval(it.Expression, g.First, ctx);
                }
                finally
                {
                    ctx.AggregateValues = saved;
                }
                var outRow = new Row(d);
                for (var i = 0; i < items.Count; i++) overrides.TryAdd(itemVariables[i], d[items[i].Name]);
                yield return new Projected(outRow, outRow, overrides);
            }
        }
        finally
        {
            foreach (var g in order)
                foreach (var a in g.Aggs) accounted += a.AccountedBytes;
            ctx.Memory.Shrink(accounted);
        }
    }

    private static void CollectAggregates(Expression e, List<Expression> into)
    {
        if (ExpressionFacts.IsAggregate(e))
        {
            if (!into.Contains(e)) into.Add(e);
            return;
        }
        foreach (var c in ExpressionFacts.Children(e)) CollectAggregates(c, into);
    }
}
