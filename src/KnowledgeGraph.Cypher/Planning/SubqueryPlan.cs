using System.Runtime.CompilerServices;
using KnowledgeGraph.Cypher.Runtime;
using KnowledgeGraph.Cypher.Syntax.Ast;

namespace KnowledgeGraph.Cypher.Planning;

/// <summary>
/// One subquery's plan, built once with its statement's plan: operators over an <see cref="ArgumentOperator"/>
/// whose row holds the imported outer variables. A run fills a fresh argument row (the imported values in
/// <see cref="ImportSlots"/>), sets it in the statement's <see cref="ArgumentCell"/> and pulls the root: no
/// planning, analysis or name lookup per outer row. The plan keeps no state of its own between runs, so it is
/// shared with its statement's cached plan. Invariant: a run is read to its end (or abandoned) before the next run
/// of the same plan starts in the same statement — expression subqueries consume their rows at once, and the CALL
/// Apply reads each outer row's rows before the next.
/// </summary>
internal sealed class SubqueryPlan(Query query, PlanOperator root, SlotLayout layout, object cell, string[] importNames, int[] importSlots,
    string[] columns, int[] columnSlots, string[] names)
{
    /// <summary>The subquery this plans (the evaluator finds plans by it).</summary>
    public Query Query { get; } = query;

    public PlanOperator Root { get; } = root;

    /// <summary>The outer variables the subquery reads, and their slots in the argument row.</summary>
    public string[] ImportNames { get; } = importNames;

    public int[] ImportSlots { get; } = importSlots;

    /// <summary>The RETURN's columns and their slots in the inner rows (none for a subquery without RETURN).</summary>
    public string[] Columns { get; } = columns;

    public int[] ColumnSlots { get; } = columnSlots;

    /// <summary>A fresh argument row, to fill with <see cref="ImportSlots"/>.</summary>
    public object?[] NewArguments() => new object?[layout.Width];

    /// <summary>An argument row for the next run: <paramref name="previous"/> cleared when it has this plan's width
    /// and its last run is over (nothing reads it any more), else a fresh one.</summary>
    public object?[] ArgumentsFrom(object?[]? previous)
    {
        if (previous is null || previous.Length != layout.Width) return NewArguments();
        Array.Clear(previous);
        return previous;
    }

    /// <summary>The batches of one run over <paramref name="arguments"/> (owned by the run from now on).</summary>
    public IEnumerable<List<object?[]>> Run(object?[] arguments, ExecContext ctx)
    {
        ArgumentCell.Of(ctx, cell).Set(arguments);
        return Root.Run(ctx);
    }

    /// <summary>Makes this plan the one the evaluator's subquery runner uses for <see cref="Query"/> in
    /// <paramref name="ctx"/>'s statement.</summary>
    public static void Register(SubqueryPlan plan, ExecContext ctx) => ctx.Memo(new Key(plan.Query), plan, static p => p);

    /// <summary>
    /// The rows of <paramref name="q"/> for the evaluator's <paramref name="row"/>, when the statement registered a
    /// plan for it and the row binds exactly the variables the plan imports among those the subquery names (an
    /// expression's own locals, bound by the evaluator, would make other names bound: the interpreter runs those).
    /// Rows carry the subquery's columns, as the interpreter's subquery rows do.
    /// </summary>
    public static IEnumerable<Row>? TryRows(Query q, Row row, ExecContext ctx)
    {
        if (ctx.Memo<object>(new Key(q), static () => None) is not SubqueryPlan plan) return null;
        foreach (var name in plan._names)
            if (row.Has(name) != (Array.IndexOf(plan.ImportNames, name) >= 0)) return null;
        var arguments = plan.NewArguments();
        for (var i = 0; i < plan.ImportNames.Length; i++)
        {
            row.TryGet(plan.ImportNames[i], out var value);
            arguments[plan.ImportSlots[i]] = value;
        }
        return plan.Rows(arguments, ctx);
    }

    private readonly string[] _names = names;

    private IEnumerable<Row> Rows(object?[] arguments, ExecContext ctx)
    {
        foreach (var batch in Run(arguments, ctx))
        {
            foreach (var r in batch)
            {
                if (Columns.Length == 0)
                {
                    yield return Row.Empty;
                    continue;
                }
                var values = new object?[ColumnSlots.Length];
                for (var i = 0; i < values.Length; i++) values[i] = r[ColumnSlots[i]];
                yield return Row.FromArrays(Columns, values);
            }
        }
    }

    private static readonly object None = new();

    /// <summary>A subquery by reference: equal texts elsewhere in the statement are other subqueries.</summary>
    private sealed class Key(Query query)
    {
        private readonly Query _query = query;

        public override bool Equals(object? obj) => obj is Key other && ReferenceEquals(other._query, _query);

        public override int GetHashCode() => RuntimeHelpers.GetHashCode(_query);
    }
}

/// <summary>
/// Shows where subquery expressions run, as Neo4j prints them: <c>RollUpApply</c> (COLLECT), <c>Apply</c> (COUNT,
/// its subquery under a count) or <c>LetSemiApply</c> (EXISTS) over the operator's input and the subquery's plan.
/// The subqueries themselves run inside the expressions of the operator above; this operator passes its input
/// through. Planned only for EXPLAIN and PROFILE.
/// </summary>
internal sealed class SubqueryShownOperator(PlanOperator child, string name, SubqueryPlan plan) : PlanOperator(child)
{
    public override string Name => name;

    protected override ProfileNode MakeProfile() =>
        new(Name, [Child!.Profile, plan.Root.Profile]) { Details = Details, EstimatedRows = EstimatedRows, Runtime = Pipelined };

    protected override IEnumerable<List<object?[]>> Produce(ExecContext ctx) => Child!.Run(ctx);
}
