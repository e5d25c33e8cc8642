using KnowledgeGraph.Cypher.Runtime;
using KnowledgeGraph.Cypher.Syntax.Ast;
using KnowledgeGraph.Cypher.Values;

namespace KnowledgeGraph.Cypher.Planning;

/// <summary>
/// Subqueries: COLLECT / COUNT / EXISTS expressions and <c>CALL { … }</c> clauses. Each subquery is planned once,
/// with its statement, by a planner of its own whose plan starts from an Argument holding the outer variables the
/// subquery names (<see cref="SubqueryPlan"/>); it runs per outer row without planning or analysing again. A
/// subquery expression compiled into a delegate runs its plan over slots (<see cref="CompileSubquery"/>); one inside
/// an expression the evaluator runs is planned too and found by the evaluator's subquery runner through the
/// statement (<see cref="SubqueryPlan.TryRows"/>). A subquery the planner does not cover runs interpreted, except a
/// COLLECT subquery, whose statement is left to the interpreter altogether (run per planned row through the
/// interpreter it cost twice the interpreted statement).
/// </summary>
internal sealed partial class QueryPlanner
{
    /// <summary>The planner compiling an expression on this thread, and the expression it started from (planning
    /// is synchronous): the compiler's subquery case plans through it.</summary>
    [ThreadStatic] private static QueryPlanner? t_compiling;
    [ThreadStatic] private static Expression? t_compilingRoot;

    /// <summary>The statement's planner, for a subquery's planner (null for the statement's own).</summary>
    private QueryPlanner? _statement;

    private QueryPlanner Statement => _statement ?? this;

    /// <summary>Subquery expressions planned so far in the statement (null: not covered), by node.</summary>
    private readonly Dictionary<SubqueryExpression, SubqueryPlan?> _expressionPlans = new(ReferenceEqualityComparer.Instance);

    /// <summary>Plans the evaluator finds through the statement (subqueries inside interpreted expressions).</summary>
    private readonly List<SubqueryPlan> _registered = [];

    /// <summary>The compiled subquery expression <paramref name="sq"/> for the planner compiling now, or null (not
    /// covered: the expression is then interpreted).</summary>
    internal static SlotExpression? CompileSubquery(SubqueryExpression sq, Func<string, int?> resolve)
    {
        if (t_compiling is not { } planner || t_compilingRoot is not { } root) return null;
        // COUNT { (a)-[:T]->(b) } from a bound node reads the degree in the evaluator. A subquery inside a
        // comprehension, quantifier or reduce the compiler covers is reached with a resolver that knows their locals
        // (slots of the row the compiled body writes before it runs this one), so it may import them; the compiler
        // covers no pattern comprehension or predicate, so none is reached from inside one.
        if (sq.Query is null || CountsFromDegree(sq)) return null;
        var (outside, inside) = Walk(root);
        if (!outside.Any(s => ReferenceEquals(s, sq)) && !inside.Any(s => ReferenceEquals(s, sq))) return null;
        if (planner.ExpressionPlan(sq, resolve) is not { } plan) return null;
        var outer = new int[plan.ImportNames.Length];
        for (var i = 0; i < outer.Length; i++)
        {
            if (resolve(plan.ImportNames[i]) is not { } slot) return null;
            outer[i] = slot;
        }
        return Runner(sq.Kind, plan, outer);
    }

    /// <summary>The delegate running <paramref name="plan"/> for a row: its imported values copied from
    /// <paramref name="outer"/> slots, its rows counted, tested or collected as the evaluator does.</summary>
    private static SlotExpression Runner(SubqueryKind kind, SubqueryPlan plan, int[] outer)
    {
        var inner = plan.ImportSlots;
        object?[] Arguments(object?[] row)
        {
            var arguments = plan.NewArguments();
            for (var i = 0; i < inner.Length; i++) arguments[inner[i]] = row[outer[i]];
            return arguments;
        }
        switch (kind)
        {
            case SubqueryKind.Exists:
                return (row, ctx) =>
                {
                    foreach (var batch in plan.Run(Arguments(row), ctx))
                        if (batch.Count > 0) return Boxed.True;
                    return Boxed.False;
                };
            case SubqueryKind.Count:
                return (row, ctx) =>
                {
                    long n = 0;
                    foreach (var batch in plan.Run(Arguments(row), ctx)) n += batch.Count;
                    return Boxed.Of(n);
                };
            default:
                {
                    // The last column, as the evaluator reads a subquery row (COLLECT returns one column).
                    var column = plan.ColumnSlots[^1];
                    return (row, ctx) =>
                    {
                        var list = new ListBuilder(ctx);
                        try
                        {
                            foreach (var batch in plan.Run(Arguments(row), ctx))
                                foreach (var r in batch)
                                {
                                    ctx.Tick();
                                    list.Add(r[column]);
                                }
                            return list.List;
                        }
                        finally
                        {
                            list.Release();
                        }
                    };
                }
        }
    }

    /// <summary>Plans the subqueries of an expression the evaluator will run, so that its subquery runner finds
    /// their plans. A COLLECT subquery not covered declines the statement.</summary>
    private void PlanEvaluatedSubqueries(Expression e, Func<string, int?> resolve)
    {
        foreach (var sq in OutsideScopes(e))
        {
            var plan = sq.Query is null ? null : ExpressionPlan(sq, resolve);
            if (plan is null)
            {
                if (sq.Kind == SubqueryKind.Collect) throw Decline();
                continue;
            }
            if (!Statement._registered.Contains(plan)) Statement._registered.Add(plan);
        }
        // A COLLECT inside a comprehension, quantifier or reduce may read the expression's own locals: not planned.
        if (Walk(e).Inside.Any(static s => s.Kind == SubqueryKind.Collect)) throw Decline();
    }

    /// <summary>The plan of subquery expression <paramref name="sq"/> (made once per statement), or null when not covered.</summary>
    private SubqueryPlan? ExpressionPlan(SubqueryExpression sq, Func<string, int?> resolve)
    {
        var known = Statement._expressionPlans;
        if (known.TryGetValue(sq, out var plan)) return plan;
        var names = NamesIn(sq.Query!).ToArray();
        // A name of the scope this expression cannot read (projected away by an aggregation): not covered.
        plan = names.Any(n => resolve(n) is null && _scope.ContainsKey(n))
            ? null
            : PlanSubquery(sq.Query!, [.. names.Where(n => resolve(n) is not null)], names);
        known[sq] = plan;
        if (plan is not null && _ctx.Describing && _plan is not null)
            _plan = new SubqueryShownOperator(_plan, sq.Kind switch
            {
                SubqueryKind.Collect => "RollUpApply",
                SubqueryKind.Count => "Apply",
                _ => "LetSemiApply",
            }, plan) { EstimatedRows = _estimate };
        return plan;
    }

    /// <summary>
    /// A subquery's own plan over an Argument holding <paramref name="imports"/>, or null when the planner does not
    /// cover it. An error met while planning it (a SKIP or LIMIT value, a procedure's signature) leaves it to the
    /// interpreter too, which raises it when (and if) it runs the subquery.
    /// </summary>
    private SubqueryPlan? PlanSubquery(SingleQuery query, string[] imports, string[] names)
    {
        if (query.Clauses.Count == 0) return null;
        foreach (var c in query.Clauses)
        {
            if (c is not (MatchClause or WithClause or ReturnClause or UnwindClause or CallSubqueryClause)) return null;
            // `*` projects the whole outer scope, which the plan does not import.
            if (c is WithClause { Body.IncludeExisting: true } or ReturnClause { Body.IncludeExisting: true }) return null;
        }
        var sub = new QueryPlanner(_ctx) { _statement = Statement };
        var cell = new object();
        sub._plan = new ArgumentOperator(sub._layout, cell) { EstimatedRows = 1, Details = string.Join(", ", imports) };
        var importSlots = new int[imports.Length];
        for (var i = 0; i < imports.Length; i++) importSlots[i] = sub._scope[imports[i]] = sub._layout.Add();
        string[] columns;
        int[] slots;
        try
        {
            (columns, slots) = sub.PlanClauses(sub.TryOrderedExpand(query) ?? query);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            return null;
        }
        _arguments.AddRange(sub._arguments);
        _shareable &= sub._shareable;
        RowReuse.Mark(sub._plan!);
        return new SubqueryPlan(query, sub._plan!, sub._layout, cell, imports, importSlots, columns, slots, names);
    }

    private SubqueryPlan? PlanSubquery(Query query, string[] imports, string[] names) =>
        query is SingleQuery single ? PlanSubquery(single, imports, names) : null;

    /// <summary>
    /// <c>CALL { … }</c> and <c>CALL (a, b) { … }</c> (reading, not in transactions): Apply over the outer rows with
    /// the subquery's plan, a Union of its branches' plans (Distinct for UNION) over Arguments holding the imported
    /// variables — the listed ones, or for the importing-WITH form and <c>(*)</c> every outer variable the body
    /// names, as the interpreter passes the whole row. Each branch's LIMIT holds per outer row.
    /// </summary>
    private void PlanCallSubquery(CallSubqueryClause cs)
    {
        if (cs.InTransactions is not null) throw Decline();
        List<SingleQuery> branches = cs.Body switch
        {
            SingleQuery s => [s],
            UnionQuery u => [.. u.Parts()],
            _ => throw Decline(),
        };
        var distinct = cs.Body is UnionQuery { All: false };
        for (var q = cs.Body; q is UnionQuery u; q = u.Left)
            if (u.All == distinct) throw Decline();
        var visible = cs.ScopeVariables is { } listed && !cs.ScopeAll
            ? listed.Where(_scope.ContainsKey).ToHashSet(StringComparer.Ordinal)
            : _scope.Keys.Where(k => !k.StartsWith(' ')).ToHashSet(StringComparer.Ordinal);
        var plans = new List<SubqueryPlan>();
        foreach (var branch in branches)
        {
            var names = NamesIn(branch).ToArray();
            plans.Add(PlanSubquery(branch, [.. names.Where(visible.Contains)], names) ?? throw Decline());
        }
        var columns = plans[0].Columns;
        if (plans.Any(p => !p.Columns.SequenceEqual(columns, StringComparer.Ordinal)) || columns.Any(c => _scope.ContainsKey(c) || c.StartsWith(' ')))
            throw Decline();
        var slots = columns.Select(_ => _layout.Add()).ToArray();
        var outer = plans.Select(p => p.ImportNames.Select(n => _scope[n]).ToArray()).ToArray();
        var inner = plans.Sum(p => Math.Max(1, p.Root.EstimatedRows));
        _estimate = Math.Max(1, _estimate * (columns.Length == 0 ? 1 : inner));
        Push(new CallApplyOperator(_plan!, [.. plans], outer, slots, distinct, cs.Optional)
        {
            Details = columns.Length == 0 ? null : string.Join(", ", columns),
            EstimatedRows = _estimate,
        });
        for (var i = 0; i < columns.Length; i++) _scope[columns[i]] = slots[i];
    }

    /// <summary>The subquery expressions of <paramref name="e"/> (not nested in others) outside the bodies of
    /// comprehensions, quantifiers, reduce and pattern predicates, whose locals the evaluator binds: a subquery there
    /// may read them. A comprehension's source and reduce's initial value are outside.</summary>
    private static IEnumerable<SubqueryExpression> OutsideScopes(Expression e) => Walk(e).Outside;

    private static (List<SubqueryExpression> Outside, List<SubqueryExpression> Inside) Walk(Expression e)
    {
        var found = (Outside: new List<SubqueryExpression>(), Inside: new List<SubqueryExpression>());
        Visit(e, false);
        return found;

        void Visit(AstNode n, bool local)
        {
            switch (n)
            {
                case SubqueryExpression sq:
                    (local ? found.Inside : found.Outside).Add(sq);
                    return;
                case ListComprehension lc:
                    Visit(lc.Source, local);
                    if (lc.Where is not null) Visit(lc.Where, true);
                    if (lc.Projection is not null) Visit(lc.Projection, true);
                    return;
                case ListPredicate lp:
                    Visit(lp.Source, local);
                    if (lp.Where is not null) Visit(lp.Where, true);
                    return;
                case ReduceExpression r:
                    Visit(r.Initial, local);
                    Visit(r.Source, local);
                    Visit(r.Expression, true);
                    return;
                case PatternComprehension or PatternPredicate:
                    local = true;
                    break;
            }
            foreach (var child in SyntaxTree.Children(n)) Visit(child, local);
        }
    }

    /// <summary>The shapes the evaluator counts from the store's degree (Evaluator.TryCountSingleHop), statically.</summary>
    private static bool CountsFromDegree(SubqueryExpression sq) =>
        sq.Kind == SubqueryKind.Count
        && sq.Query is SingleQuery { Clauses: [MatchClause { Optional: false, Where: null, Pattern.Parts: [var part] }] }
        && part.Selector is null or { Kind: PathSelectorKind.All }
        && part.Path.Elements is [NodePattern { Variable: not null, Labels: null, Properties: null, Where: null },
            RelationshipPattern { Properties: null, Where: null, IsVariableLength: false } r, NodePattern { Properties: null, Where: null }]
        && r.Direction != RelationshipDirection.Both;
}
