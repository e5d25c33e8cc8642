using KnowledgeGraph.Cypher.Explain;
using KnowledgeGraph.Cypher.Expressions;
using KnowledgeGraph.Cypher.Matching;
using KnowledgeGraph.Cypher.Planning;
using KnowledgeGraph.Cypher.QueryErrors;
using KnowledgeGraph.Cypher.Runtime;
using KnowledgeGraph.Cypher.Syntax;
using KnowledgeGraph.Cypher.Syntax.Ast;
using KnowledgeGraph.Cypher.Values;

namespace KnowledgeGraph.Cypher.Execution;

/// <summary>A compiled pipeline: lazily evaluated rows, the result columns and the operator profile.</summary>
internal sealed class Pipeline
{
    public required IEnumerable<Row> Rows { get; init; }

    public required IReadOnlyList<string> Columns { get; init; }

    public required ProfileNode Profile { get; init; }
}

/// <summary>
/// Composes clauses into a pull-based pipeline of row enumerables. Read-only queries stream; in a query that
/// writes, every clause's output is materialized before the next clause runs (an Eager barrier), so reads never
/// observe writes of the same clause sequence out of order (e.g. <c>MATCH (a) CREATE (b)</c> does not loop).
/// </summary>
internal static partial class QueryExecutor
{

    public static Pipeline Build(Query query, IEnumerable<Row> input, ExecContext ctx, IReadOnlyList<string> scope)
    {
        switch (query)
        {
            case SingleQuery sq: return BuildSingle(sq, input, ctx, scope);
            case UnionQuery uq:
                {
                    var parts = uq.Parts().ToList();
                    var inputs = input as IReadOnlyList<Row> ?? input.ToList();
                    var pipes = parts.Select(p => BuildSingle(p, inputs, ctx, scope)).ToList();
                    var columns = pipes[0].Columns;
                    foreach (var p in pipes.Skip(1))
                        if (!p.Columns.SequenceEqual(columns))
                            throw Err.Semantic("All sub queries in an UNION must have the same return column names", "DifferentColumnsInUnion", true);
                    IEnumerable<Row> rows = pipes.SelectMany(p => p.Rows);
                    if (!uq.All) rows = Distinct(rows, columns);
                    var profile = new ProfileNode(uq.All ? "Union" : "Distinct", pipes.Select(p => p.Profile).ToArray());
                    return new Pipeline { Rows = profile.Wrap(rows, ctx), Columns = columns, Profile = profile };
                }
        }
        throw new InvalidOperationException("unknown query");
    }

    private static IEnumerable<Row> Distinct(IEnumerable<Row> rows, IReadOnlyList<string> columns)
    {
        var seen = new HashSet<KeyTuple>();
        foreach (var r in rows)
            if (seen.Add(new KeyTuple(columns.Select(c => r[c]).ToArray()))) yield return r;
    }

    /// <summary>True when the query writes (procedures by their declared mode): the one answer of
    /// <see cref="StatementFacts"/>.</summary>
    public static bool QueryWrites(Query q, ExecContext ctx) => StatementFacts.Updates(q, ctx.Engine.ProcedureWritesCheck);

    private static Pipeline BuildSingle(SingleQuery q, IEnumerable<Row> input, ExecContext ctx, IReadOnlyList<string> outerScope)
    {
        if (TryCountStore(q, ctx, outerScope) is { } counted) return counted;
        if (TryOrderedExpand(q, input, ctx, outerScope) is { } ordered) return ordered;
        if (BulkWritePlan.TryPrepare(q, input, ctx, outerScope) is { } bulk) return bulk.ToPipeline(input, ctx, outerScope.Count == 0);
        var writes = QueryWrites(q, ctx);
        // A whole read-only statement the planner covers runs as planned, batched operators (and EXPLAIN/PROFILE
        // print those operators); anything else takes the clause pipeline below.
        if (!writes && outerScope.Count == 0 && input is IReadOnlyList<Row> { Count: 1 } start && start[0].Names.Count == 0
            && QueryPlanner.TryPlan(q, ctx) is { } planned)
            return new Pipeline { Rows = planned.Rows(ctx), Columns = planned.Columns, Profile = planned.Profile };
        var scope = new List<string>(outerScope);
        IEnumerable<Row> rows = input;
        IReadOnlyList<string> columns = [];
        var profile = new ProfileNode("Argument", []);
        var forcers = writes ? new List<Action>() : null;
        foreach (var clause in q.Clauses)
        {
            ctx.CheckLimits();
            // The scope before the clause only matters to EXPLAIN and PROFILE (operator names and estimates).
            var before = ctx.Describing ? scope.ToList() : null;
            (rows, var name, var details) = ApplyClause(clause, rows, ctx, scope, ref columns);
            // Operator names and estimates only matter to EXPLAIN and PROFILE.
            var ops = !ctx.Describing ? [name] : clause switch
            {
                MatchClause m => PlanDescriber.MatchOperators(m, before!, ctx),
                WithClause w => PlanDescriber.ProjectionOperators(w.Body, w.Where is not null),
                ReturnClause r => PlanDescriber.ProjectionOperators(r.Body, false),
                _ => [name],
            };
            profile = new ProfileNode(ops[0], [profile])
            {
                Details = details,
                Chain = ops[1..],
                EstimatedRows = ctx.Describing ? PlanDescriber.Estimate(clause, before!, ctx) : 1,
            };
            rows = profile.Wrap(rows, ctx);
            if (forcers is not null)
            {
                var eager = new EagerBuffer(rows, ctx);
                forcers.Add(eager.Force);
                rows = eager.Rows();
            }
        }
        // Every clause of a writing query runs to completion even if a later LIMIT stops pulling rows.
        if (forcers is { Count: > 0 }) rows = ThenForce(rows, forcers);
        if (q.Clauses.Count == 0 || q.Clauses[^1] is not ReturnClause)
        {
            columns = q.Clauses.Count > 0 && q.Clauses[^1] is CallProcedureClause { Standalone: true } ? columns : [];
        }
        if (outerScope.Count == 0)
        {
            var top = profile;
            // Neo4j's root is always ProduceResults; a query without RETURN produces through EmptyResult.
            if (columns.Count == 0) top = new ProfileNode("EmptyResult", [top]) { EstimatedRows = 0 };
            profile = new ProfileNode("ProduceResults", [top]) { EstimatedRows = top.EstimatedRows, Details = string.Join(", ", columns.Select(c => "`" + c + "`")) };
            rows = profile.Wrap(rows, ctx);
        }
        return new Pipeline { Rows = rows, Columns = columns, Profile = profile };
    }

    /// <summary>Materializes completely the first time it is enumerated or forced. Its rows are accounted to the
    /// transaction's memory until the statement ends (a writing statement's buffers live that long).</summary>
    private sealed class EagerBuffer(IEnumerable<Row> source, ExecContext ctx)
    {
        private List<Row>? _buffer;

        public void Force()
        {
            if (_buffer is not null) return;
            var buffer = new List<Row>();
            foreach (var r in source)
            {
                ctx.Memory.Grow(r.EstimatedBytes);
                buffer.Add(r);
            }
            _buffer = buffer;
        }

        public IEnumerable<Row> Rows()
        {
            Force();
            foreach (var r in _buffer!) yield return r;
        }
    }

    private static IEnumerable<Row> ThenForce(IEnumerable<Row> rows, List<Action> forcers)
    {
        foreach (var r in rows) yield return r;
        foreach (var f in forcers) f();
    }

    private static (IEnumerable<Row>, string, string?) ApplyClause(Clause clause, IEnumerable<Row> rows, ExecContext ctx, List<string> scope, ref IReadOnlyList<string> columns)
    {
        switch (clause)
        {
            case MatchClause m:
                {
                    foreach (var v in MatchVariables(m)) if (!scope.Contains(v)) scope.Add(v);
                    return (Match(m, rows, ctx), m.Optional ? "Optional" : MatchOperatorName(m), ctx.Describing ? PatternText(m.Pattern) : null);
                }
            case LoadCsvClause l:
                scope.Add(l.Variable);
                return (LoadCsv.LoadCsvRows.Apply(l, rows, ctx), "LoadCSV", l.Variable);
            case UnwindClause u:
                scope.Add(u.Variable);
                return (Unwind(u, rows, ctx), "Unwind", u.Variable);
            case WithClause w:
                {
                    var (r, cols) = Project(w.Body, w.Where, rows, ctx, scope);
                    scope.Clear();
                    scope.AddRange(cols);
                    return (r, ProjectionOperator(w.Body), ctx.Describing ? string.Join(", ", cols) : null);
                }
            case ReturnClause ret:
                {
                    var (r, cols) = Project(ret.Body, null, rows, ctx, scope);
                    columns = cols;
                    return (r, ProjectionOperator(ret.Body), ctx.Describing ? string.Join(", ", cols) : null);
                }
            case CreateClause c:
                foreach (var v in AstWalk.PatternVariables(c.Pattern)) if (!scope.Contains(v)) scope.Add(v);
                return (rows.Select(r => Writes.Create(c.Pattern, r, ctx)), "Create", PatternText(c.Pattern));
            case MergeClause mg:
                foreach (var v in AstWalk.PartVariables(mg.Pattern)) if (!scope.Contains(v)) scope.Add(v);
                return (rows.SelectMany(r => Writes.Merge(mg, r, ctx)), "Merge", null);
            case SetClause s:
                return (rows.Select(r => { Writes.Set(s.Items, r, ctx); return r; }), "SetProperty", null);
            case RemoveClause rm:
                return (rows.Select(r => { Writes.Remove(rm.Items, r, ctx); return r; }), "RemoveLabels", null);
            case DeleteClause d:
                return (Writes.Delete(d, rows, ctx), d.Detach ? "DetachDelete" : "Delete", null);
            case ForeachClause f:
                return (rows.Select(r => { Writes.Foreach(f, r, ctx); return r; }), "Foreach", f.Variable);
            case CallProcedureClause cp:
                {
                    var (r, cols) = Procedures.ProcedureCall.Apply(cp, rows, ctx);
                    foreach (var c in cols) if (!scope.Contains(c)) scope.Add(c);
                    if (cp.Standalone) columns = cols;
                    return (r, "ProcedureCall", cp.QualifiedName);
                }
            case CallSubqueryClause cs:
                {
                    var (r, cols) = CallSubquery(cs, rows, ctx, scope);
                    foreach (var c in cols) if (!scope.Contains(c)) scope.Add(c);
                    return (r, "Apply", null);
                }
            case FinishClause:
                return (rows, "EmptyResult", null);
        }
        throw Err.Semantic($"Unsupported clause {clause.GetType().Name}", "UnsupportedClause", true);
    }

    private static string MatchOperatorName(MatchClause m)
    {
        var part = m.Pattern.Parts[0];
        if (part.Selector is { Kind: not PathSelectorKind.All }) return "ShortestPath";
        return "Expand(All)";
    }

    /// <summary>The operator a projection shows as, found once per projection of a cached statement (deciding it
    /// walks every item looking for aggregates).</summary>
    private static string ProjectionOperator(ProjectionBody b) => ProjectionOperators.GetValue(b, ProjectionOperatorOf);

    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<ProjectionBody, string> ProjectionOperators = new();

    private static string ProjectionOperatorOf(ProjectionBody b) =>
        b.Items.Any(i => ExpressionFacts.ContainsAggregate(i.Expression)) ? "EagerAggregation"
        : b.Distinct ? "Distinct"
        : b.OrderBy.Count > 0 ? (b.Limit is not null ? "Top" : "Sort")
        : b.Limit is not null ? "Limit"
        : b.Skip is not null ? "Skip"
        : "Projection";

    /// <summary>A compact rendering of a pattern for plan details, e.g. <c>(a:Person)-[:KNOWS]->(b)</c>.</summary>
    internal static string? PatternText(Pattern p) => p.Parts.Count == 0 ? null : string.Join(", ", p.Parts.Select(x => PathText(x.Path.Elements)));

    private static string PathText(IEnumerable<PathElement> elements) => string.Concat(elements.Select(e => e switch
    {
        NodePattern n => "(" + n.Variable + LabelText(n.Labels) + ")",
        RelationshipPattern r => (r.Direction == RelationshipDirection.Incoming ? "<-[" : "-[") + r.Variable + LabelText(r.Types)
            + (r.IsVariableLength ? "*" : "") + (r.Direction == RelationshipDirection.Outgoing ? "]->" : "]-"),
        QuantifiedPathPattern q => "(" + PathText(q.Path.Elements) + ")" + (q.Quantifier is { } qq ? "{" + qq.Min + "," + qq.Max + "}" : ""),
        _ => "",
    }));

    private static string LabelText(LabelExpression? l) => l is null ? "" : ":" + string.Join("|", l.AllNames());

    /// <summary>The distinct variables a MATCH binds, found once per clause of a cached statement.</summary>
    private static string[] MatchVariables(MatchClause m) => MatchClauseVariables.GetValue(m, static c => [.. AstWalk.PatternVariables(c.Pattern).Distinct()]);

    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<MatchClause, string[]> MatchClauseVariables = new();

    private static IEnumerable<Row> Match(MatchClause m, IEnumerable<Row> rows, ExecContext ctx)
    {
        var vars = MatchVariables(m);
        foreach (var row in rows)
        {
            ctx.Tick();
            var any = false;
            foreach (var r in PatternMatcher.MatchPattern(m.Pattern, row, ctx, m.Where))
            {
                if (m.Where is not null && Evaluator.Eval(m.Where, r, ctx) is not true) continue;
                any = true;
                yield return r;
            }
            if (!any && m.Optional)
                yield return row.WithNulls(vars);
        }
    }

    /// <summary>UNWIND: one row per list element (a null yields none, a non-list value one row); shared with the bulk write plan.</summary>
    internal static IEnumerable<Row> Unwind(UnwindClause u, IEnumerable<Row> rows, ExecContext ctx)
    {
        foreach (var row in rows)
        {
            var v = Evaluator.Eval(u.Expression, row, ctx);
            if (v is null) continue;
            if (v is IReadOnlyList<object?> list && v is not string)
            {
                foreach (var item in list)
                {
                    ctx.Tick();
                    yield return row.With(u.Variable, item);
                }
            }
            else yield return row.With(u.Variable, v);
        }
    }

    private static (IEnumerable<Row>, IReadOnlyList<string>) CallSubquery(CallSubqueryClause cs, IEnumerable<Row> rows, ExecContext ctx, List<string> scope)
    {
        // Determine the subquery's columns without running it (build over an empty input).
        var probe = Build(cs.Body, [], ctx, scope);
        var cols = probe.Columns;
        if (cs.InTransactions is { } inTransactions)
        {
            var output = cs.InTransactions.ReportStatusAs is { } status ? cols.Append(status).ToList() : cols;
            return (InTransactions(cs, inTransactions, rows, ctx, cols), output);
        }
        return (rows.SelectMany(row => CallOnce(cs, row, ctx, cols)), cols);
    }

    /// <summary>The subquery for one input row: its rows joined to the input row (or the input row itself for a
    /// subquery without RETURN).</summary>
    private static IEnumerable<Row> CallOnce(CallSubqueryClause cs, Row row, ExecContext ctx, IReadOnlyList<string> cols)
    {
        var inner = ImportedScope(cs, row);
        var pipe = Build(cs.Body, [inner], ctx, inner.Names.ToList());
        var any = false;
        if (cols.Count == 0)
        {
            foreach (var _ in pipe.Rows) { }
            yield return row;
            yield break;
        }
        foreach (var r in pipe.Rows.ToList())
        {
            any = true;
            yield return row.WithMany(cols.Select(c => new KeyValuePair<string, object?>(c, r[c])));
        }
        if (!any && cs.Optional)
            yield return row.WithMany(cols.Select(c => new KeyValuePair<string, object?>(c, null)));
    }
}
