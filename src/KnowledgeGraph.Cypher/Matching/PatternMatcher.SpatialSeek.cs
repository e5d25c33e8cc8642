using KnowledgeGraph.Cypher.Expressions;
using KnowledgeGraph.Cypher.Runtime;
using KnowledgeGraph.Cypher.Syntax.Ast;
using KnowledgeGraph.Spatial;

namespace KnowledgeGraph.Cypher.Matching;

/// <summary>What a spatial hint bounds: a box (<c>point.withinBBox(n.p, lowerLeft, upperRight)</c>) or a circle
/// (<c>point.distance(n.p, centre) &lt; radius</c>, either operand order, <c>&lt;</c> or <c>&lt;=</c>).</summary>
internal enum SpatialBoundKind
{
    BoundingBox,
    Distance,
}

/// <summary>The second operand of a spatial hint: the upper-right corner, or the radius.</summary>
internal sealed record SpatialBound(SpatialBoundKind Kind, Expression Other);

/// <summary>
/// Index seeks for spatial predicates. A point index (or a range index over points) orders points by SRID, then x,
/// y, z; a box or a distance circle is turned into the x interval of its CRS that holds it (two intervals for a box
/// across the 180th meridian; the whole CRS for a circle that wraps it or reaches a pole), and the WHERE predicate, still evaluated on every row, removes the
/// rest. So the seek returns a superset, as every range seek here must.
/// </summary>
internal static partial class PatternMatcher
{
    private static SeekHint? SpatialHint(Expression conjunct, HashSet<string> patternVars)
    {
        if (conjunct is FunctionCall { Arguments: [PropertyAccess { Target: Variable v } p, var lowerLeft, var upperRight] } f
            && f.QualifiedName.Equals("point.withinBBox", StringComparison.OrdinalIgnoreCase)
            && patternVars.Contains(v.Name) && !Reads(lowerLeft, v.Name) && !Reads(upperRight, v.Name))
            return new SeekHint(v.Name, p.Key, lowerLeft, false, BinaryOperator.GreaterThanOrEqual, new SpatialBound(SpatialBoundKind.BoundingBox, upperRight));
        if (conjunct is not BinaryExpression b) return null;
        var (call, radius) = b.Operator switch
        {
            BinaryOperator.LessThan or BinaryOperator.LessThanOrEqual => (b.Left as FunctionCall, b.Right),
            BinaryOperator.GreaterThan or BinaryOperator.GreaterThanOrEqual => (b.Right as FunctionCall, b.Left),
            _ => (null, b.Right),
        };
        if (call is not { Arguments.Count: 2 } || !call.QualifiedName.Equals("point.distance", StringComparison.OrdinalIgnoreCase)) return null;
        foreach (var (side, centre) in new[] { (call.Arguments[0], call.Arguments[1]), (call.Arguments[1], call.Arguments[0]) })
        {
            if (side is PropertyAccess { Target: Variable dv } dp && patternVars.Contains(dv.Name) && !Reads(centre, dv.Name) && !Reads(radius, dv.Name))
                return new SeekHint(dv.Name, dp.Key, centre, false, BinaryOperator.LessThanOrEqual, new SpatialBound(SpatialBoundKind.Distance, radius));
        }
        return null;
    }

    /// <summary>The seek for a spatial hint; null (scan instead) when the operands are not points and numbers, so the
    /// predicate itself reports the type error; empty when the predicate is null for every row.</summary>
    private static IEnumerable<long>? SpatialSeekIds(RangeSeek seek, SeekHint hint, Row row, ExecContext ctx)
    {
        var first = Evaluator.Eval(hint.Value, row, ctx);
        var other = Evaluator.Eval(hint.Spatial!.Other, row, ctx);
        if (first is null || other is null) return [];
        int srid;
        double low, high;
        if (hint.Spatial.Kind == SpatialBoundKind.BoundingBox)
        {
            if (first is not CypherPoint lowerLeft || other is not CypherPoint upperRight) return null;
            if (lowerLeft.Srid != upperRight.Srid) return [];
            srid = lowerLeft.Srid;
            // A box across the 180th meridian is two disjoint x intervals: [west edge, +inf) and (-inf, east edge].
            if (lowerLeft.IsGeographic && lowerLeft.X > upperRight.X)
                return Seek(seek, srid, lowerLeft.X, double.PositiveInfinity, ctx).Concat(Seek(seek, srid, double.NegativeInfinity, upperRight.X, ctx));
            (low, high) = (lowerLeft.X, upperRight.X);
        }
        else
        {
            if (first is not CypherPoint centre || other is not (long or double)) return null;
            srid = centre.Srid;
            (low, high) = SpatialMath.XRangeWithin(centre, Convert.ToDouble(other, System.Globalization.CultureInfo.InvariantCulture));
        }
        return !(low <= high) ? [] : Seek(seek, srid, low, high, ctx);
    }

    /// <summary>Every point of the CRS whose x is in [low, high], whatever its y and z.</summary>
    private static IEnumerable<long> Seek(RangeSeek seek, int srid, double low, double high, ExecContext ctx)
    {
        double? z = CypherPoint.Is3DSrid(srid) ? double.NegativeInfinity : null;
        var lower = new CypherPoint(srid, low, double.NegativeInfinity, z);
        var upper = new CypherPoint(srid, high, double.PositiveInfinity, z is null ? null : double.PositiveInfinity);
        return ctx.Reader.IndexSeekRange(seek.Label, seek.Property, lower, true, upper, true);
    }
}
