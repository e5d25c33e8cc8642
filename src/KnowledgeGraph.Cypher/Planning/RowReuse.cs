namespace KnowledgeGraph.Cypher.Planning;

/// <summary>
/// Decides which row-producing operators may refill their row arrays batch after batch instead of allocating a
/// row per output row. A row array may be reused once its batch has been consumed, unless an operator above keeps
/// it: Sort holds the rows it buffers (Top copies the few it keeps). Filter, Projection, Skip, Limit, GetDegree,
/// ProduceResults, an unpooled Expand and an in-place CALL Apply pass the same arrays up (ProduceResults copies the
/// values out before the next pull; Expand and Apply write their last row per input into the input row); a pooled
/// Expand, a copying Apply, the leaves over a child, EagerAggregation and Distinct build their output from the
/// input's values, so below them nothing is kept. Unwind is not walked (it also writes its last element into the input row), and
/// an operator this walk does not know ends it too: their subtrees keep fresh rows.
/// </summary>
internal static class RowReuse
{
    public static void Mark(PlanOperator root) => Visit(root, retained: false);

    private static void Visit(PlanOperator op, bool retained)
    {
        switch (op)
        {
            case ProduceResultsOperator or FilterOperator or ProjectionOperator or SkipLimitOperator or DegreeCountOperator:
                Visit(op.Child!, retained);
                return;
            case SortOperator sort:
                Visit(sort.Child!, retained: sort.KeepsInputRows);
                return;
            case SubqueryShownOperator:
                Visit(op.Child!, retained);
                return;
            case AggregationOperator or DistinctOperator:
                Visit(op.Child!, retained: false);
                return;
            case CallApplyOperator apply:
                // The Apply holds outer rows across its child's batches: it may write into them only when nothing
                // below refills rows (so above a retaining operator, or not walked at all); else it copies them.
                apply.JoinsInPlace = retained;
                Visit(apply.Child!, retained);
                return;
            case ExpandOperator expand:
                expand.ReuseRows = !retained;
                // Pooled, Expand copies its input into its own rows; unpooled, it passes input rows up (the last
                // match of each is written in place), so they are kept exactly as long as its own output is.
                Visit(expand.Child!, retained);
                return;
            case NodeLeafOperator leaf:
                leaf.ReuseRows = !retained;
                if (leaf.Child is not null) Visit(leaf.Child, retained: false);
                return;
        }
    }
}
