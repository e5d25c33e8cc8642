namespace KnowledgeGraph.Cypher.Planning;

/// <summary>
/// Decides which row-producing operators may refill their row arrays batch after batch instead of allocating a
/// row per output row. A row array may be reused once its batch has been consumed, unless an operator above keeps
/// it: Sort holds the rows it buffers (Top copies the few it keeps). Filter, Projection, Skip, Limit, GetDegree,
/// ProduceResults, an unpooled Expand and an in-place CALL Apply pass the same arrays up (ProduceResults copies the
/// values out before the next pull; Expand writes its last row per input into the input row, Apply its first); a pooled
/// Expand, a copying Apply, the leaves over a child, Distinct and an EagerAggregation without pooling below build
/// their output from the input's values, so below them nothing is kept (an aggregation over rows nothing pools keeps
/// each group's first row as its output row; an Expand(Into) between them does not count as pooling: it finds about one
/// relationship per input row, which it writes into that row). Unwind is not walked (it also writes its last element into the input row), and
/// an operator this walk does not know ends it too: their subtrees keep fresh rows.
/// </summary>
internal static class RowReuse
{
    public static void Mark(PlanOperator root) => Visit(root, retained: false);

    /// <summary>True when the rows <paramref name="op"/> yields reach it, through operators that pass their input
    /// arrays up (an Expand(Into) among them), from one that never refills them (Sort, an aggregation, Unwind, the CALL
    /// Apply, an operator this walk does not know), not from an Expand(All) or a node leaf that could pool them.</summary>
    private static bool OwnedWithoutPooling(PlanOperator op) => op switch
    {
        FilterOperator or ProjectionOperator or SkipLimitOperator or DegreeCountOperator or SubqueryShownOperator => OwnedWithoutPooling(op.Child!),
        // Expand(Into) finds about one relationship per input row: unpooled, it writes that one into the input row
        // and allocates nothing, where a pool would hold a batch of copies (and the aggregation a row per group).
        ExpandOperator { Into: true } expand => OwnedWithoutPooling(expand.Child!),
        ExpandOperator or NodeLeafOperator => false,
        _ => true,
    };

    private static void Visit(PlanOperator op, bool retained)
    {
        switch (op)
        {
            case ProduceResultsOperator or FilterOperator or ProjectionOperator or SkipLimitOperator or DegreeCountOperator:
                Visit(op.Child!, retained);
                return;
            case SortOperator sort:
                // Top keeps the rows it holds without copying them when they come from an operator that never
                // refills them (the page of the GraphQL paths statement: Projections over an Unwind); marking them
                // retained then changes nothing below, as for Sort.
                sort.OwnsInputRows = !sort.KeepsInputRows && OwnedWithoutPooling(sort.Child!);
                Visit(sort.Child!, retained: sort.KeepsInputRows || sort.OwnsInputRows);
                return;
            case SubqueryShownOperator:
                Visit(op.Child!, retained);
                return;
            case AggregationOperator aggregation:
                // Its first row per group becomes the group's output row when no Expand or node leaf below could
                // pool its rows instead (pooling saves a row per input row, this one per group).
                aggregation.ReusesInputRows = OwnedWithoutPooling(aggregation.Child!);
                Visit(aggregation.Child!, retained: aggregation.ReusesInputRows);
                return;
            case DistinctOperator:
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
