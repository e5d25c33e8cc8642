using KnowledgeGraph.Cypher.Runtime;
using KnowledgeGraph.Cypher.Syntax.Ast;
using KnowledgeGraph.Cypher.Values;

namespace KnowledgeGraph.Cypher.Matching;

/// <summary>
/// <c>MATCH (x)-[r:T]-(y)</c> with x and y bound and nothing else to check on either node (no labels, property map or
/// inline WHERE), the per-hop lookup of <c>paths</c> that runs once per consecutive pair. The general matcher answers
/// it through five nested iterators, a search state and a relationship-uniqueness set per input row; this reads the
/// same adjacency in the same order (same anchor choice, same hub rule, same ticks and db hits) and binds only the
/// relationship, so the rows and their order are the general matcher's.
/// </summary>
internal static partial class PatternMatcher
{
    /// <summary>The rows of a bound pair, or null when <paramref name="pattern"/> is not one (the general matcher
    /// then answers).</summary>
    private static IEnumerable<Row>? TryMatchBoundPair(Pattern pattern, Row row, ExecContext ctx, List<SeekHint> hints)
    {
        if (pattern.Parts.Count != 1 || pattern.Parts[0] is not { PathVariable: null } part) return null;
        if (part.Selector is { Kind: not PathSelectorKind.All }) return null;
        var elems = NormalizedOnce(part.Path);
        if (elems.Count != 3 || elems[1] is not RelationshipPattern { IsVariableLength: false, Properties: null, Where: null } rp) return null;
        if (elems[0] is not NodePattern { Variable: { } a, Labels: null, Properties: null, Where: null }) return null;
        if (elems[2] is not NodePattern { Variable: { } b, Labels: null, Properties: null, Where: null }) return null;
        if (!row.TryGet(a, out var first) || first is not NodeValue x || !row.TryGet(b, out var last) || last is not NodeValue y) return null;
        if (rp.Variable is not null && row.Has(rp.Variable)) return null;
        // As MatchPlain: the anchor end, or the other end when the anchor is a hub (IntoFromLastEnd).
        var reverse = AnchorIndex(elems, row, ctx, hints) > 0 || IntoFromLastEnd(elems, row, ctx);
        return reverse ? BoundPair(Reversed(rp), y.Id, x.Id, rp.Variable, row, ctx) : BoundPair(rp, x.Id, y.Id, rp.Variable, row, ctx);
    }

    private static IEnumerable<Row> BoundPair(RelationshipPattern rp, long start, long far, string? variable, Row row, ExecContext ctx)
    {
        // The anchor's check (Candidates); the far end needs none beyond being the relationship's other node.
        if (ctx.DeletedNodes.Contains(start) || !ctx.Reader.NodeExists(start)) yield break;
        ctx.Tick();
        foreach (var record in RelRecords(start, rp, ctx))
        {
            ctx.Tick();
            if (record.OtherNode(start) != far) continue;
            yield return variable is null ? row : row.With(variable, RelValue.Of(record));
        }
    }
}
