using System.Runtime.CompilerServices;
using KnowledgeGraph.Cypher.Runtime;
using KnowledgeGraph.Cypher.Syntax;
using KnowledgeGraph.Cypher.Syntax.Ast;

namespace KnowledgeGraph.Cypher.Planning;

/// <summary>A planned query: the operator tree to run, its result columns and the plan it prints.</summary>
internal sealed class PlannedQuery(ProduceResultsOperator root, IReadOnlyList<string> columns, SubqueryPlan[] evaluated, SlotLayout layout)
{
    public IReadOnlyList<string> Columns { get; } = columns;

    /// <summary>The operator tree that runs.</summary>
    public ProduceResultsOperator Root => root;

    /// <summary>How many slots each row of the statement's operators holds.</summary>
    public int RowWidth => layout.Width;

    public ProfileNode Profile => root.Profile;

    public IEnumerable<Row> Rows(ExecContext ctx)
    {
        // Subqueries the evaluator meets inside interpreted expressions find their plans through the statement.
        foreach (var plan in evaluated) SubqueryPlan.Register(plan, ctx);
        return root.Rows(ctx);
    }
}

/// <summary>
/// Plans a read-only query into batched physical operators. The logical side is the clause sequence split into
/// pattern chains, predicate conjuncts and projection bodies; the physical side picks, by the store's counts
/// (<see cref="CostModel"/>), where each chain starts (argument, unique or plain index seek, label scan, all-nodes
/// scan), expands from there in both directions, places every predicate right after the operator that binds its
/// last variable, and turns ORDER BY … LIMIT into Top. The planner takes a query only when it covers every clause
/// and expression in it (<see cref="NotCovered"/> otherwise, and the interpreted pipeline runs it unchanged).
/// </summary>
internal sealed partial class QueryPlanner
{
    /// <summary>Thrown while planning a construct the planner does not cover; caught by <see cref="TryPlan"/>.</summary>
    private sealed class NotCovered : Exception;

    private readonly ExecContext _ctx;
    private readonly SlotLayout _layout = new();

    /// <summary>The variables in scope: name to slot (hidden anonymous ones start with a space).</summary>
    private Dictionary<string, int> _scope = new(StringComparer.Ordinal);

    /// <summary>The plan so far (null: the single start row).</summary>
    private PlanOperator? _plan;

    private long _estimate = 1;

    /// <summary>False once the plan holds state between runs (an Argument leaf) or depends on the procedure registry:
    /// such plans are not shared through <see cref="PlanCache"/>.</summary>
    private bool _shareable = true;

    /// <summary>What the plan evaluated while being built (SKIP, LIMIT), for <see cref="PlanCache"/> to check.</summary>
    private readonly List<PlanCache.PlanArgument> _arguments = [];
    private int _anonymous;

    private QueryPlanner(ExecContext ctx) => _ctx = ctx;

    /// <summary>The plan of <paramref name="q"/>, or null when the planner does not cover it (or is switched off).</summary>
    public static PlannedQuery? TryPlan(SingleQuery q, ExecContext ctx)
    {
        if (PlannerSwitch.ForceInterpreted || !Shaped(q)) return null;
        var cache = PlanCache.Applies(ctx);
        if (cache && PlanCache.Find(q, ctx) is { } cached) return cached;
        if (cache && PlanCache.Declined(q, ctx)) return null;
        try
        {
            var planner = new QueryPlanner(ctx);
            var plan = planner.Plan(q);
            if (cache && planner._shareable) PlanCache.Store(q, ctx, plan, planner._arguments);
            return plan;
        }
        catch (NotCovered)
        {
            if (cache) PlanCache.Decline(q, ctx);
            return null;
        }
    }

    // Keyed by the statement's syntax tree (statements are cached as trees, so a repeated statement walks once).
    private static readonly ConditionalWeakTable<SingleQuery, object> ShapedStatements = new();

    /// <summary>Whether the clause sequence is one the planner takes: MATCH, UNWIND or a procedure call first, then
    /// MATCH, WITH, UNWIND, CALL and RETURN last. A statement holding a subquery (expression or CALL) may also start
    /// with WITH, RETURN or CALL { … } (the GraphQL layer's page statement is a lone RETURN of COLLECT and COUNT
    /// subqueries); other statements starting so (<c>RETURN 1 + 2</c>) gain nothing from a plan.</summary>
    private static bool Shaped(SingleQuery q) => (bool)ShapedStatements.GetValue(q, static s =>
    {
        if (s.Clauses.Count == 0 || s.Clauses[^1] is not ReturnClause) return false;
        foreach (var c in s.Clauses)
            if (c is not (MatchClause or WithClause or ReturnClause or UnwindClause or CallProcedureClause or CallSubqueryClause)) return false;
        if (s.Clauses.Count >= 2 && s.Clauses[0] is MatchClause or UnwindClause or CallProcedureClause) return true;
        return SyntaxTree.Descendants(s).Any(n => n is SubqueryExpression or CallSubqueryClause);
    });

    private PlannedQuery Plan(SingleQuery q)
    {
        // A statement starting with a projection or CALL { … } runs from one empty row, shown as Argument.
        if (q.Clauses[0] is WithClause or ReturnClause or CallSubqueryClause) _plan = new ArgumentOperator(_layout, null) { EstimatedRows = 1, Details = "" };
        var (columns, columnSlots) = PlanClauses(q);
        var root = new ProduceResultsOperator(_plan!, columns, columnSlots)
        {
            Details = string.Join(", ", columns.Select(c => "`" + c + "`")),
            EstimatedRows = _estimate,
        };
        RowReuse.Mark(root);
        return new PlannedQuery(root, columns, [.. _registered], _layout);
    }

    /// <summary>The clauses of <paramref name="q"/> over the plan so far; the RETURN's names and slots (none without RETURN).</summary>
    private (string[] Names, int[] Slots) PlanClauses(SingleQuery q)
    {
        string[] columns = [];
        int[] columnSlots = [];
        foreach (var clause in q.Clauses)
        {
            switch (clause)
            {
                case MatchClause { Optional: true } om:
                    PlanOptionalMatch(om);
                    break;
                case MatchClause m:
                    PlanMatch(m);
                    break;
                case UnwindClause u:
                    PlanUnwind(u);
                    break;
                case CallProcedureClause cp:
                    PlanProcedureCall(cp);
                    break;
                case WithClause w:
                    PlanProjection(w.Body, w.Where);
                    break;
                case ReturnClause r:
                    (columns, columnSlots) = PlanProjection(r.Body, null);
                    break;
                case CallSubqueryClause cs:
                    PlanCallSubquery(cs);
                    break;
                default:
                    throw Decline();
            }
        }
        return (columns, columnSlots);
    }

    private static NotCovered Decline() => new();

    private int? Resolve(string name) => _scope.TryGetValue(name, out var slot) ? slot : null;

    private SlotExpression Compile(Expression e, Func<string, int?>? resolve = null, Func<Expression, int?>? exact = null)
    {
        // The compiler reaches subquery expressions through the planner compiling (CompileSubquery).
        var (planner, root) = (t_compiling, t_compilingRoot);
        (t_compiling, t_compilingRoot) = (this, e);
        // The slots the compiler lends to the expression's locals are free for other expressions' locals once it
        // is compiled (SlotLayout).
        using var locals = _layout.LendLocals();
        try
        {
            return ExpressionCompiler.Compile(e, resolve ?? Resolve, exact, _layout) ?? Interpreted(e, resolve ?? Resolve, exact);
        }
        finally
        {
            (t_compiling, t_compilingRoot) = (planner, root);
        }
    }

    /// <summary>An expression as plans print it (hidden anonymous names as <c>anon_N</c>).</summary>
    private static string Text(Expression e)
    {
        var text = CypherPrinter.Print(e).Replace("` anon_", "anon_", StringComparison.Ordinal).Replace("`", "", StringComparison.Ordinal);
        return text.Length > 1 && text[0] == '(' && ClosingParen(text) == text.Length - 1 ? text[1..^1] : text;
    }

    /// <summary>Where the parenthesis opening <paramref name="text"/> closes (quotes not considered: plan text only).</summary>
    private static int ClosingParen(string text)
    {
        var depth = 0;
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == '(') depth++;
            else if (text[i] == ')' && --depth == 0) return i;
        }
        return -1;
    }

    /// <summary>A variable as plans print it: hidden anonymous names as <c>anon_N</c>.</summary>
    private static string Shown(string name) => name.StartsWith(' ') ? name.Trim() : name;

    private void Push(PlanOperator op) => _plan = op;

    /// <summary>WITH / RETURN: projection, or Distinct, or EagerAggregation; then ORDER BY (Sort or Top), SKIP,
    /// LIMIT and WITH's WHERE, in the interpreter's order. Returns the projected names and slots.</summary>
    private (string[] Names, int[] Slots) PlanProjection(ProjectionBody body, Expression? where)
    {
        var items = new List<(string Name, Expression Expression)>();
        if (body.IncludeExisting)
            foreach (var v in _scope.Keys.Where(v => !v.StartsWith(' ')).Order(StringComparer.Ordinal))
                items.Add((v, new Variable(v)));
        foreach (var i in body.Items) items.Add((i.Name, i.Expression));
        var names = items.Select(i => i.Name).ToArray();
        if (names.Distinct(StringComparer.Ordinal).Count() != names.Length || names.Any(n => n.StartsWith(' '))) throw Decline();
        var slots = names.Select(_ => _layout.Add()).ToArray();
        var newScope = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < names.Length; i++) newScope[names[i]] = slots[i];
        var details = string.Join(", ", items.Select(i => Text(i.Expression) is var t && t == i.Name ? t : t + " AS `" + i.Name + "`"));

        var aggregating = items.Any(i => ExpressionFacts.ContainsAggregate(i.Expression));
        Func<string, int?> sortResolve;
        Func<Expression, int?>? exact = null;
        if (aggregating)
        {
            var keys = new List<(SlotExpression, int)>();
            var aggregates = new List<PlannedAggregate>();
            var degreeCounts = TryDegreeCount(items, slots);
            for (var i = 0; i < items.Count; i++)
            {
                var e = items[i].Expression;
                if (!ExpressionFacts.ContainsAggregate(e)) keys.Add((Compile(e), slots[i]));
                else aggregates.Add(degreeCounts?[aggregates.Count] ?? Aggregate(e, slots[i]));
            }
            Push(new AggregationOperator(_plan!, [.. keys.Select(k => k.Item1)], [.. keys.Select(k => k.Item2)], [.. aggregates], _layout)
            {
                Details = details,
                EstimatedRows = _estimate = keys.Count == 0 ? 1 : CostModel.Groups(_estimate),
            });
            sortResolve = n => newScope.TryGetValue(n, out var s) ? s : null;
            exact = ExactItems(items, slots);
        }
        else if (body.Distinct)
        {
            var compiled = items.Select(i => Compile(i.Expression)).ToArray();
            // Distinct's seen set reads the tuples in the rows it has passed up, until its input ends.
            foreach (var slot in slots) _layout.Pin(slot);
            Push(new DistinctOperator(_plan!, compiled, slots, _layout) { Details = details, EstimatedRows = _estimate = CostModel.Groups(_estimate) });
            sortResolve = n => newScope.TryGetValue(n, out var s) ? s : null;
            exact = ExactItems(items, slots);
        }
        else
        {
            var compiled = items.Select(i => Compile(i.Expression)).ToArray();
            // Passing variables through unchanged needs no operator in Neo4j's plans, but slots are per scope here.
            Push(new ProjectionOperator(_plan!, compiled, slots) { Details = details, EstimatedRows = _estimate });
            var outer = _scope;
            sortResolve = n => newScope.TryGetValue(n, out var s) ? s : outer.TryGetValue(n, out var o) ? o : null;
        }

        long? skip = body.Skip is null ? null : Argument(body.Skip, "SKIP");
        long? limit = body.Limit is null ? null : Argument(body.Limit, "LIMIT");
        if (body.OrderBy.Count > 0)
        {
            var keys = body.OrderBy.Select(o => Compile(o.Expression, sortResolve, exact)).ToArray();
            var order = string.Join(", ", body.OrderBy.Select(o => Text(o.Expression) + (o.Descending ? " DESC" : " ASC")));
            long? top = limit is { } l && l + (skip ?? 0) <= 100_000 ? l + (skip ?? 0) : null;
            if (top is not null) _estimate = Math.Min(_estimate, top.Value);
            Push(new SortOperator(_plan!, keys, [.. body.OrderBy.Select(o => o.Descending)], top)
            {
                Details = top is null ? order : order + " LIMIT " + top,
                EstimatedRows = _estimate,
            });
        }
        if (skip is { } sk)
        {
            _estimate = Math.Max(0, _estimate - sk);
            Push(new SkipLimitOperator(_plan!, false, sk) { Details = sk.ToString(System.Globalization.CultureInfo.InvariantCulture), EstimatedRows = _estimate });
        }
        // Top already keeps no more than SKIP + LIMIT rows: no Limit above it.
        if (limit is { } li && !(body.OrderBy.Count > 0 && li + (skip ?? 0) <= 100_000))
        {
            _estimate = Math.Min(_estimate, li);
            Push(new SkipLimitOperator(_plan!, true, li) { Details = li.ToString(System.Globalization.CultureInfo.InvariantCulture), EstimatedRows = _estimate });
        }
        if (where is not null)
        {
            var predicate = Compile(where, sortResolve, exact);
            _estimate = CostModel.Filtered(_estimate, where);
            Push(new FilterOperator(_plan!, predicate) { Details = Text(where), EstimatedRows = _estimate });
        }
        // The input's variables are read by nothing planned from here on.
        _layout.EndScope(_scope.Values);
        _scope = newScope;
        return (names, slots);
    }

    /// <summary>A SKIP / LIMIT count, evaluated now and remembered as something the plan depends on.</summary>
    private long Argument(Expression e, string what)
    {
        var value = SkipLimitOperator.Count(e, _ctx, what);
        _arguments.Add(new PlanCache.PlanArgument(e, what, value));
        return value;
    }

    /// <summary>After DISTINCT or aggregation, an expression written exactly as an item reads the item's value.</summary>
    private static Func<Expression, int?> ExactItems(List<(string Name, Expression Expression)> items, int[] slots) => e =>
    {
        for (var i = 0; i < items.Count; i++)
            if (items[i].Expression.Equals(e)) return slots[i];
        return null;
    };

    /// <summary>count(*), count / sum / avg / min / max / collect of one argument (DISTINCT too), the whole item;
    /// anything else with an aggregate inside (say <c>count(*) + 1</c>) is not covered.</summary>
    private PlannedAggregate Aggregate(Expression e, int slot)
    {
        switch (e)
        {
            case CountStar: return new PlannedAggregate(e, null, slot);
            case FunctionCall { Namespace.Count: 0, Arguments.Count: 1 } f
                when f.Name.ToLowerInvariant() is "count" or "sum" or "avg" or "min" or "max" or "collect"
                    && !ExpressionFacts.ContainsAggregate(f.Arguments[0]):
                return new PlannedAggregate(e, Compile(f.Arguments[0]), slot);
        }
        throw Decline();
    }
}
