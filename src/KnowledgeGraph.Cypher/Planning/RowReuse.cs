namespace KnowledgeGraph.Cypher.Planning;

/// <summary>
/// Decides which row-producing operators may refill their row arrays batch after batch instead of allocating a
/// row per output row. A row array may be reused once its batch has been consumed, unless an operator above keeps
/// it: Sort holds the rows it buffers (Top copies the few it keeps). Filter, Projection, Skip, Limit, GetDegree and ProduceResults pass
/// the same arrays up (ProduceResults copies the values out before the next pull); Expand, the leaves over a
/// child, EagerAggregation, Distinct and the CALL subquery's Apply build their output from the input's values, so below them nothing is
/// kept. An operator this walk does not know ends it: its subtree keeps fresh rows.
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
            case AggregationOperator or DistinctOperator or CallApplyOperator:
                Visit(op.Child!, retained: false);
                return;
            case ExpandOperator expand:
                expand.ReuseRows = !retained;
                Visit(expand.Child!, retained: false);
                return;
            case NodeLeafOperator leaf:
                leaf.ReuseRows = !retained;
                if (leaf.Child is not null) Visit(leaf.Child, retained: false);
                return;
        }
    }
}
