using KnowledgeGraph.Cypher.Runtime;
using KnowledgeGraph.Cypher.Syntax.Ast;
using KnowledgeGraph.Cypher.Values;

namespace KnowledgeGraph.Cypher.Expressions;

/// <summary><c>COUNT { (a)-[:T]->(b) }</c> from a bound node without predicates reads the store's degree instead
/// of expanding and building a row per relationship; with a label on the far end it still only walks the
/// adjacency (no rows). Anything else takes the general path.</summary>
internal static partial class Evaluator
{
    private static bool TryCountSingleHop(SubqueryExpression sq, Row row, ExecContext ctx, out long count)
    {
        count = 0;
        PathPattern? path = null;
        if (sq.Query is SingleQuery { Clauses: [MatchClause { Optional: false, Where: null, Pattern.Parts: [var part] }] } && sq.Pattern is null)
            path = part.Selector is null or { Kind: PathSelectorKind.All } ? part.Path : null;
        else if (sq.Query is null && sq.Where is null && sq.Pattern is { Parts: [var p] } && p.Selector is null or { Kind: PathSelectorKind.All })
            path = p.Path;
        if (path is not { Elements: [NodePattern a, RelationshipPattern r, NodePattern b] }) return false;
        // Relationships or nodes deleted by this query are hidden by the expansion, not by the degree.
        if (ctx.DeletedNodes.Count > 0 || ctx.DeletedRels.Count > 0) return false;
        if (a is not { Variable: { } av, Labels: null, Properties: null, Where: null } || !row.TryGet(av, out var bound) || bound is not NodeValue start)
            return false;
        if (r is not { Properties: null, Where: null } || r.IsVariableLength || r.Direction == RelationshipDirection.Both) return false;
        if (b is not { Properties: null, Where: null }) return false;
        // A bound relationship or far-end variable (or a repeated variable) constrains the match: general path.
        if ((r.Variable is not null && (row.Has(r.Variable) || r.Variable == av)) || (b.Variable is not null && (row.Has(b.Variable) || b.Variable == av || b.Variable == r.Variable)))
            return false;
        IReadOnlyList<string>? types = null;
        if (r.Types is not null)
        {
            types = r.Types.AsDisjunction();
            if (types is null || types.Distinct(StringComparer.Ordinal).Count() != types.Count) return false;
        }
        if (!ctx.Reader.NodeExists(start.Id)) return true;
        var direction = LabelMatch.ToStorage(r.Direction);
        if (b.Labels is null)
        {
            ctx.DbHits++;
            count = ctx.Reader.GetDegree(start.Id, direction, types);
            return true;
        }
        if (b.Labels is LabelName label && types is [var single]
            && LabelDegrees.CountToLabel(start.Id, direction, single, label.Name, ctx) is { } labelled)
        {
            count = labelled;
            return true;
        }
        foreach (var rel in ctx.Reader.Adjacency(start.Id, direction, types))
        {
            ctx.Tick();
            var other = r.Direction == RelationshipDirection.Outgoing ? rel.EndNodeId : rel.StartNodeId;
            if (LabelMatch.NodeLabelsMatch(other, b.Labels, ctx)) count++;
        }
        return true;
    }
}
