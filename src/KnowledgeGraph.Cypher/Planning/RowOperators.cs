using KnowledgeGraph.Cypher.Expressions;
using KnowledgeGraph.Cypher.QueryErrors;
using KnowledgeGraph.Cypher.Runtime;
using KnowledgeGraph.Cypher.Syntax.Ast;

namespace KnowledgeGraph.Cypher.Planning;

/// <summary>Filter: keeps the rows whose predicate is true (null and false drop the row, as WHERE does).</summary>
internal sealed class FilterOperator(PlanOperator child, SlotExpression predicate) : PlanOperator(child)
{
    public override string Name => "Filter";

    public SlotExpression Predicate { get; } = predicate;

    /// <summary>The conjuncts this filter tests, when every one came from the query text (the planner's rewrites
    /// read them); null when some test has no expression (a bound variable's node check).</summary>
    public IReadOnlyList<Expression>? Sources { get; init; }

    protected override IEnumerable<List<object?[]>> Produce(ExecContext ctx)
    {
        foreach (var batch in Child!.Run(ctx))
        {
            // Filtering in place: the batch belongs to this operator once pulled.
            var kept = 0;
            for (var i = 0; i < batch.Count; i++)
            {
                if (Predicate(batch[i], ctx) is not true) continue;
                batch[kept++] = batch[i];
            }
            if (kept == 0) continue;
            batch.RemoveRange(kept, batch.Count - kept);
            yield return batch;
        }
    }
}

/// <summary>Projection: evaluates the items into their slots. The input slots stay readable (ORDER BY may name
/// them); the next scope only names the projected ones.</summary>
internal sealed class ProjectionOperator(PlanOperator child, SlotExpression[] items, int[] slots) : PlanOperator(child)
{
    public override string Name => "Projection";

    protected override IEnumerable<List<object?[]>> Produce(ExecContext ctx)
    {
        var values = new object?[items.Length];
        foreach (var batch in Child!.Run(ctx))
        {
            foreach (var row in batch)
            {
                ctx.Tick();
                // Every item reads the input before any is written (slots are fresh, but stay safe for aliases).
                for (var i = 0; i < items.Length; i++) values[i] = items[i](row, ctx);
                for (var i = 0; i < items.Length; i++) row[slots[i]] = values[i];
            }
            yield return batch;
        }
    }
}

/// <summary>Skip and Limit: the count is evaluated when the plan is built (as the interpreter does); Limit stops
/// pulling from its child as soon as it has its rows.</summary>
internal sealed class SkipLimitOperator(PlanOperator child, bool isLimit, long count) : PlanOperator(child)
{
    public override string Name => isLimit ? "Limit" : "Skip";

    protected override IEnumerable<List<object?[]>> Produce(ExecContext ctx)
    {
        var remaining = count;
        if (isLimit && remaining == 0) yield break;
        foreach (var batch in Child!.Run(ctx))
        {
            if (isLimit)
            {
                if (batch.Count >= remaining)
                {
                    batch.RemoveRange((int)remaining, batch.Count - (int)remaining);
                    yield return batch;
                    yield break;
                }
                remaining -= batch.Count;
                yield return batch;
                continue;
            }
            if (remaining == 0)
            {
                yield return batch;
                continue;
            }
            if (batch.Count <= remaining)
            {
                remaining -= batch.Count;
                continue;
            }
            batch.RemoveRange(0, (int)remaining);
            remaining = 0;
            yield return batch;
        }
    }

    /// <summary>SKIP / LIMIT's argument: a non-negative integer not depending on any variable.</summary>
    public static long Count(Expression e, ExecContext ctx, string what)
    {
        if (AstWalk.VariablesIn(e).Any())
            throw Err.Semantic($"It is not allowed to refer to variables in {what}", "NonConstantExpression", true);
        var v = Evaluator.Eval(e, Row.Empty, ctx);
        return v switch
        {
            long l when l >= 0 => l,
            long => throw new Errors.GraphException(Errors.ErrorCodes.SyntaxError, $"Invalid input. '{v}' is not a valid value. Must be a non-negative integer.") { Detail = "NegativeIntegerArgument" },
            _ => throw new Errors.GraphException(Errors.ErrorCodes.SyntaxError, $"Invalid input. '{v}' is not a valid value. Must be a non-negative integer.") { Detail = "InvalidArgumentType" },
        };
    }
}

/// <summary>ProduceResults: the root. Turns slot rows into the named rows the session streams, one batch at a time.</summary>
internal sealed class ProduceResultsOperator(PlanOperator child, string[] columns, int[] slots) : PlanOperator(child)
{
    public override string Name => "ProduceResults";

    protected override IEnumerable<List<object?[]>> Produce(ExecContext ctx) => Child!.Run(ctx);

    public IEnumerable<Row> Rows(ExecContext ctx)
    {
        foreach (var batch in Run(ctx))
        {
            foreach (var row in batch)
            {
                var values = new object?[slots.Length];
                for (var i = 0; i < slots.Length; i++) values[i] = row[slots[i]];
                yield return Row.FromArrays(columns, values);
            }
        }
    }
}
