using KnowledgeGraph.Cypher.Runtime;

namespace KnowledgeGraph.Cypher.Planning;

/// <summary>
/// Unwind: one row per element of the list the expression gives for each input row, as the interpreter's UNWIND
/// (<c>QueryExecutor.Unwind</c>): null gives no row, an empty list none, any other non-list value one row.
/// </summary>
internal sealed class UnwindOperator(PlanOperator? child, SlotExpression list, int slot, SlotLayout layout) : PlanOperator(child)
{
    public override string Name => "Unwind";

    protected override IEnumerable<List<object?[]>> Produce(ExecContext ctx)
    {
        var emit = new BatchWriter();
        foreach (var batch in Input(ctx, layout.Width))
        {
            foreach (var input in batch)
            {
                var v = list(input, ctx);
                if (v is null) continue;
                if (v is IReadOnlyList<object?> items && v is not string)
                {
                    // Indexed, not foreach: enumerating through the interface boxes an enumerator per input row.
                    // The last element is written into the input row itself: the row is this operator's once pulled
                    // (RowReuse does not walk below Unwind, so no child refills it), the earlier ones are copies.
                    for (var j = 0; j < items.Count; j++)
                    {
                        ctx.Tick();
                        var row = j == items.Count - 1 ? input : ExpandOperator.Copy(input);
                        row[slot] = items[j];
                        if (emit.Add(row)) yield return emit.Take();
                    }
                    continue;
                }
                ctx.Tick();
                input[slot] = v;
                if (emit.Add(input)) yield return emit.Take();
            }
        }
        if (emit.Current.Count > 0) yield return emit.Current;
    }
}
