using KnowledgeGraph.Cypher.Runtime;
using KnowledgeGraph.Cypher.Syntax.Ast;
using KnowledgeGraph.Storage;

namespace KnowledgeGraph.Cypher.Planning;

/// <summary>
/// Row estimates from the store's counts (O(1) each: nodes per label, relationships per type), with default
/// selectivities where the store keeps no statistics (no value histograms): equality 10 %, range 30 %, anything
/// else 50 %, a label its share of all nodes. Estimates choose where a chain starts and show as EstimatedRows.
/// </summary>
internal static class CostModel
{
    public const double EqualitySelectivity = 0.1;
    public const double RangeSelectivity = 0.3;
    public const double DefaultSelectivity = 0.5;

    /// <summary>Rows of an equality seek on a non-unique index over <paramref name="labelCount"/> nodes.</summary>
    public static long IndexEquality(long labelCount) => Math.Max(1, (long)Math.Sqrt(labelCount));

    /// <summary>Groups of a grouping aggregation or DISTINCT over <paramref name="rows"/> rows.</summary>
    public static long Groups(long rows) => Math.Max(1, (long)Math.Sqrt(rows));

    public static long Filtered(long rows, Expression predicate) => Math.Max(1, (long)(rows * Selectivity(predicate, null)));

    public static double Selectivity(Expression e, ExecContext? ctx) => e switch
    {
        BinaryExpression { Operator: BinaryOperator.And } b => Selectivity(b.Left, ctx) * Selectivity(b.Right, ctx),
        BinaryExpression { Operator: BinaryOperator.Equal or BinaryOperator.In } => EqualitySelectivity,
        BinaryExpression { Operator: BinaryOperator.LessThan or BinaryOperator.LessThanOrEqual or BinaryOperator.GreaterThan
            or BinaryOperator.GreaterThanOrEqual or BinaryOperator.StartsWith } => RangeSelectivity,
        LabelPredicate { Labels: LabelName l } when ctx is not null && ctx.Reader.NodeCount > 0 =>
            Math.Max(0.0001, (double)ctx.Reader.CountNodes(l.Name) / ctx.Reader.NodeCount),
        _ => DefaultSelectivity,
    };

    /// <summary>Rows after expanding from <paramref name="from"/>: the average degree of its nodes in the
    /// relationship types (their count over the start label's count), or, Into, the share of those that reach the
    /// bound node.</summary>
    public static long Expanded(long rows, NodePattern from, LabelExpression? types, Direction direction, bool into, ExecContext ctx)
    {
        var names = types?.AsDisjunction();
        double rels = names is null ? ctx.Reader.RelationshipCount : names.Sum(ctx.Reader.CountRelationships);
        var starts = from.Labels?.AsConjunction() is { Count: > 0 } labels ? labels.Min(ctx.Reader.CountNodes) : ctx.Reader.NodeCount;
        var degree = rels / Math.Max(1, starts) * (direction == Direction.Both ? 2 : 1);
        if (into) degree /= Math.Max(1, ctx.Reader.NodeCount);
        return Math.Max(1, (long)Math.Ceiling(rows * degree));
    }
}
