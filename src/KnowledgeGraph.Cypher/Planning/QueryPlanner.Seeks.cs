using KnowledgeGraph.Cypher.Matching;
using KnowledgeGraph.Cypher.Runtime;
using KnowledgeGraph.Cypher.Syntax.Ast;

namespace KnowledgeGraph.Cypher.Planning;

/// <summary>
/// Seeks beyond equality: <c>id(n) = …</c> / <c>IN</c> (NodeByIdSeek), <c>elementId(n) = …</c>
/// (NodeByElementIdSeek), and comparisons or STARTS WITH on a RANGE-indexed property (NodeIndexSeekByRange). The
/// hints are the matcher's (<see cref="PatternMatcher.ExtractHints"/>) and so is the seek at run time; spatial
/// bounds and POINT / TEXT indexes stay with the interpreter (InterpreterAnchorsBetter).
/// </summary>
internal sealed partial class QueryPlanner
{
    /// <summary>The seek hints of the MATCH being planned (null: no WHERE).</summary>
    private List<PatternMatcher.SeekHint>? _seekHints;

    /// <summary>A Row naming the bound variables (values unused: the matcher's choice only asks what is bound).</summary>
    private static Row BoundRow(HashSet<string> bound)
    {
        var names = bound.ToArray();
        return Row.FromArrays(names, new object?[names.Length]);
    }

    /// <summary>An id / elementId seek (<paramref name="idOnly"/>), or else a range / prefix index seek, for a named
    /// node pattern, when the MATCH's WHERE offers one valued from what is bound.</summary>
    private LeafPlan? SeekLeaf(NodePattern np, string name, HashSet<string> bound, bool idOnly)
    {
        if (_seekHints is null || name.StartsWith(' ')) return null;
        var probe = new NodePattern(name, np.Labels, null, null);
        var row = BoundRow(bound);
        if (PatternMatcher.IdSeekFor(probe, row, _seekHints) is { } id)
        {
            var estimate = !id.IsList ? 1 : id.Value is ListLiteral l ? Math.Max(1, l.Items.Count) : 10;
            return new LeafPlan(id.Property == PatternMatcher.IdKey ? LeafKind.NodeByIdSeek : LeafKind.NodeByElementIdSeek, null, null, id.Value, estimate, id.IsList);
        }
        if (idOnly) return null;
        if (PatternMatcher.RangeSeekFor(probe, row, _ctx, _seekHints) is { } range && range.Bounds.All(b => b.Spatial is null))
            return new LeafPlan(LeafKind.NodeIndexSeekByRange, range.Label, range.Property, null,
                Math.Max(1, (long)(_ctx.Reader.CountNodes(range.Label) * CostModel.RangeSelectivity)));
        return null;
    }

    private void PushSeekLeaf(NodePattern np, string name, LeafPlan leaf, HashSet<string> bound)
    {
        var shown = Shown(name);
        var probe = new NodePattern(name, np.Labels, null, null);
        string details;
        if (leaf.Kind == LeafKind.NodeIndexSeekByRange)
        {
            var range = PatternMatcher.RangeSeekFor(probe, BoundRow(bound), _ctx, _seekHints)!;
            details = $"RANGE INDEX {shown}:{range.Label}({range.Property}) WHERE "
                + string.Join(" AND ", range.Bounds.Select(b => $"{range.Property} {OperatorText(b.Op)} {Text(b.Value)}"));
        }
        else
        {
            var function = leaf.Kind == LeafKind.NodeByIdSeek ? "id" : "elementId";
            details = $"{shown} WHERE {function}({shown}) {(leaf.IsList ? "IN" : "=")} {Text(leaf.Value!)}";
        }
        var names = bound.Where(_scope.ContainsKey).Order(StringComparer.Ordinal).ToArray();
        _estimate = _plan is null ? leaf.Estimate : _estimate * Math.Max(1, leaf.Estimate);
        Push(new NodeSeekOperator(_plan, leaf.Kind.ToString(), probe, names, [.. names.Select(n => _scope[n])], _scope[name], _seekHints!, _layout, details, leaf.Estimate));
    }

    private static string OperatorText(BinaryOperator op) => op switch
    {
        BinaryOperator.LessThan => "<",
        BinaryOperator.LessThanOrEqual => "<=",
        BinaryOperator.GreaterThan => ">",
        BinaryOperator.GreaterThanOrEqual => ">=",
        _ => "STARTS WITH",
    };
}
