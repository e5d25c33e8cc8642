using KnowledgeGraph.Cypher.Expressions;
using KnowledgeGraph.Cypher.Matching;
using KnowledgeGraph.Cypher.Runtime;
using KnowledgeGraph.Cypher.Syntax;
using KnowledgeGraph.Cypher.Syntax.Ast;

namespace KnowledgeGraph.Cypher.Explain;

/// <summary>Names the operators a clause runs as, the way Neo4j's EXPLAIN names them, mirroring the matcher's
/// actual anchor choice (bound variable, index seek, label scan, all-nodes scan).</summary>
internal static class PlanDescriber
{
    public static string[] MatchOperators(MatchClause m, List<string> scope, ExecContext ctx)
    {
        var ops = new List<string>();
        if (m.Optional) ops.Add("Optional");
        if (m.Where is not null) ops.Add("Filter");
        var hints = m.Where is null ? [] : PatternMatcher.ExtractHints(m.Where, m.Pattern).ToList();
        var row = new Row(scope.ToDictionary(v => v, _ => (object?)null, StringComparer.Ordinal));
        if (m.Pattern.Parts.Count > 1) ops.Add("CartesianProduct");
        var parts = PatternMatcher.OrderParts(m.Pattern.Parts, row, ctx, hints);
        // The scope each part is matched in: the variables of the parts matched before it are bound.
        var scopes = new List<Row>();
        foreach (var part in parts)
        {
            scopes.Add(row);
            row = row.WithNulls(AstWalk.PartVariables(part));
        }
        for (var p = parts.Count - 1; p >= 0; p--)
        {
            var part = parts[p];
            row = scopes[p];
            var elems = PatternMatcher.Normalize(part.Path.Elements);
            if (part.Selector is { Kind: not PathSelectorKind.All })
            {
                ops.Add("ShortestPath");
                ops.Add(AnchorOp((NodePattern)elems[0], row, ctx, hints));
                continue;
            }
            for (var i = elems.Count - 2; i >= 1; i -= 2)
            {
                ops.Add(elems[i] switch
                {
                    RelationshipPattern { IsVariableLength: true } => "VarLengthExpand(All)",
                    RelationshipPattern => "Expand(All)",
                    _ => "Repeat(Trail)",
                });
            }
            ops.Add(AnchorOp((NodePattern)elems[PatternMatcher.AnchorIndex(elems, row, ctx, hints)], row, ctx, hints));
        }
        return ops.Where(o => o.Length > 0).ToArray();
    }

    private static string AnchorOp(NodePattern np, Row row, ExecContext ctx, List<PatternMatcher.SeekHint> hints)
    {
        if (np.Variable is not null && row.Has(np.Variable)) return "Argument";
        if (PatternMatcher.IdSeekFor(np, row, hints) is { } id) return id.Property == PatternMatcher.IdKey ? "NodeByIdSeek" : "NodeByElementIdSeek";
        if (PatternMatcher.IndexSeekFor(np, row, ctx, hints) is not null) return "NodeIndexSeek";
        if (PatternMatcher.RangeSeekFor(np, row, ctx, hints) is not null) return "NodeIndexSeekByRange";
        if (PatternMatcher.JoinFor(np, row, ctx, hints) is not null) return "ValueHashJoin";
        if (np.Labels?.AsConjunction() is { Count: > 0 }) return "NodeByLabelScan";
        return "AllNodesScan";
    }

    public static string[] ProjectionOperators(ProjectionBody b, bool filter)
    {
        var ops = new List<string>();
        if (filter) ops.Add("Filter");
        if (b.Limit is not null && b.OrderBy.Count == 0) ops.Add("Limit");
        if (b.Skip is not null && b.OrderBy.Count == 0) ops.Add("Skip");
        if (b.OrderBy.Count > 0)
        {
            if (b.Skip is not null && b.Limit is not null) ops.Add("Skip");
            ops.Add(b.Limit is not null ? "Top" : "Sort");
        }
        if (b.Items.Any(i => ExpressionFacts.ContainsAggregate(i.Expression))) ops.Add("EagerAggregation");
        else if (b.Distinct) ops.Add("Distinct");
        else ops.Add("Projection");
        return [.. ops];
    }

    public static long Estimate(Clause clause, List<string> scope, ExecContext ctx)
    {
        if (clause is not MatchClause m) return 1;
        long est = 1;
        foreach (var part in m.Pattern.Parts)
        {
            var first = PatternMatcher.Normalize(part.Path.Elements)[0] as NodePattern;
            if (first?.Variable is not null && scope.Contains(first.Variable)) continue;
            est *= Math.Max(1, first is null ? ctx.Reader.NodeCount : PatternMatcher.Estimate(first, ctx));
        }
        return est;
    }
}
