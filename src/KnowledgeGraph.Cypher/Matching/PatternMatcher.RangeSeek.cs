using KnowledgeGraph.Cypher.Expressions;
using KnowledgeGraph.Cypher.Runtime;
using KnowledgeGraph.Cypher.Syntax.Ast;

namespace KnowledgeGraph.Cypher.Matching;

/// <summary>Range (<c>&lt; &lt;= &gt; &gt;=</c>) and prefix (<c>STARTS WITH</c>) index seeks. The seek only narrows the
/// candidates: the WHERE predicate is still evaluated on every row, so the seek must return a superset of the
/// matching nodes. The store returns only values of the bound's type family, which is exactly Cypher's rule that
/// comparisons across types are null (never true).</summary>
internal static partial class PatternMatcher
{
    internal sealed record RangeSeek(string Label, string Property, List<SeekHint> Bounds);

    private static bool IsRangeOperator(BinaryOperator op) =>
        op is BinaryOperator.LessThan or BinaryOperator.LessThanOrEqual or BinaryOperator.GreaterThan or BinaryOperator.GreaterThanOrEqual
            or BinaryOperator.StartsWith;

    /// <summary>The operator with its operands swapped: <c>x &lt; n.p</c> is <c>n.p &gt; x</c>.</summary>
    private static BinaryOperator Flip(BinaryOperator op) => op switch
    {
        BinaryOperator.LessThan => BinaryOperator.GreaterThan,
        BinaryOperator.LessThanOrEqual => BinaryOperator.GreaterThanOrEqual,
        BinaryOperator.GreaterThan => BinaryOperator.LessThan,
        BinaryOperator.GreaterThanOrEqual => BinaryOperator.LessThanOrEqual,
        _ => op,
    };

    /// <summary>The indexed (label, property) with range/prefix hints on an unbound node pattern, if any.</summary>
    internal static RangeSeek? RangeSeekFor(NodePattern np, Row row, ExecContext ctx, List<SeekHint>? hints)
    {
        if (hints is null || np.Variable is null) return null;
        var labels = np.Labels?.AsConjunction();
        if (labels is null || labels.Count == 0) return null;
        foreach (var label in labels)
            foreach (var h in hints)
            {
                if (h.Variable != np.Variable || !IsRangeOperator(h.Op) || h.Property[0] == '\u0000' || !CanEvaluateHint(h, row)) continue;
                if (!ServesRange(label, h.Property, h, ctx)) continue;
                var bounds = hints.Where(o => o.Variable == h.Variable && o.Property == h.Property && IsRangeOperator(o.Op) && CanEvaluateHint(o, row) && ServesRange(label, o.Property, o, ctx)).ToList();
                return new RangeSeek(label, h.Property, bounds);
            }
        return null;
    }

    /// <summary>Number (long/double, not NaN) = 1, string = 2; 0 for values whose ordering the seek does not
    /// cover (the caller then falls back to a scan, which is always correct).</summary>
    private static int Family(object? v) => v switch
    {
        long => 1,
        double d when !double.IsNaN(d) => 1,
        string => 2,
        _ => 0,
    };

    /// <summary>Runs the seek; null when the bound values are not seekable (then the caller scans instead).
    /// A null bound makes the predicate null for every row, so nothing matches.</summary>
    private static bool CanEvaluateHint(SeekHint h, Row row) => CanEvaluate(h.Value, row) && (h.Spatial is null || CanEvaluate(h.Spatial.Other, row));

    private static IEnumerable<long>? RangeSeekIds(RangeSeek seek, Row row, ExecContext ctx)
    {
        if (seek.Bounds.FirstOrDefault(b => b.Spatial is not null) is { } spatial) return SpatialSeekIds(seek, spatial, row, ctx);
        object? lower = null, upper = null;
        bool lowerInc = false, upperInc = false;
        var family = 0;
        foreach (var h in seek.Bounds)
        {
            var v = Evaluator.Eval(h.Value, row, ctx);
            if (v is null) return [];
            if (h.Op == BinaryOperator.StartsWith)
            {
                // STARTS WITH a non-string is null: no row can match.
                if (v is not string prefix) return [];
                return ctx.Reader.IndexSeekPrefix(seek.Label, seek.Property, prefix);
            }
            var f = Family(v);
            if (f == 0) return null;
            // Bounds of different families can never hold together; one bound is still a superset.
            if (family != 0 && f != family) continue;
            family = f;
            if (h.Op is BinaryOperator.GreaterThan or BinaryOperator.GreaterThanOrEqual)
            {
                if (lower is null) (lower, lowerInc) = (v, h.Op == BinaryOperator.GreaterThanOrEqual);
            }
            else if (upper is null) (upper, upperInc) = (v, h.Op == BinaryOperator.LessThanOrEqual);
        }
        return lower is null && upper is null ? null : ctx.Reader.IndexSeekRange(seek.Label, seek.Property, lower, lowerInc, upper, upperInc);
    }
}
